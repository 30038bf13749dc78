"""Reading articles: files, folders, JSONL, feeds, WARC archives and standard input, as article records.

An article record is a dict ``{"id", "title", "text" or "html", "published", "source", "url"}``.
Unreadable input does not raise here: it becomes a record with ``"_skip": reason``, so a batch goes on
and the reason reaches the output (the pipeline turns it into a skipped article).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Iterator

from .clean import decode_bytes
from .errors import InputError

MAX_FILE_BYTES = 50 * 1024 * 1024  # a single article file larger than this is not an article
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
WARC_SUFFIXES = {".warc", ".gz"}


def _skip(ident: str, reason: str) -> dict:
    return {"id": ident, "_skip": reason}


def records_from_jsonl(lines, origin: str) -> Iterator[dict]:
    for number, line in enumerate(lines, 1):
        record = _parse_line(line, origin, number)
        if record is not None:
            yield record


def _parse_line(line, origin: str, number: int) -> dict | None:
    """The record of one JSONL line (a ``_skip`` record for a broken one); ``None`` for a blank line."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            return _skip(f"{origin}:{number}", "line is not UTF-8")
    line = line.strip()
    if not line:
        return None
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as error:
        return _skip(f"{origin}:{number}", f"line {number} is not JSON: {getattr(error, 'msg', error)}")
    if not isinstance(record, dict):
        return _skip(f"{origin}:{number}", f"line {number} is not a JSON object")
    return record


class RawLine:
    """One line of a JSONL input, read but not parsed: what ``iter_records(..., raw=True)`` yields for
    JSONL, so that the parent of ``rasd extract --workers N`` only reads text and the workers parse it
    (:meth:`to_record` gives exactly the record, or the ``_skip`` record, that :func:`records_from_jsonl`
    gives for the line). Pickles as the line's bytes (~0.2 us an article, against ~5 us for the dict)."""

    __slots__ = ("data", "origin", "number", "meta")

    def __init__(self, data, origin: str, number: int, meta: dict | None = None) -> None:
        self.data, self.origin, self.number, self.meta = data, origin, number, meta

    def __reduce__(self):
        return (RawLine, (self.data, self.origin, self.number, self.meta))

    def to_record(self) -> dict | None:
        """The line's record (``None`` for a line of white space, which is no article)."""
        record = _parse_line(self.data, self.origin, self.number)
        if record is not None and self.meta:
            _with_defaults(record, self.meta)
        return record


def raw_lines_from_jsonl(lines, origin: str, meta: dict | None = None) -> Iterator[RawLine]:
    """:class:`RawLine` s of the lines that are not blank (ASCII white space; a line of other white
    space gives ``None`` from :meth:`RawLine.to_record`)."""
    meta = {key: meta[key] for key in ("published", "source") if meta.get(key)} if meta else None
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield RawLine(line, origin, number, meta or None)


def record_from_bytes(data: bytes, *, ident: str, kind: str, **meta) -> dict:
    try:
        text = decode_bytes(data)
    except InputError as error:
        return _skip(ident, str(error))
    record = {key: value for key, value in meta.items() if value}
    if kind == "html" or _looks_like_html(text):
        record["html"] = text
    else:
        record["text"] = text
    record.setdefault("id", ident if kind != "stdin" else "")
    return record


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head or "<div" in head


def iter_path(path: Path, *, raw: bool = False, **meta) -> Iterator[dict]:
    """Records from one file or a folder (recursively, in name order); with ``raw``, JSONL lines come as
    :class:`RawLine` s (parsed where they are processed)."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith("."):
                yield from iter_path(child, raw=raw,
                                     **{k: v for k, v in meta.items() if k in ("published", "source")})
        return
    suffix = path.suffix.lower()
    ident = meta.pop("id", None) or path.stem
    try:
        size = path.stat().st_size
    except OSError as error:
        yield _skip(str(path), f"cannot read {path}: {error.strerror}")
        return
    if suffix in JSONL_SUFFIXES:
        try:
            with open(path, "rb") as handle:
                if raw:
                    yield from raw_lines_from_jsonl(handle, str(path), meta)
                else:
                    yield from (_with_defaults(r, meta) for r in records_from_jsonl(handle, str(path)))
        except OSError as error:
            yield _skip(str(path), f"cannot read {path}: {error.strerror}")
        return
    if suffix in FEED_SUFFIXES or path.name.lower().endswith((".warc", ".warc.gz")):
        try:
            from . import feeds
        except ImportError:
            yield _skip(str(path), "feed and WARC reading is not available in this installation")
            return
        reader = feeds.iter_warc if ".warc" in path.name.lower() else feeds.iter_feed
        try:
            yield from (_with_defaults(r, meta) for r in reader(str(path)))
        except Exception as error:  # a broken feed must not end a batch
            yield _skip(str(path), f"unreadable feed/archive {path.name}: {error}")
        return
    if size > MAX_FILE_BYTES:
        yield _skip(ident, f"file too large for one article: {size:,} bytes")
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield _skip(ident, f"cannot read {path}: {error.strerror}")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else "auto"
    yield record_from_bytes(data, ident=ident, kind=kind, **meta)


def _with_defaults(record: dict, meta: dict) -> dict:
    for key in ("published", "source"):
        if meta.get(key) and not record.get(key):
            record[key] = meta[key]
    return record


def iter_records(inputs: list[str], *, raw: bool = False, **meta) -> Iterator[dict]:
    """Records from paths (``-`` or no path: standard input). ``meta`` (published, source, url, id,
    title) applies to single articles read from .txt/.html files and standard input. ``raw``: JSONL
    lines come as :class:`RawLine` s, not parsed (:mod:`rasd.batch` parses them in its workers)."""
    meta = {k: v for k, v in meta.items() if v}
    if not inputs:
        inputs = ["-"]
    for item in inputs:
        if item == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                yield _skip("stdin", "standard input too large for one article")
                continue
            stripped = data.lstrip()
            if stripped.startswith(b"{") and raw:
                yield from raw_lines_from_jsonl(data.splitlines(), "stdin", meta)
            elif stripped.startswith(b"{"):
                yield from (_with_defaults(r, meta) for r in records_from_jsonl(data.splitlines(), "stdin"))
            else:
                yield record_from_bytes(data, ident="", kind="auto", **meta)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"no such file or folder: {item}")
        yield from iter_path(path, raw=raw, **dict(meta))


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
