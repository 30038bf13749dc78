"""One incident gives one event of the right type (issue 17 item 3; spec section 5), on short texts written for
these tests: a telling of another event type at the same place and day folds into the incident it retells.

* a killing told in the sentence of a bombing or a strike is the strike's toll, not a second event (Attack);
* a protest told with the riot it became is the riot (protesters who storm or stone are rioters);
* a protester shot, told beside the force used on the crowd, is the excessive force against the protest;
* a missile told in the sentence that says it was shot down is the interception (disrupted weapons use); a
  strike told beside a seizure of arms or a defused bomb stays a strike.

Each case checks that the candidates held both types (so the fold, not the trigger reading, makes one event)
and that the merge gives one event of the right type. Cases apart stay apart: another day, another place.
"""
from __future__ import annotations

import pytest

from conftest import told_and_merged

from rasd import assemble


pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


@pytest.mark.parametrize("text, sub, place, toll", [
    # the dead shot by a sniper and the mortar shells of the same sentence: one shelling (diacritics)
    ("قُتل ثلاثة مدنيين برصاص قناص وسقطت قذائف هاون على حي في مدينة دوما يوم السبت",
     "Shelling/artillery/missile attack", "Duma", 3),
    # a child hit during an air strike: the strike
    ("أصيب طفل بطلق ناري خلال غارة جوية على بلدة خان شيخون أمس", "Air/drone strike", "Khan Shaykhun", 0),
    # gunmen shoot at passers-by, then a suicide bomber blows himself up: one suicide bombing, whose toll
    # (no death count told) is its one bomber (tolls13)
    ("أطلق مسلحون النار على المارة قبل أن يفجر انتحاري حزامه الناسف في سوق مدينة بعقوبة اليوم",
     "Suicide bomb", "Baqubah", 1),
])
def test_a_killing_told_with_a_bombing_or_a_strike_is_the_strikes_toll(text, sub, place, toll):
    told, events = told_and_merged(text)
    assert {"Attack", sub} <= told, told
    assert events == [(sub, place, toll)]


@pytest.mark.parametrize("text, place", [
    # protesters storm the governorate after a march: the riot it became
    ("اقتحم المتظاهرون مبنى المحافظة في مدينة البصرة اليوم بعد مظاهرة حاشدة أمامه", "Basrah"),
    # a gathering whose crowd then stones the police (a clitic on the verb)
    ("تجمع آلاف المحتجين أمام البرلمان في بغداد أمس، ورشقوا قوات الأمن بالحجارة", "Baghdad"),
    # the march turned into a riot (tatweel)
    ("تحولت التظـاهرة في وسط البصرة أمس إلى أعمال شغب", "Basrah"),
])
def test_a_protest_told_with_its_riot_is_the_riot(text, place):
    told, events = told_and_merged(text)
    assert {"Peaceful protest", "Violent demonstration"} <= told, told
    assert [e for e in events if e[0] in ("Peaceful protest", "Violent demonstration")] == \
        [("Violent demonstration", place, 0)]


@pytest.mark.parametrize("text, place, toll", [
    # forces fire live rounds on the protesters, one is killed, in the same sentence
    ("قُتل متظاهر وأُصيب ١٢ آخرون حين أطلقت قوات الأمن الرصاص الحي على المحتجين في مدينة الناصرية أمس.",
     "Nasiriyah", 1),
    # soldiers open fire on the march, then the next clause tells the one killed by a sniper
    ("فتح الجنود النار على المتظاهرين قرب السياج في خان يونس يوم الجمعة، وقُتل شاب برصاص قناص.",
     "Khan Yunis", 1),
    # the killing told in the next sentence (Eastern Arabic digits in the toll)
    ("أطلق الجنود النار على المحتجين في مدينة الناصرية يوم الجمعة. وقُتل ٣ متظاهرين برصاص الجنود.",
     "Nasiriyah", 3),
])
def test_a_protester_shot_is_the_excessive_force_against_the_protest(text, place, toll):
    told, events = told_and_merged(text)
    assert {"Attack", "Excessive force against protesters"} <= told, told
    assert events == [("Excessive force against protesters", place, toll)]


@pytest.mark.parametrize("text, place", [
    # a ballistic missile fired at Jizan and intercepted by the air defences (tanween on the missile)
    ("أطلق الحوثيون صاروخاً باليستياً على مدينة جازان اعترضته الدفاعات الجوية السعودية مساء الأحد", "Jizan"),
    # missiles at Najran intercepted and downed (a clitic pronoun on the verb: اعترضتها)
    ("أطلقت الميليشيات صواريخ على مدينة نجران اليوم اعترضتها الدفاعات الجوية وأسقطتها", "Najran"),
    # a city shelled with a missile, then intercepted before it arrived (tatweel)
    ("قصفت الميليشيات مدينة جازان بصاروخ باليستي أمس، واعترضته الدفاعـات الجوية قبل وصوله", "Jizan"),
])
def test_a_missile_shot_down_is_the_interception_alone(text, place):
    told, events = told_and_merged(text)
    assert {"Disrupted weapons use", "Shelling/artillery/missile attack"} <= told, told
    assert [e for e in events if e[1] == place] == [("Disrupted weapons use", place, 0)], (told, events)


