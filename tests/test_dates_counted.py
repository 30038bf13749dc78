"""An event told as the one before another day of the text: "غداة X" (the morning after X) and "بعد يومين
من X" date X by counting back from the day of the sentence's frame (its statement, its own day, or the
publication day).

Sentences written for these tests. Publication date: Friday 7 August 2015 (P); ``build`` (from
tests/test_dates_events.py) gives the documents: real segmenter, hand-given triggers.
"""
from __future__ import annotations

import datetime as dt

import pytest
from test_dates_events import P, build

from rasd.dates import rules_date_for as date_for

D = dt.date


def _date(text: str, word: str, kind: str = "attack"):
    doc, trigs = build(text, [(word, kind)])
    idx = trigs[0].sentence
    return date_for(doc, trigs[0], doc.sentences[idx])


@pytest.mark.parametrize("text, word, expected", [
    # the frame is the statement's day (Thursday 6 August): the clashes were the day before
    ("دعا الوزير، الخميس، إلى تحقيق مستقل، وذلك غداة المواجهات التي أوقعت قتلى.", "المواجهات", D(2015, 8, 5)),
    # diacritics and the clitic و on the cue
    ("وعدت الحكومة أمسِ بتعزيز الأمن وغداةَ هجومٍ انتحاري ضرب المدينة.", "هجوم", D(2015, 8, 5)),
    # no day named: counted from publication
    ("ويأتي هذا بعد يومين فقط من مقتل قياديَّين في جبهة المهاشمة.", "مقتل", D(2015, 8, 5)),
    ("وجاء ذلك بعد يوم واحد من اقتحام القوات بلدة الشيخ.", "اقتحام", D(2015, 8, 6)),
    # Eastern Arabic digits and tatweel
    ("ويأتي ذلك بعد ٤ أيام على تفجيــر استهدف السوق.", "تفجير", D(2015, 8, 3)),
])
def test_the_event_after_the_cue_is_counted_back(text, word, expected):
    got = _date(text, word)
    assert got.date == expected, got.reason
    assert "days before" in got.reason


def test_a_few_days_back_is_week_precision():
    got = _date("ويأتي هذا بعد أيام قليلة من اشتباكات مماثلة في المديرية.", "اشتباكات", "clash")
    assert (got.date, got.precision) == (D(2015, 8, 4), 2), got.reason


def test_a_day_named_inside_the_phrase_is_the_events_own():
    # "غداة مقتل أربعة مدنيين الخميس": Thursday is named for the killing itself
    got = _date("أصيب خمسة مدنيين بجروح الجمعة، غداة مقتل أربعة مدنيين الخميس.", "مقتل")
    assert got.date == D(2015, 8, 6) and "days before" not in got.reason, got.reason


@pytest.mark.parametrize("text, word, expected", [
    # the frame event itself is not counted back: only what the cue governs
    ("قتل مدني أمس بعد يومين من الانتخابات.", "قتل", D(2015, 8, 6)),
    # the trigger stands too far after the cue (more than two words, or past a comma)
    ("وبعد يومين من انطلاق العملية، أعلن الجيش أمس تحرير المدينة.", "تحرير", D(2015, 8, 6)),
])
def test_the_frame_event_keeps_its_own_day(text, word, expected):
    got = _date(text, word)
    assert got.date == expected and "days before" not in got.reason, got.reason


def test_days_are_not_counted_from_a_month():
    # "في نيسان 2015، وذلك بعد 3 أيام من هجوم": the frame is a month; the count does not sharpen it
    got = _date("قصفت الولايات المتحدة القاعدة في نيسان ٢٠١٥، وذلك بعد 3 أيام من هجوم كيماوي.", "هجوم")
    assert got.date == D(2015, 4, 15) and got.precision == 3, got.reason


def test_no_publication_date_no_count():
    doc, trigs = build("ويأتي هذا بعد يومين من مقتل القيادي.", [("مقتل", "attack")], published=None)
    got = date_for(doc, trigs[0], doc.sentences[0])
    assert got.date is None


# -- a statement's day yields to the day the next sentence gives the same kind of event -------------
def _two(text: str, triggers, which: int = 0):
    doc, trigs = build(text, triggers)
    return date_for(doc, trigs[which], doc.sentences[trigs[which].sentence])


@pytest.mark.parametrize("text, second, expected", [
    # the statement is Friday (publication); the clashes began Thursday evening
    ("اندلعت اشتباكات في بيروت، وفق ما أوردت مراسلتنا، الجمعة.\nوبدأت الاشتباكات، مساء الخميس، بعد استفزازات.",
     "الاشتباكات", D(2015, 8, 6)),
    # diacritics and tatweel; the statement on Thursday, the clash on Wednesday
    ("أعلنت الوزارةُ، الخميس، أن جنديا قُتل في اشتباكات مع مسلحين.\nوكان الاشتبـــاك الذي وقع الأربعاء عنيفاً.",
     "الاشتباك", D(2015, 8, 5)),
])
def test_the_next_sentence_gives_the_statements_event_its_day(text, second, expected):
    got = _two(text, [("اشتباكات", "clash"), (second, "clash")])
    assert got.date == expected and "told on" in got.reason, got.reason


