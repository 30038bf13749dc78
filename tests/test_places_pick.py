"""Which of the places named in a trigger's sentence are the event's (issue 13): a reference place after a compass
phrase or after "القريبة من / المحاذية ل / المجاورة ل" is not where the event is, and a list of the event's places
goes on past it; a type word may open the next item of the list ("، وفي مديرية ..."); "ليل" before a day is the
night, not Lille. Sentences written for rasd; the places of the candidates the pipeline proposes (before the
decision stage keeps or drops them) and of the events it codes.
"""
from __future__ import annotations

import pytest

from rasd import pipeline


def _record(text: str) -> dict:
    return {"id": "t", "title": "", "text": text, "published": "2018-06-20", "source": "test"}


def proposed(text: str) -> set[tuple[str, str]]:
    """(admin1, location) of every candidate event proposed for ``text``."""
    doc = pipeline.extract(_record(text))
    return {(e.admin1, e.location) for e, _ in doc.user_data.get("candidates", [])}


def coded(text: str) -> set[tuple[str, str]]:
    return {(e["admin1"], e["location"]) for e in pipeline.process(_record(text)).events}


# (text, the places the candidates must include, admin1s none of them may be in)
LISTS = [
    # a compass reference between two items of a list: the list goes on after it
    ("تجدّدت المعارك اليوم في مديرية حيس جنوبي الحديدة، وفي مديرية نهم شرق صنعاء.",
     {("Al Hudaydah", "Hays"), ("Sanaa", "Nihm")}, {"Amanat Alasimah"}),
    ("قصفت مدفعية الحوثيين يوم ٣ مارس قرى في مديرية الدريهمي جنوب مدينة الحديدة ومديرية صرواح غرب مأرب.",
     {("Al Hudaydah", "Ad Durayhimi"), ("Ma'rib", "Suq Sirwah")}, set()),
    ("شنّت طائرات التحالف غاراتٍ على مواقع في محافظة صعدة شمال صنعاء، وفي محافظة حجة.",
     {("Sa'dah", "Sa'dah"), ("Hajjah", "Hajjah")}, {"Amanat Alasimah", "Sanaa"}),
    # the same list told before its trigger
    ("في بلدة الزبداني شمال غرب دمشق، وفي مدينة دوما، قُتل ثلاثة مدنيين بقصف جوي اليوم.",
     {("Rif-dimashq", "Az Zabadani"), ("Rif-dimashq", "Duma")}, {"Dimashq"}),
    # a type word opens the next item
    ("اندلعت اشتباكات أمس في بلدة الباب، وفي مدينة منبج.",
     {("Aleppo", "Al Bab"), ("Aleppo", "Manbij")}, set()),
    # a near town named as the reference of the place before it
    ("في مديرية نِهْم المجاورة للعاصمة صنعاء اندلعت اشتباكاتٌ عنيفة أمس بين الجيش والحوثيين.",
     {("Sanaa", "Nihm")}, {"Amanat Alasimah"}),
    ("وفي جبهة صرواح القريبة من مدينة مأرب، والتي تشهد معارك يومية، قُتل ٤ مسلحين في مواجهات مع الجيش أمس.",
     {("Ma'rib", "Suq Sirwah")}, set()),
    ("وفي بلدة داريّا المحاذية لدمشق، سيطرت فصائل المعارضة على حي الجمعيات أمس.",
     {("Rif-dimashq", "Darayya")}, {"Dimashq"}),
    ("وبمدينة دوما القريبة من العاصمة دمشق، قُتل مدنيان بغارةٍ جوية اليوم.",
     {("Rif-dimashq", "Duma")}, {"Dimashq"}),
]


@pytest.mark.parametrize("text,wanted,never", LISTS, ids=[f"{i:02d}" for i in range(len(LISTS))])
def test_the_events_places_and_not_their_references(text, wanted, never):
    got = proposed(text)
    assert wanted <= got, got
    assert not {a for a, _ in got} & never, got


def test_a_compass_reference_before_a_trigger_placed_after_the_list_is_no_event_place():
    # "X شمال Y، وفي Z ... trigger": Y is where X lies, not a place of the event
    got = proposed("في قرية كفرنبل جنوب مدينة إدلب، وفي بلدة سراقب، قُتل خمسة مدنيين بقصف مدفعي أمس.")
    assert ("Idlib", "Saraqib") in got, got
    assert ("Idlib", "Idlib") not in got, got


def test_a_lone_place_with_its_compass_reference_keeps_the_place():
    assert coded("قصفت طائرات النظام بلدة الزبداني شمال غرب دمشق اليوم.") == {("Rif-dimashq", "Az Zabadani")}


def test_a_neighbour_after_the_trigger_does_not_move_the_event():
    # the trigger names its place first: the town "near" which it lies is only its reference
    got = proposed("انفجرت عبوةٌ ناسفة أمس في بلدة الفحيص القريبة من عمّان.")
    assert ("Balqa", "Al Fuhays") in got, got
    assert not {a for a, _ in got} & {"Amman"}, got


def test_the_place_of_the_previous_sentence_of_the_paragraph():
    got = proposed("سيطرت القوات الحكومية على بلدة حيس في محافظة الحديدة. وقال مصدر عسكري إن اشتباكات عنيفة دارت أمس.")
    assert got == {("Al Hudaydah", "Hays")}, got


@pytest.mark.parametrize("text", [
    "وقعت مواجهات في باريس ليل السبت بين الشرطة ومحتجين.",
    "اندلعت أعمال شغب في مدينة نانت غربي فرنسا ليلَ الأربعاء بعد مقتل شاب برصاص الشرطة.",
    "تظاهر آلاف الفرنسيين في مدينة ليون ليل نهار احتجاجاً على الضرائب.",
])
def test_the_night_is_not_lille(text):
    got = proposed(text)
    assert got, "no candidate"
    assert "Hauts-de-France" not in {a for a, _ in got}, got


@pytest.mark.parametrize("text", [
    "تظاهر مئات العمال في مدينة ليل شمال فرنسا اليوم.",
    "اعتقلت الشرطة الفرنسية اليوم ثلاثة مشتبه بهم في ليل بفرنسا.",
])
def test_lille_named_as_a_town(text):
    assert ("Hauts-de-France", "Lille") in proposed(text)
