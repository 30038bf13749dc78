"""A person named before a count of his or her companions ("X وثلاثة من مرافقيه لقوا مصرعهم") is one more
death than the count; "عددا من" his companions adds none (ACLED's conservative rule), so the toll is the one
named. Not when the pronoun is plural ("مرافقيهم": the count's own people) or no one is named before و.
Made-up sentences with diacritics, tatweel, clitics and Eastern Arabic digits; the real stages read them."""
from __future__ import annotations

import pytest
from casualty_reading import deaths


CASES = [
    # the named one + a vague number of his men: 1
    ("وأفادت مصادر محلية أن القيادي الميداني وعددًا من مرافقيه لقوا مصرعهم بغارة جوية.", [1]),
    ("لقي القائد وعدد من حراسه مصرعهم في كمين قرب البلدة.", [1]),
    ("وأكد الناطق أن أبو حمزة وعــددا من عناصره لقوا حتفهم في القصف.", [1]),
    # the named one + a number of his men: N + 1
    ("لقي الضابط سالم وثلاثة من مرافقيه مصرعهم في الهجوم.", [4]),
    ("وذكرت الشرطة أن المُهرّب و٤ من رفاقه قتلوا في تبادل لإطلاق النار.", [5]),
    ("وقالت المصادر إن القيادية وخمسة من حراسها لقوا مصرعهم بانفجار عبوة.", [6]),
    # her / his men after a plural or a count: no one more
    ("لقي ثلاثة جنود وعدد من مرافقيهم مصرعهم.", [3]),
    ("وأكدت أن ٥ مسلحين و٣ من عناصره قتلوا.", [8]),
    ("لقي المسلحون وعدد من أنصارهم مصرعهم في المواجهات.", [0]),
    # a count with no one named before it keeps its value
    ("لقي ثلاثة من مرافقيه مصرعهم في الغارة.", [3]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_companions_of_named(text: str, expected: list[int]) -> None:
    assert deaths(text) == expected
