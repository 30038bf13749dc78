"""An attacker who killed himself is one death more, like a suicide bomber (spec section 5): "ثم انتحر"،
"وانتحار منفذ الهجوم"، "أطلق النار على نفسه"; not an attempt ("محاولة انتحار"), a denial, or a name he took
("أطلق على نفسه لقب ..."). Told in the clause after the victims' toll, he is added to it. Made-up sentences
with diacritics, tatweel, clitics and Eastern Arabic digits; the real stages read them."""
from __future__ import annotations

import datetime as dt

import pytest
from casualty_reading import deaths
from conftest import TYPES, Trig

from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import fatalities_for, find_casualties
from rasd.segment import segment

P = dt.date(2018, 5, 7)


def build(text: str, triggers: list[tuple[str, str]], _places: dict) -> tuple[Document, list[Trig]]:
    doc = Document(text, published=P)
    segment(doc)
    doc.places = []
    trigs = []
    for word, kind in triggers:
        pos = doc.norm.text.rindex(word)
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
        trigs.append(Trig(pos, pos + len(word), index, *TYPES[kind]))
    doc.triggers = sorted(trigs, key=lambda t: t.start)
    find_dates(doc)
    find_casualties(doc)
    return doc, trigs


CASES = [
    ("دهس رجل بشاحنته حشدا من المارة، ما أودى بحياة ٣ أشخاص، وانتحار منفّذ الهجوم.", [3, 1]),
    ("قتل 4 أشخاص عندما صدمت سيارة المارة، ثم انتحـــر السائق.", [4, 1]),
    ("وأفادت الشرطة أن المهاجم انتحر بعد أن طعن امرأتين.", [1]),
    ("ثم أطلق على نفسه الرصاص قبل وصول الشرطة.", [1]),
    ("وأطلق المسلح النار على نفسه داخل المدرسة.", [1]),
    ("وقالت الشرطة إن المهاجمة انتحرت بعد الهجوم.", [1]),
    # no death of his own
    ("أحبطت الشرطة محاولة انتحار سجين في الزنزانة.", []),
    ("وكان زعيم التنظيم قد أطلق على نفسه لقب الأمير.", []),
    ("ونفت الشرطة انتحار المهاجم بعد الهجوم.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_attacker_suicide(text: str, expected: list[int]) -> None:
    assert deaths(text) == expected


CLAUSE = [
    # the attacker's death told in the trigger's own clause joins the victims' toll of the sentence
    ("دهس رجل بشاحنته حشدا من المارة، ما أودى بحياة ٣ أشخاص وأصاب ٢٠ آخرين، وانتحار منفذ الهجوم.", "الهجوم", 4),
    # alone in the sentence, he is its one death
    ("وانتهى الهجوم بانتحار منفذه في الشارع.", "الهجوم", 1),
    # the victims' toll alone, when no one killed himself
    ("دهس رجل بشاحنته حشدا من المارة، ما أودى بحياة ٣ أشخاص، وفرار منفذ الهجوم.", "الهجوم", 3),
]


@pytest.mark.parametrize("text,word,expected", CLAUSE)
def test_clause_attacker_joins_sentence_toll(text: str, word: str, expected: int) -> None:
    doc, trigs = build(text, [(word, "attack")], {})
    t = trigs[0]
    got = fatalities_for(doc, t, doc.sentences[t.sentence])
    assert got.count == expected, got.reason
