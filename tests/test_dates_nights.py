"""Nights that span two days and "the night before last": the first day dates what happened.

Sentences written for these tests (the phrasings of wire copy), resolved against Tuesday 6 March 2018.
"""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.dates import resolve_date

D = dt.date
TUE = D(2018, 3, 6)
assert TUE.weekday() == 1


@pytest.mark.parametrize("phrase, expected", [
    ("واصلت القوات ليل الأحد الاثنين غاراتها", (D(2018, 3, 4), 1)),
    ("خرجت دفعة جديدة ليل الاثنين - الثلاثاء", (D(2018, 3, 5), 1)),
    ("وشنّت مقاتلاتٌ ليلةَ الاثنين/الثلاثاء غارات", (D(2018, 3, 5), 1)),     # diacritics, slash
    ("قصفٌ عنيف ليـــل الأحد إلى الاثنين", (D(2018, 3, 4), 1)),            # tatweel, "إلى"
    ("اشتباكات في منتصف ليل السبت الأحد", (D(2018, 3, 3), 1)),
    ("وقتل ٣ أطفال الليلة قبل الماضية", (D(2018, 3, 4), 1)),             # Eastern Arabic digits around it
    ("انفجرت عبوة الليل قبل الماضي", (D(2018, 3, 4), 1)),
])
def test_night_from_one_day_to_the_next(phrase, expected):
    assert resolve_date(phrase, TUE) == expected


def test_two_days_that_are_not_one_night_stay_two_mentions():
    # "ليل الأحد والسبت" is not a night (Saturday does not follow Sunday): the night of Sunday alone
    assert resolve_date("ليل الأحد", TUE) == (D(2018, 3, 4), 1)
    assert resolve_date("ليل الأحد والسبت", TUE) == (D(2018, 3, 4), 1)
