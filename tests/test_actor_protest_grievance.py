"""A protest about a killing is not force used on the protest (spec section 5; issue 17).

Crowds march after one person was killed or shot (مقتل شاب أسود برصاص شرطي، أطلق شرطي النار على فتى، بقتل
مواطن): that killing is the wrong the protest is about, so the protest stays a ``Peaceful protest`` with the
protesters as actor1 and no actor2, and the force named as the shooter is not the force a riot fought. Force
used on the crowd itself (قُتل متظاهر، خلال مسيرة العودة، أطلقت الشرطة النار على الحشود) is still ``Excessive
force against protesters`` with the force first. A district called الحي (الحي الصيني) is no live fire.

Sentences written for rasd (none copied from an evaluation set), with clitics, diacritics, tatweel and
Eastern Arabic digits; the roles come from :func:`rasd.commands.actors.explain`.
"""
from __future__ import annotations

import pytest

from rasd import actors
from rasd.commands.actors import explain

US, FR, UK, IQ, JO = "United States", "France", "United Kingdom", "Iraq", "Jordan"
PEACEFUL, EXCESSIVE, RIOT = "Peaceful protest", "Excessive force against protesters", "Violent demonstration"

# (sentence, published, sub-event type of the first crowd event, actor1, actor2)
CASES: list[tuple] = [
    # -- the killing of one person is what the crowd protests: no force on the crowd -------------------------------
    ("تظاهر مئات الأشخاص في مدينة نيويورك الأمريكية بعد مقتل شاب أسود برصاص شرطي أبيض", "2018-04-01",
     PEACEFUL, f"Protesters ({US})", None),
    ("خرج المئات في مسيرة بمدينة مرسيليا الفرنسية بعد أن أطلق شرطي النار على فتى في السابعة عشرة", "2018-06-01",
     PEACEFUL, f"Protesters ({FR})", None),
    ("اعتصم عشرات المواطنين أمام مبنى محافظة البصرة للمطالبة بمحاكمة ضابط متهم بقتل مواطن", "2018-07-01",
     PEACEFUL, f"Protesters ({IQ})", None),
    ("تجمّع محتجّون في لندن بعدما قُتِل رجلٌ أعزل برصاص الشرطة البريطانية", "2018-05-01",
     PEACEFUL, f"Protesters ({UK})", None),
    ("نظم ٣٠٠ شخص وقفة احتجاجية في مدينة الزرقاء الأردنية في ذكرى مقتل الطفل برصاص دورية للأمن", "2018-03-01",
     PEACEFUL, f"Protesters ({JO})", None),
    ("خرج آلاف المحتجين في مسيرة بمدينة بالتيمور الأمريكية، وكان شرطي قد أطلق النار عليه وقتله الأسبوع الماضي",
     "2018-04-20", PEACEFUL, f"Protesters ({US})", None),
    ("وتظاهــر المئات في سكرامنتو بولاية كاليفورنيا الأمريكية تنديدا بإطلاق شرطيين النار على شاب أعزل",
     "2018-03-23", PEACEFUL, f"Protesters ({US})", None),
    # -- a riot after such a killing: the shooter named in it is not the force the rioters fought --------------------
    ("اندلعت أعمال شغب في ضواحي مدينة نانت الفرنسية إثر مقتل شاب برصاص شرطي", "2018-07-04",
     RIOT, f"Rioters ({FR})", None),
    ("اندلعت أعمال شغب في مدينة نانت الفرنسية ورشق الشبان الشرطة الفرنسية بالحجارة", "2018-07-04",
     RIOT, f"Rioters ({FR})", f"Police Forces of {FR}"),
    # -- الحي as a district (الحي الصيني) is no live fire --------------------------------------------------
    ("تظاهر العشرات في الحي الصيني بلندن ضد حملات الهجرة وفرقتهم الشرطة البريطانية", "2018-07-06",
     PEACEFUL, f"Protesters ({UK})", None),
    # -- force used on the crowd stays excessive force, one victim or many -----------------------------------------
    ("استُشهد شاب فلسطيني برصاص الجيش الإسرائيلي خلال مسيرة العودة شرق غزة", "2018-05-14",
     EXCESSIVE, "Military Forces of Israel", "Protesters (Palestine)"),
    ("وأصيب ١٢ متظاهراً بالرصاص الحي خلال تظاهرة في البصرة حين أطلقت الشرطة العراقية النار على الحشود", "2018-07-15",
     EXCESSIVE, f"Police Forces of {IQ}", f"Protesters ({IQ})"),
    ("قُتل متظاهر برصاص قوات الأمن السودانية خلال احتجاجات في الخرطوم", "2018-12-25",
     EXCESSIVE, "Military Forces of Sudan", "Protesters (Sudan)"),
    ("تظاهر المئات في بغداد بعد مقتل رجل أمن، وأطلقت الشرطة العراقية الرصاص على المتظاهرين", "2018-07-20",
     EXCESSIVE, f"Police Forces of {IQ}", f"Protesters ({IQ})"),
]

CROWD = {PEACEFUL, "Protest with intervention", EXCESSIVE, RIOT, "Mob violence"}


def _crowd_event(sentence: str, published: str) -> dict:
    events = [e for e in explain(sentence, published=published)["events"] if e["sub_event_type"] in CROWD]
    assert events, f"no protest or riot in {sentence!r}"
    return events[0]


@pytest.mark.parametrize("row", CASES, ids=[f"{i:02d}-{r[2]}".replace(" ", "_") for i, r in enumerate(CASES)])
def test_protest_roles(row):
    sentence, published, sub, actor1, actor2 = row
    got = _crowd_event(sentence, published)
    assert (got["sub_event_type"], got["actor1"], got["actor2"]) == (sub, actor1, actor2), \
        f"{sentence}\n{got['reasons']}"


def test_at_least_12_sentences():
    assert len(CASES) >= 12


def _sentence_spans(text: str):
    from rasd import pipeline

    doc = pipeline.make_document({"text": text, "published": "2018-05-01"})
    pipeline.run_stages(doc)
    sentence = doc.sentences[0]
    return doc, sentence, actors._grievance(doc, sentence), actors._fire_tokens(doc, sentence)


def test_the_shooter_of_one_person_is_inside_the_grievance_and_no_fire_on_the_crowd():
    doc, _, spans, fire = _sentence_spans("تظاهر المئات بعد مقتل الشاب الأسود مايكل برصاص شرطي أبيض في المدينة")
    shooter = next(i for i, t in enumerate(doc.tokens) if t.text == "شرطي")
    assert any(a <= shooter < b for a, b in spans)
    assert fire == []


def test_a_security_man_killed_is_no_one_persons_grievance():
    _, _, spans, fire = _sentence_spans("تظاهر المئات بعد مقتل رجل أمن برصاص مسلحين في المدينة")
    assert spans == ()
    assert fire
