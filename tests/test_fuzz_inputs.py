"""Property-based fuzzing of everything that reads outside input (issue 8): the byte decoder, the HTML
cleaner, the record cleaner, the date and number parsers, place recognition, the feed and WARC readers.

Rule checked everywhere: a bad input gives a reasoned error (:class:`rasd.errors.InputError`, or for the
feed/WARC readers the ``ValueError``/``OSError``/``EOFError`` family that :mod:`rasd.sources` turns into a
skipped record) or a result; never another exception, never a hang (a per-kilobyte time bound).
"""
from __future__ import annotations

import datetime as dt
import gzip
import io
import time
import xml.etree.ElementTree as StdET

import pytest
from conftest import fuzz_settings
from hypothesis import assume, given
from hypothesis import strategies as st

from rasd.errors import InputError


FUZZ = fuzz_settings(150)
SMALL = fuzz_settings(60)

AR_SENTENCES = [
    "انفجرت عبوة ناسفة صباح اليوم الأحد في سوق شعبي وسط مدينة بغداد وأسفرت عن مقتل ثلاثة مدنيين.",
    "شنت طائرات التحالف غارات جوية على مواقع في قضاء تلعفر غربي الموصل.",
    "اعتقلت القوات الأمنية خمسة مطلوبين في ناحية العلم شمالي تكريت يوم أمس.",
    "تظاهر المئات أمام مبنى المحافظة في البصرة احتجاجا على انقطاع الكهرباء.",
    "نفى المتحدث باسم الجيش وقوع أي هجوم على القاعدة.",
    "قتل جنديان بقصف مدفعي استهدف بلدة في ريف إدلب الجنوبي في ١٢ آذار ٢٠٢٠.",
]
HOSTILE = ["\u200f", "\u200d", "\u202e", "\x00", "\ud800", "\ufeff", "\u0640", "\ufdfa", "<", ">", "&", "&#0;",
           "&#x110000;", "&amp;", "\r", "\n", "\t", "•", "(أ ف ب)", "المصدر: ", "share", "Ω", "中", "🔥"]

hostile_text = st.lists(st.one_of(st.sampled_from(AR_SENTENCES), st.sampled_from(HOSTILE),
                                  st.text(alphabet=st.characters(blacklist_categories=()), max_size=10)),
                        max_size=40).map("".join)
TAGS = ["p", "div", "script", "style", "nav", "title", "article", "meta", "time", "br", "svg", "iframe", "table"]


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(AR_SENTENCES)))
        elif kind == 3:
            parts.append(draw(hostile_text))
        elif kind == 4:
            parts.append(f'<meta property="article:published_time" content="{draw(st.text(max_size=20))}">')
        else:
            parts.append('<script type="application/ld+json">' + draw(st.text(max_size=40)) + "</script>")
    return "".join(parts)


