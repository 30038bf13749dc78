"""Reading RSS 2.0 / Atom feeds and WARC archives into article records.

An article record is ``{"id", "url", "title", "text" or "html", "published", "source"}`` (what
:mod:`rasd.sources` gives the pipeline). Feeds: each item/entry is an article; the item's full content
(``content:encoded``, Atom ``content``) is preferred to its summary. WARC: each ``response`` record with
an HTML/text body and HTTP status 200 is an article (the URL is the target URI; the crawl date is *not*
the publication date, the cleaner finds that in the page).

Both readers use only the standard library (``defusedxml`` guards the XML parser when installed).
"""
from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import io
import re
import zlib
from typing import IO, Iterator
from urllib.parse import urlparse

try:  # pragma: no cover - depends on the installation
    from defusedxml import ElementTree as ET  # type: ignore
except ImportError:  # pragma: no cover
    import xml.etree.ElementTree as ET  # noqa: N817

MAX_FEED_BYTES = 20 * 1024 * 1024
MAX_RECORD_BYTES = 50 * 1024 * 1024
URL_TIMEOUT_S = 30

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def _read_source(path_or_url: str) -> bytes:
    if urlparse(path_or_url).scheme in ("http", "https"):
        import urllib.request
        request = urllib.request.Request(path_or_url, headers={"User-Agent": "rasd (feed reader)"})
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT_S) as response:  # noqa: S310 - http(s) only
            data = response.read(MAX_FEED_BYTES + 1)
    else:
        with open(path_or_url, "rb") as handle:
            data = handle.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        raise ValueError(f"feed larger than {MAX_FEED_BYTES:,} bytes")
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, MAX_FEED_BYTES, what="feed")
    return data


def gunzip(data: bytes, limit: int, *, what: str = "data") -> bytes:
    """Decompress gzip ``data`` (several members too), refusing to expand past ``limit`` bytes (a
    20 MB gzip bomb would otherwise become 20 GB). Raises ValueError with the reason."""
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(data, limit + 1 - len(out))
        except zlib.error as error:
            raise ValueError(f"{what} is not valid gzip: {error}") from error
        if len(out) > limit or inflater.unconsumed_tail:
            raise ValueError(f"{what} larger than {limit:,} bytes once decompressed")
        if not inflater.eof:
            raise ValueError(f"{what} is cut short (incomplete gzip)")
        data = inflater.unused_data.lstrip(b"\x00")
    return bytes(out)


