"""Stage 6, places: find place names in the article, geocode them, and say where each event happened.

* :func:`find_places` (the pipeline stage) sets ``doc.places`` (:class:`PlaceMention`, sorted by start) and
  ``doc.country`` (the article's main country, English name);
* :func:`places_for` gives the place(s) of one event trigger;
* :func:`geocode` runs the stage on a bare text (``rasd geocode``, tests).

The gazetteer (:mod:`rasd.geo.gazetteer`) loads once per process, lazily; recognition (:mod:`rasd.geo.recognize`)
costs a cached dictionary look-up per token; the choice among candidates (:mod:`rasd.geo.choose`) uses the
article's country, the governorate named nearby, the dateline, type words, feature class and population.

geo_precision: 1 the town or site itself; 2 near it, a part, the outskirts or countryside of it, or a
district (قضاء/ناحية) named without a town; 3 only the governorate, at its capital's coordinates.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import compress
from typing import Any

from ..doc import Document, Sentence
from .choose import SEATS, Context, choose, precision_of
from .gazetteer import Entry, Gazetteer, Place, load
from .recognize import RawMatch, Recognizer
from .lists import cohere_lists, gap_villages, list_ref, tail_villages
from .unknown import find_unknown, latin_key, latin_town
from ..words import DATA as _DATA, alternation, word_lists, word_values

__all__ = ["Place", "PlaceMention", "find_places", "places_for", "anaphor_place", "dual_anaphor", "geocode",
           "get_gazetteer",
           "explain"]

# the word lists of this module (rasd/data/gazetteer/place_words.tsv: curated, normalised; see rasd.words)
_WORDS_PATH = _DATA / "gazetteer" / "place_words.tsv"
_LISTS = word_lists(_WORDS_PATH)


@dataclass(slots=True)
class PlaceMention:
    """A place named in the text. ``start``/``end`` are offsets into ``doc.norm.text`` (the name without its
    proclitics, with a type word or direction phrase left out); ``text`` is the name as written."""

    start: int
    end: int
    text: str
    place: Place
    precision: int
    reason: str
    candidates: list[Place] = field(default_factory=list)
    relation: str | None = None  # 'near', 'north_of', ..., 'outskirts', 'countryside'
    note: str | None = None  # for the record's notes: "location not in the gazetteer: coordinates of X"


_RECOGNIZER: Recognizer | None = None


def get_gazetteer() -> Gazetteer:
    """The gazetteer (loaded on first use, then cached for the process)."""
    return load()


# the geo modules' memo tables: module-level dicts filled at run time from the loaded gazetteer's entries
_MEMOS = frozenset(("_SAYS", "_SUMMARIES", "_GOVERNORATES", "_SPELLINGS", "_TYPE_FORMS", "_TYPE_CACHES", "_ADMIN1_CODES"))


def reset_caches() -> None:
    """Forget the loaded gazetteer and everything the geo modules cached from it (their ``lru_cache``s and memo
    tables of entry indices), so that the next article reads the gazetteer $RASD_GAZETTEER_DIR names now (the
    held-out place tables of scripts/event_recall.py, the tests' index without the train place table)."""
    import importlib
    import pkgutil
    from . import gazetteer
    gazetteer.clear_cache()
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, value in list(vars(module).items()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
            elif name in _MEMOS and isinstance(value, dict):
                value.clear()


def _recognizer() -> Recognizer:
    global _RECOGNIZER
    gaz = load()
    if _RECOGNIZER is None or _RECOGNIZER.gaz is not gaz:
        _RECOGNIZER = Recognizer(gaz)
    return _RECOGNIZER


# -- the stage -------------------------------------------------------------------------------------------

# what stands between two names of a list: "الحسكة والرقة"، "بابل وفي النجف"، "حلب، إدلب"، "الموصل وبالرمادي"
_LIST_GAP = re.compile(r"\s*(?:[,،;]\s*(?:و|او|ثم)?|و|او|ثم)\s*(?:(?:في|ب|ل|علي|الي|من)\s*)?")
# between two places of one event's list, also a relation or a country: "الرقة في سوريا، وقرب الحديثة"،
# "كركوك ومناطق حول الموصل"
_EVENT_LIST_GAP = re.compile(
    r"\s*(?:[,،;]\s*(?:و|او|ثم)?|و|او|ثم)\s*(?:(?:اخري|اخر)\s+)?(?:(?:في|ب|ل|علي|الي|من)\s*)?"
    r"(?:(?:مناطق|منطقه|مدن|بلدات|قري|محافظات|اقضيه|محافظه|مديريه|جبهه|مدينه|بلده|قريه|ناحيه|قضاء)\s*)?"
    r"(?:(?:قرب|حول|محيط|اطراف|ضواحي|ريف|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)\s*(?:(?:مدينه|بلده|قريه)\s*)?)?")
# a parenthesis after a name of a list, with or without a reference place in it: "السلط (33 كم شمال غرب عمان)
# وإربد"، "سورابايا (شرق جزيرة جاوة)"
_PARENTHESIS = re.compile(r"\s*\([^()\n]{0,60}\)\s*")
# one name the gazetteer lacks inside a list: "وكركوك والمخمورة وسنجار"
_UNKNOWN_ITEM_GAP = re.compile(r"\s*(?:[,،]\s*و?|و)\s*[^\s,،.؛;:]{2,20}\s*[,،]?\s*و\s*")
# relations that say nothing happened at the place: a destination (باتجاه لحج), a launch site (أطلق من صعدة)
ELSEWHERE = {"toward", "origin"}
# what is not coded at the place it moves toward: a withdrawal, a handover, an advance that takes nothing, a march
_NOT_TOWARD_TYPES = frozenset(_LISTS["not_toward_types"])
# a direction word right before a place, with the place's type word ("نحو منطقة"، "باتجاه مدينة"): not "على بعد نحو
# عشرة كيلومترات من" (about ten kilometres from), where نحو is a number's "about" (normalized text)
_TOWARD_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:" + alternation(_LISTS["toward_words"]) + r")\s*[\"«']?\s*(?:(?:"
                            + alternation(_LISTS["toward_types"]) + r")\s*[\"«']?\s*)?$")
AIMED_AT = ELSEWHERE - {"toward"}  # what an interception may be placed at: where the missile was aimed
COMPASS = {"north_of", "south_of", "east_of", "west_of", "northeast_of", "northwest_of", "southeast_of",
           "southwest_of"}
# (a parenthesis may hold the reference: "كاندي (115 كلم شرق كولومبو)"، "البصرة (550 كلم جنوب بغداد)")
_REFERENCE_GAP = re.compile(
    r"\s*[,،]?\s*\(?\s*(?:(?:علي\s+)?(?:مسافه|بعد)\s+)?(?:[0-9]+(?:[.,][0-9]+)?\s*(?:كلم|كم|كيلومترا?|كيلو\s*مترا?|ميلا?)\s*)?"
    r"(?:(?:الي\s+)?(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي|ا)?\s*)+(?:من\s*)?(?:" + alternation(_LISTS["reference_types"]) + r")?\s*")
# what makes the place after it a neighbour the place before it is told by: "جبهة نهم القريبة من العاصمة صنعاء"،
# "بلدة داريا المحاذية لدمشق"، "الأحياء المطلة على مطار المزة"
_NEIGHBOUR_GAP = re.compile(
    r"\s*[,،]?\s*(?:(?:ال)?(?:" + alternation(_LISTS["neighbour_adjectives"]) + r")\s*"
    r"(?:من|ل|ب|علي)|قرب|بالقرب\s+من|علي\s+مقربه\s+من)\s*(?:(?:ال)?(?:" + alternation(_LISTS["neighbour_types"])
    + r")\s*)?")
# what puts the place before it inside (or beside) the place after it: "الحراريات التابعة لقضاء الكرمة"، "دابتشي في
# منطقة بورساري"، "البريقة في عدن"، "دمنة خدير الحدودية مع الصلو"، "الدريهمي، على بعد 18 كلم من ميناء الحديدة"
_INSIDE_GAP = re.compile(
    r"\s*[,،]?\s*(?:(?:ال)?(?:تابعه|واقعه)\s+(?:ل|في|الي|ب)|في|ب|(?:ال)?حدوديه\s+مع"
    r"|(?:علي\s+)?(?:مسافه|بعد)\s+[0-9]+(?:[.,][0-9]+)?\s*(?:كلم|كم|كيلومترا?|كيلو\s*مترا?|ميلا?)\s+(?:من|عن))"
    r"\s*(?:(?:ال)?(?:" + alternation(_LISTS["inside_types"]) + r")\s*)?")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{1,30}\)\s*)?[-:،,/]")


