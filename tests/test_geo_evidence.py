"""A place needs evidence: everyday words, capitals that speak for their governments, launch sites and places
of countries the article never speaks of. Sentences written for rasd; each row gives the place(s) an event
told at the start of the text is coded at (``country|admin1|location``, ``;`` between places), or none.

The whole text is geocoded as one article (as the pipeline does); the event's place is read with
``places_for`` and the trigger at the text's start.
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, sentence_places

CASES: list[tuple[str, str]] = [
    # -- everyday words that are also towns abroad -----------------------------------------------------------
    ("خرجت مظاهرات سلمية في بوخارست ومدن رومانية أخرى احتجاجا على الفساد", "Romania|Bucuresti|Bucharest"),
    ("تحولت الاحتجاجات السلمية إلى أعمال شغب في العاصمة المجرية", "Hungary|Budapest|Budapest"),  # no Salamiyah; the capital by its adjective
    ("أجلت إسرائيل عناصر من الخوذ البيضاء من جنوب سوريا عبر الجولان", ""),
    ("أعرب الرئيس عن أمله في وقف إطلاق النار في عفرين السورية", "Syria|Aleppo|`Afrin"),
    ("قتل ثلاثة مدنيين في غارة جوية على بلدة كفرنبل في ريف إدلب", "Syria|Idlib|Kafranbel"),
    ("ندد المتظاهرون بقرار منع مواطني بلدان إسلامية من دخول الولايات المتحدة", ""),
    ("رحبت الحكومة بمشاركة القوات البوركينية في قتال المسلحين قرب الحدود مع مالي", ""),
    ("اعترضت منظومة القبة الحديدة صاروخا أطلق من قطاع غزة على بلدة سديروت", ""),
    ("أسقطت الدفاعات السورية بالخطأ طائرة إيل-20 الروسية قبالة اللاذقية", "Syria|Latakia|Latakia"),
    ("أطلقت الصواريخ من سفن حربية أمريكية في البحر الأحمر على مواقع قرب دمشق",
     "Syria|Dimashq|Damascus"),
    ("ذكرت وكالة فرانس برس أن انفجارا هز مدينة كويتا الباكستانية", "Pakistan|Balochistan|Quetta"),
    ("خرجت مظاهرات سلمية في ريف حماة ضد قوات النظام", "Syria|Hama|Hamah"),
    # -- at home the same words are places when a cue says so -----------------------------------------------
    ("اشتباكات عنيفة في محافظة البيضاء وسط اليمن بين الحوثيين والقوات الحكومية", "Yemen|Al Bayda|Al Bayda"),
    ("قتل خمسة من عناصر الأمن في هجوم على حاجز في مدينة السلمية بريف حماة الشرقي",
     "Syria|Hama|As Salamiyah"),
    ("سيطرت القوات الحكومية على مدينة الحديدة اليمنية بعد معارك عنيفة", "Yemen|Al Hudaydah|Al Hudaydah"),
    ("قصفت طائرات التحالف مواقع للحوثيين في الحديدة غرب اليمن", "Yemen|Al Hudaydah|Al Hudaydah"),
    # -- a capital that speaks or acts for its government is no place ------------------------------------------
    ("قالت القوات الكردية إن المنطقة التي تدعي أنقرة السيطرة عليها في عفرين لا تزال ساحة قتال",
     "Syria|Aleppo|`Afrin"),
    ("تصنف أنقرة الوحدات الكردية منظمة إرهابية وتواصل قصف مواقعها في منبج السورية", "Syria|Aleppo|Manbij"),
    ("قال الوزير إن أنقرة وبغداد ستشنان عملية مشتركة ضد المسلحين", ""),
    ("عرض المتحدث صاروخا إيرانيا هربته طهران إلى الحوثيين", ""),
    ("أكد التحالف الذي تقوده الرياض مقتل ثمانية مسلحين في صعدة باليمن", "Yemen|Sa'dah|Sa'dah"),
    ("تسعى إسرائيل لكبح برنامج طهران النووي وتقصف مواقع إيرانية في سوريا", ""),
    ("شنت حكومة دمشق هجوما على مدينة دوما في الغوطة الشرقية", "Syria|Rif-dimashq|Duma"),
    ("انفجار عنيف يهز وسط أنقرة ويقتل عددا من المارة", "Turkey|Ankara|Ankara"),
    ("قتل شرطيان في تفجير في طهران", "Iran|Tehran|Tehran"),
    # -- a launch site is not where the attack happened -------------------------------------------------------
    ("اعترضت الدفاعات السعودية صاروخا باليستيا أطلقه الحوثيون من صعدة باتجاه جازان", ""),
    ("أسقطت الدفاعات الجوية السعودية طائرة مسيرة قادمة من اليمن فوق نجران", "Saudi Arabia|Najran|Najran"),
    ("وأوضح المتحدث أن الصاروخ أطلق من مدينة صعدة", ""),
    # -- a place the sentence puts at home is not a homonym abroad ---------------------------------------------
    ("سيطرت القوات على جبال الرصيفة في مديرية كتاف بمحافظة صعدة اليمنية", "Yemen|Sa'dah|Jibal Al-Rusayfah"),
]


def _parse(expected: str) -> list[tuple[str, str, str]]:
    return [tuple(p.strip().split("|")) for p in expected.split(";") if p.strip()]  # type: ignore[misc]


def _event_places(text: str) -> list[tuple[str, str, str]]:
    return [(p.place.country, p.place.admin1, p.place.name) for p in sentence_places(text)]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_place_needs_evidence(case):
    text, expected = case
    got = _event_places(text)
    assert got == _parse(expected), explain(text)["places"]


def test_rejections_say_why():
    """``rasd geocode`` shows each name it did not take as a place, and why, for the analyst."""
    got = explain("خرجت مظاهرات سلمية في العاصمة الرومانية وقالت أنقرة إنها تتابع")
    assert not got["places"]
    why = {r["text"]: r["reason"] for r in got["rejected"]}
    assert "frequent word" in why["سلمية"] and "government" in why["أنقرة"]


def test_capital_in_a_dateline_is_a_place():
    got = explain("طهران - قتل شرطيان في هجوم مسلح على مركز أمني جنوب البلاد")
    assert [p["place"]["name"] for p in got["places"]][:1] == ["Tehran"]


def test_an_outlets_desk_dateline_is_not_the_story():
    """A dateline whose country nothing else in the article speaks of, while it speaks of another, is the desk."""
    got = explain("دبي، الإمارات العربية المتحدة (CNN)-- خرج آلاف المحتجين إلى شوارع العاصمة عمان ومدن أخرى في "
                  "الأردن رفضا لقانون ضريبة الدخل.")
    assert got["country"] == "Jordan"
    assert not any("dateline" in p["reason"] for p in got["places"])
    assert "Amman" in [p["place"]["name"] for p in got["places"]]
    kept = explain("بغداد - قال مسؤول أمني إن مسلحين هاجموا دورية للشرطة.")
    assert "dateline" in kept["places"][0]["reason"]