@pytest.mark.parametrize("text, place, means", [
    # a shelling and a seizure of ammunition in one sentence: two incidents (incident13)
    ("قصفت المدفعية مواقع المسلحين في مدينة العريش يوم الأحد وضبطت القوات مستودع أسلحة للمسلحين",
     "Arish", "Shelling/artillery/missile attack"),
    # air raids on hideouts, then an arms depot found (a clitic و on the verb of the find)
    ("شنت الطائرات الحربية غارات جوية على مخابئ المسلحين في مدينة العريش أمس، وعثرت القوات على مخزن للأسلحة",
     "Arish", "Air/drone strike"),
    # artillery on a town and a roadside bomb defused (tatweel, diacritics)
    ("قَصفت المدفعيـة بلدة رفح اليوم وفكّكت القوات عبوة ناسفة زُرعت على الطريق", "Rafah", "Shelling/artillery/missile attack"),
    # 185 targets shelled and weapons seized (Eastern Arabic digits)
    ("استهدف القصف المدفعي ١٨٥ هدفاً في مدينة الشيخ زويد يوم الاثنين، وتم ضبط أسلحة وذخائر في المداهمات",
     "Ash Shaykh Zuwayd", "Shelling/artillery/missile attack"),
])
def test_a_strike_told_with_a_seizure_of_arms_stays_a_strike(text, place, means):
    told, events = told_and_merged(text)
    assert {"Disrupted weapons use", means} <= told, told
    here = {sub for sub, where, _ in events if where == place}
    assert {"Disrupted weapons use", means} <= here, (told, events)


@pytest.mark.parametrize("word, interception", [
    ("اعترضته", True), ("واعترضت", True), ("فأسقطتها", True), ("بإسقاط", True), ("التصدي", True),
    ("لاعتراض", True), ("ضبط", False), ("مخزن", False), ("فككت", False), ("المداهمة", False), ("أحبطت", False),
])
def test_only_a_word_that_stops_a_missile_is_an_interception(word, interception):
    from rasd.text import normalize
    assert bool(assemble._INTERCEPTION.match(normalize(word).text)) is interception


def test_a_missile_that_fell_on_another_day_stays_a_strike():
    told, events = told_and_merged("سقط صاروخ على حي سكني في مدينة جازان يوم الأحد، وفي يوم الاثنين اعترضت "
                                   "الدفاعات الجوية صاروخاً آخر فوق جازان")
    assert {sub for sub, _, _ in events} == {"Disrupted weapons use", "Shelling/artillery/missile attack"}, told


@pytest.mark.parametrize("text", [
    # the shooting on Monday, the shelling on Saturday: two days, two incidents
    "قُتل ثلاثة مدنيين برصاص قناص في مدينة دوما يوم الاثنين. وسقطت قذائف هاون على حي في مدينة دوما يوم السبت.",
    # the killing in one town, the strike in a town of another governorate
    "قُتل مدني برصاص قناص في مدينة دوما أمس، وشنت الطائرات غارة جوية على بلدة خان شيخون.",
])
def test_a_killing_on_another_day_or_in_another_governorate_stays_apart(text):
    told, events = told_and_merged(text)
    types = {sub for sub, _, _ in events}
    assert "Attack" in types, (told, events)
    assert types & {"Shelling/artillery/missile attack", "Air/drone strike"}, (told, events)


def test_a_riot_elsewhere_leaves_the_protest():
    # a peaceful sit-in in Nasiriyah, stones thrown in Basra: the Basra protest is the riot, Nasiriyah's stays
    told, events = told_and_merged("نظم مئات المحتجين وقفة سلمية في مدينة الناصرية أمس، بينما رشق متظاهرون "
                                   "قوات الأمن بالحجارة في مدينة البصرة.")
    assert events == [("Peaceful protest", "Nasiriyah", 0), ("Violent demonstration", "Basrah", 0)], told


def test_retold_as_other_type_needs_the_same_day_place_and_a_listed_pair():
    """The table itself: the pairs named fold within their reach only."""
    from rasd.event import Event
    def ev(sub, admin1="Baghdad", day="2021-03-09"):
        from rasd.event import SUB_EVENT_TYPES
        return Event(article_id="t", event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub, admin1=admin1,
                     event_date=day, time_precision=1)
    attack, blast = ev("Attack"), ev("Remote explosive/landmine/IED")
    assert assemble._retold_as_other_type(attack, blast, 0)
    assert not assemble._retold_as_other_type(attack, blast, 1)  # a bombing's toll is told in its sentence
    assert not assemble._retold_as_other_type(blast, attack, 0)  # the bombing never folds into the killing
    assert not assemble._retold_as_other_type(attack, ev("Remote explosive/landmine/IED", day="2021-03-08"), 0)
    assert not assemble._retold_as_other_type(attack, ev("Remote explosive/landmine/IED", admin1="Basra"), 0)
    assert assemble._retold_as_other_type(attack, ev("Excessive force against protesters"), 1)
    assert not assemble._retold_as_other_type(attack, ev("Excessive force against protesters"), 2)
    assert assemble._retold_as_other_type(ev("Peaceful protest"), ev("Violent demonstration"), 0)
    assert not assemble._retold_as_other_type(ev("Violent demonstration"), ev("Peaceful protest"), 0)
    assert not assemble._retold_as_other_type(attack, ev("Armed clash"), 0)  # a shooting in a battle: not listed
    missile = ev("Shelling/artillery/missile attack")
    assert assemble._retold_as_other_type(missile, ev("Disrupted weapons use"), 0)
    assert not assemble._retold_as_other_type(missile, ev("Disrupted weapons use"), 1)
    assert not assemble._retold_as_other_type(ev("Disrupted weapons use"), missile, 0)
