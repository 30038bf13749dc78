"""The sides of a civil war's clashes, and the victims of a chemical attack (issue 17).

* A clash between a civil war's insurgents (``insurgents`` of rasd/data/actors.yaml: the Houthis in Yemen, the
  rebels in Syria) and the government's forces or their allies has the government's side as actor1, as the gold
  codes these fronts, unless the sentence tells of the insurgents' attack (هاجم، محاولة تسلل، هجوم شنّه): then the
  sentence's own reading stands. Other wars (Iraq and the Islamic State) are left to the sentence.
* A chemical attack strikes the people of the place: its actor2 is civilians, never the armed side that holds
  the place nor the one accused of it.

Sentences written for rasd (none copied from an evaluation set), with clitics, diacritics, tatweel and Eastern
Arabic digits; the roles come from :func:`rasd.commands.actors.explain`.
"""
from __future__ import annotations

import pytest

from rasd import actors
from rasd.commands.actors import explain

HOU, YE, PR = "Houthis", "Military Forces of Yemen", "Popular Resistance"
SY, REB, JAI = "Military Forces of Syria", "Opposition Rebels (Syria)", "Jaysh al-Islam"
RULE = "actors.yaml insurgents"

# (sentence, published, a word of the event word, actor1, actor2, whether the government-first rule decided)
CLASHES: list[tuple] = [
    # -- no attack of the insurgents told: the government's side first -----------------------------------------------
    ("أعلنت ميليشيا الحوثي مقتل قائد لواء تابع لها في مواجهات مع الجيش اليمني بمحافظة الجوف", "2018-02-21",
     "مواجهات", YE, HOU, True),
    ("قتل عدد من مسلحي الحوثيين خلال مـواجهات مع قوات الشرعية في جبهة نهم", "2018-03-11", "مـواجهات", YE, HOU, True),
    ("دارت معارك بين الحوثيين والمقاومة الشعبية في محيط مدينة الضالع", "2015-06-05", "معارك", PR, HOU, True),
    ("وقُتل ١٢ عنصراً من الحوثيين في معارك مع المقاومة الشعبية بمدينة تعز", "2015-09-03", "معارك", PR, HOU, None),
    ("اندلعت اشتباكات عنيفة بين قوات الجيش اليمني ومسلحي جماعة الحوثي في مديرية حيس", "2018-06-10", "اشتباكات",
     YE, HOU, None),
    ("قتل خمسة من مقاتلي فصائل المعارضة في اشتباكات مع الجيش السوري بريف حماة", "2018-03-01", "اشتباكات", SY, REB,
     True),
    ("دارت اشتباكات بين فصائل المعارضة المسلحة وقوات النظام السوري في ريف درعا الشرقي", "2018-06-25", "اشتباكات",
     SY, REB, True),
    # -- the insurgents attacked: the sentence's reading stands -------------------------------------------------------
    ("هاجم الحوثيون مواقع الجيش اليمني في جبهة صرواح واندلعت اشتباكات بين الطرفين", "2018-04-01", "اشتباكات",
     HOU, YE, False),
    ("تصدت المقاومة الشعبية لمحاولة تسلل نفذها الحوثيون نحو مواقعها ودارت اشتباكات عنيفة", "2018-04-01",
     "اشتباكات", HOU, PR, False),
    ("اندلعت المواجهات بعد هجومٍ شنّه الحوثيون على مواقع الجيش اليمني شرق صنعاء", "2018-04-01", "المواجهات",
     HOU, YE, False),
    ("هاجمت فصائل المعارضة مواقع لقوات النظام السوري في ريف حماة ودارت اشتباكات عنيفة", "2018-03-01", "اشتباكات",
     REB, SY, False),
    # -- a war the data file does not list: left to the sentence ------------------------------------------------------
    ("قتل ثلاثة من عناصر داعش في اشتباكات مع الجيش العراقي غرب الموصل", "2018-03-01", "اشتباكات",
     "Military Forces of Iraq", "Islamic State", False),
]


def _event(sentence: str, published: str, word: str) -> dict:
    events = [e for e in explain(sentence, published=published)["events"] if word in e["trigger"]]
    assert events, f"no event word with {word!r} in {sentence!r}"
    return events[0]


@pytest.mark.parametrize("row", CLASHES, ids=[f"{i:02d}-{r[3]}".replace(" ", "_") for i, r in enumerate(CLASHES)])
def test_clash_sides(row):
    sentence, published, word, actor1, actor2, ruled = row
    got = _event(sentence, published, word)
    assert (got["actor1"], got["actor2"]) == (actor1, actor2), f"{sentence}\n{got['reasons']}"
    if ruled is not None:  # None: the sentence alone already reads it so
        assert any(RULE in r for r in got["reasons"]) == ruled, f"{sentence}\n{got['reasons']}"


def test_insurgents_table_names_known_actors_on_the_other_side_of_the_government():
    lex = actors.lexicon()
    assert lex.insurgents["Yemen"] == {HOU}
    assert {REB, JAI} <= lex.insurgents["Syria"]
    for country, names in lex.insurgents.items():
        for name in names:
            assert name in lex.categories
            assert not actors._government_side(name, country)


