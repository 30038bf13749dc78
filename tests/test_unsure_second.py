"""Issue 17, incident granularity (cells26): the scorer pairs events per (article, event type, admin1) cell, and
the decision model's keep threshold is set for a report as if it were alone in its cell. A second report of one
kind (:func:`rasd.assemble._kind`) in a governorate that the model is unsure of (P(event) below
:data:`rasd.assemble.CELL_SECOND_MIN`), beside one of its kind it is surer of, is dropped
(:func:`rasd.assemble._drop_unsure_second`): on train, out of fold, such reports were more often the incident told
again than another incident.

Each case reads the article with the rules up to the candidates, checks the candidates it expects (so that the
drop, not the reading, decides), gives each candidate the P(event) a model might give it, in the order the text
tells them, and merges. Sentences written here for rasd."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


def merged(text: str, probabilities: list[float] | None, published: str = "2021-03-10"):
    """The candidates (sub-event type, location) and the events (sub-event type, location) the merge makes of
    them once the j-th candidate has P(event) ``probabilities[j]`` (None: no P, the rules decided)."""
    from rasd import assemble, pipeline
    doc = pipeline.make_document({"text": text, "published": published})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    candidates = [c for c in doc.user_data["candidates"] if c[1].get("keep", not c[1].get("doubt"))]
    told = [(e.sub_event_type, e.location) for e, _ in candidates]
    if probabilities is not None:
        assert len(probabilities) == len(candidates), told
        for (_, info), p in zip(candidates, probabilities):
            info["p_event"] = p
    events = assemble._merge(doc, candidates, model=None)
    return told, sorted((e.sub_event_type, e.location) for e in events)


AIR, SHELL, CLASH = "Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"

KAFRANBEL_MAARAT = ("قصفت الطائرات بلدة كفرنبل في ريف إدلب يوم الاثنين. وشنّت الطائرات غارة على مدينة معرة النعمان "
                    "يوم الاثنين.")
DUMA_HARASTA = "شنّت المقاتلات غاراتٍ على مدينة دوما يوم الخميس. وقصفت الطائرات بلدة حرستا يوم الخميس."


@pytest.mark.parametrize("text, probabilities, told, events", [
    # a raid on a second town of Idlib, told after the raid the model is sure of (a clitic, a shadda)
    (KAFRANBEL_MAARAT, [0.9, 0.3], [(AIR, "Kafranbel"), (AIR, "Ma`arrat an Nu`man")], [(AIR, "Kafranbel")]),
    # the same two, the unsure one told first: the surer one stays whatever the order
    (KAFRANBEL_MAARAT, [0.3, 0.9], [(AIR, "Kafranbel"), (AIR, "Ma`arrat an Nu`man")],
     [(AIR, "Ma`arrat an Nu`man")]),
    # clashes in Ramadi, an attack in Fallujah (a battle too) the model doubts; a clitic (وقُتل) and a damma
    ("اندلعت اشتباكات عنيفة بين الجيش والمسلحين في مدينة الرمادي يوم الأحد. وقُتل جنديان في هجوم على الفلوجة "
     "يوم الأحد.", [0.95, 0.35], [(CLASH, "Ramadi"), (CLASH, "Al Fallujah")], [(CLASH, "Ramadi")]),
    # a town taken, clashes at another town of Daraa the model doubts: battles are one kind whatever their sub-types
    ("سيطرت القوات الحكومية على بلدة الحراك يوم السبت. واندلعت اشتباكات في بلدة بصرى الشام يوم السبت.", [0.9, 0.4],
     [("Government regains territory", "Al Hirak"), (CLASH, "Busra ash Sham")],
     [("Government regains territory", "Al Hirak")]),
    # a protest in Basra, a second one in Zubayr read from one plural noun
    ("تظاهر المئات في مدينة البصرة يوم الجمعة للمطالبة بالخدمات. وشهدت الزبير احتجاجات يوم الجمعة.",
     [0.8, 0.25], [("Peaceful protest", "Basrah"), ("Peaceful protest", "Az Zubayr")],
     [("Peaceful protest", "Basrah")]),
    # a car bomb in Mosul with its toll in Eastern Arabic digits, a roadside bomb in Tal Afar just under .5
    ("انفجرت سيارة مفخخة في مدينة الموصل يوم الثلاثاء ما أدى إلى مقتل ٤ أشخاص. وانفجرت عبوة ناسفة في تلعفر يوم "
     "الثلاثاء.", [0.9, 0.45],
     [("Remote explosive/landmine/IED", "Mosul"), ("Remote explosive/landmine/IED", "Tall `Afar")],
     [("Remote explosive/landmine/IED", "Mosul")]),
    # two tellings of the raids on Douma (a shadda, tanween), a raid on Harasta the model doubts
    (DUMA_HARASTA, [0.9, 0.9, 0.3], [(AIR, "Duma"), (AIR, "Duma"), (AIR, "Harasta")], [(AIR, "Duma")]),
    # the raids on Douma doubted in both tellings, the one on Harasta sure
    (DUMA_HARASTA, [0.3, 0.3, 0.9], [(AIR, "Duma"), (AIR, "Duma"), (AIR, "Harasta")], [(AIR, "Harasta")]),
    # gunmen shoot at a bus in Arish (Eastern Arabic digits), at civilians in Sheikh Zuweid the model doubts
    ("أطلق مسلحون النار على حافلة في مدينة العريش يوم الأربعاء فقتلوا ٣ مدنيين. وأطلق مسلحون النار على مدنيين في "
     "الشيخ زويد يوم الأربعاء.", [0.9, 0.9, 0.3],
     [("Attack", "Arish"), ("Attack", "Arish"), ("Attack", "Ash Shaykh Zuwayd")], [("Attack", "Arish")]),
    # a protest in Nasiriyah (tatweel in the verb), another in Shatrah
    ("تظاهـر الآلاف في مدينة الناصرية يوم الجمعة. وخرجت مظاهرة في مدينة الشطرة يوم الجمعة.", [0.7, 0.4],
     [("Peaceful protest", "Nasiriyah"), ("Peaceful protest", "Ash Shatrah")], [("Peaceful protest", "Nasiriyah")]),
])
def test_an_unsure_second_report_of_a_kind_is_dropped(text, probabilities, told, events):
    candidates, result = merged(text, probabilities)
    assert candidates == told
    assert result == events


@pytest.mark.parametrize("text, probabilities, events", [
    # the second report reaches .5: two incidents
    (KAFRANBEL_MAARAT, [0.9, 0.6], [(AIR, "Kafranbel"), (AIR, "Ma`arrat an Nu`man")]),
    # both unsure alike: none is surer, both stay (the keep threshold decided them)
    (KAFRANBEL_MAARAT, [0.3, 0.3], [(AIR, "Kafranbel"), (AIR, "Ma`arrat an Nu`man")]),
    # no P(event): the rules decided, nothing is dropped
    (KAFRANBEL_MAARAT, None, [(AIR, "Kafranbel"), (AIR, "Ma`arrat an Nu`man")]),
    # shells on a second town: another sub-event type of explosion, another kind
    ("قصفت الطائرات بلدة كفرنبل في ريف إدلب يوم الاثنين. وسقطت قذائف على مدينة معرة النعمان يوم الاثنين.",
     [0.9, 0.3], [(AIR, "Kafranbel"), (SHELL, "Ma`arrat an Nu`man")]),
    # the shells fall on Aleppo, another governorate
    ("قصفت الطائرات بلدة كفرنبل في ريف إدلب يوم الاثنين. وسقطت قذائف على مدينة حلب يوم الاثنين.", [0.9, 0.3],
     [(AIR, "Kafranbel"), (SHELL, "Aleppo")]),
    # an air raid on Fallujah beside a clash in Ramadi (tatweel): another event type
    ("اندلعت اشتبـاكات بين الجيش والمسلحين في مدينة الرمادي يوم الأحد. وقصفت الطائرات الفلوجة يوم الأحد.",
     [0.95, 0.3], [(AIR, "Al Fallujah"), (CLASH, "Ramadi")]),
    # an arrest in Mosul, arms seized in Tal Afar: two strategic developments of two sub-event types
    ("اعتقلت قوات الأمن خمسة مطلوبين في مدينة الموصل يوم الثلاثاء. وضبطت القوات مخزناً للأسلحة في تلعفر يوم "
     "الثلاثاء.", [0.9, 0.3], [("Arrests", "Mosul"), ("Disrupted weapons use", "Tall `Afar")]),
    # a shooting of civilians in Arish, an abduction in Sheikh Zuweid (tanween): two kinds of violence
    ("أطلق مسلحون النار على حافلة في مدينة العريش يوم الأربعاء فقتلوا ٣ مدنيين. وخطف مسلحون مدنياً في الشيخ "
     "زويد يوم الأربعاء.", [0.9, 0.9, 0.3], [("Abduction/forced disappearance", "Ash Shaykh Zuwayd"),
                                            ("Attack", "Arish")]),
    # one telling of the raids on Douma doubted, the other sure: the report is as sure as its best telling
    (DUMA_HARASTA, [0.3, 0.8, 0.9], [(AIR, "Duma"), (AIR, "Harasta")]),
    # an Israeli raid on Rafah (Eastern Arabic digit), a raid on Khan Yunis the model is fairly sure of
    ("أغارت الطائرات الإسرائيلية على مدينة رفح يوم الأحد فقتلت ٢ من المسلحين. وأغارت الطائرات على مدينة خان يونس "
     "يوم الأحد.", [0.9, 0.55], [(AIR, "Khan Yunis"), (AIR, "Rafah")]),
    # an attack in Derna and clashes in Tobruk: two governorates of Libya
    ("قُتل ٣ جنود في هجوم لمسلحين على حاجز في مدينة درنة يوم الثلاثاء. واندلعت اشتباكات في مدينة طبرق يوم "
     "الثلاثاء.", [0.9, 0.3], [(CLASH, "Darnah"), (CLASH, "Tobruk")]),
])
def test_a_sure_or_lone_report_stays(text, probabilities, events):
    assert merged(text, probabilities)[1] == events
