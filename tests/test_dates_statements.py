"""Which mention dates the event: statement dates, stretches counted from another day, "since" stretches.

Sentences written for these tests (wire-copy phrasings: clitics, diacritics, tatweel, Eastern Arabic digits).
The rules alone (``rules_date_for``); Friday 7 August 2015 is the publication date (P).
"""
from __future__ import annotations

import datetime as dt

import pytest
from test_dates import P, make_doc, trigger_at

from rasd.dates import find_dates, resolve_date
from rasd.dates import rules_date_for as date_for

D = dt.date


def dated(text: str, word: str, nth: int = 0):
    doc = make_doc(text)
    find_dates(doc)
    trig, sent = trigger_at(doc, word, nth)
    return date_for(doc, trig, sent)


@pytest.mark.parametrize("text, word, expected", [
    # a statement verb, its subject, the date, then what it says: the event's own day wins
    ("أعلنت القيادة الأمريكية، الخميس، عن تنفيذ غارة جوية في ليبيا، الأربعاء.", "غاره", D(2015, 8, 5)),
    ("دعت الخارجيةُ، الخميس، إلى تحقيق في قصفٍ استهدف سوقا الثلاثاء.", "قصف", D(2015, 8, 4)),
    # an attribution at the end: "بحسب ما أفاد المرصد الخميس" is the source's day
    ("قُتل ٤ مدنيين في غارة الأربعاء بحسب ما أفاد المرصد الخميس.", "غاره", D(2015, 8, 5)),
    ("وشنت الطائرات غارات مساء الأربعاء، وفق ما ذكرت الوكالة، الخميس.", "غارات", D(2015, 8, 5)),
    ("وقصفـــت المدفعية البلدة الثلاثاء حسبما أعلن الجيش الخميس.", "وقصفت", D(2015, 8, 4)),
    # statements of condolence, condemnation, welcome: "قدّمت الحكومة، الأربعاء، تعازيها ..."
    ("قدّمت الحكومة، الأربعاء، عن تعازيها لضحايا غارة جوية على مدرسة، الاثنين.", "غاره", D(2015, 8, 3)),
    ("وأدانت الوزارة، الخميس، التفجير الذي استهدف السوق الثلاثاء.", "التفجير", D(2015, 8, 4)),
    ("أعربت الأمم المتحدة، الخميس، عن قلقها من قصفٍ طال الحي الأربعاء.", "قصف", D(2015, 8, 5)),
])
def test_the_event_day_beats_the_statement_day(text, word, expected):
    got = dated(text, word)
    assert got.date == expected, got.reason


def test_a_statement_day_alone_still_dates_the_event_at_week_precision():
    got = dated("أعلن الجيش، الخميس، عن مقتل ثلاثة مسلحين في اشتباكات.", "اشتباكات")
    assert (got.date, got.precision) == (D(2015, 8, 6), 2)
    assert "statement" in got.reason


def test_a_vague_stretch_yields_to_a_statement_day():
    # "خلال الساعات الماضية" is no day; the source's Thursday is one
    got = dated("قال المرصد الخميس إن القوات سيطرت خلال الساعات الماضية على بلدة.", "سيطرت")
    assert got.date == D(2015, 8, 6)


@pytest.mark.parametrize("phrase, expected", [
    ("قبل يومين من الانتخابات", None),          # counted from the elections, not from publication
    ("قبل ٣ أيام على الاقتراع", None),
    ("قبل يومين", (D(2015, 8, 5), 1)),
    ("قبل يومين من الآن", (D(2015, 8, 5), 1)),  # "from now" is from publication
])
def test_a_stretch_counted_from_another_day(phrase, expected):
    assert resolve_date(phrase, P) == expected


def test_a_vague_since_stretch_does_not_date_the_event():
    # "منذ أيام" is the start of the fighting, not the day of the strike: the publication day stands
    got = dated("شنّت مقاتلات غارات على المطار الذي يشهد معارك منذ أيامٍ عدة.", "غارات")
    assert got.date == P and got.start is None, got.reason
    # a named day since which something holds still dates it, at week precision
    got = dated("تشهد المدينة اشتباكات منذ الثلاثاء.", "اشتباكات")
    assert (got.date, got.precision) == (D(2015, 8, 4), 2)
