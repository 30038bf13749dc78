"""Numbers at the edges: digit runs too long to be counts, compounds that multiply without end."""
from __future__ import annotations

import pytest

from rasd.doc import Document
from rasd.numbers import MAX_COUNT, find_casualties, parse_number
from rasd.segment import segment


@pytest.mark.parametrize("text,expected", [
    ("9" * 309, None),                 # float("9" * 309) is inf
    ("1" * 5000, None),                # past Python's int-from-string limit
    ("1,000" * 200, None),
    ("123456789012", 123456789012),    # 12 digits: still read
    ("1234567890123", None),           # 13: a phone number or an id, not a count
    ("١٢٣", 123),
    ("۱۲۳", 123),                      # Persian digits
    ("1,200", 1200),
    ("مليون " * 40, None),             # multiplies past any count
    ("ثلاثة ملايين", 3_000_000),
    ("عشرات الآلاف", 10_000),
])
def test_parse_number_bounds(text, expected):
    assert parse_number(text) == expected


def test_parse_number_stays_below_the_cap():
    value = parse_number("تسعمائة وتسعة وتسعون ألفا")
    assert value == 999_000 and value < MAX_COUNT


@pytest.mark.parametrize("count_text", ["9" * 400, "1" * 40, "99999999999999"])
def test_a_huge_count_is_no_count(count_text):
    doc = Document(text=f"قتل {count_text} شخصا في انفجار سيارة مفخخة في بغداد")
    segment(doc)
    find_casualties(doc)
    assert all(c.count < MAX_COUNT for c in doc.casualties)
