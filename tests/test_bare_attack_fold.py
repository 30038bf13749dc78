"""Issue 17, precision (extra14): the bare attack noun in the definite (الهجوم، بالهجوم، الهجومين، الهجمات) told in another sentence at
the governorate and day of an incident that the text names with a word of its kind (a suicide bomber, a
shooting, an air raid, a bomb) is that incident named again, not a second event of another type (the clash
the bare noun reads as by default). On train, out of fold, these were the largest class of predictions of a
type the coders have none of at that governorate ("sp: extra type, same admin1", trigger هجوم*).

Each folded case checks that the candidates held both types (so the fold, not the trigger reading, makes one
event) and that the merge gives one event of the incident's type, with the toll the bare noun's sentence
gives. Cases apart stay apart: an indefinite noun (هجوماً: a new report), another day, another governorate, a word that names a clash (هجوم بري), an
incident of no violent type (a protest). Sentences written here for rasd."""
from __future__ import annotations

import pytest

from conftest import told_and_merged


pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


@pytest.mark.parametrize("text, sub, place, toll", [
    # two air raids, then the doctors' toll "in the two attacks" (Eastern Arabic digits)
    ("شنت طائرات حربية غارتين على مدينة الحديدة أمس. وقال أطباء إن عدد القتلى بلغ ٢٠ في الهجومين على "
     "الحديدة أمس.", "Air/drone strike", "Al Hudaydah", 20),
    # a suicide bomber, then the group that claimed "the attack" (diacritics); told with no death count, the
    # bombing counts its one bomber (tolls13)
    ("فجّر انتحاري حزامه الناسف في سوق مدينة بعقوبة يوم الثلاثاء. وتبنّى التنظيم الهجوم على سوق بعقوبة "
     "يوم الثلاثاء.", "Suicide bomb", "Baqubah", 1),
    # a gunman shoots at worshippers, then the suspect "in the attack" (a clitic, diacritics)
    ("أطلق مسلح النار على المصلين في مسجد بمدينة كويتا يوم الجمعة. وقالت الشرطة إن المشتبه به في الهُجُومِ "
     "على كويتا يوم الجمعة فرّ.", "Attack", "Quetta", 0),
    # a roadside bomb, then what "the attack" left (tatweel)
    ("انفجرت عبوة ناسفة بدورية للشرطة في مدينة العريش اليوم. وأسفر الهجـوم على العريش اليوم عن مقتل "
     "جنديين.", "Remote explosive/landmine/IED", "Arish", 2),
    # a drone strike on a car, then "the attack" and its toll (Eastern Arabic digits in the day and the toll)
    ("قصفت طائرة مسيرة سيارة في مدينة مأرب يوم ٨ مارس. وأدى الهجوم على مأرب يوم ٨ مارس إلى مقتل ٣ "
     "أشخاص.", "Air/drone strike", "Ma'rib", 3),
])
def test_the_bare_attack_noun_names_the_incident_again(text, sub, place, toll):
    told, events = told_and_merged(text)
    assert {"Armed clash", sub} <= told or {"Attack", sub} <= told, told
    assert events == [(sub, place, toll)]


@pytest.mark.parametrize("text, expected", [
    # another day: a car bomb on Monday, an attack on a checkpoint on Wednesday
    ("انفجرت سيارة مفخخة في مدينة الرمادي يوم الاثنين. وشن مسلحون هجوما على حاجز للجيش في الرمادي يوم "
     "الأربعاء.", [("Armed clash", "Ramadi", 0), ("Remote explosive/landmine/IED", "Ramadi", 0)]),
    # an attack told with an indefinite noun (هجوماً) tells a new incident, on the bomb's day and town too
    ("انفجرت عبوة ناسفة في مدينة الرمادي يوم الاثنين. وشن مسلحون هجوماً على حاجز للجيش في الرمادي يوم "
     "الاثنين.", [("Armed clash", "Ramadi", 0), ("Remote explosive/landmine/IED", "Ramadi", 0)]),
    # a word that names a clash (هجوم بري) beside the air raids: the coders code both
    ("شنت الطائرات غارات على بلدة كفرنبل أمس. وبدأت القوات هجوماً برياً على كفرنبل أمس.",
     [("Air/drone strike", "Kafranbel", 0), ("Armed clash", "Kafranbel", 0)]),
])
def test_other_incidents_stay_apart(text, expected):
    told, events = told_and_merged(text)
    assert events == expected
