"""Property-based fuzzing of the whole extractor (issue 8): ``process(record)`` never raises, finishes
within a per-kilobyte bound, and every event it returns is a valid record whose evidence spans quote the
cleaned article text exactly.
"""
from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from conftest import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

pipeline = pytest.importorskip("rasd.pipeline")
process = pipeline.process

try:  # the pipeline needs every stage module; skip (not fail) while one is still being written
    process({"text": "انفجرت عبوة ناسفة في بغداد", "published": "2020-01-01"})
except ImportError as error:  # pragma: no cover
    pytest.skip(f"pipeline incomplete: {error}", allow_module_level=True)

from rasd.event import RECORD_FIELDS, SUB_EVENT_TYPES, TAXONOMY  # noqa: E402


FUZZ = fuzz_settings(120)

# Sentences written for these tests (not from any corpus): events of many sub-event types, denials,
# threats, places, dates, numbers, actors.
SENTENCES = [
    "انفجرت عبوة ناسفة صباح اليوم في سوق شعبي وسط مدينة بغداد وأسفرت عن مقتل ثلاثة مدنيين وإصابة سبعة آخرين.",
    "شنت طائرات التحالف الدولي غارات جوية على مواقع لتنظيم داعش في قضاء تلعفر غربي الموصل أمس الأحد.",
    "اعتقلت القوات الأمنية خمسة مطلوبين في ناحية العلم شمالي تكريت.",
    "تظاهر المئات أمام مبنى محافظة البصرة احتجاجا على انقطاع الكهرباء.",
    "نفى المتحدث باسم قيادة العمليات المشتركة وقوع أي هجوم على قاعدة عين الأسد.",
    "قتل جنديان وأصيب ثالث بقصف مدفعي استهدف بلدة خان شيخون في ريف إدلب الجنوبي في ١٢ آذار ٢٠٢٠.",
    "فجر انتحاري يرتدي حزاما ناسفا نفسه عند نقطة تفتيش في كركوك.",
    "هدد التنظيم بشن هجمات جديدة في ديالى.",
    "اختطف مسلحون مجهولون ناشطا مدنيا في الناصرية ليلة الخميس.",
    "سيطرت فصائل المعارضة على قرية تل مرديخ بعد اشتباكات مع قوات النظام.",
    "أعلنت وزارة الدفاع تفكيك عبوتين ناسفتين على طريق بغداد كركوك.",
    "سقط صاروخ كاتيوشا قرب السفارة الأمريكية في المنطقة الخضراء ببغداد.",
    "المصدر: الميادين",
]
NOISE = ["\u200f", "\u200d", "\u202e", "\x00", "\ud800", "\ufeff", "\u0640", "\ufdfa", "\u064e", "\n", "\n\n",
         "،", "؟", "!", " ", "&amp;", "<b>", "Reuters", "中文", "🔥", "٣٣", "9" * 40]

articles = st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(NOISE),
                              st.text(alphabet=st.characters(blacklist_categories=()), max_size=6)),
                    min_size=0, max_size=25).map(" ".join)
published = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 1, 1)).map(str),
                      st.sampled_from(["", "not a date", "2020-02-30", "2020-01-01T10:00:00Z", 20200101]))


def _check_result(result, started, size):
    elapsed = time.perf_counter() - started
    assert elapsed < 3.0 + 0.05 * size / 1024, f"{elapsed:.2f}s for {size} bytes"
    assert isinstance(result.events, list)
    if result.skipped:
        assert not result.events and isinstance(result.skipped, str) and result.skipped
        return
    text = result.text
    for event in result.events:
        assert list(event) == list(RECORD_FIELDS), "record fields in the spec's order"
        assert event["sub_event_type"] in SUB_EVENT_TYPES
        assert event["event_type"] == SUB_EVENT_TYPES[event["sub_event_type"]]
        assert event["disorder_type"] == TAXONOMY[event["event_type"]][0]
        assert event["time_precision"] in (1, 2, 3)
        assert event["geo_precision"] in (1, 2, 3, None)
        assert isinstance(event["fatalities"], int) and event["fatalities"] >= 0
        assert 0.0 <= event["confidence"] <= 1.0
        assert event["event_id"].startswith("rasd-")
        if event["event_date"] is not None:
            dt.date.fromisoformat(event["event_date"])
        for ev in event["evidence"]:
            assert 0 <= ev["start"] <= ev["end"] <= len(text)
            assert text[ev["start"]:ev["end"]] == ev["text"], f"evidence {ev} does not quote the text"
        json.dumps(event, ensure_ascii=False)  # serialisable


