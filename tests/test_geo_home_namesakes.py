"""A town at home whose namesake abroad is better known (issue 13, places in the wrong country): صيدا of Daraa is no
Sidon in a story from southern Syria, وادي اليرموك is the Yarmouk valley of Daraa, not the Yarmouk camp of Damascus;
the better-known places stay where the story puts them. Sentences written for rasd; each row gives the place(s) an
event told at the start of the text is coded at (``country|admin1|location|geo_precision``, ``;`` between places).
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, sentence_places
from geo_table import parse_places, places_found  # "country|admin1|location|precision; ..."

CASES: list[tuple[str, str]] = [
    ("قصفت الطائرات الحربية السورية تجمعات للمسلحين في منطقة صيدا بريف درعا الشرقي", "Syria|Daraa|Saida|1"),
    ("سيطرت القوات الحكومية السورية على بلدة صيدا شرقَ مدينة درعا", "Syria|Daraa|Saida|1"),
    ("قصفت طائرات روسية مواقع تنظيم الدولة على أطراف وادي اليرموك في سوريا", "Syria|Daraa|Yarmouk Basin|2"),
    # the namesakes keep their own stories
    ("اندلعت اشتباكات في مدينة صيدا جنوب لبنان بين مسلحين", "Lebanon|South Governorate|Sidon|1"),
    ("تظاهر المئات في صيدا وصور والنبطية احتجاجا على الأوضاع المعيشية في لبنان",
     "Lebanon|South Governorate|Sidon|1; Lebanon|South Governorate|Tyre|1; Lebanon|Nabatiye|Nabatiye|3"),
    ("اشتبك مسلحون مع قوات النظام في مخيم اليرموك جنوب دمشق", "Syria|Dimashq|Yarmouk Camp|1"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_home_namesake(case):
    text, expected = case
    assert places_found(text) == parse_places(expected), explain(text)["places"]


def test_saida_of_daraa_is_in_the_daraa_district():
    places = sentence_places("سيطرت القوات السورية على بلدة صيدا شرق مدينة درعا")
    assert [(p.place.admin2, p.place.population > 0) for p in places] == [("Daraa", True)]
