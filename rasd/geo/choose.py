"""Choose the place a name refers to, and how precisely: the article's country, the governorate or country
named nearby, the dateline, type words, feature class and population.

Rules, in order (each choice's ``reason`` says which decided):

1. a name flagged as also a person's name (``صلاح الدين``, ``النجف``) is no place after a title or before a
   father's name;
2. names that are also common words (``حديثة``, ``الباب``) or tiny villages (``السلام``) need a type word, a
   direction phrase, or their governorate/district named in the same or the previous sentence; villages from
   the IOM DTM lists fire only in an article about Iraq;
3. a homonym abroad is dropped when the article's country has one (``never a homonym abroad``), unless a
   country is named right after the name (``طرابلس اللبنانية``); a place abroad that is not widely known
   needs such a qualifier or its governorate nearby;
4. then the best score: the governorate named nearby, the article's country, the type word's kind
   (``محافظة`` -> governorate, ``قضاء`` -> district, ``مدينة`` -> town), feature class and population.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer
from .recognize import RawMatch

_TYPE_FEATURES = {
    "adm1": ("ADM1",),
    "region": ("ADM1",),
    "adm2": ("ADM2", "PPLA", "PPLC", "PPL", "PPLA3"),
    "adm3": ("PPLA3", "PPL", "PPLA", "VILLAGE"),
    "town": ("PPL", "PPLA", "PPLC", "PPLA3"),
    "village": ("VILLAGE", "PPL", "PPLA3", "NBHD", "CAMP"),
    "nbhd": ("NBHD", "VILLAGE", "PPL"),
    "area": ("PPL", "PPLA", "PPLC", "PPLA3", "VILLAGE", "NBHD", "ADM2", "CAMP"),
    "camp": ("CAMP", "VILLAGE", "SITE:camp"),
    "base": ("SITE:base",),
    "airport": ("SITE:airport",),
    "site": (),
}
# the colour adjectives' pattern (البيضاء، الحمراء، الزرقاء، الخضراء، السوداء): also names of places
_COLOUR = re.compile(r"ال[\u0621-\u064a]{3}اء")
# features that are widely known seats (a capital, a governorate and its capital, a district)
SEATS = ("PPLC", "PPLA", "ADM1", "ADM2")
_FEATURE_PRIOR = {"PCLI": 30, "ADM1": 40, "PPLC": 46, "PPLA": 42, "PPL": 18, "PPLA3": 22, "ADM2": 14, "VILLAGE": 10,
                  "NBHD": 8, "CAMP": 10}


@dataclass(slots=True)
class Context:
    """What the text around a mention says: governorates, districts and countries named nearby."""

    admin1: dict[str, int]  # governorate code -> how many names in the window name it
    admin2: dict[str, int]
    countries: set[str]
    possible: dict[str, set[int]] = field(default_factory=dict)  # governorate -> matches that may lie in it
    # the countries the article speaks of, each with the names and words that speak of it (None: nothing known)
    spoken: dict[str, frozenset[str]] | None = None

    def speaks_of(self, cc: str, m: RawMatch) -> bool:
        """Whether something other than the name ``m`` itself speaks of country ``cc``."""
        said = (self.spoken or {}).get(cc)
        return bool(said) and (len(said) > 1 or m.key not in said)
    _others: dict[int, bool] = field(default_factory=dict)  # match index -> names_another_a1 (memo)

    def names_another_a1(self, m: RawMatch) -> bool:
        """Whether a name other than ``m`` names some governorate nearby (computed once per match)."""
        got = self._others.get(m.index)
        if got is None:
            got = self._others[m.index] = any(self.names_a1(a, m) for a in self.admin1)
        return got

    def may_name_a1(self, code: str, m: RawMatch) -> bool:
        """Whether another name nearby may lie in governorate ``code`` (بابل for الإسكندرية)."""
        others = self.possible.get(code)
        return bool(others) and (len(others) > 1 or m.index not in others)

    def names_a1(self, code: str, m: RawMatch) -> bool:
        """Whether a name other than ``m`` names governorate ``code`` nearby."""
        return self.admin1.get(code, 0) > (1 if m.own_a1 == code else 0)

    def names_a2(self, code: str, m: RawMatch) -> bool:
        return bool(code) and self.admin2.get(code, 0) > (1 if m.own_a2 == code else 0)


def admissible(gaz: Gazetteer, m: RawMatch, index: int, flags: str, country: str | None, ctx: Context) -> str | None:
    """Why candidate ``index`` may stand for match ``m`` (a short reason), or None."""
    e = gaz.entries[index]
    abroad = e.place.feature != "PCLI" and (e.cc != country if country is not None else
                                             ctx.spoken is not None and not ctx.speaks_of(e.cc, m))
    if not flags and not abroad:
        return "ok"  # most candidates: an unflagged name at home
    confirmed = ctx.names_a1(e.a1, m) or ctx.names_a2(e.a2, m) or m.country_after == e.cc or _head_names_a1(gaz, m, e)
    typed = m.type is not None or m.relation is not None
    same_country = country is not None and e.cc == country
    if not typed and "f" in flags and _COLOUR.fullmatch(m.key) and "after_definite" in m.notes:
        return None  # "القمصان البيضاء"، "الراية الحمراء": a colour after its noun, not البيضاء or الحمراء
    # a country the article never speaks of (``spoken`` None: nothing is known of the article's countries)
    unspoken = e.place.feature != "PCLI" and not ctx.speaks_of(e.cc, m)
    if "f" in flags and not (abroad or unspoken or confirmed or typed) and e.place.feature not in SEATS \
            and not ("placed" in m.notes or "after_prep" in m.notes or "after_construct" in m.notes
                     or "named_elsewhere" in m.notes or m.clitic.endswith(("ب", "ل"))):
        # at home too, a town that is a frequent word needs في/ب, a type word or to be a genitive (مستشفى
        # الفلوجة): "مظاهرات سلمية" is no Salamiyah
        return None
    if (abroad or unspoken) and not (confirmed or "dateline" in m.notes):
        placed = typed or "placed" in m.notes or "after_prep" in m.notes or m.clitic.endswith(("ب", "ل")) \
            or not abroad and "after_construct" in m.notes
        if abroad and e.place.feature == "PPLC" and not placed:
            return None  # "تصنفهم أنقرة"، "برنامج طهران": a capital abroad named bare is its government
        if "f" in flags and (abroad and e.place.feature == "ADM1" and m.type is None
                             or not placed and (abroad or e.place.feature not in ("PPLC", "PPLA") and not (
                                 e.place.feature == "ADM1" and e.cc in gaz.covered))
                             or abroad and unspoken and not typed):
            # "احتجاجات سلمية"، "الخوذ البيضاء"، "عن أمله"، "في الداخلية": a word, not a place abroad; a
            # governorate that is a word (الشمالية، الشرقية) needs its type word
            return None
        if abroad and unspoken and not placed:
            return None  # a town of a country the article never speaks of, named bare
        if unspoken and ctx.spoken is not None and not e.big and not placed:
            return None  # a small town of a country the article never names, named bare
        if abroad and not typed and country is not None and e.place.feature not in SEATS and any(
                a.startswith(country + ".") and ctx.names_a1(a, m) for a in ctx.admin1):
            return None  # "جبال الرصيفة في مديرية كتاف بمحافظة صعدة": the sentence places it at home
    if "s" in flags:
        if ctx.names_another_a1(m) and not ctx.names_a1(e.a1, m):
            return None  # the sentence names another governorate: a homonymous village elsewhere
        if not (same_country or m.country_after == e.cc or country is None and (confirmed or typed)):
            return None
        if not (typed or confirmed or (" " in m.key or len(m.key) >= 5) and "t" not in flags):
            return None
    if "t" in flags and not (typed or confirmed):
        # a name that is also a word: "في حديثة" / "بحديثة" is enough in an article about its country
        # ... or, abroad, for a widely known place of a country the article speaks of otherwise ("مقتل عشرات الأطفال
        # في صعدة" in a story told from Riyadh that names Yemen)
        if not ("w" in flags and (same_country or country is None or e.big and ctx.speaks_of(e.cc, m))
                and (m.clitic.endswith("ب") or "after_prep" in m.notes)):
            return None
    if "c" in flags and not (same_country or typed or confirmed or (country is None and e.big and (ctx.spoken is None or ctx.speaks_of(e.cc, m)))
                             or "f" not in flags and e.big and ("after_prep" in m.notes or m.clitic.endswith("ب"))
                             and ctx.speaks_of(e.cc, m)):
        # (السفارة الأمريكية في مدينة إسطنبول is not the embassy in Baghdad); a city that is no word, after في/ب, in an
        # article that speaks of its country otherwise, is a place ("هولندا" ... "اعتقل في روتردام" in a story told
        # from Paris)
        return None
    if abroad and country is not None:
        if not (e.big or confirmed or m.country_after == e.cc or e.cc in ctx.countries and typed or typed and ctx.speaks_of(
                e.cc, m) and not any(gaz.entries[i].cc == country for i, _ in m.candidates)):
            # (مدينة سديروت in a story from Gaza that speaks of Israel: no namesake at home, a type word, its country
            # spoken of)
            return None
    return "ok"


def _head_names_a1(gaz: Gazetteer, m: RawMatch, e: Entry) -> bool:
    """A name that starts with its own city's name (بغداد الجديدة in Baghdad, الموصل الجديدة in Nineveh)."""
    head = m.key.split(" ", 1)[0]
    if head == m.key:
        return False
    return any(gaz.entries[i].big and gaz.entries[i].a1 == e.a1 and gaz.entries[i].cc == e.cc
               for i, _ in gaz.names.get(head, ()))


