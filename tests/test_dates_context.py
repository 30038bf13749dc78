"""Dates that are not the event's day: a bare night, a year named after "منذ", a year or a vague stretch
in the event's clause beside a day its sentence names.

Sentences written for these tests (the phrasings of wire copy). Publication date: Friday 7 August 2015
(P), as in tests/test_dates_events.py, whose ``build`` gives the documents (real segmenter, hand-given
triggers).
"""
from __future__ import annotations

import datetime as dt

import pytest
from test_dates_events import P, build

from rasd.dates import find_in_text, resolve_date
from rasd.dates import rules_date_for as date_for
from rasd.text import normalize

D = dt.date
THU = D(2015, 8, 6)


# -- a night told bare is last night ---------------------------------------------------------------
@pytest.mark.parametrize("phrase", [
    "وقتل ليلاً ١٢ شخصا في قصف على البلدة",            # tanween, Eastern Arabic digits
    "وقُتِلَ ليلا أكثر من 50 شخصا",                      # diacritics
    "شنت القوات هجمات خلال الليل على جيوب المسلحين",
    "واستهدف انتحاري ليلـــاً مركز شرطة",                # tatweel
    "اندلعت اشتباكات عنيفة وليلاً في محيط المطار",       # clitic و
])
def test_a_bare_night_is_the_night_before_publication(phrase):
    assert resolve_date(phrase, P) == (THU, 1)


@pytest.mark.parametrize("phrase, expected", [
    ("قصفت المدفعية مساء الثلاثاء ليلا أحياء المدينة", D(2015, 8, 4)),      # the night of the day named
    ("دارت الاشتباكات الأربعاء ليلاً قرب الجسر", D(2015, 8, 5)),
    ("سقطت القذائف يوم ٣ آب ليلا على السوق", D(2015, 8, 3)),
])
def test_a_night_after_a_named_day_is_that_day(phrase, expected):
    assert resolve_date(phrase, P) == (expected, 1)


@pytest.mark.parametrize("phrase", [
    "وقع الانفجار في الساعة العاشرة ليلا",
    "وقع الانفجار عند الساعة ١١ ليلاً",
])
def test_a_night_after_an_hour_is_no_day(phrase):
    text = normalize(phrase).text
    assert find_in_text(text, P) == []


# -- a year after "منذ" starts what goes on: it dates no event --------------------------------------
def test_a_year_after_since_does_not_date_the_event():
    doc, trigs = build("ويسري في القطاع وقف هش لإطلاق النار منذ انتهاء حرب العام 2014.",
                       [("اطلاق النار", "attack")])
    got = date_for(doc, trigs[0], doc.sentences[0])
    assert (got.date, got.precision) == (P, 2), got.reason


def test_a_year_after_since_leaves_the_day_of_the_story():
    doc, trigs = build("قتل ثلاثة جنود في هجوم على حاجز أمس. وهو الهجوم الأعنف منذ اندلاع النزاع في عام ٢٠١١.",
                       [("هجوم", "clash"), ("الهجوم", "clash")])
    got = date_for(doc, trigs[1], doc.sentences[trigs[1].sentence])
    assert got.date == THU, got.reason


def test_a_year_without_since_still_dates_an_event_told_alone():
    doc, trigs = build("اعتقلت الشرطة الناشط في عام 2013 بتهمة التحريض.", [("اعتقلت", "arrest")])
    got = date_for(doc, trigs[0], doc.sentences[0])
    assert got.date.year == 2013 and got.background, got.reason


# -- a year or a vague stretch in the clause yields to a day the sentence names ---------------------
def test_a_year_in_the_clause_yields_to_the_day_of_the_sentence():
    doc, trigs = build("قتل فلسطينيان في غارات إسرائيلية مساء الخميس، في أعنف تصعيد يشهده القطاع منذ "
                       "حرب صيف العام 2014 التي خلفت دمارا.",
                       [("غارات", "air"), ("تصعيد", "air")])
    got = date_for(doc, trigs[1], doc.sentences[0])
    assert got.date == THU, got.reason


def test_a_vague_stretch_in_the_clause_yields_to_a_nearer_named_day():
    doc, trigs = build("أعلنت الشرطة، الأربعاء، توقيف المشتبه به في محاولة اغتيال الوزير في العاصمة الأسبوع الماضي.",
                       [("توقيف", "arrest"), ("اغتيال", "attack")])
    arrest = date_for(doc, trigs[0], doc.sentences[0])
    assert arrest.date == D(2015, 8, 5), arrest.reason
    # the attempt itself keeps the stretch told beside it
    attempt = date_for(doc, trigs[1], doc.sentences[0])
    assert attempt.date == P - dt.timedelta(days=7), attempt.reason


def test_a_vague_stretch_keeps_its_day_beside_a_statement_date():
    # "قال ... الخميس إن": the named day is the statement's; the event's own stretch stands
    doc, trigs = build("قال مصدر أمني، الخميس، إن المسلحين هاجموا القرية قبل أيام.", [("هاجموا", "clash")])
    got = date_for(doc, trigs[0], doc.sentences[0])
    assert got.date != THU and got.date < THU, got.reason


# -- a month told with its year relative to publication ---------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("ففي أبريل من العام الماضي، اتهمت الأمم المتحدة القوات", (D(2014, 4, 15), 3)),
    ("قتل ٣ أشخاص في الثالث من مايو من العام الماضي", (D(2014, 5, 3), 1)),
    ("وقع الهجوم في ٥ أيار من العامِ المنصرم", (D(2014, 5, 5), 1)),             # diacritics
    ("اندلعت الاحتجاجات في شهر يناير من السنة الماضية", (D(2014, 1, 15), 3)),
    ("وفي أيار/مايو من العام الماضي سيطر التنظيم على المدينة", (D(2014, 5, 15), 3)),
    ("خرجت مظاهرات في مارس من العام الجاري", (D(2015, 3, 15), 3)),
    ("اعتُقل في 3 آذار من هذا العام", (D(2015, 3, 3), 1)),
])
def test_a_month_of_the_year_told_relative_to_publication(phrase, expected):
    assert resolve_date(phrase, P) == expected


def test_a_written_year_still_wins_over_the_publication_year():
    assert resolve_date("في مايو من عام 2011", P) == (D(2011, 5, 15), 3)
    assert resolve_date("في ١٢ مايو ٢٠١١", P) == (D(2011, 5, 12), 1)


# -- a weekday in a place's name is no date --------------------------------------------------------
@pytest.mark.parametrize("phrase", [
    "تقدمت القوات وصولاً إلى مستوصف سوق الخميس",
    "دارت معارك عنيفة في منطقة سوقِ الخميس",
    "سقطت قذيفة في بسوق الاثنين بالمديرية",
])
def test_a_market_day_in_a_place_name_is_no_date(phrase):
    assert find_in_text(normalize(phrase).text, P) == []


def test_a_market_day_beside_a_day_named_dates_by_the_day():
    doc, trigs = build("قالت مصادر عسكرية، الأربعاء، إن القوات سيطرت على منطقة سوق الخميس.", [("سيطرت", "regain")])
    got = date_for(doc, trigs[0], doc.sentences[0])
    assert got.date == D(2015, 8, 5), got.reason
