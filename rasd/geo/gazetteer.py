"""The gazetteer: places, their Arabic names and the words around names, loaded once per process.

``load()`` reads ``index.tsv`` (built by :mod:`rasd.geo.build` from the files in ``rasd/data/gazetteer``) or, when
the user has imported GeoNames or DTM files (``rasd gazetteer import``), the user's rebuilt index, and keeps it
in a module-level cache: the CLI, the batch runner, the API and every Spark executor load it once.
"""
from __future__ import annotations

import gc
import hashlib
import marshal
import mmap
import os
import sys
import tempfile
import threading
import zlib
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from ..text import norm, tokenize
from .build import DATA, INDEX_VERSION, normaliser_fingerprint, read_rows

ISO_NUMERIC: dict[str, int] = {}
COUNTRY_NAMES: dict[str, str] = {}


@dataclass(slots=True)
class Place:
    """A place of the gazetteer (or a country / admin unit), with English names as records carry them."""

    name: str
    name_ar: str
    country: str
    iso: int
    admin1: str | None
    admin2: str | None
    admin3: str | None
    latitude: float
    longitude: float
    geonameid: int | None
    feature: str  # 'PCLI', 'ADM1', 'ADM2', 'PPLC', 'PPLA', 'PPL', 'PPLA3', 'VILLAGE', 'NBHD', 'CAMP', 'SITE:base', ...
    population: int = 0


@dataclass(slots=True)
class Entry:
    """What rasd knows about a place beyond the record fields: codes for context, and the place itself."""

    place: Place
    id: str
    cc: str  # ISO alpha-2
    a1: str  # GeoNames admin1 code ('' for a country)
    a2: str
    ref: str  # capital (admin1) or seat (admin2) entry id
    big: bool  # known widely enough to be named abroad without a qualifier


