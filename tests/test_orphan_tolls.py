"""A kept event whose own words report no deaths takes a death count of its sentence that no kept event holds
(fat23): the word nearest the count ("شظايا الصواريخ"، "العملية") made no event of its own, so the toll would
be lost. Not for a toll given for two places ("منطقتي ...": 0 for each), nor when two kept events share the
sentence. Short Arabic written for these tests (diacritics, tatweel, clitics, Eastern Arabic digits)."""
from __future__ import annotations

import pytest

from rasd import assemble, pipeline

PUBLISHED = "2018-03-26"


def tolls(text: str) -> list[tuple[str, int]]:
    record = {"id": "t", "title": "", "text": text, "published": PUBLISHED, "source": "test"}
    return [(e["sub_event_type"], e["fatalities"]) for e in pipeline.process(record).events]


INTERCEPTED = [
    ("اعترضت الدفاعات الجوية صاروخين أُطلقا من اليمن باتجاه مدينة جازان، وأدى سقوط شظايا أحد الصاروخين على حي "
     "سكني إلى مقتل مواطنٍ وإصابة طفلين.", [("Disrupted weapons use", 1)]),
    ("اعترضت الدفاعات الجوية صاروخـاً أُطلق نحو مدينة نجران، فيما أدى سقوط حطام الصاروخ إلى مقتل ٢ من "
     "المقيمين.", [("Disrupted weapons use", 2)]),
]


@pytest.mark.parametrize("text, expected", INTERCEPTED)
def test_a_count_no_kept_event_holds_goes_to_the_sentence_event(text, expected):
    assert tolls(text) == expected


@pytest.mark.parametrize("text, expected", INTERCEPTED)
def test_without_the_rule_the_count_is_lost(monkeypatch, text, expected):
    monkeypatch.setattr(assemble, "_orphan_tolls", lambda doc, merged: None)
    monkeypatch.setattr(assemble, "_article_toll", lambda doc, merged: None)  # the lone event's fallback (fat24)
    assert tolls(text) == [(sub, 0) for sub, _ in expected]


def test_a_toll_for_two_places_stays_unsplit():
    found = tolls("تصدت القوات العراقية يوم الثلاثاء لهجوم في منطقتي الفلاحات وصبيحات قرب الفلوجة، "
                  "وتمكنت من قتل 25 من المهاجمين.")
    assert found and all(count == 0 for _, count in found)
