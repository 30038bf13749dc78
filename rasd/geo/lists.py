"""Places in a list belong together: ``قصفت الطائرات بلدات طفس وصيدا والطيبة بريف درعا``.

News names villages in coordinated lists (items joined by و or a comma in one sentence, opened by a type word such
as ``قرى``، ``بلدات``، ``مدن وبلدات`` or by a verb and its preposition). Each name is first chosen on its own
(:func:`rasd.geo.choose.choose`); then, for each list:

* the **votes**: an item chosen as a town, village, district or governorate capital whose candidates all lie in
  one governorate, or that its governorate named nearby decided, votes for that governorate; a governorate or
  district named right after the list (``... بريف درعا``، ``شرقي مديرية التحيتا``) votes for its own;
* the list is **coherent** when at least two votes (items, or one item and the governorate after the list) name
  one governorate and no vote names another governorate of its country; a list with a country, a national
  capital or a capital standing for its government (a diplomatic sentence) is never coherent;
* then (a) an item with a candidate in that governorate takes it (the evidence rules still apply: the list's
  governorate is the cue a common word needs); (b) an item whose candidates all lie elsewhere (another governorate
  or another country), and that is no national capital, governorate or governorate capital named with its
  country, is a village of the list's governorate that the gazetteer does not know (``unknown.village``: a GeoNames
  town by its transliteration key there, else the name transliterated at the nearest known item of the list,
  geo_precision 2, with a note); (c) unknown names of the list take its governorate (the nearest item in it is
  their reference).

Each place so chosen says why: ``list with طفس and نوى in Daraa``. Lists are found among the names a sentence
holds (no pass over the text beyond the gaps between names).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..doc import Document
from .choose import Context, admissible, score
from .unknown import _PREFIXES, _context_word, frequent_words, village
from ..words import DATA as _DATA, alternation, word_lists

__all__ = ["cohere_lists"]

# the word lists of this module (rasd/data/gazetteer/list_words.tsv: curated, normalised; see rasd.words)
_LISTS = word_lists(_DATA / "gazetteer" / "list_words.tsv")

_SEP = r"\s*(?:[,،]\s*و?|و)\s*"
_ITEM_GAP = re.compile(_SEP + r"(?:(?:في|ب|ل|علي|من)\s*)?(?:(?:" + alternation(_LISTS["item_types"]) + r")\s*)?")
# unknown names between two known ones: "نوى وكحيل والسهوة ونصيب"
_WORD = r"[\u0621-\u064a]{2,20}"
_PRE = "(?:" + "|".join(sorted(_PREFIXES, key=lambda w: (-len(w), w))) + ")"  # longest first (ties: any order, the same matches)
_NAME = rf"(?:{_PRE}\s+)?{_WORD}"
_UNKNOWN_RUN = re.compile(rf"(?:{_SEP}({_NAME})){{1,8}}{_SEP}")
_UNKNOWN_ITEM = re.compile(rf"{_SEP}({_NAME})")
# what stands between a list and the governorate or district named right after it
_TAIL_GAP = re.compile(
    r"\s*[,،]?\s*(?:(?:في|ب|من)\s*)?(?:(?:" + alternation(_LISTS["tail_types"]) + r")\s*)?"
    r"(?:(?:ال)?(?:" + alternation(_LISTS["compass"]) + r")(?:ي|ا)?\s*)*(?:(?:من\s*)?(?:" + alternation(_LISTS["tail_of_types"])
    + r")\s*)?")
_QUAL = r"(?:\s+(?:ال)?(?:" + alternation(_LISTS["qualifiers"]) + "))?"
_TAIL_RUN = re.compile(_QUAL + rf"(?:{_SEP}{_NAME}){{0,8}}" + _TAIL_GAP.pattern)
_TYPED = {"town", "village", "area", "nbhd", "adm3"}  # a list a type word opens: its items are places
_TOWNISH = {"PPL", "PPLA", "PPLA2", "PPLA3", "VILLAGE", "NBHD", "ADM2", "CAMP"}
# a name's second word that is part of it: الغارية الغربية، المزيريب التحتا
_QUALIFIERS = {"ال" + word for word in _LISTS["qualifiers"]}


@dataclass(slots=True)
class _List:
    items: list[int] = field(default_factory=list)  # match indices
    gaps: list[tuple[int, int, str]] = field(default_factory=list)  # unknown names between items (start, end, key)
    tail: int | None = None  # the governorate or district named right after


def _gap_items(text: str, a: int, b: int, typed: bool = False) -> list[tuple[int, int, str]] | None:
    """The unknown names in the gap ``text[a:b]`` between two items of a list, or None when it is no list gap; a
    frequent word is such a name only in a list a type word opens (مدن وبلدات نوى ... ونصيب والغارية)."""
    gap = text[a:b]
    if _ITEM_GAP.fullmatch(gap):
        return []
    if len(gap) > 160 or not _UNKNOWN_RUN.fullmatch(gap):
        return None
    out = []
    pos = 0
    fw = frequent_words()
    for m in _UNKNOWN_ITEM.finditer(gap):
        if m.start() != pos:
            return None
        name = m.group(1)
        words = name.split()
        if len(words) == 2 and words[0] not in _PREFIXES:
            return None
        if words[-1] in fw and len(words) == 1 and not typed or any(w in ("في", "من", "علي", "الي", "عن", "مع", "بين") for w in words):
            return None
        out.append((a + m.start(1), a + m.end(1), name))
        pos = m.end()
    return out


def _tail_items(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The unknown names between a list's last known item and the governorate after it ("وكحيل في ريف درعا")."""
    pos = re.match(_QUAL, text[a:b]).end() + a
    out = []
    fw = frequent_words()
    while True:
        m = _UNKNOWN_ITEM.match(text, pos, b)
        if m is None:
            break
        name = m.group(1)
        words = name.split()
        if len(words) == 2 and words[0] not in _PREFIXES or len(words) == 1 and words[0] in fw \
                or any(w in ("في", "من", "علي", "الي", "عن", "مع", "بين") for w in words):
            break
        out.append((m.start(1), m.end(1), name))
        pos = m.end()
    return out if _TAIL_GAP.fullmatch(text, pos, b) else []


