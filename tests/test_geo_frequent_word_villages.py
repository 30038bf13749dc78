"""A village whose name is also a frequent Arabic word (issue 13, the "name not recognised" class of train's location
errors): between a singular village, town or area word and a compass or governorate word ("منطقة المخدرة شمال
مأرب"، "قرية الفلاحين شمال مدينة عدن") or after a front word with such a qualifier ("جبهة حام بمديرية المتون"), the
word is the village's name, transliterated and placed by the known place named with it, as the unknown villages
are. Not an adjective ("منطقة واسعة"، "جبهة جديدة"، "المنطقة العسكرية"), a definite compass adjective ("جبهة
الساحل الغربي"), an armed group's name ("جبهة النصرة"), a common noun of places ("منطقة السوق") or a word with no
qualifier after it. Sentences written for rasd (no text of the evaluation sets)."""
from __future__ import annotations

import pytest

from rasd.geo import geocode


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(p.place.country, p.place.admin1, p.place.name) for p in geocode(text)]


@pytest.mark.parametrize("text,name,expected", [
    # a front and a district word (Al Jawf)
    ("استهدفت مقاتلات التحالف دبابة في جبهة حام بمديرية المتون", "حام", ("Yemen", "Al Jawf", "Ham")),
    # the front word with its preposition, the governorate named after the district
    ("تجددت المواجهات بجبهة حام بمديرية المتون في محافظة الجوف", "حام", ("Yemen", "Al Jawf", "Ham")),
    # an area word and a compass word (Ma'rib)
    ("سيطرت المقاومة على منطقة المخدرة شمال مأرب", "المخدرة", ("Yemen", "Ma'rib", "Al-Makhdarah")),
    # the area word with و + ب, the governorate word as the qualifier; Eastern Arabic digits in the toll
    ("وبمنطقة المخدرة بمحافظة مأرب قتل ٧ مسلحين", "المخدرة", ("Yemen", "Ma'rib", "Al-Makhdarah")),
    # a village word, diacritics on the verb, Eastern Arabic digits (Aden)
    ("قُتل ٣ مدنيين في قرية الفلاحين شمال مدينة عدن", "الفلاحين", ("Yemen", "Aden", "Al-Falahin")),
    # tatweel inside the name, a district word after the compass word (Hajjah)
    ("وقصفت الميليشيات منطقة الكتـف غرب مديرية ميدي", "الكتـف", ("Yemen", "Hajjah", "Al-Katf")),
    # a town word (Al Hudaydah)
    ("تقدمت القوات في بلدة الحسينية جنوب الحديدة", "الحسينية", ("Yemen", "Al Hudaydah", "Al-Husayniyah")),
    # Syria: case endings on the type word and the name, a compass word with its ي
    ("وفي منطقةِ البستانِ شرقي درعا اندلعت اشتباكات", "البستانِ", ("Syria", "Daraa", "Al-Bastan")),
])
def test_a_frequent_word_between_a_type_word_and_a_qualifier_is_a_village(text, name, expected):
    place = next(p for p in geocode(text) if p.text == name)
    assert (place.place.country, place.place.admin1, place.place.name) == expected
    assert place.precision == 2 and place.note  # transliterated, at the coordinates of the place that places it


@pytest.mark.parametrize("text,word,expected", [
    # an indefinite adjective after an indefinite area word
    ("اندلعت اشتباكات في منطقة واسعة شمال مأرب", "واسعة", [("Yemen", "Ma'rib", "Ma'rib")]),
    # an adjective after a front word
    ("فتحت القوات جبهة جديدة غرب تعز", "جديدة", [("Yemen", "Ta'izz", "Taiz")]),
    # the definite compass word is the coast's adjective: the West Coast front, no village "the coast"
    ("تدور المعارك في جبهة الساحل الغربي قرب الحديدة", "الساحل", [("Yemen", "Al Hudaydah", "Al Hudaydah")]),
    # an armed group's name after جبهة
    ("هاجم مسلحو جبهة النصرة شمال حماة", "النصرة", [("Syria", "Hama", "Hamah")]),
    # the noun and its adjective, both definite: the military region
    ("انتشرت القوات في المنطقة العسكرية شمال مأرب", "العسكرية", [("Yemen", "Ma'rib", "Ma'rib")]),
    # a common noun of places: the market
    ("تجمع المحتجون في منطقة السوق شرق مدينة تعز", "السوق", [("Yemen", "Ta'izz", "Taiz")]),
    # the border
    ("انسحبت القوات من منطقة الحدود شمال صعدة", "الحدود", [("Yemen", "Sa'dah", "Sa'dah")]),
])
def test_no_village_for_an_adjective_a_group_or_a_common_noun(text, word, expected):
    assert not any(p.text == word for p in geocode(text))
    assert _found(text) == expected


def test_no_village_without_a_qualifier_after_the_word():
    # "منطقة الكتف" with nothing that places it: the frequent word stays a word
    text = "قتل اثنان في منطقة الكتف الاستراتيجية في مديرية ميدي"
    assert not any(p.text == "الكتف" for p in geocode(text))
    assert ("Yemen", "Hajjah", "Midi") in _found(text)
