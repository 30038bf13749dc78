"""Deaths told through a man's kin ("مقتل والده"، "مصرع نجليه") and through one person named with the
others killed beside him ("مقتل السفير فلان و3 دبلوماسيين آخرين"، "وأربعة من مرافقيه"): the one named is
one more. Made-up sentences with diacritics, tatweel, clitics and Eastern Arabic digits."""
from __future__ import annotations

import pytest

from casualty_reading import deaths


@pytest.mark.parametrize("text, expected", [
    ("منذ مقتلِ والده على أيدي المسلحين في المدينة مطلع الشهر.", [1]),
    ("أكدت العائلة مصـــرع شقيقها في غارة على القرية.", [1]),
    ("أسفر القصف عن مقتل نجله وسائقه قرب الحاجز.", [2]),
    ("أعلنت الأسرة مقتل نجليه في انفجار عبوة ناسفة أمس.", [2]),
    ("وقُتل السفير الأمريكي جون سميث و٣ دبلوماسيين آخرين في الهجوم على القنصلية.", [4]),
    ("أسفرت الغارة عن مقتل القيادي أبو خالد وأربعة من مرافقيه جنوب المدينة.", [5]),
    ("أعلن الجيش مقتل الضابط و5 عناصر آخرين في الكمين.", [6]),
    ("قُتل القسُّ داخل الكنيسة صباح الأحد.", [1]),
])
def test_kin_and_the_one_named_with_others(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the count joined to the man is the wounded, or his men are someone else's: no one added
    ("قُتل الجنديُّ وأُصيب ٣ آخرون في الانفجار.", [1]),
    ("مقتل القائد و4 من عناصرهم في المعارك.", [1]),
    # a count of its own, not after one person
    ("أسفر الهجوم عن مقتل 7 أشخاص و3 آخرين من الشرطة.", [10]),
])
def test_nothing_added_without_the_one_named(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one person before "قتل وجرح": he is the dead, the count after the verbs is the wounded
    ("وقال الجيش إن عسكريًا تركيًا قُتل وجُرح اثنان آخران قرب الحدود.", [1]),
    ("شرطيٌّ قُتل وأُصيب ٤ آخرون في إطلاق نار.", [1]),
])
def test_one_person_before_killed_and_wounded(text, expected):
    assert deaths(text) == expected


def test_killed_and_wounded_together_still_one_count():
    # no one named before the verbs: the count is of the dead and the wounded together, not of the dead
    assert deaths("قُتل وجُرح ٢٠ شخصًا في الانفجار.") == []
