"""``rasd extract``: articles in, event records out (JSONL, ACLED CSV or GeoJSON)."""
from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from pathlib import Path

from ..doc import parse_date
from ..errors import InputError
from ..sources import default_workers, iter_records


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "extract", help="extract events from articles",
        description="Read .txt/.html articles, JSONL files of articles ({id,title,text|html,published,source,url}), "
                    "folders, feeds or standard input, and write one JSON line per article: {id, events}.")
    p.add_argument("inputs", nargs="*", help="files or folders ('-' or nothing: standard input)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("--format", choices=["jsonl", "acled-csv", "geojson"], default="jsonl")
    p.add_argument("--published", help="publication date YYYY-MM-DD of a single article")
    p.add_argument("--source", help="the outlet of a single article")
    p.add_argument("--url", help="the URL of a single article")
    p.add_argument("--id", help="the id of a single article")
    p.add_argument("--title", help="the title of a single article")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--resume", action="store_true", help="skip articles already in the output file")
    p.add_argument("--progress", action="store_true", help="show progress on standard error")
    p.add_argument("--pretty", action="store_true", help="indent the JSON (single article)")
    p.set_defaults(func=run)


def _stream(records, args, skip_ids=None, render=None):
    try:
        from ..batch import process_stream
    except ImportError:  # pragma: no cover - batch module missing in a partial install
        from ..pipeline import process
        from ..sources import RawLine
        for record in records:
            if isinstance(record, RawLine):
                record = record.to_record()
                if record is None:
                    continue
            result = process(record)
            if not skip_ids or result.id not in skip_ids:
                yield render(result) if render else result
        return
    yield from process_stream(records, workers=args.workers or default_workers(),
                              progress=True if args.progress else None, skip_ids=skip_ids, render=render)


def _jsonl_render(pretty: bool):
    """The function that makes each article's output line where the article is processed (in the worker:
    the parent of the workers then only reads and writes text), or ``None`` where it cannot be had."""
    try:
        from ..batch import jsonl_line
    except ImportError:  # pragma: no cover - batch module missing in a partial install
        return None
    return functools.partial(jsonl_line, indent=2) if pretty else jsonl_line


#: seconds between flushes of an output file (a killed run loses at most the lines of that long, which
#: ``--resume`` does again; a flush a line cost the parent of the workers a system call an article)
FLUSH_INTERVAL = 0.05


class _Flusher:
    """Flushes ``out`` when called, at most once every :data:`FLUSH_INTERVAL` seconds (closing the file
    flushes the rest)."""

    __slots__ = ("out", "due")

    def __init__(self, out) -> None:
        self.out, self.due = out, 0.0

    def __call__(self) -> None:
        now = time.monotonic()
        if now >= self.due:
            self.out.flush()
            self.due = now + FLUSH_INTERVAL


def run(args: argparse.Namespace) -> int:
    if args.published and parse_date(args.published) is None:
        raise InputError(f"--published must be YYYY-MM-DD, not {args.published!r}")
    if args.resume and (not args.output or args.format != "jsonl"):
        raise InputError("--resume needs -o FILE in jsonl format")
    missing = [item for item in args.inputs if item != "-" and not Path(item).exists()]
    if missing:  # said before any worker starts
        raise InputError(f"no such file or folder: {missing[0]}")
    # JSONL lines are parsed where they are processed (the workers), not here
    records = iter_records(args.inputs, published=args.published, source=args.source, url=args.url,
                           id=args.id, title=args.title, raw=True)
    skip_ids = None
    if args.resume:
        from ..batch import done_ids
        skip_ids = done_ids(args.output)
    mode = "a" if args.resume else "w"
    out = open(args.output, mode, encoding="utf-8", newline="") if args.output else sys.stdout
    articles = skipped = events = 0
    last_skip = ""
    collected: list[dict] = []
    render = _jsonl_render(args.pretty) if args.format == "jsonl" else None
    flush = _Flusher(out)
    try:
        for result in _stream(records, args, skip_ids, render):
            articles += 1
            if result.skipped:
                skipped += 1
                last_skip = f"{result.id or 'input'}: {result.skipped}"
                if not args.progress and not sys.stderr.isatty():
                    print(f"rasd: skipped {last_skip}", file=sys.stderr)
            if render is not None:  # the line made by the worker: written as it is
                events += result.n_events
                out.write(result.line)
                flush() if args.output else None
            elif args.format == "jsonl":
                events += len(result.events)
                payload = result.to_json()
                out.write(json.dumps(payload, ensure_ascii=False, indent=2 if args.pretty else None) + "\n")
                flush() if args.output else None
            else:
                events += len(result.events)
                collected.extend(result.events)
        if args.format == "acled-csv":
            from ..export import write_acled_csv
            write_acled_csv(collected, out)
        elif args.format == "geojson":
            from ..export import geojson
            out.write(json.dumps(geojson(collected), ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    if args.progress or args.output:
        print(f"rasd: {articles} articles, {events} events, {skipped} skipped", file=sys.stderr)
    if articles == 1 and skipped == 1:
        if args.progress or sys.stderr.isatty():
            print(f"rasd: skipped {last_skip}", file=sys.stderr)
        return 3  # a single unusable article is an error for the caller
    if articles == 0 and not args.resume:
        print("rasd: no articles in the input", file=sys.stderr)
        return 3
    return 0