def score(gaz: Gazetteer, m: RawMatch, e: Entry, country: str | None, ctx: Context, same_name_towns: set[str]) -> float:
    s = float(_FEATURE_PRIOR.get(e.place.feature, 50 if e.place.feature.startswith("SITE") else 10))
    if e.place.population:
        s += 4.0 * math.log10(e.place.population + 1)
    if country is not None and e.cc == country:
        s += 100
    elif e.cc in ctx.countries:
        s += 30
    if m.country_after == e.cc:
        s += 200
    # a town in a governorate named nearby; not when a type word says governorate (محافظة البيضاء، مديرية
    # السوادية): the names nearby fit the governorate as well as its capital
    town_in_named = e.place.feature != "ADM1" and m.type != "adm1"
    if town_in_named and ctx.names_a1(e.a1, m):
        s += 60
    if e.place.feature != "ADM2" and ctx.names_a2(e.a2, m):
        s += 30
    if town_in_named and ctx.may_name_a1(e.a1, m):
        s += 40
    if m.type is not None:
        wanted = _TYPE_FEATURES.get(m.type, ())
        if e.place.feature in wanted:
            s += 50 - 5 * wanted.index(e.place.feature)
        elif e.place.feature == "ADM1" or m.type == "adm1":
            s -= 60
    if e.place.feature == "ADM1" and m.type != "adm1":
        # the governorate's own capital carries its name (كركوك، البصرة): the town, unless the type word says
        # governorate; another town of that name elsewhere (صلاح الدين in Erbil) loses to the governorate.
        if e.a1 in same_name_towns or e.cc in same_name_towns:
            s -= 30
        else:
            s += 40
    if m.type in ("adm2",) and e.place.feature == "ADM2":
        s += 10
    return s


