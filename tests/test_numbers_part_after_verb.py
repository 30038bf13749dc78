"""A count told before its verb, and a part of it told right after the verb with "بينهم"/"منهم": the count
before the verb is the toll ("51 شخصا قتلوا بينهم 40 طفلا" -> 51, not 40). Made-up sentences with
diacritics, tatweel, clitics and Eastern Arabic digits."""
from __future__ import annotations

import pytest

from casualty_reading import deaths


@pytest.mark.parametrize("text, expected", [
    ('وقال الوزير للصحافيين إن "51 شخصا قتلوا بينهم 40 طفلا"، و79 جرحوا.', [51]),
    ("وقال المتحدث إنّ ٥١ شخصاً قُتِلوا بينهم ٤٠ طفلاً في الغارة.", [51]),
    ("وأكدت المصادر أن 12 مدنيا قتـــلوا بينهم ثلاث نساء.", [12]),
    ("أفاد المسعفون بأن عشرين شخصا لقوا حتفهم بينهم أطفال.", [20]),
    ("وذكر الدفاع المدني أن ١٧ شخصًا قُتلوا منهم ٥ أطفال.", [17]),
    ("وقالت الشرطة إن سبعة جنود قتلوا بينهم ضابطان.", [7]),
])
def test_count_before_the_verb_keeps_the_toll(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # no count before the verb: the count after "بينهم" is the toll
    ("وقُتل بينهم 3 أطفال في القصف.", [3]),
    # a count of the wounded before the verb is no count of the dead: nothing before "قتل" in its clause
    ("أصيب 20 شخصا. وقتل بينهم ٤ مسعفين.", [4]),
    # the verb first, its count after it: read as before
    ("وقُتِل ٩ أشخاص بينهم طفلان في الانفجار.", [9]),
])
def test_count_after_the_verb_still_read(text, expected):
    assert deaths(text) == expected