def _lists(text: str, matches, chosen, sent_of) -> list[_List]:
    out: list[_List] = []
    cur: _List | None = None
    last = 0  # where the list's last item ends (with its qualifier: الغارية الغربية)
    for k in range(len(matches)):
        m = matches[k]
        if cur is not None:
            j = cur.items[-1]
            if m.key in _QUALIFIERS and text[last:m.start] == " " and chosen[k][1] is None:
                last = m.end  # "الغربية" after a name is part of it
                continue
            typed = matches[cur.items[0]].type in _TYPED
            gaps = _gap_items(text, last, m.start, typed) if sent_of[j] == sent_of[k] and not m.person else None
            if gaps is not None:
                cur.items.append(k)
                cur.gaps.extend(gaps)
                last = m.end
                continue
            if len(cur.items) >= 2 or cur.gaps:
                if sent_of[j] == sent_of[k] and not m.person and _TAIL_RUN.fullmatch(text[last:m.start]):
                    cur.tail = k
                    cur.gaps.extend(_tail_items(text, last, m.start))
                out.append(cur)
            cur = None
        if not m.person:
            cur, last = _List([k]), m.end
    if cur is not None and (len(cur.items) >= 2 or cur.gaps):
        out.append(cur)
    return out


_GOVERNORATES: dict[tuple[int, str], frozenset[str]] = {}


def _governorates(gaz, m) -> frozenset[str]:
    """The governorates a name's candidates lie in (countries left out), once per name: a common name has hundreds."""
    memo = (id(gaz), m.key)
    got = _GOVERNORATES.get(memo)
    if got is None:
        got = frozenset(gaz.entries[i].a1 for i, _ in m.candidates if gaz.entries[i].place.feature != "PCLI")
        if len(_GOVERNORATES) > 100_000:
            _GOVERNORATES.clear()
        _GOVERNORATES[memo] = got
    return got


