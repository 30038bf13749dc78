"""Dates at the edges: impossible days, publication dates at the ends of the calendar, hostile HTML.

Each case here once crashed or hung the pipeline (fuzzing, issue 8); resolution must say "unknown"
(None) rather than raise, and the metadata scan must stay linear in the page size."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from rasd.dates import hijri_to_gregorian, publication_date, resolve_date

D = dt.date


@pytest.mark.parametrize("phrase,published,expected", [
    ("31 رمضان", D(2020, 1, 1), None),                       # no Hijri month has a 31st
    ("٣١ شوال ١٤٤٠", D(2020, 1, 1), (D(2019, 6, 19), 3)),  # the day is impossible: only the month is known
    ("30 رمضان 1436", D(2015, 8, 1), (D(2015, 7, 17), 1)),   # a 30th the table lacks: the next day
    ("امس", D(1, 1, 1), None),                               # the day before 0001-01-01
    ("أول أمس", D(1, 1, 2), None),
    ("اليوم", D(1, 1, 1), (D(1, 1, 1), 1)),
    ("غدا", D(9999, 12, 31), None),
    ("الشهر المقبل", D(9999, 12, 1), None),
    ("الشهر الماضي", D(1, 1, 20), None),
    ("العام الماضي", D(1, 6, 1), None),
    ("5 رمضان", D(1, 1, 1), None),                          # Hijri years before the epoch
    ("قبل ثلاثة أيام", D(1, 1, 2), None),
    ("الأسبوع المقبل", D(9999, 12, 28), None),
    ("يوم الجمعة", D(1, 1, 3), None),                        # no Friday on or before 3 January 0001
    ("يوم الاثنين", D(1, 1, 1), (D(1, 1, 1), 1)),              # 0001-01-01 was a Monday
])
def test_resolution_at_the_calendar_edges(phrase, published, expected):
    assert resolve_date(phrase, published) == expected


@pytest.mark.parametrize("year,month,day", [(-700, 1, 1), (0, 1, 1), (9700, 12, 29), (1436, 13, 1), (1436, 9, 31),
                                            (1436, 9, 0)])
def test_hijri_conversion_refuses_with_value_error(year, month, day):
    with pytest.raises(ValueError):
        hijri_to_gregorian(year, month, day)


def _timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def test_deeply_nested_json_ld_is_not_a_crash():
    html = '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
    assert publication_date(html=html) == (None, "")


def test_json_ld_date_found_at_depth():
    """A date under 300 levels of nesting (parseable, and deeper than is sensible for a recursive walk
    inside a deep call stack) is still found."""
    inner = '{"datePublished": "2021-05-06T10:00:00+03:00"}'
    html = '<script type="application/ld+json">' + "[" * 300 + inner + "]" * 300 + "</script>"
    assert publication_date(html=html) == (D(2021, 5, 6), "json-ld")


@pytest.mark.parametrize("page", [
    "<meta " + "a" * 50_000 + '><meta property="article:published_time" content="2020-09-03">',
    "<meta " * 20_000 + '><meta name="pubdate" content="2020-09-03">',
    "<time " * 20_000 + '<meta property="article:published_time" content="2020-09-03">',
    "<script " * 20_000 + '<meta property="article:published_time" content="2020-09-03">',
    '<meta content="' * 10_000 + '"><meta property="article:published_time" content="2020-09-03">',
])
def test_hostile_markup_is_scanned_in_linear_time(page):
    (date, source), elapsed = _timed(publication_date, html=page)
    assert elapsed < 1.0, f"{elapsed:.2f}s for {len(page)} characters"
    assert source in ("html-meta", "")


@pytest.mark.parametrize("html,expected", [
    ('<meta property="article:published_time" content="2020-09-03T08:00:00Z">', (D(2020, 9, 3), "html-meta")),
    ("<meta name='pubdate' content='2019/12/31'>", (D(2019, 12, 31), "html-meta")),
    ('<META NAME=date CONTENT=2018-01-02>', (D(2018, 1, 2), "html-meta")),
    ('<time datetime="2017-03-04">٤ آذار</time>', (D(2017, 3, 4), "time-tag")),
    ('<script type="application/ld+json">{"@graph": [{"datePublished": "2016-07-08"}]}</script>',
     (D(2016, 7, 8), "json-ld")),
    ('<script type="application/ld+json">{"datePublished": "2016-07-08", broken</script>', (D(2016, 7, 8), "json-ld")),
    ('<meta property="article:published_time" content="' + "2" * 300 + '">', (None, "")),  # too long to be a date
])
def test_metadata_still_read(html, expected):
    assert publication_date(html=html) == expected


# -- properties over the whole calendar ---------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rasd.dates import date_for, find_dates  # noqa: E402
from rasd.doc import Document  # noqa: E402
from rasd.segment import segment  # noqa: E402

EDGE_PHRASES = ["امس", "اول امس", "اليوم", "غدا", "بعد غد", "الشهر الماضي", "الشهر المقبل", "العام الماضي",
                "العام المقبل", "الأسبوع المقبل", "قبل ثلاثة أيام", "قبل أسابيع", "منذ أشهر", "يوم الجمعة",
                "أمس الخميس", "5 رمضان", "30 ذو الحجة", "رمضان الماضي", "15 كانون الثاني", "3 جانفي",
                "منتصف الشهر الجاري", "نهاية العام الماضي", "خلال الساعات الماضية"]
PAST = {"امس", "اول امس", "الشهر الماضي", "العام الماضي", "قبل ثلاثة أيام", "قبل أسابيع", "منذ أشهر",
        "يوم الجمعة", "أمس الخميس", "رمضان الماضي", "نهاية العام الماضي", "خلال الساعات الماضية"}


@settings(max_examples=300, deadline=None)
@given(pub=st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)), phrase=st.sampled_from(EDGE_PHRASES))
def test_resolution_never_raises_anywhere_in_the_calendar(pub, phrase):
    """Every publication date Python can hold: a phrase resolves to a date or to unknown, and a past
    phrase never lands after publication."""
    out = resolve_date(phrase, pub)
    assert out is None or (isinstance(out[0], dt.date) and out[1] in (1, 2, 3))
    if out is not None and phrase in PAST:
        assert out[0] <= pub


STORY = ("اندلعت اشتباكات عنيفة {when} في البلدة.\nوتجددت الاشتباكات في محيط البلدة.\n"
         "وكانت القوات قد قصفت البلدة {other}.")


@settings(max_examples=150, deadline=None)
@given(pub=st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
       when=st.sampled_from(["امس", "غدا", "فجر الاحد", "منذ أشهر", "الشهر المقبل", "مطلع العام", ""]),
       other=st.sampled_from(["مؤخرا", "الأسبوع الماضي", "", "غدا"]))
def test_an_event_is_never_dated_after_publication(pub, when, other):
    """Whatever the sentence inherits its date from (its own, the story, the lead, the statement),
    the event is never dated after publication, and with no date known it says so."""
    doc = Document(STORY.format(when=when, other=other), published=pub)
    segment(doc)
    find_dates(doc)
    from dataclasses import dataclass

    @dataclass
    class T:
        start: int
        end: int
        sentence: int
        event_type: str = "Battles"
        sub_event_type: str = "Armed clash"
        modality: None = None
        absorbed: bool = False

    text = doc.norm.text
    triggers = []
    for word in ("اشتباكات", "الاشتباكات", "قصفت"):
        pos = text.index(word)
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
        triggers.append(T(pos, pos + len(word), index))
    doc.triggers = triggers
    for t in triggers:
        got = date_for(doc, t, doc.sentences[t.sentence])
        assert got.date is None or got.date <= pub
        assert got.precision in (1, 2, 3)
