"""Stage 4: event triggers, from the lexicon in ``rasd/data/triggers.tsv``.

Each match becomes a :class:`Trigger` with its ACLED sub-event type. Generic words (انفجار، قصف، هجوم،
استهداف: weight < 0.6) are resolved against what is said around them: a specific trigger in the same
clause wins (``انفجار عبوة ناسفة`` is one IED, not two events); otherwise a generic trigger takes the
type of the latest specific trigger of its paragraph (``استهداف`` after ``غارات التحالف`` is an air
strike); aircraft words turn ``قصف`` into an air strike, and a word of targeting or attacking (``استهداف``,
``هجوم``: fighting where nothing else is said) too, unless air defences are named beside it. A gapped row
(``أطلق* … النار``) matches a verb and its object with up to three words (the subject, a count) between them;
its first word may be a trigger of its own (``انتزعت`` a place wrested, ``انتزعت عشرات الألغام`` mines pulled
out), and a gapped row of type ``-`` is a block (``طرد 23 دبلوماسيا``: diplomats expelled, no place retaken); a
word of destroying is disrupted weapons use where air defences are named or a drone or missile is what was
destroyed.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .doc import Document
from .event import SUB_EVENT_TYPES
from .lexicon import Match, PhraseMatcher, phrase_key, read_tsv
from .text import norm

DATA = Path(__file__).parent / "data"
GENERIC = 0.6  # weights below this are generic words
# Generic words whose type comes from the specific trigger nearby (انفجار، قصف، هجوم، استهداف).
ROLES = {"", "result", "assault", "stopped", "gathering"}  # the lexicon's optional role column (see triggers.tsv)
RETYPED = {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Armed clash"}
# A generic word of fighting (عملية عسكرية، حملة عسكرية، حاصرت، اقتحام) does not take these types from a taking told
# nearby: the taking is told by its own words at its own place (سيطرت القوات على الفلوجة), the operation at another
# place is fighting there, and where both are at one place and day the merge codes the battle once, as the taking.
TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


@dataclass(slots=True)
class Trigger:
    """A word or phrase that reports an event of one ACLED sub-event type.

    ``start``/``end`` are offsets into ``doc.norm.text``; ``sentence`` indexes ``doc.sentences``.
    ``modality`` is None for a reported event, else why it is not one (``"denial"``, ``"threat"``,
    ``"plan"``, ``"condemnation"``, ``"generic"``, ``"question"``, ``"hypothetical"``, ...).
    """

    start: int
    end: int
    event_type: str
    sub_event_type: str
    cue: str  # the lexicon phrase that matched
    sentence: int = -1
    weight: float = 1.0
    modality: str | None = None
    background: bool = False
    absorbed: bool = False  # a generic word that belongs to a more specific trigger beside it
    contextual: bool = False  # a generic word whose type came from a specific trigger nearby
    vague: bool = False  # a generic word in the definite or the plural ("the attacks"): talk, not a report
    role: str = ""  # "result": reports what violence left (bodies); yields to a violent trigger of its sentence
    absorbed_by: "Trigger | None" = None  # the specific trigger beside it that tells the same incident
    context: "Trigger | None" = None  # the specific trigger a contextual generic word took its type from
    own_type: tuple[str, str] | None = None  # (event_type, sub_event_type) before it took the context's type
    managed: bool = False  # a generic territory noun after a verb of managing (تمكن من تحرير): stands on its own

    @property
    def generic(self) -> bool:
        return self.weight < GENERIC


GAP = "…"  # in a lexicon phrase: up to GAP_WORDS words stand here (the subject between verb and object)
GAP_WORDS = 3


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher[tuple[str, float, str]]:
    """Phrase -> (sub-event type, weight, role). The first part of a gapped phrase (``أطلق* … النار``) is
    in it with the type :data:`GAP`: what it needs after the gap is in :func:`gapped_phrases`. A first part
    that is a trigger of its own (``انتزعت``, ``طرد``) keeps its own row's value: :func:`gapped_heads` names
    those rows, which try the gapped phrase first and are read as themselves where it is not there."""
    matcher: PhraseMatcher[tuple[str, float, str]] = PhraseMatcher()
    rows = read_tsv(DATA / "triggers.tsv")
    plain = {phrase_key(row["phrase"]) for row in rows if GAP not in row["phrase"]}
    heads: set = set()
    for row in rows:
        sub = row["sub_event_type"]
        if GAP in row["phrase"]:
            head = row["phrase"].split(GAP)[0].strip()
            key = phrase_key(head)
            if key not in heads and key not in plain:
                heads.add(key)
                matcher.add(head, (GAP, 0.0, ""))
            continue
        if sub == "-":  # a blocking phrase: matched, then dropped
            matcher.add(row["phrase"], ("-", 0.0, ""))
            continue
        if sub not in SUB_EVENT_TYPES:
            raise ValueError(f"triggers.tsv: unknown sub_event_type {sub!r} for {row['phrase']!r}")
        role = (row.get("role") or "").strip()
        if role not in ROLES:
            raise ValueError(f"triggers.tsv: unknown role {role!r} for {row['phrase']!r}")
        matcher.add(row["phrase"], (sub, float(row.get("weight") or 1.0), role))
    return matcher


@lru_cache(maxsize=1)
def gapped_heads() -> frozenset[str]:
    """The plain rows (their phrases as written) that are also the first part of a gapped row: ``انتزعت``
    alone is a place wrested, ``انتزعت … الألغام`` mines pulled out; ``طرد`` a place retaken, ``طرد …
    دبلوماسي*`` diplomats expelled (a gapped block)."""
    table = gapped_phrases()[0]
    rows = read_tsv(DATA / "triggers.tsv")
    return frozenset(row["phrase"] for row in rows
                     if GAP not in row["phrase"] and row["sub_event_type"] != "-" and phrase_key(row["phrase"]) in table)


@lru_cache(maxsize=1)
def gapped_phrases() -> tuple[dict[tuple, dict[str, tuple[str, float, str]]], PhraseMatcher[str]]:
    """The gapped rows of the lexicon (``أطلق* … النار``: the verb, its subject, its object):
    ``({key of the first part: {last part: (sub-event type, weight, role)}}, a matcher of the last parts)``.
    A gapped row of type ``-`` is a block: ``طرد … دبلوماسي*`` (طرد 23 دبلوماسيا) is no place retaken."""
    table: dict[tuple, dict[str, tuple[str, float, str]]] = {}
    tails: PhraseMatcher[str] = PhraseMatcher()
    seen: set[str] = set()
    for row in read_tsv(DATA / "triggers.tsv"):
        if GAP not in row["phrase"]:
            continue
        head, _, tail = (part.strip() for part in row["phrase"].partition(GAP))
        sub = row["sub_event_type"]
        if not head or not tail or GAP in tail or (sub not in SUB_EVENT_TYPES and sub != "-"):
            raise ValueError(f"triggers.tsv: a gapped phrase is 'first … last' of a known type or '-': {row['phrase']!r}")
        role = (row.get("role") or "").strip()
        if role not in ROLES:
            raise ValueError(f"triggers.tsv: unknown role {role!r} for {row['phrase']!r}")
        value = ("-", 0.0, "") if sub == "-" else (sub, float(row.get("weight") or 1.0), role)
        table.setdefault(phrase_key(head), {})[tail] = value
        if tail not in seen:
            seen.add(tail)
            tails.add(tail, tail)
    return table, tails


@lru_cache(maxsize=256)
def _head_key(phrase: str) -> tuple:
    return phrase_key(phrase)


def _context_phrases() -> dict[str, tuple[str, ...]]:
    """The phrases of ``trigger_context.tsv`` by group, in file order."""
    groups: dict[str, list[str]] = {}
    for row in read_tsv(DATA / "trigger_context.tsv"):
        groups.setdefault(row["group"].strip(), []).append(row["phrase"].strip())
    return {group: tuple(phrases) for group, phrases in groups.items()}


_CONTEXT = _context_phrases()
_AIRCRAFT = PhraseMatcher((p, "air") for p in _CONTEXT["air"])
# Bombs found, not set off: "عبوات ناسفة عثرت عليها القوات", "العثور على عبوة" -> disrupted weapons use;
# and bombs pulled out or dismantled: "انتزاع الألغام والعبوات الناسفة", "تفكيك عبوة".
_FOUND = PhraseMatcher((p, "found") for p in _CONTEXT["found"])
# Destroying words: a drone or a missile destroyed in the air is one stopped (disrupted weapons use).
DESTRUCTION = set(_CONTEXT["destruction"])
_DEFENCE = PhraseMatcher((p, "defence") for p in _CONTEXT["defence"])
_WEAPON = PhraseMatcher((p, "weapon") for p in _CONTEXT["weapon"])
# Words of targeting (generic clash words) that aircraft near them make an air strike, as they make قصف one.
TARGETING = set(_CONTEXT["targeting"])
_SUICIDE = PhraseMatcher((p, "suicide") for p in _CONTEXT["suicide"])


@lru_cache(maxsize=1)
def _armed_gathering_words() -> PhraseMatcher[str]:
    """The words of ``armed_gatherings.tsv``, valued by their side (``before`` or ``after``)."""
    return PhraseMatcher((row["phrase"], row["side"].strip()) for row in read_tsv(DATA / "armed_gatherings.tsv"))


def _armed_gathering(tokens, texts, m: Match) -> bool:
    """A gathering word (تجمع، تجمعات) that tells fighters massing or what a strike hit, not a protest: a word of
    ``armed_gatherings.tsv`` within two words before it (مواقع وتجمعات، استهدفت تجمعا، نقطة تجمع) or after it
    (تجمعات الحوثيين، تجمعا للميليشيات، تجمع لمقاتليها)."""
    for hit in _armed_gathering_words().find(tokens, texts):
        if hit.value == "before" and m.first - 2 <= hit.last < m.first:
            return True
        if hit.value == "after" and m.last < hit.first <= m.last + 2:
            return True
    return False


# A verb of managing (تمكن، نجح: the ``achieved`` rows of territory_nouns.tsv) up to MANAGED_REACH words before a
# generic territory noun (تحرير، استعادة، تطهير) tells the taking done ("تمكنت القوات ظهر اليوم من استعادة البلدة"):
# the noun then stands as a taking of its own, neither taken in by a battle word beside it ("... وتدور معارك نحو
# قرية أخرى") nor by another generic word of its clause; the merge codes one event where the two are at one place
# and day (spec section 5). It stays generic: it takes in nothing itself (the next place freed, "وتحرير معسكر ...",
# stands as before).
MANAGED_REACH = 5


@lru_cache(maxsize=1)
def _territory_table() -> dict[str, str]:
    """``territory_nouns.tsv``: a stem (normalised) -> its kind, ``noun`` (تحرير، سيطرة) or ``achieved`` (تمكن، نجح)."""
    table = {}
    with open(DATA / "territory_nouns.tsv", encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                stem, _, kind = line.rstrip("\n").partition("\t")
                table[norm(stem.strip())] = kind.strip() or "noun"
    return table


@lru_cache(maxsize=2)
def territory_words(kind: str) -> frozenset[str]:
    """The stems of ``territory_nouns.tsv`` of one kind: ``noun`` or ``achieved`` (read by the merge too)."""
    return frozenset(s for s, k in _territory_table().items() if k == kind)


@lru_cache(maxsize=1)
def _managing_stems() -> tuple[str, ...]:
    return tuple(sorted(territory_words("achieved")))


def _managed(texts: list[str], first: int, sentence_first: int) -> bool:
    """Whether a word of managing (with و or ف before it) stands within MANAGED_REACH words before token ``first``."""
    stems = _managing_stems()
    return any(texts[i].lstrip("وف").startswith(stems)
               for i in range(max(sentence_first, first - MANAGED_REACH), first))


def find_triggers(doc: Document) -> None:
    matcher = trigger_matcher()
    heads = gapped_heads()
    found: list[Trigger] = []
    all_texts = doc.token_texts()
    # the lexicon searched once over the article, its matches shared out to the sentences
    by_sentence = matcher.find_longest_in(doc.tokens, all_texts, [(s.first, s.last) for s in doc.sentences])
    for si, sentence in enumerate(doc.sentences):
        matches = by_sentence[si]
        if not matches:
            continue
        tokens = doc.tokens[sentence.first: sentence.last + 1]
        texts = all_texts[sentence.first: sentence.last + 1]
        aircraft: list[int] | None = None  # where aircraft words start, found once when needed
        suicide: tuple[list[int], list[int]] | None = None  # (starts, ends), found once when needed
        found_words: tuple[list[int], list[int]] | None = None
        defence: list[int] | None = None  # where air-defence words start
        consumed = -1  # the match that stood on the last part of a gapped phrase: told by it
        for k, m in enumerate(matches):
            sub, weight, role = m.value
            if sub == "-" or k == consumed:
                continue
            gapped = None
            if sub == GAP or m.phrase in heads:
                gapped = _gapped(doc, all_texts, m, matches[k + 1:], sentence.last)
                if gapped is None and sub == GAP:
                    continue
            if gapped is not None:
                tail, (sub, weight, role), used = gapped
                if used is not None:
                    consumed = k + 1 + used
                if sub == "-":  # a gapped block (طرد 23 دبلوماسيا): no event told
                    continue
                trig = Trigger(m.start, tail.end, SUB_EVENT_TYPES[sub], sub, f"{m.phrase} {GAP} {tail.phrase}", si,
                               weight, role=role)
            elif role == "assault" and doc.norm.text.endswith("يه", m.start, m.end):
                continue  # the adjective (العمليات الهجومية، بنادق هجومية): offensive, no attack told
            elif role == "gathering" and _armed_gathering(tokens, texts, m):
                continue  # "استهدفت الغارات تجمعات الحوثيين": fighters massing, struck; no protest told
            else:
                trig = Trigger(m.start, m.end, SUB_EVENT_TYPES[sub], sub, m.phrase, si, weight, role=role)
            if m.phrase in DESTRUCTION:
                if defence is None:
                    defence = sorted(d.start for d in _DEFENCE.find(tokens, texts))
                if defence or role == "stopped" and _object_is_weapon(doc, all_texts, m.last, sentence.last):
                    # "رصدت الدفاعات الجوية جسماً ... وقامت بتدميره", "تدمير طائرتين مسيرتين": a weapon stopped
                    trig.sub_event_type, trig.event_type = "Disrupted weapons use", "Strategic developments"
                    trig.weight = 0.9
                elif role == "stopped":
                    continue  # destroying anything else is what a strike did: its own word tells it
            if trig.generic and (sub == "Shelling/artillery/missile attack" or sub == "Armed clash"
                                 and (role == "assault" or m.phrase in TARGETING)):
                if aircraft is None:
                    aircraft = sorted(a.start for a in _AIRCRAFT.find(tokens, texts))
                from_air = _near(aircraft, m.start, 40)
                if from_air and sub == "Armed clash":  # استهدفت الدفاعات الجوية: a weapon met in the air
                    if defence is None:
                        defence = sorted(d.start for d in _DEFENCE.find(tokens, texts))
                    from_air = not _near(defence, m.start, 40)
                if from_air:
                    # "قصفت الطائرات", "قيام القوات الجوية باستهداف", "هجوم للطيران الإسرائيلي": from the air
                    trig.sub_event_type, trig.event_type = "Air/drone strike", "Explosions/Remote violence"
                    trig.weight = 0.9
            if sub == "Remote explosive/landmine/IED":
                if suicide is None:
                    hits = _SUICIDE.find(tokens, texts)
                    suicide = sorted(h.start for h in hits), sorted(h.end for h in hits)
                if _within(suicide[0], m.end, m.end + 30) or _within(suicide[1], m.start - 29, m.start + 1):
                    trig.sub_event_type, trig.weight = "Suicide bomb", max(weight, 0.9)
                elif not trig.generic:
                    if found_words is None:
                        hits = _FOUND.find(tokens, texts)
                        found_words = sorted(h.start for h in hits), sorted(h.end for h in hits)
                    if _within(found_words[0], m.end, m.end + 4) or _within(found_words[1], m.start - 20, m.start + 1):
                        trig.sub_event_type, trig.event_type = "Disrupted weapons use", "Strategic developments"
            if trig.generic and trig.sub_event_type in TERRITORY and _managed(all_texts, m.first, sentence.first):
                trig.managed = True  # "نجح الجيش في تحرير الكتف": a taking told, as by the verb
            if trig.generic:
                written = doc.norm.text[m.start:m.end]
                trig.vague = written.startswith("ال") or written.endswith("ات") or m.phrase.endswith("ات")
            found.append(trig)
    _resolve_generic(doc, found)
    doc.triggers = found


def _gapped(doc: Document, texts: list[str], head: Match, after: list[Match], last: int
            ) -> tuple[Match, tuple[str, float, str], int | None] | None:
    """The last part of a gapped phrase whose first part is ``head``, within :data:`GAP_WORDS` words of it in
    its sentence (``أطلق طالب تونسي النار``), with the row's value and the index in ``after`` of the lexicon
    match that stands on exactly the last part (``الألغام`` of ``انتزعت عشرات الألغام``; None where none
    does); None where there is no last part, or where another phrase of the lexicon stands in the gap or
    on the last part (``أطلق مسلحون النار على`` is told by ``النار على``). A phrase after the last part is
    no matter of the gapped phrase (``انتزعت عشرات الألغام والعبوات``)."""
    table, tails = gapped_phrases()
    wanted = table.get(_head_key(head.phrase))
    if not wanted:
        return None
    reach = head.last + GAP_WORDS + 1
    window = doc.tokens[head.last + 1: min(last, reach + 2) + 1]
    for tail in tails.find_longest(window, texts[head.last + 1: head.last + 1 + len(window)]):
        if tail.first > reach or tail.value not in wanted:
            continue
        value = wanted[tail.value]
        if value[0] != "-" and _article_added(texts[tail.last], tail.value):
            continue
        used = None
        for j, m in enumerate(after):
            if m.first > tail.last:  # what follows the last part is another word's (الألغام والعبوات الناسفة)
                break
            if m.first == tail.first and m.last == tail.last and used is None:
                used = j  # the last part is a trigger of its own: the gapped phrase tells it
            elif m.value[0] != "-":
                return None
        return tail, value, used
    return None


def _article_added(written: str, phrase: str) -> bool:
    """The text gives the article to the last word of a gapped phrase that the lexicon writes without one:
    ``تحت سيطرة المقاومة`` is a place taken, ``تحت السيطرة`` a situation in hand (أصبح الوضع تحت السيطرة)."""
    return written.startswith("ال") and not norm(phrase.split()[-1].rstrip("*")).startswith("ال")


def _object_is_weapon(doc: Document, texts: list[str], last: int, sentence_last: int) -> bool:
    """The word after a word of destroying names a drone or a missile (its object): ``تدمير طائرتين``."""
    if last >= sentence_last:
        return False
    return bool(_WEAPON.find(doc.tokens[last + 1: last + 2], texts[last + 1: last + 2]))


def _near(positions: list[int], pos: int, distance: int) -> bool:
    """Is any of the sorted ``positions`` closer than ``distance`` to ``pos``?"""
    return _within(positions, pos - distance + 1, pos + distance)


def _within(positions: list[int], low: int, high: int) -> bool:
    """Does any of the sorted ``positions`` fall in ``[low, high)``?"""
    i = bisect_left(positions, low)
    return i < len(positions) and positions[i] < high


def _nearest(specific: list[Trigger], starts: list[int], clause, pos: int) -> Trigger:
    """The specific trigger nearest ``pos`` inside its clause, else the nearest anywhere (the one on the
    left where two are as near): by bisection, so that thousands of triggers in a sentence stay linear."""
    i = bisect_left(starts, pos)
    lo, hi = bisect_left(starts, clause.start), bisect_left(starts, clause.end)
    if lo < hi:
        options = [k for k in (min(i, hi) - 1, max(i, lo)) if lo <= k < hi]
    else:
        options = [k for k in (i - 1, i) if 0 <= k < len(specific)]
    return specific[min(options, key=lambda k: abs(starts[k] - pos))]


def _resolve_generic(doc: Document, triggers: list[Trigger]) -> None:
    """Fold generic triggers into specific ones nearby, or give them a specific type from context.

    * a specific trigger in the same clause (or within a few words) absorbs a generic one;
    * of several generic words in one clause only the most telling stays (``استهدف انفجار`` is one);
    * a remaining generic trigger takes the type of the nearest specific violent trigger within two
      sentences of the same passage, the preceding one first (``contextual``); leads usually summarise
      what the next sentence details.
    """
    from .segment import clause_at

    specific_by_sentence: dict[int, list[Trigger]] = {}
    generic_by_sentence: dict[int, list[Trigger]] = {}
    for t in triggers:
        if t.generic:
            generic_by_sentence.setdefault(t.sentence, []).append(t)
        else:
            specific_by_sentence.setdefault(t.sentence, []).append(t)
    violent = [t for t in triggers if not t.generic and t.event_type in ("Explosions/Remote violence", "Battles")]
    violent_sentences = [t.sentence for t in violent]
    violent_in = {t.sentence for t in violent}
    for t in triggers:
        if t.role == "result" and t.sentence in violent_in:
            t.absorbed = True  # "تسع جثث ... إثر قصف": the bodies are the shelling's toll
    for si, generics in generic_by_sentence.items():
        sentence = doc.sentences[si]
        specific = specific_by_sentence.get(si, [])  # sorted: triggers come in text order
        starts = [t.start for t in specific]
        # a word of what violence left (قتلوا، جثث) tells no weapon: it does not take in the explosion beside
        # it ("قتلوا في انفجار هز البلدة"), which stands and takes in the word (below). An attack word stays
        # taken in: who was killed (قتلوا ١٥ قروياً) tells whether the attack was on civilians
        doers = [t for t in specific if t.role != "result"]
        doer_starts = [t.start for t in doers]
        by_clause: dict[int, list[Trigger]] = {}
        for trig in generics:
            if trig.managed:
                continue  # a taking told by a verb of managing: its own event (MANAGED_REACH)
            clause = clause_at(sentence, trig.start)
            if trig.event_type == "Explosions/Remote violence" and len(doers) < len(specific):
                if _within(doer_starts, clause.start, clause.end) or _near(doer_starts, trig.start, 60):
                    trig.absorbed = True
                    trig.absorbed_by = _nearest(doers, doer_starts, clause, trig.start)
                    continue
            elif _within(starts, clause.start, clause.end) or _near(starts, trig.start, 60):
                trig.absorbed = True
                trig.absorbed_by = _nearest(specific, starts, clause, trig.start)
                continue
            by_clause.setdefault(clause.start, []).append(trig)
        for rivals in by_clause.values():
            # of several generic words in one clause only the most telling stays
            def telling(t: Trigger) -> tuple:  # what was done beats what it left (قتل 29 في استهداف)
                return t.role != "result", t.weight, t.event_type == "Explosions/Remote violence", -t.start
            best = max(rivals, key=telling)
            for trig in rivals:
                if trig is not best:
                    trig.absorbed = True
            i = bisect_right(violent_sentences, si)
            before = violent[i - 1] if i and si - violent_sentences[i - 1] <= 2 else None
            after = violent[i] if i < len(violent) and violent_sentences[i] - si <= 2 else None
            context = before or after
            if context is None:
                continue
            best.contextual = True
            best.context = context
            if best.sub_event_type in RETYPED and not (best.role == "assault" and context.sentence != si) \
                    and not (best.sub_event_type == "Armed clash" and context.sub_event_type in TERRITORY):
                best.own_type = best.event_type, best.sub_event_type
                best.event_type, best.sub_event_type = context.event_type, context.sub_event_type
    # a result word that is still standing yields to a generic violent trigger standing in another clause of
    # its sentence ("قصفت ... حيا سكنيا، ما أدى إلى مقتل ثلاثة"): the dead are the shelling's toll
    standing = {t.sentence for t in triggers if not t.absorbed and t.role != "result"
                and t.event_type in ("Explosions/Remote violence", "Battles")}
    for t in triggers:
        if t.role == "result" and not t.absorbed and t.sentence in standing:
            t.absorbed = True
