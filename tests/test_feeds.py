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


# -- what feedparser and warcio bring: malformed feeds read, hostile ones refused -----------------------------

import pytest  # noqa: E402

from rasd.feeds import parse_feed, refuse_entities  # noqa: E402


def test_a_malformed_feed_still_gives_its_items():
    # an unescaped ampersand, an unclosed <p>, a missing </channel>: real feeds look like this
    data = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>أخبار الساعة & المزيد</title>"
            "<item><title>قصف على إدلب</title><link>https://example.org/ar/1</link>"
            "<description><![CDATA[<p>قصفت طائرات حربية بلدة سرمين بريف إدلب]]></description>"
            "<pubDate>Thu, 16 May 2024 01:15:00 +0300</pubDate></item>"
            "<item><title>ـــ اشتباكات ـــ</title><link>https://example.org/ar/2</link></item></rss>").encode()
    title, records = parse_feed(data)
    assert title.startswith("أخبار الساعة")
    assert [r["url"] for r in records] == ["https://example.org/ar/1", "https://example.org/ar/2"]
    assert "سرمين" in records[0]["html"]
    assert records[0]["published"] == "2024-05-16"  # the outlet's own day, not UTC's 15 May


def test_rss_1_rdf_and_relative_links_are_read():
    data = ("<?xml version='1.0' encoding='utf-8'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
            "xmlns='http://purl.org/rss/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
            "<channel rdf:about='https://example.org/'><title>وكالة قديمة</title></channel>"
            "<item rdf:about='https://example.org/ar/news/٣'><title>اعتقال مطلوبين</title>"
            "<link>https://example.org/ar/news/3</link><dc:date>2024-05-17T10:00:00+03:00</dc:date>"
            "<description>اعتقلت القوات الأمنية ثلاثة مطلوبين في الفلوجة.</description></item></rdf:RDF>").encode()
    title, (record,) = parse_feed(data)
    assert title == "وكالة قديمة" and record["url"] == "https://example.org/ar/news/3"
    assert record["published"] == "2024-05-17" and record["text"].startswith("اعتقلت")
    atom = ("<feed xmlns='http://www.w3.org/2005/Atom'><title>ذرة</title><entry><title>خبر</title>"
            "<link href='/ar/news/44'/><updated>2024-05-18T00:30:00+03:00</updated></entry></feed>").encode()
    _, (entry,) = parse_feed(atom, base_url="https://example.org/ar/feed.atom")
    assert entry["url"] == "https://example.org/ar/news/44" and entry["published"] == "2024-05-18"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entity_declarations_are_refused_before_parsing(encoding):
    doc = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<rss><channel><item><title>&x;</title></item></channel></rss>').encode(encoding)
    with pytest.raises(ValueError, match="declares XML entities"):
        parse_feed(doc)
    refuse_entities(b"<?xml version='1.0'?><!DOCTYPE html><rss/>")  # a DOCTYPE alone is harmless


def test_html_and_garbage_are_not_feeds():
    with pytest.raises(ValueError, match="not an RSS or Atom feed"):
        parse_feed("<html><body><p>صفحة عادية</p></body></html>".encode())
    with pytest.raises(ValueError):
        parse_feed(b"\x00\xff" * 100)


def test_a_warc_gzipped_as_one_member_is_read(tmp_path):
    body = "<html><body><p>قصفت المدفعية قرية في ريف حماة.</p></body></html>".encode()
    one = _warc_record("https://example.org/e/1", "200 OK", body)
    two = _warc_record("https://example.org/e/2", "200 OK", body.replace("حماة".encode(), "حلب".encode()))
    path = tmp_path / "one-member.warc.gz"
    path.write_bytes(gzip.compress(one + two))  # not one member per record: warcio alone refuses it
    assert [r["url"] for r in iter_warc(str(path))] == ["https://example.org/e/1", "https://example.org/e/2"]


def test_warc_bodies_are_dechunked_and_decompressed(tmp_path):
    page = "<p>تظاهر المئات في السويداء.</p>".encode()
    packed = gzip.compress(page)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(packed), packed)
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Encoding: gzip\r\n\r\n" + chunked)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/f/1\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    path = tmp_path / "c.warc"
    path.write_bytes(head + http + b"\r\n\r\n")
    (record,) = iter_warc(str(path))
    assert record["html"] == page.decode()


def test_a_feed_url_is_read_over_http(tmp_path):
    from test_watch import LocalSite
    site = LocalSite()
    try:
        site.routes["/rss"] = {"body": RSS, "type": "application/rss+xml; charset=utf-8"}
        first, second = iter_feed(site.url + "/rss")
        assert first["url"] == "https://example.org/a/1" and second["text"] == "تظاهر العشرات في البصرة."
        assert "rasd/" in site.gets("/rss")[0]["User-Agent"]
        site.routes["/rss"] = {"status": 500, "body": "x"}
        with pytest.raises(Exception, match="HTTP 500"):
            list(iter_feed(site.url + "/rss"))
    finally:
        site.close()


def test_deep_nesting_is_refused_at_once():
    import time
    from rasd.feeds import MAX_DEPTH
    t0 = time.perf_counter()
    with pytest.raises(ValueError, match="nests elements more than"):
        parse_feed(b"<rss><channel><item><description>" + b"<div>" * (MAX_DEPTH + 10) + b"</description></item></rss>")
    assert time.perf_counter() - t0 < 1
    # a feed with XHTML content a few dozen levels deep is read
    nested = "<div>" * 40 + "انفجار في حي الميدان بدمشق" + "</div>" * 40
    _, (record,) = parse_feed(("<feed xmlns='http://www.w3.org/2005/Atom'><title>ت</title><entry><title>خبر</title>"
                               "<link href='https://example.org/1'/><content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>"
                               f"{nested}</div></content></entry></feed>").encode())
    assert "الميدان" in record["html"]


def test_a_body_that_names_a_local_file_is_not_read_as_that_file(tmp_path):
    # feedparser given bytes opens them as a file name when such a file exists: rasd hands it a stream
    local = tmp_path / "local-feed.xml"
    local.write_text(RSS, encoding="utf-8")
    with pytest.raises(ValueError, match="not an RSS or Atom feed"):
        parse_feed(str(local).encode())
