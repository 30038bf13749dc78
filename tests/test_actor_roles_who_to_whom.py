"""Who did it to whom (issue 17, actors7): attacks repelled (صد/تصدى/أحبط/أفشل ... هجوم/محاولة تسلل X: X attacked),
passive voice (استُهدف، قُتل، أُعدم), agent phrases (على يد، من قبل), abductions, protests met by the police, coalition
strikes, the Houthis' names, civilians said to be unharmed (not the target), people counted with a named group's men
among them (the group is hit), and the dictionary's Al Shabaab (حركة الشباب: in Somalia and Kenya only) and AQIM.

Sentences written for rasd (none copied from an evaluation set), with clitics (وتصدّت، لمحاولة، لميليشيا، للحوثيين),
diacritics (المقاومةُ، تسلُّلٍ، استُهدف), tatweel (ميليشيـات) and Eastern Arabic digits (٣، ١٢، ٢٠). The roles come
from :func:`rasd.commands.actors.explain`, the call ``rasd actors`` makes (the actor stage's own decision).
"""
from __future__ import annotations

import pytest

from rasd.commands.actors import explain
from test_actor_roles_sides import _event  # the event of a sub-type that `rasd actors` explains

HOU, YE, SLC, PR = "Houthis", "Military Forces of Yemen", "Saudi-led Coalition", "Popular Resistance"

