"""Issue 13 (admin14), governorates abroad read wrong from gazetteer data: a given name read as a town (فلاديمير
بوتين is no event in Vladimir Oblast: ambiguous.tsv flags فلاديمير ``tp``, the town needs its type word or a
direction phrase), and Afghan provinces the press names in Arabic spellings that the derived sources lack (they
carry Persian and Pashto forms only): "ولاية لوغار جنوب كابول" is in Logar, not Kabul.

Sentences written for rasd, with clitics, diacritics, tatweel, Eastern Arabic digits and a hashtag. Each row: a
sentence and the places an event told in it is coded at, as ``admin1|location|precision``, ``;`` between places.
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, sentence_places

CASES: list[tuple[str, str]] = [
    # Vladimir Putin's given name is no town
    ('وقال الرئيس الروسي فلاديمير بوتين إن الشرطة اعتقلت عشرة محتجين', ''),
    ('أكد أشد خصوم الرئيس #فلاديمير_بوتين أنه اعتُقل في موسكو', 'Moskva|Moscow|1'),
    ('ودعا فلاديميـــر بوتين إلى التهدئة بعد هجوم في سالزبري', 'England|Salisbury|1'),
    # the town, with its type word or a direction phrase, stays a place
    ('اعتقلت الشرطة ١٠ أشخاص في مدينة فلاديمير', "Vladimirskaya oblast'|Vladimir|1"),
    ('وقع انفجار قُرب فلاديمير', "Vladimirskaya oblast'|Vladimir|2"),
    # Afghan provinces in the press's Arabic spellings
    ('قُتل ١٤ جنديا في غارة على حاجز للجيش في ولاية لوغار جنوب كابول', 'Logar|Logar|3'),
    ('وهاجم مسلحو طالبان نقطة تفتيش بولاية تخار شمال البلاد', 'Takhar|Takhar|3'),
    ('قتل خمسة شرطيين في هجوم في ولاية باكتيا', 'Paktia|Paktia|3'),
    ('وشنّت القوات الأمريكية غاراتٍ على مواقع لداعش في كونار', 'Kunar|Kunar|3'),
    ('انفجرت عبوة ناسفة في ولاية بدخشـــان', 'Badakhshan|Badakhshan|3'),
    ('وقع هجوم على مركز للشرطة في ولاية ميدان وردك', 'Maidan Wardak|Maidan Wardak|3'),
    # the provinces already known are unchanged
    ('قُتل عشرة في تفجير انتحاري في ولاية ننغرهار', 'Nangarhar|Nangarhar|3'),
    ('قتل ثلاثة في انفجار في العاصمة الأفغانية كابول', 'Kabul|Kabul|1'),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_governorate_abroad(text: str, expected: str) -> None:
    got = [f"{p.place.admin1}|{p.place.name}|{p.precision}" for p in sentence_places(text)]
    assert got == [x for x in expected.split(";") if x], explain(text)["places"]
