"""Issue 13, events placed in the wrong governorate (admin14): a place *near* a capital whose own first-level
division is the city alone (Damascus: Dimashq; Sanaa: Amanat al Asimah) lies outside the city, in the governorate
around it (Rif Dimashq, Sanaa), as its countryside does: "الغوطة الشرقية قرب دمشق"، "بلدة قرب العاصمة السورية"،
"على بعد 15 كلم من صنعاء". Where the sentence also names a town of that governorate, the town is where.
A capital named as the place itself, a neighbourhood of it, a direction inside it, and the capitals whose
governorate holds their surroundings (Baghdad) are left as they were.

Sentences written for rasd, with clitics, diacritics, tatweel and Eastern Arabic digits. Each row: a sentence and
the places an event told in it is coded at, as ``admin1|location|precision``, ``;`` between places.
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, sentence_places

CASES: list[tuple[str, str]] = [
    # near the capital, no other place: the governorate around it, at governorate precision
    ('وافق المسلحون على تسليم البلدة التي كانت تحت سيطرتهم قرب دمشق', 'Rif-dimashq|Rif-dimashq|3'),
    ('قُتل خمسة مدنيين في انفجار سيارة مفخخة بالقرب من العاصمة دمشق', 'Rif-dimashq|Rif-dimashq|3'),
    ('وشنّت الطائرات غارات على مواقع للمعارضة قربَ دمشـــق', 'Rif-dimashq|Rif-dimashq|3'),
    ('وقصفت قوات النظام آخر جيب للمعارضة قرب العاصمة السورية', 'Rif-dimashq|Rif-dimashq|3'),
    ('وبالقرب من دمشق قُتل جنديان في كمين', 'Rif-dimashq|Rif-dimashq|3'),
    ('وانفجرت عبوة ناسفة على بُعد ١٥ كيلومترا من صنعاء', 'Sanaa|Sanaa|3'),
    ('اندلعت اشتباكات عنيفة بالقرب من العاصمة صنعاء', 'Sanaa|Sanaa|3'),
    # a town of that governorate named with it is where
    ('وقُتل مدنيان في قصفٍ على مدينة دوما قرب دمشق', 'Rif-dimashq|Duma|1'),
    ('قصفٌ على حرستا ودوما قرب دمشق', 'Rif-dimashq|Harasta|1;Rif-dimashq|Duma|1'),
    # the capital itself, a neighbourhood of it, a direction inside it: unchanged
    ('قُتل خمسة مدنيين في سقوط ٣ قذائف على دمشق', 'Dimashq|Damascus|1'),
    ('وانفجرت سيارة مفخخة قرب دوار كفرسوسة في العاصمة دمشق', 'Dimashq|Kafr Sousa|1'),
    ('وسيطر التنظيم على حـــي القدم جنوب دمشق', 'Dimashq|Al-Qadam|1'),
    ('انفجرت عبوة ناسفة في العاصمة صنعاء', 'Amanat Alasimah|Amanat Alasimah|3'),
    # Baghdad's governorate holds its surroundings: near Baghdad stays in Baghdad
    ('قُتل ثلاثة في انفجار عبوة ناسفة قرب بغداد', 'Baghdad|Baghdad|2'),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_place_near_a_capital(text: str, expected: str) -> None:
    got = [f"{p.place.admin1}|{p.place.name}|{p.precision}" for p in sentence_places(text)]
    assert got == expected.split(";"), explain(text)["places"]


def test_near_capital_says_why() -> None:
    """The reason names the governorate the surroundings of the capital are in, for the record's evidence."""
    (place,) = sentence_places('سقطت قذائف على بلدة قرب دمشق')
    assert place.relation == "near" and place.place.feature == "ADM1"
    assert "surroundings of the capital is Rif-dimashq" in place.reason


def test_event_near_capital_is_in_the_governorate_around_it() -> None:
    """Through the whole pipeline: the event's admin1 is the governorate around the capital."""
    from rasd.pipeline import process
    result = process({"id": "t", "text": 'قُتل خمسة مدنيين في انفجار سيارة مفخخة بالقرب من العاصمة دمشق',
                      "source": "test", "published": "2018-04-07"})
    admin1s = {e["admin1"] if isinstance(e, dict) else e.admin1 for e in result.events}
    assert admin1s == {"Rif-dimashq"}