def user_dir() -> Path:
    """Where imported gazetteer layers and the user's rebuilt index live (``$RASD_GAZETTEER_DIR``, else
    ``$XDG_DATA_HOME/rasd/gazetteer``, else ``~/.local/share/rasd/gazetteer``)."""
    env = os.environ.get("RASD_GAZETTEER_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "rasd" / "gazetteer"


def index_path() -> Path:
    user = user_dir() / "index.tsv"
    return user if user.exists() else DATA / "index.tsv"


def _key_tokens(key: str) -> tuple[str, ...]:
    return tuple(key.split(" "))


class Gazetteer:
    """Places and the look-up tables recognition needs."""

    def __init__(self, path: Path | None = None):
        path = Path(path) if path else index_path()
        self.path = path
        self.entries: list[Entry] = []
        self.by_id: dict[str, int] = {}
        self.names: dict[str, list[tuple[int, str]]] = {}  # key -> [(entry index, flags)]
        self.first: set[str] = set()  # first tokens of all keys
        self.multi: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}  # 2 first tokens -> [(rest, key)]
        self.admin1: dict[str, int] = {}
        self.admin2: dict[str, int] = {}
        self.countries: dict[str, int] = {}
        self._load_countries()
        self._load_index(path)
        self._load_context()

    # -- loading ---------------------------------------------------------------------------------------
    def _load_countries(self) -> None:
        self.adjectives: dict[str, str] = {}
        self.covered: set[str] = set()
        self.country_names_ar: dict[str, list[str]] = {}  # ISO code -> normalised Arabic names
        for r in read_rows(DATA / "countries.tsv"):
            self.country_names_ar[r["iso2"]] = [" ".join(t.text for t in tokenize(norm(n)))
                                                for n in r["names_ar"].split("|") if n]
            ISO_NUMERIC[r["iso2"]] = int(r["iso"])
            COUNTRY_NAMES[r["iso2"]] = r["name"]
            if r["covered"] == "1":
                self.covered.add(r["iso2"])
            for stem in r["adjectives"].split("|"):
                if not stem:
                    continue
                s = norm(stem)
                for form in (s, s + "ه", s + "ين", s + "ون", s + "ان", s + "تان", s + "تين"):
                    self.adjectives[form] = r["iso2"]

    def _load_index(self, path: Path) -> None:
        """The parsed index from the user's cache when it was written from these very bytes of ``path`` (and
        this normaliser, this loader, these countries), else parsed from the TSV and the cache written anew."""
        # files are read through mmap, not into one big bytes object: a freed allocation of megabytes raises
        # malloc's mmap threshold, and the process then keeps ~4 MB more of heap resident (measured)
        try:
            with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
                key = _cache_key(data)
        except (OSError, ValueError):  # unreadable or empty: the TSV reader below raises or reads nothing
            key = None
        cache = _cache_file(path) if key is not None else None
        # 60,000 long-lived containers are made here: the collector's young-generation passes over them
        # (one every 700 allocations) would find nothing to free
        paused = gc.isenabled()
        gc.disable()
        try:
            if cache is not None and self._read_cache(cache, key):
                return
            stale = self._parse_index(path)
            if cache is not None and not stale:  # an index of another normaliser is re-tokenised: not kept
                state = self._cache_state()
                if state is not None:
                    _write_cache(cache, key, state)
        finally:
            if paused:
                gc.enable()

    # -- the parsed index as plain tuples, dicts and sets (marshal), and back ---------------------------------
    def _cache_state(self) -> tuple | None:
        # the entries by column (16 lists, not 19,000 tuples: fewer objects made and freed while loading)
        entries = tuple(map(list, zip(*((e.place.name, e.place.name_ar, e.cc, e.place.admin1, e.place.admin2,
                                         e.place.admin3, e.place.latitude, e.place.longitude, e.place.geonameid,
                                         e.place.feature, e.place.population, e.id, e.a1, e.a2, e.ref, e.big)
                                        for e in self.entries)))) if self.entries else ([],) * 16
        # a set is kept as the list of its elements in the order they were put in, so that the set made
        # again from it is laid out, and iterates, exactly as the parsed one (in a process of the same hash seed)
        first = list(dict.fromkeys(k.split(" ", 1)[0] for k in self.names))
        strict = [k for k in self.names if k in self.strict]
        country_keys = [k for k in self.names if k in self.country_keys]
        for made, parsed in ((first, self.first), (strict, self.strict), (country_keys, self.country_keys)):
            if list(set(made)) != list(parsed):
                return None
        return (entries, self.names, first, self.multi, self.admin1, self.admin2, self.countries, strict,
                country_keys, self.max_len)

    def _read_cache(self, cache: Path, key: bytes) -> bool:
        """Take the parsed index from ``cache`` if it is whole and was written for ``key``; False otherwise
        (absent, stale, unreadable, truncated, corrupt: the caller reads the TSV)."""
        try:
            with open(cache, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as blob:
                end = blob.find(b"\n")
                magic, file_key, length, crc = blob[:end].split(b" ")
                with memoryview(blob) as view, view[end + 1:] as payload:
                    if (end < 0 or magic != _CACHE_MAGIC or file_key != key or int(length) != len(payload)
                            or int(crc, 16) != zlib.crc32(payload)):
                        return False
                    state = marshal.loads(payload)
            (entries, names, first, multi, admin1, admin2, countries, strict, country_keys, max_len) = state
            built = _entries_of_columns(entries)
            by_id = {e.id: i for i, e in enumerate(built)}
            if not (isinstance(names, dict) and isinstance(multi, dict) and isinstance(max_len, int)
                    and isinstance(admin1, dict) and isinstance(admin2, dict) and isinstance(countries, dict)):
                return False
            first, strict, country_keys = set(first), set(strict), set(country_keys)
        except Exception:  # noqa: BLE001 - whatever is wrong with a cache file, the TSV is the truth
            return False
        self.entries, self.by_id, self.names, self.first, self.multi = built, by_id, names, first, multi
        self.admin1, self.admin2, self.countries = admin1, admin2, countries
        self.strict, self.country_keys, self.max_len = strict, country_keys, max_len
        return True

    def _parse_index(self, path: Path) -> bool:
        """Parse the TSV; True when its keys were written by another normaliser (and were normalised again)."""
        with open(path, encoding="utf-8") as handle:
            first_line = handle.readline()
            stale = f"normaliser={normaliser_fingerprint()}" not in first_line or f"v{INDEX_VERSION} " not in first_line
            header = None
            for line in handle:
                if line.startswith("#"):
                    continue
                cells = line.rstrip("\n").split("\t")
                if header is None:
                    header = cells
                    continue
                (eid, feature, cc, a1, a1name, a2, a2name, admin3, name, lat, lon, pop, gid, names_ar, keys,
                 ref) = cells[:16]
                population = int(pop or 0)
                place = Place(name=name, name_ar=names_ar.split("|", 1)[0], country=COUNTRY_NAMES.get(cc, cc),
                              iso=ISO_NUMERIC.get(cc, 0), admin1=a1name or None, admin2=a2name or None,
                              admin3=admin3 or None, latitude=float(lat), longitude=float(lon),
                              geonameid=int(gid) if gid.isdigit() else None, feature=feature, population=population)
                big = feature in ("PCLI", "ADM1", "PPLC", "PPLA") or population >= 100000 or feature.startswith("SITE")
                index = len(self.entries)
                self.entries.append(Entry(place, eid, cc, a1, a2, ref, big))
                self.by_id[eid] = index
                if feature == "ADM1":
                    self.admin1[a1] = index
                elif feature == "ADM2":
                    self.admin2[a2] = index
                elif feature == "PCLI":
                    self.countries[cc] = index
                for token in keys.split("|"):
                    if not token:
                        continue
                    key, _, flags = token.partition("~")
                    if stale:
                        key = " ".join(t.text for t in tokenize(norm(key)))
                        if not key:
                            continue
                    bucket = self.names.get(key)
                    if bucket is None:
                        self.names[key] = bucket = []
                        toks = _key_tokens(key)
                        self.first.add(toks[0])
                        if len(toks) > 1:
                            self.multi.setdefault(toks[:2], []).append((toks[2:], key))
                    bucket.append((index, flags))
        for lst in self.multi.values():
            lst.sort(key=lambda item: -len(item[0]))
        # names that are places only right after a type word or a direction phrase
        self.strict = {k for k, bucket in self.names.items() if all("T" in f for _, f in bucket)}
        self.country_keys = {k for k, bucket in self.names.items()
                             if all(self.entries[i].place.feature == "PCLI" for i, _ in bucket)}
        self.max_len = max((len(_key_tokens(k)) for k in self.names), default=1)
        return stale

    def _load_context(self) -> None:
        self.types1: dict[str, str] = {}
        self.types2: dict[tuple[str, str], str] = {}
        self.directions1: dict[str, str] = {}
        self.directions_multi: list[tuple[tuple[str, ...], str]] = []
        self.titles: set[str] = set()
        self.given: set[str] = set()
        self.groups: set[str] = set()
        self.times: set[str] = set()
        self.fronts: set[str] = set()
        self.voices: set[str] = set()
        self.scenes: set[str] = set()  # verbs whose subject is where something happens (شهدت، احتضنت)
        self.t_nouns: set[str] = set()  # nouns ending in ت (بيت، وقت): no verb with a pronoun
        for r in read_rows(DATA / "context_words.tsv"):
            toks = tuple(t.text for t in tokenize(norm(r["word"])))
            if not toks:
                continue
            kind, value = r["kind"], r["value"]
            if kind == "type":
                if len(toks) == 1:
                    self.types1[toks[0]] = value
                else:
                    self.types2[toks[-2:]] = value
            elif kind == "direction":
                if len(toks) == 1:
                    self.directions1[toks[0]] = value
                else:
                    self.directions_multi.append((toks, value))
            elif kind == "title":
                self.titles.add(toks[0])
            elif kind == "given":
                self.given.add(toks[0])
            elif kind == "group":
                self.groups.add(toks[0])
            elif kind == "time":
                self.times.add(toks[0])
            elif kind == "front":
                self.fronts.add(toks[0])
            elif kind == "voice":
                self.voices.add(toks[0])
            elif kind == "scene":
                self.scenes.add(toks[0])
            elif kind == "noun":
                self.t_nouns.add(toks[0])
        self.directions_multi.sort(key=lambda x: -len(x[0]))

    # -- look-ups -------------------------------------------------------------------------------------
    def entry(self, eid: str) -> Entry | None:
        i = self.by_id.get(eid)
        return self.entries[i] if i is not None else None

    def admin1_entry(self, code: str) -> Entry | None:
        i = self.admin1.get(code)
        return self.entries[i] if i is not None else None

    def capital(self, entry: Entry) -> Entry | None:
        """The town an admin unit is coded at (capital or seat)."""
        return self.entry(entry.ref) if entry.ref else None

    def lookup(self, name: str) -> list[Entry]:
        """Entries with this Arabic name (any spelling the normaliser folds together)."""
        key = " ".join(t.text for t in tokenize(norm(name)))
        return [self.entries[i] for i, _ in self.names.get(key, ())]

    def __len__(self) -> int:
        return len(self.entries)


def _entries_of_columns(columns) -> list[Entry]:
    """The entries of the cache's 16 columns (name ... big), made by ``map`` over the columns (the loop at C
    speed: 19,000 entries at every process's start-up) in the order of the rows; ValueError where the columns
    are not 16 of one length (a corrupt cache)."""
    (name, name_ar, cc, a1name, a2name, admin3, lat, lon, gid, feature, population, eid, a1, a2, ref,
     big) = columns
    if any(len(column) != len(name) for column in columns):
        raise ValueError("the cache's columns differ in length")
    places = map(Place, name, name_ar, map(COUNTRY_NAMES.get, cc, cc), map(ISO_NUMERIC.get, cc, repeat(0)), a1name,
                 a2name, admin3, lat, lon, gid, feature, population)
    return list(map(Entry, places, eid, cc, a1, a2, ref, big))


# -- the cache of the parsed index ------------------------------------------------------------------------
# Parsing index.tsv (19,000 places, 21,000 names) is most of what a process does before its first article
# (0.1-0.27 CPU-s, serial before the workers of ``rasd extract --workers N`` fork). The parsed tables are kept
# as plain tuples, dicts and sets (marshal) in the user's cache, one file per index path, keyed by the
# SHA-1 of the index's bytes, of countries.tsv (country names and codes of the places), of this module's
# source (the loading rules) and the normaliser's fingerprint, Python's version (marshal's format) and the
# cache's format. A cache written for other bytes, truncated or corrupt (its length and CRC-32 are checked)
# is ignored and written anew; a cache directory that cannot be written only means the TSV is parsed.
_CACHE_MAGIC = b"rasd-gazetteer-cache-2"


def cache_dir() -> Path:
    """Where rasd keeps files it can rebuild (``$RASD_CACHE_DIR``, else ``$XDG_CACHE_HOME/rasd``, else
    ``~/.cache/rasd``)."""
    env = os.environ.get("RASD_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rasd"


def _cache_file(path: Path) -> Path | None:
    try:
        name = hashlib.sha1(os.fsencode(os.path.abspath(path))).hexdigest()[:16]
        return cache_dir() / f"gazetteer-{name}.marshal"
    except Exception:  # noqa: BLE001 - no home directory, odd path: no cache
        return None


def _cache_key(data: bytes) -> bytes | None:
    try:
        digest = hashlib.sha1(data)
        for extra in (DATA / "countries.tsv", Path(__file__)):
            with open(extra, "rb") as handle:
                digest.update(b"\0" + handle.read())
        digest.update(f"\0{normaliser_fingerprint()} v{INDEX_VERSION} {sys.version_info[:2]} "
                      f"m{marshal.version}".encode())
        return digest.hexdigest().encode()
    except OSError:
        return None


def _write_cache(cache: Path, key: bytes, state: tuple) -> None:
    """Write the cache whole or not at all (a temporary file renamed over it); errors are ignored."""
    tmp = None
    try:
        payload = marshal.dumps(state)
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=cache.name + ".", suffix=".tmp", dir=cache.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(b"%s %s %d %08x\n" % (_CACHE_MAGIC, key, len(payload), zlib.crc32(payload)))
            handle.write(payload)
        os.replace(tmp, cache)
        tmp = None
    except Exception:  # noqa: BLE001 - a read-only or full disk: the TSV is read next time too
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


_LOCK = threading.Lock()
_CACHE: dict[str, Gazetteer] = {}


_DEFAULT: list[Gazetteer] = []


def load(path: Path | str | None = None) -> Gazetteer:
    """The gazetteer, loaded on first use and cached for the process (:func:`clear_cache` forgets it)."""
    if path is None and _DEFAULT:
        return _DEFAULT[0]
    key = str(path or index_path())
    gaz = _CACHE.get(key)
    if gaz is None:
        with _LOCK:
            gaz = _CACHE.get(key)
            if gaz is None:
                gaz = Gazetteer(Path(key))
                _CACHE[key] = gaz
    if path is None and not _DEFAULT:
        _DEFAULT.append(gaz)
    return gaz


def clear_cache() -> None:
    _CACHE.clear()
    _DEFAULT.clear()
