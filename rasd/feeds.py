"""Reading RSS / Atom feeds and WARC archives into article records.

An article record is ``{"id", "url", "title", "text" or "html", "published", "source"}`` (what
:mod:`rasd.sources` gives the pipeline). Feeds are read by ``feedparser`` (RSS 0.9x/1.0/2.0, Atom 0.3/1.0,
and the thousand ways real feeds are malformed); each item/entry is an article, its full content
(``content:encoded``, Atom ``content``) preferred to its summary. WARC archives are read by ``warcio``:
each ``response`` record with an HTML/text body and HTTP status 200 is an article (the URL is the target
URI; the crawl date is *not* the publication date, the cleaner finds that in the page).

Limits kept around both libraries: a feed is read only up to :data:`MAX_FEED_BYTES` (gzip too, once
decompressed); a feed that declares XML entities in a DTD is refused before parsing (billion laughs,
external entities); a WARC record longer than :data:`MAX_RECORD_BYTES` is passed over unread.
"""
from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import gzip
import io
import re
import zlib
from xml.sax import SAXException
from typing import Iterator
from urllib.parse import urlparse

MAX_FEED_BYTES = 20 * 1024 * 1024
MAX_RECORD_BYTES = 50 * 1024 * 1024
URL_TIMEOUT_S = 30


def _read_source(path_or_url: str) -> bytes:
    if urlparse(path_or_url).scheme in ("http", "https"):
        from .watch import Fetcher
        with Fetcher(respect_robots=False) as fetcher:
            data = fetcher.get_bytes(path_or_url, limit=MAX_FEED_BYTES, what="feed")
    else:
        with open(path_or_url, "rb") as handle:
            data = handle.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        raise ValueError(f"feed larger than {MAX_FEED_BYTES:,} bytes")
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
    """RFC 822 (RSS) or ISO 8601 (Atom) -> ``YYYY-MM-DD`` (the day where it was published, not in UTC);
    anything else -> None."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed.date().isoformat() if parsed else None


def _looks_html(text: str) -> bool:
    return bool(re.search(r"<(p|div|br|span|a|img|h\d|article)\b", text[:5000], re.I))


def _body(record: dict, content: str) -> dict:
    if content:
        record["html" if _looks_html(content) else "text"] = content
    return record


_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.I)
_ROOT_START = re.compile(r"<(?![?!])")


def _prolog(data: bytes) -> str:
    """The feed's text up to its root element (where a DTD and its entities would be declared)."""
    head = data[: 1 << 20]
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                       (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "replace")
    if head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        return head.decode("utf-16-le" if head[0] == 0x3C else "utf-16-be", "replace")
    return head.decode("latin-1")


def refuse_entities(data: bytes) -> None:
    """Raise ValueError when the document declares XML entities (the defence defusedxml gives: no
    entity expansion bomb, no external entity read from the disk or the network)."""
    prolog = _prolog(data)
    doctype = prolog.find("<!DOCTYPE")
    if doctype < 0:
        doctype = prolog.upper().find("<!DOCTYPE")
    if doctype < 0:
        return
    if _ENTITY_DECLARATION.search(prolog, doctype):
        raise ValueError("the feed declares XML entities in its DTD: refused (entity expansion or external "
                         "entities)")


MAX_DEPTH = 500  # elements inside elements; a real feed with XHTML content nests a few dozen


