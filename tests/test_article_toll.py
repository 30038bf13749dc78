"""The one event an article keeps, when its own sentences report no deaths, takes the article's death count
(fat24): an article about one incident often gives the toll in its lead or in a closing sentence, away from
the sentence that places the event. Not for a peaceful protest (the deaths beside it are what it protests),
nor a count that is no incident's toll, nor when the article keeps two events. Short Arabic written for these
tests (diacritics, tatweel, clitics, Eastern Arabic digits)."""
from __future__ import annotations

import pytest

from rasd import assemble, pipeline

PUBLISHED = "2018-03-26"


def tolls(text: str) -> list[tuple[str, int]]:
    record = {"id": "t", "title": "", "text": text, "published": PUBLISHED, "source": "test"}
    return [(e["sub_event_type"], e["fatalities"]) for e in pipeline.process(record).events]


ONE_INCIDENT = [
    # the toll in the lead, the place two sentences on
    ("قُتل ١٦ فلسطينياً برصاص الجيش الإسرائيلي يوم الجمعة. وأعلنت وزارة الصحة أسماء الضحايا. وأطلق الجنود "
     "الإسرائيليون الرصاص الحي على المتظاهرين قرب السياج شرق مدينة خان يونس يوم الجمعة.",
     [("Excessive force against protesters", 16)]),
    ("أكد المرصد مقتل 46 شخصا يوم الأحد. ودعت الأمم المتحدة إلى هدنة إنسانية فورية. وتعرضت مدينة دوما "
     "لقصفٍ مدفعي عنيف من قوات النظام يوم الأحد.", [("Shelling/artillery/missile attack", 46)]),
    # the toll in a closing sentence
    ("اعترضت الدفاعات الجوية السعودية صاروخاً باليستياً أطلقه الحوثيون باتجاه مدينة الرياض مساء الأحد. وقال "
     "المتحدث إن الصاروخ أطلق من محافظة صعدة. وأسفر سقوط الشظـايا عن مقتل مقيمٍ مصري.",
     [("Disrupted weapons use", 1)]),
]


@pytest.mark.parametrize("text, expected", ONE_INCIDENT)
def test_the_one_event_takes_the_articles_toll(text, expected):
    assert tolls(text) == expected


@pytest.mark.parametrize("text, expected", ONE_INCIDENT)
def test_without_the_rule_the_toll_is_lost(monkeypatch, text, expected):
    monkeypatch.setattr(assemble, "_article_toll", lambda doc, merged: None)
    assert tolls(text) == [(sub, 0) for sub, _ in expected]


PROTEST = ("تظاهر المئات بشكل سلمي أمام مبنى البلدية في مدينة الموصل يوم الأحد. ورفع المحتجون صور الشاب. "
           "وطالبوا بمحاسبة المسؤولين عن مقتل ٣ شبان.")


def test_a_peaceful_protest_takes_no_toll_from_elsewhere():
    assert tolls(PROTEST) == [("Peaceful protest", 0)]


def test_the_protest_exclusion_is_what_keeps_it_at_zero(monkeypatch):
    monkeypatch.setattr(assemble, "_NO_ARTICLE_TOLL", frozenset())
    assert tolls(PROTEST) == [("Peaceful protest", 3)]


def test_a_cumulative_toll_is_not_taken():
    found = tolls("أكد المرصد مقتل 400 مدني منذ بدء الحملة في 18 شباط. ودعت الأمم المتحدة إلى هدنة. وتعرضت "
                  "مدينة دوما لقصفٍ مدفعي عنيف من قوات النظام يوم الأحد.")
    assert found == [("Shelling/artillery/missile attack", 0)]


def test_two_kept_events_share_no_article_toll():
    found = tolls("أكد المرصد مقتل 46 شخصا يوم الأحد. ودعت الأمم المتحدة إلى هدنة إنسانية فورية. وتعرضت مدينة "
                  "دوما لقصفٍ مدفعي عنيف من قوات النظام يوم الأحد. كما شنت الطائرات غارات على بلدة حمورية يوم الأحد.")
    assert len(found) == 2 and all(count == 0 for _, count in found)


def _doc(text: str):
    from rasd.doc import Document
    from rasd.segment import segment
    import datetime as dt
    doc = Document(text, published=dt.date(2018, 9, 8))
    segment(doc)
    return doc


@pytest.mark.parametrize("text, expected", [
    # a count in a sentence going on ("حيث") from one that tells a start point: cumulative, not taken
    ("وتتواصل المسيرات الشعبية على حدود قطاع غزة، منذ 30 مارس الماضي. حيث قُتل 172 مواطنا.", True),
    ("وتتواصل الحمـلة على المدينة ومنذ ١٨ شباط. وحيث قتل ٧٠٩ مدنيين.", True),
    # no start point before it, or a sentence that does not go on: the count may be taken
    ("وتتواصل المسيرات الشعبية على حدود قطاع غزة يوم الجمعة. حيث قُتل ٣ مواطنين.", False),
    ("وتتواصل المسيرات الشعبية على حدود قطاع غزة منذ 30 مارس. وقُتل ٣ مواطنين أمس.", False),
])
def test_a_count_going_on_from_a_start_point(text, expected):
    doc = _doc(text)
    assert len(doc.sentences) == 2
    assert assemble._goes_on_since(doc, 1) is expected
