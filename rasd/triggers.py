"""Stage 4: event triggers. (placeholder: being written)"""
from __future__ import annotations

from dataclasses import dataclass


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
