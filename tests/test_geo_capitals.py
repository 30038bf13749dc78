"""The capital named by its country's adjective (issue 13): "في العاصمة الأفغانية" is Kabul, as news writes it as
often as by the capital's name; "العاصمة السورية دمشق" is Damascus the city, never the government; an adjective
that is no country's (العاصمة الاقتصادية) names no capital. Sentences written for rasd (clitics, diacritics,
tatweel, Eastern Arabic digits); each row gives the place an event told at the start of the text is coded at
(``country|admin1|location|geo_precision``), or none.
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, geocode, sentence_places
from geo_table import parse_places, places_found  # "country|admin1|location|precision; ..."

CASES: list[tuple[str, str]] = [
    # -- the adjective alone: the capital, a town --------------------------------------------------------------
    ("قُتل ١٢ شخصاً في هجوم انتحاري استهدف وزارة في العاصمة الأفغانية صباح الثلاثاء", "Afghanistan|Kabul|Kabul|1"),
    ("وانفجرت سيارة مفخخة بالعاصمة الأفغانية، ما أدى إلى مقتل 5 أشخاص", "Afghanistan|Kabul|Kabul|1"),
    ("تظاهر الآلاف وسط العاصمة الفرنسية احتجاجا على قانون العمل", "France|Ile-de-France|Paris|1"),
    ("وفي العاصمة البريطانية، دهس رجل عددا من المارة أمام البرلمان", "United Kingdom|England|London|1"),
    ("اعتقلت الشرطة ثلاثة رجال في العاصمة البلجيكية للاشتباه في تخطيطهم لهجوم",
     "Belgium|Bruxelles-Capitale, Region de|Brussels|1"),
    ("اندلعت اشتباكات مسلحة في العاصمة الليبية بين ميليشيات متناحرة", "Libya|Tripoli|Tripoli|1"),
    ("قصفت طائرات التحالف مواقع للحوثيين في العاصمـــة اليمنية", "Yemen|Amanat Alasimah|Sanaa|1"),
    ("تظاهر مئات الطلاب في العاصمة الجزائرية للمطالبة بالإصلاح", "Algeria|Algiers|Algiers|1"),
    ("نفذت الشرطة حملة اعتقالات في العاصمة التركية طالت ٢٠ مشتبها", "Turkey|Ankara|Ankara|1"),
    ("وللعاصمة العراقية نصيب من التفجيرات إذ انفجرت عبوة ناسفة في سوق شعبي", "Iraq|Baghdad|Baghdad|1"),
    ("انفجرت عبوة ناسفة في العاصمة الصومالية قرب مقر الحكومة", "Somalia|Banadir|Mogadishu|1"),
    ("أحرق محتجون إطارات في شوارع العاصمة الإيرانية ليلة الأحد", "Iran|Tehran|Tehran|1"),
    # a direction before it: near the capital, precision 2
    ("هاجم مسلحون حاجزا للشرطة جنوب العاصمة العراقية", "Iraq|Baghdad|Baghdad|2"),
    # -- the adjective and the name: the name, the city, not its government ------------------------------------
    ("وقعت اشتباكات في العاصمة الليبية طرابلس بين فصيلين مسلحين", "Libya|Tripoli|Tripoli|1"),
    ("سقطت قذائف هاون على أحياء العاصمة السورية دمشق، ما أدى إلى مقتل طفلين", "Syria|Dimashq|Damascus|1"),
    ("شهدت العاصمة اليمنية صنعاء غارات جوية عنيفة الليلة الماضية", "Yemen|Amanat Alasimah|Sanaa|1"),
    ("خرجت مظاهرات حاشدة في العاصمة الأردنية عمّان احتجاجا على الضرائب", "Jordan|Amman|Amman|1"),
    ("أطلقت الشرطة الغاز المسيل للدموع على متظاهرين في العاصمة الكينية نيروبي", "Kenya|Nairobi|Nairobi|1"),
    ("اعترضت الدفاعات الجوية صاروخا فوق العاصمة السعودية الرياض", "Saudi Arabia|Riyadh|Riyadh|1"),
    # -- no capital: an adjective that is no country's, a capital that speaks for its government ----------------
    ("تظاهر العشرات في العاصمة الاقتصادية ضد غلاء الأسعار", ""),
    ("قال الوزير إن العاصمة الإدارية الجديدة ستفتتح قريبا", ""),
    ("وقالت دمشق إن الغارات استهدفت مطارا عسكريا", ""),
    ("اتهمت العاصمة بالتقصير في حماية المتظاهرين", ""),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_capital_by_adjective(case):
    text, expected = case
    assert places_found(text) == parse_places(expected), explain(text)["places"]


def test_the_mention_spans_both_words():
    """The mention is "العاصمة الأفغانية" as written (its clitic off), so an analyst sees why it is Kabul."""
    places = geocode("وبالعاصمة الأفغانية انفجرت عبوة ناسفة")
    assert [(p.text, p.place.name) for p in places] == [("العاصمة الأفغانية", "Kabul")]


def test_the_capital_named_after_the_adjective_is_not_doubled():
    """"العاصمة البريطانية، لندن": one place, London, read from its name."""
    places = geocode("شهدت العاصمة البريطانية، لندن، حادث دهس")
    assert [(p.text, p.place.name) for p in places] == [("لندن", "London")]


SITES: list[tuple[str, str]] = [
    # the British parliament as a place (sites.tsv: Westminster, in Greater London), with and without London named
    ("اصطدمت سيارة بالحواجز الأمنية المحيطة بمقر البرلمان البريطاني في لندن بعد أن دهست عددا من المارة",
     "United Kingdom|England|Westminster|1"),
    ("دهس رجل بسيارته عددا من المارة أمام البرلمانِ البريطاني وسط العاصمة البريطانية",
     "United Kingdom|England|Westminster|1"),
    ("وقع هجوم بسكين قرب قصر وستمنستر في لندن", "United Kingdom|England|Westminster|2"),
]


@pytest.mark.parametrize("case", SITES, ids=[f"site{i:02d}" for i in range(len(SITES))])
def test_site_abroad(case):
    text, expected = case
    assert places_found(text) == parse_places(expected), explain(text)["places"]
    assert all(p.place.admin2 == "Greater London" for p in sentence_places(text))
