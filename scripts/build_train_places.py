#!/usr/bin/env python3
"""Build ``rasd/data/gazetteer/train_places.tsv``: the places train.jsonl's hand-coded events name that the
gazetteer does not already resolve to the same place (a table that fills gaps and fixes spellings, no more).

Each gold event of train.jsonl carries ``location_ar`` (the words of the text), ``location``, its country,
admin1, admin2 and, for most, coordinates. A surface form (normalised as the gazetteer keys names, type words,
directions and fronts in front of it and proclitics off) becomes a row only when it is safe:

* **unambiguous in train**: every use of the form is one place (same country and admin1; uses with coordinates
  within 10 km of each other; uses without coordinates under a name of the same consonants as the rest);
* **a name, not a word**: a one-word form is no frequent Arabic word (``frequent_words.tsv``, Zipf >= 3.0), a
  form of several words is not made of frequent words only unless it starts with a place's head word (تل، جبل،
  أم، عين ...); no form holds a preposition, a country's name or adjective, or a generic noun of place (وسط،
  مقر، وزارة، مطار ...: sites belong in ``sites.tsv``); at most three words;
* **a gap**: the gazetteer compiled without this table does not know the form, or knows it only as places more
  than 10 km from the gold's (under another name where the gold has no coordinates), none of them a country, a
  first-level division, a district or a big town (a namesake of such a place is left to the curated files).

Rows carry the gold's names and coordinates; a row without coordinates in the gold (a village coded by name
only) is placed by the compiler at its district's seat, else its governorate's capital (``rasd.geo.build``), and
is named as rasd transliterates an unknown village when that spelling has the gold's consonants (the table adds
the name; it does not pick one coder's spelling over another's). Where the gold has no coordinates, a form inside
which the gazetteer knows a place of the same governorate is left to the gazetteer (نقيل الصلو: As Salw).

usage:
    python3 scripts/build_train_places.py [--train ../shared/eval/train.jsonl] [--out rasd/data/gazetteer/train_places.tsv]
    python3 scripts/build_train_places.py --exclude-source BBC --out /tmp/fold/train_places.tsv  # held-out outlet
    python3 scripts/build_train_places.py --check     # the shipped table agrees with these rules (tests)

``--exclude-source`` leaves out the articles of one outlet group (BBC, CNN, alarabia, france24, skynews, saudi =
every other outlet): the table of the other five, to measure the held-out outlet honestly
(``scripts/train_places_loso.py``).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "rasd" / "data" / "gazetteer"
TRAIN = ROOT.parent / "shared" / "eval" / "train.jsonl"
OUT = DATA / "train_places.tsv"
MAIN_OUTLETS = ("BBC", "CNN", "alarabia", "france24", "skynews")
NEAR_KM = 10.0
MAX_WORDS = 3
# a place's head word: a name of several frequent words that starts so is still a name (تل شهاب، جبل موجر)
HEAD_WORDS = {"تل", "جبل", "جبال", "ام", "ابو", "عين", "بير", "بئر", "خربه", "دير", "كفر", "بيت", "راس", "وادي",
              "سد", "نقيل", "حصن", "قلعه", "بني", "بلاد", "حوض", "سهل", "شعب", "عزله"}
# generic nouns of place or of an institution: a coder's phrase (وسط المدينة، مقر الحزب، وزارة الداخلية، مطار
# بروكسل) is no village's name; sites are curated in sites.tsv
GENERIC = {"وسط", "مقر", "مقار", "وزاره", "العاصمه", "عاصمه", "المدينه", "الحدود", "حدود", "المناطق", "مناطق",
           "مركز", "قاعده", "مطار", "ميناء", "القنصليه", "قنصليه", "السفاره", "سفاره", "مبنى", "مستشفى", "سجن",
           "معسكر", "معبر", "مفرق", "طريق", "شارع", "ساحه", "ميدان", "جامعه", "مدرسه", "مسجد", "كنيسه", "سوق",
           "فندق", "مخيم", "مواقع", "موقع", "الشمال", "الجنوب", "الشرق", "الغرب", "شمال", "جنوب", "شرق", "غرب",
           "شمالي", "جنوبي", "شرقي", "غربي", "الشماليه", "الجنوبيه", "الشرقيه", "الغربيه", "الواقع", "الواقعه",
           "اللواء", "الفرقه", "الكتيبه", "القطاع", "المحافظه", "الولايه", "الريف", "ريف", "محيط", "اطراف",
           "مطاري", "مفرقي", "محطه", "مثلث", "جسر", "منشاه", "مصفاه", "حاجز"}
PREPOSITIONS = {"في", "من", "على", "الى", "الي", "عن", "مع", "قرب", "بين", "نحو", "حتى", "و"}
SOURCE_NOTE = "train.jsonl gold coding of the rasd project"
COLUMNS = ("names_ar", "country", "admin1", "admin2", "location", "lat", "lon", "count")


def group_of(source: str) -> str:
    return source if source in MAIN_OUTLETS else "saudi"


def fold(text: str | None) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c)).casefold()
    return " ".join(text.replace("-", " ").replace("'", "").replace("`", "").replace("’", "").split())


class Keyer:
    """The surface form of a gold ``location_ar`` as the gazetteer keys names, and the base gazetteer's view of it."""

    def __init__(self, gaz):
        from rasd.geo.recognize import _bare_forms, _readings
        self.gaz = gaz
        self._bare_forms, self._readings = _bare_forms, _readings
        self.lead = set(gaz.types1) | set(gaz.directions1) | set(gaz.fronts) | {
            "ريف", "ارياف", "مناطق", "جبال", "مرتفعات", "قاعده", "محيط", "اطراف", "منطقه", "بلده", "قريه", "مدينه"}
        self.lead -= HEAD_WORDS

    def tokens(self, written: str) -> list[str]:
        from rasd.text import norm, tokenize
        written = re.sub(r"[#\"«»“”()\[\]]", " ", written)
        toks = [t.text for t in tokenize(norm(written))]
        while len(toks) > 1 and any(f in self.lead for f in self._bare_forms(toks[0])):
            toks = toks[1:]
        return toks

    def readings(self, toks: list[str]) -> list[str]:
        """The keys the matcher may look the form up by: its first word with and without proclitics."""
        return [" ".join([form] + toks[1:]) for form, _ in self._readings(toks[0])] if toks else []

    def key(self, toks: list[str]) -> str:
        """The form a row is keyed by: the first reading the base gazetteer knows, else the form as the coder
        wrote it (coders write the name without its proclitics: باجوات، لارنكا، فلوريدا are names; the matcher
        still reads وباجوات)."""
        keys = self.readings(toks)
        for k in keys:
            if k in self.gaz.names:
                return k
        return keys[0] if keys else ""