def cohere_lists(doc: Document, rec, matches, chosen, places: dict[int, object], sent_of, country: str | None,
                 spoken, mention) -> tuple[dict[int, object], list[tuple[int, int, object, str]]]:
    """Apply list coherence. ``chosen[k]``: (match, entry or None); ``places``: match index -> its mention (updated
    in place and returned); ``mention(m, entry, cands, reason)`` builds a mention. Returns the places and the
    coherent lists' spans ``(start, end, reference chooser, why)`` for the unknown names inside them."""
    gaz = rec.gaz
    text = doc.norm.text
    spans = []
    for lst in _lists(text, matches, chosen, sent_of):
        entries = [chosen[k][1] for k in lst.items]
        if any(e is not None and e.place.feature in ("PCLI", "PPLC") for e in entries) \
                or any("government" in matches[k].notes for k in lst.items):
            continue  # countries or capitals: a diplomatic list, not villages of one governorate
        votes: dict[str, list[str]] = {}
        voters: set[int] = set()
        for k in lst.items:
            m, e = chosen[k]
            if e is None or e.place.feature not in _TOWNISH:
                continue
            a1s = _governorates(gaz, m)
            p = places.get(k)
            # a name with namesakes votes only when its governorate named nearby chose it at home: two names of a
            # list that both have a West Bank namesake (صيدا، الطيبة) do not name the West Bank in a list of Daraa's
            if len(a1s) == 1 or p is not None and "its governorate named nearby" in p.reason \
                    and (country is None or e.cc == country):
                votes.setdefault(e.a1, []).append(p.text if p is not None else m.key)
                voters.add(k)
        if not votes:
            continue
        if lst.tail is not None:
            m, e = chosen[lst.tail]
            if e is not None and e.place.feature != "PCLI" and e.a1 and (
                    e.place.feature in ("ADM1", "ADM2") or m.type in ("adm1", "adm2") or m.relation == "countryside"):
                p = places.get(lst.tail)
                votes.setdefault(e.a1, []).append(p.text if p is not None else m.key)
        a1 = max(votes, key=lambda a: len(votes[a]))
        cc = a1.split(".", 1)[0]
        if len(votes[a1]) < 2 or len(votes[a1]) <= 2 * sum(len(v) for a, v in votes.items() if a != a1):
            continue  # no majority: a list over two governorates (طفس ونوى وتلبيسة is no list of one)
        entry = gaz.admin1_entry(a1)
        a1_name = entry.place.name if entry is not None else a1
        why = f"list with {votes[a1][0]} and {votes[a1][1]} in {a1_name}"
        in_a1 = [k for k in lst.items if chosen[k][1] is not None and chosen[k][1].a1 == a1 and k in places]
        ctx = Context(admin1={a1: 2}, admin2={}, countries={cc}, possible={}, spoken=spoken)

        def nearest(start: int, _in=tuple(in_a1)):
            return places[min(_in, key=lambda k: abs(matches[k].start - start))]
        for k in lst.items:
            m, e = chosen[k]
            if e is not None and e.a1 == a1 or k in voters and (e.big or e.place.feature in ("PPLA", "ADM2")):
                continue  # (a town known widely, or a district, keeps its own governorate)
            if e is not None and (e.place.feature in ("ADM1", "PCLI", "PPLC")
                                  or e.place.feature == "PPLA" and m.country_after):
                continue  # a widely known seat keeps its place
            here = [(i, f) for i, f in m.candidates if gaz.entries[i].a1 == a1]
            if here:
                m.index = k
                # the list's country is the item's: its governorate is the cue a small or common name needs
                ok = [gaz.entries[i] for i, f in here if admissible(gaz, m, i, f, cc, ctx)]
                if ok:
                    best = max(ok, key=lambda c: score(gaz, m, c, cc, ctx, set()))
                    places[k] = mention(m, best, [gaz.entries[i] for i, _ in m.candidates], why)
                continue
            if e is None:
                # a name rejected on its own: a village of the list only when something marks it a place (its
                # type word, the list's, في/على/ب)
                typed = m.type is not None or matches[lst.items[0]].type in _TYPED
                if not (typed or "placed" in m.notes) or m.key in frequent_words() and not typed:
                    continue
                if any(gaz.entries[i].cc == cc for i, _ in m.candidates):
                    continue  # known elsewhere in the country (جوبر, a quarter of Damascus in a list of its Ghouta)
            if not in_a1:
                continue
            start, end = m.start, m.end
            nxt = re.match(r" ([\u0621-\u064a]{4,8})\b", text[end:end + 12])
            if nxt and nxt.group(1) in _QUALIFIERS:
                end += nxt.end()
            written = doc.original_text(start, end)
            places[k] = village(start, end, written, text[start:end], nearest(start), why)
        spans.append((matches[lst.items[0]].start, matches[lst.items[-1]].end, nearest, why, lst.gaps)
                     if in_a1 else None)
    return places, [s for s in spans if s is not None]


