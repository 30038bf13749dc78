"""One incident told on two days (issue 17, same-type merging): sentences written for these tests.

* two reports of one kind at one place read on days up to a week apart (a night that spans two days, the day
  a source spoke, "منذ الأربعاء") are one event, unless a sentence says it happened again, the two tolls
  differ, the days are more than a week apart or the places differ;
* an earlier report told only with definite nouns and no day of its own (a condemnation: "أدان ... الهجوم")
  goes back to the incident a later sentence tells with its own, earlier day, however long before.
"""
from __future__ import annotations

import pytest

from rasd import assemble, pipeline
from rasd.pipeline import extract

PUBLISHED = "2021-03-10"  # a Wednesday


@pytest.fixture(autouse=True)
def rules_decide(monkeypatch):
    """The merge is tested on what the rules keep (tests/test_decide.py tests the learned decision)."""
    monkeypatch.setenv("RASD_DECIDER", "rules")


def events(text: str) -> list[tuple]:
    return sorted((e.sub_event_type, e.location, e.event_date, e.fatalities) for e in
                  extract({"text": text, "published": PUBLISHED}).events)


def merged_keeping_all(text: str) -> list[tuple]:
    """The events the merge alone makes of every candidate the text gives, doubted or not (the learned
    decision may keep a condemnation's telling)."""
    doc = pipeline.make_document({"text": text, "published": PUBLISHED})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    return sorted((e.sub_event_type, e.location, e.event_date) for e in
                  assemble._merge(doc, list(doc.user_data["candidates"]), model=None))


# -- one place, one kind, days up to a week apart: one incident ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a protest on Friday night, and the protests "since Wednesday" of the same city further down
    ("شارك آلاف الأشخاص ليل الجمعة في مظاهرات وسط العاصمة الأردنية عمان احتجاجاً على قانون الضريبة. "
     "ويشهد الأردن منذ الأربعاء احتجاجات في عمان دعت لها النقابات.",
     [("Peaceful protest", "Amman", "2021-03-05", 0)]),
    # a sit-in on the 7th that went on on the 8th (Eastern Arabic digits)
    ("تظاهر مئات الطلاب أمام جامعة الخرطوم يوم ٧ آذار. واستمرت احتجاجات الطلاب في الخرطوم يوم ٨ آذار.",
     [("Peaceful protest", "Khartoum", "2021-03-07", 0)]),
    # a strike on Sunday night, and the medics' statement of Monday giving the same toll (diacritics)
    ("قُتل ٣ أشخاص في غارة جوية استهدفت مدينة حجة ليل الأحد. وقالت مصادر طبية يوم الإثنين إن غارة جوية على "
     "حجة أودت بحياة ٣ أشخاص.",
     [("Air/drone strike", "Hajjah", "2021-03-07", 3)]),
])
def test_one_place_told_on_two_close_days_is_one_event(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, days", [
    # "again" (مجدداً): a second shelling
    ("قصفت قوات النظام بلدة كفرنبل يوم الأحد. وقصفت قوات النظام كفرنبل مجدداً يوم الثلاثاء.",
     ["2021-03-07", "2021-03-09"]),
    # each strike with a toll of its own, and the tolls differ: two strikes
    ("قتل ٥ مدنيين في غارة جوية على بلدة كفرنبل يوم الأحد. وقتل ٣ مدنيين في غارة جوية على كفرنبل يوم الثلاثاء.",
     ["2021-03-07", "2021-03-09"]),
    # more than a week apart (a tatweel in the verb)
    ("تظاهـر مئات الطلاب أمام جامعة الخرطوم يوم ١ آذار. وتظاهر الطلاب في الخرطوم يوم ٢٠ شباط.",
     ["2021-02-20", "2021-03-01"]),
])
def test_two_incidents_at_one_place_stay_two(text, days):
    assert [day for _, _, day, _ in events(text)] == days


def test_two_places_on_two_close_days_stay_two():
    got = events("قصفت قوات النظام بلدة كفرنبل يوم الأحد. وقصفت قوات النظام مدينة معرة النعمان يوم الإثنين.")
    assert [(place, day) for _, place, day, _ in got] == [("Kafranbel", "2021-03-07"),
                                                          ("Ma`arrat an Nu`man", "2021-03-08")]


# -- an incident named (definite, undated) before it is told ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a condemnation of "the chemical attack" on Duma, then the attack with its day, weeks before
    ("أدانت وزارة الخارجيّة الهجومَ الكيماوي على مدينة دوما. وكان هجوم كيماوي قد ضرب دوما في ٢٠ شباط وأودى "
     "بحياة عشرات المدنيين.", [("Chemical weapon", "Duma", "2021-02-20")]),
    # "the bombing" of a church condemned, the bomb told with its day (tatweel)
    ("استنكر الأزهر التفجيـر الذي استهدف كنيسة في مدينة طنطا. وكانت عبوة ناسفة قد انفجرت داخل الكنيسة في "
     "طنطا يوم ١٤ شباط.", [("Remote explosive/landmine/IED", "Tanta", "2021-02-14")]),
    # "the shelling" condemned with a clitic (بالقصف), the shelling told by local sources
    ("نددت الحكومة بالقصف على بلدة كفرنبل. وقالت مصادر محلية إن قوات النظام قصفت كفرنبل في ١٥ شباط.",
     [("Shelling/artillery/missile attack", "Kafranbel", "2021-02-15")]),
])
def test_an_incident_named_before_it_is_told_is_one_event(text, expected):
    assert merged_keeping_all(text) == expected


def test_an_incident_named_before_another_told_again_stays_two():
    got = merged_keeping_all("نددت الحكومة بالقصف على بلدة كفرنبل. وقالت مصادر محلية إن قوات النظام قصفت "
                             "كفرنبل مجدداً في ١٥ شباط.")
    assert [day for _, _, day in got] == ["2021-02-15", "2021-03-10"]