@pytest.mark.parametrize("text", [
    # two days before the statement: too far to be the day it reports
    "اندلعت اشتباكات في بيروت، وفق ما أوردت مراسلتنا، الجمعة.\nوبدأت الاشتباكات، مساء الأربعاء، بعد استفزازات.",
    # the next sentence tells another kind of event
    "اندلعت اشتباكات في بيروت، وفق ما أوردت مراسلتنا، الجمعة.\nواعتقلت الشرطة، مساء الخميس، ٣ أشخاص.",
])
def test_the_statement_day_stands_otherwise(text):
    second = ("الاشتباكات", "clash") if "وبدأت" in text else ("واعتقلت", "arrest")
    got = _two(text, [("اشتباكات", "clash"), second])
    assert got.date == P and "statement" in got.reason, got.reason


# -- an event told as going on when reported is the report's day -------------------------------------
@pytest.mark.parametrize("text, word, kind", [
    # the paragraph's day (Thursday) is the first event's; the clashes still rage
    ("سيطرت القوات الخميس على البلدة. وفي محافظة إب، تحتدم المواجهات بين الطرفين.", "المواجهات", "clash"),
    # clitics: "كما تتواصل", "وتستمرّ" (shadda)
    ("قصفت الطائرات أمس مواقع المسلحين، كما تتواصل الاشتباكات في ريف المدينة.", "الاشتباكات", "clash"),
    ("شُنّت غارات أمس على الحي. وتستمرّ معارك الكر والفر في تعز.", "معارك", "clash"),
    # a "since" day of its own clause: the event goes on to the report
    ("وتدور اشتباكات عنيفة منذ صباح أمس قرب المطار.", "اشتباكات", "clash"),
    # the trigger is the imperfect verb itself, its sentence's day in another clause
    ("غادرت القافلة المدينة مساء الأربعاء، فيما الأهالي يتظاهرون للسماح بدخولها.", "يتظاهرون", "protest"),
    # "لليوم الثالث على التوالي": the nth day is the report's, over a year named in the clause
    ("خرج الآلاف في مظاهرات لليوم الثالث على التوالي بعد تبرئة متهمين في جريمة عام ٢٠١٤.", "مظاهرات", "protest"),
])
def test_an_event_going_on_is_the_reports_day(text, word, kind):
    doc, trigs = build(text, [(word, kind)])
    got = date_for(doc, trigs[0], doc.sentences[trigs[0].sentence])
    assert (got.date, got.precision) == (P, 2) and "going on" in got.reason, got.reason


@pytest.mark.parametrize("text, word, expected", [
    # a past verb: the day of its own clause stands
    ("وتواصلت الاشتباكات أمس في ريف المدينة.", "الاشتباكات", D(2015, 8, 6)),
    # the ongoing verb with a day of its own in its clause ("تدور ... الثلاثاء"): that day stands
    ("وكانت المعارك تدور الثلاثاء ٤ آب قرب الجسر.", "المعارك", D(2015, 8, 4)),
])
def test_a_day_of_its_own_clause_stands(text, word, expected):
    doc, trigs = build(text, [(word, "clash")])
    got = date_for(doc, trigs[0], doc.sentences[trigs[0].sentence])
    assert got.date == expected and "going on" not in got.reason, got.reason


# -- an undated event of a text written the day before publication ------------------------------------
def test_an_undated_event_takes_the_day_the_text_was_written():
    sunday = D(2015, 8, 9)
    text = "قال الجيش في بيان اليوم السبت إنه قتل ٥ مسلحين.\n\nومن جهة أخرى، اعتقلت الشرطة ناشطين في حي النور."
    doc, trigs = build(text, [("اعتقلت", "arrest")], published=sunday)
    got = date_for(doc, trigs[0], doc.sentences[trigs[0].sentence])
    assert (got.date, got.precision) == (D(2015, 8, 8), 2) and "written" in got.reason, got.reason
    # the same text published on the Saturday it names: the publication day
    doc, trigs = build(text, [("اعتقلت", "arrest")], published=D(2015, 8, 8))
    got = date_for(doc, trigs[0], doc.sentences[trigs[0].sentence])
    assert got.date == D(2015, 8, 8) and "publication date" in got.reason, got.reason


# -- "until dawn Saturday": the night before ---------------------------------------------------------
@pytest.mark.parametrize("text, word, kind, expected", [
    ("شهدت مدن عدة احتجاجات استمرت حتى ساعات فجر الخميس.", "احتجاجات", "protest", D(2015, 8, 5)),
    ("ودارت اشتباكات عنيفة وحتّى صباح أمس في محيط المطار.", "اشتباكات", "clash", D(2015, 8, 5)),
])
def test_an_event_until_dawn_began_the_night_before(text, word, kind, expected):
    doc, trigs = build(text, [(word, kind)])
    got = date_for(doc, trigs[0], doc.sentences[trigs[0].sentence])
    assert got.date == expected and "night before" in got.reason, got.reason


def test_until_an_evening_is_that_day():
    doc, trigs = build("استمرت الاحتجاجات حتى مساء الخميس.", [("الاحتجاجات", "protest")])
    got = date_for(doc, trigs[0], doc.sentences[0])
    assert got.date == D(2015, 8, 6) and "night before" not in got.reason, got.reason
