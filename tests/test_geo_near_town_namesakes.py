"""A namesake placed by the town it is said to be near (issue 13, places in the wrong country): "بلدة صيدا شرق مدينة
درعا" with no country cue is Saida of Daraa, not Sidon of Lebanon; "المنصورة غرب الرقة" is the Raqqa village, not
Mansoura of Egypt. The reference town's country (a town whose country leaves no doubt) outweighs the namesake's own
country, and the namesake in that town's country and governorate is chosen (``rasd.geo.anchor_namesakes``). The
namesakes keep their own stories where the reference town is theirs (صيدا جنوب بيروت، طرابلس غرب ليبيا). Sentences
written for rasd; each row gives the place an event told at the start of the text is coded at
(``country|admin1|location|geo_precision``).
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, geocode
from geo_table import parse_places, places_found  # "country|admin1|location|precision; ..."

CASES: list[tuple[str, str]] = [
    # the namesake by a town of another country than its best-known namesake's
    ("قُتل ثلاثة مدنيين في قصف على بلدة صيدا شرق مدينة درعا", "Syria|Daraa|Saida|1"),
    ("قُتل ٣ أشخاص بقصف مدفعي على بلدة صيدا بريف درعا", "Syria|Daraa|Saida|1"),
    ("استهدف القصف بلدةَ صيدا الواقعة في ريف درعا الشرقي", "Syria|Daraa|Saida|1"),
    ("اقتحمت قوات النظام قرية صيدا القريبة من مدينة درعا", "Syria|Daraa|Saida|1"),
    ("قصفت الطائرات بلدة المنصورة غرب مدينة الرقة", "Syria|Ar-Raqqah|Al Mansurah|1"),
    ("دارت اشتباكات في بلدة الجيزة شرق مدينة درعا", "Syria|Daraa|Al Jizah|1"),
    ("أُصيب شاب برصاص المستوطنين في قرية المغيّر شمال شرق رام الله", "Palestine|West Bank|Al Mughayyir|1"),
    ("قتل جنديان في هجوم على بلدة القصير جنوب غرب حمص", "Syria|Homs|Al Qusayr|1"),
    # the best-known namesake by a town of its own country
    ("اعتُقل شاب في مدينة صيدا جنوب بيروت", "Lebanon|South Governorate|Sidon|1"),
    ("اندلعت اشتباكات في مدينة طرابلس شمال بيروت", "Lebanon|Liban-Nord|Tripoli|1"),
    ("انفجرت سيارة مفخخة في مدينة طرابلس شمالي لبنان", "Lebanon|Liban-Nord|Tripoli|1"),
    ("اندلعت اشتباكات عنيفة في طرابلس غرب ليبيا", "Libya|Tripoli|Tripoli|1"),
    ("تظاهر الآلاف في مدينة المنصـــورة شمال القاهرة", "Egypt|Dakahlia|Al Mansurah|1"),
    ("سقط صاروخ على مدينة صيدا", "Lebanon|South Governorate|Sidon|1"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_namesake_by_the_town_it_is_near(case):
    text, expected = case
    assert places_found(text) == parse_places(expected), explain(text)["places"]


def test_the_reference_town_decides_the_article_country():
    # no country cue but the two names: صيدا must not speak for Lebanon
    got = explain("قُتل ثلاثة مدنيين في قصف على بلدة صيدا شرق مدينة درعا")
    assert got["country"] == "Syria"
    assert [(p["text"], p["place"]["country"]) for p in got["places"]] == [("صيدا", "Syria"), ("درعا", "Syria")]
    assert "namesake by the town that places it" in got["places"][0]["reason"]


def test_the_near_town_wins_in_an_article_about_another_country():
    text = ("قال رئيس الحكومة اللبنانية في بيروت إن لبنان يستضيف مئات آلاف اللاجئين. وفي سوريا قصفت قوات النظام "
            "بلدة صيدا شرق مدينة درعا وقتلت خمسة مدنيين.")
    saida = [p for p in geocode(text) if p.text == "صيدا"]
    assert [(p.place.country, p.place.admin1) for p in saida] == [("Syria", "Daraa")]


def test_an_ambiguous_reference_places_nothing():
    # طرابلس is in Lebanon and in Libya: it cannot say which الزاوية is meant, so the usual rules decide
    got = explain("اشتباكات عنيفة في مدينة الزاوية غرب العاصمة طرابلس")
    assert all("namesake by the town" not in p["reason"] for p in got["places"])


def test_a_list_is_no_reference():
    # "والحوطة ومحيط قاعدة العند": the base closes a list, it does not place the town before it
    got = explain("اشتبكت المقاومة مع المتمردين في عدن والحوطة ومحيط قاعدة العند")
    assert [p["place"]["country"] for p in got["places"]] == ["Yemen"] * 3
    assert all("namesake by the town" not in p["reason"] for p in got["places"])