@FUZZ
@given(articles, published)
def test_process_never_raises_and_evidence_quotes_the_text(text, pub):
    t0 = time.perf_counter()
    result = process({"id": "fuzz", "text": text, "published": pub})
    _check_result(result, t0, len(text.encode("utf-8", "surrogatepass")))


@FUZZ
@given(articles, published)
def test_process_html_records(text, pub):
    html = "<html><head><title>خبر</title></head><body><article>" + "".join(
        f"<p>{line}</p>" for line in text.split("\n")) + "</article><footer>شارك</footer></body></html>"
    t0 = time.perf_counter()
    result = process({"html": html, "published": pub})
    _check_result(result, t0, len(html.encode("utf-8", "surrogatepass")))


@fuzz_settings(40)
@given(articles)
def test_process_is_deterministic(text):
    a = process({"text": text, "published": "2021-03-04"})
    b = process({"text": text, "published": "2021-03-04"})
    assert a.to_json() == b.to_json()


@pytest.mark.parametrize("record", [
    None, [], "text", 42, {}, {"text": None}, {"text": 5}, {"html": ["x"]}, {"text": "", "html": ""},
    {"_skip": "unreadable"}, {"text": "بغداد " * 3}, {"text": "hello world " * 100},
    {"text": SENTENCES[0], "published": {"a": 1}}, {"text": SENTENCES[0], "id": ["x"], "source": 3, "url": 7},
    {"text": SENTENCES[0], "title": 123}, {"text": SENTENCES[0] + "\ud800\udfff"},
    # found by the atheris store harness: a lone surrogate in the id reached the event-id hash
    {"text": SENTENCES[0], "id": "x\ud820\ud8b3", "title": "\ud800", "source": "\udfff", "url": "\ud800"},
], ids=lambda r: repr(r)[:40])
def test_process_odd_records(record):
    t0 = time.perf_counter()
    result = process(record)
    _check_result(result, t0, 100)


@pytest.mark.parametrize("trigger", ["انفجار ", "قصف ", "مقتل ", "اشتباكات ", "عبوة ناسفة ", "غارة "])
def test_repeated_triggers(trigger):
    text = "في بغداد " + trigger * 5_000 + "."
    t0 = time.perf_counter()
    result = process({"text": text, "published": "2020-01-01"})
    _check_result(result, t0, len(text.encode()))
    assert len(result.events) <= 50, "one incident repeated must not give thousands of events"


def test_a_long_article_of_many_events():
    text = "\n".join(SENTENCES * 150)  # about 130 KB of real-looking news
    t0 = time.perf_counter()
    result = process({"text": text, "published": "2020-05-05"})
    _check_result(result, t0, len(text.encode()))


def test_mixed_scripts_and_bidi():
    text = ("\u202bانفجرت\u202c IED \u200fعبوة\u200f ناسفة in بغداد\u200d، Reuters reported; "
            "太 ﷺ " + SENTENCES[0])
    t0 = time.perf_counter()
    _check_result(process({"text": text, "published": "2020-01-01"}), t0, len(text.encode()))


# -- reproducers of crashes found by fuzzing (see docs/reliability.md) --------------------------------
@pytest.mark.parametrize("record", [
    # rasd/numbers.py parse_at: int(float("inf")) -> OverflowError on a 309+ digit number
    {"text": "قتل " + "9" * 400 + " شخصا في انفجار سيارة مفخخة في بغداد", "published": "2020-01-01"},
    # rasd/dates.py hijri_to_gregorian: ValueError "bad Hijri date" for day 31 of a Hijri month
    {"text": "انفجرت عبوة ناسفة في بغداد يوم 31 رمضان", "published": "2020-01-01"},
    # rasd/dates.py: OverflowError/ValueError for a publication date at the edge of the calendar
    {"text": "انفجرت عبوة ناسفة في بغداد أمس", "published": "0001-01-01"},
    {"text": "انفجرت عبوة ناسفة في بغداد غدا", "published": "9999-12-31"},
    {"text": "انفجرت عبوة ناسفة في بغداد الشهر المقبل", "published": "9999-12-01"},
], ids=["huge-number", "hijri-31", "published-year-1", "published-year-9999", "published-9999-next-month"])
def test_process_crash_reproducers(record):
    t0 = time.perf_counter()
    result = process(record)
    _check_result(result, t0, 200)


