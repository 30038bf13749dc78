"""Issue 13, "a place needs evidence" and the wrong-country share: places that are no place of the event.

* where a missile, a shell or an aircraft came from (relation ``origin``): a place that places an origin phrase's
  unnamed base ("انطلقت من قاعدة ... في ولاية ديار بكر"), and "من X ... باتجاه/نحو/إلى Y" after a projectile or a flight;
* a destination named by a fixed phrase ("نقل السفارة الأمريكية إلى القدس") and a broadcaster's seat ("تبث من");
* a frequent word whose reading without its proclitic is not frequent ("لمدة وجيزة" is no و + جيزة);
* a name after a title and a nationality ("الرئيس الروسي فلاديمير بوتين");
* names that are also everyday phrases, flagged in ``ambiguous.tsv`` ("الأمانة العامة"، "الحدود الشمالية الغربية"), and a
  very frequent word abroad without its country or governorate named with it ("مناطق الساحل الغربي");
* a place abroad placed right after in a district at home ("منطقة الطائف في مديرية الدريهمي"): a namesake the
  gazetteer lacks.

Sentences written for rasd (clitics, diacritics, tatweel, Eastern Arabic digits); each row gives the place(s) an
event told at the start of the text is coded at (``country|admin1|location|geo_precision``, ``;`` between places;
nothing for none).
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, geocode
from geo_table import parse_places, places_found  # "country|admin1|location|precision; ..."

CASES: list[tuple[str, str]] = [
    # -- the origin of an aircraft: the province that places its base ----------------------------------------------
    ("قصفت مقاتلات تركية مواقع في ريف حلب الشمالي بطائرات انطلقت من قاعدة القيادة الجوية الثامنة في ولاية ديار بكر",
     "Syria|Aleppo|Aleppo|2"),
    ("شنت طائرات غارات على مدينة الرقة، انطلقت من قاعدة جوية بمحافظة الأنبار", "Syria|Ar-Raqqah|Ar Raqqah|1"),
    ("أقلعت طائرات حربية انطلقت من قاعدة عسكرية في ولاية ديار بكر", ""),
    # ... not past a target or another clause
    ("انطلقت الطائرات من قاعدة جوية وقصفت مواقع في ريف إدلب", "Syria|Idlib|Idlib|2"),
    ("سقط صاروخ أُطلق من اليمن على مبنى سكني في مدينة نجران", "Saudi Arabia|Najran|Najran|1"),
    ("وانطلقـت الطائرات من قاعدة سرية بولاية ديار بكر", ""),
    # -- "from X towards Y" after a projectile or a flight ---------------------------------------------------------------
    ("رصدت الدفاعات الجوية الصواريخ من محافظة صعدة باتجاه أراضي المملكة", ""),
    ("رصدت الدفاعات الجوية الصواريخ من محافظة صعدة وشمال محافظة عمران باتجاه المملكة", ""),
    ("رصدت الدفاعات إطلاق صاروخ باليستي من داخل الأراضي اليمنية (محافظة صعدة) باتجاه أراضي المملكة", ""),
    ("قُتل ٣ مدنيين بقذائف أطلقتها الميليشيات من مدينة الحديدة نحو مديرية التحيتا", ""),
    ("أُطلقت ٢٠٠ قذيفة من قطاع غزة باتجاه إسرائيل", ""),
    ("خُطفت طائرة كانت في رحلة من الإسكندرية إلى القاهرة", ""),
    # ... not without a projectile, nor a place introduced by في after another preposition
    ("انسحب المسلحون من مدينة الموصل باتجاه تلعفر", "Iraq|Nineveh|Mosul|1"),
    ("سقط صاروخ على مدينة الموصل في محافظة نينوى", "Iraq|Nineveh|Mosul|1"),
    ("نزح آلاف المدنيين من الرقة نحو مخيمات الحسكة", "Syria|Ar-Raqqah|Ar Raqqah|1"),
    # -- a destination, a broadcaster's seat ------------------------------------------------------------------------
    ("قُتل ٦٠ فلسطينيًا في غزة تزامنًا مع نقل السفارة الأميركية إلى القدس", "Palestine|Gaza Strip|Gaza Strip|3"),
    ("تظاهر المئات في القدس احتجاجا على نقل السفارة الأمريكية إلى القدس", "Israel|Jerusalem District|Jerusalem|1"),
    ("بثت قناة تبث من الدوحة صور اعتراض الصواريخ", ""),
    ("تظاهر العشرات في الدوحة", "Qatar|Ad Dawhah|Doha|1"),
    # -- a word with its proclitic -------------------------------------------------------------------------------------
    ("قُتل فلسطيني عبر إلى الأراضي الإسرائيلية لمدةٍ وجيزة", ""),
    ("وبعد فترة وجيـزة تظاهر المئات في الجيزة", "Egypt|Giza|Giza|1"),
    ("قُتل شخصان في تفجير ببغداد ودمشق", "Iraq|Baghdad|Baghdad|1"),
    # -- a person's name after a title and a nationality ----------------------------------------------------------------
    ("قال الرئيس الروسي فلاديمير بوتين إن الهجوم في سالزبري مدبر", "United Kingdom|England|Salisbury|1"),
    ("وقع انفجار في مدينة فلاديمير الروسية", "Russia|Vladimirskaya oblast'|Vladimir|1"),
    # -- a namesake abroad placed by a district at home; a very frequent word abroad ---------------------------------
    ("سيطرت قوات العمالقة على مواقع شمالي منطقة الطائف في مديرية الدريهمي جنوبي مدينة الحديدة اليمنية",
     "Yemen|Al Hudaydah|Al-Ta'if|2"),
    ("سقط صاروخ على مدينة الطائف في منطقة مكة", "Saudi Arabia|Makkah|Ta'if|1"),
    ("تقدمت القوات للسيطرة على ما تبقى من مناطق الساحل الغربي في اليمن", ""),
    ("قُتل ٣ في استهداف لمعسكر قرب مدينة الطبقة", "Syria|Ar-Raqqah|Al-Tabqa|2"),
    ("قُتل ٤ في قرية الساحل المصرية", "Egypt|Asyut|As Sahil|1"),
    # -- everyday phrases -----------------------------------------------------------------------------------------------
    ("أدانت الأمانة العامة للجامعة العربية الهجوم على مدينة مأرب", "Yemen|Ma'rib|Ma'rib|1"),
    ("سقط صاروخ في منطقة الحدود الشمالية بالسعودية", "Saudi Arabia|Northern Borders|Northern Borders|3"),
    ("فتحت القوات الهندية النار على قطاع باجوات بإقليم البنجاب المتاخم للحدود الشمالية الغربية الهندية",
     "Pakistan|Punjab|Punjab|3"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_no_place_of_the_event_elsewhere(case):
    text, expected = case
    assert places_found(text) == parse_places(expected), explain(text)["places"]


def test_origin_is_marked_not_dropped():
    """The origin is still a place of the text (``rasd geocode`` lists it), with the relation that keeps events off it;
    the destination of a flight after "من X إلى" is marked as such."""
    places = {p.text: p.relation for p in geocode("كانت الطائرة في رحلة من الإسكندرية إلى القاهرة")}
    assert places == {"الإسكندرية": "origin", "القاهرة": "toward"}
    places = {p.text: p.relation for p in geocode("وانطلقت المقاتلات من قاعدة جوية في ولاية ديار بكر")}
    assert places == {"ديار بكر": "origin"}


def test_secretariat_and_borders_are_not_listed():
    for text in ("أدانت الأمانة العامة لمنظمة التعاون الإسلامي الهجوم", "المتاخم للحدود الشمالية الغربية الهندية",
                 "عبروا إلى الأراضي الإسرائيلية لمدة وجيزة"):
        assert not [p for p in geocode(text) if p.place.feature != "PCLI"], explain(text)["places"]


def test_very_frequent_word_abroad_needs_its_country_nearby():
    """In a story from Yemen that names Egypt two sentences before, "مناطق الساحل الغربي" is the west coast, not As
    Sahil (Egypt); the same word with its country named with it is still the village."""
    text = ("أعلنت مصر دعمها للتحالف في اليمن. وقال المتحدث إن المعارك مستمرة منذ أسابيع في محافظة الحديدة. "
            "وتقدّمت القوات اليمنية للسيطرة على ما تبقى من مناطق الساحل الغربي.")
    assert "Egypt" not in {p.place.country for p in geocode(text) if p.place.feature != "PCLI"}, explain(text)["places"]
    assert [p.place.name for p in geocode("قُتل ٤ في قرية الساحل المصرية")] == ["As Sahil"]