def _sentences(doc: Document) -> list[Sentence]:
    if doc.sentences:
        return doc.sentences
    try:
        from ..segment import segment
        segment(doc)
        if doc.sentences:
            return doc.sentences
    except Exception:  # pragma: no cover - a segmenter that fails must not stop geocoding
        pass
    out, pos, text = [], 0, doc.norm.text
    for m in re.finditer(r"[.!?]\s|\n+", text + "\n"):
        if m.start() > pos:
            out.append(Sentence(pos, m.start(), 0, 0))
        pos = m.end()
    return out


def _country_evidence(rec: Recognizer, texts: list[str], matches: list[RawMatch], weight: float,
                      evidence: dict[str, float], dateline: int | None = None,
                      sources: dict[str, set[str]] | None = None) -> None:
    """Add to ``evidence`` (country code -> weight) what the names and country adjectives say; ``sources``
    collects, per country, the names (match keys) and words that spoke of it."""
    gaz = rec.gaz
    if sources is None:
        sources = defaultdict(set)
    for k, m in enumerate(matches):
        w = weight * (3.0 if k == dateline else 1.0)
        if m.anchor is not None:
            # "بلدة صيدا شرق مدينة درعا": a namesake said to be near a town speaks of that town's country
            evidence[m.anchor[0]] += w
            sources[m.anchor[0]].add(m.key)
            continue
        placed = "placed" in m.notes
        cc, country_name = _says_country(rec, m.key, m.type is not None or m.relation is not None, placed)
        if country_name:
            evidence[cc] += w * (1.0 if cc in gaz.covered else 0.7)
            sources[cc].add(m.key)
        elif cc and not m.person:
            evidence[cc] += w
            sources[cc].add(m.key)
    adj_cache = rec.adj_cache
    if len(adj_cache) > 200_000:
        adj_cache.clear()
    uniq = set(texts)
    for w in uniq.difference(adj_cache):
        adj_cache[w] = rec.word_in(w, gaz.adjectives) or ""
    said = set(compress(uniq, map(adj_cache.__getitem__, uniq)))  # the few words that are a country's adjective
    adjectives = [(adj_cache[w], w) for w in compress(texts, map(said.__contains__, texts))] if said else []
    for cc, w in adjectives:
        sources[cc].add("adj:" + w)
    # a country's one-word name that is not indexed as a key (العراق is a stop key): it still speaks of it
    for w in rec.country_surface.keys() & uniq:
        sources[rec.country_surface[w]].add("name:" + w)
    if len(evidence) == 1 and next(iter(evidence.values())) >= 3.0:
        return  # the places leave no doubt: the adjectives would not change the country
    covered = gaz.covered
    for cc, _ in adjectives:
        evidence[cc] += weight * (0.5 if cc in covered else 0.2)


_SAYS: dict[tuple[int, str, bool, bool], tuple[str, bool]] = {}


def _says_country(rec: Recognizer, key: str, typed: bool, placed: bool = False) -> tuple[str, bool]:
    """The country a name says for certain (cached per name): ``(code, True)`` for a country's own name,
    ``(code, False)`` for places that all lie in one country and are safe to read (widely known, not a
    common word unless typed, not a frequent word unless typed or after في/ب, or a site named with its city),
    ``("", False)`` otherwise."""
    memo = (id(rec.gaz), key, typed, placed)
    got = _SAYS.get(memo)
    if got is None:
        gaz = rec.gaz
        feats = [(gaz.entries[i], f) for i, f in gaz.names[key]]
        if all(e.place.feature == "PCLI" for e, _ in feats):
            got = (feats[0][0].cc, True)
        else:
            # a name that is also a word is safe after its type word (محافظة مأرب); a site named with its
            # city (السفارة الأميركية في بغداد) leaves no doubt either
            safe = {e.cc for e, f in feats if e.big and (not ("t" in f or "s" in f or "c" in f or "f" in f and not (
                typed or placed))
                                                         or typed and "s" not in f
                                                         or e.place.feature.startswith("SITE") and (" في " in key or " " in key and "c" not in f))}
            got = (safe.pop() if len(safe) == 1 else "", False)
        if len(_SAYS) > 100_000:
            _SAYS.clear()
        _SAYS[memo] = got
    return got


def _desk_dateline(rec: Recognizer, matches: list[RawMatch], texts: list[str], k: int) -> bool:
    """``دبي، الإمارات العربية المتحدة (CNN)-- تواصلت الاحتجاجات في عمان``: a dateline whose country nothing else
    in the article speaks of, while the article speaks of another, is the outlet's desk, not where the story is."""
    m = matches[k]
    cc = {rec.gaz.entries[i].cc for i, _ in m.candidates}
    if len(cc) != 1:
        return False
    cc = cc.pop()
    head = m.end + 60  # the dateline and the country named with it
    elsewhere = set()
    for other in matches[k + 1:]:
        if other.start <= head:
            continue
        ccs = {rec.gaz.entries[i].cc for i, _ in other.candidates}
        if cc in ccs:
            return False
        if len(ccs) == 1:
            elsewhere |= ccs
    adj = rec.adj_cache
    rest = set(texts[12:])
    for w in [w for w in rest if w not in adj]:
        adj[w] = rec.word_in(w, rec.gaz.adjectives) or ""
    if any(adj[w] == cc for w in rest):
        return False
    return bool(elsewhere | {adj[w] for w in rest if adj[w]})  # the story is about somewhere else


def _find_dateline(doc: Document, matches: list[RawMatch]) -> int | None:
    if not matches:
        return None
    m = matches[0]
    text = doc.norm.text
    lead = text[:m.start]
    if lead.strip(" \n\t\"'()[]*-"):  # the dateline opens the text: "بغداد -", "الموصل (العراق) -"
        return None
    if _DATELINE_AFTER.match(text, m.end):
        return 0
    return None


