"""Articles in, store updated: the pipeline on each article record, one transaction per article."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .base import Store, input_hash


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    events: int = 0
    skip_reasons: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def summary(self) -> str:
        return (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.skipped} skipped; {self.events} event reports")


def _default_process() -> Callable[[dict], Any]:
    from ..pipeline import process
    return process


def ingest_result(store: Store, result: Any, *, digest: str | None = None) -> str:
    """Store one :class:`rasd.pipeline.ArticleResult` (or anything with its attributes)."""
    article = {"id": result.id, "url": result.url, "source": result.source, "title": result.title,
               "published": result.published, "text": result.text, "skipped": result.skipped}
    return store.put_article(article, list(result.events or []), digest=digest)


def ingest_records(store: Store, records: Iterable[dict], *, process: Callable[[dict], Any] | None = None,
                   on_article: Callable[[str, Any], None] | None = None) -> IngestReport:
    """Run the pipeline on each record and store it. A record identical to one already stored is not
    processed again (so a re-run after a crash only does what is left). ``on_article(outcome, result)``
    is called after each article."""
    report = IngestReport()
    process = process or _default_process()
    for record in records:
        if not isinstance(record, dict):
            continue
        if record.get("_skip"):
            report.count("skipped")
            report.skip_reasons.append(f"{record.get('id') or 'input'}: {record['_skip']}")
            if on_article:
                on_article("skipped", record)
            continue
        digest = input_hash(record)
        if store.has_input(digest):
            report.count("unchanged")
            if on_article:
                on_article("unchanged", record)
            continue
        result = process(record)
        if result.skipped and not result.id:
            report.count("skipped")
            report.skip_reasons.append(f"input: {result.skipped}")
            if on_article:
                on_article("skipped", result)
            continue
        outcome = ingest_result(store, result, digest=digest)
        if result.skipped:
            report.skip_reasons.append(f"{result.id}: {result.skipped}")
            outcome = "skipped" if outcome != "unchanged" else outcome
        report.count(outcome)
        report.events += len(result.events or []) if outcome in ("added", "replaced") else 0
        if on_article:
            on_article(outcome, result)
    return report
