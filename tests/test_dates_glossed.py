"""A print paper's gloss on the wire's "today" ("اختطفت اليوم (أمس)"), and a statement's event whose next
sentence writes its day out in full ("وجاء الاعتقال في 31 تموز الماضي").

Sentences written for these tests (clitics, diacritics, tatweel, Eastern Arabic digits). Publication date:
Friday 7 August 2015 (P); ``build`` (from tests/test_dates_events.py) gives the documents: real segmenter,
hand-given triggers.
"""
from __future__ import annotations

import datetime as dt

import pytest
from test_dates_events import P, build

from rasd.dates import find_in_text
from rasd.dates import rules_date_for as date_for
from rasd.text import normalize

D = dt.date


def _mentions(text: str, published: dt.date = P) -> list[tuple[str, dt.date]]:
    return [(d.text, d.date) for d in find_in_text(normalize(text).text, published)]


# -- "اليوم (أمس)": the day in brackets is the one meant ---------------------------------------------
@pytest.mark.parametrize("text, today, expected", [
    ("وقال المرصد إن المجموعة التي اختطفت اليوم (أمس) كانت في مخيم للاجئين.", "اليوم", D(2015, 8, 6)),
    # a part of the day before "اليوم", the weekday inside the brackets
    ("أصيب عدد من المواطنين فجر اليوم (أمس الخميس) جراء القصف.", "فجر اليوم", D(2015, 8, 6)),
    # diacritics, tatweel, a space inside the brackets
    ("قُتِلَ ثلاثة جنود صباح اليـــوم ( أمسِ ) في كمين.", "صباح اليوم", D(2015, 8, 6)),
    # the day before yesterday; Eastern Arabic digits beside it
    ("وأُصيب ٤ مدنيين مساء اليوم (أول أمس) بقذيفة.", "مساء اليوم", D(2015, 8, 5)),
])
def test_today_glossed_by_an_earlier_day_takes_that_day(text, today, expected):
    got = dict(_mentions(text))
    assert got[today] == expected, got


@pytest.mark.parametrize("text, today", [
    # the weekday of today in brackets: read whole, publication day
    ("قال متحدث باسم الجيش اليوم (الجمعة) إن الطائرات قصفت مواقع.", "اليوم (الجمعه)"),
    # no bracket: today's statement about yesterday's attack
    ("وأعلن الجيش اليوم أن هجوم أمس أوقع ٣ قتلى.", "اليوم"),
    # the bracket glosses another word, not the day
    ("نفذت الفصائل اليوم (وفق المرصد) أمس هجوما.", "اليوم"),
])
def test_today_stands_otherwise(text, today):
    got = dict(_mentions(text))
    assert got[today] == P, got


def test_the_glossed_today_dates_its_event():
    doc, trigs = build("خطفت جبهة النصرة اليوم (أمس) مجموعة ثانية من المقاتلين.", [("خطفت", "attack")])
    got = date_for(doc, trigs[0], doc.sentences[0])
    assert got.date == D(2015, 8, 6), got.reason


# -- a statement's event, its day written out in full in the next sentence -----------------------------
def _two(text: str, first, second):
    doc, trigs = build(text, [first, second])
    return date_for(doc, trigs[0], doc.sentences[trigs[0].sentence])


@pytest.mark.parametrize("text, second, expected", [
    # the statement on Thursday, the arrest on 31 July, a week before it
    ("أعلنت قوى الأمن، الخميس، عن اعتقال قائد ميداني من التنظيم.\nوجاء الاعتقال في عملية خاطفة في ٣١ تموز الماضي.",
     ("الاعتقال", "arrest"), D(2015, 7, 31)),
    # diacritics and tatweel; paired month names; the statement on publication day
    ("أعلنت الشرطةُ، الجمعة، عن اعتقال مشتبه به في التفجير.\nوتمّ الاعتقـــال في 2 آب/أغسطس خلال مداهمة.",
     ("الاعتقال", "arrest"), D(2015, 8, 2)),
    # the day the clashes broke out, the statement a few days later
    ("قالت الوزارة، الخميس، إن جنديين قُتلا في اشتباكات مع مسلحين.\nواندلعت الاشتباكات في الثالث من آب الجاري.",
     ("الاشتباكات", "clash"), D(2015, 8, 3)),
])
def test_a_day_written_out_in_the_next_sentence_dates_the_statements_event(text, second, expected):
    first = ("اعتقال", "arrest") if second[1] == "arrest" else ("اشتباكات", "clash")
    got = _two(text, first, second)
    assert got.date == expected and "told on" in got.reason, got.reason


@pytest.mark.parametrize("text, second", [
    # more than two weeks before the statement: background, not the reported event's day
    ("أعلنت قوى الأمن، الخميس، عن اعتقال قائد ميداني.\nوجاء الاعتقال في ١٠ تموز الماضي.", ("الاعتقال", "arrest")),
    # a weekday three days before the statement: not written out, the statement's day stands
    ("أعلنت قوى الأمن، الخميس، عن اعتقال قائد ميداني.\nوجاء الاعتقال الاثنين في مداهمة.", ("الاعتقال", "arrest")),
    # the next sentence tells another kind of event on its own full date
    ("أعلنت قوى الأمن، الخميس، عن اعتقال قائد ميداني.\nوكانت اشتباكات قد اندلعت في ٣١ تموز الماضي.",
     ("اشتباكات", "clash")),
])
def test_the_statement_day_stands_otherwise(text, second):
    got = _two(text, ("اعتقال", "arrest"), second)
    assert got.date == D(2015, 8, 6) and "statement" in got.reason, got.reason