def find_places(doc: Document) -> None:
    """Stage: set ``doc.places`` (sorted by start) and ``doc.country``."""
    rec = _recognizer()
    gaz = rec.gaz
    text = doc.norm.text
    texts = doc.token_texts()  # shared with the other stages: read, never changed
    matches = rec.find(doc.tokens, text, texts)
    _inherit_types(matches, text)
    _inherit_countries(matches, text)
    _inherit_government(rec, matches, text)
    dateline = _find_dateline(doc, matches)
    desk = None  # the outlet's desk ("دبي، الإمارات العربية المتحدة (CNN)--"): no event's place
    if dateline is not None and _desk_dateline(rec, matches, texts, dateline):
        desk, dateline = matches[dateline].start, None
    _mark_placed(matches, text, dateline)
    anchor_namesakes(rec, matches, text)

    evidence: dict[str, float] = defaultdict(float)
    sources: dict[str, set[str]] = defaultdict(set)
    _country_evidence(rec, texts, matches, 1.0, evidence, dateline, sources)
    title_matches: list[RawMatch] = []
    title_norm = None
    if doc.title and max(evidence.values(), default=0.0) < 3.0:
        title_norm, title_matches = _title_matches(rec, doc)
        _country_evidence(rec, [t.text for t in title_norm[1]], title_matches, 1.5, evidence, None, sources)
    hint = doc.user_data.get("country_hint")
    if hint:
        for cc, name in ((cc, gaz.entries[i].place.name) for cc, i in gaz.countries.items()):
            if hint in (cc, name):
                evidence[cc] += 3.0
                sources[cc].add("hint")
    country = None
    if evidence:
        cc, best = max(evidence.items(), key=lambda kv: kv[1])
        if best >= 1.0:
            country = cc
    # the countries the article speaks of: a place elsewhere needs a stronger cue (None: nothing is known)
    spoken = {cc: frozenset(keys) for cc, keys in sources.items() if keys} or None

    sentences = _sentences(doc)
    starts = [s.start for s in sentences]
    sent_of = [max(0, bisect_right(starts, m.start) - 1) for m in matches]
    # Governorates, districts and countries each sentence names (from names that leave no doubt).
    sent_a1: dict[int, list[tuple[int, str]]] = defaultdict(list)
    sent_a2: dict[int, list[tuple[int, str]]] = defaultdict(list)
    sent_cc: dict[int, set[str]] = defaultdict(set)
    sent_pa1: dict[int, list[tuple[int, str]]] = defaultdict(list)  # governorates a name may be in
    own_a1: dict[int, str] = {}
    own_a2: dict[int, str] = {}
    for k, m in enumerate(matches):
        if m.person:
            continue
        if m.anchor is not None:
            sent_cc[sent_of[k]].add(m.anchor[0])  # a namesake placed by a town says no governorate of its own
            continue
        summary = _summary(rec, m, country)
        if summary is None:
            continue
        cc, a1s, a1, a2 = summary
        if a1s is None:  # a country
            sent_cc[sent_of[k]].add(cc)
            continue
        if cc:
            sent_cc[sent_of[k]].add(cc)  # "شرق الموصل": a well-known town says the sentence's country
        for a in a1s:
            sent_pa1[sent_of[k]].append((k, a))
        if a1:
            sent_a1[sent_of[k]].append((k, a1))
            own_a1[k] = a1
            if a2:
                own_a2[k] = a2
                sent_a2[sent_of[k]].append((k, a2))
    dl_a1 = set()
    if dateline is not None and sent_of[dateline] > 1:
        dl_a1 = {a for k, a in sent_a1.get(sent_of[dateline], []) if k == dateline}

    places: list[PlaceMention] = []
    by_k: dict[int, PlaceMention] = {}
    chosen: list[tuple[RawMatch, Entry | None]] = []
    why_not: dict[int, str] = {}
    contexts: dict[int, Context] = {}
    for k, m in enumerate(matches):
        s = sent_of[k]
        ctx = contexts.get(s)
        if ctx is None:
            a1c: dict[str, int] = defaultdict(int)
            a2c: dict[str, int] = defaultdict(int)
            # each name counts once: "سلطات ... سلطات" does not confirm itself
            seen: set[tuple[str, str]] = set()
            for w in (s, s - 1):
                for j, a in sent_a1.get(w, ()):
                    if (matches[j].key, a) not in seen:
                        seen.add((matches[j].key, a))
                        a1c[a] += 1
                for j, a in sent_a2.get(w, ()):
                    if (matches[j].key, "2" + a) not in seen:
                        seen.add((matches[j].key, "2" + a))
                        a2c[a] += 1
            for a in dl_a1:
                if (matches[dateline].key, a) not in seen:
                    a1c[a] += 1
            pa1: dict[str, set[int]] = defaultdict(set)
            for w in (s, s - 1):
                for j, a in sent_pa1.get(w, ()):
                    pa1[a].add(j)
            ctx = contexts[s] = Context(admin1=a1c, admin2=a2c,
                                        countries=sent_cc.get(s, set()) | sent_cc.get(s - 1, set()), possible=pa1,
                                        spoken=spoken)
        m.index = k
        if k == dateline:
            m.notes.append("dateline")
        m.own_a1, m.own_a2 = own_a1.get(k, ""), own_a2.get(k, "")
        entry, cands, reason = choose(gaz, m, country, ctx)
        chosen.append((m, entry))
        if entry is None:
            why_not[k] = reason
        if entry is None:
            continue
        by_k[k] = _mention(doc, gaz, m, entry, cands, reason + ("; dateline" if k == dateline else ""))
    # a town whose name is a frequent word, named bare ("تعرضت دوما لغارات") where the article names it with a
    # place cue elsewhere ("مدينة دوما"، "في دوما"): the same town, not the word; at home only, in the countries the
    # curated lists were written for (abroad "شركة كامبريدج أناليتيكا" is a company)
    cued = {m.key: e.id for m, e in chosen if e is not None and e.place.feature != "PCLI" and e.cc == country
            and e.cc in gaz.covered and (m.type is not None or "after_prep" in m.notes or m.clitic.endswith(("ب", "ل")))}
    if cued:
        for k, (m, e) in enumerate(chosen):
            if e is not None or m.person or cued.get(m.key) is None or k == dateline:
                continue
            m.notes.append("named_elsewhere")
            entry, cands, reason = choose(gaz, m, country, contexts[sent_of[k]])
            m.notes.remove("named_elsewhere")
            if entry is None or entry.id != cued[m.key]:
                continue
            chosen[k] = (m, entry)
            why_not.pop(k, None)
            by_k[k] = _mention(doc, gaz, m, entry, cands, reason + "; named with a place cue elsewhere in the article")
    # places in a list belong together (rasd.geo.lists)
    by_k, spans = cohere_lists(doc, rec, matches, chosen, by_k, sent_of, country, spoken,
                               lambda m, e, cands, why: _mention(doc, gaz, m, e, cands, why))
    places = _namesakes_placed_elsewhere(doc, [by_k[k] for k in sorted(by_k)])
    unknown = find_unknown(doc, rec, [m for k, (m, e) in enumerate(chosen) if e is not None or k in by_k], places,
                           lambda off: max(0, bisect_right(starts, off) - 1), country, texts,
                           list_ref=list_ref(text, spans) if spans else None)
    if spans:
        unknown += gap_villages(doc, rec, spans, {p.start for p in places + unknown})
    # a list of names no known item opens, ended by its district or governorate (rasd.geo.lists.tail_villages)
    tails, misread = tail_villages(doc, rec, sorted(places + unknown, key=lambda p: p.start),
                                   lambda off: max(0, bisect_right(starts, off) - 1))
    if misread:
        places = [p for p in places if p.start not in misread]
        unknown = [p for p in unknown if p.start not in misread]
    unknown += tails
    if unknown:
        places = sorted(places + unknown, key=lambda p: p.start)
    doc.places = places
    doc.country = gaz.entries[gaz.countries[country]].place.name if country in gaz.countries else None
    geo = doc.user_data.setdefault("geo", {})
    # "القصف العنيف على المدينة الواقعة قرب دمشق": the town after "the city ... near" places the city the story is
    # about; no event is at it
    geo["anaphor_refs"] = {p.start for p in places if p.relation in _ANCHOR_RELATIONS - {"countryside"}
                           and _ANAPHOR_REFERENCE.search(text, max(0, p.start - 45), p.start)}
    geo["dateline"] = next((p for p in places if dateline is not None and p.start == matches[dateline].start), None)
    geo["desk"] = desk
    geo["country_code"] = country
    geo["evidence"] = dict(evidence)
    taken = {(p.start, p.end) for p in places}
    geo["rejected"] = [(m.start, m.end, m.key, why_not.get(k, "")) for k, (m, e) in enumerate(chosen)
                       if e is None and (m.start, m.end) not in taken]
    geo["title"] = (title_norm, title_matches) if title_norm is not None else None


_SUMMARIES: dict[tuple[int, str, str | None], Any] = {}

# what ties a name to the town after it that places it, besides a direction phrase before that town ("شرق مدينة"،
# "قرب"، "في ريف"): "التابعة لـ"، "الواقعة في"
_BELONGING = alternation(_LISTS["belonging"])  # تابعه|واقعه|تابع|واقع
_ANCHOR_GAP = re.compile(r"\s*[,،]?\s*(?:(?:ال)?(?:" + _BELONGING + r")\s+)?(?:(?:في|ب)\s*)?$")
_ANCHOR_INSIDE = re.compile(
    r"\s*[,،]?\s*(?:ال)?(?:(?:" + _BELONGING + r")\s*(?:ل|في|الي|ب)|(?:قريب|قريبه|محاذي|محاذيه|مجاور|مجاوره)\s*(?:من|ل))\s*"
    r"(?:(?:ال)?(?:" + alternation(_LISTS["anchor_types"]) + r")\s*)?$")
_ANCHOR_RELATIONS = COMPASS | {"near", "countryside", "outskirts"}
# "the city" / "the town" (the place of the story), perhaps "which lies", then a direction phrase of at most four
# words right before a place (normalised text)
_ANAPHOR_REFERENCE = re.compile(r"(?:^|\s)[وفب]?(?:ال|لل)(?:مدينه|بلده|قريه)\s+(?:(?:ال)?(?:واقعه|تقع|التي\s+تقع)\s+)?"
                                r"(?:[^\s.،,؛]+\s+){1,4}$")
_ANCHOR_KM = 150.0  # how far from the town that places it a namesake may lie ("صيدا شرق درعا": 10 km)


