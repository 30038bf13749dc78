"""Reading the text as written: a number glued to the clitic or preposition before it ("و12 آب", "وفي24 آذار",
"الـ29 من تموز") still starts a date (the tokenizer splits it off); "the same day" is the day told before; a
text written the day before publication counts its bare "yesterday" from that day.

Phrases written for these tests; publication date Friday 7 August 2015.
"""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.dates import find_in_text, resolve_date
from rasd.text import normalize

P = dt.date(2015, 8, 7)
D = dt.date


@pytest.mark.parametrize("phrase, expected", [
    ("قُتل ثلاثة في 3 آب و5 آب", D(2015, 8, 5)),               # the later mention, و glued
    ("وفي24 تموز اعتقلت الشرطة ناشطين", D(2015, 7, 24)),
    ("وقعت الهجمات يوم الـ٢٩ من تموز", D(2015, 7, 29)),        # tatweel, Eastern Arabic digits
    ("في٥ آب ٢٠١٥ شُنّت غارات", D(2015, 8, 5)),
    ("منذ15 تموز الماضي", D(2015, 7, 15)),
])
def test_a_glued_number_starts_a_date(phrase, expected):
    mentions = find_in_text(normalize(phrase).text, P)
    assert expected in {d.date for d in mentions}, [(d.text, d.date) for d in mentions]


@pytest.mark.parametrize("phrase", [
    "أطلقت ب3 صواريخ",          # no month after the number
    "طائرات اف16 قصفت البلدة",   # a name with a number
    "منصور52 آب",               # not a clitic before the number
])
def test_no_date_from_a_number_that_starts_none(phrase):
    assert resolve_date(phrase, P) is None


# -- the day the text was written ---------------------------------------------------------------------
SUNDAY = dt.date(2015, 8, 9)


@pytest.mark.parametrize("text, bare, expected", [
    # published Sunday, written Saturday: "اليوم السبت" names the writing day; bare "أمس" is Friday
    ("قال البيان اليوم السبت إن الطائرات قصفت المواقع. واعتقلت الشرطة أمس ثلاثة مشتبهين.", "امس",
     dt.date(2015, 8, 7)),
    # "أمس الجمعة" tells the same; "فجر أمس" too (diacritics)
    ("نفذ التحالف غارات أمسِ الجمعة. وشنّت القوات فجر أمس حملة دهم.", "فجر امس", dt.date(2015, 8, 7)),
    # "اليوم" alone in such a text is the writing day
    ("أعلن الجيش اليوم (السبت) مقتل ٥ مسلحين. وقال إن الاشتباكات تجددت اليوم في الريف.", "اليوم في",
     dt.date(2015, 8, 8)),
])
def test_bare_relative_days_count_from_the_writing_day(text, bare, expected):
    norm = normalize(text).text
    mentions = find_in_text(norm, SUNDAY)
    at = norm.rindex(bare)
    hit = [d for d in mentions if d.start == at]
    assert hit and hit[0].date == expected, [(d.text, d.date) for d in mentions]


@pytest.mark.parametrize("text", [
    # the weekday agrees with publication: nothing moves
    "قال البيان اليوم الأحد إن الطائرات قصفت المواقع. واعتقلت الشرطة أمس ثلاثة مشتبهين.",
    # two weekdays that disagree with each other: nothing moves
    "قال البيان اليوم السبت إن الطائرات قصفت المواقع أمس الخميس. واعتقلت الشرطة أمس ثلاثة مشتبهين.",
])
def test_bare_yesterday_stays_when_the_text_does_not_tell_another_writing_day(text):
    norm = normalize(text).text
    mentions = find_in_text(norm, SUNDAY)
    at = norm.rindex("امس ثلاثه")
    hit = [d for d in mentions if d.start == at]
    assert hit and hit[0].date == dt.date(2015, 8, 8), [(d.text, d.date) for d in mentions]


# -- "the same day" is the day of the mention before it ---------------------------------------------
@pytest.mark.parametrize("text, expected, precision", [
    ("قُتل ٣ في غارة يوم 12 آذار. وفي اليوم ذاته اعتقلت الشرطة ناشطين.", D(2015, 3, 12), 1),
    ("هاجم مسلحون الحاجز أمس الخميس، وفي مساء اليوم نفسه انفجرت عبوة.", D(2015, 8, 6), 1),
    ("وقعت الاشتباكات في أيار الماضي، وفي الشهر نفسه اغتيل قيادي.", D(2015, 5, 15), 3),
    ("بدأت الحملة في ١٤ تموز ٢٠١٣. وفي العام ذاته سقطت المدينة.", D(2013, 7, 1), 3),
])
def test_the_same_day_is_the_day_told_before(text, expected, precision):
    norm = normalize(text).text
    mentions = find_in_text(norm, P)
    last = mentions[-1]
    assert ("ذاته" in last.text or "نفسه" in last.text) and (last.date, last.precision) == (expected, precision), \
        [(d.text, d.date, d.precision) for d in mentions]


def test_the_same_day_with_nothing_before_is_no_date():
    assert find_in_text(normalize("وفي اليوم ذاته اعتقلت الشرطة ناشطين").text, P) == []
