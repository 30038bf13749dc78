"""Who answered a strike with one of its own, and Yemen's and Gaza's sides read from the dictionary (issue 17).

* ``X ردّ/ردّت (عليها) بإطلاق/بقصف/باستهداف ...``: X did the event the ب-noun tells (ردّت عليها فصائل مسلحة بإطلاق
  صواريخ); the side whose strike it answered, named before ردّ, is neither its doer nor its other side by default.
  The event word told before the answer keeps its own doer.
* ``فصائل مسلحة`` in Gaza and Israel are the Palestinian factions (in Syria they stay the armed opposition).
* The army units loyal to the former president Saleh (قوات صالح، القوات الموالية للرئيس السابق) fought with the
  Houthis until December 2017: coded with them, not as Yemen's (Hadi's) forces; after that the words name no one.
* Yemen's local fighters (المقاتلون المحليون) who fought the Houthis in the south are the Popular Resistance; the
  same words elsewhere name no actor.

Sentences written for rasd (none copied from an evaluation set), with clitics, diacritics, tatweel and Eastern
Arabic digits; the roles come from :func:`rasd.commands.actors.explain`.
"""
from __future__ import annotations

import pytest

from rasd.commands.actors import explain

HOU, SLC, YE, PR = "Houthis", "Saudi-led Coalition", "Military Forces of Yemen", "Popular Resistance"
IL, PF, SY, REB = "Military Forces of Israel", "Palestinian factions", "Military Forces of Syria", "Opposition Rebels (Syria)"

# (sentence, published, a word of the event word, actor1, actor2 -- ANY: not settled by the sentence, only not
# actor1; a one-sentence article's opponent default may fill it)
ANY = object()
ANSWERS: list[tuple] = [
    # -- the answer: its doer is the one who answered -----------------------------------------------------------------
    ("شنّت طائرات التحالف غارات على مواقع للحوثيين في صعدة، فردّ الحوثيون بقصف مدينة نجران بالصواريخ",
     "2018-05-02", "صواريخ", HOU, ANY),
    ("وشنّت مقاتلات إسرائيلية غارات على قطاع غزة، ردّت عليها فصائل مسلحة بإطلاق ٣ صواريخ على جنوب إسرائيل",
     "2018-06-20", "صواريخ", PF, ANY),
    ("قصفت قوات النظام السوري مدينة دوما في الغوطة الشرقية، وردّت الفصائل المعارضة باستهداف أحياء دمشق بالقذائف",
     "2018-03-01", "قذائف", REB, ANY),
    ("وقصـف الجيش الإسرائيلي موقعاً شمال القطاع، فردّت حركة حماس بدورها بإطلاق صواريخ على مدينة سديروت",
     "2018-07-14", "صواريخ", "Hamas", ANY),
    # -- the event word told before the answer keeps its own doer -----------------------------------------------------
    ("شنّت طائرات التحالف غارات على مواقع للحوثيين في صعدة، فردّ الحوثيون بقصف مدينة نجران بالصواريخ",
     "2018-05-02", "غارات", SLC, HOU),
    ("قصفت قوات النظام السوري مدينة دوما في الغوطة الشرقية، وردّت الفصائل المعارضة باستهداف أحياء دمشق بالقذائف",
     "2018-03-01", "قصفت", SY, REB),
    # -- "in answer to" (ردا على) is no answer of this kind: who acts before it did not do the event it answers ------
    ("شنّ الجيش الإسرائيلي غارات على قطاع غزة ردا على إطلاق صواريخ من القطاع", "2018-06-20", "غارات", IL, ANY),
]


def _event(sentence: str, published: str, word: str) -> dict:
    events = [e for e in explain(sentence, published=published)["events"] if word in e["trigger"]]
    assert events, f"no event word with {word!r} in {sentence!r}"
    return events[0]


@pytest.mark.parametrize("row", ANSWERS, ids=[f"{i:02d}-{r[3]}" .replace(" ", "_") for i, r in enumerate(ANSWERS)])
def test_answer_roles(row):
    sentence, published, word, actor1, actor2 = row
    got = _event(sentence, published, word)
    assert got["actor1"] == actor1, f"{sentence}\n{got['reasons']}"
    if actor2 is ANY:
        assert got["actor2"] != actor1, f"{sentence}\n{got['reasons']}"
    else:
        assert got["actor2"] == actor2, f"{sentence}\n{got['reasons']}"