def anchor_namesakes(rec: Recognizer, matches: list[RawMatch], text: str) -> None:
    """"بلدة صيدا شرق مدينة درعا"، "طرابلس شمال لبنان"، "قرية الخضر التابعة لبيت لحم": a name with namesakes in
    several countries, said to be near, in the countryside of or part of a town (or country) whose country leaves no
    doubt (``_says_country``), stands for its namesake in that town's country (and governorate, when it has one there) within 150 km:
    set ``m.anchor``. The namesake still needs its own evidence (``choose.admissible``)."""
    gaz = rec.gaz
    for k in range(len(matches) - 1):
        x, y = matches[k], matches[k + 1]
        if x.person or y.person or len(x.candidates) < 2 or y.start - x.end > 60:
            continue
        if y.relation in _ANCHOR_RELATIONS and y.type_start is not None and y.type_start >= x.end:
            if not _ANCHOR_GAP.match(text[x.end:y.type_start]) or text.startswith("و", y.type_start) and not \
                    text.startswith("وسط", y.type_start):
                continue  # "في عدن والحوطة ومحيط قاعدة العند": a list, not a place told by the next
        elif not (y.relation is None and _ANCHOR_INSIDE.match(text[x.end:y.start])):
            continue
        xs = [gaz.entries[i] for i, _ in x.candidates]
        if len({e.cc for e in xs}) < 2:
            continue  # namesakes in one country: the governorate named nearby already decides (choose.score)
        cc, _ = _says_country(rec, y.key, y.type is not None or y.relation is not None, "placed" in y.notes)
        if not cc:
            continue  # the reference is itself ambiguous (طرابلس) or may be a word (درعا bare)
        ys = [e for e in (gaz.entries[i] for i, _ in y.candidates) if e.cc == cc]
        if all(e.place.feature == "PCLI" for e in ys):
            if any(e.cc == cc for e in xs):
                x.anchor = (cc, "")
            continue
        a1s = {e.a1 for e in ys}
        a1 = a1s.pop() if len(a1s) == 1 else ""
        near = [e for e in xs if e.cc == cc and (e.a1 == a1 and a1 or any(
            _within(e.place, r.place, _ANCHOR_KM) for r in ys))]
        if near:
            x.anchor = (cc, a1 if any(e.a1 == a1 for e in near) else "")


def _namesakes_placed_elsewhere(doc: Document, places: list[PlaceMention]) -> list[PlaceMention]:
    """"مدينة العين بالقرب من مديرية لودر"، "سوق الخميس جنوب مديرية القبيطة": a village the gazetteer knows only in
    another governorate, over 100 km away, placed right after by a relation to a governorate or district, is a
    namesake the gazetteer lacks: a village of the governorate that places it (``unknown.village``: the transliteration key
    there, else the name at that place, geo_precision 2)."""
    if len(places) < 2:
        return places
    text = doc.norm.text
    out = list(places)
    for i in range(len(places) - 1):
        p, q = places[i], places[i + 1]
        # "بلدة العين في محافظة أبين"، "قرية الوادي بمحافظة مأرب"، "X التابعة لمحافظة Y"، "X (Y)": a governorate or
        # district named with its type word (or in brackets) right after says where the place lies, at home or abroad
        # (a seat abroad too: "الوادي بمحافظة مأرب" is no El Oued of Algeria)
        inside = q.relation is None and q.place.feature in ("ADM1", "ADM2") \
            and ("type word (adm" in q.reason or text[p.end:q.start].strip().startswith("(")) \
            and _IN_GOVERNORATE.fullmatch(text, p.end, q.start) is not None \
            and (p.place.feature in ("PPL", "VILLAGE", "NBHD", "PPLA2", "PPLA3")
                 or p.place.feature == "PPLA" and p.place.country != q.place.country)
        if inside and (p.place.country, p.place.admin1) != (q.place.country, q.place.admin1):
            there = [c for c in p.candidates if (c.country, c.admin1) == (q.place.country, q.place.admin1)
                     and c.feature not in ("ADM1", "ADM2", "PCLI")]
            if len(there) == 1 and q.start - p.end <= _PLACING_GAP and "." not in text[p.end:q.start]:
                # "بلدة العين في محافظة تعز": the namesake in the governorate named, not Al Ain of the Emirates
                out[i] = replace(p, place=there[0], reason=p.reason + f"; its namesake in {q.text}")
                continue
        if not inside and (q.relation not in _PLACING or p.place.feature not in ("PPL", "VILLAGE", "NBHD")
                           or p.place.population >= 5000 or p.place.country != q.place.country) \
                or q.place.feature not in ("ADM1", "ADM2") or p.relation in ELSEWHERE \
                or "type word (adm" in p.reason or _within(p.place, q.place, _NAMESAKE_KM) \
                or p.place.country == q.place.country and p.place.admin1 == q.place.admin1 \
                or q.start - p.end > _PLACING_GAP or "." in text[p.end:q.start] or p.note \
                or any(c.admin1 == q.place.admin1 and c.country == q.place.country for c in p.candidates) \
                or "list with" in p.reason:
            continue
        from .unknown import village
        out[i] = village(p.start, p.end, p.text, text[p.start:p.end], q,
                         f"its namesake in {p.place.admin1} ruled out by {q.text}")
    return _framed_by_governorate(doc, out, places)


def _framed_by_governorate(doc: Document, out: list[PlaceMention], places: list[PlaceMention]) -> list[PlaceMention]:
    """"أما في محافظة أبين، فقد سيطرت القوات على بلدة العين"، "وفي محافظة الحديدة ... على مشارف مدينة خوخة": a small
    place named with its type word after a governorate that its sentence opens on (named with محافظة, and no place of
    another governorate between them), which the gazetteer knows only in another governorate over 100 km away, is
    the namesake in that governorate, else a village of it that the gazetteer lacks (``unknown.village``)."""
    text = doc.norm.text
    for i, p in enumerate(places):
        if out[i] is not p or p.place.feature not in ("PPL", "VILLAGE", "NBHD") or p.place.population >= 5000 \
                or "type word (" not in p.reason or "type word (adm" in p.reason or p.relation is not None \
                or p.note or "list with" in p.reason:
            continue
        sentence = doc.sentence_at(p.start)
        if sentence is None:
            continue
        at = next((j for j in range(i - 1, -1, -1) if places[j].start >= sentence.start
                   and places[j].place.feature == "ADM1"), None)
        if at is None:
            continue
        q = places[at]
        if q.relation is not None or "type word (adm1" not in q.reason \
                or q.place.country != p.place.country or q.place.admin1 == p.place.admin1 \
                or p.start - q.end > _FRAME_GAP or _within(p.place, q.place, _NAMESAKE_KM):
            continue
        between = places[at + 1:i]
        if any(b.place.feature == "PCLI" or b.place.admin1 != q.place.admin1 for b in between):
            continue
        there = [c for c in p.candidates if (c.country, c.admin1) == (q.place.country, q.place.admin1)
                 and c.feature not in ("ADM1", "ADM2", "PCLI")]
        if len(there) == 1:
            out[i] = replace(p, place=there[0], reason=p.reason + f"; its namesake in {q.text}, named before it")
            continue
        if there:
            continue
        # "على منطقة العين بلودر": a town of that governorate right after it places it more closely
        ref = q
        if i + 1 < len(places):
            nxt = places[i + 1]
            if (nxt.place.country, nxt.place.admin1) == (q.place.country, q.place.admin1) and nxt.relation is None \
                    and nxt.place.feature != "ADM1" and nxt.start - p.end <= _PLACING_GAP \
                    and _IN_GOVERNORATE.fullmatch(text, p.end, nxt.start) is not None:
                ref = nxt
        from .unknown import village
        out[i] = village(p.start, p.end, p.text, text[p.start:p.end], ref,
                         f"its namesake in {p.place.admin1} ruled out by {q.text}, named before it")
    return out


_FRAME_GAP = 160  # characters between the governorate a sentence opens on and the place named in it


_PLACING = COMPASS | {"near"}
# between a place and the governorate (district) it is said to lie in: "في محافظة"، "بمحافظة"، "التابعة لمحافظة"،
# "الواقعة في ولاية"، "(" (normalised text)
_IN_GOVERNORATE = re.compile(r"\s*(?:[,،]\s*)?(?:(?:ال)?(?:" + _BELONGING + r")\s*(?:ل|في|ب|الي)\s*|(?:في|ب)\s*|\(\s*)"
                             r"(?:(?:ال)?(?:" + alternation(_LISTS["governorate_types"]) + r")\s*)?")
_NAMESAKE_KM = 100.0  # a village this near the district that places it may well be it ("مخمور شرق الموصل")
_PLACING_GAP = 30  # characters between the village and the place that places it ("بالقرب من مديرية ")


