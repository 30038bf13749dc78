"""Tolls told away from the event's own words: a story's toll in a neighbouring sentence, the other side's
dead, people named before a count joined to it, the official "عدد N", and the dead told apart from the
wounded. Made-up news sentences; triggers and places are given by hand (what the trigger and place stages
would find), sentences, dates and counts come from the real stages."""
from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from conftest import TYPES, Trig

from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import fatalities_for, find_casualties
from rasd.segment import segment

P = dt.date(2018, 6, 9)


def build(text: str, triggers: list[tuple[str, str]], places: dict[str, str]) -> tuple[Document, list[Trig]]:
    """``places``: normalised place name -> its governorate, marked as a place mention wherever it occurs."""
    doc = Document(text, published=P)
    segment(doc)
    doc.places = sorted((SimpleNamespace(start=m.start(), end=m.end(), text=m.group(0),
                                         place=SimpleNamespace(admin1=admin1))
                         for name, admin1 in places.items() for m in re.finditer(re.escape(name), doc.norm.text)),
                        key=lambda p: p.start)
    trigs, seen = [], {}
    for word, kind in triggers:
        pos = -1
        for _ in range(seen.get(word, 0) + 1):
            pos = doc.norm.text.index(word, pos + 1)
        seen[word] = seen.get(word, 0) + 1
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
        trigs.append(Trig(pos, pos + len(word), index, *TYPES[kind]))
    doc.triggers = sorted(trigs, key=lambda t: t.start)
    find_dates(doc)
    find_casualties(doc)
    return doc, trigs


VALLEY = {"الوادي": "Gov A"}

STORY = [
    # (text, triggers, index of the trigger, places, expected deaths)
    # -- the lead counts the dead without placing them; the next sentence places the fighting
    ("قال مسعفون إن ستة أشخاص قتلوا خلال اشتباكات شرقي البلاد. واندلع القتال أمس في بلدة الوادي.",
     [("اشتباكات", "clash"), ("القتال", "clash")], 1, VALLEY, 6),
    # -- the toll two sentences on, a vague one read as ACLED reads it (عشرات -> 10)
    ("سيطرت القوات على مركز مديرية الوادي. وقال المتحدث إن العملية استمرت ساعات. "
     "وأكد أن العشراتِ من المسلحين لقوا حتفهم في المعارك.",
     [("سيطرت", "regain"), ("المعارك", "clash")], 0, VALLEY, 10),
    # -- not when the count's sentence places an event of its own
    ("قتل خمسة أشخاص في غارة على بلدة التل. وشنت الطائرات غارة أخرى على بلدة الوادي.",
     [("غاره", "air"), ("غاره", "air")], 1, {"التل": "Gov A", "الوادي": "Gov A"}, 0),
    # -- nor when the count is another kind of event's
    ("قتل أربعة مدنيين في قصف مدفعي. واندلعت اشتباكات في بلدة الوادي.",
     [("قصف", "shelling"), ("اشتباكات", "clash")], 1, VALLEY, 0),
    # -- nor when the event's sentence tells a past incident (a day long before the news) and the count's none
    ("قتل ثلاثة جنود في اشتباكات مع المتمردين. وكانت اشتباكات عنيفة قد اندلعت في بلدة الوادي في آذار ٢٠١٣.",
     [("اشتباكات", "clash"), ("اشتباكات", "clash")], 1, VALLEY, 0),
    # -- the other side's dead, told in the rest of the sentence, are added ...
    ("قتل ٤ من عناصر الشرطة في هجوم على حاجز أمني في الوادي، فيما قتلت القوات ٤ مسلحين.",
     [("هجوم", "clash")], 0, VALLEY, 8),
    # ... or in the next sentence when it carries on the report
    ("أفاد مصدر بمقتل ثمانية عشر حوثيا في مواجهات بمنطقة الوادي. وأشار المصدر إلى أن أربعة قتلى سقطوا في صفوف "
     "المقاومة.", [("مواجهات", "clash")], 0, VALLEY, 22),
    # -- a death the event remembers is not its toll ...
    ("خرج مئات المتظاهرين في مسيرة بمدينة الوادي في ذكرى مرور عام على مقتل الشاب.",
     [("مسيره", "protest")], 0, VALLEY, 0),
    ("تجمع المحتجون في الوادي عشية الذكرى السنوية لمقتل الطالب.", [("تجمع", "protest")], 0, VALLEY, 0),
    # ... a death during it is
    ("قتل شاب برصاص الشرطة خلال مسيرة في الوادي.", [("مسيره", "protest")], 0, VALLEY, 1),
    # ... but two counts of the same side are not
    ("قتل ستة مسلحين في اشتباكات مع الجيش في الوادي، وقال مصدر إن ثلاثة مسلحين قتلوا في الاشتباكات.",
     [("اشتباكات", "clash")], 0, VALLEY, 6),
    # -- a sentence of bodies after the event's does not bring a toll of another kind of event
    ("قتل أربعة مدنيين في قصف مدفعي. واندلعت اشتباكات في بلدة الوادي. وشوهدت جثث في الطرقات.",
     [("قصف", "shelling"), ("اشتباكات", "clash")], 1, VALLEY, 0),
]


