"""Deaths the casualty stage used to miss: one person whose death is told in a relative clause after his name
("الصحافي فلان الذي توفي متأثرا بجراحه"), "قضى" with the day between it and "متأثرا", and counts set aside as
a cumulative or a period's toll when they are not ("... منذ اندلاع الاحتجاجات، وبلغت ذروتها عندما قتل 61"،
"خلال احتفالات رأس السنة"). Made-up sentences with diacritics, tatweel, clitics and Eastern Arabic digits."""
from __future__ import annotations

import pytest

from casualty_reading import PUBLISHED, deaths
from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import find_casualties
from rasd.segment import segment


def incident_deaths(text: str) -> list[int]:
    """The killed counts of ``text`` that are read as one incident's toll (not set aside as aggregates)."""
    doc = Document(text, published=PUBLISHED)
    segment(doc)
    find_dates(doc)
    find_casualties(doc)
    return [m.count for m in doc.casualties if m.kind == "killed" and m.aggregate is None]


@pytest.mark.parametrize("text, expected", [
    ("شيّع الأهالي الصحافيَّ سامر خليل الذي توفي متأثراً بجراحه في المستشفى.", [1]),
    ("وكانت الطفلة السورية، التي قُتلت برصاص قناص، في طريقها إلى المدرسة.", [1]),
    ("نعت النقابة المسعف محمود، الذي قضى الخميس متأثرا بجراح أصيب بها قرب السياج.", [1]),
    ("وأحيا السكان ذكرى الرضيع الفلسطينـــي الذي قتل حرقا في القرية.", [1]),
    ("وبحسب الأهل فإن الشاب أحمد أبو علي الذي استشهد أمس كان عائداً من عمله.", [1]),
])
def test_one_named_person_in_a_relative_clause(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # no person before the relative: an event, a force, or a man told of before (no name of his own)
    ("وندد البيان بالهجوم الذي قتل المتظاهرين قرب الحدود.", []),
    ("وانتقد الحقوقيون الجيشَ الإسرائيلي الذي قتل المتظاهرين.", []),
    ("وأضاف أن الرجل الذي قُتل كان في القرية المجاورة.", []),
    # a plural relative gives no count
    ("وقال إن الأشخاص الذين قتلوا في الهجوم دفنوا أمس.", []),
    # the count after the verb is the victims, as before
    ("المسلح الذي قتل ٥ أشخاص في الهجوم اعتُقل.", [5]),
])
def test_no_one_added_without_a_named_person(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("قتل ١٣٢ شخصاً منذ اندلاع المواجهات في آذار، وبلغت ذروتها في أيار عندما قُتل ٦١ شخصاً في يوم واحد.", [61]),
    ("وفتح مسلح النار على ملهى ليلي خلال احتفالات رأس السنة، فقتل 39 شخصا وجرح 69.", [39]),
])
def test_one_day_toll_not_set_aside(text, expected):
    assert incident_deaths(text) == expected


@pytest.mark.parametrize("text", [
    # still set aside: the cumulative count has no clause of its own moment, the period is a real one
    "وقُتل ١٣٢ شخصاً منذ اندلاع المواجهات في آذار الماضي.",
    "وقتل 40 شخصا خلال السنة الماضية في هجمات متفرقة.",
])
def test_cumulative_and_period_tolls_still_set_aside(text):
    assert deaths(text) and incident_deaths(text) == []


@pytest.mark.parametrize("text, expected", [
    ("وسقط ٤ من القتلى خلال مسيرة سلمية قرب السياج.", [4]),
    ("وسقط ثلاثة من القتلـى في حي الشجاعية.", [3]),
    # the dead and wounded together, or the wounded: no death count
    ("وسقط خمسة من القتلى والجرحى في القصف.", []),
    ("وسقط 4 من الجرحى في المسيرة.", []),
])
def test_fell_count_of_the_dead(text, expected):
    assert deaths(text) == expected
