"""Suicide bombers the text counts among the dead ("قتل 30 مسلحا بينهم 4 انتحاريين"): a suicide bombing
with no victims' toll of its own counts them (ACLED counts the bombers; spec section 5), where the text
gives one such number (fat24). Made-up sentences with diacritics, tatweel, clitics and Eastern Arabic
digits."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from rasd import numbers
from rasd.doc import Document
from rasd.segment import segment


def doc_of(text: str) -> Document:
    doc = Document(text, published=dt.date(2018, 7, 26))
    segment(doc)
    return doc


@pytest.mark.parametrize("text, expected", [
    ("وقال المرصد إن 30 مسلحا من التنظيم قُتلوا، بينهم ٤ انتحاريين.", 4),
    ("وأدت المعارك إلى مصرع 18 جهاديا بينهم الانتحاريون العشـرة.", 10),
    ("وقتل في الهجوم 12 عنصرا منهم ثلاثة انتحاريين.", 3),
    ("قتل 9 مهاجمين بينهم ٢ انتحاريين. وأكد المرصد أن بينهم 2 انتحاريين.", 2),  # told twice, the same
])
def test_bombers_among_the_dead(text, expected):
    assert numbers._bombers_among_dead(doc_of(text))[0] == expected


@pytest.mark.parametrize("text", [
    "وقتل 30 مسلحا بينهم 4 انتحاريين، وذكرت مصادر أخرى أن بينهم 6 انتحاريين.",  # two numbers: which is not said
    "وقتل 5 أشخاص بينهم الانتحاري.",  # one bomber, already in the count
    "وأصيب ٣٠ شخصا في التفجيرات الانتحارية.",
])
def test_no_number_of_bombers(text):
    assert numbers._bombers_among_dead(doc_of(text)) is None


def test_a_bombing_without_a_toll_counts_the_bombers():
    text = ("ووقعت التفجيرات الانتحارية قرب سوق الخضار في المدينة. وقال المرصد إن 30 مسلحا قُتلوا، "
            "بينهم ٤ انتحاريين.")
    doc = doc_of(text)
    start = doc.norm.text.index("التفجيرات")
    trigger = SimpleNamespace(start=start, end=start + len("التفجيرات الانتحاريه"), sub_event_type="Suicide bomb")
    none = numbers.Fatalities(0, None, None, "no death count reported")
    assert numbers._with_bomber(doc, trigger, doc.sentences[0], none).count == 4
    # without the bombers counted among the dead, several bombings give no number
    doc = doc_of("ووقعت التفجيرات الانتحارية قرب سوق الخضار في المدينة. وقال المرصد إن 30 مسلحا قُتلوا.")
    assert numbers._with_bomber(doc, trigger, doc.sentences[0], none).count == 0
