"""One incident, one event (issue 17): the aftermath fold of the merge on short texts written for these tests.

* explosions of two weapons at one place stay two events when told in one sentence, on two days or at two
  towns (no later report's fold may join them: they name their own day);
* a later report of the same kind at the same place told in the pluperfect (وكان ... قد) or naming no day
  of its own goes on about the first report: one event, on the first report's day; a later report that
  names its own day, or another town, is another event.
"""
from __future__ import annotations

import pytest

from rasd import assemble, pipeline

PUBLISHED = "2021-03-10"  # a Wednesday
AIR, SHELLING = "Air/drone strike", "Shelling/artillery/missile attack"
CLASH = "Armed clash"


def merged(text: str):
    """The tellings (sub-event type, place, day) of every candidate the text gives, and the events the rule
    merge alone makes of them (the decision is tested elsewhere: tests/test_decide.py)."""
    doc = pipeline.make_document({"text": text, "published": PUBLISHED})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    candidates = list(doc.user_data["candidates"])
    told = {(e.sub_event_type, e.location, e.event_date) for e, _ in candidates}  # before the merge changes them
    return told, [(e.sub_event_type, e.location, e.event_date) for e in assemble._merge(doc, candidates, model=None)]


# -- two weapons ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, events", [
    # two weapons in one sentence: as the coders code a list of strikes and shelling, two events
    ("شنت الطائرات غارات جوية وقصفت المدفعية بلدة كفرنبل يوم الاثنين.",
     [(AIR, "Kafranbel", "2021-03-08"), (SHELLING, "Kafranbel", "2021-03-08")]),
    # two days
    ("شنت طائرات حربية غارات جوية على بلدة كفرنبل يوم الاثنين.\nوقصفت المدفعية بلدة كفرنبل بعشرات القذائف يوم الثلاثاء.",
     [(AIR, "Kafranbel", "2021-03-08"), (SHELLING, "Kafranbel", "2021-03-09")]),
    # two towns
    ("شنت طائرات حربية غارات جوية على بلدة كفرنبل يوم الاثنين.\nوقصفت المدفعية بلدة معرة النعمان يوم الاثنين.",
     [(AIR, "Kafranbel", "2021-03-08"), (SHELLING, "Ma`arrat an Nu`man", "2021-03-08")]),
])
def test_two_weapons_in_one_sentence_on_two_days_or_at_two_towns_stay_two_events(text, events):
    _, got = merged(text)
    assert sorted(got) == events


# -- the aftermath of a report, or its build-up ----------------------------------------------------------------

def test_an_earlier_shelling_told_in_the_pluperfect_at_the_same_town_is_the_first_reports_event():
    told, got = merged("قصفت قوات النظام بلدة كفرنبل بالمدفعية يوم الأربعاء.\n"
                       "وكانت قوات النظام قد قصفت كفرنبل بعشرات القذائف يوم الأحد.")
    assert (SHELLING, "Kafranbel", "2021-03-07") in told  # the pluperfect telling has a day of its own ...
    assert got == [(SHELLING, "Kafranbel", "2021-03-10")]  # ... and is folded into the first report


@pytest.mark.parametrize("text, event", [
    # the clash told again, with no day of its own, after a statement of another day
    ("اندلعت اشتباكات عنيفة بين الجيش ومسلحين في مدينة العريش يوم الاثنين.\n"
     "وقال المتحدث العسكري اليوم إن قواته تسيطر على الوضع.\nواشتبك الطرفان بالأسلحة الثقيلة في العريش لساعات.",
     (CLASH, "Arish", "2021-03-08")),
    # the sit-in told again (tatweel in the verb)
    ("تظاهر مئات الطلاب أمام جامعة الخرطوم يوم الاثنين.\nواعتقلت الشرطة ٣ ناشطين في أم درمان يوم الثلاثاء.\n"
     "وتجمّـع المحتجون أمام الجامعة في الخرطوم مرددين هتافات ضد الحكومة.", ("Peaceful protest", "Khartoum", "2021-03-08")),
    # the demonstration told again after a ministry's statement of today: it took today's date, folded back
    ("تظاهر آلاف اللبنانيين في ساحة الشهداء وسط بيروت يوم السبت.\nوأعلنت وزارة الداخلية اليوم أن التظاهرة مرت بسلام.\n"
     "ورفع المتظاهرون في بيروت لافتات تطالب برحيل الحكومة.", ("Peaceful protest", "Beirut", "2021-03-06")),
])
def test_a_later_report_with_no_day_of_its_own_at_the_same_place_is_one_event(text, event):
    _, got = merged(text)
    assert [e for e in got if e[1] == event[1]] == [event]


@pytest.mark.parametrize("text, events", [
    # a later report with a verb and its own day: another clash
    ("اندلعت اشتباكات عنيفة بين الجيش ومسلحين في مدينة العريش يوم الاثنين.\n"
     "واشتبك مسلحون مع قوة أمنية في العريش يوم الثلاثاء.", [(CLASH, "Arish", "2021-03-08"), (CLASH, "Arish", "2021-03-09")]),
    # an earlier strike told in the pluperfect, in another town: another event
    ("قصفت قوات النظام بلدة كفرنبل بالمدفعية يوم الأربعاء.\nوكان الطيران الحربي قد شنّ غارات على معرة النعمان يوم الأحد.",
     [(AIR, "Ma`arrat an Nu`man", "2021-03-07"), (SHELLING, "Kafranbel", "2021-03-10")]),
    # a later report with no day of its own, in another town: another clash
    ("اندلعت اشتباكات عنيفة بين الجيش ومسلحين في مدينة العريش يوم الاثنين.\n"
     "واشتبك مسلحون مع قوة أمنية في مدينة رفح المصرية.", [(CLASH, "Arish", "2021-03-08"), (CLASH, "Rafah", "2021-03-08")]),
])
def test_a_later_report_with_its_own_day_or_at_another_town_stays_apart(text, events):
    _, got = merged(text)
    assert sorted(got) == events
