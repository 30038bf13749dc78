"""A deterministic fixture: the demo articles (``rasd/data/demo``) with their hand-coded events.

Shared by the tests, the screenshot and ``rasd demo --fixture`` (datasette's idea: one fixture database
built in code). The evidence phrases of ``events.json`` are located in the article text here, so the
offsets are always right.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..event import TAXONOMY, SUB_EVENT_TYPES, interaction_code


@dataclass
class FixtureResult:
    """The attributes of :class:`rasd.pipeline.ArticleResult` that the store uses."""

    id: str
    events: list[dict[str, Any]] = field(default_factory=list)
    skipped: str | None = None
    source: str = ""
    published: str | None = None
    text: str = ""
    title: str = ""
    url: str | None = None


def demo_articles() -> list[dict]:
    data = resources.files("rasd").joinpath("data/demo/articles.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def _coding() -> dict[str, list[dict]]:
    return json.loads(resources.files("rasd").joinpath("data/demo/events.json").read_text(encoding="utf-8"))


def sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    return text[left:right].strip()


def make_event(article: dict, *, evidence: list[tuple[str, str]] = (), **fields: Any) -> dict:
    """An event record for ``article`` as the pipeline would give it, evidence phrases located in its text."""
    text = article.get("text") or ""
    spans = []
    for name, phrase in evidence:
        start = text.find(phrase)
        if start < 0:
            raise ValueError(f"{article.get('id')}: evidence {phrase!r} is not in the text")
        spans.append({"field": name, "start": start, "end": start + len(phrase), "text": phrase})
    sub = fields["sub_event_type"]
    event_type = SUB_EVENT_TYPES[sub]
    record: dict[str, Any] = {
        "article_id": article["id"], "event_date": None, "time_precision": 1, "event_type": event_type,
        "sub_event_type": sub, "disorder_type": TAXONOMY[event_type][0],
        "actor1": None, "assoc_actor_1": None, "actor2": None, "assoc_actor_2": None, "inter1": None, "inter2": None,
        "country": None, "iso": None, "admin1": None, "admin2": None, "admin3": None, "location": None,
        "location_ar": None, "latitude": None, "longitude": None, "geo_precision": 1, "geonameid": None,
        "fatalities": 0, "civilian_targeting": False, "background": False, "source": article.get("source") or "",
        "notes": "", "evidence": spans, "confidence": 0.9,
    }
    record.update(fields)
    record["interaction"] = interaction_code(record.get("inter1"), record.get("inter2"))
    trigger = next((s for s in spans if s["field"] == "trigger"), None)
    if trigger and not record["notes"]:
        record["notes"] = sentence_around(text, trigger["start"], trigger["end"])
    if not record.get("event_id"):
        basis = "|".join(str(record.get(k)) for k in ("article_id", "sub_event_type", "admin1", "admin2",
                                                       "location", "event_date", "background"))
        record["event_id"] = "rasd-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
    return record


def demo_results() -> list[FixtureResult]:
    """The demo articles with their hand-coded events, as pipeline results."""
    coding = _coding()
    out = []
    for article in demo_articles():
        events = []
        for spec in coding.get(article["id"], []):
            spec = dict(spec)
            evidence = [tuple(pair) for pair in spec.pop("evidence", [])]
            events.append(make_event(article, evidence=evidence, **spec))
        out.append(FixtureResult(id=article["id"], events=events, source=article["source"],
                                 published=article["published"], text=article["text"], title=article["title"],
                                 url=article["url"]))
    return out


def load_demo(store, *, use_pipeline: bool = True):
    """Ingest the demo articles: through the pipeline, or (``use_pipeline=False``) with the hand coding."""
    from .ingest import ingest_records
    if use_pipeline:
        return ingest_records(store, demo_articles())
    by_id = {r.id: r for r in demo_results()}
    return ingest_records(store, demo_articles(), process=lambda record: by_id[record["id"]])