def refuse_deep_nesting(data: bytes) -> None:
    """Raise ValueError when elements nest deeper than :data:`MAX_DEPTH` (one pass of expat, in C;
    feedparser's loose parser would take seconds over 100,000 nested tags). A document expat cannot
    read is left to feedparser."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    depth = 0

    def start(name, attrs):  # noqa: ARG001
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            raise ValueError(f"the feed nests elements more than {MAX_DEPTH} deep: refused")

    def end(name):  # noqa: ARG001
        nonlocal depth
        depth -= 1

    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, UnicodeError, LookupError):
        pass


def _entry_content(entry) -> str:
    for item in entry.get("content") or []:
        value = (item.get("value") or "").strip()
        if value:
            return value
    return (entry.get("summary") or entry.get("description") or "").strip()


def _entry_date(entry) -> str | None:
    for key in ("published", "updated", "created", "dc_date", "date"):
        day = parse_feed_date(dict.get(entry, key))  # dict.get: not feedparser's updated->published mapping
        if day:
            return day
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)
        if parsed:
            try:
                return dt.date(*parsed[:3]).isoformat()
            except (TypeError, ValueError):
                continue
    return None


def _entry_url(entry) -> str | None:
    link = (entry.get("link") or "").strip()
    if not link:
        for candidate in entry.get("links") or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"].strip()
                break
    if not link:
        guid = (entry.get("id") or "").strip()
        if urlparse(guid).scheme in ("http", "https"):
            link = guid
    return link or None


def parse_feed(data: bytes, *, base_url: str = "", content_type: str = "") -> tuple[str, list[dict]]:
    """``(feed title, article records)`` of a feed held in memory (at most :data:`MAX_FEED_BYTES`,
    gzip allowed). Raises ValueError when the bytes are not a feed."""
    import feedparser

    if len(data) > MAX_FEED_BYTES:
        raise ValueError(f"feed larger than {MAX_FEED_BYTES:,} bytes")
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, MAX_FEED_BYTES, what="feed")
    refuse_entities(data)
    refuse_deep_nesting(data)
    headers = {"content-type": content_type or "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    try:
        # a stream, never bytes: feedparser opens bytes that name a file ("/etc/passwd") as a file
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True,
                                  resolve_relative_uris=True)
    except (RecursionError, MemoryError) as error:
        raise ValueError(f"the feed cannot be parsed: {type(error).__name__}") from error
    except Exception as error:  # noqa: BLE001 - feedparser should not raise; if it does, the feed is garbage
        raise ValueError(f"the feed cannot be parsed: {type(error).__name__}: {error}") from error
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise ValueError("not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
    feed = parsed.get("feed") or {}
    source = (feed.get("title") or "").strip()
    records = []
    for entry in parsed.entries:
        entry_source = entry.get("source") or {}
        record = {"url": _entry_url(entry), "title": (entry.get("title") or "").strip(),
                  "published": _entry_date(entry),
                  "source": (entry_source.get("title") or "").strip() if isinstance(entry_source, dict) else ""}
        record["source"] = record["source"] or source
        record = _body({k: v for k, v in record.items() if v}, _entry_content(entry))
        if record.get("url") or record.get("text") or record.get("html"):
            records.append(record)
    if parsed.get("bozo") and not records and isinstance(parsed.get("bozo_exception"), SAXException):
        raise ValueError(f"malformed feed with no usable item: {parsed.get('bozo_exception')}")
    return source, records


def iter_feed(path_or_url: str) -> Iterator[dict]:
    """Article records from an RSS or Atom feed (a file or an http(s) URL)."""
    _, records = parse_feed(_read_source(path_or_url), base_url=path_or_url if "://" in path_or_url else "")
    yield from records


# -- WARC ---------------------------------------------------------------------------------------------------

def iter_warc(path: str) -> Iterator[dict]:
    """Article records from a WARC file (``.warc`` or ``.warc.gz``): HTTP 200 responses with an HTML or
    plain-text body. A damaged archive raises ValueError after the records read before the damage."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as raw:
        # a .warc.gz is read through gzip here: warcio refuses an archive gzipped as one member (which
        # is still a valid archive), and reads one gzip member per record no better than this
        stream = gzip.GzipFile(fileobj=raw) if raw.read(2) == b"\x1f\x8b" else raw
        raw.seek(0)
        try:
            # the HTTP head of each record is parsed here, not by warcio: warcio fails on a request record
            # without a target URI, where only that record is unusable
            for record in ArchiveIterator(stream, check_digests=False, no_record_parse=True):
                article = _warc_article(record)
                if article is not None:
                    yield article
        except ArchiveLoadFailed as error:
            raise ValueError(f"not a WARC archive, or a damaged one: {error}") from error
        except (zlib.error, EOFError, OSError) as error:
            raise ValueError(f"damaged WARC archive: {error}") from error
        except (ValueError, IndexError, KeyError, TypeError, AttributeError) as error:
            # warcio's header parsing on a damaged record
            raise ValueError(f"damaged WARC record: {type(error).__name__}: {error}") from error


def _warc_article(record) -> dict | None:
    from .clean import decode_bytes
    from .errors import InputError

    from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

    declared = record.rec_headers.get_header("Content-Length") or "0"
    if not declared.strip().isdigit():
        raise ValueError(f"WARC record with a bad Content-Length: {declared[:40]!r}")
    if record.rec_type != "response" or "application/http" not in (record.content_type or ""):
        return None
    if int(declared) > MAX_RECORD_BYTES:
        return None  # warcio reads past it in blocks
    try:
        record.http_headers = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False).parse(record.raw_stream)
    except (StatusAndHeadersParserException, ValueError, IndexError, UnicodeError, EOFError):
        return None  # a malformed HTTP head: this record is unusable, the next may be fine
    statusline = (record.http_headers.statusline or "").split()
    if not statusline or statusline[0] != "200":
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "text/html").lower()
    if not ctype.startswith(("text/html", "application/xhtml", "text/plain")):
        return None
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>") or None
    try:
        body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    except (zlib.error, EOFError, OSError, ValueError) as error:
        return {"id": url or record.rec_headers.get_header("WARC-Record-ID") or "",
                "_skip": f"unreadable WARC response body: {error}"}
    if len(body) > MAX_RECORD_BYTES:
        return None
    try:
        text = decode_bytes(body)
    except InputError as error:
        return {"id": url or record.rec_headers.get_header("WARC-Record-ID") or "", "_skip": str(error)}
    article = {"url": url, "crawled": parse_feed_date(record.rec_headers.get_header("WARC-Date"))}
    article["text" if ctype.startswith("text/plain") else "html"] = text
    return {k: v for k, v in article.items() if v}