CHEMICAL: list[tuple] = [
    # the armed side that holds the place struck is not its victim
    ("قصفت قوات النظام السوري مدينة دوما الخاضعة لسيطرة فصائل المعارضة بغاز الكلور السام", "2018-04-08",
     "الكلور", SY),
    ("ألقت مروحيات النظام السوري براميل متفجرة تحوي غاز الكلور على مواقع جيش الإسلام في دوما", "2018-04-07",
     "الكلور", SY),
    # the opposition that accuses the regime is not its victim either
    ("اتهمت المعارضة المسلحة النظام السوري بشن هجوم بالغازات السامة على بلدة في ريف إدلب", "2018-02-05",
     "السامة", SY),
]


@pytest.mark.parametrize("row", CHEMICAL, ids=[f"{i:02d}" for i in range(len(CHEMICAL))])
def test_chemical_attack_strikes_civilians(row):
    sentence, published, word, actor1 = row
    got = _event(sentence, published, word)
    assert got["sub_event_type"] == "Chemical weapon", got
    assert got["actor1"] == actor1, f"{sentence}\n{got['reasons']}"
    assert got["actor2"] == "Civilians (Syria)", f"{sentence}\n{got['reasons']}"


def test_the_same_strike_without_gas_keeps_the_group_it_hit():
    got = _event("ألقت مروحيات النظام السوري براميل متفجرة على مواقع جيش الإسلام في دوما", "2018-04-07", "براميل")
    assert got["actor2"] == JAI, got["reasons"]


# -- a nationality written in the dual's other case (جنديين تركيين) names the country, like the plural does -----------
NATIONAL_DUALS: list[tuple] = [
    # nationalities whose plural is broken (أتراك، روس، أفغان، مغاربة): the dual ـيين is not in the list as a plural
    ("قتل جنديين تركيين في انفجار عبوة ناسفة بمنطقة عفرين", "جنديين تركيين", "Military Forces of Turkey"),
    ("وأعلنت موسكو مقتل العسكريين الروسيين في قصف قرب دير الزور", "العسكريين الروسيين", "Military Forces of Russia"),
    ("أصيب شرطيين أفغانيين بجروح في هجوم قرب قندهار", "شرطيين أفغانيين", "Police Forces of Afghanistan"),
    ("وأسفر الهجوم عن مقتل سائحيـن مغربيين في مدينة سوسة", "سائحين مغربيين", "Civilians (Morocco)"),
]


def _mentions(sentence: str) -> set[tuple[str, str]]:
    from rasd.text import norm

    return {(norm(m["text"]), m["name"]) for m in explain(sentence, published="2018-03-27")["actors"]}


@pytest.mark.parametrize("row", NATIONAL_DUALS, ids=[f"{i:02d}" for i in range(len(NATIONAL_DUALS))])
def test_dual_nationality_names_the_country(row):
    from rasd.text import norm

    sentence, written, name = row
    assert (norm(written), name) in _mentions(sentence)


# -- a state's forces named with a suicide bombing were hit by it, they did not do it ---------------------------------
SUICIDE: list[tuple] = [
    ("ندّد خطباء المساجد بالتفجير الانتحاري الذي حدث في مسجد قوات الطوارئ الخاصة بمنطقة عسير واستهدف رجال الأمن",
     "2015-08-07", "الانتحاري", "Unidentified Armed Group (Saudi Arabia)", "Police Forces of Saudi Arabia"),
    ("أدان الجيش اللبناني التفجير الانتحاري الذي وقع أمس عند حاجز لقواته في بلدة عرسال", "2015-08-07", "الانتحاري",
     "Unidentified Armed Group (Lebanon)", "Military Forces of Lebanon"),
    ("قُتل ٣ جنود مصريين في هجوم انتحاري بسيارة مفخخة على كمين للجيش المصري في العريش", "2017-07-07", "انتحاري",
     "Unidentified Armed Group (Egypt)", "Military Forces of Egypt"),
    # the armed group named with the state's forces is the doer
    ("بدأت الغارات التركية باستهداف مواقع تنظيم داعش بعد تفجير انتحاري استهدف مدينة سروج", "2015-07-25", "انتحاري",
     "Islamic State", "Military Forces of Turkey"),
]


@pytest.mark.parametrize("row", SUICIDE, ids=[f"{i:02d}" for i in range(len(SUICIDE))])
def test_state_forces_named_with_a_suicide_bombing_were_hit(row):
    sentence, published, word, actor1, actor2 = row
    got = _event(sentence, published, word)
    assert got["sub_event_type"] == "Suicide bomb", got
    assert (got["actor1"], got["actor2"]) == (actor1, actor2), f"{sentence}\n{got['reasons']}"


def test_a_suicide_bombing_with_no_state_force_named_keeps_its_reading():
    got = _event("أعلن الجيش الأفغاني أن انتحارياً فجّر نفسه وسط حشد من المدنيين في حي شيعي بكابول", "2018-03-09",
                 "انتحاري")
    assert (got["actor1"], got["actor2"]) == ("Unidentified Armed Group (Afghanistan)", "Civilians (Afghanistan)")
    assert not any("suicide bombing" in r for r in got["reasons"]), got["reasons"]


def test_insurgents_as_the_subject_of_the_clash_verb_keep_their_place():
    for sentence, actor2 in (("اشتبك الحوثيّون مع قوات الجيش اليمني في مديرية نهم", YE),
                             ("واشتبكت فصائل المعارضة مع قوات النظام على أطراف مدينة درعا", SY)):
        got = _event(sentence, "2018-06-25", "اشتبك")
        assert (got["actor2"], any(RULE in r for r in got["reasons"])) == (actor2, False), got["reasons"]
