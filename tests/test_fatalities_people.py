"""Whose toll: a result link with its subject between ("أسفر الهجوم عن مقتل"), a suicide bombing's bomber
counted with his victims; the sub-event types that carry no deaths. Made-up sentences;
triggers are given by hand (what the trigger stage would find), sentences and counts come from the real
stages."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import TYPES, Trig

from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import fatalities_for, find_casualties, no_deaths
from rasd.segment import segment

P = dt.date(2018, 5, 7)

def build(text: str, triggers: list[tuple[str, str]]) -> tuple[Document, list[Trig]]:
    doc = Document(text, published=P)
    segment(doc)
    doc.places = []
    trigs, seen = [], {}
    for word, kind in triggers:
        pos = -1
        for _ in range(seen.get(word, 0) + 1):
            pos = doc.norm.text.index(word, pos + 1)
        seen[word] = seen.get(word, 0) + 1
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
        trigs.append(Trig(pos, pos + len(word), index, *TYPES[kind]))
    doc.triggers = trigs
    find_dates(doc)
    find_casualties(doc)
    return doc, trigs


CASES = [
    # the toll after "أسفر الهجوم عن" is the attack's, not that of the event named after it
    ("هاجمت القوات تحصينات المتمردين في البلدة، حيث أسفر الهجوم عن مقتل أربعة متمردين وأسر اثنين آخرين، "
     "وتفكيك شبكة ألغام.", [("هاجمت", "clash"), ("تفكيك", "disrupted")], 0, 4),
    ("هاجمت القوات تحصينات المتمردين في البلدة، حيث أسفر الهجوم عن مقتل أربعة متمردين وأسر اثنين آخرين، "
     "وتفكيك شبكة ألغام.", [("هاجمت", "clash"), ("تفكيك", "disrupted")], 1, 0),
    ("قصفت المدفعية مواقع المسلحين وأدى القصف المكثف إلى مقتل ٩ منهم، واعتراض طائرة مسيرة.",
     [("قصفت", "shelling"), ("اعتراض", "disrupted")], 0, 9),
    # a suicide bombing: the bomber who died counts with his victims ...
    ("قتل ٣١ شخصا في هجوم انتحاري استهدف مركزا لتسجيل الناخبين في العاصمة.", [("هجوم انتحاري", "suicide")], 0, 32),
    ("فجّر انتحاري حزامه الناسف قرب حاجز للشرطة ما أدى إلى مقتل سبعة جنود.", [("انتحاري", "suicide")], 0, 8),
    # ... once: not when his own death is already read, or the toll says it holds him
    ("فجر انتحاري نفسه في سوق شعبي ما أسفر عن مقتل خمسة أشخاص.", [("فجر انتحاري", "suicide")], 0, 6),
    ("قتل ١٢ شخصا بينهم الانتحاري في تفجير استهدف مسجدا.", [("تفجير", "suicide")], 0, 12),
    # ... nor when several bombings or bombers are told together (how many died is not said)
    ("قتل 40 شخصا على الأقل في تفجيرات نفذها انتحاريون في المدينة.", [("تفجيرات", "suicide")], 0, 40),
    # ... nor for a bombing of another kind
    ("قتل ١٢ شخصا في انفجار عبوة ناسفة على جانب الطريق.", [("عبوه ناسفه", "ied")], 0, 12),
]


@pytest.mark.parametrize("text, triggers, which, expected", CASES)
def test_whose_toll(text, triggers, which, expected):
    doc, trigs = build(text, triggers)
    t = trigs[which]
    got = fatalities_for(doc, t, doc.sentences[t.sentence])
    assert got.count == expected, got.reason


def test_the_bomber_is_said():
    doc, trigs = build("قتل ٣١ شخصا في هجوم انتحاري استهدف مركزا لتسجيل الناخبين في العاصمة.",
                       [("هجوم انتحاري", "suicide")])
    got = fatalities_for(doc, trigs[0], doc.sentences[0])
    assert got.attackers == 1 and "bomber" in got.reason


def test_types_that_carry_no_deaths():
    # the events stage zeroes these after the decision: an arrest or an agreement told beside a deadly
    # incident does not take its toll ("اتفاق للتهدئة بعد تصعيد أسفر عن مقتل أربعة")
    assert no_deaths("Arrests") and no_deaths("Agreement") and no_deaths("Non-violent transfer of territory")
    assert not no_deaths("Armed clash") and not no_deaths("Excessive force against protesters")
    assert not no_deaths("Peaceful protest")  # may be matched to protesters shot: it keeps its toll
    assert not no_deaths(None)
