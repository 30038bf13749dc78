"""fatalities_for: the deaths of one event, from its clause, sentence or continuing sentence."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest

from rasd.dates import find_dates
from rasd.doc import Document, Sentence
from rasd.numbers import Fatalities, fatalities_for, find_casualties

P = dt.date(2015, 8, 7)


def make_doc(text: str, *, clauses: bool = True) -> Document:
    """A Document with sentences split on . ! ? and newlines, clauses on commas; stages run."""
    doc = Document(text, published=P)
    norm = doc.norm.text
    sentences = []
    start, para = 0, 0
    for m in re.finditer(r"[.!?]+|\n", norm + "\n"):
        end = min(m.end(), len(norm))
        chunk = norm[start:end]
        if chunk.strip():
            s = start + len(chunk) - len(chunk.lstrip())
            sent = Sentence(s, end, 0, 0, para)
            if clauses:
                cs = s
                for cm in re.finditer(r"[,;]", norm[s:end]):
                    sent.clauses.append(Sentence(cs, s + cm.end(), 0, 0, para))
                    cs = s + cm.end()
                if sent.clauses:
                    sent.clauses.append(Sentence(cs, end, 0, 0, para))
            sentences.append(sent)
        if m.group() == "\n":
            para += 1
        start = m.end()
    doc.sentences = sentences
    find_dates(doc)
    find_casualties(doc)
    return doc


@dataclass
class Trig:
    start: int
    end: int
    sentence: int
    event_type: str = "Explosions/Remote violence"
    sub_event_type: str = "Air/drone strike"
    modality: str | None = None


def trig(doc: Document, word: str, nth: int = 0, **kw) -> tuple[Trig, Sentence]:
    pos = -1
    for _ in range(nth + 1):
        pos = doc.norm.text.index(word, pos + 1)
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
    return Trig(pos, pos + len(word), index, **kw), doc.sentences[index]


CASES = [
    # (text, trigger word (normalised), nth, expected deaths)
    ("انفجرت عبوة ناسفة في السوق ما أسفر عن مقتل 3 وإصابة 7.", "عبوه", 0, 3),
    ("انفجرت عبوة ناسفة في السوق ما أدى إلى مقتل وإصابة 19 شخصا.", "عبوه", 0, 0),
    ("قال مصدر في الشرطة إن رجلين قتلا، فيما أصيب خمسة آخرون في انفجار عبوة ناسفة.", "عبوه", 0, 2),
    ("أصيب سبعة أشخاص بجروح في انفجار عبوة ناسفة.", "عبوه", 0, 0),
    ("شنت طائرات التحالف غارات على المدينة.", "غارات", 0, 0),
    # the next sentence continues the report
    ("أطلق المسلحون صواريخ على بلدة الحويجة. ما أسفر عن مقتل 12 من الحراس.", "صواريخ", 0, 12),
    ("قصف الطيران بغارتين مخزنا في بلدة الزبيدية. وذكرت المصادر مقتل 14 مسلحا وجرح العشرات.",
     "بغارتين", 0, 14),
    # ... but not a sentence about something else
    ("شنت طائرات التحالف غارات على المدينة. وفي حلب قتل 5 أشخاص.", "غارات", 0, 0),
    # an updated toll replaces the first one
    ("أسفر التفجير عن مقتل 12 شخصا، ثم ارتفعت حصيلة القتلى إلى 30.", "التفجير", 0, 30),
    ("أسفر التفجير عن مقتل 12 شخصا وارتفعت حصيلة القتلى إلى 30 قتيلا.", "التفجير", 0, 30),
    # coordinated counts add up; restatements do not
    ("اندلعت اشتباكات قال الأهالي إن 14 مسلحا و6 من رجال الشرطة سقطوا قتلى فيها.", "اشتباكات", 0, 20),
    ("قصفت القوات المدينة ما أسفر عن مقتل 9 أشخاص واستقبل المستشفى تسع جثث.", "قصفت", 0, 9),
    ("قصفت القوات المدينة ما أسفر عن مقتل 4 مدنيين و3 جنود.", "قصفت", 0, 7),
    # attackers count as ACLED counts them
    ("فجر انتحاري نفسه في سوق شعبي ما أسفر عن مقتل خمسة أشخاص.", "انتحاري", 0, 6),
    ("فجر انتحاريان نفسيهما عند حاجز أمني دون وقوع إصابات.", "انتحاريان", 0, 2),
    ("فجر انتحاري نفسه في سوق شعبي ما أسفر عن مقتل ستة أشخاص بينهم الانتحاري.", "انتحاري", 0, 6),
    # vague quantities
    ("استهدفت الغارات مواقع للحوثيين ما أسفر عن مقتل العشرات منهم.", "الغارات", 0, 10),
    ("استهدفت الغارات مواقع للحوثيين ما أسفر عن سقوط قتلى.", "الغارات", 0, 0),
    ("دارت اشتباكات تسببت في مقتل عدد من عناصر الحرس.", "اشتباكات", 0, 0),
    ("جرت اشتباكات خلفت مقتل أكثر من تسعة مسلحين.", "اشتباكات", 0, 9),
    # deaths given as the reason for the event are not its fatalities
    ("اعتصم مئات الطلاب أمام الجامعة احتجاجا على قتل أحد زملائهم.", "اعتصم", 0, 0),
    # two clauses, two events: each keeps its own count
    ("ذكر المصدر مقتل 8 مسلحين جراء استهداف مخزن في الحضر، بينما قتل 23 منهم في استهداف نقطة قرب البعاج.",
     "استهداف", 0, 8),
    ("ذكر المصدر مقتل 8 مسلحين جراء استهداف مخزن في الحضر، بينما قتل 23 منهم في استهداف نقطة قرب البعاج.",
     "استهداف", 1, 23),
    ("لقي ضابط ومساعده مصرعهما جراء انفجار عبوة ناسفة بسيارتهما.", "عبوه", 0, 2),
    ("ولقي طبيب وزوجته مصرعهما بنيران ملثمين.", "بنيران", 0, 2),
    ("وعثرت الشرطة على جثتي رجلين قضيا رميا بالرصاص.", "رميا", 0, 2),
]


@pytest.mark.parametrize("text, word, nth, expected", CASES)
def test_fatalities_for(text, word, nth, expected):
    doc = make_doc(text)
    t, sent = trig(doc, word, nth)
    got = fatalities_for(doc, t, sent)
    assert isinstance(got, Fatalities)
    assert got.count == expected, got.reason


def test_reason_and_span():
    doc = make_doc("انفجرت عبوة ناسفة ما أسفر عن مقتل 3 وإصابة 7.")
    t, sent = trig(doc, "عبوه")
    got = fatalities_for(doc, t, sent)
    assert doc.original_text(got.start, got.end) == "مقتل 3"
    doc = make_doc("انفجرت عبوة ناسفة ما أدى إلى مقتل وإصابة 19 شخصا.")
    t, sent = trig(doc, "عبوه")
    got = fatalities_for(doc, t, sent)
    assert got.count == 0 and "no separable death count" in got.reason
    doc = make_doc("انفجرت عبوة ناسفة في السوق.")
    t, sent = trig(doc, "عبوه")
    assert fatalities_for(doc, t, sent) == Fatalities(0, None, None, "no death count reported")


def test_nearest_trigger_owns_the_count():
    """With the pipeline's triggers on the document, a count goes to the nearest event."""
    text = "قصفت الطائرات قرية شمال المدينة ما أسفر عن مقتل 4 مدنيين واندلعت اشتباكات جنوبها قتل فيها 6 مقاتلين."
    doc = make_doc(text, clauses=False)
    strike, sent = trig(doc, "قصفت")
    clash, _ = trig(doc, "اشتباكات", sub_event_type="Armed clash", event_type="Battles")
    doc.triggers = [strike, clash]
    assert fatalities_for(doc, strike, sent).count == 4  # "ما أسفر عن" ties the 4 to the strike
    assert fatalities_for(doc, clash, sent).count == 6


def test_trigger_with_modality_takes_nothing():
    text = "هدد التنظيم بشن هجمات جديدة بعد غارة قتل فيها 6 مقاتلين."
    doc = make_doc(text, clauses=False)
    threat, _ = trig(doc, "بشن", event_type="Battles", sub_event_type="Armed clash")
    threat.modality = "threat"
    strike, sent = trig(doc, "غاره")
    doc.triggers = [threat, strike]
    assert fatalities_for(doc, strike, sent).count == 6