# (sentence, published, sub-event type of the event read, actor1, actor2)
CASES: list[tuple] = [
    # -- an attack repelled: the one whose attack was stopped attacked (actor1), who stopped it was attacked
    ("وتصدّت المقاومةُ الشعبية لمحاولة تسلل جديدة لمسلحي الحوثي في جبهة الضالع", "2018-07-12",
     "Armed clash", HOU, PR),
    ("وأحبطت ألوية العمالقة محاولةَ تسلُّلٍ لميليشيا الحوثي جنوب مديرية حيس", "2018-07-20",
     "Armed clash", HOU, "Giants Brigades"),
    ("وصدّت قوات الجيش الوطني هجوماً للحوثيين على مواقعها في جبهة صرواح", "2018-03-02",
     "Armed clash", HOU, YE),
    ("واندلعت اشتباكات عنيفة بعدما تصدت قوات الجيش العراقي لهجوم عناصر داعش على قرية في الأنبار", "2017-05-02",
     "Armed clash", "Islamic State", "Military Forces of Iraq"),
    # ... and one who attacks in plain words stays actor1
    ("وهاجمت المقاومةُ الشعبية مواقع الحوثيين في مديرية الوازعية", "2018-07-20",
     "Armed clash", PR, HOU),
    # -- passive voice
    ("واستُهدف رتلٌ للجيش العراقي بعبوة ناسفة زرعها مسلحو داعش قرب تكريت", "2017-08-01",
     "Remote explosive/landmine/IED", "Islamic State", "Military Forces of Iraq"),
    ("وقُتل ٣ مدنيين بقصف لقوات النظام على بلدة في ريف إدلب", "2018-09-01",
     "Shelling/artillery/missile attack", "Military Forces of Syria", "Civilians (Syria)"),
    # -- agent phrases: على يد، من قبل
    ("قُتل شاب فلسطيني على يد الجيش الإسرائيلي قرب نابلس", "2018-05-10",
     "Attack", "Military Forces of Israel", "Civilians (Palestine)"),
    ("واعتُقل ٥ مواطنين من قبل الشرطة المصرية في القاهرة", "2018-05-10",
     "Arrests", "Police Forces of Egypt", "Civilians (Egypt)"),
    ("وأُعدم ٤ مدنيين على يد عناصر تنظيم داعش في دير الزور", "2017-09-01",
     "Attack", "Islamic State", "Civilians (Syria)"),
    # -- abductions
    ("واختطف مسلحون مجهولون صحفياً في مدينة تعز", "2018-04-01",
     "Abduction/forced disappearance", "Unidentified Armed Group (Yemen)", "Civilians (Yemen)"),
    ("واختطفت ميليشيا الحوثي ١٢ مدنياً من منازلهم في صنعاء", "2018-04-01",
     "Abduction/forced disappearance", HOU, "Civilians (Yemen)"),
    ("وخطف عناصر من حركة الشباب موظفين في مقديشو", "2018-04-01",
     "Abduction/forced disappearance", "Al Shabaab", "Civilians (Somalia)"),
    # -- protests: a crowd the police disperse is a protest with intervention (the protesters first, ACLED)
    ("وفرّقت الشرطة الفرنسية بالغاز المسيل للدموع متظاهرين في باريس", "2018-12-01",
     "Protest with intervention", "Protesters (France)", "Police Forces of France"),
    ("وتظاهر مئات العراقيين في البصرة احتجاجا على انقطاع الكهرباء", "2018-07-15",
     "Peaceful protest", "Protesters (Iraq)", None),
    ("واعتقلت الشرطة الأردنية عشرات المحتجين في عمان", "2018-06-03",
     "Arrests", "Police Forces of Jordan", "Protesters (Jordan)"),
    # -- coalition strikes: the Arab coalition in Yemen, the international one against the Islamic State
    ("وشنّت مقاتلات التحالف العربي غارات على تجمعات للحوثيين في صعدة", "2018-05-01",
     "Air/drone strike", SLC, HOU),
    ("ونفذت طائرات التحالف الدولي ٢٠ غارة على مواقع لتنظيم داعش قرب الرقة", "2017-06-01",
     "Air/drone strike", "Global Coalition Against Daesh", "Islamic State"),
    ("وقصفت طائراتُ التحالف بقيادة السعودية معسكراً للحوثيين في صنعاء", "2018-05-01",
     "Air/drone strike", SLC, HOU),
    # -- the Houthis' names
    ("وأطلقت جماعة أنصار الله صاروخاً باليستياً على جازان", "2018-04-01",
     "Shelling/artillery/missile attack", HOU, None),
    ("وقصفت الميليشيات الانقلابية أحياء سكنية في تعز", "2018-04-01",
     "Shelling/artillery/missile attack", HOU, None),
    # -- police and military; fights with unnamed gunmen
    ("واشتبكت قوات الأمن المصرية مع مسلحين في الجيزة", "2018-04-01",
     "Armed clash", "Police Forces of Egypt", "Unidentified Armed Group (Egypt)"),
    # -- more attacks repelled (tatweel; the event word a fight told before the repel word)
    ("ودارت اشتباكات عنيفة بعدما أفشلت قواتُ الجيش اليمني زحفاً لميليشيـات الحوثي على مواقعها في نهم", "2018-03-01",
     "Armed clash", HOU, YE),
    ("وتمكن مقاتلو المقاومة من صد هجمات الحوثيين في الضالع بعد اشتباكات استمرت ساعات", "2018-07-12",
     "Armed clash", HOU, PR),
    ("واشتبك الجيش اللبناني مع مسلحين في جرود عرسال", "2017-08-01",
     "Armed clash", "Military Forces of Lebanon", "Unidentified Armed Group (Lebanon)"),
    # -- civilians said to be unharmed (دون إصابات في صفوف المواطنين، لم تسفر عن مقتل أي مدنيين) are not the target
    ("وكان الطيرانُ الحربي الإسرائيلي قد قصف موقعين لحركة حماس غرب رفح، دون وقوع إصابات في صفوف المواطنين", "2018-05-27",
     "Air/drone strike", "Military Forces of Israel", "Hamas"),
    ("وقال الجيش الأمريكي إن ضربته الجوية على مواقع لحركة الشباب قرب مقديشو لم تسفر عن مقتل أي مدنيين", "2018-06-15",
     "Air/drone strike", "Military Forces of the United States", "Al Shabaab"),
    # -- people counted, among them men of a named group (بينهم قياديان من X): the group is the one hit
    ("وأعلن المرصد مقتل ١٢ شخصاً بينهم قياديان من فيلق الرحمن في غارة جوية على الغوطة الشرقية", "2018-03-14",
     "Air/drone strike", "Military Forces of Syria", "Faylaq al-Rahman"),
    ("وقُتل أربعة فلسطينيين، بينهم ثلاثة ناشطين في كتائب القسام، في قصفٍ إسرائيلي على غزة", "2018-07-21",
     "Shelling/artillery/missile attack", "Military Forces of Israel", "Hamas"),
    # ... but children among civilians leave the civilians hit
    ("وقتل ٥ مدنيين بينهم طفلان في غارة للتحالف على صعدة", "2018-08-09",
     "Air/drone strike", SLC, "Civilians (Yemen)"),
    # -- al-Qaeda in the Maghreb is AQIM (the dictionary)
    ("وشنّ مسلحو القاعدة هجوماً على ثكنة للجيش الجزائري في تيزي وزو", "2018-06-15",
     "Armed clash", "Al Qaeda in the Islamic Maghreb", "Military Forces of Algeria"),
]


