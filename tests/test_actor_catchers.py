"""Police or army that respond to an attack are not its doers (issue 17, actors8).

The country's police or army named in an attack's sentence as the ones who caught its doer (ألقت الشرطة القبض على
منفذه، اعتقلته الشرطة), found its victims (عثرت الشرطة على جثتين) or shot the attacker (قُتل المهاجم برصاص قوات
الأمن) responded to it: the attack's actor1 is the attacker (an unidentified armed group, or the group that claimed
it), and an attacker they shot is the doer, not the one the attack hit. Where the police or army did the harm
themselves (قتلت قوات الأمن مدنيين، اعتقلت الشرطة ناشطين) they stay actor1.

Sentences written for rasd (none copied from an evaluation set), with clitics (وألقت، واعتقلته، بالقبض),
diacritics (وقُتِل، المهاجمُ), tatweel (الشـرطة) and Eastern Arabic digits (٣، ١٢). The roles come from
:func:`rasd.commands.actors.explain`, the call ``rasd actors`` makes.
"""
from __future__ import annotations

import pytest

from rasd.actors import CAUGHT_WHY
from test_actor_roles_sides import _event  # the event of a sub-type that `rasd actors` explains

UAG = "Unidentified Armed Group ({})"
CIV = "Civilians ({})"

# (sentence, published, sub-event type, actor1, actor2, inter1, inter2)
CASES: list[tuple] = [
    # -- the police caught the attacker: he did it, unnamed
    ("وطعن رجل ثلاثة مارة بسكين في وسط مدينة مونتريال الكندية قبل أن تلقي الشرطة القبض عليه", "2018-05-02",
     "Attack", UAG.format("Canada"), CIV.format("Canada"), "Political militia", "Civilians"),
    ("ووقع الهجوم بالسكين في مدينة ليون الفرنسية حيث ألقت الشـرطة القبض على منفذه", "2018-06-11",
     "Attack", UAG.format("France"), CIV.format("France"), "Political militia", "Civilians"),
    ("وأصيب ١٢ شخصاً في هجوم دهس بمدينة هامبورغ الألمانية، واعتقلت الشرطة الألمانية السائق", "2018-04-20",
     "Attack", UAG.format("Germany"), CIV.format("Germany"), "Political militia", "Civilians"),
    ("وقُتِل المهاجمُ برصاص قوات الأمن بعد هجوم بالسكين أوقع قتيلين في مدينة مرسيليا الفرنسية", "2018-10-01",
     "Attack", UAG.format("France"), CIV.format("France"), "Political militia", "Civilians"),
    ("وفتح مسلح النار على المصلين في مسجد بمدينة كيبيك الكندية فقتل ٦ منهم قبل أن تعتقله الشرطة", "2018-01-30",
     "Attack", UAG.format("Canada"), CIV.format("Canada"), "Political militia", "Civilians"),
    # -- the police found the victims: whoever killed them is unnamed
    ("وعثرت الشرطة العراقية على جثتي شابين مقتولين بالرصاص في حي جنوبي بغداد", "2015-07-26",
     "Attack", UAG.format("Iraq"), CIV.format("Iraq"), "Political militia", "Civilians"),
    ("وعثرت قوات الأمن المصرية على جثة مواطن مقتول بطلقات نارية في مدينة العريش", "2018-03-10",
     "Attack", UAG.format("Egypt"), CIV.format("Egypt"), "Political militia", "Civilians"),
    # -- a group claimed it: the group, not the police that caught the cell
    ("وأعلن تنظيم داعش مسؤوليته عن إطلاق النار على المصلين عند مسجد في الأحساء، ونجحت الأجهزة الأمنية السعودية في "
     "القبض على المتورطين", "2015-06-01", "Attack", "Islamic State", CIV.format("Saudi Arabia"), "Rebel group",
     "Civilians"),
    ("وفتح أربعة إرهابيين النار على المصلين عند مسجد في قرية بالأحساء فقتلوا ٧ منهم، ونجحت الأجهزة الأمنية السعودية "
     "في القبض على المتورطين", "2015-06-01", "Attack", UAG.format("Saudi Arabia"), CIV.format("Saudi Arabia"),
     "Political militia", "Civilians"),
    # -- the police or army that did the harm themselves stay actor1
    ("وقتلت قوات الأمن المصرية ٣ مدنيين بالرصاص في مدينة العريش", "2018-03-10",
     "Attack", "Police Forces of Egypt", CIV.format("Egypt"), "State forces", "Civilians"),
    ("وأطلقت الشرطة الكينية النار على سائق حافلة فقتلته في نيروبي", "2018-08-10",
     "Attack", "Police Forces of Kenya", CIV.format("Kenya"), "State forces", "Civilians"),
    ("واعتقلت الشرطة التركية ١٢ صحفيا في إسطنبول", "2018-08-10",
     "Arrests", "Police Forces of Turkey", CIV.format("Turkey"), "State forces", "Civilians"),
    # -- an air strike is the state's own even where the sentence names an arrest
    ("وشنت الطائرات الحربية السورية غارات على بلدة في ريف إدلب بعد أن اعتقلت قوات النظام ناشطين فيها", "2018-09-01",
     "Air/drone strike", "Military Forces of Syria", CIV.format("Syria"), "State forces", "Civilians"),
]


@pytest.mark.parametrize("row", CASES, ids=[f"{i:02d}-{r[2]}-{r[3]}".replace(" ", "_") for i, r in enumerate(CASES)])
def test_responders_are_not_the_doers(row):
    sentence, published, sub, actor1, actor2, inter1, inter2 = row
    got = _event(sentence, published, sub)
    assert (got["actor1"], got["actor2"]) == (actor1, actor2), f"{sentence}\n{got['reasons']}"
    assert (got["inter1"], got["inter2"]) == (inter1, inter2), got


def test_the_catchers_reason_is_told():
    got = _event(CASES[1][0], CASES[1][1], "Attack")
    assert any(CAUGHT_WHY in r for r in got["reasons"]), got["reasons"]


def test_at_least_12_sentences():
    assert len(CASES) >= 12