def _summary(rec: Recognizer, m: RawMatch, country: str | None):
    """What a name says for certain about where its sentence is, from the candidates that are not small or
    common-word places (cached per name and article country): ``None`` when nothing; else
    ``(country code or "", governorates it may be in or None for a country, its governorate or "", its
    district or "")``."""
    key = (id(rec.gaz), m.key, country)
    if key in _SUMMARIES:
        return _SUMMARIES[key]
    gaz = rec.gaz
    ents = [gaz.entries[i] for i, f in m.candidates if "s" not in f and "t" not in f]
    if country is not None and any(e.cc == country for e in ents):
        ents = [e for e in ents if e.cc == country]
    if not ents:
        out = None
    elif all(e.place.feature == "PCLI" for e in ents):
        out = (ents[0].cc, None, "", "")
    else:
        cc = ents[0].cc if len({e.cc for e in ents}) == 1 and all(e.big for e in ents) else ""
        a1s = tuple(dict.fromkeys(e.a1 for e in ents))
        a1 = a2 = ""
        if len(a1s) == 1:
            a1 = a1s[0]
            a2s = {e.a2 for e in ents if e.place.feature != "ADM1"}
            if len(a2s) == 1 and "" not in a2s:
                a2 = a2s.pop()
        out = (cc, a1s, a1, a2)
    if len(_SUMMARIES) > 100_000:
        _SUMMARIES.clear()
    _SUMMARIES[key] = out
    return out


def _title_matches(rec: Recognizer, doc: Document):
    from ..text import normalize, tokenize
    norm_title = normalize(doc.title)
    tokens = tokenize(norm_title.text, fast_alphabet=norm_title.fast)
    return (norm_title, tokens), rec.find(tokens, norm_title.text)


def _title_places(doc: Document) -> list[PlaceMention]:
    """Places the title names (offsets 0, 0: they are not in the text); computed when a fallback needs them."""
    if not doc.title:
        return []
    geo = doc.user_data.setdefault("geo", {})
    done = geo.get("title_places")
    if done is not None and done[0] == geo.get("country_code"):
        return list(done[1])  # computed once per article (a fallback asks for every event without a place)
    rec = _recognizer()
    if geo.get("title") is None:
        geo["title"] = _title_matches(rec, doc)
    (norm_title, _), matches = geo["title"]
    country = geo.get("country_code")
    out = []
    for m in matches:
        entry, cands, reason = choose(rec.gaz, m, country, Context({}, {}, set()))
        if entry is not None and entry.place.feature != "PCLI":
            s, e = norm_title.span_to_original(m.start, m.end)
            # offsets of the title, not of the text: the mention quotes the title and points nowhere in the text
            pm = _mention(doc, rec.gaz, m, entry, cands, reason + "; title", written=doc.title[s:e])
            pm.start = pm.end = 0
            out.append(pm)
    geo["title_places"] = (country, tuple(out))
    return out


def _inherit_types(matches: list[RawMatch], text: str) -> None:
    """``محافظات الحسكة والرقة ودير الزور``: names listed after a type word share it."""
    for a, b in zip(matches, matches[1:]):
        if a.type and not b.type and not b.relation and _LIST_GAP.fullmatch(text[a.end:b.start]):
            b.type = a.type


def _mark_placed(matches: list[RawMatch], text: str, dateline: int | None) -> None:
    """Note ``placed`` on names that something marks as places: a type word or direction, في/ب/على before it,
    the dateline, or an earlier name of the same list so marked ("في الحسكة والرقة، وقرب الحديثة وكركوك")."""
    prev: RawMatch | None = None
    for k, m in enumerate(matches):
        if "placed" not in m.notes and (m.type is not None or m.relation is not None or "after_prep" in m.notes
                                        or m.clitic.endswith(("ب", "ل")) or k == dateline
                                        or prev is not None and "placed" in prev.notes
                                        and _EVENT_LIST_GAP.fullmatch(text[prev.end:m.start])):
            m.notes.append("placed")
        prev = m


def _inherit_government(rec: Recognizer, matches: list[RawMatch], text: str) -> None:
    """``إن أنقرة وبغداد ستشنان``: a capital listed right after one that stands for its government does too;
    so does a capital right after it, the object of its verb (``اتهمت طهران واشنطن بدعم ...``)."""
    for a, b in zip(matches, matches[1:]):
        if "government" in a.notes and b.key in rec.capital_keys and not b.type and not b.relation \
                and (b.clitic == "و" and re.fullmatch(r"\s*و", text[a.end:b.start])
                     or not b.clitic and not text[a.end:b.start].strip()):
            b.person = True
            b.notes.append("government")


def _inherit_countries(matches: list[RawMatch], text: str) -> None:
    """``الحسكة والرقة في سوريا``: the country named after a list qualifies every name of it."""
    for a, b in zip(reversed(matches[:-1]), reversed(matches[1:])):
        if b.country_after and not a.country_after and _LIST_GAP.fullmatch(text[a.end:b.start]):
            a.country_after = b.country_after


# Cities whose name written bare stands for the territory around them: "غزة" is the Gaza Strip unless مدينة says
# the city ("قصف على غزة"، "حدود غزة"، "جنوب غزة")
_TERRITORY_NAMED_BARE = {"g:281133": "PS.GZ"}
# a capital whose own first-level division is the city alone, and the governorate around it: "ريف دمشق"، "بريف
# العاصمة السورية"، "ريف صنعاء" is that governorate (Rif Dimashq, Sanaa), not the capital's division
_COUNTRYSIDE_OF_CAPITAL = {"g:170654": "SY.08", "a1:SY.13": "SY.08", "g:71137": "YE.16", "a1:YE.26": "YE.16"}


def _mention(doc: Document, gaz: Gazetteer, m: RawMatch, entry: Entry, cands: list[Entry], reason: str,
             written: str | None = None) -> PlaceMention:
    territory = _TERRITORY_NAMED_BARE.get(entry.id)
    if territory and m.type != "town" and not m.relation in ("outskirts", "near"):
        whole = gaz.admin1_entry(territory)
        if whole is not None:
            entry, reason = whole, reason + "; the territory named bare"
    around = _COUNTRYSIDE_OF_CAPITAL.get(entry.id) if m.relation == "countryside" else None
    if around:
        whole = gaz.admin1_entry(around)
        if whole is not None:
            entry, reason = whole, reason + f"; the countryside of the capital is {whole.place.admin1}"
    place = entry.place
    town_named = False
    if place.feature == "ADM2":
        seat = gaz.capital(entry)
        if seat is not None:  # a district is coded at its seat town, by the town's name
            place = replace(place, name=seat.place.name, geonameid=seat.place.geonameid, latitude=seat.place.latitude,
                            longitude=seat.place.longitude)
        elif m.type in ("town", "village"):
            # "بلدة المحابشة": the town of the district's name, which GeoNames knows only in Latin letters
            town = latin_town(m.key, place)
            if town is not None:
                place = replace(place, name=town["name"], geonameid=int(town["geonameid"]), feature="PPL",
                                latitude=float(town["lat"]), longitude=float(town["lon"]),
                                population=int(town["population"] or 0))
                town_named = True
                reason += f"; the town of the district's name, {town['name']} (GeoNames)"
    if place.feature == "SITE:region":  # a region of several districts has no admin2
        place = replace(place, admin2=None)
    if m.relation == "countryside" and place.admin2 and place.feature in ("PPLA", "PPLC") \
            and latin_key(place.name) == latin_key(place.admin1 or ""):
        # "ريف حلب الشمالي"، "بريف إدلب": the countryside of a governorate's namesake capital is the governorate's,
        # over several districts
        place = replace(place, admin2=None)
    precision = precision_of(entry, m) if not town_named else (2 if m.relation else 1)
    if m.relation:
        reason += f"; {m.relation.replace('_', ' ')}"
    if entry.id.startswith(("tp:", "tpa:")):  # a place of train's gold coding (train_places.tsv)
        reason += "; train place table"
        if entry.id.startswith("tpa:"):  # coded by name only: at its district's seat, as an unknown village
            precision = max(precision, 2)
    text = written if written is not None else doc.original_text(m.start, m.end)
    return PlaceMention(start=m.start, end=m.end, text=text, place=place,
                        precision=precision, reason=reason, candidates=[c.place for c in cands], relation=m.relation,
                        note=f"location matched to GeoNames {place.name} by its transliteration" if town_named else None)


# -- one event's place -----------------------------------------------------------------------------------

