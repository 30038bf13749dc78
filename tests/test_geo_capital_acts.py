"""A capital that acts as its government after a verb with an object pronoun ("الغارات التي شنتها دمشق"، "تدعمها
أنقرة"، "دربتهم واشنطن"), after a voice verb and a preposition with a pronoun ("الهجوم الذي أعلنت عنه طهران"), or
after a past verb of launching ("نفذت الرياض"، "تبنتها الرياض") is no place; a verb whose subject is a scene
("التي شهدتها دمشق"، "عاشتها صنعاء") and a noun with a pronoun ("بيتها") leave it a place. Sentences written for
rasd (issue 13), with diacritics, tatweel, clitics and Eastern Arabic digits.

Each row: a sentence and the places it names, as (name, admin1), in order.
"""
from __future__ import annotations

import pytest

from rasd.geo import sentence_places

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # -- the capital acts: its government, no place ------------------------------------------------------------------
    ("الغارات التي شنّتها دمشق على ريف إدلب", [("Idlib", "Idlib")]),
    ("الهجوم الذي أعلنت عنه طهران أمس", []),
    ("الضربة التي نفذتها الرياض في صعدة وقتل فيها ٣ مدنيين", [("Sa'dah", "Sa'dah")]),
    ("الفصائل التي تدعمهـــا أنقرة في عفرين", [("`Afrin", "Aleppo")]),
    ("المقاتلون الذين دربتهم واشنطن", []),
    ("ونسبتها بغداد إلى تنظيم الدولة", []),
    ("التهم التي تنفيها طهران باستمرار", []),
    ("الغارة التي أعلنت عنها القاهرةُ في سيناء", [("North Sinai", "North Sinai")]),
    ("وزوّدته موسكو بالأسلحة", []),
    ("وهي الغارة الثالثة التي تبنتها الرياض هذا الأسبوع", []),
    ("ونفذت الرياض ٤ غارات على صعدة", [("Sa'dah", "Sa'dah")]),
    # -- the capital is a place ----------------------------------------------------------------------------------------
    ("المظاهرات التي شهدتها دمشق يوم ٣ آذار", [("Damascus", "Dimashq")]),
    ("الاحتجاجات التي عاشتها صنعاء أمس", [("Sanaa", "Amanat Alasimah")]),
    ("قُتل ٢ في الانفجار الذي هزّ بغداد", [("Baghdad", "Baghdad")]),
    ("سقطت قذيفة في بيتها دمشق القديمة", [("Damascus", "Dimashq")]),
    ("أكّد الوزير دعمه خلال زيارته دمشق", [("Damascus", "Dimashq")]),
]


@pytest.mark.parametrize("text,want", CASES)
def test_a_capital_that_acts_is_its_government(text, want):
    got = [(p.place.name, p.place.admin1) for p in sentence_places(text)]
    assert got == want


# A town named right after "في/ب محافظة Y"، "التابعة لمحافظة Y" lies in Y: its namesake there, or (none known there) a
# village of Y coded at Y (geo_precision 2), never a namesake of another governorate or country.
# Each row: a sentence and (admin1, country, precision) of the place an event told at its start is coded at.
GOVERNORATE_CASES: list[tuple[str, tuple[str, str, int]]] = [
    ("قتل شخصان في بلدة العين في محافظة أبين", ("Abyan", "Yemen", 2)),
    ("قتل شخصان في بلدة العين في محافظة تعز", ("Ta'izz", "Yemen", 1)),
    ("قُتل ٣ جنود في قرية الوادي بمحافظـــة مأرب", ("Ma'rib", "Yemen", 2)),
    ("انفجرت عبوة في منطقة الوادي التابعة لمحافظة مأرب", ("Ma'rib", "Yemen", 2)),
    ("وسقط ٤ قتلى في الرَّوضة بمحافظة شبوة", ("Shabwah", "Yemen", 1)),
    ("انفجرت عبوة في بلدة العامرية التابعة لمحافظة الأنبار", ("Al Anbar", "Iraq", 1)),
]


@pytest.mark.parametrize("text,want", GOVERNORATE_CASES)
def test_a_governorate_named_after_a_town_settles_its_namesake(text, want):
    got = [(p.place.admin1, p.place.country, p.precision) for p in sentence_places(text)]
    assert got == [want]
