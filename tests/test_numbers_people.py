"""Death counts told through the people killed rather than a number: "القضاء على" in military statements,
duals that can only be duals (-ان, feminine -تين), a person joined to a count ("21 سائحا وشرطيا"), a
person named before the verb ("شرطي قتل")، and the wounded counted after the dead ("قتلوا وجرح المئات").
Made-up news sentences with diacritics, tatweel, clitics and Eastern Arabic digits; the real stages
(normaliser, dates, casualties) read them."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import find_casualties
from rasd.segment import segment

P = dt.date(2018, 5, 7)


def casualties(text: str) -> list[tuple[str, int]]:
    doc = Document(text, published=P)
    segment(doc)
    find_dates(doc)
    find_casualties(doc)
    return [(m.kind, m.count) for m in doc.casualties]


def deaths(text: str) -> list[int]:
    return [count for kind, count in casualties(text) if kind == "killed"]


CASES = [
    # "القضاء على" + a count or a person: killed (Egyptian and Yemeni military statements)
    ("وأضاف البيان أنه جرى القضاء على ٧ مسلحين خلال تبادل لإطلاق النار شمال سيناء.", [7]),
    ("أعلنت القوات المسلحة القضاء على عشرة عناصر تكفيرية في عملية أمنية.", [10]),
    ("وأسفرت المداهمة عن القضاء على قيادي بارز في التنظيم.", [1]),
    ("وتمكنت قوات الأمن من القضـــاء على (26) فردا تكفيريا.", [26]),
    # ... not an aim with no count
    ("دعا الرئيس إلى القضاء على الإرهاب في المنطقة الحدودية.", []),
    ("تعهد الوزير بالقضاء على الفساد خلال عامين.", []),
    # duals that cannot be plurals: nominative -ان of any person noun, feminine -تين
    ("هجوم قُتل فيه مستوطنان وأصيب ثالث بجروح قرب نابلس.", [2]),
    ("الهجوم المسلح الذي أودى يوم الثلاثاء بحياة شرطيتين في وسط المدينة.", [2]),
    ("وقُتِل صحافيان فلسطينيان خلال تغطيتهما للتظاهرات الأسبوع الماضي.", [2]),
    ("استشهد طفلتان إثر سقوط قذيفة على منزل عائلتهما.", [2]),
    # a person or two joined to a count (an adjective may come between)
    ("قتل ١٥ طفلاً وامرأتان في غارة جوية استهدفت مدرسة البلدة.", [17]),
    ("ونفذه مسلحان قتلا خلاله 21 سائحاً أجنبياً وشرطيـاً تونسياً.", [22]),
    ("وأسفرت الاشتباكات عن مقتل آمر الفوج وجنديين وإصابة أربعة آخرين.", [3]),
    # ... not the wounded, nor a definite noun that names no one new
    ("قتل ٤ مدنيين وطفل جريح في القصف الذي استهدف السوق.", [4]),
    ("قتل 3 جنود والقائد الميداني يتابع العملية من مقره.", [3]),
    # one person named right before the verb
    ("وكان شرطي أردني قتل، السبت، في هجوم استهدف حافلة لقوات الدرك.", [1]),
    ("أعلنت الوزارة أن جندياً توفي متأثراً بجراحه على إثر اشتباكات مع مسلحين.", [1]),
    # the dead counted before the verb, the wounded after it: two counts, not one for both
    ("وكان ١٦ شخصا على الأقل قد قتلوا وجرح المئات حين أطلق الجنود النار.", [16]),
    # ... while a verb with no count before it still reads one number for both
    ("قتل وجرح ١٩ شخصا في انفجار سيارة مفخخة.", []),
    # "نفسها" after a noun with a preposition is "the same", not a bomber's own death
    ("بعد يوم واحد من سلسلة تفجيرات في المدينة نفسها استهدفت كنائس.", []),
    ("وفجر الرجل نفسه خارج مركز الاقتراع.", [1]),
    # a list of the named dead, past the commas: each "، و" and a definite title is one more person ...
    ("ونتج عن ذلك استشهاد الرقيب سالم أحمد، والجندي خالد محمد، والجندي أول علي حسن.", [3]),
    ("أسفر القصف عن مقتل المواطن صالح ناجي، والمواطنة فاطمة علي.", [2]),
    ("وأعلنت الوزارة استشهاد الشاب يوسف (٢٩ عاما)، والطفل هيثم (١٥ عاما) شرق المدينة.", [2]),
    ("وأسفرت الغارة عن مقتل الضابطِ سامي حسن، والمجنّدِ وليد ناصر، والشرطيّ عمر فارس قرب الحاجز.", [3]),
    # ... not a wounded man named after the comma, a title without "و", or a name in the next sentence
    ("قُتل الجنديُّ محمد علي، والضابطُ أحمد سالم أصيب بجروح.", [1]),
    ("مقتل الجندي محمد علي، الضابط في الكتيبة الثالثة.", [1]),
    ("قتل الجندي محمد علي. والجندي أحمد سالم أصيب.", [1]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_death_counts(text, expected):
    assert deaths(text) == expected, casualties(text)


def test_wounded_after_the_dead_are_injured():
    got = casualties("وكان ١٦ شخصا على الأقل قد قتلوا وجرح المئات حين أطلق الجنود النار.")
    assert ("killed", 16) in got and ("injured", 100) in got
    got = casualties("قتل وجرح ١٩ شخصا في انفجار سيارة مفخخة.")
    assert got == [("killed_or_injured", 19)]
