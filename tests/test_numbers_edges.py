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


# -- the nearest-trigger rule, indexed, agrees with its definition ------------------------------------
from dataclasses import dataclass  # noqa: E402
from types import SimpleNamespace  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rasd.numbers import CasualtyMention, _distance, _owned  # noqa: E402


@dataclass
class _T:
    start: int
    end: int
    modality: str | None = None
    absorbed: bool = False


spans = st.tuples(st.integers(0, 400), st.integers(1, 30)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(trigs=st.lists(spans, min_size=1, max_size=25), counts=st.lists(spans, min_size=1, max_size=6),
       which=st.integers(0, 24), window=st.tuples(st.integers(0, 200), st.integers(200, 450)),
       link=st.booleans())
def test_owned_matches_the_definition(trigs, counts, which, window, link):
    """A count belongs to the trigger when no rival trigger of the window is nearer (its definition,
    checked against every rival); the index must give the same answer."""
    text = ("ما اسفر عن " if link else "وقال ان هنا ") * 40
    triggers = [_T(a, b) for a, b in trigs]
    cas = [CasualtyMention(a + 450, b + 450, "x", 1, "killed") for a, b in counts]  # never inside a trigger
    cas += [CasualtyMention(a, b, "x", 1, "killed") for a, b in counts[:2]]
    doc = SimpleNamespace(norm=SimpleNamespace(text=text), triggers=triggers, casualties=[], user_data={})
    trigger = triggers[which % len(triggers)]
    start, end = window
    got = _owned(doc, trigger, cas, start, end)
    rivals = [t for t in triggers if t is not trigger and (t.start, t.end) != (trigger.start, trigger.end)
              and start <= t.start < end]
    expected = [m for m in cas if all(_distance(doc, m, trigger) <= _distance(doc, m, r) for r in rivals)]
    assert got == expected
