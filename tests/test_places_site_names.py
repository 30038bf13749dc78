"""Sites under the name the coders give them (issue 13).

Diagnosed on train only: the T4 air base of Homs was coded "Tiyas Airbase (T4)" by four outlets (BBC, CNN,
Al Arabiya, Al Jazirah), "Tiyas Military Airbase (T4)", "Tiyas (T4) Air Base" or "Tiyas Airbase" by the others, and
never "Tiyas Military Airbase", the name rasd gave it; the refugee camps are "X Camp" as Aida Camp, Al Fawwar Camp
and Badr Camp are (Al-Maghazi Camp); Hodeidah airport is also written مطار مدينة الحديدة. The airport keeps the name
most train events give it (Hodeidah International Airport, three outlets).
"""
from __future__ import annotations

import pytest

from rasd.geo import sentence_places


def _coded(text: str) -> str:
    return ";".join(f"{p.place.admin1}|{p.place.admin2 or '-'}|{p.place.name}" for p in sentence_places(text))


CASES = [
    # the T4 air base under its spellings, with clitics, diacritics, tatweel and Eastern Arabic digits
    ("قصفت طائرات إسرائيلية قاعدة التيفور الجوية شرقي حمص", "Homs|Homs|Tiyas Airbase (T4)"),
    ("قُتل ٧ عسكريين في ضربةٍ صاروخية على مطار التيـــفور العسكري", "Homs|Homs|Tiyas Airbase (T4)"),
    ("سقطت صواريخ بمطار تيفور فجر الاثنين", "Homs|Homs|Tiyas Airbase (T4)"),
    ("أخلت القوات الحكومية التيفور ومطارات أخرى تحسبا لضربة", "Homs|Homs|Tiyas Airbase (T4)"),
    # Al-Maghazi, a camp of the central Gaza Strip, named as the coders name camps
    ("أصيب ٣ شبان برصاص الاحتلال شرق مخيم المغازي وسط القطاع", "Gaza Strip|Deir Al Balah|Al-Maghazi Camp"),
    ("قصفت مدفعية الاحتلال أطراف مخيم المغازي للاجئين", "Gaza Strip|Deir Al Balah|Al-Maghazi Camp"),
    # Hodeidah airport, also as the airport of the city
    ("شنت مقاتلات التحالف غارات على مطار مدينة الحديدة غرب اليمن", "Al Hudaydah|Al Hawak|Hodeidah International Airport"),
    ("اشتدت المعارك في محيط مطار الحديدة الدولي", "Al Hudaydah|Al Hawak|Hodeidah International Airport"),
    # the city itself stays the city; another air base keeps its own name
    ("تظاهر المئات في مدينة الحديدة ضد الحوثيين", "Al Hudaydah|-|Al Hudaydah"),
    ("استهدفت صواريخ مطار الشعيرات العسكري في ريف حمص", "Homs|Homs|Shayrat Airbase"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_site_named_as_coders_name_it(text, expected):
    assert _coded(text) == expected
