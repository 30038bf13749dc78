"""Stage 4: event triggers, from the lexicon in ``rasd/data/triggers.tsv``.

Each match becomes a :class:`Trigger` with its ACLED sub-event type. Generic words (انفجار، قصف، هجوم،
استهداف: weight < 0.6) are resolved against what is said around them: a specific trigger in the same
clause wins (``انفجار عبوة ناسفة`` is one IED, not two events); otherwise a generic trigger takes the
type of the latest specific trigger of its paragraph (``استهداف`` after ``غارات التحالف`` is an air
strike); aircraft words turn ``قصف`` into an air strike.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .doc import Document
from .event import SUB_EVENT_TYPES
from .lexicon import PhraseMatcher, read_tsv

DATA = Path(__file__).parent / "data"
GENERIC = 0.6  # weights below this are generic words
# Generic words whose type comes from the specific trigger nearby (انفجار، قصف، هجوم، استهداف).
RETYPED = {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Armed clash"}


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

    @property
    def generic(self) -> bool:
        return self.weight < GENERIC


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher[tuple[str, float]]:
    matcher: PhraseMatcher[tuple[str, float]] = PhraseMatcher()
    for row in read_tsv(DATA / "triggers.tsv"):
        sub = row["sub_event_type"]
        if sub == "-":  # a blocking phrase: matched, then dropped
            matcher.add(row["phrase"], ("-", 0.0))
            continue
        if sub not in SUB_EVENT_TYPES:
            raise ValueError(f"triggers.tsv: unknown sub_event_type {sub!r} for {row['phrase']!r}")
        matcher.add(row["phrase"], (sub, float(row.get("weight") or 1.0)))
    return matcher


_AIRCRAFT = PhraseMatcher((p, "air") for p in (
    "طائرة*", "طائرات", "طيران*", "الطيران", "مقاتلات", "مروحية*", "مروحيات", "الحربي", "جوي*", "جوية",
    "غارة*", "غارات", "مسيرة*", "درون"))
_SUICIDE = PhraseMatcher((p, "suicide") for p in ("انتحاري*", "انتحارية", "انتحاريين", "فجر نفسه", "حزام* ناسف*"))


def find_triggers(doc: Document) -> None:
    matcher = trigger_matcher()
    found: list[Trigger] = []
    for si, sentence in enumerate(doc.sentences):
        tokens = doc.tokens[sentence.first: sentence.last + 1]
        if not tokens:
            continue
        matches = matcher.find_longest(tokens)
        if not matches:
            continue
        aircraft = _AIRCRAFT.find(tokens)
        for m in matches:
            sub, weight = m.value
            if sub == "-":
                continue
            trig = Trigger(m.start, m.end, SUB_EVENT_TYPES[sub], sub, m.phrase, si, weight)
            if sub == "Shelling/artillery/missile attack" and trig.generic and any(
                    abs(a.start - m.start) < 40 for a in aircraft):
                trig.sub_event_type, trig.event_type, trig.weight = "Air/drone strike", "Explosions/Remote violence", 0.9
            if sub == "Remote explosive/landmine/IED" and any(
                    0 <= s.start - m.end < 30 or 0 <= m.start - s.end < 30 for s in _SUICIDE.find(tokens)):
                trig.sub_event_type, trig.weight = "Suicide bomb", max(weight, 0.9)
            if trig.generic:
                written = doc.norm.text[m.start:m.end]
                trig.vague = written.startswith("ال") or written.endswith("ات") or m.phrase.endswith("ات")
            found.append(trig)
    _resolve_generic(doc, found)
    doc.triggers = found


def _resolve_generic(doc: Document, triggers: list[Trigger]) -> None:
    """Fold generic triggers into specific ones nearby, or give them a specific type from context.

    * a specific trigger in the same clause (or within a few words) absorbs a generic one;
    * of several generic words in one clause only the most telling stays (``استهدف انفجار`` is one);
    * a remaining generic trigger takes the type of the nearest specific violent trigger within two
      sentences of the same passage, the preceding one first (``contextual``); leads usually summarise
      what the next sentence details.
    """
    from .segment import clause_at

    specific = [t for t in triggers if not t.generic]
    violent = [t for t in specific if t.event_type in ("Explosions/Remote violence", "Battles")]
    for trig in triggers:
        if not trig.generic:
            continue
        sentence = doc.sentences[trig.sentence]
        clause = clause_at(sentence, trig.start)
        if any(t.sentence == trig.sentence and (clause.start <= t.start < clause.end or abs(t.start - trig.start) < 60)
               for t in specific):
            trig.absorbed = True
            continue
        rivals = [t for t in triggers if t is not trig and t.generic and not t.absorbed and t.sentence == trig.sentence
                  and clause.start <= t.start < clause.end]
        if any((t.weight, t.event_type == "Explosions/Remote violence", -t.start) >
               (trig.weight, trig.event_type == "Explosions/Remote violence", -trig.start) for t in rivals):
            trig.absorbed = True
            continue
        before = [t for t in violent if 0 <= trig.sentence - t.sentence <= 2]
        after = [t for t in violent if 0 < t.sentence - trig.sentence <= 2]
        context = before[-1] if before else after[0] if after else None
        if context is None:
            continue
        trig.contextual = True
        if trig.sub_event_type in RETYPED:
            trig.event_type, trig.sub_event_type = context.event_type, context.sub_event_type