# (sentence, published, the words of the mention, the actor they name there, or None: no actor)
READINGS: list[tuple] = [
    ("ردّت فصائل مسلحة في قطاع غزة بإطلاق قذائف هاون على مستوطنات إسرائيلية", "2018-06-20", "فصائل مسلحة", PF),
    ("سيطرت فصائل مسلحة على قرية في ريف إدلب الجنوبي بعد اشتباكات مع الجيش السوري", "2018-03-01", "فصائل مسلحة", REB),
    ("هاجم الحوثيون وقوات صالح مواقع المقاومة الشعبية في مدينة تعز", "2015-08-02", "قوات صالح", HOU),
    ("وتقدمت القوات الموالية للرئيس السابق نحو معسكر العند في محافظة لحج", "2015-04-01", "القوات الموالية للرئيس السابق",
     HOU),
    ("وتقدمت القوات الموالية للرئيس السابق نحو معسكر في محافظة لحج", "2019-04-01", "القوات الموالية للرئيس السابق", None),
    ("وسيطر المقاتلون المحليّون على مطار عدن بعد معارك عنيفة مع الحوثيين", "2015-07-16", "المقاتلون المحليون", PR),
    ("وسيطر المقاتلون المحليون على حي في مدينة حلب بعد معارك عنيفة مع داعش", "2015-07-16", "المقاتلون المحليون", None),
    # -- forces loyal to the government, of any country: its forces ------------------------------------------------
    ("هاجم مسلحو داعش نقطة تفتيش تديرها القوات التابعة للحكومة الرسمية على مشارف أجدابيا", "2015-03-20",
     "القوات التابعة للحكومة الرسمية", "Military Forces of Libya"),
    ("وتقدّمت قوات موالية للحكومة نحو قضاء بيجي شمال محافظة صلاح الدين", "2015-06-01", "قوات موالية للحكومة",
     "Military Forces of Iraq"),
]


def _strip(text: str) -> str:
    return "".join(ch for ch in text if not "\u064b" <= ch <= "\u0652" and ch != "\u0640")


@pytest.mark.parametrize("row", READINGS, ids=[f"{i:02d}" for i in range(len(READINGS))])
def test_readings(row):
    sentence, published, words, name = row
    found = [m for m in explain(sentence, published=published)["actors"]
             if _strip(m["text"]) == words and m["kind"] != "other-country"]
    if name is None:
        assert not found, f"{words!r} read as {found} in {sentence!r}"
    else:
        assert found and found[0]["name"] == name, f"{words!r} in {sentence!r}: {found}"


def test_forces_loyal_to_the_recognised_government_fight_the_islamic_state_in_libya():
    got = _event("اشتبكت قوات موالية للحكومة المعترف بها دوليًا مع مسلحي تنظيم داعش في مدينة بنغازي يوم ١٢ مارس",
                 "2015-03-14", "اشتبكت")
    assert (got["actor1"], got["actor2"]) == ("Military Forces of Libya", "Islamic State"), got["reasons"]


# foreign visitors, envoys and aid workers hit abroad: civilians of the country their nationality names
FOREIGN_VICTIMS: list[tuple] = [
    ("اختطف مسلحون ممرضةً ألمانيةً من مقر منظمة إغاثة في العاصمة مقديشو", "2018-05-03", "Civilians (Germany)"),
    ("اغتال مسلحون السفير الأميركي في مدينة بنغازي", "2012-09-12", "Civilians (United States)"),
    ("قتل مسلّح سائحا بريطانيا على شاطئ فندق في مدينة سوسة", "2015-06-27", "Civilians (United Kingdom)"),
    ("خطف مسلحون صحافيًّا إيطاليًّا في ريف مدينة حلب", "2018-05-03", "Civilians (Italy)"),
]


@pytest.mark.parametrize("row", FOREIGN_VICTIMS, ids=[f"{i:02d}" for i in range(len(FOREIGN_VICTIMS))])
def test_foreign_victims_take_their_nationality(row):
    sentence, published, victims = row
    events = explain(sentence, published=published)["events"]
    assert events and events[0]["actor2"] == victims, events and events[0]["reasons"]


def test_a_local_victim_stays_of_the_country():
    events = explain("قتل مسلحون سائقا في مدينة سوسة", published="2015-06-27")["events"]
    assert events and events[0]["actor2"] == "Civilians (Tunisia)", events and events[0]["reasons"]


def test_the_rebels_answer_in_yemen_puts_the_houthis_first_with_eastern_digits_and_tatweel():
    got = _event("أغارت طائرات التحالف على مواقع للحوثيين، فــردّ الحوثيون باستهداف جازان بـ٤ صواريخ",
                 "2018-05-02", "صواريخ")
    assert got["actor1"] == HOU, got["reasons"]


def test_press_sources_are_no_civilians():
    # صحفية qualifies the sources here (مصادر صحفية): no civilian mention to read as a side
    mentions = explain("وأفادت مصادر صحفية أن طائرات حربية تابعة للتحالف الدولي شنت غارات على مواقع لتنظيم داعش "
                       "بريف حلب الشمالي", published="2015-08-01")["actors"]
    assert not [m for m in mentions if m["name"].startswith("Civilians")], mentions
