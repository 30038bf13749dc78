"""A start point told at the end of one sentence and the count in the next one opening with "حيث" (the
sentence goes on): the count is cumulative, no incident's toll (fat24). Made-up sentences with diacritics,
tatweel, clitics and Eastern Arabic digits."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import find_casualties
from rasd.segment import segment


def killed(text: str) -> list[tuple[int, bool]]:
    doc = Document(text, published=dt.date(2018, 9, 8))
    segment(doc)
    find_dates(doc)
    find_casualties(doc)
    return [(m.count, bool(m.aggregate)) for m in doc.casualties if m.kind == "killed"]


@pytest.mark.parametrize("text, expected", [
    ("وتتواصل المسيرات الشعبية في المناطق الحدودية بقطاع غزة، منذ 30 مارس الماضي. حيث قُتل 172 مواطنا.",
     [(172, True)]),
    ("وتتواصل الحملة العسكرية على المدينة منذ ١٨ شبـاط. وحيث قتل ٧٠٩ مدنيين.", [(709, True)]),
])
def test_since_before_a_going_on_sentence(text, expected):
    assert killed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence that does not go on: its count is its own
    ("وتتواصل المسيرات في غزة منذ 30 مارس الماضي. وقُتل 5 مواطنين أمس.", [(5, False)]),
    # "حيث" with no start point before it
    ("اندلعت اشتباكات عنيفة في المدينة. حيث قتل ٥ مسلحين.", [(5, False)]),
])
def test_no_start_point_carried_otherwise(text, expected):
    assert killed(text) == expected
