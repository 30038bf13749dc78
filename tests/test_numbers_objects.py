"""Victims told as the object of an active verb after its subject ("قتل الجيش، الجمعة، شابين"), across the
commas of a day; the dual of أودى; residents and workers as one person; a suicide bombing's bomber not added
when the toll's own sentence tells several bombings; a second count joined after the first one's partitive
("25 جهاديا من تنظيم النصرة وسبعة من المقاتلين"). Made-up news sentences with diacritics, tatweel,
clitics and Eastern Arabic digits; the real stages (normaliser, dates, casualties) read them."""
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


CASES = [
    # the object after the subject, a day between commas
    ("قَتَلَ الجيشُ الإسرائيلي، الجمعة، شابَّين فلسطينيين وأصاب نحو ٢٤١ آخرين.", [2]),
    ("وقتلت الشرطة التركية، الأحد، ٣ مسلحين في اشتباك جنوب البلاد.", [3]),
    ("اغتال مسلحون مجهولون، الثلاثاء، مسؤولاً محلياً في المدينة.", [1]),
    # ... or a comma between subject and object
    ("كما قتلت ميليشيا الحـــوثي، امرأةً بشظايا قذيفة أطلقتها على الحي.", [1]),
    ("وقتل قناص، طفلة أمام منزلها في القرية.", [1]),
    # ... a dual needs no comma, and an adjective of the subject is not the victim
    ("قتل قناص حوثي طفلين في المزرعة شرق المدينة.", [2]),
    # ... the passive with the victim after a comma
    ("قُتل بالرصاص، أمس، شاب في القرية الحدودية.", [1]),
    # not: a definite noun after the subject (an adjective: the Syrian army), a preposition, a new clause
    ("قتل الجيش السوري المدنيين في الغوطة بحسب المرصد.", []),
    ("قتل المسلحون في الهجوم، وأصيب ثلاثة جنود بجروح.", []),
    # not: the victims counted before the verb, a part of them after it
    ("وقال المسؤول إن ستة أشخاص قتلوا في الغارات بينهم امرأتان.", [6]),
    # the dual of أودى, its subject before it
    ("وبحسب معلومات أولية فإن التفجيرين أوديا بحياة ١٤ شخصاً وأُصيب نحو ٥٤ آخرون.", [14]),
    ("وأفاد الطبيب أن الانفجارين أودَيا بحياة سبعة مدنيين.", [7]),
    # a resident, a foreign worker, a (female) worker: one person
    ("وأسفر سقوط الشظايا عن مقتل مقيم مصري في العاصمة.", [1]),
    ("أدى الحادث إلى مقتل وافد آسيوي وإصابة اثنين.", [1]),
    ("وأعلنت المنظمة مقتل عاملة إغاثة في السوق.", [1]),
    # ... and the two wounded after them are not a second victim
    ("أدى الحادث إلى مقتل مقيم آسيوي وإصابة اثنين آخرين.", [1]),
    ("وأسفر الانفجار عن مقتل جنديين تركيين وجرح اثنين.", [2]),
]


PARTITIVE = [
    # a second count joined after the first one's partitive "من ..." (a comma may come before و)
    ("تسببت الاشتباكات بمقتل ٢٥ جهادياً من تنظيم النصرة وسبعة من المقاتلين الموالين لهم.", [32]),
    ("ونتج عن الحادثة استشهـاد 12 من رجال الأمن، وثلاثة من العاملين في الموقع.", [15]),
    ("قُتل 4 أشخاص من عائلة واحدة و5 آخرين في القصف على البلدة.", [9]),
    # not: the partitive ends at a place or a day (the second count is another place's or day's)
    ("قتل 7 من عناصر الأمن في الهجوم و3 آخرون في بغداد.", [7]),
    ("قُتل فيها 24 من القوات الموالية للحكومة الخميس وأربعة آخرون الجمعة.", [24]),
    # not: the wounded
    ("قتل 20 شخصا من سكان القرية و15 جريحا في القصف.", [20]),
]


@pytest.mark.parametrize("text,expected", CASES + PARTITIVE)
def test_object_and_people(text, expected):
    assert deaths(text) == expected


def _bombing(text: str, word: str) -> int:
    doc = Document(text, published=P)
    segment(doc)
    pos = doc.norm.text.index(word)
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
    trig = Trig(pos, pos + len(word), index, *TYPES["suicide"])
    doc.triggers = [trig]
    find_dates(doc)
    find_casualties(doc)
    return fatalities_for(doc, trig, doc.sentences[index]).count


@pytest.mark.parametrize("text,expected", [
    # one bombing told, its toll in the next sentence: the bomber is added
    ("فجر انتحاري سيارة مفخخة أمام مقر الشرطة في المدينة. وأدى الهجوم إلى مقتل ٩ أشخاص.", 10),
    # two bombings, the toll's sentence says so: how many bombers died is not said
    ("نفذ انتحاريان هجوما بسيارة مفخخة على مقر الشرطة في المدينة. وقال مصدر إن التفجيرين أوديا بحياة ٩ أشخاص.", 9),
])
def test_bomber_and_the_tolls_sentence(text, expected):
    assert _bombing(text, "مفخخه") == expected
