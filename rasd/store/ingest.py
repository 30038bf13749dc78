"""Articles in, store updated: the pipeline on each article record, one transaction per article.

A crash, ``kill -9``, a full disk or a lost connection leaves the store as it was after the last
article committed; running the same ingest again skips what is stored (by the hash of each input
record) and finishes the job, with no duplicate and no missing event. A bug that makes the pipeline
raise on one article does not end the run: that article is counted as failed, *not* stored (so a
later run, with the bug fixed, processes it), and the run goes on. A failure of the store itself
(:class:`~rasd.errors.StoreError`) ends the run: nothing after it could be written either. Input the
pipeline skips (empty, binary, not Arabic, too large) is reported and never stored: a bad copy of an
article already stored leaves the stored version as it was.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..errors import StoreError
from .base import Store, input_hash


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    events: int = 0
    failed: int = 0
    skip_reasons: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    @property
    def stored(self) -> int:
        """Articles now in the store from this input (added, replaced or already there)."""
        return self.added + self.replaced + self.unchanged

    def summary(self) -> str:
        failed = f" ({self.failed} failed with an internal error, not stored)" if self.failed else ""
        return (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.skipped} skipped{failed}; {self.events} event reports")


def _default_process() -> Callable[[dict], Any]:
    from ..pipeline import process
    return process


def ingest_result(store: Store, result: Any, *, digest: str | None = None) -> str:
    """Store one :class:`rasd.pipeline.ArticleResult` (or anything with its attributes)."""
    article = {"id": result.id, "url": result.url, "source": result.source, "title": result.title,
               "published": result.published, "text": result.text, "skipped": result.skipped}
    return store.put_article(article, list(result.events or []), digest=digest)


def _record_id(record: Any) -> str:
    try:
        return str(record.get("id") or record.get("url") or "") if isinstance(record, dict) else ""
    except Exception:  # noqa: BLE001 - an id that cannot even be printed
        return ""


def ingest_records(store: Store, records: Iterable[dict], *, process: Callable[[dict], Any] | None = None,
                   on_article: Callable[[str, Any], None] | None = None,
                   report: IngestReport | None = None) -> IngestReport:
    """Run the pipeline on each record and store it. A record identical to one already stored is not
    processed again (so a re-run after a crash only does what is left). ``on_article(outcome, result)``
    is called after each article. Pass ``report`` to read the counts so far when a
    :class:`~rasd.errors.StoreError` ends the run."""
    report = report if report is not None else IngestReport()
    process = process or _default_process()

    def failed(record: Any, reason: str) -> None:
        report.count("skipped")
        report.failed += 1
        ident = _record_id(record)
        report.skip_reasons.append(f"{ident or 'input'}: {reason}")
        if on_article:
            on_article("skipped", {"id": ident, "_skip": reason})

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
        try:
            result = process(record)
        except Exception as error:  # noqa: BLE001 - a bug on one article must not end a long run
            failed(record, f"internal error: {type(error).__name__}: {error}")
            continue
        if result.skipped:
            # never stored: a bad copy of an article (emptied page, wrong file) must not replace the good
            # version already in the store, and skipped input must not count as an article
            reason = str(result.skipped)
            if result.id and store.article(str(result.id)) is not None:
                reason += " (the version already stored is kept)"
            report.count("skipped")
            report.skip_reasons.append(f"{result.id or 'input'}: {reason}")
            if on_article:
                on_article("skipped", {"id": result.id, "_skip": reason} if reason != result.skipped else result)
            continue
        try:
            outcome = ingest_result(store, result, digest=digest)
        except StoreError:
            raise
        except Exception as error:  # noqa: BLE001 - a result the store cannot take: rolled back, reported
            failed(record, f"internal error while storing: {type(error).__name__}: {error}")
            continue
        report.count(outcome)
        report.events += len(result.events or []) if outcome in ("added", "replaced") else 0
        if on_article:
            on_article(outcome, result)
    return report
