"""Places of issue 13's eighth round (sentences written for rasd): the neighbourhoods of Damascus (a district of
the capital, in Dimashq, not a village of Rif Dimashq), refugee camps and military sites the news names by their
own names (مخيم عايدة، مخيم شاتيلا، مطار أتاتورك، مطار الضمير العسكري), and the countryside of a capital whose
first-level division is the city alone (ريف دمشق، ريف العاصمة السورية، ريف صنعاء): that is the governorate
around it (Rif Dimashq, Sanaa), not the capital's.

Each row: a sentence and the place an event told in it is coded at, as ``country|admin1|admin2|location`` (admin2 ``-`` for none),
``;`` between places.
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, sentence_places

CASES: list[tuple[str, str]] = [
    # the neighbourhoods of Damascus, with clitics, diacritics, tatweel and Eastern Arabic digits
    ('سقطت ٣ قذائف هاون على حي جوبر شرقي العاصمة السورية',
     'Syria|Dimashq|Mintaqat Dimashq|Jobar'),
    ('وقُتل مدنيان بقذائف سقطت على حيّ المزة في دمشق',
     'Syria|Dimashq|Mintaqat Dimashq|Mezzeh'),
    ('استهدفت الضربات مركز البحوث العلمية في برزة بدمشق',
     'Syria|Dimashq|Mintaqat Dimashq|Barzeh'),
    ('وسيطر التنظيم على حـــي القدم جنوب دمشق',
     'Syria|Dimashq|Mintaqat Dimashq|Al-Qadam'),
    ('اندلعت اشتباكات عنيفة في حي التضامن جنوبي دمشق',
     'Syria|Dimashq|Mintaqat Dimashq|Tadamon'),
    ('وانفجرت سيارة مفخخة قرب دوار كفرسوسة في العاصمة دمشق',
     'Syria|Dimashq|Mintaqat Dimashq|Kafr Sousa'),
    # the words these neighbourhoods are named by, said as words: no place but the capital
    ('أكد الوزير التضامن مع الشعب السوري خلال زيارته دمشق', 'Syria|Dimashq|Mintaqat Dimashq|Damascus'),
    ('أصيب لاعب كرة القدم في انفجار بدمشق', 'Syria|Dimashq|Mintaqat Dimashq|Damascus'),
    # refugee camps by their own names
    ('اقتحمت قوات الاحتلال مخيم عايدة شمال بيت لحم واعتقلت شابين',
     'Palestine|West Bank|Bethlehem|Aida Camp'),
    ('أصيب ثلاثة شبان برصاص الجيش الإسرائيلي في مخيم الفوّار جنوب الخليل',
     'Palestine|West Bank|Al Khalil|Al Fawwar Camp'),
    ('وشهد مخيم الدهيشة مواجهات مع قوات الاحتلال', 'Palestine|West Bank|Bethlehem|Dheisheh Camp'),
    ('اعتقلت الشرطة ناشطاً خلال مداهمة في مخيم شاتيلا جنوب بيروت', 'Lebanon|Beyrouth|-|Shatila Camp'),
    # airports and camps of the armed forces
    ('قتل 41 شخصاً في هجوم انتحاري على مطار أتاتورك',
     'Turkey|Istanbul|Bakirkoy|Istanbul Atatürk Airport'),
    ('وقصفت الطائرات الإسرائيلية مطار الضمير العسكري بريف دمشق',
     'Syria|Rif-dimashq|Douma|Dumayr Military Airport'),
    ('وسيطرت قوات الحماية الرئاسية على معسكر بدر في مدينة عدن',
     'Yemen|Aden|Khur Maksar|Badr Camp'),
    # the countryside of the capital is the governorate around it
    ('قُتل ثلاثة في قصف على بلدة ببيلا في ريف العاصمة السورية',
     'Syria|Rif-dimashq|Markaz Rif Dimashq|Babila'),
    ('وتصدّت الدفاعات الجوية لصواريخ في ريف دمشق الغربي', 'Syria|Rif-dimashq|-|Rif-dimashq'),
    ('شنّت طائرات التحالف غارات على مواقع للحوثيين في ريف العاصمة صنعاء', 'Yemen|Sanaa|-|Sanaa'),
    ('وتدور اشتباكات منذ الصباح في ريف صنعاء الشرقي', 'Yemen|Sanaa|-|Sanaa'),
    # the capital itself stays the capital
    ('قُتل خمسة مدنيين في سقوط قذائف على دمشق', 'Syria|Dimashq|Mintaqat Dimashq|Damascus'),
    ('انفجرت عبوة ناسفة في العاصمة صنعاء', 'Yemen|Amanat Alasimah|-|Amanat Alasimah'),
]


def _parse(expected: str) -> list[tuple[str, str, str | None, str]]:
    out = []
    for part in filter(None, (p.strip() for p in expected.split(";"))):
        country, admin1, admin2, location = part.split("|")
        out.append((country, admin1, None if admin2 == "-" else admin2, location))
    return out


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_places_of_capitals_and_camps(case):
    text, expected = case
    got = [(p.place.country, p.place.admin1, p.place.admin2, p.place.name) for p in sentence_places(text)]
    assert got == _parse(expected), explain(text)["places"]


def test_countryside_of_capital_is_a_governorate():
    """ريف دمشق and ريف العاصمة السورية are one first-level division (precision 3), never the city of Damascus."""
    for text in ('قصفت الطائرات مواقع في ريف العاصمة دمشق', 'اشتباكات في ريف العاصمة السورية'):
        (place,) = sentence_places(text)
        assert (place.place.admin1, place.place.feature, place.precision) == ("Rif-dimashq", "ADM1", 3), \
            explain(text)["places"]


def _event_places(text: str) -> list[tuple[str, str]]:
    from rasd.pipeline import process
    result = process({"id": "t", "text": text, "source": "test", "published": "2018-04-07"})
    return [(e["admin1"], e["location"]) if isinstance(e, dict) else (e.admin1, e.location) for e in result.events]


def test_frequent_word_town_named_with_a_cue_elsewhere():
    """دوما is also the word "always": named bare after a verb it is Douma only where the article names Douma with a
    place cue (مدينة دوما، في دوما) elsewhere; alone it stays a word."""
    from rasd.geo import geocode
    alone = "وتعرّضت دوما الخاضعة لسيطرة المعارضة لغاراتٍ جديدة السبت."
    assert [p.text for p in geocode(alone)] == []
    story = "قصفت الطائرات الحربية مدينة دوما في الغوطة الشرقية. " + alone
    found = [(p.text, p.place.admin1, p.place.name) for p in geocode(story)]
    assert found.count(("دوما", "Rif-dimashq", "Duma")) == 2, found
    # abroad no such reading: a company's name is no town (كامبريدج أناليتيكا)
    firm = "زار الوزير مدينة كامبريدج. وقالت شركة كامبريدج أناليتيكا إنها لم تخالف القانون."
    assert [p.text for p in geocode(firm)].count("كامبريدج") == 1


def test_the_city_near_the_capital_is_the_story_town():
    """"على المدينة الواقعة قرب دمشق": Damascus places the city the story is about (Douma): the event is there."""
    text = ("قصفت الطائرات الحربية مدينة دوما في الغوطة الشرقية مساء الجمعة. "
            "وقُتل خمسة مدنيين في غارات جوية جديدة السبت على المدينة الواقعة قرب دمشق.")
    places = _event_places(text)
    assert places and all(p == ("Rif-dimashq", "Duma") for p in places), places
    # a town named near the capital with its own name stays the event's place
    assert _event_places("قُتل ثلاثة مدنيين في غارة جوية على بلدة ببيلا قرب دمشق.") == [("Rif-dimashq", "Babila")]