def load_frequent() -> set[str]:
    path = DATA / "frequent_words.tsv"
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and line.strip() != "word"}


def word_reason(key: str, frequent: set[str], country_words: set[str]) -> str:
    """Why a form is no name a table may hold ('' when it may)."""
    words = key.split(" ")
    if not key or not re.fullmatch(r"[\u0621-\u064a ]+", key) or len(key.replace(" ", "")) < 3:
        return "not an Arabic name"
    if len(words) > MAX_WORDS:
        return "more than three words"
    if any(w in PREPOSITIONS for w in words[1:]):
        return "a phrase with a preposition"
    if any(w.startswith("وال") for w in words[1:]):
        return "a list of names"
    if any(w in GENERIC or (w.startswith("ال") and w[2:] in GENERIC) for w in words):
        return "a generic noun of place"
    if any(w in country_words for w in words):
        return "a country's name or adjective"
    if len(words) == 1 and key in frequent:
        return "a frequent word"
    if len(words) > 1 and all(w in frequent for w in words) and words[0] not in HEAD_WORDS:
        return "frequent words only"
    return ""


def country_words(gaz) -> set[str]:
    out = set()
    for names in gaz.country_names_ar.values():
        for n in names:
            if " " not in n:
                out.add(n)
    out.update(gaz.adjectives)
    out.update("ال" + a for a in gaz.adjectives)
    return out