def places_for(doc: Document, trigger: Any, sentence: Sentence) -> list[PlaceMention]:
    """The place(s) where the event reported by ``trigger`` in ``sentence`` happened (see module docstring)."""
    geo = doc.user_data.get("geo") or {}
    dateline = geo.get("dateline")
    # the dateline says where the report was filed: only a fallback for the event's place
    # a destination ("انسحبوا باتجاه لحج"، "الطرق المؤدية إلى حلب") is not where anything happened; but a missile
    # or drone shot down is coded where it was aimed when the text says nothing else (spec section 5)
    elsewhere = AIMED_AT if getattr(trigger, "sub_event_type", None) == "Disrupted weapons use" else ELSEWHERE
    mentions = _event_mentions(doc, geo, elsewhere)
    # fighting or a strike told toward a place may be coded there; a withdrawal, a handover, an advance that takes
    # nothing or a march toward a place is not at its destination
    moves = "toward" in elsewhere and getattr(trigger, "event_type", None) not in _NOT_TOWARD_TYPES \
        and getattr(trigger, "sub_event_type", None) not in _NOT_TOWARD_TYPES
    if mentions:
        clause = next((c for c in (sentence.clauses or ()) if c.start <= trigger.start < c.end), None)
        whole = [p for p in mentions if sentence.start <= p.start < sentence.end]
        for span in (clause, sentence):
            if span is None:
                continue
            group = [p for p in mentions if span.start <= p.start < span.end]
            if group:
                if span is clause and clause.end < sentence.end and moves \
                        and not any(p.start >= trigger.end for p in group):
                    # "استعادت منطقة الجاح السفلى وتدور معارك نحو الجاح العليا": a clause whose only place after its
                    # event word is the one the event moves toward tells of fighting there
                    ahead = _toward_ahead(doc, trigger, clause.end)
                    if ahead:
                        return ahead
                # the anchor comes from the clause; a list may run on past a comma into the next clause
                return _pick(doc, whole or group, trigger.start, trigger.end, pool=group)
            named = [p for p in _country_mentions(doc) if span.start <= p.start < span.end
                     and not _LEADER_BEFORE.search(doc.norm.text[max(0, p.start - 30):p.start])]
            if named:
                return []  # "غارات في سوريا": only the country is known
            if span is clause and moves:
                ahead = _toward_ahead(doc, trigger, clause.end)
                if ahead:
                    return ahead
        if moves:
            # "تدور معارك شرسة نحو الجاح العليا"، "التصدي لمحاولات تسلل نحو منطقة الجاح": a sentence whose only place
            # is the one its event moves toward, named after the event word, tells of fighting there, not at a
            # place of an earlier sentence
            ahead = _toward_ahead(doc, trigger, sentence.end)
            if ahead:
                return ahead
        # earlier sentences of the paragraph, nearest first
        idx = getattr(trigger, "sentence", -1)
        if not isinstance(idx, int) or idx < 0 or idx >= len(doc.sentences):
            idx = next((i for i, s in enumerate(doc.sentences) if s.start <= trigger.start < s.end), -1)
        k = idx - 1
        while k >= 0 and k >= idx - 3 and doc.sentences[k].paragraph == sentence.paragraph:
            prev = doc.sentences[k]
            group = [p for p in mentions if prev.start <= p.start < prev.end]
            if group:
                return _pick(doc, group, prev.end, prev.end)
            k -= 1
    elif dateline is not None and any(
            p.place.feature == "PCLI" and sentence.start <= p.start < sentence.end and p.start > dateline.end + 40
            and p.place.country != dateline.place.country for p in doc.places):
        # "نيويورك، الولايات المتحدة (CNN)— ... غارة جوية على هدف في ليبيا": the event is in the country its
        # sentence names, not where the report was filed
        return []
    return _fallback(doc)


# a country named as who leads or backs a force ("التحالف بقيادة السعودية"، "التحالف الذي تقوده الولايات المتحدة"،
# "المدعومة من تركيا"): an actor, not where the event happened (normalized text)
_LEADER_BEFORE = re.compile(r"(?:^|\s)(?:[وب]?بقياده|(?:الذي\s+|التي\s+)?(?:ت|ي)قود(?:ه|ها)|(?:ال)?مدعوم(?:ه|ين|ون)?\s+من"
                            r"(?:\s+قبل)?)\s*$")


def _toward_ahead(doc: Document, trigger: Any, end: int) -> list[PlaceMention]:
    """The places after ``trigger`` (up to ``end``) that a direction word right before them names as where the event
    moves (``نحو منطقة الجاح``، ``باتجاه مدينة زبيد``), picked as a list; none when there is no such place."""
    text = doc.norm.text
    ahead = [p for p in doc.places if p.relation == "toward" and trigger.end <= p.start < end
             and p.place.feature != "PCLI" and p.place.admin1
             and _TOWARD_BEFORE.search(text[max(0, p.start - 40):p.start])]
    return _pick(doc, ahead, trigger.start, trigger.end) if ahead else []


def _event_mentions(doc: Document, geo: dict, elsewhere: set[str]) -> list[PlaceMention]:
    """The places an event may be at (no country, dateline, desk, nor a place ``elsewhere`` says nothing happened
    at), computed once per article and kind of event: a trigger's look-up then scans only these."""
    cache = _mentions_cache(doc, geo)
    key = elsewhere is AIMED_AT
    got = cache.get(key)
    if got is None:
        dateline, desk = geo.get("dateline"), geo.get("desk")
        refs = geo.get("anaphor_refs") or ()
        got = cache[key] = [p for p in doc.places if p.place.feature != "PCLI" and p is not dateline
                                and p.relation not in elsewhere and p.start != desk and p.start not in refs]
    return got


def _mentions_cache(doc: Document, geo: dict) -> dict:
    """The per-article store of place-mention lists derived from ``doc.places`` (event mentions, countries): valid
    while ``doc.places`` is the same list, as long (it is not changed in place); made anew otherwise."""
    cached = geo.get("event_mentions")
    if cached is None or cached[0] is not doc.places or cached[1] != len(doc.places):
        cached = geo["event_mentions"] = (doc.places, len(doc.places), {})
    return cached[2]


def _country_mentions(doc: Document) -> list[PlaceMention]:
    """The article's places that are countries (PCLI), in order: read once per article (``_mentions_cache``)."""
    geo = doc.user_data.get("geo")
    if geo is None:
        return [p for p in doc.places if p.place.feature == "PCLI"]
    cache = _mentions_cache(doc, geo)
    got = cache.get("countries")
    if got is None:
        got = cache["countries"] = [p for p in doc.places if p.place.feature == "PCLI"]
    return got


