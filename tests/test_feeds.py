"""RSS, Atom and WARC readers, and `rasd ingest` on them (hand-coded events stand in for the pipeline)."""
from __future__ import annotations

import gzip

from rasd.feeds import iter_feed, iter_warc, parse_feed_date

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>وكالة تجريبية</title>
<item><title>خبر أول</title><link>https://example.org/a/1</link><pubDate>Sat, 11 May 2024 18:30:00 +0300</pubDate>
<description>ملخص</description><content:encoded><![CDATA[<p>انفجرت عبوة ناسفة في الموصل.</p>]]></content:encoded></item>
<item><title>خبر ثان</title><link>https://example.org/a/2</link><description>تظاهر العشرات في البصرة.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
<entry><title>عنوان</title><link rel="alternate" href="https://example.org/b/1"/><published>2024-05-12T08:00:00Z</published>
<content type="html">&lt;p&gt;قصف مدفعي على أريحا.&lt;/p&gt;</content></entry></feed>"""


def test_rss_items_become_article_records(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = list(iter_feed(str(path)))
    assert first == {"url": "https://example.org/a/1", "title": "خبر أول", "published": "2024-05-11",
                     "source": "وكالة تجريبية", "html": "<p>انفجرت عبوة ناسفة في الموصل.</p>"}
    assert second["text"] == "تظاهر العشرات في البصرة." and "published" not in second


def test_atom_entries_become_article_records(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = iter_feed(str(path))
    assert entry["url"] == "https://example.org/b/1" and entry["published"] == "2024-05-12"
    assert entry["source"] == "Atom Outlet" and entry["html"] == "<p>قصف مدفعي على أريحا.</p>"


def test_feed_dates():
    assert parse_feed_date("Tue, 14 May 2024 23:59:00 GMT") == "2024-05-14"
    assert parse_feed_date("2024-05-14T10:00:00+03:00") == "2024-05-14"
    assert parse_feed_date("yesterday") is None


def _warc_record(url: str, status: str, body: bytes, ctype: str = "text/html; charset=utf-8") -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-05-20T10:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def test_warc_responses_become_article_records(tmp_path):
    page = "<html><body><p>اعتقلت القوات الأمنية خمسة مطلوبين في كركوك.</p></body></html>".encode()
    request = (b"WARC/1.0\r\nWARC-Type: request\r\nContent-Type: application/http; msgtype=request\r\n"
               b"Content-Length: 5\r\n\r\nGET /\r\n\r\n")
    data = (request + _warc_record("https://example.org/c/1", "200 OK", page)
            + _warc_record("https://example.org/c/404", "404 Not Found", b"missing")
            + _warc_record("https://example.org/c/img", "200 OK", b"\x89PNG", "image/png"))
    plain, packed = tmp_path / "crawl.warc", tmp_path / "crawl.warc.gz"
    plain.write_bytes(data)
    packed.write_bytes(gzip.compress(data))
    for path in (plain, packed):
        (record,) = iter_warc(str(path))
        assert record["url"] == "https://example.org/c/1" and "كركوك" in record["html"]
        assert record["crawled"] == "2024-05-20" and "published" not in record


def test_warc_written_by_warcio_is_read(tmp_path):
    import pytest
    warcio = pytest.importorskip("warcio")
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    path = tmp_path / "w.warc.gz"
    with open(path, "wb") as fh:
        writer = warcio.WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = "<p>قصف على تعز</p>".encode()
        writer.write_record(writer.create_warc_record("https://example.org/d/1", "response",
                                                      payload=BytesIO(body), http_headers=headers))
    (record,) = iter_warc(str(path))
    assert record["html"] == "<p>قصف على تعز</p>"
