"""Who fired what was shot down, who takes over a place handed over, and speakers that deny or describe (issue 17).

* ``Disrupted weapons use``: actor2 is the side whose rocket, missile or drone was shot down, never the people
  its debris hurt (أصيب ثلاثة مقيمين بشظاياه); when no side is named, one that fired it from another land
  (أُطلق من قطاع غزة، من الأراضي التركية) is an unidentified armed group of that land.
* ``Non-violent transfer of territory``: the government's side that takes the place over is actor1, the group
  that withdraws, is evacuated or hands it over (انسحب مقاتلو X، سلّم المسلحون أسلحتهم للجيش) actor2.
* A speaker that says it did *not* do something (أعلنت الشرطة أنها لم تعثر، أكد الجيش أنه لم يشارك) is a
  source, not the doer; one that describes the event (في حادث وصفته الشرطة بأنه متعمد) likewise.

Sentences written for rasd (none copied from an evaluation set), with clitics, diacritics, tatweel and
Eastern Arabic digits; the roles come from :func:`rasd.commands.actors.explain`.
"""
from __future__ import annotations

import pytest

from rasd.commands.actors import explain

SA, IL, SY, HOU = "Military Forces of Saudi Arabia", "Military Forces of Israel", "Military Forces of Syria", "Houthis"
DWU, NVTT = "Disrupted weapons use", "Non-violent transfer of territory"

# (sentence, published, sub-event type, actor1, actor2)
CASES: list[tuple] = [
    # -- what was shot down: the side that fired it, not the people its debris hurt --------------------------------
    ("أسقطت الدفاعات الجوية السعودية طائرة مسيّرة حوثية فوق أبها وسقطت شظاياها على منازل المواطنين", "2018-06-01",
     DWU, SA, HOU),
    ("اعترضت قوات الدفاع الجوي السعودية صاروخا باليستيا أطلقه الحوثيون على مدينة جازان، وأصيب ٣ مقيمين بشظاياه",
     "2018-04-01", DWU, SA, HOU),
    ("اعترض الجيش الإسرائيلي صاروخا أطلق من قطاع غزة على مدينة عسقلان مساء الأحد", "2018-07-01",
     DWU, IL, "Unidentified Armed Group (Palestine)"),
    ("أسقطت الدفاعات الجوية السورية طائرات مسيرة أطلقت من الأراضي التركية فوق مدينة حلب", "2018-07-01",
     DWU, SY, "Unidentified Armed Group (Turkey)"),
    # -- a place handed over: the government's side that takes it over first ----------------------------------------
    ("انسحب مقاتلو جيش الإسلام من بلدة في الغوطة الشرقية وسلموا مواقعهم للجيش السوري", "2018-04-12",
     NVTT, SY, "Jaysh al-Islam"),
    ("وجرت مصالحة في بلدات ريف درعا الشرقي سلّم فيها مقاتلو المعارضة أسلحتهم للجيش السوري", "2018-07-08",
     NVTT, SY, "Opposition Rebels (Syria)"),
    ("وتمّ تسليم بلدة بيت جن في ريف دمشق للقوات الحكومية السورية بعد انسحاب المسلحين منها", "2018-01-02",
     NVTT, SY, None),
    # -- a speaker that denies or describes is no doer ---------------------------------------------------------------
    ("أعلنت الشرطة الألمانية أنها لم تعثر على أدلة حول دوافع حادث الدهس الذي أودى بحياة شخصين في مدينة هامبورغ",
     "2018-04-08", "Attack", "Unidentified Armed Group (Germany)", "Civilians (Germany)"),
    ("وأكّد الجيـش الأردني أنه لم يشارك في القصف الذي استهدف بلدة في ريف درعا", "2018-07-01",
     "Shelling/artillery/missile attack", "Unidentified Armed Group (Syria)", None),
    ("لقي ٤ أشخاص مصرعهم عندما صدمت سيارة عددا من المارة في وسط مدينة ليون الفرنسية، في حادث وصفته الشرطة بأنه متعمد",
     "2018-04-24", "Attack", "Unidentified Armed Group (France)", "Civilians (France)"),
    # -- and one that says it did it is still the doer ----------------------------------------------------------------
    ("أعلن الجيش الإسرائيلي أنه قصف موقعا لحركة حماس شمال قطاع غزة", "2018-07-14",
     "Shelling/artillery/missile attack", IL, "Hamas"),
]


def _event(sentence: str, published: str, sub: str) -> dict:
    events = [e for e in explain(sentence, published=published)["events"] if e["sub_event_type"] == sub]
    assert events, f"no {sub} in {sentence!r}"
    return events[0]


@pytest.mark.parametrize("row", CASES, ids=[f"{i:02d}-{r[2]}".replace(" ", "_").replace("/", "_")
                                            for i, r in enumerate(CASES)])
def test_roles(row):
    sentence, published, sub, actor1, actor2 = row
    got = _event(sentence, published, sub)
    assert (got["actor1"], got["actor2"]) == (actor1, actor2), f"{sentence}\n{got['reasons']}"