_RUN_ON = re.compile(_QUAL + rf"(?:{_SEP}{_NAME}){{0,8}}{_SEP}")


def list_ref(text: str, spans):
    """``(offset) -> (reference, why)`` for the unknown names of the coherent lists ``spans`` (inside one, or
    going on after its last known item: "بلدات طفس ونوى وكحيل والسهوة")."""
    def ref(start: int):
        for s0, e0, nearest, why, _ in spans:
            if s0 <= start <= e0 or start > e0 and start - e0 < 160 and _RUN_ON.fullmatch(text[e0:start]):
                return nearest(start), why
        return None, ""
    return ref


def gap_villages(doc: Document, rec, spans, taken: set[int]) -> list:
    """The unknown names between known items of coherent lists that no type word opened (``find_unknown`` did not
    take them), as villages of the list's governorate."""
    out = []
    for _, _, nearest, why, gaps in spans:
        for start, end, name in gaps:
            if start in taken or any(_context_word(rec, w) for w in name.split()):
                continue
            out.append(village(start, end, doc.original_text(start, end), name, nearest(start), why))
    return out


# -- a list of names the gazetteer lacks, placed by the district or governorate named right after it ---------------
# "استهدفت مواقع الحوثيين في مناطق نجد القرين ومدرة وقاع الحيافي بمحافظة الضالع"، "حررت جبال الصخر والجبل الأحمر
# في مديرية نهم"، "مواجهات في السويق والمغرس ومحيط الفازة شرقي مديرية التحيتا": no item is known, so no list of
# known places votes; the district or governorate after the list (its tail) is what places each item. Each item is
# one place (spec section 5: several named places each struck or taken are one event each).
_TAIL_OPEN = (r"(?:[,،:«\"(]\s*|(?:^|[\s,،:«\"(])(?:(?:[وف]?(?:في|علي|الي)|ب)\s*|(?:[وبل]?(?:"
              + alternation(_LISTS["tail_list_openers"]) + r"))\s+))")
_ALPRE = "(?:(?:ال)?(?:" + "|".join(sorted((_PREFIXES | set(_LISTS["tail_list_prefixes"])) - {"ال"},
                                           key=lambda w: (-len(w), w))) + r")\s+)"
_TAIL_NAME = rf"(?:{_ALPRE}?{_WORD}(?:\s+(?:ال)?(?:" + alternation(_LISTS["qualifiers"]) + r"))?)"
_TAIL_SEP = r"(?:\s*[,،]\s*و?|\s+و)\s*(?:(?:" + alternation(_LISTS["tail_list_item_words"]) + r")\s*)?"
# "... وقاع الحيافي شمال مريس بمحافظة الضالع": a compass phrase and a name no gazetteer knows may come before the tail
_TAIL_REF = r"(?:\s+(?:ال)?(?:" + alternation(_LISTS["compass"]) + rf")(?:ي|ا)?\s+{_WORD})?"
_TAIL_LIST = re.compile(_TAIL_OPEN + rf"({_TAIL_NAME}(?:{_TAIL_SEP}{_TAIL_NAME}){{1,9}})" + r"(" + _TAIL_REF
                        + _TAIL_GAP.pattern + r")$")
_TAIL_ITEM = re.compile(rf"(?:^|{_TAIL_SEP})({_TAIL_NAME})")
_TAIL_TYPES = re.compile(r"(?:^|[\s\u0628])(?:" + alternation(_LISTS["tail_types"]) + "|" + alternation(_LISTS["compass"])
                         + r")")
_NOT_ITEM = frozenset({"في", "من", "علي", "الي", "عن", "مع", "بين", "الذي", "التي", "منذ", "بعد", "قبل", "حيث"})
_TAIL_REACH = 220  # characters before the tail that a list may take
# Train, out of fold with held-out place tables (scripts/event_recall.py --oof --places-per-outlet, stop 34): event F1
# .667 -> .670 (alarabia .675 -> .684, saudi .643 -> .648, skynews .734 -> .736, BBC .597 -> .599, france24 .677, CNN
# .585 -> .583); gold events lost 461 -> 454 (kept, lost after 150 -> 143), spurious 536 -> 537 (duplicates 156 -> 158).


