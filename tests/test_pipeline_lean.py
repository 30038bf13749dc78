"""``rasd.pipeline.process`` runs the lean path (``run_lean``): no places looked for in an article without an
event word, the dates, casualties and actors read only once an event word has a place. The events must be
those of the full run (``extract``), on short Arabic written for these tests (diacritics, tatweel,
clitics, Eastern Arabic digits, a denial, a dateline)."""
from __future__ import annotations

import pytest

from rasd import pipeline
from rasd.doc import DEFERRED

PUBLISHED = "2019-06-12"

# no event word at all, though places, a day, a number and actors are named
QUIET = [
    "ارتفعت أسعـــار النفط في بغداد والبصرة يوم الأحد بنسبة ٣ في المئة، وقال وزير المالية إن الحكومة ستدعم المزارعين.",
    "افتتح محافظُ نينوى مدرسةً جديدةً في الموصل أمسِ بحضور ٢٠٠ طالب.",
]
# event words, but none with a place: no candidate
PLACELESS = [
    "قُتل ثلاثةُ مسلحين في اشتباكاتٍ مع قوات الأمن يوم الثلاثاء، وأصيب ٤ جنود.",
    "وأعلن الجيشُ أنه اعتقل خمسةَ مطلوبين أمس، فيما فجّر مجهولون عبوةً ناسفة.",
]
# event words with places: candidates (the denied shelling of Taiz among them)
EVENTFUL = [
    "قُتِلَ ثلاثةُ جنودٍ بانفجـــارِ عبوةٍ ناسفةٍ في الموصل صباح اليوم، وأصيب آخرون.",
    "شنّت طائراتُ التحالف غاراتٍ على مواقع لداعش في الرقة أمس، وقتل ٥ مسلحين.",
    "ارتفعت الأسعار في عمّان. وبالأمس اندلعت اشتباكات عنيفة بين الجيش ومسلحين في درعا، فيما تظاهر المئات في السويداء.",
    "نفت الوزارة أن تكون قواتها قد قصفت مدينة تعز، وقالت إن الحوثيين فجروا منزلاً في صعدة يوم ١١ حزيران.",
]


def _record(text: str, k: int, **extra) -> dict:
    return {"id": f"lean{k}", "text": text, "published": PUBLISHED, "source": "test", **extra}


def _lean(record: dict, timings=None):
    return pipeline.run_lean(pipeline.make_document(record), timings=timings)


@pytest.mark.parametrize("text", QUIET + PLACELESS + EVENTFUL)
def test_process_gives_the_events_of_the_full_run(text):
    record = _record(text, 0)
    full = [e.to_record() for e in pipeline.extract(record).events]
    assert pipeline.process(record).events == full
    assert [e.to_record() for e in _lean(record).events] == full


@pytest.mark.parametrize("text", QUIET)
def test_no_event_word_no_places_read(text):
    full = pipeline.extract(_record(text, 1))
    lean = _lean(_record(text, 1))
    assert full.places and full.actors  # there was something to read ...
    assert not lean.places and not lean.dates and not lean.actors and not lean.casualties  # ... left unread
    assert lean.events == [] and DEFERRED not in lean.user_data


@pytest.mark.parametrize("text", PLACELESS)
def test_event_words_without_a_place_read_no_dates_tolls_or_actors(text):
    full = pipeline.extract(_record(text, 2))
    lean = _lean(_record(text, 2))
    assert [t for t in full.triggers if not t.absorbed] and full.dates and full.actors
    assert not full.user_data["candidates"]
    assert lean.triggers and not lean.dates and not lean.casualties and not lean.actors
    assert lean.events == [] and DEFERRED not in lean.user_data


@pytest.mark.parametrize("text", EVENTFUL)
def test_an_event_word_with_a_place_reads_everything_once(text):
    full = pipeline.extract(_record(text, 3))
    lean = _lean(_record(text, 3))
    assert lean.user_data["candidates"]
    for name in ("places", "dates", "casualties", "actors"):
        assert [(m.start, m.end) for m in getattr(lean, name)] == [(m.start, m.end) for m in getattr(full, name)]
    assert DEFERRED not in lean.user_data


def test_the_publication_date_is_read_even_when_nothing_else_is():
    text = "بغداد، ١٢ حزيران ٢٠١٩ - افتتح وزير التربية مدرسة جديدة في الكرخ."
    record = {"id": "lean-dateline", "text": text, "source": "test"}
    full = pipeline.extract(record)
    assert full.published is not None and str(full.published) == "2019-06-12"
    result = pipeline.process(record)
    assert result.published == full.published.isoformat() and result.events == []


def test_timings_count_a_stage_run_late_as_itself():
    timings: dict[str, float] = {}
    _lean(_record(EVENTFUL[0], 4), timings)
    assert {"places", "dates", "casualties", "actors", "propose", "decide", "merge"} <= set(timings)
    assert all(v >= 0.0 for v in timings.values())
    quiet: dict[str, float] = {}
    _lean(_record(QUIET[1], 5), quiet)
    assert not {"places", "dates", "casualties", "actors"} & set(quiet) and "propose" in quiet
