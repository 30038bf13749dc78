"""A toll given for several places of one day together is not split by the text: each place counts 0
(spec section 5), also when the toll and the places are told in different sentences or the toll is told
twice; a count that says it is another ("12 آخرون") and tolls that differ stay with their places. Made-up
articles run through the whole pipeline (Eastern Arabic digits, diacritics)."""
from __future__ import annotations

import pytest

from rasd import pipeline


def tolls(text: str) -> dict[str, int]:
    doc = pipeline.extract({"id": "t", "title": "", "text": text, "published": "2018-07-21", "source": "test"})
    return {e.location: e.fatalities for e in doc.events if e.sub_event_type == "Air/drone strike"}


@pytest.mark.parametrize("text,expected", [
    # one toll told twice, once beside each place: for both together
    ("لقي 26 مدنيا مصرعهم الجمعة في قصف جوي استهدف مدينة نوى بريف درعا. "
     "وأسفرت الغارات على مدينة جاسم عن مقتل 26 مدنيا.", {"Nawa": 0, "Jasim": 0}),
    ("قُتِل ١٢ مدنياً على الأقل الجمعة في غارات جوية على مدينة نوى. وأدت الغارات الجوية على مدينة جاسم "
     "إلى مقتل ١٢ مدنياً.", {"Nawa": 0, "Jasim": 0}),
    # two tolls, the second said to be others: each place its own
    ("قتل 12 مدنيا على الأقل الجمعة في غارات جوية على مدينة نوى في ريف درعا. "
     "وقتل 12 مدنيا آخرون في غارات جوية على مدينة جاسم في ريف درعا.", {"Nawa": 12, "Jasim": 12}),
    ("قُتِل ١٢ مدنياً على الأقل الجمعة في غارات جوية على مدينة نوى. وقُتِل ١٢ مدنياً سورياً آخرين في غارات "
     "جوية على مدينة جاسم.", {"Nawa": 12, "Jasim": 12}),
    # tolls that differ
    ("قتل 5 مدنيين في غارة جوية على مدينة نوى الجمعة. وقتل 7 مدنيين في غارة جوية على مدينة جاسم.",
     {"Nawa": 5, "Jasim": 7}),
])
def test_one_toll_for_several_places(text, expected):
    assert tolls(text) == expected