def _codes(gaz):
    """English country name -> ISO code; (ISO, folded admin1 name or alias) -> the admin1's canonical name."""
    from rasd.geo.gazetteer import COUNTRY_NAMES
    countries = {fold(name): cc for cc, name in COUNTRY_NAMES.items()}
    a1: dict[tuple[str, str], str] = {}
    for line in (DATA / "admin1.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 3:
            continue
        code, _, name = cells[:3]
        for alias in [name, *(cells[3].split("|") if len(cells) > 3 else [])]:
            a1.setdefault((code[:2], fold(alias)), name)
    return countries, a1


def collect(train: Path, gaz, exclude: str | None = None) -> dict[str, list[dict]]:
    """Each form's uses in train: {key: [{country, admin1, admin2, location, lat, lon, source}]}."""
    keyer = Keyer(gaz)
    countries, a1 = _codes(gaz)
    uses: dict[str, list[dict]] = defaultdict(list)
    with open(train, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            rec = json.loads(line)
            if exclude and group_of(rec.get("source", "")) == exclude:
                continue
            for e in rec.get("events") or []:
                written = e.get("location_ar")
                cc = countries.get(fold(e.get("country")))
                if not written or not e.get("location") or not cc or not e.get("admin1"):
                    uses_key = None
                    continue
                toks = keyer.tokens(written)
                if not toks:
                    continue
                key = keyer.key(toks)
                words = re.sub(r"[#\"«»“”()\[\]]", " ", written).split()
                original = " ".join(words[max(0, len(words) - len(toks)):])
                lat, lon = e.get("latitude"), e.get("longitude")
                try:
                    lat, lon = (float(lat), float(lon)) if lat is not None and lon is not None else (None, None)
                except (TypeError, ValueError):
                    lat, lon = None, None
                uses[key].append({"country": cc, "admin1": a1.get((cc, fold(e["admin1"])), e["admin1"]),
                                  "admin2": e.get("admin2") or "", "location": e["location"], "lat": lat, "lon": lon,
                                  "source": rec.get("source", ""), "keys": keyer.readings(toks),
                                  "written": original})
    return uses


def one_place(rows: list[dict]) -> bool:
    """Whether every use of a form is the same place (see the module's docstring)."""
    from rasd.geo.build import km
    if len({(r["country"], fold(r["admin1"])) for r in rows}) != 1:
        return False
    located = [r for r in rows if r["lat"] is not None]
    if any(km(a["lat"], a["lon"], b["lat"], b["lon"]) > NEAR_KM for a in located for b in located):
        return False
    # names compared by their consonants (Hit ~ Hayt: two coders' spellings of one village)
    from rasd.geo.unknown import latin_key
    names = {latin_key(r["location"]) for r in located}
    bare = [r for r in rows if r["lat"] is None]
    if located:
        return all(latin_key(r["location"]) in names for r in bare)
    return len({latin_key(r["location"]) for r in bare}) == 1


def resolved(gaz, keys: list[str], row: dict) -> tuple[bool, bool]:
    """(the base gazetteer already gives this place by one of the form's keys, a candidate is a place a
    namesake must not shadow: a country, a first-level division, a district, a big town)."""
    from rasd.geo.build import km
    same = big = False
    # the matcher reads the names the gazetteer knows inside a longer form: one of the same place (ابو الظهور
    # العسكري، كتاف البقع) gives it already; where the gold has no coordinates, one in the same governorate (نقيل
    # الصلو: As Salw) may be the coders' place under another name, which the table must not overrule
    words = keys[-1].split(" ")
    spans = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
             if j - i < len(words)]
    for k in spans:
        for idx, _ in gaz.names.get(k, ()):
            p = gaz.entries[idx].place
            if row["lat"] is not None and p.latitude is not None and \
                    km(row["lat"], row["lon"], p.latitude, p.longitude) <= NEAR_KM or fold(p.name) == fold(row["location"]):
                same = True
            if row["lat"] is None and fold(p.admin1) == fold(row["admin1"]) and p.feature not in ("PCLI", "ADM1"):
                same = True
    # a spelling the geocoder reads as a known town of the governorate (خوخة: Al Khawkhah, الدريهيمي: Ad Durayhimi)
    from rasd.geo.unknown import spelling_variant
    ref = next((e.place for e in gaz.entries if e.place.feature == "ADM1" and e.place.admin1 == row.get("admin1")
                and e.cc == row.get("country")), None)
    for k in keys if ref is not None else ():
        variant = spelling_variant(k, ref)
        if variant is not None and (fold(variant.place.name) == fold(row["location"]) or row["lat"] is not None and
                                    km(row["lat"], row["lon"], variant.place.latitude, variant.place.longitude) <= NEAR_KM
                                    or row["lat"] is None):
            same = True
    for k in keys:
        for idx, _ in gaz.names.get(k, ()):
            p = gaz.entries[idx].place
            if row["lat"] is not None and p.latitude is not None and \
                    km(row["lat"], row["lon"], p.latitude, p.longitude) <= NEAR_KM:
                same = True
            if fold(p.name) == fold(row["location"]):
                same = True
            if row["lat"] is None and fold(p.admin1) == fold(row["admin1"]) and p.feature not in ("PCLI", "ADM1"):
                same = True  # coded by name only, and the gazetteer has a place of this name in its governorate
            if p.feature in ("PCLI", "ADM1", "ADM2", "PPLC", "PPLA") or (p.population or 0) >= 100_000:
                big = True
    return same, big


def build(train: Path, gaz, exclude: str | None = None, verbose: bool = False) -> list[tuple]:
    frequent = load_frequent()
    cwords = country_words(gaz)
    out = []
    for key, rows in sorted(collect(train, gaz, exclude).items()):
        why = word_reason(key, frequent, cwords)
        if not why and not one_place(rows):
            why = "ambiguous in train"
        if not why:
            located = [r for r in rows if r["lat"] is not None]
            row = dict(located[0] if located else rows[0])
            if located:  # the mean of its uses (all within 10 km)
                row["lat"] = sum(r["lat"] for r in located) / len(located)
                row["lon"] = sum(r["lon"] for r in located) / len(located)
            names = [r["location"] for r in (located or rows)]
            row["location"] = max(set(names), key=lambda n: (names.count(n), n))
            same, big = resolved(gaz, rows[0]["keys"] + [key], row)
            if not located and not same and not big:
                # coded by name only: where rasd's transliteration of an unknown village spells the same consonants
                # (Hayt ~ Hit), the table keeps rasd's spelling: it adds the name, it does not pick a coder's
                from rasd.geo.unknown import latin_key, transliterate
                latin = transliterate(rows[0]["written"])
                if latin and latin_key(latin) == latin_key(row["location"]):
                    row["location"] = latin
            a2 = [r["admin2"] for r in rows if r["admin2"]]
            row["admin2"] = max(set(a2), key=lambda n: (a2.count(n), n)) if a2 else ""
            if same:
                why = "the gazetteer gives it already"
            elif big:
                why = "a namesake of a country, division or big town"
        if why:
            if verbose:
                print(f"skip\t{key}\t{rows[0]['location']}\t{len(rows)}\t{why}", file=sys.stderr)
            continue
        lat = f"{row['lat']:.5f}" if row["lat"] is not None else ""
        lon = f"{row['lon']:.5f}" if row["lon"] is not None else ""
        out.append((key, row["country"], row["admin1"], row["admin2"], row["location"], lat, lon, str(len(rows))))
    return out


def write(rows: list[tuple], path: Path, exclude: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"# source: {SOURCE_NOTE} (eval/train.jsonl's hand-coded events: location_ar, location, admin1,\n"
                     "# admin2, country, coordinates). Licence: Apache-2.0 (this project's curated data; see README.md).\n"
                     "# Places the gazetteer compiled without this table does not resolve to the gold's place: forms\n"
                     "# unambiguous in train (one place within 10 km), no frequent word, no generic phrase.\n"
                     "# lat/lon blank: the gold has no coordinates (the compiler places it at its district's seat).\n"
                     + (f"# fold: articles of {exclude} left out (held-out measurement)\n" if exclude else "")
                     + "# Built by scripts/build_train_places.py; do not edit by hand.\n")
        handle.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            handle.write("\t".join(r) + "\n")


def base_gazetteer(tmp: Path):
    """The gazetteer compiled from the packaged sources without the train table."""
    import os
    from rasd.geo import gazetteer
    from rasd.geo.build import compile_index
    index = tmp / "index.tsv"
    compile_index(DATA, index, train_places=False)
    # the process's gazetteer is this one (the spelling-variant rule reads the loaded gazetteer)
    os.environ["RASD_GAZETTEER_DIR"] = str(tmp)
    gazetteer.clear_cache()
    return gazetteer.load()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--exclude-source", choices=MAIN_OUTLETS + ("saudi",))
    parser.add_argument("--check", action="store_true", help="compare the shipped table with a fresh build")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        gaz = base_gazetteer(Path(tmp))
        rows = build(args.train, gaz, args.exclude_source, args.verbose)
    if args.check:
        from rasd.geo.build import read_rows
        shipped = [tuple(r[c] for c in COLUMNS) for r in read_rows(args.out)]
        if shipped != rows:
            print(f"{args.out}: differs from a fresh build ({len(shipped)} rows shipped, {len(rows)} built)")
            return 1
        print(f"{args.out}: {len(rows)} rows, as built")
        return 0
    write(rows, args.out, args.exclude_source)
    print(f"{args.out}: {len(rows)} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
