"""A later sentence that opens by saying the incident took place ("ووقعت الحادثة مساء الخميس"، "ووقع
الهجوم، الأربعاء، بعدما ...") gives an undated event its day (rasd.dates._told_later, _occurred_at): with a
word for "the incident" of any kind (الحادث، الحادثة، الواقعة) as well as a word of the event's own kind told
as known; and when the clause of that word names no place of its own, the place told before is meant.

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

QUARTER = ("حي الميدان", 2)
MARKET = ("سوق البلده", 1)
SQUARE = ("ساحه المدينه", 3)


def _date(text, triggers, places, which=0):
    doc, trigs = build(text, triggers, places)
    t = trigs[which]
    return date_for(doc, t, doc.sentences[t.sentence])


@pytest.mark.parametrize("text, day", [
    # "the incident", at the place told before
    ("اعتصم عشرات السكان أمام مبنى البلدية في حي الميدان.\n"
     "ووقعت الحادثة مساء الخميس في حي الميدان.", THU),
    # with diacritics and tatweel
    ("اعتصم عشرات السكان أمام مبنى البلدية في حي الميدان.\n"
     "ووقعــت الحادثةُ مساءَ الخميس في حي الميدان.", THU),
    # "the incident" and no place in the sentence: the place told before
    ("اعتصم عشرات السكان أمام مبنى البلدية في حي الميدان.\n"
     "وقال شهود إن المعتصمين رفعوا لافتات.\n"
     "ووقعت الحادثة، مساء الخميس، بحسب الشهود.", THU),
    # الواقعة, "جرت", a dawn
    ("اعتصم عشرات السكان أمام مبنى البلدية في حي الميدان.\n"
     "وجرت الواقعة فجر الخميس.", THU),
    # a full date in Eastern Arabic digits
    ("اعتصم عشرات السكان أمام مبنى البلدية في حي الميدان.\n"
     "ووقع الحادث في ٥ آب/أغسطس الجاري.", WED),
    # "حدث" + "the incident"
    ("اعتصم عشرات السكان أمام مبنى البلدية في حي الميدان.\n"
     "وحدثت الحادثة يوم الأربعاء.", WED),
])
def test_the_incident_took_place_on_a_day(text, day):
    got = _date(text, [("اعتصم", "protest")], [QUARTER])
    assert (got.date, got.precision) == (day, 1), got.reason


@pytest.mark.parametrize("text", [
    # a word of the event's own kind told as known, its clause naming no place
    "قُتل رجلان في هجوم مسلح على سوق البلدة.\nووقع الهجوم، الأربعاء، وسط توتر متزايد.",
    "قتل رجلان في هجوم مسلح على سوق البلدة.\nوقال مسؤولون إن المهاجمين فروا.\nووقع الهجوم يوم الأربعاء.",
    # a place named only in an aside after the day
    "قتل رجلان في هجوم مسلح على سوق البلدة.\nووقع الهجوم، الأربعاء، بعدما دعت فصائل إلى التظاهر في ساحة المدينة.",
])
def test_the_attack_took_place_on_a_day(text):
    got = _date(text, [("هجوم", "attack"), ("الهجوم", "attack")], [MARKET, SQUARE])
    assert (got.date, got.precision) == (WED, 1), got.reason


@pytest.mark.parametrize("last", [
    "ووقع حادث آخر مساء الخميس.",                              # another incident, not the one told
    "ووقعت الحادثة مساء الخميس في ساحة المدينة.",             # at another place
    "وأعلنت الشرطة، الخميس، أن الحادثة وقعت في حي الميدان.",   # a statement's day, not the incident's
    "ووقعت اشتباكات مساء الخميس في حي الميدان.",              # a new event, not "the incident"
])
def test_no_day_from_a_sentence_that_does_not_tell_the_incident_took_place(last):
    text = "اعتصم عشرات السكان أمام مبنى البلدية في حي الميدان.\nورفع المعتصمون لافتات.\n" + last
    got = _date(text, [("اعتصم", "protest")], [QUARTER, SQUARE])
    assert (got.date, got.precision) == (P, 2), got.reason


def test_a_new_incident_of_the_kind_between_ends_the_search():
    text = ("قتل رجلان في هجوم مسلح على سوق البلدة.\n"
            "وهاجم مسلحون قافلة في طريق المطار.\n"
            "ووقع الهجوم يوم الأربعاء.")
    got = _date(text, [("هجوم", "attack"), ("هاجم", "attack"), ("الهجوم", "attack")], [MARKET])
    assert (got.date, got.precision) == (P, 2), got.reason
