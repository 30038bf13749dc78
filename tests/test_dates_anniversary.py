"""An event told as the one whose first anniversary the sentence's day is ("في الذكرى السنوية الأولى لهجوم ...",
"في ذكرى مرور عام على مقتل ...", "عشية ذكرى مرور عام على ...", "بعد مرور عام على ضربة ...") is dated a year
before that day (rasd.dates._a_year_before).

Sentences written for these tests (none taken from an evaluation set), with clitics, diacritics, tatweel and
Eastern Arabic digits. Publication date: Friday 7 August 2015 (P).
"""
from __future__ import annotations

import datetime as dt

import pytest
from test_dates_events import build

from rasd.dates import rules_date_for

D = dt.date

ROWS = [
    # (text, triggers, index of the trigger to date, expected date, precision)
    ("أعلنت الوزارة اليوم الجمعة رفع مستوى التأهب، وذلك في الذكرى السنوية الأولى لهجوم أسفر عن مقتل ٨ أشخاص.",
     [("هجوم", "attack")], 0, D(2014, 8, 7), 1),
    ("شارك مئات الأشخاص الخميس في مسيرة عشية ذكرى مرور عام على مقتل شاب برصاص الشرطة.",
     [("مسيره", "protest"), ("مقتل", "attack")], 1, D(2014, 8, 7), 1),      # the eve: the day after Thursday
    ("شارك مئات الأشخاص الخميس في مسيرة عشية ذكرى مرور عام على مقتل شاب برصاص الشرطة.",
     [("مسيره", "protest"), ("مقتل", "attack")], 0, D(2015, 8, 6), 1),      # the march keeps its own day
    ("وتأتي التطوراتُ بعد مرور عامٍ على ضربةٍ جوية استهدفت القاعدة.",
     [("ضربه", "air")], 0, D(2014, 8, 15), 3),                               # about a year: its month
    ("تجمّع الأهالي أمس في ذكـرى مرور عام على اختطاف ١٢ جندياً.",
     [("تجمع", "protest"), ("اختطاف", "attack")], 1, D(2014, 8, 6), 1),  # tatweel; yesterday's anniversary
    ("ندّد الرئيس، الخميس، بأعمال العنف في الذكرى الأولى للاشتباكات التي شهدتها المدينة.",
     [("اشتباكات", "clash")], 0, D(2014, 8, 6), 1),
    # not a first anniversary, or not the event the cue governs: the rules' day
    ("أحيا السكان اليوم الذكرى العاشرة لهجوم على السوق.", [("هجوم", "attack")], 0, D(2015, 8, 7), 1),
    ("وفي الذكرى السنوية الأولى لهجوم 3 آب/أغسطس 2014 على الثكنة، قُتل جندي أمس.",
     [("هجوم", "attack")], 0, D(2014, 8, 3), 1),                               # its own day, named after the cue
    ("اعتقلت الشرطة أمس ٣ مشتبهين قبل الذكرى الأولى لهجوم المتحف.",
     [("اعتقلت", "arrest")], 0, D(2015, 8, 6), 1),
    ("قُتل جنديان أمس في هجوم جديد بعد مرور ثلاثة أعوام على الحرب.", [("هجوم", "attack")], 0, D(2015, 8, 6), 1),
]


@pytest.mark.parametrize("text, triggers, which, expected, precision", ROWS)
def test_a_year_before(text, triggers, which, expected, precision):
    doc, trigs = build(text, triggers)
    t = trigs[which]
    got = rules_date_for(doc, t, doc.sentences[t.sentence])
    assert (got.date, got.precision) == (expected, precision), got.reason


def test_a_year_before_a_leap_day():
    doc, trigs = build("أحيا السكان اليوم ذكرى مرور عام على مقتل ناشط.", [("مقتل", "attack")], published=D(2016, 2, 29))
    got = rules_date_for(doc, trigs[0], doc.sentences[0])
    assert got.date == D(2015, 2, 28) and got.background