def parse_feed_date(value: str | None) -> str | None:
    """RFC 822 (RSS) or ISO 8601 (Atom) -> ``YYYY-MM-DD``; anything else -> None."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _looks_html(text: str) -> bool:
    return bool(re.search(r"<(p|div|br|span|a|img|h\d|article)\b", text[:5000], re.I))


def _body(record: dict, content: str) -> dict:
    if content:
        record["html" if _looks_html(content) else "text"] = content
    return record


def iter_feed(path_or_url: str) -> Iterator[dict]:
    """Article records from an RSS 2.0 or Atom feed (a file or an http(s) URL)."""
    root = ET.fromstring(_read_source(path_or_url))
    if root.tag == f"{ATOM}feed":
        source = _text(root.find(f"{ATOM}title"))
        for entry in root.iter(f"{ATOM}entry"):
            link = ""
            for candidate in entry.findall(f"{ATOM}link"):
                if candidate.get("rel", "alternate") == "alternate":
                    link = candidate.get("href", "")
                    break
            content = _text(entry.find(f"{ATOM}content")) or _text(entry.find(f"{ATOM}summary"))
            record = {"url": link or None, "title": _text(entry.find(f"{ATOM}title")),
                      "published": parse_feed_date(_text(entry.find(f"{ATOM}published"))
                                                   or _text(entry.find(f"{ATOM}updated"))),
                      "source": source}
            yield _body({k: v for k, v in record.items() if v}, content)
        return
    channel = root.find("channel")
    if root.tag != "rss" and channel is None:
        raise ValueError(f"not an RSS or Atom feed (root element {root.tag!r})")
    source = _text(channel.find("title")) if channel is not None else ""
    for item in root.iter("item"):
        content = _text(item.find(CONTENT)) or _text(item.find("description"))
        record = {"url": _text(item.find("link")) or _text(item.find("guid")) or None,
                  "title": _text(item.find("title")),
                  "published": parse_feed_date(_text(item.find("pubDate")) or _text(item.find(DC_DATE))),
                  "source": _text(item.find("source")) or source}
        yield _body({k: v for k, v in record.items() if v}, content)


# -- WARC ---------------------------------------------------------------------------------------------------

MAX_HEADER_LINE = 64 * 1024
MAX_HEADERS = 500
MAX_BLANK_LINES = 100_000


def _line(stream: IO[bytes]) -> bytes:
    line = stream.readline(MAX_HEADER_LINE + 1)
    if len(line) > MAX_HEADER_LINE:
        raise ValueError(f"header line longer than {MAX_HEADER_LINE:,} bytes: not a WARC or HTTP header")
    return line


def _read_headers(stream: IO[bytes]) -> tuple[str, dict[str, str]] | None:
    line = _line(stream)
    blanks = 0
    while line in (b"\r\n", b"\n"):
        blanks += 1
        if blanks > MAX_BLANK_LINES:
            raise ValueError("too many blank lines between records: not a WARC file")
        line = _line(stream)
    if not line:
        return None
    first = line.decode("latin-1").strip()
    headers: dict[str, str] = {}
    while True:
        line = _line(stream)
        if not line or line in (b"\r\n", b"\n"):
            break
        if len(headers) >= MAX_HEADERS:
            raise ValueError(f"more than {MAX_HEADERS} header lines in one record")
        name, _, value = line.decode("utf-8", "replace").partition(":")
        headers[name.strip().lower()] = value.strip()
    return first, headers


def _dechunk(body: bytes) -> bytes:
    out, stream = bytearray(), io.BytesIO(body)
    while True:
        size_line = stream.readline()
        if not size_line:
            break
        try:
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
        except ValueError:
            return body  # not really chunked
        if size == 0:
            break
        out += stream.read(size)
        stream.readline()
    return bytes(out)


def _skip_bytes(stream: IO[bytes], length: int, chunk: int = 1 << 20) -> None:
    """Read past ``length`` bytes without holding them."""
    while length > 0:
        got = stream.read(min(chunk, length))
        if not got:
            return
        length -= len(got)


def iter_warc(path: str) -> Iterator[dict]:
    """Article records from a WARC file (``.warc`` or ``.warc.gz``): HTTP 200 responses with an HTML or
    plain-text body. A damaged archive raises ValueError after the records read before the damage."""
    try:
        yield from _iter_warc(path)
    except (zlib.error, EOFError, gzip.BadGzipFile) as error:
        raise ValueError(f"damaged WARC archive: {error}") from error


def _iter_warc(path: str) -> Iterator[dict]:
    from .clean import decode_bytes
    from .errors import InputError
    with open(path, "rb") as raw:
        magic = raw.read(2)
        raw.seek(0)
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw) if magic == b"\x1f\x8b" else raw  # type: ignore[assignment]
        while True:
            head = _read_headers(stream)
            if head is None:
                return
            version, headers = head
            if not version.startswith("WARC/"):
                raise ValueError(f"not a WARC record: {version[:40]!r}")
            declared = headers.get("content-length", "0").strip()
            if not declared.isdigit():
                raise ValueError(f"WARC record with a bad Content-Length: {declared[:40]!r}")
            length = int(declared)
            if length > MAX_RECORD_BYTES:
                _skip_bytes(stream, length)
                continue
            block = stream.read(length)
            if headers.get("warc-type") != "response" or "application/http" not in headers.get("content-type", ""):
                continue
            http = io.BytesIO(block)
            try:
                status = _read_headers(http)
            except ValueError:  # a malformed HTTP head: this record is unusable, the next may be fine
                continue
            if status is None:
                continue
            status_line, http_headers = status
            parts = status_line.split()
            if len(parts) < 2 or parts[1] != "200":
                continue
            ctype = http_headers.get("content-type", "text/html").lower()
            if not ctype.startswith(("text/html", "application/xhtml", "text/plain")):
                continue
            body = http.read()
            if "chunked" in http_headers.get("transfer-encoding", "").lower():
                body = _dechunk(body)
            if "gzip" in http_headers.get("content-encoding", "").lower():
                try:
                    body = gunzip(body, MAX_RECORD_BYTES, what="WARC response body")
                except ValueError:
                    continue
            url = headers.get("warc-target-uri", "").strip("<>") or None
            try:
                text = decode_bytes(body)
            except InputError as error:
                yield {"id": url or headers.get("warc-record-id", ""), "_skip": str(error)}
                continue
            record = {"url": url, "crawled": parse_feed_date(headers.get("warc-date"))}
            record["text" if ctype.startswith("text/plain") else "html"] = text
            yield {k: v for k, v in record.items() if v}