def choose(gaz: Gazetteer, m: RawMatch, country: str | None, ctx: Context) -> tuple[Entry | None, list[Entry], str]:
    """The entry match ``m`` stands for, the candidates considered, and the reason."""
    if m.person:
        why = ("a tribe's or family's name" if "group" in m.notes else
               "a time of day (a prayer's name), not a place" if "time" in m.notes else
               "a capital standing for its government" if "government" in m.notes else "person's name in context")
        return None, [gaz.entries[i] for i, _ in m.candidates], why
    allowed: list[Entry] = []
    for index, flags in m.candidates:
        if admissible(gaz, m, index, flags, country, ctx):
            allowed.append(gaz.entries[index])
    cands = [gaz.entries[i] for i, _ in m.candidates]
    if not allowed:
        return None, cands, _why_not(m, country)
    anchored = False
    if m.anchor is not None:
        cc, a1 = m.anchor
        there = [e for e in allowed if e.cc == cc and (not a1 or e.a1 == a1)]
        if there:
            allowed, anchored = there, True  # "بلدة صيدا شرق مدينة درعا": the namesake by the town that places it
    if country is not None and any(e.cc == country for e in allowed) and m.country_after not in {e.cc for e in allowed} - {country}:
        local = [e for e in allowed if e.cc == country]
        capitals = [e for e in allowed if e.cc != country and e.place.feature == "PPLC"]
        if capitals and not m.type and all(_small(e) for e in local) and not any(ctx.names_a1(e.a1, m) for e in local):
            allowed = capitals  # a neighbour's capital (الرياض) over a small homonym at home named without a type word
        else:
            allowed = local  # never a homonym abroad
    same_name_towns: set[str] = set()
    if len(allowed) > 1:
        same_name_towns = {e.a1 for e in allowed if e.place.feature in ("PPLA", "PPLC") or
                           e.place.feature == "PPL" and e.place.population >= 20000}
        same_name_towns |= {e.cc for e in allowed if e.place.feature in ("PPLA", "PPLC", "PPL")
                            and e.place.population >= 100000}
    scored = allowed if len(allowed) == 1 else sorted(allowed, key=lambda e: -score(gaz, m, e, country, ctx,
                                                                                    same_name_towns))
    best = scored[0]
    reasons = []
    if m.country_after == best.cc:
        reasons.append("country named after it")
    if best.place.feature != "ADM1" and ctx.names_a1(best.a1, m):
        reasons.append("its governorate named nearby")
    if anchored:
        reasons.append("namesake by the town that places it")
    elif country is not None and best.cc == country and len({e.cc for e in cands}) > 1:
        reasons.append(f"article about {gaz.entries[gaz.countries[country]].place.name}" if country in gaz.countries else "article's country")
    if m.type:
        reasons.append(f"type word ({m.type})")
    if len(scored) > 1 and not reasons:
        reasons.append("feature class and population")
    if len(cands) == 1 and not reasons:
        reasons.append("only candidate")
    return best, cands, "; ".join(reasons) or "best score"


def _small(e: Entry) -> bool:
    return e.place.feature in ("PPL", "PPLA3", "VILLAGE", "NBHD", "CAMP") and e.place.population < 50000


def _why_not(m: RawMatch, country: str | None) -> str:
    flags = "".join(f for _, f in m.candidates)
    if "s" in flags:
        return "small place: needs a type word or its governorate nearby, in an article about its country"
    if "t" in flags:
        return "also a common word: needs a type word, a direction or its governorate nearby"
    if "c" in flags:
        return "ambiguous name: needs an article about its country"
    if "f" in flags:
        return "also a frequent word: abroad it needs a type word, a direction, في/ب or its governorate nearby"
    return "homonym abroad: the article is about another country"


def precision_of(e: Entry, m: RawMatch) -> int:
    f = e.place.feature
    if f == "ADM1":
        return 3
    if f == "PCLI":
        return 3
    if f == "SITE:region":
        return 2  # الغوطة الشرقية: a region of towns
    if m.relation is not None:
        return 2
    if f == "ADM2":
        return 2
    if m.type in ("adm2", "adm3", "region"):
        return 2
    return 1