def _pick(doc: Document, group: list[PlaceMention], start: int, end: int,
          pool: list[PlaceMention] | None = None) -> list[PlaceMention]:
    text = doc.norm.text
    pool = pool or group
    after = [p for p in pool if p.start >= end]
    before = [p for p in pool if p.end <= start]
    anchor = after[0] if after else (before[-1] if before else pool[0])
    i = group.index(anchor)
    # "الزبداني شمال غرب دمشق"، "الفلوجة، 50 كلم شرق الرمادي": the place after the compass phrase is the
    # reference point; the event is at the place before it
    while i > 0 and (anchor.relation in COMPASS and _REFERENCE_GAP.fullmatch(text[group[i - 1].end:anchor.start])
                     or anchor.end <= start and _NEIGHBOUR_GAP.fullmatch(text[group[i - 1].end:anchor.start])):
        i -= 1
        anchor = group[i]
    # "في منطقة الحراريات التابعة لقضاء الكرمة ... اشتباكات": the event told after both is at the place that the
    # later one contains or places (a village of the district, a district of the city), not at the later one
    while i > 0 and anchor.end <= start and group[i - 1].place.feature not in ("ADM1", "SITE:region") \
            and _INSIDE_GAP.fullmatch(text[group[i - 1].end:anchor.start]):
        i -= 1
        anchor = group[i]
    countries = _country_mentions(doc)
    if "(" in text[group[0].start:group[-1].end]:
        # a reference place inside a parenthesis after a name of the list ("إربد (90 كم شمال عمان)") is no item of
        # the list: the list is walked over the names outside them
        inner = [p for p in group if p is not anchor and _in_parenthesis(text, p)]
        if inner:
            group = [p for p in group if p not in inner]
            i = group.index(anchor)

    def listed(a: PlaceMention, b: PlaceMention) -> bool:
        gap = text[a.end:b.start]
        if _LIST_GAP.fullmatch(gap):
            return True
        if "(" in gap:
            bare = _PARENTHESIS.sub(" ", gap, count=1)
            if bare != gap and (not bare.strip() or _LIST_GAP.fullmatch(bare)):
                return True
        for c in countries:  # a country between two names of the list: "الرقة في سوريا، وقرب الحديثة"
            if a.end <= c.start and c.end <= b.start:
                gap = text[a.end:c.start].removesuffix("في ").rstrip() + " " + text[c.end:b.start]
        return bool(_EVENT_LIST_GAP.fullmatch(gap) or _UNKNOWN_ITEM_GAP.fullmatch(gap))
    # "مديرية التحيتا جنوب محافظة الحديدة، وفي جبهة صرواح"، "محافظة لحج الى الشمال من عدن ومحافظة أبين": the
    # reference place after a compass phrase is no item of the list, and the list goes on after it
    refs = {j for j in range(1, len(group)) if group[j].relation in COMPASS
            and _REFERENCE_GAP.fullmatch(text[group[j - 1].end:group[j].start])
            or _NEIGHBOUR_GAP.fullmatch(text[group[j - 1].end:group[j].start])} - {i}
    lo = hi = i
    while hi + 1 < len(group):
        if listed(group[hi], group[hi + 1]) and hi + 1 not in refs:
            hi += 1
        elif hi + 2 < len(group) and hi + 1 in refs and hi + 2 not in refs and listed(group[hi + 1], group[hi + 2]):
            hi += 2
        else:
            break
    while lo - 1 >= 0:
        if lo - 1 not in refs and listed(group[lo - 1], group[lo]):
            lo -= 1
        elif lo - 2 >= 0 and lo - 1 in refs and lo - 2 not in refs and listed(group[lo - 1], group[lo]):
            lo -= 2
        else:
            break
    picked = [p for j, p in enumerate(group[lo:hi + 1], lo) if j not in refs]
    if len(picked) == 2 and _BETWEEN_BEFORE.search(text[max(0, picked[0].start - 16):picked[0].start]) \
            and _BETWEEN_GAP.fullmatch(text[picked[0].end:picked[1].start]):
        # "الطريق الرابط بين كركوك وأربيل"، "اشتباكات بين بلدة أم المياذن ومدينة درعا"، "قصف على مواقع بين مدينتي
        # رفح وخان يونس": a place between two towns (one incident, not one in each), near the first
        picked = [replace(picked[0], precision=max(picked[0].precision, 2), relation=picked[0].relation or "near",
                          reason=picked[0].reason + "; between two places")]
    # A place and its own governorate or district named with it ("المسيب بمحافظة بابل"): the most precise.
    out: list[PlaceMention] = []
    for p in picked:
        if p.place.feature == "SITE:region":
            # "دوما بالغوطة الشرقية"، "مدينة دوما، كبرى مدن الغوطة": a town of the region that the region's name
            # qualifies (named right before it) is where
            inside = [q for q in group if q.end <= p.start and p.start - q.end <= _QUALIFIER_GAP
                      and q.place.admin1 == p.place.admin1 and q.place.feature in _TOWNISH
                      and q.precision <= p.precision and _within(q.place, p.place, 20.0)
                      and not any(q.end <= o.start < p.start for o in doc.places)]
            if inside:
                if not any(q in picked for q in inside):
                    best = min(inside, key=lambda q: (abs(q.start - p.start), q.precision))
                    if best not in out:
                        out.append(best)
                continue
        if p.place.feature in ("ADM1", "ADM2") or _shares_governorate_name(p):
            finer = [q for q in group if q is not p and q.start != p.start and q.place.admin1 == p.place.admin1 and q.precision <= p.precision
                     and q.place.feature != "ADM1" and (p.place.feature == "ADM1" or q.place.admin2 == p.place.admin2)]
            if finer:
                if not any(q in picked for q in finer):
                    best = min(finer, key=lambda q: (q.precision, abs(q.start - anchor.start)))
                    if best not in out:
                        out.append(best)
                continue
        if any(q.place.name == p.place.name and q.place.admin1 == p.place.admin1 for q in out):
            continue
        out.append(p)
    # A governorate after the place ("في منطقة المسيب بمحافظة بابل") only confirms it.
    return out


def _in_parenthesis(text: str, p: PlaceMention) -> bool:
    """``p`` stands inside a short parenthesis that follows another word: "(33 كم شمال غرب عمان)"."""
    opened = text.rfind("(", max(0, p.start - 40), p.start)
    if opened < 0 or ")" in text[opened:p.start]:
        return False
    closed = text.find(")", p.end, p.end + 25)
    return closed >= 0 and "(" not in text[p.end:closed]


# "بين" before the first of two places, with the type word of one or of both ("بين بلدة"، "بين مديريتي"), and
# "و" between them, with the second's type word ("ومدينة"): a place between two places (normalized text)
_BETWEEN_TYPES = alternation(_LISTS["between_types"])
_BETWEEN_BEFORE = re.compile(r"(?:^|\s)[وف]?بين\s+(?:(?:%s)\s+)?$" % _BETWEEN_TYPES)
_BETWEEN_GAP = re.compile(r"\s*و\s*(?:(?:" + alternation(_LISTS["between_second_types"]) + r")\s+)?")
_QUALIFIER_GAP = 25  # characters between a town and the region named after it ("، كبرى مدن"، " بمنطقة ")


def _within(a: Place, b: Place, km: float) -> bool:
    """``a`` lies within ``km`` kilometres of ``b`` (both with coordinates)."""
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return False
    from .build import km as distance
    return distance(a.latitude, a.longitude, b.latitude, b.longitude) <= km


def _shares_governorate_name(p: PlaceMention) -> bool:
    """A governorate's capital that carries its name (إدلب، كركوك، الحسكة): after towns of that governorate
    ("الفوعة وكفريا بإدلب") it names the governorate, not the city."""
    def bare(name: str | None) -> str:
        name = (name or "").casefold().replace("-", " ").replace("'", "")
        return name[3:] if name[:3] in ("al ", "ar ", "as ", "ad ", "an ", "az ") else name
    return p.place.feature in ("PPLA", "PPLC") and bare(p.place.name) == bare(p.place.admin1)


# "the city", "the town": the place the story is about, named earlier (normalised forms)
_ANAPHORS = word_values(_WORDS_PATH)["anaphors"]
_TOWNISH = ("PPL", "PPLA", "PPLC", "PPLA3", "VILLAGE", "NBHD")
# what every written form of an anaphor holds (المدينة، وبالمدينة، للمدينة): its word without the article
_ANAPHOR_STEMS = tuple(sorted({word[2:] for word in _ANAPHORS}))


def anaphor_place(doc: Document, sentence: Sentence, trigger: Any = None, reach: int = 40,
                  story: "PlaceMention | None" = None) -> list[PlaceMention]:
    """``وكانت المدينة قد شهدت أمس مظاهرة``: a sentence that names no place but says "the city" (the town,
    the village, the governorate) within ``reach`` words of the trigger is about the place of the story:
    ``story`` (where the last event was placed) when it fits the anaphor, else the last such place named
    before it. The mention quotes the anaphor itself; its place is the antecedent's."""
    text = doc.norm.text[sentence.start:sentence.end]
    if not any(stem in text for stem in _ANAPHOR_STEMS):
        if "مناطق" in text or "منطقه" in text:  # "بمناطق العمليات": the theatre of the operation the story is about
            return _operations_area(doc, sentence, text, story)
        return []  # most sentences: no word of the loop below can be an anaphor, each holds its stem
    refs = (doc.user_data.get("geo") or {}).get("anaphor_refs") or ()
    named = [p for p in doc.places if p.start < sentence.start and p.place.feature != "PCLI" and p.relation not in ELSEWHERE
             and p.start not in refs]
    if not named:
        return []
    words = doc.tokens_between(sentence.start, sentence.end)
    if trigger is not None:
        at = next((i for i, t in enumerate(words) if t.end > trigger.start), len(words) - 1)
        words = words[max(0, at - reach): at + reach + 1]
    for tok in words:
        word, stripped = tok.text, 0
        while word[:1] in ("و", "ف") and len(word) > 6 and stripped < 2:  # proclitics: و ف
            word, stripped = word[1:], stripped + 1
        if word[:2] == "لل" and len(word) > 5:  # لل = ل + ال
            word, stripped = "ا" + word[1:], stripped + 1
        elif word[:1] in ("ب", "ل", "ك") and word[1:3] == "ال":
            word, stripped = word[1:], stripped + 1
        kind = _ANAPHORS.get(word)
        if kind is None or any(p.start <= tok.start < p.end for p in doc.places):
            continue  # "المدينة المنورة" is a name, not an anaphor
        start = tok.start + stripped
        if kind == "adm1":
            antecedent = story if story is not None else named[-1]
            gaz = load()
            code = _admin1_codes(gaz).get((antecedent.place.admin1, antecedent.place.country))
            entry = gaz.admin1_entry(code) if code else None
            if entry is None:
                return []
            return [replace(antecedent, start=start, end=tok.end, text=doc.original_text(start, tok.end),
                            place=entry.place, precision=3, relation=None,
                            reason=f"anaphor: the governorate of {antecedent.text}")]
        towns = [p for p in named if p.place.feature in _TOWNISH]
        if story is not None and story.place.feature in _TOWNISH:
            antecedent = story
        elif towns:
            antecedent = towns[-1]
        else:
            return []
        return [replace(antecedent, start=start, end=tok.end, text=doc.original_text(start, tok.end),
                        reason=f"anaphor: {antecedent.text} named before")]
    return _operations_area(doc, sentence, text, story)


