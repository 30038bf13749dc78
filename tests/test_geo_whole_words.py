"""A proclitic is no proclitic where the whole word is a frequent Arabic word and the rest of it is none (issue 13,
events placed in the wrong country): "لمدة وجيزة" (brief) is no و + جيزة (Giza, Egypt), "وتيرة" (pace) no و +
Tire (Turkey), "فريدة" no ف + Raydah (Yemen). Names written with a real proclitic (وحلب، بالموصل، فبغداد) are
still read; nor is a division's short name that is a common noun phrase (الأمانة العامة، الحدود الشمالية
الغربية) without its type word. Sentences written for rasd (clitics, diacritics, tatweel, Eastern Arabic digits).
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, sentence_places


def _found(text: str) -> list[tuple[str, str]]:
    return [(p.place.country, p.place.name) for p in sentence_places(text)]


# (text, the place(s) it names, in order)
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # -- an everyday word that starts with و or ف: no place abroad ---------------------------------------------
    ("عبر عشرات الشبان السياج الحدودي لمدة وجيزة ثم عادوا إلى قطاع غزة", [("Palestine", "Gaza Strip")]),
    ("أُصيب جنديان بجروح طفيفة خلال فترة وجيزةٍ من الاشتباك في درعا", [("Syria", "Dar`a")]),
    ("ارتفعت وتيـرة الاشتباكات اليوم في ريف حلب", [("Syria", "Aleppo")]),
    ("وصل وفداً من الأمم المتحدة إلى عدن", [("Yemen", "Aden")]),
    ("وصفت الوزارة الهجوم على السوق بأنه جريمة فريدة من نوعها", []),
    ("قال المتحدث فاروق حسن إن القصف استمر ٣ ساعات", []),
    ("حذرت المنظمة من أن العائلات النازحة فقيرة جدا", []),
    ("اعتقلت الشرطة عناصر فصيلة مسلحة", []),
    ("وقال المسؤول للصحفيين: بارك الله فيكم", []),
    # -- a real proclitic: the name is still read --------------------------------------------------------------
    ("قصفت الطائرات بغداد وحلب", [("Iraq", "Baghdad"), ("Syria", "Aleppo")]),
    ("قُتل ٣ مدنيين في الجيزة وأصيب آخرون", [("Egypt", "Giza")]),
    ("انفجرت عبوة ناسفة بالموصل", [("Iraq", "Mosul")]),
    # -- a division's short name that is a common noun phrase (ambiguous.tsv, tw): only with its type word, or
    # في/ب in an article about its country ---------------------------------------------------------------------
    ("أدانت الأمانةُ العامة لمنظمة التعاون الإسلامي الهجوم", []),
    ("فتحت القوات النار على طول الحدود الشمالية الغربية الهندية", []),
    ("قُتل شخصان في انفجار بمنطقة الحدود الشمالية", [("Saudi Arabia", "Northern Borders")]),
    ("اندلعت اشتباكات في محافظة الأمانة", [("Yemen", "Amanat Alasimah")]),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_whole_word_is_no_proclitic_and_a_name(case):
    text, expected = case
    assert _found(text) == expected, explain(text)["places"]
