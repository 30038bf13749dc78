"""When are two reports one incident, when two (spec section 5, granularity; issue 17, the incident model).

Each row is a short article written for rasd (not taken from any data set) with the events a coder would make
of it: ``(sub-event type, admin1, location, date)``. An incident told again further down with a definite noun
(القصف، الانفجار، الهجوم، التفجير) is the same incident, whatever day the later sentence names (the day of a
statement about it); the same kind of event told with a verb on another day is another incident; each place of
a list is its own event; a place and the governorate that holds it, told together, are one.
"""
from __future__ import annotations

import pytest

from rasd import pipeline

PUBLISHED = "2018-06-20"  # a Wednesday


def coded(text: str) -> list[tuple[str, str, str, str]]:
    events = pipeline.process({"text": text, "published": PUBLISHED, "source": "test"}).events
    return sorted((e["sub_event_type"], e["admin1"], e["location"], e["event_date"]) for e in events
                  if not e["background"])


RETOLD = [
    # an air raid told, then the UN's call days later about "the shelling of Duma": the raid's day is kept
    ("قصفت طائرات حربية مدينة دوما في الغوطة الشرقية يوم السبت، ما أدى إلى مقتل ١٢ مدنياً.\n"
     "ودعت الأمم المتحدة الثلاثاء إلى تحقيق مستقل في القصف على دوما.",
     ("Air/drone strike", "Rif-dimashq", "Duma", "2018-06-16")),
    # a car bomb, then a minister condemning "the explosion that shook Ramadi" today
    ("انفجرت سيارة مفخخة في سوق بمدينة الرمادي أمس.\n"
     "وأدان وزير الداخلية اليوم الانفجار الذي هز الرمادي وأوقع عشرات الضحايا.",
     ("Remote explosive/landmine/IED", "Al Anbar", "Ramadi", "2018-06-19")),
    # an attack on a checkpoint, its toll told two days later as "the attack on Arish"
    ("هاجم مسلحون نقطة تفتيش للجيش في مدينة العريش يوم الاثنين.\n"
     "وقال الجيش الأربعاء إن الهجوم على العريش أسفر عن مقتل جنديين.",
     ("Armed clash", "North Sinai", "Arish", "2018-06-18")),
    # tatweel inside the retelling's word, Eastern Arabic digits in its toll
    ("فجّر انتحاري نفسه في مسجد بمدينة القطيف يوم الجمعة.\n"
     "وأعلنت وزارة الداخلية يوم الاثنين أن التفجيــر الانتحاري في القطيف أوقع ٢١ قتيلاً.",
     ("Suicide bomb", "Eastern Province", "Al Qatif", "2018-06-15")),
    # diacritics on the first telling; the retelling is the police chief's statement today
    ("انْفَجَرَتْ عبوةٌ ناسفةٌ بحافلة في مدينة كركوك يوم الأحد.\n"
     "وقال قائد الشرطة اليوم إن الانفجار في كركوك أسفر عن إصابة ٦ ركاب.",
     ("Remote explosive/landmine/IED", "Kirkuk", "Kirkuk", "2018-06-17")),
    # mortars on Damascus, then the agency's report of "the shelling of Damascus"
    ("سقطت قذائف هاون على حي باب توما في دمشق يوم الاثنين.\n"
     "وقالت وكالة سانا اليوم إن القصف على دمشق أسفر عن إصابة أربعة أشخاص.",
     ("Shelling/artillery/missile attack", "Dimashq", "Damascus", "2018-06-18")),
    # a Taliban attack whose toll an official gives today
    ("هاجم مسلحو طالبان مركزا للشرطة في ولاية غزني يوم السبت.\n"
     "وقال مسؤول أفغاني اليوم إن الهجوم على غزني أدى إلى مقتل ١٠ شرطيين.",
     ("Armed clash", "Ghazni", "Ghazni", "2018-06-16")),
]


@pytest.mark.parametrize("text,event", RETOLD)
def test_an_incident_told_again_with_the_definite_noun_is_one_event(text, event):
    assert coded(text) == [event]


