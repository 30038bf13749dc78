"""Actor roles where the side is the question (issue 17, actors6): who fights a ground battle the coalition backs,
a state's name that is only where a rocket fell, the sides of بين ... و for a word told before them and not after,
and the one-actor events (a change of group, a base set up) that have no actor2.

Sentences written for rasd (none copied from an evaluation set), with clitics (وخاضت، للحوثيين، بإسناد),
diacritics (قواتُ، المقاومةُ), tatweel (ميليشيـــات، الحـوثيين) and Eastern Arabic digits (٣). The roles come from
:func:`rasd.commands.actors.explain`, the call ``rasd actors`` makes (the actor stage's own decision).
"""
from __future__ import annotations

import pytest

from rasd.commands.actors import explain

HOU, YE, SLC, PR = "Houthis", "Military Forces of Yemen", "Saudi-led Coalition", "Popular Resistance"
SY, OPP, IL = "Military Forces of Syria", "Opposition Rebels (Syria)", "Military Forces of Israel"

# (sentence, published, sub-event type of the event word read, actor1, actor2, assoc_actor_1 or None)
CASES: list[tuple] = [
    # -- a fight on the ground in Yemen is the country's side's, the coalition backs it ---------------------------
    ("سيطر التحالف العربي على مدينة التحيتا بعد معارك عنيفة مع الحوثيين", "2018-06-20", "Armed clash", YE, HOU, SLC),
    ("وخاضت قواتُ التحالفِ معاركَ ضاريةً مع ميليشيـــات الحوثي في مديرية حيس", "2018-06-12", "Armed clash", YE, HOU,
     SLC),
    ("وتقدمت القوات المشتركة بإسناد من طيران التحالف نحو مطار الحديدة بعد اشتباكات مع الحوثيين", "2018-06-20",
     "Armed clash", YE, HOU, SLC),
    ("واستعادت ألوية العمالقة بدعم من التحالف مدينة الخوخة من الحـوثيين", "2018-01-09",
     "Government regains territory", "Giants Brigades", HOU, SLC),
    # ... but the air strikes are the coalition's own
    ("وشنّت طائرات التحالف غارات على مواقع للحوثيين في صعدة", "2018-05-01", "Air/drone strike", SLC, HOU, None),
    ("واشتبكت المقاومةُ الجنوبيةُ مع الحوثيين في مديرية كرش، بينما قصفت طائرات التحالف مواقعهم", "2015-07-03",
     "Air/drone strike", SLC, HOU, None),
    # -- a state's name after a word of place is where it fell, not the state's forces ----------------------------
    ("وسقطت ٣ قذائف صاروخية أُطلقت من قطاع غزة في جنوب إسرائيل مساء الأحد", "2018-07-15",
     "Shelling/artillery/missile attack", "Unidentified Armed Group (Palestine)", None, None),
    ("أطلق حزب الله صواريخ على شمال إسرائيل", "2018-05-10", "Shelling/artillery/missile attack", "Hezbollah", None,
     None),
    ("وسقط صاروخ أطلقه الحوثيون في جنوب السعودية", "2018-04-10", "Shelling/artillery/missile attack", HOU, None, None),
    ("وقصفت المدفعية التركية مواقع للوحدات الكردية داخل سوريا", "2018-02-20", "Shelling/artillery/missile attack",
     "Military Forces of Turkey", "People's Protection Units", None),
    # rockets fired from a land named by its nationality (من داخل الأراضي اليمنية): armed men of that country
    ("سقطت قذائف أُطلقت من داخل الأراضي اليمنية على قرية في محافظة الطوال بمنطقة جازان", "2015-09-10",
     "Shelling/artillery/missile attack", "Unidentified Armed Group (Yemen)", None, None),
    # ... and the state that acts stays an actor
    ("وشنّت إسرائيل غارات على مواقع لحركة حماس في قطاع غزة", "2018-05-10", "Air/drone strike", IL, "Hamas", None),
    # -- بين X و Y: the sides of the word before them, not of a word told after in another clause ------------------
    ("تدور مواجهات بين الحوثيين وقوات المقاومة الشعبية في محافظة إب، وأكد مصدر محلي أن المقاومة سيطرت على منطقة "
     "السدة", "2015-06-10", "Non-state actor overtakes territory", PR, HOU, None),
    ("اندلعت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة في ريف درعا", "2018-07-10", "Armed clash", SY, OPP, None),
    # -- one actor's own act: no actor2 --------------------------------------------------------------------------
    ("أعلن عشرات المقاتلين من الجيش الحر انشقاقهم وانضمامهم إلى هيئة تحرير الشام", "2018-10-01",
     "Change to group/activity", OPP, None, None),
    ("وأعلنت فصائل المعارضة في إدلب حلَّ الفصيل بعد اشتباكات مع هيئة تحرير الشام", "2018-10-01",
     "Change to group/activity", OPP, None, None),
]


def _event(sentence: str, published: str, sub: str) -> dict:
    events = [e for e in explain(sentence, published=published)["events"] if e["sub_event_type"] == sub]
    assert events, f"no event word of {sub} in {sentence!r}"
    return events[0]


@pytest.mark.parametrize("row", CASES, ids=[f"{i:02d}-{r[3]}-{r[4]}".replace(" ", "_") for i, r in enumerate(CASES)])
def test_sides(row):
    sentence, published, sub, actor1, actor2, assoc1 = row
    got = _event(sentence, published, sub)
    assert (got["actor1"], got["actor2"]) == (actor1, actor2), f"{sentence}\n{got['reasons']}"
    if assoc1 is not None:
        assert assoc1 in (got["assoc_actor_1"] or ""), got["reasons"]


def test_at_least_15_sentences():
    assert len(CASES) >= 15


def test_a_state_named_as_a_place_is_no_actor_mention_but_as_a_doer_it_is():
    place = explain("وسقطت قذيفة في جنوب إسرائيل", published="2018-07-15")
    assert not [m for m in place["actors"] if m["name"] == IL]
    doer = explain("وقصفت إسرائيل مواقع في جنوب سوريا", published="2018-07-15")
    assert [m for m in doer["actors"] if m["name"] == IL]


def test_the_coalition_backs_a_named_ground_force_of_the_government_side():
    got = _event("وخاضت قوات الشرعية بإسناد من التحالف معارك عنيفة مع الحوثيين في نهم", "2018-03-01", "Armed clash")
    assert (got["actor1"], got["actor2"]) == (YE, HOU)
    assert SLC in (got["assoc_actor_1"] or "")


def test_a_foreign_state_named_with_a_chemical_attack_is_not_its_doer():
    """The United States strikes back for the attack; the state's own forces, named in the article, used the gas."""
    text = ("قال الرئيس الأمريكي إن الولايات المتحدة شنت ضربات على مواقع للنظام السوري رداً على الهجوم الكيماوي على "
            "دوما. وكان الجيش السوري قد نفى استخدام أسلحة كيماوية ضد المدنيين في دوما.")
    got = _event(text, "2018-04-14", "Chemical weapon")
    assert got["actor1"] == SY, got["reasons"]
    assert got["actor1"] != "Military Forces of the United States"
