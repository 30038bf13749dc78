"""A village named after a type word that the gazetteer knows under another spelling of its governorate (issue
13, the "spelling differs" class): the article written or left out (خوخة / الخوخة)، a long vowel written inside the
name (الدريهيمي / الدريهمي، تفتاناز / تفتناز) is the known town, at geo_precision 1, when it is the one town of the
governorate the text places it in whose name is so spelt, at most one letter apart (two in a long name). And لـ +
a present-tense verb after a list of places (لتتلقى، ليتم) is no village. Sentences written for rasd."""
from __future__ import annotations

import pytest

from rasd.geo import geocode
from rasd.geo.unknown import spelling_key, spelling_variant


def _place(text: str, name: str):
    return next(p for p in geocode(text) if p.text == name)


@pytest.mark.parametrize("text,name,location,admin1", [
    # the article left out (Yemen)
    ("اندلعت اشتباكات عنيفة في مدينة خوخة جنوب محافظة الحديدة", "خوخة", "Al Khawkhah", "Al Hudaydah"),
    # a long vowel written inside the name
    ("تدور معارك في منطقة الدريهيمي جنوب الحديدة", "الدريهيمي", "Ad Durayhimi", "Al Hudaydah"),
    # Iraq, the article left out; diacritics on the verb and Eastern Arabic digits in the toll
    ("قُتل ٣ مدنيين في قرية صبيحات قرب الفلوجة", "صبيحات", "subihat", "Al Anbar"),
    # Syria, a long vowel written, the type word with its proclitic
    ("وقصفت الطائرات وبلدة تفتاناز بريف إدلب الشرقي", "تفتاناز", "Taftanaz", "Idlib"),
    # Daraa: a long vowel written, tatweel in the name
    ("سيطرت القوات على بلدة المسيـفيرة شرق درعا", "المسيـفيرة", "Al Musayfirah", "Daraa"),
    # a long vowel written in a town of Hama, its governorate word after it
    ("استهدف القصف بلدة كفرزايتا بمحافظة حماة", "كفرزايتا", "Kafr Zayta", "Hama"),
])
def test_a_known_town_spelt_otherwise(text, name, location, admin1):
    p = _place(text, name)
    assert (p.place.name, p.place.admin1, p.precision) == (location, admin1, 1)
    assert p.note is None and "spelling of" in p.reason


@pytest.mark.parametrize("text,name,not_location", [
    # the spelling matches a town of another governorate only: the village of the governorate the text gives
    ("اندلعت اشتباكات في مدينة خوخة قرب مدينة مأرب", "خوخة", "Al Khawkhah"),
    # two letters apart in a short name: another village
    ("قتل ثلاثة في قرية جوسيم قرب مدينة درعا", "جوسيم", "Jasim"),
])
def test_no_known_town_for_another_spelling_elsewhere(text, name, not_location):
    p = _place(text, name)
    assert p.place.name != not_location and p.note  # transliterated, the reference's coordinates


def test_two_towns_of_the_governorate_answer_none():
    # شارواني and شيرواني are two villages of Erbil: شرواني could be either
    p = _place("قصفت الطائرات التركية قرية شرواني قرب أربيل", "شرواني")
    assert p.place.name not in ("Sharawany", "Sherwany") and p.note


def test_the_key_folds_the_article_long_vowels_and_doubled_letters():
    assert spelling_key("الدريهيمي") == spelling_key("دريهمي") == spelling_key("الدُّرَيْهِمِيّ")
    assert spelling_key("الخوخة") == spelling_key("خوخه")



def test_the_same_key_too_many_letters_apart_is_another_name():
    ref = _place("وقع انفجار في مدينة دير الزور", "دير الزور").place
    assert spelling_key("مدان") == spelling_key("الميادين")
    assert spelling_variant("الميادن", ref).place.name == "Al Mayadin"
    assert spelling_variant("مدان", ref) is None  # three letters from الميادين


def test_no_variant_without_a_governorate():
    ref = _place("وقع انفجار في مدينة درعا", "درعا").place
    assert spelling_variant("المسيفيرة", ref).place.name == "Al Musayfirah"
    country = _place("وقع انفجار في سوريا", "سوريا").place
    assert spelling_variant("المسيفيرة", country) is None


@pytest.mark.parametrize("text,verb", [
    ("تواصل العمليات لتحرير مدينة الحديدة، لتتلقى بذلك الميليشيات ضربات موجعة", "لتتلقى"),
    ("انسحب المسلحون من بلدة الحراك، ليتم تسليمها للجيش", "ليتم"),
])
def test_lam_and_a_verb_after_a_list_is_no_village(text, verb):
    assert all(verb not in p.text for p in geocode(text))