def _timed(fn, *args, size=0, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    elapsed = time.perf_counter() - t0
    assert elapsed < 2.0 + 0.05 * (size / 1024), f"{elapsed:.2f}s for {size} bytes"
    return out


# -- bytes -----------------------------------------------------------------------------------------
@FUZZ
@given(st.binary(max_size=2000))
def test_decode_bytes_random_bytes(data):
    from rasd.clean import decode_bytes
    try:
        text = decode_bytes(data)
    except InputError as error:
        assert str(error)
        return
    assert isinstance(text, str)


@FUZZ
@given(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256", "utf-16-le", "latin-1"]), hostile_text)
def test_decode_bytes_encodings(encoding, text):
    from rasd.clean import decode_bytes
    try:
        data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "ignore")
    except UnicodeEncodeError:
        assume(False)
    try:
        decode_bytes(data)
    except InputError:
        pass


# -- HTML and records ---------------------------------------------------------------------------------
@SMALL
@given(html_pages())
def test_html_to_text_never_raises_unreasoned(markup):
    from rasd.clean import html_to_text
    try:
        title, text = _timed(html_to_text, markup, size=len(markup))
    except InputError:
        return
    assert isinstance(title, str) and isinstance(text, str)


record_values = st.one_of(st.none(), hostile_text, st.integers(), st.floats(), st.booleans(),
                          st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@FUZZ
@given(st.fixed_dictionaries({}, optional={
    "id": record_values, "title": record_values, "text": st.one_of(hostile_text, record_values),
    "html": st.one_of(html_pages(), record_values), "published": st.one_of(record_values, st.dates().map(str)),
    "source": record_values, "url": record_values, "_skip": st.one_of(st.none(), st.text(max_size=5))}))
def test_document_from_record_hostile_records(record):
    from rasd.clean import document_from_record
    try:
        doc = document_from_record(record)
    except InputError as error:
        assert str(error)
        return
    n = doc.norm
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(doc.text)


@pytest.mark.parametrize("value", [None, [], "text", 3, b"bytes", ["a", "b"]])
def test_document_from_record_not_a_dict(value):
    from rasd.clean import document_from_record
    with pytest.raises(InputError):
        document_from_record(value)


def test_deeply_nested_html():
    from rasd.clean import document_from_record
    body = "<p>" + " ".join(AR_SENTENCES) + "</p>"
    for tag in ("div", "b", "table", "span"):
        page = f"<{tag}>" * 50_000 + body + f"</{tag}>" * 50_000
        try:
            _timed(document_from_record, {"html": page, "published": "2020-01-01"}, size=len(page))
        except InputError:
            pass


def test_deeply_nested_json_ld_without_published_date():
    from rasd.clean import document_from_record
    page = ("<html><body><article><p>" + " ".join(AR_SENTENCES) + "</p></article>"
            '<script type="application/ld+json">' + "[" * 100_000 + "</script></body></html>")
    try:
        document_from_record({"html": page})
    except InputError:
        pass


def test_ten_megabyte_articles_are_refused_quickly():
    from rasd.clean import document_from_record
    text = (" ".join(AR_SENTENCES) + "\n") * (10 * 1024 * 1024 // len((" ".join(AR_SENTENCES) + "\n").encode()))
    for record in ({"text": text}, {"html": "<p>" + text.replace("\n", "</p><p>")}):
        t0 = time.perf_counter()
        with pytest.raises(InputError, match="too large"):
            document_from_record(record)
        assert time.perf_counter() - t0 < 10.0


# -- dates -----------------------------------------------------------------------------------------
@FUZZ
@given(hostile_text, st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))))
def test_resolve_date_hostile(phrase, published):
    dates = pytest.importorskip("rasd.dates")
    out = dates.resolve_date(phrase, published)
    if out is not None:
        date, precision = out
        assert isinstance(date, dt.date) and precision in (1, 2, 3)


DATE_WORDS = ["امس", "الاحد", "يوم", "كانون", "الثاني", "حزيران", "رمضان", "قبل", "منذ", "ايام", "اسبوع",
              "الماضي", "المقبل", "عام", "هـ", "م", "شهر", "من", "الشهر", "الجاري", "خلال", "ساعه", "/", "-",
              "0", "1", "29", "30", "31", "12", "13", "99", "1446", "2020", "9999", "0000", "00", "  "]


@FUZZ
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=12).map(" ".join),
       st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_date_grammar_on_word_salad(phrase, published):
    dates = pytest.importorskip("rasd.dates")
    from rasd.text import normalize
    for m in dates.find_in_text(normalize(phrase).text, published):
        assert 0 <= m.start < m.end


@FUZZ
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=8).map(" ".join),
       st.one_of(st.dates(max_value=dt.date(3, 1, 1)), st.dates(min_value=dt.date(9997, 1, 1))))
def test_date_grammar_with_extreme_publication_dates(phrase, published):
    """A record may say it was published on 0001-01-01 or 9999-12-31 (parse_date accepts both): date
    arithmetic must not overflow out of the pipeline."""
    dates = pytest.importorskip("rasd.dates")
    from rasd.text import normalize
    for m in dates.find_in_text(normalize(phrase).text, published):
        assert 0 <= m.start < m.end


@pytest.mark.parametrize("phrase,published", [
    ("31 رمضان", dt.date(2020, 1, 1)),          # ValueError: bad Hijri date 1441-9-31
    ("31 رمضان 1440", dt.date(2020, 1, 1)),
    ("امس", dt.date(1, 1, 1)),                  # OverflowError: date value out of range
    ("غدا", dt.date(9999, 12, 31)),             # OverflowError
    ("5 رمضان", dt.date(1, 1, 1)),              # ValueError: ordinal must be >= 1
    ("الشهر المقبل", dt.date(9999, 12, 1)),     # ValueError: year 10000 is out of range
])
def test_resolve_date_reproducers(phrase, published):
    dates = pytest.importorskip("rasd.dates")
    out = dates.resolve_date(phrase, published)
    assert out is None or isinstance(out[0], dt.date)


@FUZZ
@given(st.one_of(hostile_text, st.text(alphabet="0123456789-/.:TZ+ ", max_size=30)))
def test_parse_date_value_hostile(value):
    dates = pytest.importorskip("rasd.dates")
    out = dates.parse_date_value(value)
    assert out is None or isinstance(out, dt.date)