@pytest.mark.parametrize("text, triggers, which, places, expected", STORY)
def test_story_tolls(text, triggers, which, places, expected):
    doc, trigs = build(text, triggers, places)
    t = trigs[which]
    got = fatalities_for(doc, t, doc.sentences[t.sentence])
    assert got.count == expected, got.reason


def test_story_toll_says_where_it_came_from():
    doc, trigs = build("قال مسعفون إن ستة أشخاص قتلوا خلال اشتباكات شرقي البلاد. واندلع القتال أمس في بلدة الوادي.",
                       [("اشتباكات", "clash"), ("القتال", "clash")], VALLEY)
    got = fatalities_for(doc, trigs[1], doc.sentences[1])
    assert "story sentence" in got.reason and got.start is not None and got.start < doc.sentences[1].start


def test_other_side_is_said():
    doc, trigs = build("قتل ٤ من عناصر الشرطة في هجوم على حاجز أمني في الوادي، فيما قتلت القوات ٤ مسلحين.",
                       [("هجوم", "clash")], VALLEY)
    got = fatalities_for(doc, trigs[0], doc.sentences[0])
    assert "other side" in got.reason


def killed(text: str) -> list[tuple[int, str]]:
    doc = Document(text, published=P)
    segment(doc)
    find_dates(doc)
    find_casualties(doc)
    return [(m.count, m.kind) for m in doc.casualties]


COUNTS = [
    # people named before a count joined to it
    ("قتل جنديان و٣ مسلحين في الكمين.", [(5, "killed")]),
    ("قُتل القيادي مع خمسة آخرين في الغارة.", [(6, "killed")]),
    ("قاد الحملة قبل أن يلقى مصرعه مع ثلاثة آخرين من مرافقيه.", [(4, "killed")]),
    ("أما مرافقه فقتل مع عشرات آخرين.", [(11, "killed")]),
    # ... but "واحد" is one number, not و + a count
    ("وقتل جندي واحد في الهجوم.", [(1, "killed")]),
    # -- "عدد" before digits is the count (official style); "عدد من" stays a vague 0
    ("أسفرت المداهمة عن مصرع عدد ٦ عناصر تكفيرية.", [(6, "killed")]),
    ("وأضاف البيان أنه استشهد عدد (2) مجند.", [(2, "killed")]),
    ("سقط عدد من القتلى في القصف.", [(0, "killed")]),
    # -- the dead and the wounded given together: no death count, not one death
    ("سقط عدد كبير من عناصر الميليشيا بين قتيل وجريح.", [(0, "killed_or_injured")]),
    # -- qualifiers, diacritics, tatweel, the wounded apart from the dead
    ("قُتِلَ نحو عشرين مسلحاً وأُصيب أكثر من ثلاثين.", [(20, "killed"), (30, "injured")]),
    ("استشهد أكثر من ١٢ مدنيـًا في الغارات.", [(12, "killed")]),
    ("أصيب خمسة أشخاص بجروح ولم يقتل أحد.", [(5, "injured")]),
]


@pytest.mark.parametrize("text, expected", COUNTS)
def test_counts(text, expected):
    assert killed(text) == expected
