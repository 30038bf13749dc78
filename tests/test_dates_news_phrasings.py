"""Dates as Arabic outlets write them, resolved against the publication date.

Sentences written for these tests (not copied from any article): relative days and nights, a weekday
without a date (the latest one on or before publication; "الماضي" the one before it; "قبل الماضي" the one
before that), Hijri dates, Eastern Arabic digits, Levantine (كانون، شباط، آذار ...), Egyptian/Gulf (يناير،
يونيه، يوليه ...) and Maghrebi (جانفي، أوت ...) month names, with clitics, diacritics and tatweel. A day
and month without a year take the nearest such day, but one ahead of publication only within
``AHEAD_DAYS`` (60): news tells the past. Each test asserts the day (and where it matters the precision)
the resolver gives, and, end to end, the day the rules give an event.
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from rasd.dates import AHEAD_DAYS, find_dates, find_in_text, rules_date_for
from rasd.doc import Document
from rasd.segment import segment
from rasd.text import normalize

D = dt.date
WED = D(2018, 8, 15)   # Wednesday 15 August 2018 (4 Dhu al-Hijjah 1439 by the tabular calendar)
SUN = D(2018, 6, 3)    # Sunday 3 June 2018


def _dates(text: str, published: dt.date) -> list[tuple[dt.date, int]]:
    return [(d.date, d.precision) for d in find_in_text(normalize(text).text, published)]


@pytest.mark.parametrize("text, expected", [
    # relative days
    ("قُتل ثلاثة جنود منذ ثلاثة أيام في كمين قرب الحدود", (D(2018, 8, 12), 1)),
    ("وكانت الاشتباكات اندلعت قبل ٤ أيام في ريف المدينة", (D(2018, 8, 11), 1)),
    ("وقعت الغارة أولَ من أمس على سوق شعبي", (D(2018, 8, 13), 1)),
    ("وأُصيب شرطيان مساءَ أمسِ الأول بانفجار عبوة", (D(2018, 8, 13), 1)),
    ("وأطلق مسلّحون النار صباحَ أمس على حاجز للجيش", (D(2018, 8, 14), 1)),
    ("وبدأت الاشتباكات فجر اليوم الأربعاء في محيط المطار", (D(2018, 8, 15), 1)),
    ("وسقطت قذيفتان قبل يومين في حيّ سكني", (D(2018, 8, 13), 1)),
    # nights
    ("وقُتل مدنيان في قصف الليلةَ الماضية", (D(2018, 8, 14), 1)),
    ("هاجم مسلحون القرية ليلة الجمعة وأحرقوا منازل", (D(2018, 8, 10), 1)),
    ("وشنّت الطائرات غارات ليل الأحد - الاثنين على البلدة", (D(2018, 8, 12), 1)),
    # a weekday without a date
    ("وقصفت المدفعية البلدة ظهر الثلاثاء", (D(2018, 8, 14), 1)),
    ("وفرّقت الشرطة متظاهرين مساءَ الأحد الماضي", (D(2018, 8, 12), 1)),
    ("واندلعت مواجهات في المخيم يوم الأربعاء الماضي", (D(2018, 8, 8), 1)),
    ("وانفجرت سيارة مفخخة يوم الأحد قبل الماضي قرب السوق", (D(2018, 8, 5), 1)),
    ("وخُطف صحافيان الخميس قبل الماضي", (D(2018, 8, 2), 1)),
    # weeks, months, years before the last
    ("واعتُقل العشرات في الأسبوع قبل الماضي", (D(2018, 8, 1), 2)),
    ("وقُتل ٥ أشخاص في هجوم الشهر قبل الماضي", (D(2018, 6, 15), 3)),
    # Eastern Arabic digits with a Levantine month and a Gulf one
    ("وقعت المجزرة في ١٠ آب ٢٠١٨ في الريف الشرقي", (D(2018, 8, 10), 1)),
    ("ونُفّذ الهجوم في ٩ أغسطس/آب الجاري", (D(2018, 8, 9), 1)),
    # Egyptian spellings of June and July
    ("وتظاهر المئات في 7 يونيه أمام مبنى المحافظة", (D(2018, 6, 7), 1)),
    ("وقُتل مجنّد في 7 يوليه الماضي", (D(2018, 7, 7), 1)),
    # Maghrebi month names
    ("واحتج السكان في 3 أوت على انقطاع الماء", (D(2018, 8, 3), 1)),
    ("وفُكّكت خلية إرهابية في 14 جويلية", (D(2018, 7, 14), 1)),
    ("وأُحرقت سيارات للشرطة في 5 جانفي الماضي", (D(2018, 1, 5), 1)),
    # a Levantine month with an ordinal day, and with الماضي
    ("وقُصف المستشفى في 2 تشرين الأول الماضي", (D(2017, 10, 2), 1)),
    # Hijri dates: the tabular calendar, with or without the era, Eastern digits, ذو/ذي
    ("واقتُحم السجن في 28 ذي القعدة 1439 هـ", (D(2018, 8, 10), 1)),
    ("واقتُحم السجن في ٢٨ ذو القعدة ١٤٣٩هـ", (D(2018, 8, 10), 1)),
])
def test_a_phrase_resolves_against_the_publication_day(text, expected):
    found = _dates(text, WED)
    assert found and found[-1] == expected, found


@pytest.mark.parametrize("text, published, expected", [
    # a day and month without a year, more than AHEAD_DAYS ahead: last year's
    ("وفي الأول من تشرين الثاني/نوفمبر قُتل ثلاثة مدنيين في ضربة جوية", D(2018, 6, 1), D(2017, 11, 1)),
    ("وفي ٢٠ كانون الثاني اقتحمت القوات البلدة", WED, D(2018, 1, 20)),
    ("واغتيل القيادي في الخامس من شباط", WED, D(2018, 2, 5)),
    # ... within AHEAD_DAYS, the nearest, ahead of publication (a plan: "the vote on 2 October")
    ("ويُنتظر أن يجري التصويت في 2 أكتوبر", WED, D(2018, 10, 2)),
    # ... and "المقبل" always ahead
    ("وتُعقد القمة في 20 كانون الثاني المقبل", WED, D(2019, 1, 20)),
])
def test_a_day_and_month_without_a_year(text, published, expected):
    found = _dates(text, published)
    assert found and found[-1][0] == expected, found
    assert (expected - published).days <= AHEAD_DAYS or "المقبل" in text


def test_a_stretch_counted_from_another_day_is_no_date():
    # "قبل يومين على الانتخابات": two days before the elections, not two days before publication
    assert _dates("وقُتل مرشّح قبل يومين على الانتخابات", WED) == []
    assert _dates("وقُتل مرشّح قبل يومين", WED) == [(D(2018, 8, 13), 1)]


def test_before_last_is_not_read_where_last_is_named():
    # "الماضي" alone: the last Sunday; "قبل الماضي" after it: the one before that
    assert _dates("وقع الهجوم يوم الأحد الماضي", WED)[-1] == (D(2018, 8, 12), 1)
    assert _dates("وقع الهجوم يوم الأحد قبل الماضي", WED)[-1] == (D(2018, 8, 5), 1)
    # the weekday of publication: the last one is a week back, the one before it two weeks back
    assert _dates("وقع الهجوم الأربعاء قبل الماضي", WED)[-1] == (D(2018, 8, 1), 1)


def _event_date(text: str, word: str, published: dt.date):
    doc = Document(text, published=published)
    segment(doc)
    find_dates(doc)
    pos = doc.norm.text.index(normalize(word).text)
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
    trigger = SimpleNamespace(start=pos, end=pos + len(word), sentence=index, event_type="Battles",
                              sub_event_type="Armed clash")
    return rules_date_for(doc, trigger, doc.sentences[index])


@pytest.mark.parametrize("text, word, published, expected", [
    # a weekday told without a date: the latest such day on or before publication
    ("اندلعت اشتباكاتٌ عنيفة يوم الجمعة بين الجيش ومسلّحين في ريف إدلب.", "اشتباكات", SUN, D(2018, 6, 1)),
    # the night before Saturday told with ليلة: Saturday (the gold set's convention)
    ("وتجدّدت الاشتباكات ليلة السبت في أحياء المدينة.", "الاشتباكات", SUN, D(2018, 6, 2)),
    # the week before last, told after the event
    ("ودارت اشتباكات بين الطرفين في الأسبوع قبل الماضي قرب الحدود.", "اشتباكات", SUN, D(2018, 5, 20)),
    # a Hijri day with tatweel and Eastern digits: the tabular calendar (31 May) ...
    ("وقعت اشتباكاتٌ مع مهرّبين يوم ١٦ رمضـان ١٤٣٩هـ على الحدود.", "اشتباكات", SUN, D(2018, 5, 31)),
    # ... unless the writer names its weekday: Friday 1 June (Umm al-Qura's day)
    ("وقعت اشتباكاتٌ مع مهرّبين يوم الجمعة ١٦ رمضـان ١٤٣٩هـ على الحدود.", "اشتباكات", SUN, D(2018, 6, 1)),
])
def test_an_event_takes_the_day_its_sentence_names(text, word, published, expected):
    got = _event_date(text, word, published)
    assert got.date == expected, got


@pytest.mark.parametrize("text, expected", [
    # "in the like of this day": an anniversary of a past year, never the publication day
    ("يستذكر العراقيون في مثلِ هذا اليوم من عام ٢٠٠٧ تفجيرَ سوق الصدرية", D(2007, 8, 15)),
    ("وفي مثل هذا اليوم من العام 2014 اجتاح مسلحون البلدة", D(2014, 8, 15)),
    ("وكان الهجوم قد وقع في مثل هذا اليوم قبل ١٠ أعوام", D(2008, 8, 15)),
])
def test_this_day_of_a_past_year_is_that_years_day(text, expected):
    assert expected in [d for d, _ in _dates(text, WED)]
    assert WED not in [d for d, _ in _dates(text, WED)]


def test_this_day_with_no_year_names_no_day():
    assert _dates("نستذكر في مثل هذا اليوم ضحايا المجزرة", WED) == []
    assert (WED, 1) in _dates("قُتل اليوم ثلاثة مدنيين بقصف على البلدة", WED)