def tail_villages(doc: Document, rec, places: list, sent_of_offset) -> tuple[list, set[int]]:
    """The names of a list that no known item opens, ended by a district or governorate (or a compass phrase and
    it): each a village of the tail's governorate the gazetteer does not know (:func:`rasd.geo.unknown.village`,
    at the tail's coordinates, geo_precision 2), when the list has at least two items and none of its names is
    a known place, a frequent word or a context word (nor the neighbourhoods of one town: أحياء opens no list here). A name read as a small
    place of another governorate (``الحصين``، a district of al-Dali' in a list of Hajjah's) or a place read inside
    a longer name (``كمة`` in ``ولكمة الصوالح``) is such a village too. Returns the villages and the starts of the
    places they replace."""
    text = doc.norm.text
    taken = [(p.start, p.end) for p in places]
    fw = frequent_words()
    out: list = []
    replaced: set[int] = set()
    for p in places:
        feature = p.place.feature
        if feature == "PCLI" or not p.place.admin1 or p.relation in ("toward", "origin"):
            continue
        compass = (p.relation or "").endswith("_of") and feature in _TOWNISH  # "غرب مدينة البصرة": villages near it
        if not (feature in ("ADM1", "ADM2", "ADM3") or p.relation == "countryside" or compass):
            continue
        lo = max(0, p.start - _TAIL_REACH)
        sentence = sent_of_offset(p.start)
        if sent_of_offset(lo) != sentence:  # the tail's sentence starts inside the reach: find its first offset
            a, b = lo, p.start  # sentence numbers rise with the offset, so halve [a, b] (not a step per character)
            while b - a > 1:
                mid = (a + b) // 2
                a, b = (a, mid) if sent_of_offset(mid) == sentence else (mid, b)
            lo = b
        window = text[lo:p.start]
        m = _TAIL_LIST.search(window)
        if m is None or not m.group(2).strip() or not _TAIL_TYPES.search(" " + m.group(2)) and feature != "ADM1" \
                and p.relation != "countryside" and not compass:
            continue  # the tail must be told as one (في/ب، a type word or a compass word before it)
        run_at = lo + m.start(1)
        items = []
        for it in _TAIL_ITEM.finditer(m.group(1)):
            s, e = run_at + it.start(1), run_at + it.end(1)
            if text[s - 1:s] == "و" and " " not in it.group(1) and not it.group(1).startswith("ال") \
                    and "و" + it.group(1) in fw:
                items = []  # "منطقة واسعة": a word that starts with و, not و and a name
                break
            items.append((s, e, it.group(1)))
        if len(items) < 2:
            continue
        new = []
        bad = False
        drop: set[int] = set()
        for s, e, name in items:
            words = name.split()
            if any(w in _NOT_ITEM for w in words) or any(_context_word(rec, w) for w in words if w not in _PREFIXES):
                bad = True  # a preposition, or a type or context word ("في منطقة ..."): no list of names
                break
            inside = [q for q in places if q.start < e and s < q.end]
            if inside:
                if any(not _misread(q, s, e, p) for q in inside) or any(q.start in replaced for q in inside):
                    continue  # a known place of the list (or a village already read)
                drop.update(q.start for q in inside)
            elif any(a < e and s < b for a, b in taken):
                continue
            if len(words) == 1 and words[0] in fw:
                continue  # a frequent word (في مناطق أخرى، آخرها ...): no village
            new.append((s, e, name))
        if bad or not new:
            continue
        why = f"list before {p.text} in {p.place.admin1}"
        for s, e, name in new:
            out.append(village(s, e, doc.original_text(s, e), name, p, why))
            taken.append((s, e))
        replaced |= drop
    return out, replaced


def _misread(q, s: int, e: int, tail) -> bool:
    """Whether the known place ``q`` read in the list's item ``s:e`` is a misreading of a village of the tail's
    governorate: a place inside a longer name, or a small place of another governorate (not a governorate, a
    national or governorate capital, nor a country)."""
    if q.note:
        return False  # a village already placed
    if (q.start, q.end) != (s, e):
        # inside the name, not the name after a clitic (وبصيدا): "ولكمة الصوالح" read as كمة, "جبل القاهرة" as Cairo
        return s <= q.start and q.end <= e and (q.end < e or q.start - s > 2)
    return q.place.admin1 != tail.place.admin1 and q.place.feature not in ("PCLI", "ADM1", "PPLC", "PPLA") \
        and q.relation is None
