"""Incidents kept apart and tellings merged right (issue 17, part 3): a report that says it happened again,
or tells a new incident with a verb, is not folded into the first one; one battle that ends with the place
taken is one territorial event (spec section 5), a battle here and a place taken there are two; and the event
that merges several tellings names who its victims were as the best-informed telling does, with the
evidence of the actors it keeps. Sentences written for these tests."""
import pytest

from rasd.pipeline import extract

PUBLISHED = "2021-03-10"  # a Wednesday


pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


def events(text, published=PUBLISHED):
    return extract({"text": text, "published": published}).events


def of_type(text, sub):
    return sorted((e.location, e.event_date) for e in events(text) if e.sub_event_type == sub)


# -- two incidents at one place on two days stay two ---------------------------------------------------------

@pytest.mark.parametrize("text, sub, days", [
    # a new shelling told with a verb, the second time with "again" (and a tatweel in the first verb)
    ("قصفـت قوات النظام بلدة كفرنبل في ريف إدلب يوم الإثنين. وفي يوم الأربعاء قصفت قوات النظام بلدة كفرنبل مجدداً.",
     "Shelling/artillery/missile attack", ["2021-03-08", "2021-03-10"]),
    # the verb of the second report is absorbed by its weapon (بالمدفعية): a new shelling all the same
    ("قصفت قوات النظام بلدة كفرنبل في ريف إدلب يوم الإثنين. وفي يوم الأربعاء قصفت قوات النظام بلدة كفرنبل بالمدفعية.",
     "Shelling/artillery/missile attack", ["2021-03-08", "2021-03-10"]),
    # "a new raid"
    ("استهدفت غارة جوية بلدة معرة النعمان يوم الأحد. وفي يوم الثلاثاء استهدفت غارة جديدة معرة النعمان.",
     "Air/drone strike", ["2021-03-07", "2021-03-09"]),
])
def test_a_report_that_says_it_happened_again_is_another_incident(text, sub, days):
    got = of_type(text, sub)
    assert [day for _, day in got] == days
    assert len({place for place, _ in got}) == 1


@pytest.mark.parametrize("text, sub", [
    # the blast retold with a definite noun in a condemnation on another day: one incident
    ("انفجرت سيارة مفخخة في حي الكرادة ببغداد أمس. وأدان رئيس الوزراء اليوم الانفجار الذي وقع في الكرادة.",
     "Remote explosive/landmine/IED"),
    # the shelling's toll told in the next sentence with the definite noun (Eastern Arabic digits)
    ("قصف الجيش التركي قرية جنديرس في ريف عفرين يوم ٣ آذار. وقد أسفر القصف عن مقتل ٤ مدنيين.",
     "Shelling/artillery/missile attack"),
])
def test_a_definite_retelling_is_still_one_incident(text, sub):
    assert len(of_type(text, sub)) == 1


def test_two_blasts_in_two_districts_of_one_city_stay_two():
    got = of_type("انفجرت عبوة ناسفة في مدينة الصدر شرقي بغداد صباح اليوم، وانفجرت عبوة ثانية في حي الكرادة "
                  "وسط بغداد ظهراً.", "Remote explosive/landmine/IED")
    assert [place for place, _ in got] == ["Al Karada", "Sadr City"]


# -- an ongoing battle and the place taken -------------------------------------------------------------------

def test_a_battle_that_ends_with_the_place_taken_is_one_territorial_event():
    got = [e for e in events("دارت معارك عنيفة بين الجيش اليمني والحوثيين في مديرية حيس أمس. "
                             "وتمكن الجيش من السيطرة على مديرية حيس بالكامل.") if e.event_type == "Battles"]
    assert [(e.sub_event_type, e.location) for e in got] == [("Government regains territory", "Hays")]
    assert (got[0].actor1, got[0].actor2) == ("Military Forces of Yemen", "Houthis")


def test_a_battle_in_one_district_and_a_place_taken_in_another_are_two_events():
    got = sorted((e.sub_event_type, e.location) for e in events(
        "اندلعت اشتباكات بين القوات الحكومية والحوثيين في مديرية حيس أمس، فيما سيطرت القوات الحكومية "
        "على مديرية التحيتا.") if e.event_type == "Battles")
    assert got == [("Armed clash", "Hays"), ("Government regains territory", "At Tuhayta'")]


# -- the merged event's actors: who the victims were -----------------------------------------------------------

def _actor_evidence(event, role):
    return [item["text"] for item in event.evidence if item["field"] == role]


@pytest.mark.parametrize("text, target, words", [
    # two young men killed, then the army says the raid hit a Hamas site
    ("قُتل شابان في غارة جوية إسرائيلية على خان يونس فجر اليوم. وقال الجيش الإسرائيلي إن الغارة استهدفت "
     "موقعاً لحركة حماس في خان يونس.", "Hamas", "حماس"),
    ("قتل ثلاثة فلسطينيين في غارة جوية إسرائيلية على خان يونس فجر اليوم. وقال الجيش الإسرائيلي إن الغارة "
     "استهدفت موقعاً لحركة حماس في خان يونس.", "Hamas", "حماس"),
    # five people killed, then the raid's target: a Houthi gathering
    ("لقي ٥ أشخاص مصرعهم بغارة جوية للتحالف على مديرية حيس أمس. وقالت مصادر محلية إن الغارة استهدفت "
     "تجمعاً لميليشيات الحوثي في حيس.", "Houthis", "الحوثي"),
])
def test_a_later_telling_that_names_the_victims_group_names_the_event_target(text, target, words):
    strikes = [e for e in events(text) if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.actor2 == target
    assert strike.inter2 != "Civilians" and not strike.civilian_targeting
    # the evidence of actor2 is the group's name, not the words for the victims the event no longer names
    spans = _actor_evidence(strike, "actor2")
    assert spans and all(words in span for span in spans)


def test_victims_the_text_calls_civilians_stay_civilians():
    strike = [e for e in events("قُتِلَ مدنيان في غارة جوية إسرائيلية على خان يونس فجر اليوم. وقال الجيش "
                                "الإسرائيلي إن الغارة استهدفت موقعاً لحركة حماس في خان يونس.")
              if e.sub_event_type == "Air/drone strike"][0]
    assert strike.actor2 == "Civilians (Palestine)" and strike.civilian_targeting
    assert not [s for s in _actor_evidence(strike, "actor2") if "حماس" in s]  # Hamas is not the event's actor2
