"""Cumulative tolls told far from their start point: a campaign "منذ 18 شباط" or attacks "خلال الأشهر
الماضية" named at the head of a long sentence whose end gives the toll; and a future period ("على مدى
العامين المقبلين") that makes no toll cumulative. Made-up sentences read by the real stages."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import find_casualties
from rasd.segment import segment

P = dt.date(2018, 3, 8)


def killed(text: str) -> list[tuple[int, bool]]:
    """(count, set aside as no incident's toll) of each death count."""
    doc = Document(text, published=P)
    segment(doc)
    find_dates(doc)
    find_casualties(doc)
    return [(m.count, m.aggregate is not None) for m in doc.casualties if m.kind == "killed"]


CASES = [
    # a campaign since a date, the toll at the end of the sentence
    ("وتشن قوات النظام منذ 18 شباط/فبراير حملة عنيفة على مناطق سيطرة الفصائل المعارضة في الغوطة الشرقية، "
     "يتخللها قصف جوي وصاروخي ومدفعي كثيف، مما تسبب بمقتل أكثر من ٨٦٠ مدنياً بينهم أطفال.", [(860, True)]),
    ("وتواصل الطائرات منذ مطلع الشهر غاراتها على قرى الريف الجنوبي وبلداته وأحيائه ومزارعه، "
     "ما أسفر حتى الآن عن مقتل ثلاثمئة وعشرين شخصاً.", [(320, True)]),
    # attacks over past months, the toll far after the period
    ("وشنت الجماعتان عدة هجمات في العاصمة خلال الأشهر الماضية، استهدفت بالأساس قوات الأمن والأقلية "
     "الشيعية في البلاد، ما أسفر عن مقتل مئات الأشخاص.", [(100, True)]),
    # one incident's toll in a sentence about the future stays
    ("قالت الوزارة إن الخطر سيبقى عاليا على مدى العامين المقبلين، في الذكرى الأولى لهجوم أسفر عن مقتل "
     "ثمانية أشخاص وسط المدينة.", [(8, False)]),
    ("ويتوقع الخبراء تصعيدا خلال الأسابيع القادمة بعد هجوم أمس الذي أسفر عن مقتل ١٢ جنديا.", [(12, False)]),
    # a day named after the start point: that day's toll
    ("تسيطر الجماعة على البلدة منذ عام 2014، وقتل أمس خمسة من عناصرها في غارة.", [(5, False)]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_cumulative(text, expected):
    assert killed(text) == expected
