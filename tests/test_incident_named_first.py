"""One incident named before it is told, and "again" at the end of a sentence (issue 17, same-type merging):
sentences written for these tests.

* an earlier report told only with definite nouns and no day of its own (a condemnation: "أدان ... الهجوم")
  goes back to the incident a later sentence tells with its own, earlier day, however long before: one event,
  on the incident's day;
* "again" (مجدداً، من جديد، مرة أخرى) says another incident wherever it stands in its sentence, at its end
  or before a comma too: the two tellings stay two events.
"""
from __future__ import annotations

import pytest

from rasd import assemble, pipeline

PUBLISHED = "2021-03-10"  # a Wednesday


pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


def merged_keeping_all(text: str) -> list[tuple]:
    """The events the merge alone makes of every candidate the text gives, doubted or not (the learned
    decision may keep a condemnation's telling)."""
    doc = pipeline.make_document({"text": text, "published": PUBLISHED})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    return sorted((e.sub_event_type, e.location, e.event_date, e.fatalities) for e in
                  assemble._merge(doc, list(doc.user_data["candidates"]), model=None))


# -- an incident named (definite, undated) before it is told ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a condemnation of "the chemical attack" on Duma, then the attack with its day, weeks before (diacritics)
    ("أدانت وزارة الخارجيّة الهجومَ الكيماوي على مدينة دوما. وكان هجوم كيماوي قد ضرب دوما في ٢٠ شباط وأودى "
     "بحياة عشرات المدنيين.", [("Chemical weapon", "Duma", "2021-02-20", 10)]),
    # "the bombing" of a church denounced, the bomb told with its day (tatweel)
    ("استنكر الأزهر التفجيـر الذي استهدف كنيسة في مدينة طنطا. وكانت عبوة ناسفة قد انفجرت داخل الكنيسة في "
     "طنطا يوم ١٤ شباط.", [("Remote explosive/landmine/IED", "Tanta", "2021-02-14", 0)]),
    # "the shelling" condemned with a clitic (بالقصف), the shelling told by local sources
    ("نددت الحكومة بالقصف على بلدة كفرنبل. وقالت مصادر محلية إن قوات النظام قصفت كفرنبل في ١٥ شباط.",
     [("Shelling/artillery/missile attack", "Kafranbel", "2021-02-15", 0)]),
    # "the assault" on a police station decried, then the assault with its day and toll
    ("شجب البرلمان الاعتداءَ على مركز الشرطة في مدينة العريش. وكان مسلحون قد هاجموا مركز الشرطة في العريش يوم "
     "٢ شباط وقتلوا ٣ من عناصره.", [("Armed clash", "Arish", "2021-02-02", 3)]),
    # a car bomb, the day in Western digits
    ("أدانت الجامعة العربية التفجير في مدينة الرمادي. وكانت سيارة مفخخة قد انفجرت قرب سوق الرمادي في 20 شباط.",
     [("Remote explosive/landmine/IED", "Ramadi", "2021-02-20", 0)]),
])
def test_an_incident_named_before_it_is_told_is_one_event(text, expected):
    assert merged_keeping_all(text) == expected


@pytest.mark.parametrize("text", [
    # "again" inside the sentence
    "نددت الحكومة بالقصف على بلدة كفرنبل. وقالت مصادر محلية إن قوات النظام قصفت كفرنبل مجدداً في ١٥ شباط.",
    # "once more" closing the sentence
    "نددت الحكومة بالقصف على بلدة كفرنبل. وقالت مصادر محلية إن قوات النظام قصفت كفرنبل في ١٥ شباط مرة أخرى.",
    # "again" before a comma
    "نددت الحكومة بالقصف على بلدة كفرنبل. وقالت مصادر محلية إن قوات النظام قصفت كفرنبل مجدداً، في ١٥ شباط.",
])
def test_an_incident_named_before_another_told_again_stays_two(text):
    assert [day for _, _, day, _ in merged_keeping_all(text)] == ["2021-02-15", "2021-03-10"]


# -- "again" at the end of the sentence that tells both days ---------------------------------------------------

@pytest.mark.parametrize("text, days", [
    # the second shelling of one sentence, "again" closing it
    ("قصفت قوات النظام بلدة كفرنبل يوم الإثنين، وعادت لتقصف كفرنبل يوم الأربعاء مجدداً.",
     ["2021-03-08", "2021-03-10"]),
    # "anew" closing it, the first verb with a tatweel
    ("قصفـت قوات النظام بلدة كفرنبل يوم الإثنين، وعادت لتقصف كفرنبل يوم الأربعاء من جديد.",
     ["2021-03-08", "2021-03-10"]),
])
def test_one_sentence_that_ends_with_again_tells_two_incidents(text, days):
    assert [day for _, _, day, _ in merged_keeping_all(text)] == days