@SMALL
@given(html_pages())
def test_publication_date_hostile_html(markup):
    dates = pytest.importorskip("rasd.dates")
    date, source = _timed(dates.publication_date, html=markup, size=len(markup))
    assert date is None or isinstance(date, dt.date)


# -- numbers ---------------------------------------------------------------------------------------
NUMBER_WORDS = ["خمسة", "وعشرون", "عشرات", "الالاف", "مئة", "ثلاث", "مئات", "الف", "مليون", "و", "اكثر", "من",
                "نحو", "3", "٣", "1,000", "1.5", "0", "00000000001", "9" * 30, "9" * 400, "عدد", "ال"]


@FUZZ
@given(st.one_of(hostile_text, st.lists(st.sampled_from(NUMBER_WORDS), max_size=8).map(" ".join)))
def test_parse_number_hostile(text):
    numbers = pytest.importorskip("rasd.numbers")
    value = numbers.parse_number(text)  # an OverflowError here: a 309+ digit number (rasd/numbers.py parse_at)
    assert value is None or (isinstance(value, int) and value >= 0)


# -- places ------------------------------------------------------------------------------------------
PLACE_WORDS = ["بغداد", "البصرة", "الموصل", "وبالموصل", "قضاء", "ناحية", "محافظة", "شمال", "غربي", "قرب",
               "أطراف", "ريف", "إدلب", "دمشق", "حلب", "كركوك", "تلعفر", "في", "و", "،", "-", "(", ")", "\n"]


@FUZZ
@given(st.one_of(hostile_text, st.lists(st.sampled_from(PLACE_WORDS), max_size=25).map(" ".join)),
       st.sampled_from([None, "Iraq", "Syria", "Atlantis", ""]))
def test_geocode_hostile(text, hint):
    geo = pytest.importorskip("rasd.geo")
    from rasd.text import normalize
    mentions = geo.geocode(text, country_hint=hint)
    n = normalize(text)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(n.text)
        assert m.precision in (1, 2, 3)


# -- feeds and WARC ----------------------------------------------------------------------------------
READER_ERRORS = (ValueError, OSError, EOFError, StdET.ParseError, SyntaxError)


def _feed(items: list[str], atom: bool = False) -> bytes:
    if atom:
        body = "".join(f"<entry>{i}</entry>" for i in items)
        return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>'.encode(
            "utf-8", "surrogatepass")
    body = "".join(f"<item>{i}</item>" for i in items)
    return f'<?xml version="1.0" encoding="utf-8"?><rss><channel><title>t</title>{body}</channel></rss>'.encode(
        "utf-8", "surrogatepass")


feed_fields = st.lists(st.sampled_from([
    "<title>{}</title>", "<description>{}</description>", "<link>{}</link>", "<pubDate>{}</pubDate>",
    "<guid>{}</guid>", "<description><![CDATA[<p>{}</p>]]></description>", "<published>{}</published>",
    "<content>{}</content>", '<link rel="alternate" href="{}"/>', "<updated>{}</updated>",
]), max_size=6)


@FUZZ
@given(st.lists(st.tuples(feed_fields, st.sampled_from(AR_SENTENCES + ["Tue, 99 Foo 2020", "2020-13-45", "&amp;",
                                                                          "x" * 50, "Mon, 01 Jan 0001 00:00:00 +9999"])),
                max_size=5), st.booleans())
def test_iter_feed_generated(tmp_path_factory, items, atom):
    from rasd import feeds
    rendered = ["".join(f.format(v) for f in fields) for fields, v in items]
    path = tmp_path_factory.mktemp("feed") / "f.xml"
    path.write_bytes(_feed(rendered, atom))
    try:
        records = list(feeds.iter_feed(str(path)))
    except READER_ERRORS:
        return
    for r in records:
        assert isinstance(r, dict)


@FUZZ
@given(st.binary(max_size=3000))
def test_iter_feed_random_bytes(tmp_path_factory, data):
    from rasd import feeds
    path = tmp_path_factory.mktemp("feed") / "f.xml"
    path.write_bytes(data)
    try:
        list(feeds.iter_feed(str(path)))
    except READER_ERRORS:
        pass


@pytest.mark.parametrize("doc", [
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title></item></channel></rss>',
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item>'
    b'<description>&x;</description></item></channel></rss>',
    b"<rss>" + b"<channel>" * 100_000 + b"</rss>",
    b"\x1f\x8b\x08\x00garbage",
], ids=["billion-laughs", "external-entity", "deep-nesting", "bad-gzip"])
def test_iter_feed_hostile_xml(tmp_path, doc):
    from rasd import feeds
    path = tmp_path / "f.xml"
    path.write_bytes(doc)
    t0 = time.perf_counter()
    try:
        records = list(feeds.iter_feed(str(path)))
    except READER_ERRORS:
        records = []
    assert time.perf_counter() - t0 < 5
    assert not any("root:" in str(r) for r in records), "external entity was resolved"


