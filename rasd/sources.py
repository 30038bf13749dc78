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
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                yield _skip(f"{origin}:{number}", "line is not UTF-8")
                continue
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            yield _skip(f"{origin}:{number}", f"line {number} is not JSON: {getattr(error, 'msg', error)}")
            continue
        if not isinstance(record, dict):
            yield _skip(f"{origin}:{number}", f"line {number} is not a JSON object")
            continue
        yield record


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


def iter_path(path: Path, **meta) -> Iterator[dict]:
    """Records from one file or a folder (recursively, in name order)."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith("."):
                yield from iter_path(child, **{k: v for k, v in meta.items() if k in ("published", "source")})
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


def iter_records(inputs: list[str], **meta) -> Iterator[dict]:
    """Records from paths (``-`` or no path: standard input). ``meta`` (published, source, url, id,
    title) applies to single articles read from .txt/.html files and standard input."""
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
            if stripped.startswith(b"{"):
                yield from (_with_defaults(r, meta) for r in records_from_jsonl(data.splitlines(), "stdin"))
            else:
                yield record_from_bytes(data, ident="", kind="auto", **meta)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"no such file or folder: {item}")
        yield from iter_path(path, **dict(meta))


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
