"""``rasd ingest``: articles (files, folders, JSONL, RSS/Atom feeds, WARC) into the store."""
from __future__ import annotations

import argparse
import sys
from urllib.parse import urlparse

from ..doc import parse_date
from ..errors import InputError, StoreError
from ..store import add_db_argument, open_store


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "ingest", help="extract events from articles into the store",
        description="Run the pipeline on articles (.txt/.html files, folders, JSONL, RSS/Atom feeds as files or "
                    "http(s) URLs, .warc/.warc.gz archives, '-' for standard input) and keep articles, events, "
                    "evidence and sources in the store. Each article is its own transaction; unchanged articles "
                    "are skipped, corrected ones (same URL or id, new text) replace their events.")
    p.add_argument("inputs", nargs="+", metavar="PATH", help="files, folders, feed URLs, or '-'")
    add_db_argument(p)
    p.add_argument("--source", help="the outlet of single articles read from files")
    p.add_argument("--published", help="publication date YYYY-MM-DD of single articles read from files")
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    p.add_argument("--alerts", metavar="RULES_FILE",
                   help="TOML or YAML file of alert rules: alert on the new events this ingest brings "
                        "(docs/desk.md)")
    p.set_defaults(func=run)


def iter_inputs(inputs: list[str], **meta):
    """Records from paths and feed URLs, in order."""
    from ..sources import iter_records
    paths: list[str] = []
    for item in inputs:
        if urlparse(item).scheme in ("http", "https"):
            if paths:
                yield from iter_records(paths, **meta)
                paths = []
            from ..feeds import iter_feed
            try:
                yield from iter_feed(item)
            except Exception as error:  # noqa: BLE001 - an unreachable feed must not end the run
                yield {"id": item, "_skip": f"cannot read the feed {item}: {error}"}
        else:
            paths.append(item)
    if paths:
        yield from iter_records(paths, **meta)


def run(args: argparse.Namespace) -> int:
    from ..store.ingest import IngestReport, ingest_records
    if args.published and parse_date(args.published) is None:
        raise InputError(f"--published must be YYYY-MM-DD, not {args.published!r}")

    def note(outcome: str, result) -> None:
        if args.quiet:
            return
        ident = result.get("id") if isinstance(result, dict) else result.id
        reason = result.get("_skip") if isinstance(result, dict) else result.skipped
        events = 0 if isinstance(result, dict) else len(result.events or [])
        extra = f": {reason}" if reason else (f" ({events} events)" if outcome in ("added", "replaced") else "")
        print(f"{outcome:9} {ident or '-'}{extra}", file=sys.stderr)

    alerter = None
    if args.alerts:
        from ..alerts import Alerter, load_rules
        alerter = Alerter(load_rules(args.alerts))
    report = IngestReport()
    with open_store(args.db) as store:
        if alerter is not None:  # a rule met for the first time starts after what is already stored
            alerter.begin(store)
        try:
            ingest_records(store, iter_inputs(args.inputs, source=args.source, published=args.published),
                           on_article=note, report=report)
        except StoreError as error:
            # what was committed before the failure stays; the same command again finishes the job
            done = report.added + report.replaced
            if not done:
                raise
            raise type(error)(f"{error} ({done} articles of this run were stored before the failure: the same "
                              f"command run again skips them and finishes the job)") from error
        if alerter is not None:
            sent = alerter.check(store, log=lambda message: print(f"rasd: {message}", file=sys.stderr))
            print(f"rasd: {sent} alerts sent", file=sys.stderr)
        counts = store.counts()
    print(f"rasd: {report.summary()}; store {store.label}: {counts['articles']} articles, "
          f"{counts['events']} events from {counts['reports']} reports", file=sys.stderr)
    if report.skipped and not report.stored:
        print("rasd: no usable article in the input", file=sys.stderr)
        return 3
    return 0
