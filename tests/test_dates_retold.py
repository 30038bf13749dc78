"""An incident told twice in one article has one day: an undated telling takes the day another telling of
it names (a later sentence that tells it again, "ووقع الانفجار، مساء الأربعاء، ..."; an earlier one at its
place, when it is named as known, "القذائف التي سقطت على الحي"); and a statement told as the day after the
event ("وذلك غداة المواجهات") dates the event the day before the statement.

Sentences written for these tests (wire-copy phrasings, with clitics, diacritics, tatweel and Eastern
Arabic digits). Publication date: Friday 7 August 2015 (P); documents from tests/test_dates_events.py's
``build`` (real segmenter, hand-given triggers and places).
"""
from __future__ import annotations

import datetime as dt

import pytest
from test_dates_events import P, build

from rasd.dates import rules_date_for as date_for

D = dt.date
WED, THU = D(2015, 8, 5), D(2015, 8, 6)

MARKET = [("سوق البلده", 1)]
QUARTER = [("حي الميدان", 2)]


def _date(text, triggers, places, which):
    doc, trigs = build(text, triggers, places)
    t = trigs[which]
    return date_for(doc, t, doc.sentences[t.sentence])


# -- told later: a later sentence tells the same incident again, on a day of its own ----------------
@pytest.mark.parametrize("text", [
    "انفجرت سيارة مفخخة قرب سوق البلدة القديمة، ما أدى إلى مقتل ٥ أشخاص.\n"
    "ونُقل الجرحى إلى مستشفيات المدينة.\n"
    "ووقع الانفجار، مساء الأربعاء، في سوق البلدة المزدحم بالمتسوقين.",
    "انفجرت سيارة مفخّخة قرب سوق البلدة القديمة.\n"
    "ووقع الانفجـــار مساء الأربعاء في سوق البلدة بينما كان مكتظا.",
])
def test_a_later_telling_gives_the_day(text):
    got = _date(text, [("انفجرت", "ied"), ("الانفجار", "ied")], MARKET, 0)
    assert (got.date, got.precision) == (WED, 1), got.reason


@pytest.mark.parametrize("later", [
    "ووقع انفجار آخر، مساء الأربعاء، في سوق البلدة.",          # a new incident of the kind, not the same one
    "ووقع الانفجار، مساء الأربعاء، في ساحة المدينة.",          # another place
    "وأعلنت الشرطة، الأربعاء، عن الانفجار في سوق البلدة.",     # a statement's day, not the incident's
])
def test_a_later_sentence_that_is_not_a_retelling_gives_no_day(later):
    text = "انفجرت سيارة مفخخة قرب سوق البلدة القديمة.\nونقل الجرحى إلى مستشفيات المدينة.\n" + later
    second = "انفجار" if "انفجار آخر" in later else "الانفجار"
    # the other place is one the place stage finds (a retelling naming no place is at the place told before)
    got = _date(text, [("انفجرت", "ied"), (second, "ied")], MARKET + [("ساحه المدينه", 3)], 0)
    assert (got.date, got.precision) == (P, 2), got.reason


# -- told before: an event named as known, at a place an earlier sentence dated -----------------------
def test_an_event_named_as_known_takes_the_day_its_place_was_dated():
    text = ("تظاهر مئات الطلاب أمام مبنى الجامعة للمطالبة بالإفراج عن زملائهم.\n"
            "وفي تطور آخر، سقطت قذائف هاون مساء الأربعاء على حي الميدان.\n"
            "وقال سكان إن الأضرار كانت كبيرة.\n"
            "وتبنّت جماعة مسلحة القذائف التي سقطت على حي الميدان.")
    got = _date(text, [("تظاهر", "protest"), ("قذايف", "shelling"), ("القذايف", "shelling")], QUARTER, 2)
    assert (got.date, got.precision) == (WED, 1), got.reason


@pytest.mark.parametrize("last, word", [
    ("وسقطت قذائف أخرى على حي الميدان.", "قذايف"),                        # a new event, not named as known
    ("وتبنت جماعة مسلحة القذائف التي سقطت على ساحة المدينة.", "القذايف"),    # another place
])
def test_an_event_not_named_as_known_or_elsewhere_keeps_no_day(last, word):
    text = ("تظاهر مئات الطلاب أمام مبنى الجامعة للمطالبة بالإفراج عن زملائهم.\n"
            "وفي تطور آخر، سقطت قذائف هاون مساء الأربعاء على حي الميدان.\n"
            "وقال سكان إن الأضرار كانت كبيرة.\n" + last)
    got = _date(text, [("تظاهر", "protest"), ("قذايف", "shelling"), (word, "shelling")], QUARTER, 2)
    assert (got.date, got.precision) == (P, 2), got.reason


def test_a_place_dated_only_by_a_statement_gives_no_day():
    text = ("تظاهر مئات الطلاب أمام مبنى الجامعة للمطالبة بالإفراج عن زملائهم.\n"
            "وقال الجيش، الأربعاء، إن حي الميدان بات آمنا.\n"
            "وتبنت جماعة مسلحة القذائف التي سقطت على حي الميدان.")
    got = _date(text, [("تظاهر", "protest"), ("القذايف", "shelling")], QUARTER, 1)
    assert (got.date, got.precision) == (P, 2), got.reason


# -- a statement told as the day after the event ----------------------------------------------------
@pytest.mark.parametrize("second, expected", [
    ("وقالت في بيانها إن ذلك يأتي غداة المواجهات التي أوقعت قتلى.", THU),
    ("وجاء البيان غداةَ المواجهاتِ الدامية.", THU),                       # diacritics
    ("وجاء البيان بعد يومين من المواجهات الدامية.", WED),
])
def test_a_statement_the_day_after_dates_the_event_the_day_before(second, expected):
    text = "دعت المنظمة الحقوقية، الجمعة، إلى تحقيق في مواجهات أسفرت عن مقتل ١٦ شخصا.\n" + second
    got = _date(text, [("مواجهات", "clash"), ("المواجهات", "clash")], [], 0)
    assert (got.date, got.precision) == (expected, 1), got.reason


def test_a_statement_after_another_incident_keeps_its_own_day():
    text = ("دعت المنظمة الحقوقية، الجمعة، إلى تحقيق في مواجهات أسفرت عن مقتل ١٦ شخصا.\n"
            "وجاء البيان غداة مواجهات أخرى في الشمال.")
    got = _date(text, [("مواجهات", "clash"), ("مواجهات", "clash")], [], 0)
    assert (got.date, got.precision) == (P, 2), got.reason