def _warc_record(body: bytes, *, length: int | str | None = None, wtype: str = "response",
                 status: str = "200 OK", headers: str = "Content-Type: text/html\r\n") -> bytes:
    http = f"HTTP/1.1 {status}\r\n{headers}\r\n".encode() + body
    n = len(http) if length is None else length
    return (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Target-URI: http://example.com/a\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {n}\r\n\r\n").encode() + http + b"\r\n\r\n"


@FUZZ
@given(st.lists(st.tuples(
    st.one_of(st.binary(max_size=200), st.sampled_from(AR_SENTENCES).map(lambda s: ("<p>" + s + "</p>").encode())),
    st.one_of(st.none(), st.integers(-5, 400), st.sampled_from(["abc", "1e3", "", " 12 "])),
    st.sampled_from(["response", "request", "warcinfo"]),
    st.sampled_from(["200 OK", "404 Not Found", "", "200"]),
    st.sampled_from(["Content-Type: text/html\r\n", "Transfer-Encoding: chunked\r\n", "Content-Encoding: gzip\r\n",
                     "Content-Type: image/png\r\n", ""])), max_size=4), st.booleans(), st.binary(max_size=50))
def test_iter_warc_generated(tmp_path_factory, records, compress, tail):
    from rasd import feeds
    data = b"".join(_warc_record(b, length=n, wtype=w, status=s, headers=h) for b, n, w, s, h in records) + tail
    if compress:
        data = gzip.compress(data)
    path = tmp_path_factory.mktemp("warc") / "a.warc"
    path.write_bytes(data)
    try:
        out = list(feeds.iter_warc(str(path)))
    except READER_ERRORS:
        return
    for r in out:
        assert isinstance(r, dict)


@FUZZ
@given(st.binary(max_size=3000))
def test_iter_warc_random_bytes(tmp_path_factory, data):
    from rasd import feeds
    path = tmp_path_factory.mktemp("warc") / "a.warc"
    path.write_bytes(data)
    try:
        list(feeds.iter_warc(str(path)))
    except READER_ERRORS:
        pass


def test_gzip_bomb_feed_is_refused(tmp_path):
    from rasd import feeds
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9) as gz:
        chunk = b" " * (1024 * 1024)
        for _ in range(feeds.MAX_FEED_BYTES // len(chunk) + 8):  # expands past the feed limit
            gz.write(chunk)
    path = tmp_path / "bomb.xml"
    path.write_bytes(b"\x1f\x8b" + raw.getvalue()[2:])
    with pytest.raises(READER_ERRORS, match="(?i)larger|too large|limit"):
        list(feeds.iter_feed(str(path)))


def test_sources_turn_broken_feeds_and_warcs_into_skips(tmp_path):
    from rasd.sources import iter_records
    (tmp_path / "a.xml").write_bytes(b"<rss><channel><item><title>")
    (tmp_path / "b.warc").write_bytes(b"WARC/1.0\r\nContent-Length: abc\r\n\r\n")
    (tmp_path / "c.warc.gz").write_bytes(b"\x1f\x8bnot gzip at all")
    (tmp_path / "d.jsonl").write_bytes(b'{"text": 1}\n[1,2]\n' + b"[" * 100_000 + b"\n\xff\xfe\n")
    records = list(iter_records([str(tmp_path)]))
    assert records, "every unreadable input gives a record"
    skips = [r for r in records if r.get("_skip")]
    assert len(skips) >= 5


@pytest.mark.parametrize("damage", ["flipped", "truncated"])
def test_a_damaged_gzip_warc_raises_a_reader_error(tmp_path, damage):
    """Found by the atheris harness: zlib.error (not an OSError) escaped iter_warc on a .warc.gz whose
    compressed stream was damaged part-way."""
    from rasd import feeds
    body = ("<p>" + " ".join(AR_SENTENCES * 40) + "</p>").encode()
    data = bytearray(gzip.compress(_warc_record(body) * 3))
    if damage == "flipped":
        for i in range(len(data) // 2, len(data) // 2 + 40):
            data[i] ^= 0x5A
    else:
        del data[len(data) * 2 // 3:]
    path = tmp_path / "a.warc.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(READER_ERRORS):
        list(feeds.iter_warc(str(path)))
