"""One incident, one event (issue 17; spec section 5): the merge's folds on short texts written for these tests.

* one sentence that names the day of a statement and the day of the incident (ندد اليوم بالتفجير الذي وقع يوم
  الاثنين) tells one incident: one event, on the incident's day, unless it says it happened again;
* a report placed at a district folds into the one place inside that district that an event of its kind and
  day names; a governorate-level report into the one precise report of its day a few sentences away;
* each named village is its own event, two days told with verbs are two events, a retold incident is one,
  and a clash that ends with the place taken is the territorial change alone.
"""
from __future__ import annotations

import pytest

from rasd import assemble, pipeline
from rasd.pipeline import extract

PUBLISHED = "2021-03-10"  # a Wednesday


pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


def events(text: str) -> list[tuple]:
    return sorted((e.sub_event_type, e.location, e.event_date) for e in
                  extract({"text": text, "published": PUBLISHED}).events if not e.background)


def merged_keeping_all(text: str):
    """The tellings (sub-event type, place, day) of every candidate the text gives, doubted or not (the
    learned decision may keep each one), and the events the merge alone makes of them."""
    doc = pipeline.make_document({"text": text, "published": PUBLISHED})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    candidates = list(doc.user_data["candidates"])
    told = {(e.sub_event_type, e.location, e.event_date) for e, _ in candidates}  # before the merge changes them
    return told, assemble._merge(doc, candidates, model=None)


# -- one sentence, the statement's day and the incident's day: one incident ------------------------------------

@pytest.mark.parametrize("text, sub, place, day", [
    # a minister condemns today the blast of Monday, then gives its toll in the same sentence
    ("أدان وزير الداخلية اليوم التفجير الذي ضرب سوق مدينة الرمادي يوم الاثنين، وقال إن التفجير أوقع ٤ قتلى.",
     "Remote explosive/landmine/IED", "Ramadi", "2021-03-08"),
    # the governor visits today the site of Sunday's blast
    ("زار المحافظ اليوم موقع التفجير في مدينة كركوك الذي وقع يوم الأحد، وأكد أن التفجير استهدف المدنيين.",
     "Remote explosive/landmine/IED", "Kirkuk", "2021-03-07"),
    # preachers denounce today Friday's bombing (tatweel in the verb)
    ("نـدد خطباء المساجد اليوم بالتفجير الإرهابي الذي حدث في مسجد بمدينة القطيف يوم الجمعة، مؤكدين أن التفجير "
     "يهدف إلى زعزعة الأمن.", "Remote explosive/landmine/IED", "Al Qatif", "2021-03-05"),
    # the police chief inspects on Wednesday the checkpoint attacked on Sunday
    ("تفقد قائد الشرطة اليوم الأربعاء مكان الهجوم الذي تعرض له حاجز أمني في مدينة العريش يوم الأحد، وقال إن "
     "الهجوم أسفر عن مقتل جنديين.", "Armed clash", "Arish", "2021-03-07"),
    # the government protests today Saturday's shelling of Duma (diacritics on the verb)
    ("اسْتَنْكَرَت الحكومة اليوم القصف الذي طال مدينة دوما يوم السبت، وطالبت بوقف القصف على دوما فوراً.",
     "Shelling/artillery/missile attack", "Duma", "2021-03-06"),
])
def test_one_sentence_with_the_statements_day_and_the_incidents_day_is_one_event(text, sub, place, day):
    told, merged = merged_keeping_all(text)
    # the text gives two tellings of one kind and place on two days (else this test tests nothing) ...
    assert len(told) >= 2 and {s for s, _, _ in told} == {sub} and {p for _, p, _ in told} == {place}
    # ... and the merge makes one event of them, on the incident's day (the earliest), not the statement's
    assert [(e.sub_event_type, e.location, e.event_date) for e in merged] == [(sub, place, day)]


@pytest.mark.parametrize("again", ["مجدداً", "من جديد"])
def test_one_sentence_that_says_it_happened_again_is_two_events(again):
    got = events(f"قصفت قوات النظام بلدة كفرنبل يوم الاثنين، ثم قصفت البلدة {again} يوم الأربعاء.")
    assert got == [("Shelling/artillery/missile attack", "Kafranbel", "2021-03-08"),
                   ("Shelling/artillery/missile attack", "Kafranbel", "2021-03-10")]


def test_the_merged_event_keeps_the_toll_of_its_tellings_once():
    _, merged = merged_keeping_all(
        "أدان وزير الداخلية اليوم التفجير الذي ضرب سوق مدينة الرمادي يوم الاثنين، وقال إن التفجير أوقع ٤ قتلى.")
    assert [e.fatalities for e in merged] == [4]


# -- a district, a governorate and the place inside them ---------------------------------------------------------

def test_a_district_told_after_the_site_inside_it_is_the_same_capture():
    got = events("سيطرت قوات الجيش اليمني على جبال تويلق في مديرية رازح بمحافظة صعدة أمس. "
                 "وقال مصدر عسكري إن القوات سيطرت على مديرية رازح.")
    assert got == [("Government regains territory", "Jibal Tuwayliq", "2021-03-09")]


def test_a_governorate_report_three_sentences_after_the_town_is_the_same_strike():
    got = events("قصفت طائرات حربية بلدة كفرنبل في ريف إدلب صباح اليوم، ما أدى إلى مقتل ٣ مدنيين. "
                 "وأفاد ناشطون بأن الطائرات ألقت براميل متفجرة. ونقل المسعفون الجرحى إلى المشافي. "
                 "وتعرضت محافظة إدلب اليوم لقصف جوي عنيف.")
    assert got == [("Air/drone strike", "Kafranbel", "2021-03-10")]
    event = extract({"text": "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب صباح اليوم، ما أدى إلى مقتل ٣ مدنيين. "
                             "وتعرضت محافظة إدلب اليوم لقصف جوي عنيف.", "published": PUBLISHED}).events
    assert [(e.location, e.fatalities) for e in event] == [("Kafranbel", 3)]