TWO_DAYS = [
    # the same town struck again the next day: two events (the verb tells a new strike)
    ("قصفت طائرات النظام بلدة سراقب في ريف إدلب يوم الاثنين. وقصفت الطائرات سراقب مجددا يوم الثلاثاء.",
     [("Air/drone strike", "Idlib", "Saraqib", "2018-06-18"), ("Air/drone strike", "Idlib", "Saraqib", "2018-06-19")]),
    # a second bomb ("عبوة ناسفة أخرى") in the same city two days later
    ("انفجرت عبوة ناسفة في مدينة كركوك يوم الأحد. وانفجرت عبوة ناسفة أخرى في كركوك يوم الثلاثاء.",
     [("Remote explosive/landmine/IED", "Kirkuk", "Kirkuk", "2018-06-17"),
      ("Remote explosive/landmine/IED", "Kirkuk", "Kirkuk", "2018-06-19")]),
    # "a new raid" (indefinite) three days after the first
    ("شنت طائرات التحالف غارة على مدينة صعدة يوم الخميس. وشنت طائرات التحالف غارة جديدة على صعدة يوم الأحد.",
     [("Air/drone strike", "Sa'dah", "Sa'dah", "2018-06-14"), ("Air/drone strike", "Sa'dah", "Sa'dah", "2018-06-17")]),
    # arrests on two days in one city
    ("اعتقلت قوات الأمن خمسة أشخاص في مدينة الموصل يوم الأحد. واعتقلت القوات ثلاثة آخرين في الموصل يوم الثلاثاء.",
     [("Arrests", "Nineveh", "Mosul", "2018-06-17"), ("Arrests", "Nineveh", "Mosul", "2018-06-19")]),
]


@pytest.mark.parametrize("text,events", TWO_DAYS)
def test_the_same_kind_of_event_told_with_a_verb_on_another_day_is_another_event(text, events):
    assert coded(text) == sorted(events)


LISTS = [
    # villages shelled, one event each
    ("قصفت المدفعية قرى كفرنبل ومعرة النعمان وخان شيخون في ريف إدلب اليوم.",
     [("Shelling/artillery/missile attack", "Idlib", "Kafranbel", "2018-06-20"),
      ("Shelling/artillery/missile attack", "Idlib", "Ma`arrat an Nu`man", "2018-06-20"),
      ("Shelling/artillery/missile attack", "Idlib", "Khan Shaykhun", "2018-06-20")]),
    # two towns named with the dual ("بلدتي")
    ("قصفت طائرات روسية بلدتي كفرزيتا واللطامنة في ريف حماة يوم الأحد.",
     [("Air/drone strike", "Hama", "Kafr Zayta", "2018-06-17"), ("Air/drone strike", "Hama", "Al-Lataminah", "2018-06-17")]),
]


@pytest.mark.parametrize("text,events", LISTS)
def test_each_place_of_a_list_is_its_own_event(text, events):
    assert coded(text) == sorted(events)


NESTED = [
    # a town and the governorate around it, in one sentence
    ("قتل ثلاثة مدنيين في غارة جوية على بلدة خان شيخون بريف إدلب اليوم.",
     ("Air/drone strike", "Idlib", "Khan Shaykhun", "2018-06-20")),
    # a lead that names only the governorate, then the town the shelling struck
    ("قتل خمسة مدنيين في قصف على محافظة درعا اليوم.\nوقال المرصد إن القصف استهدف بلدة طفس.",
     ("Shelling/artillery/missile attack", "Daraa", "Tafas", "2018-06-20")),
]


@pytest.mark.parametrize("text,event", NESTED)
def test_a_place_and_the_governorate_holding_it_are_one_event(text, event):
    assert coded(text) == [event]


def test_a_retelling_keeps_the_incidents_toll_once():
    """The toll told only in the retelling is the incident's toll (never added to another)."""
    events = pipeline.process({"text": RETOLD[2][0], "published": PUBLISHED, "source": "test"}).events
    assert [e["fatalities"] for e in events] == [2]
