"""A military statement's "areas of operations" (of raids), in a sentence that names no place, are the governorate of
the place the story is about (issue 13: events with no place). Sentences written for rasd."""
from __future__ import annotations

import pytest

from rasd import geo
from rasd.pipeline import STAGES_BEFORE_DECISION, make_document, run_stages


def _doc(text: str):
    doc = make_document({"id": "t", "text": text, "published": "2018-03-15", "source": "test"})
    run_stages(doc, STAGES_BEFORE_DECISION[:4])  # segment, triggers, modality, places
    return doc


def _area(text: str, k: int = 1) -> list[tuple[str, str, str, int]]:
    doc = _doc(text)
    return [(p.text, p.place.name, p.place.admin1, p.precision) for p in geo.anaphor_place(doc, doc.sentences[k])]


@pytest.mark.parametrize("text,quote,admin1", [
    ("أعلن الجيش بدء عملية عسكرية في محافظة شمال سيناء. وقصفت المدفعية 40 هدفا بمناطق العمليات.",
     "مناطق العمليات", "North Sinai"),
    # a town named before: its governorate, not the town
    ("ضبطت القوات بؤرة إرهابية في مدينة العريش. ودمرت القوات ١٢ مخبأ في منطقة المداهمات.",
     "منطقة المداهمات", "North Sinai"),
    # diacritics and tatweel, the conjunction and the preposition before it
    ("أعلن الجيش بدء عملية عسكرية في محافظة شمال سيناء. وفجّر المهندسون ٣٠ عبوة ناسفة وبمنـاطقِ العملياتِ.",
     "منـاطقِ العملياتِ", "North Sinai"),
    ("تدور معارك في مديرية الدريهمي جنوب الحديدة. وقالت مصادر طبية في منطقة العمليات إن 22 مسلحا قتلوا.",
     "منطقة العمليات", "Al Hudaydah"),
    ("داهمت القوات العراقية قرى في محافظة الأنبار. وقُتل ٤ مسلحين بمنطقة المداهمة.", "منطقة المداهمة", "Al Anbar"),
])
def test_the_areas_of_operations_are_the_story_s_governorate(text, quote, admin1):
    got = _area(text)
    assert len(got) == 1
    assert (got[0][0], got[0][2], got[0][3]) == (quote, admin1, 3)


@pytest.mark.parametrize("text", [
    # no place named before it
    "قصفت المدفعية 40 هدفا بمناطق العمليات. وأعلن الجيش بدء عملية عسكرية في محافظة شمال سيناء.",
    # only a country named before it
    "أعلن الجيش المصري بدء عملية عسكرية في مصر. وقصفت المدفعية 40 هدفا بمناطق العمليات.",
    # the words apart, or without the article: no phrase
    "أعلن الجيش بدء عملية عسكرية في محافظة شمال سيناء. وتواصلت العمليات في المنطقة.",
    "أعلن الجيش بدء عملية عسكرية في محافظة شمال سيناء. وقال إن مناطق عمليات أخرى ستحدد لاحقا.",
    "أعلن الجيش بدء عملية عسكرية في محافظة شمال سيناء. وتحدث عن المنطقة العملياتية الجديدة.",
])
def test_no_area_of_operations(text):
    k = 0 if text.startswith("قصفت") else 1
    assert _area(text, k) == []


def test_the_city_comes_first():
    """A sentence that says "the city" is about the town named before, as it was."""
    got = _area("دخلت القوات مدينة العريش. وقالت إن المدينة شهدت اشتباكات بمناطق العمليات.")
    assert [(g[0], g[1]) for g in got] == [("المدينة", "Arish")]