def test_process_deep_json_ld_reproducer():
    """rasd/dates.py publication_date: RecursionError from json.loads escapes (caught only as ValueError)."""
    html = ("<html><body><article><p>" + SENTENCES[0] + "</p></article>"
            '<script type="application/ld+json">' + "[" * 100_000 + "</script></body></html>")
    t0 = time.perf_counter()
    _check_result(process({"html": html}), t0, len(html))


def test_process_pathological_meta_tag_reproducer():
    """rasd/dates.py _ATTR_RE is quadratic: 20 KB of letters in one <meta> tag took 5 s, 120 KB 197 s."""
    html = ("<html><body><article><p>" + SENTENCES[0] + " " + SENTENCES[1] + "</p></article><meta "
            + "a" * 20_000 + "></body></html>")
    t0 = time.perf_counter()
    result = process({"html": html})
    elapsed = time.perf_counter() - t0
    assert elapsed < 2.0, f"{elapsed:.2f}s for a 20 KB page"
    _check_result(result, t0, len(html))


def any_text(n: int):
    return st.text(alphabet=st.characters(blacklist_categories=()), max_size=n)  # surrogates and NUL too


# -- into the store -------------------------------------------------------------------------------------
@fuzz_settings(40)
@given(st.lists(st.fixed_dictionaries({"text": articles, "published": published},
                                      optional={"id": st.one_of(st.sampled_from(["a", "b", "c"]), any_text(8)),
                                                "title": any_text(20), "source": any_text(10),
                                                "url": any_text(20)}), max_size=6))
def test_ingesting_hostile_records_keeps_the_store_consistent(records):
    """Whatever the records hold (NUL, lone surrogates, odd ids, repeated ids), ingesting them never
    raises, and the store stays whole: every report has its article, event, merge; counts agree."""
    from rasd.store import open_store
    from rasd.store.ingest import ingest_records
    with open_store(":memory:") as store:
        report = ingest_records(store, records)
        assert report.failed == 0, report.skip_reasons
        assert report.added + report.replaced + report.unchanged + report.skipped == len(records)
        orphans = store.scalar(
            "SELECT (SELECT COUNT(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE "
            "a.article_id = r.article_id)) + (SELECT COUNT(*) FROM reports r WHERE r.event_id IS NULL OR NOT "
            "EXISTS (SELECT 1 FROM events e WHERE e.event_id = r.event_id)) + (SELECT COUNT(*) FROM events e "
            "WHERE e.n_reports != (SELECT COUNT(*) FROM reports r WHERE r.event_id = e.event_id)) AS n")
        assert orphans == 0
        for event in store.iter_events(evidence=True):
            for ev in event["evidence"]:
                text = store.article(ev["article_id"])["text"]
                assert text[ev["start"]:ev["end"]] == ev["text"], "stored evidence must quote the stored text"


def test_process_place_named_only_in_a_long_title_reproducer():
    """Found by the atheris extractor harness: a place matched in the title was turned into a mention
    with the title's offsets read against the body (rasd/geo/__init__.py _title_places -> _mention ->
    doc.original_text): IndexError when the title is longer than the body, a wrong quote otherwise."""
    record = {"id": "title-place", "published": "2024-03-05",
              "title": "مقتل ثلاثة أشخاص في انفجار عبوة ناسفة بمدينة الموصل في محافظة نينوى شمالي العراق",
              "text": "انفجرت عبوة ناسفة وقتل ثلاثة أشخاص."}
    t0 = time.perf_counter()
    result = process(record)
    _check_result(result, t0, 300)
    assert not result.skipped