@pytest.mark.parametrize("row", CASES, ids=[f"{i:02d}-{r[3]}-{r[4]}".replace(" ", "_") for i, r in enumerate(CASES)])
def test_who_did_it_to_whom(row):
    sentence, published, sub, actor1, actor2 = row
    got = _event(sentence, published, sub)
    assert (got["actor1"], got["actor2"]) == (actor1, actor2), f"{sentence}\n{got['reasons']}"


def test_at_least_20_sentences():
    assert len(CASES) >= 20


def test_the_repelled_attack_is_told_as_the_reason():
    got = _event(CASES[0][0], CASES[0][1], "Armed clash")
    assert any("its attack was repelled" in r for r in got["reasons"] if r.startswith("actor1")), got["reasons"]
    assert any("repelled the attack" in r for r in got["reasons"] if r.startswith("actor2")), got["reasons"]


def test_a_repel_word_decides_only_fights():
    """An air strike told with a repelled attack is the coalition's own: the repel cue does not make the side whose
    attack was stopped the doer of the strike, nor the side that stopped it its target."""
    got = _event("وشنت مقاتلات التحالف غاراتٍ على حيس، بعدما صدّت المقاومة هجوماً لميليشيا الحوثي", "2018-06-20",
                 "Air/drone strike")
    assert (got["actor1"], got["actor2"]) == (SLC, HOU), got["reasons"]
    assert not any("repelled" in r for r in got["reasons"]), got["reasons"]


def test_al_shabaab_is_named_in_somalia_but_the_youth_movement_elsewhere_is_not():
    somalia = explain("وخطف عناصر من حركة الشباب موظفين في مقديشو", published="2018-04-01")
    assert "Al Shabaab" in [m["name"] for m in somalia["actors"]]
    base = _event("وهاجم مسلحو حركة الشباب قاعدةً للجيش الصومالي قرب مقديشو", "2018-04-01", "Armed clash")
    assert (base["actor1"], base["actor2"]) == ("Al Shabaab", "Military Forces of Somalia"), base["reasons"]
    egypt = _event("وخرجت حركة الشباب في مظاهرة بالقاهرة", "2018-04-01", "Peaceful protest")
    assert egypt["actor1"] == "Protesters (Egypt)", egypt["reasons"]


_BOMBING = ("قالت الشرطة الإندونيسية إن انتحارياً فجّر نفسه أمام مركز للشرطة في مدينة سورابايا.\n\n"
            "وأضافت أن ٤ من عناصر الشرطة أصيبوا بجروح.\n\n"
            "وقالت السلطات إن التحقيقات مستمرة لمعرفة هوية المهاجم ومن ساعده.\n\n")


def test_a_claim_of_this_attack_told_three_paragraphs_later_names_the_bomber():
    got = _event(_BOMBING + "وأعلن تنظيمُ داعش لاحقاً مسؤوليته عن هذا الهجوم.", "2018-05-14", "Suicide bomb")
    assert (got["actor1"], got["actor2"]) == ("Islamic State", "Police Forces of Indonesia"), got["reasons"]


def test_a_claim_of_an_earlier_attack_told_later_does_not():
    got = _event(_BOMBING + "وكان تنظيم داعش قد أعلن مسؤوليته عن الهجوم السابق على كنيسة في المدينة.", "2018-05-14",
                 "Suicide bomb")
    assert got["actor1"] == "Unidentified Armed Group (Indonesia)", got["reasons"]


def test_a_ground_fight_read_as_the_coalitions_is_the_ground_force_the_article_names():
    """The coalition fights a ground battle in a report of the joint resistance forces' advance: the resistance
    (named most on the government's side) fights it, the coalition backs it; not the country's army, never named."""
    text = ("قالت مصادر عسكرية إن قوات المقاومة اليمنية المشتركة تقدمت نحو مطار الحديدة.\n\n"
            "وأكدت المصادر أن قواتِ المقاومة المشتركة سيطرت على مواقع جديدة جنوب المدينة.\n\n"
            "وخاض التحالف العربي معارك عنيفة مع ميليشيات الحوثي قرب المطار.")
    got = _event(text, "2018-06-16", "Armed clash")
    assert (got["actor1"], got["actor2"]) == (PR, HOU), got["reasons"]
    assert SLC in (got["assoc_actor_1"] or ""), got["reasons"]
