"""Words after a type word that are no village (issue 13, "a place needs evidence"): و + an everyday word right after
the type word (قرى ومزارع، مناطق وتكبيد) and words too rare for the frequency list (صهاريج) are not taken for villages
the gazetteer lacks, while the unknown villages of a list still are. Sentences written for rasd (clitics,
diacritics, Eastern Arabic digits); each row gives the place(s) an event told at the start of the text is coded at
(``country|admin1|location|geo_precision``, ``;`` between places).
"""
from __future__ import annotations

import pytest

from rasd.geo import explain
from geo_table import parse_places, places_found  # "country|admin1|location|precision; ..."

CASES: list[tuple[str, str]] = [
    # -- no village: the place the sentence names otherwise ---------------------------------------------------
    ("سيطرت القوات على عدة مناطق وتكبيد الميليشيات خسائر كبيرة قرب مطار الحديدة",
     "Yemen|Al Hudaydah|Hodeidah International Airport|2"),
    ("استعاد الجيش السيطرة على قرى ومزارع في ريف دمشق الشرقي", "Syria|Rif-dimashq|Rif-dimashq|3"),
    ("اندلع حريق في منطقة صهاريج التخزين بميناء رأس لانوف", "Libya|Sirte|Ras Lanuf|1"),
    ("سيطرت القوات على قرى والمزارع المحيطة بمدينة دوما", "Syria|Rif-dimashq|Duma|1"),
    ("تقدمت القوات في مناطق وقرى شرق مدينة حماة", "Syria|Hama|Hamah|2"),
    # -- unknown villages of a list are still villages -----------------------------------------------------------
    ("قصفت الطائرات قرى الطحيتا وأم الجرن والعوينة في ريف درعا",
     "Syria|Daraa|Al-Tahita|2; Syria|Daraa|Umm Al-Jarn|2; Syria|Daraa|Al-'Uwaynah|2"),
    ("سيطر الجيش على قريتي وادي الحمام والعوينة في ريف درعا الغربي",
     "Syria|Daraa|Wadi Al-Hamam|2; Syria|Daraa|Al-'Uwaynah|2"),
    ("قُتل ٣ مدنيين في قصف على قرية العُوَيْنة بريف درعا", "Syria|Daraa|Al-'Uwaynah|2"),
    ("شنت مقاتلات التحالف غارات على منطقة الكدن شمال مدينة الحديدة", "Yemen|Al Hudaydah|Al-Kadn|2"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_no_village_from_an_everyday_word(case):
    text, expected = case
    assert places_found(text) == parse_places(expected), explain(text)["places"]


def test_everyday_word_is_not_listed_as_a_place():
    """``rasd geocode`` lists no place named وتكبيد or صهاريج."""
    for text in ("سيطرت القوات على عدة مناطق وتكبيد الميليشيات خسائر قرب مطار الحديدة",
                 "وفي منطقة صهاريج رأس لانوف اندلع حريق كبير"):
        assert not {"وتكبيد", "صهاريج"} & {p["text"] for p in explain(text)["places"]}
