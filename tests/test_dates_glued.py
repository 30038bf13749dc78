"""A number glued to the clitic or preposition before it ("و12 آب", "وفي24 آذار", "الـ29 من تموز") still
starts a date; glued to a word that is no clitic, it does not.

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