# "بمناطق العمليات"، "في منطقة العمليات"، "بمناطق المداهمات": a military statement's "areas of operations" (of raids)
# are the theatre of the operation the story is about, at governorate level (normalised forms)
_OPERATIONS_AREA = re.compile(r"(?<![\u0621-\u064a])[وفبل]{0,2}(?:مناطق|منطقه) (?:" + alternation(_LISTS["operations"]) + ")"
                              r"(?![\u0621-\u064a])")


def _operations_area(doc: Document, sentence: Sentence, text: str, story) -> list[PlaceMention]:
    """``استهدف القصف المدفعي 185 هدفا بمناطق العمليات``: a sentence that names no place but the areas of operations
    (of raids) is at the governorate of the story's place (where the last event was placed, else the last place
    named before it in the story's country), at geo_precision 3; the mention quotes the phrase."""
    m = _OPERATIONS_AREA.search(text)
    if m is None:
        return []
    refs = (doc.user_data.get("geo") or {}).get("anaphor_refs") or ()
    antecedent = story
    if antecedent is None:
        named = [p for p in doc.places if p.start < sentence.start and p.place.feature != "PCLI"
                 and p.relation not in ELSEWHERE and p.start not in refs and p.place.admin1]
        if not named:
            return []
        antecedent = named[-1]
    gaz = load()
    code = _admin1_codes(gaz).get((antecedent.place.admin1, antecedent.place.country))
    entry = gaz.admin1_entry(code) if code else None
    if entry is None:
        return []
    start = sentence.start + m.start() + len(m.group(0)) - len(m.group(0).lstrip("وفبل"))
    end = sentence.start + m.end()
    return [replace(antecedent, start=start, end=end, text=doc.original_text(start, end), place=entry.place,
                    precision=3, relation=None, reason=f"anaphor: the areas of operations, the governorate of "
                                                       f"{antecedent.text}")]


_DUALS = frozenset(_LISTS["duals"])


def dual_anaphor(doc: Document, trigger: Any, reach: int = 3) -> list[PlaceMention]:
    """``دخلت القوات منطقتي الحامضية والبوعيثة ... وحررت المنطقتين``: "the two areas" right after the trigger
    are the last two places named together before it. The mentions quote the anaphor."""
    i = bisect_left(doc._token_starts(), trigger.end)
    words = doc.tokens[i:i + reach]
    tok = next((t for t in words if t.text.lstrip("وفبل") in _DUALS or t.text in _DUALS), None)
    if tok is None:
        return []
    text = doc.norm.text
    named = [p for p in doc.places if p.end <= trigger.start and p.place.feature != "PCLI" and p.relation not in ELSEWHERE]
    for a, b in zip(reversed(named[:-1]), reversed(named[1:])):
        if _LIST_GAP.fullmatch(text[a.end:b.start]):
            quote = doc.original_text(tok.start, tok.end)
            return [replace(p, start=tok.start, end=tok.end, text=quote, reason=f"anaphor: {p.text}, one of the two "
                                                                                  "places named before")
                    for p in (a, b)]
    return []


def _fallback(doc: Document) -> list[PlaceMention]:
    """The place of an event whose sentence and paragraph name none: the dateline, the title's place, or the
    article's main governorate. Computed once per article (it depends on the article's places only); the same
    mentions are given to every such event, as named places are."""
    geo = doc.user_data.get("geo")
    if geo is None:
        return _fallback_place(doc)
    done = geo.get("fallback")
    if done is not None and done[0] is doc.places and done[1] == len(doc.places) and done[2] == doc.country:
        return list(done[3])
    out = _fallback_place(doc)
    geo["fallback"] = (doc.places, len(doc.places), doc.country, tuple(out))
    return out


def _fallback_place(doc: Document) -> list[PlaceMention]:
    geo = doc.user_data.get("geo") or {}
    dl = geo.get("dateline")
    if dl is not None and dl.place.feature != "PCLI":
        return [replace(dl, precision=max(dl.precision, 2), reason=dl.reason + "; fallback: dateline")]
    for p in _title_places(doc):
        return [replace(p, precision=max(p.precision, 2), reason=p.reason + "; fallback: title")]
    # the article's main governorate
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, PlaceMention] = {}
    desk = geo.get("desk")
    for p in doc.places:
        if p.place.feature != "PCLI" and p.place.admin1 and p.place.country == doc.country and p.relation not in ELSEWHERE \
                and p.start != desk:
            counts[p.place.admin1] += 1
            first.setdefault(p.place.admin1, p)
    if not counts:
        return []
    admin1, n = max(counts.items(), key=lambda kv: kv[1])
    if n < 2 and len(counts) > 1:
        return []
    p = first[admin1]
    gaz = load()
    code = _admin1_codes(gaz).get((admin1, p.place.country))
    a1 = gaz.admin1_entry(code) if code else None
    place = a1.place if a1 is not None else p.place
    return [replace(p, place=place, precision=3, relation=None, reason="fallback: the article's main governorate")]


_ADMIN1_CODES: dict[int, dict[tuple[str, str], str]] = {}


def _admin1_codes(gaz) -> dict[tuple[str, str], str]:
    """(admin1 name, country) -> admin1 code, built once per loaded gazetteer."""
    codes = _ADMIN1_CODES.get(id(gaz))
    if codes is None:
        codes = {}
        for e in gaz.entries:
            if e.place.feature == "ADM1" and e.place.admin1:
                codes.setdefault((e.place.admin1, e.place.country), e.a1)
        _ADMIN1_CODES.clear()
        _ADMIN1_CODES[id(gaz)] = codes
    return codes


# -- a bare text ------------------------------------------------------------------------------------------

def geocode(text: str, *, country_hint: str | None = None) -> list[PlaceMention]:
    """Places named in ``text`` (an article or a sentence), chosen as the pipeline would."""
    doc = Document(text=text)
    if country_hint:
        doc.user_data["country_hint"] = country_hint
    find_places(doc)
    return doc.places


def sentence_places(text: str, *, country_hint: str | None = None) -> list[PlaceMention]:
    """The place(s) an event told at the start of ``text``, read as one sentence, is coded at (how the
    gazetteer's sentence tables and ``rasd geocode`` ask it)."""
    doc = Document(text=text)
    if country_hint:
        doc.user_data["country_hint"] = country_hint
    find_places(doc)
    sentence = Sentence(0, len(doc.norm.text), 0, max(0, len(doc.tokens) - 1))
    doc.sentences = [sentence]
    return places_for(doc, _AtTheStart(), sentence)


class _AtTheStart:
    """A trigger at the very start of a one-sentence document."""
    start = end = sentence = 0


def explain(text: str, *, country_hint: str | None = None) -> dict[str, Any]:
    """What :func:`geocode` found, with the candidates and why: for ``rasd geocode``."""
    doc = Document(text=text)
    if country_hint:
        doc.user_data["country_hint"] = country_hint
    find_places(doc)
    geo = doc.user_data.get("geo", {})
    return {"country": doc.country, "places": [mention_dict(p) for p in doc.places],
            "rejected": [{"start": s, "end": e, "text": doc.original_text(s, e), "key": k, "reason": why}
                         for s, e, k, why in geo.get("rejected", [])]}


def place_dict(p: Place) -> dict[str, Any]:
    return {"name": p.name, "name_ar": p.name_ar, "country": p.country, "iso": p.iso, "admin1": p.admin1,
            "admin2": p.admin2, "admin3": p.admin3, "latitude": p.latitude, "longitude": p.longitude,
            "geonameid": p.geonameid, "feature": p.feature, "population": p.population}


def mention_dict(m: PlaceMention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.text, "precision": m.precision, "relation": m.relation,
            "reason": m.reason, "note": m.note, "place": place_dict(m.place), "candidates": [place_dict(c) for c in m.candidates]}
