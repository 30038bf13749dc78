"""The gazetteer: places, their Arabic names and the words around names, loaded once per process.

``load()`` reads ``index.tsv`` (built by :mod:`rasd.geo.build` from the files in ``rasd/data/gazetteer``) or, when
the user has imported GeoNames or DTM files (``rasd gazetteer import``), the user's rebuilt index, and keeps it
in a module-level cache: the CLI, the batch runner, the API and every Spark executor load it once.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
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
