"""An incident between two places (بين X و Y) is one incident near the first, not one in each (spec section 5:
each named village its own event, one incident at one place one event): whatever type words name the two
("بين مدينتي"، "بين بلدة ... ومدينة"، "بين مديريتي"), with clitics, tatweel and diacritics. A list of places
(في X وفي Y، قرى X وY) stays one event per place, and "بين" that names the sides of a fight is no place.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from rasd.pipeline import extract

PUBLISHED = "2021-03-10"  # a Wednesday


pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


def events(text: str) -> list[tuple]:
    return [(e.sub_event_type, e.location, e.event_date) for e in
            extract({"text": text, "published": PUBLISHED}).events]


@pytest.mark.parametrize("text, expected", [
    # the dual type word of both places (مدينتي)
    ("قتل فلسطينيان في قصف إسرائيلي صباح الأحد على مواقع بين مدينتي رفح وخان يونس جنوب قطاع غزة.",
     ("Shelling/artillery/missile attack", "Rafah", "2021-03-07")),
    # a type word before each place (بلدة ... ومدينة)
    ("تدور اشتباكات عنيفة حالياً بين بلدة أم المياذن ومدينة درعا.",
     ("Armed clash", "Umm Al-Mayadhin", "2021-03-10")),
    # two districts (مديريتي), the governorate after them
    ("اندلعت مواجهات عنيفة الاثنين بين مديريتي ناطع والملاجم شرق محافظة البيضاء.",
     ("Armed clash", "Nati'", "2021-03-08")),
    # "وبين" with a tatweel, and diacritics on the verb
    ("اِنْدَلَعَت مواجهات اليوم على الطريق وبـين مديريتي ناطع والملاجم شرق البيضاء.",
     ("Armed clash", "Nati'", "2021-03-10")),
    # the bare names (the rule before this change), Eastern Arabic digits in the toll
    ("قُتل ٣ جنود في هجوم على الطريق الرابط بين كركوك وأربيل أمس.",
     ("Armed clash", "Kirkuk", "2021-03-09")),
])
def test_an_incident_between_two_places_is_one_event(text, expected):
    assert events(text) == [expected]


@pytest.mark.parametrize("text, places", [
    # clashes in one town and in a city: two places, two events
    ("وقعت اشتباكات في بلدة أم المياذن وفي مدينة درعا أمس.", {"Umm Al-Mayadhin", "Dar`a"}),
    # "بين" names the two sides; the places after it are a list
    ("تدور اشتباكات عنيفة منذ الصباح بين قوات النظام وفصائل المعارضة في مدينة درعا وبلدة أم المياذن.",
     {"Umm Al-Mayadhin", "Dar`a"}),
    # a list of villages
    ("قصفت المدفعية التركية قرى جنديرس وراجو وبلبل في ريف عفرين يوم الاثنين.", {"Jindayris", "Raju", "Bulbul"}),
])
def test_places_not_between_two_names_stay_one_event_each(text, places):
    assert {place for _, place, _ in events(text)} == places
