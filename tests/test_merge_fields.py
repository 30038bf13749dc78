"""Which day and which actors a merged event keeps (issue 17): short texts written for these tests.

* two tellings of one incident: the day the text tells best stands (the event's own sentence, then a day read
  elsewhere in the text, then the publication day);
* a day read in the event's own clause is not replaced by an earlier day that a later sentence names for a
  background mention (an earlier incident of the same kind at the same place);
* a statement's day and the incident's day in one sentence: the incident's (the earlier);
* the actor a second telling names more precisely (a non-state force fighting on the state's side, المقاومة
  الشعبية) beats the state forces that an umbrella word (القوات الحكومية، الجيش الوطني) was read as; an
  actor of the other side never replaces the kept one.
"""
from __future__ import annotations

import pytest

from rasd import assemble, pipeline
from rasd.pipeline import extract

PUBLISHED = "2021-03-10"  # a Wednesday: الاثنين is 03-08, الأحد 03-07


pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


def merged(text: str) -> list:
    """The events the merge alone makes of every candidate the text gives, doubted or not (the learned
    decision may keep each one): how the merge picks the fields, whatever the decision keeps."""
    doc = pipeline.make_document({"text": text, "published": PUBLISHED})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    return assemble._merge(doc, list(doc.user_data["candidates"]), model=None)


def extracted(text: str) -> list:
    return [e for e in extract({"text": text, "published": PUBLISHED}).events if not e.background]


# -- the day -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, place, day", [
    # shelled on Monday; a later sentence recalls a similar attack on 3 March: the event stays on Monday
    ("قصفت قوات النظام مدينة دوما يوم الاثنين، ما أسفر عن مقتل ٥ مدنيين. وجاء القصف على دوما بعد هجوم مماثل "
     "في الثالث من آذار/مارس الجاري.", "Duma", "2021-03-08"),
    # the same, the earlier day in Eastern Arabic digits
    ("قصفت قوات النظام مدينة دوما يوم الاثنين، ما أسفر عن مقتل ٥ مدنيين. وشهدت دوما القصف في ٣ آذار أيضاً.",
     "Duma", "2021-03-08"),
    # a car bomb today; the next sentence recalls another blast last Sunday: today stands
    ("انفجرت سيارة مفخخة في مدينة الرمادي اليوم، ما أسفر عن مقتل ٤ أشخاص. ويأتي التفجير في الرمادي بعد "
     "تفجير مماثل يوم الأحد الماضي.", "Ramadi", "2021-03-10"),
    # with diacritics and tatweel: the Monday of the clause stands against a background 2 March
    ("قَصَفَـت قوات النظام مدينة دوما يوم الاثنين، ما أسفر عن مقتل ٣ مدنيين. وكان القصف على دوما قد استهدف "
     "المدينة في الثاني من آذار/مارس.", "Duma", "2021-03-08"),
])
def test_a_day_read_in_the_events_clause_is_not_replaced_by_a_background_one(text, place, day):
    events = [e for e in merged(text) if e.location == place]
    assert events, "the incident was lost"
    assert events[0].event_date == day
    assert all(e.event_date == day for e in events if not e.background)


@pytest.mark.parametrize("text, place, day", [
    # the governor condemns today the blast that hit the market, which happened on Monday: one sentence
    ("أدان المحافظ اليوم التفجير الذي ضرب سوق الرمادي، مشيراً إلى أن التفجير في الرمادي وقع الاثنين.",
     "Ramadi", "2021-03-08"),
    # the lead has no day; the next sentence gives the shelling its Monday
    ("قصفت قوات النظام مدينة دوما، ما أسفر عن مقتل ٥ مدنيين. وقال ناشطون إن القصف على دوما أوقع أيضاً جرحى "
     "يوم الاثنين.", "Duma", "2021-03-08"),
])
def test_the_incidents_day_told_by_the_text_beats_a_statements_day_or_publication(text, place, day):
    events = [e for e in merged(text) if e.location == place and not e.background]
    assert [e.event_date for e in events] == [day]


def test_date_rank_orders_own_sentence_text_and_default():
    """The ranks the merge compares, read from real candidates: the clause's day, a day from the next
    sentence, a statement's day."""
    text = ("قصفت قوات النظام مدينة دوما، ما أسفر عن مقتل ٥ مدنيين. وقال ناشطون إن القصف على دوما أوقع أيضاً جرحى "
            "يوم الاثنين.")
    doc = pipeline.make_document({"text": text, "published": PUBLISHED})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    ranks = sorted(assemble._date_rank(dict(info)) for _, info in doc.user_data["candidates"])
    # the lead reads its day from the next sentence (text), the second telling from its own clause
    assert ranks == [assemble.TEXT_DAY, assemble.OWN_DAY]


# -- the actors ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    # government forces take Hays; the next sentence names who held it: the Popular Resistance
    ("سيطرت القوات الحكومية على مدينة حيس يوم الاثنين بعد معارك مع الحوثيين. وأحكمت المقاومة الشعبية سيطرتها "
     "على مدينة حيس بعد طرد الحوثيين منها.", "Hays"),
    # the national army retakes the district; sources name the Popular Resistance forces
    ("استعادت قوات الجيش الوطني مديرية حيس من الحوثيين يوم الاثنين. وقالت مصادر إن قوات المقاومة الشعبية "
     "أحكمت سيطرتها على حيس.", "Hays"),
    # tatweel in the second telling's verb
    ("سيطرت القوات الحكومية على مدينة حيس يوم الاثنين بعد معارك مع الحوثيين. وأحكمـت المقاومة الشعبية "
     "سيطرتها على مدينة حيس بعد طرد الحوثيين منها.", "Hays"),
])
def test_the_named_pro_government_force_beats_the_umbrella_state_forces(text, place):
    events = [e for e in extracted(text) if e.location == place]
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        ("Government regains territory", "Popular Resistance", "Houthis")]


def test_the_other_sides_actor_never_replaces_the_kept_one():
    """The Houthis retake the town in a later sentence: not a more precise name for the government side."""
    text = ("سيطرت القوات الحكومية على مدينة حيس يوم الاثنين بعد معارك مع الحوثيين. وسيطر الحوثيون على مدينة "
            "حيس بعد طرد القوات الحكومية منها.")
    events = [e for e in extracted(text) if e.location == "Hays"]
    assert events and events[0].actor1 == "Military Forces of Yemen"


def test_a_state_army_told_twice_stays_the_state_army():
    text = ("سيطر الجيش العراقي على قرية البو عيثة يوم الاثنين بعد معارك مع داعش. وأحكم الجيش العراقي سيطرته على "
            "البو عيثة بعد طرد عناصر داعش منها.")
    events = extracted(text)
    assert [(e.actor1, e.actor2) for e in events] == [("Military Forces of Iraq", "Islamic State")]


@pytest.mark.parametrize("theirs, their_inter, mine, my_inter, expected", [
    ("Popular Resistance", "Political militia", "Military Forces of Yemen", "State forces", True),
    ("Military Forces of Yemen", "State forces", "Popular Resistance", "Political militia", False),
    ("Houthis", "Rebel group", "Military Forces of Yemen", "State forces", False),  # the other side
])
def test_more_specific_is_an_allied_non_state_force_over_state_forces(theirs, their_inter, mine, my_inter,
                                                                       expected):
    from rasd import actors
    if expected:
        assert actors.allied(theirs, mine)
    assert assemble._more_specific(theirs, their_inter, mine, my_inter) is expected