def test_a_governorate_report_beside_two_towns_of_its_day_tells_neither_of_them():
    got = events("قصفت طائرات حربية بلدة كفرنبل في ريف إدلب صباح اليوم. وقصفت طائرات حربية بلدة حاس في ريف "
                 "إدلب صباح اليوم. وتعرضت محافظة إدلب اليوم لقصف جوي عنيف.")
    assert [place for _, place, _ in got] == ["Has", "Idlib", "Kafranbel"]


# -- each village its own event; two days two events --------------------------------------------------------

def test_each_village_of_a_list_is_its_own_event():
    got = events("قصفت المدفعية التركية قرى جنديرس وراجو وبلبل في ريف عفرين يوم الاثنين.")
    assert got == [("Shelling/artillery/missile attack", place, "2021-03-08")
                   for place in ("Bulbul", "Jindayris", "Raju")]


def test_a_district_taken_and_a_place_of_another_district_taken_are_two_events():
    got = events("سيطرت قوات الجيش اليمني أمس على مديرية حيس بعد معارك مع الحوثيين، كما سيطرت على منطقة الجراحي.")
    assert got == [("Government regains territory", "Al Jarrahi", "2021-03-09"),
                   ("Government regains territory", "Hays", "2021-03-09")]


def test_two_towns_shelled_on_two_days_are_two_events():
    got = events("قصفت قوات النظام بلدة كفرنبل في ريف إدلب يوم الإثنين، وقصفت بلدة حاس يوم الثلاثاء.")
    assert got == [("Shelling/artillery/missile attack", "Has", "2021-03-09"),
                   ("Shelling/artillery/missile attack", "Kafranbel", "2021-03-08")]


def test_a_protest_on_friday_and_another_on_sunday_are_two_events():
    got = events("تظاهر المئات في مدينة البصرة يوم الجمعة احتجاجاً على انقطاع الكهرباء. "
                 "وتظاهر المئات في البصرة يوم الأحد مرة أخرى.")
    assert got == [("Peaceful protest", "Basrah", "2021-03-05"), ("Peaceful protest", "Basrah", "2021-03-07")]


# -- a retold incident is one event ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the raid's toll in the next sentence, told as "the raid" (Eastern Arabic digits)
    ("شنت طائرات التحالف غارة جوية على مديرية صرواح يوم السبت. وأسفرت الغارة عن مقتل ٥ من الحوثيين.",
     ("Air/drone strike", "Suq Sirwah", "2021-03-06", 5)),
    # the observatory's account of "the shelling" of the town told the day before
    ("قتل ٣ مدنيين في قصف جوي على بلدة كفرنبل جنوب إدلب أمس. وقال المرصد إن القصف استهدف سوقاً شعبياً في كفرنبل.",
     ("Air/drone strike", "Kafranbel", "2021-03-09", 3)),
    # the clashes' toll in the observatory's next sentence
    ("اندلعت اشتباكات بين قوات النظام وفصائل المعارضة في مدينة درعا أمس. وقال المرصد إن الاشتباكات أسفرت عن "
     "مقتل ٦ مقاتلين.", ("Armed clash", "Dar`a", "2021-03-09", 6)),
    # an attack at dawn on Monday, its toll in the ministry's statement today
    ("هاجم مسلحون مركزاً للشرطة في مدينة العريش فجر الاثنين. وأعلنت وزارة الداخلية اليوم أن الهجوم أسفر عن "
     "مقتل ٣ مجندين.", ("Armed clash", "Arish", "2021-03-08", 3)),
    # one sentence: the blast of Monday and its toll given today
    ("قالت مصادر محلية اليوم إن انفجار العبوة الناسفة الذي وقع في سوق مدينة الرمادي يوم الاثنين أسفر عن مقتل "
     "٤ أشخاص، وإن الانفجار ألحق أضراراً بالمحال.", ("Remote explosive/landmine/IED", "Ramadi", "2021-03-08", 4)),
])
def test_a_retold_incident_is_one_event(text, expected):
    got = [(e.sub_event_type, e.location, e.event_date, e.fatalities)
           for e in extract({"text": text, "published": PUBLISHED}).events]
    assert got == [expected]


# -- a clash that ends with the place taken --------------------------------------------------------------------

@pytest.mark.parametrize("text, place, day", [
    # the clash on Monday, the district taken in the next sentence
    ("اندلعت اشتباكات عنيفة بين الجيش والحوثيين في مديرية حيس يوم الاثنين. وتمكن الجيش من السيطرة على مديرية حيس.",
     "Hays", "2021-03-08"),
    # one sentence: the village taken after clashes
    ("سيطرت قوات النظام على قرية التمانعة في ريف إدلب الجنوبي بعد اشتباكات عنيفة مع الفصائل يوم الثلاثاء.",
     "At Tamani`ah", "2021-03-09"),
])
def test_a_clash_that_ends_with_the_place_taken_is_the_capture_alone(text, place, day):
    battles = [(e.sub_event_type, e.location, e.event_date)
               for e in extract({"text": text, "published": PUBLISHED}).events if e.event_type == "Battles"]
    assert battles == [("Government regains territory", place, day)]
