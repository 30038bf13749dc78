"""The table of contents of rasd: an article goes in, event records come out.

Each stage is a function ``stage(doc) -> None`` that reads what earlier stages put on the
:class:`~rasd.doc.Document` and adds its own annotations (spaCy's idea: one document, a list of stages).

    1. clean       rasd.clean.clean_document      main text out of HTML, scraping debris dropped, outlet read
    2. normalise   (Document.set_text)            alef/ya/ta marbuta/digits/diacritics folded, offset map kept
    3. segment     rasd.segment.segment           paragraphs, sentences and clauses
    4. triggers    rasd.triggers.find_triggers    event words of all 25 ACLED sub-event types (lexicon file)
    5. modality    rasd.modality.mark_modality    denials, threats, plans, condemnations, generic talk: no event
    6. places      rasd.geo.find_places           place mentions, geocoded, with the article's country
       dates       rasd.dates.find_dates          dates resolved against the publication date
       casualties  rasd.numbers.find_casualties   death and injury counts
       actors      rasd.actors.find_actors        actors normalised to ACLED names and categories
    7. propose     rasd.assemble.propose_events   one candidate per (trigger, place), roles attached, doubts noted
    8. decide      rasd.decide.decide_events      a model learned from hand-coded news keeps or drops each one
    9. merge       rasd.assemble.merge_events     one event per (sub-event type, place, day); evidence spans,
                                                  confidence, stable id

:func:`process` runs them on one article record and returns an :class:`ArticleResult` (events as
records, or the reason the article was skipped). Heavy resources (gazetteer, lexicons) load once per
process, so the same code serves the CLI, the batch runner, the API and Spark executors.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from . import actors, assemble, clean, dates, decide, geo, modality, numbers, segment, triggers
from .doc import DEFERRED, Document
from .errors import InputError

Stage = Callable[[Document], None]

STAGES_BEFORE_DECISION: list[tuple[str, Stage]] = [
    ("segment", segment.segment),
    ("triggers", triggers.find_triggers),
    ("modality", modality.mark_modality),
    ("places", geo.find_places),
    ("dates", dates.find_dates),
    ("casualties", numbers.find_casualties),
    ("actors", actors.find_actors),
    ("propose", assemble.propose_events),
]
STAGES: list[tuple[str, Stage]] = [
    *STAGES_BEFORE_DECISION,
    ("decide", decide.decide_events),
    ("merge", assemble.merge_events),
]


@dataclass(slots=True)
class ArticleResult:
    """What one article gave: its id, its event records, or why it was skipped."""

    id: str
    events: list[dict[str, Any]] = field(default_factory=list)
    skipped: str | None = None
    source: str = ""
    published: str | None = None
    text: str = ""
    title: str = ""
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "events": self.events}
        if self.skipped:
            out["skipped"] = self.skipped
        return out


def make_document(record: dict[str, Any]) -> Document:
    """An article record (``id, title, text or html, published, source, url``) -> a cleaned Document.

    Raises :class:`InputError` with a reason when the record holds no usable Arabic article."""
    return clean.document_from_record(record)


def run_stages(doc: Document, stages: Iterable[tuple[str, Stage]] = STAGES,
               timings: dict[str, float] | None = None) -> Document:
    for name, stage in stages:
        if timings is None:
            stage(doc)
        else:
            t0 = time.perf_counter()
            stage(doc)
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return doc


# Stages whose readings only an event candidate asks for (its date, toll and actors): :func:`run_lean` puts
# them off until :func:`rasd.assemble.propose_events` meets an event word with a place
DEFERRED_STAGES = ("dates", "casualties", "actors")


def run_lean(doc: Document, timings: dict[str, float] | None = None,
             clock: Callable[[], float] = time.perf_counter) -> Document:
    """The stages of :data:`STAGES` that can give an event, with the same events as :func:`run_stages`.

    An article with no event word (none, or all absorbed into another) gives no candidate: its places are
    not looked for. The dates, casualties and actors stages are put off (:data:`rasd.doc.DEFERRED`) and run,
    in their order and on the same annotations, only when the proposal stage meets an event word that has a
    place (:func:`rasd.doc.read_deferred`): an article whose event words have none gives no candidate either
    (a quarter of the news articles). The publication date is read at once: it is part of the result. So
    ``doc.places``, ``doc.dates``, ``doc.casualties`` and ``doc.actors`` may stay empty: use
    :func:`extract` for the annotations themselves. ``timings`` as :func:`run_stages`; a stage run late is
    counted as itself, not as part of the proposal stage."""
    inner = [0.0]

    def later(name: str, stage: Stage) -> Stage:
        if timings is None:
            return stage

        def timed(d: Document) -> None:
            t0 = clock()
            stage(d)
            spent = clock() - t0
            timings[name] = timings.get(name, 0.0) + spent
            inner[0] += spent
        return timed

    pending: list[Stage] = []
    for name, stage in STAGES:
        if name in DEFERRED_STAGES:
            if stage is dates.find_dates:
                dates.find_publication_date(doc)
                stage = dates.read_dates
            pending.append(later(name, stage))
            continue
        if name == "places" and all(t.absorbed for t in doc.triggers):
            continue  # no event word, no candidate (propose_events skips absorbed words)
        if name == "propose":
            doc.user_data[DEFERRED] = pending
        t0 = clock()
        stage(doc)
        spent = clock() - t0
        if name == "propose":
            doc.user_data.pop(DEFERRED, None)  # still there: no event word had a place, nothing asked for them
            spent -= inner[0]
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + spent
    return doc


def extract(record: dict[str, Any], timings: dict[str, float] | None = None) -> Document:
    """Run the whole pipeline on one article record; the events are ``doc.events`` (Event objects), and
    every stage's annotations are on the document."""
    doc = make_document(record)
    return run_stages(doc, timings=timings)


def process(record: dict[str, Any]) -> ArticleResult:
    """Run the pipeline on one article record and never raise for bad input: a skipped article
    comes back with ``skipped`` set to the reason."""
    rid = str(record.get("id") or "") if isinstance(record, dict) else ""
    try:
        doc = run_lean(make_document(record))  # the events of extract(record), without unneeded readings
    except InputError as error:
        return ArticleResult(id=rid, skipped=str(error))
    return ArticleResult(id=doc.id, events=[e.to_record() for e in doc.events], source=doc.source,
                         published=doc.published.isoformat() if doc.published else None,
                         text=doc.text, title=doc.title, url=doc.url)
