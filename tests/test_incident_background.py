"""The history an article recalls after its news is no event of its own (issue 17; spec section 5): a report
dated long before publication (background), told after the article's current report of the same event type in
the same governorate, folds away; the current event keeps its own day and toll. A background report alone, one
told before the news, one with a toll of its own, one in another governorate or of another event type stays an
event. Sentences written for
these tests (clitics, diacritics, tatweel, Eastern Arabic digits)."""
from __future__ import annotations

import pytest

from rasd import assemble, pipeline

PUBLISHED = "2021-03-10"  # a Wednesday


def merged_keeping_all(text: str):
    """The tellings (sub-event type, place, day, background) of every candidate the text gives, doubted or not
    (the learned decision may keep each one), and the events the merge alone makes of them."""
    doc = pipeline.make_document({"text": text, "published": PUBLISHED})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    candidates = list(doc.user_data["candidates"])
    told = {(e.sub_event_type, e.location, e.event_date, e.background) for e, _ in candidates}
    merged = assemble._merge(doc, candidates, model=None)
    return told, [(e.sub_event_type, e.location, e.event_date, e.fatalities) for e in merged]


@pytest.mark.parametrize("text, expected", [
    # the same town struck years before (كان ... قد): the news keeps its day and its toll
    ("قصفت طائرات حربية بلدة كفرنبل في ريف إدلب يوم الاثنين، ما أسفر عن مقتل ٥ مدنيين. "
     "وكانت الطائرات قد قصفت البلدة في عام ٢٠١٦.",
     ("Air/drone strike", "Kafranbel", "2021-03-08", 5)),
    # another town of the governorate, a blast two years before (ويذكر أن)
    ("انفجرت عبوة ناسفة بسيارة عسكرية في مدينة الرمادي صباح اليوم وقتل جنديان. "
     "ويذكر أن عبوة ناسفة انفجرت في سوق الفلوجة في آذار ٢٠١٩.",
     ("Remote explosive/landmine/IED", "Ramadi", "2021-03-10", 2)),
    # today's clashes, and the district the rebels took in 2015 (one battle kind: one event)
    ("اندلعت اشتباكات عنيفة بين الجيش والحوثيين في مديرية حيس يوم الاثنين. "
     "وكان الحوثيون قد سيطروا على مديرية حيس في عام ٢٠١٥.",
     ("Armed clash", "Hays", "2021-03-08", 0)),
    # diacritics and a tatweel in the news, the old raid in the next paragraph
    ("قَصَفَت طائرات التحالف مواقع للحوثيين في مدينة صعدة أمـس وقتل ٧ مسلحين.\n"
     "وكانت طائرات التحالف قد قصفت سوقاً في مدينة صعدة في عام ٢٠١٨.",
     ("Air/drone strike", "Sa'dah", "2021-03-09", 7)),
])
def test_a_background_report_told_after_the_news_of_its_kind_adds_no_event(text, expected):
    told, merged = merged_keeping_all(text)
    # the text gives a current and a background telling of one event type (else this tests nothing) ...
    assert {bg for *_, bg in told} == {False, True}
    # ... and the merge makes one event of them: the news, with its own day and toll
    assert merged == [expected]


@pytest.mark.parametrize("text", [
    # the history alone: the article's only report of its kind is an event
    "وكانت قوات النظام قد سيطرت على مدينة حلب في كانون الأول ٢٠١٦.",
    # told before the news: the lead may be the incident itself, read on a wrong day
    "في عام ٢٠١٧ قصفت الطائرات مدينة دوما. واليوم قصفت الطائرات مدينة دوما وقتل ٤ مدنيين.",
    # another governorate (Aleppo, the news in Idlib)
    "قصفت الطائرات بلدة كفرنبل في ريف إدلب يوم الاثنين. وكانت الطائرات قد قصفت مدينة حلب عام ٢٠١٦.",
    # a past incident told with a toll of its own is one the coders code
    "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب يوم الاثنين، ما أسفر عن مقتل ٥ مدنيين. "
    "وكانت الطائرات قد قصفت البلدة في عام ٢٠١٦ وقتل حينها ٣٠ شخصاً.",
    # another event type (a blast after a protest)
    "تظاهر مئات في مدينة الرمادي اليوم احتجاجاً على البطالة. وكانت عبوة ناسفة قد انفجرت في المدينة عام ٢٠١٩.",
])
def test_a_background_report_stays_an_event_without_news_of_its_kind_before_it(text):
    told, merged = merged_keeping_all(text)
    background = sorted((sub, place, day) for sub, place, day, bg in told if bg)
    assert background  # the text gives a background telling (else this tests nothing)
    assert sorted((sub, place, day) for sub, place, day, _ in merged if day < "2021") == background
