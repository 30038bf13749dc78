"""Actors: a speaking body's owner is a source; a strike with no side hit named, in a report of civilian dead,
hits civilians; a fight told with بين has the government's side first. Sentences written for rasd (not taken
from any evaluation set); each runs through the whole pipeline as an article."""
from __future__ import annotations

import pytest

from rasd import actors, geo, pipeline

CIV_SY = "Civilians (Syria)"
SY, REB = "Military Forces of Syria", "Opposition Rebels (Syria)"


@pytest.fixture(autouse=True)
def _rules_decide(monkeypatch):
    monkeypatch.setenv("RASD_DECIDER", "rules")  # the roles of the type the rules read


class _Read:
    def __init__(self, actor1, actor2, reasons):
        self.actor1, self.actor2, self.extra = actor1, actor2, {"reasons": {"actors": reasons}}


def _event(text: str, published: str = "2018-03-12"):
    """The first event the pipeline codes, or the roles of the first reported event word when none is coded."""
    doc = pipeline.extract({"text": text, "published": published})
    if doc.events:
        return doc.events[0]
    for trigger in sorted(doc.triggers, key=lambda t: (t.absorbed, t.modality is not None)):
        sentence = doc.sentences[trigger.sentence]
        places = geo.places_for(doc, trigger, sentence)
        r = actors.roles_for(doc, trigger, sentence, places[0].place.country if places else doc.country)
        return _Read(r.actor1, r.actor2, r.reasons)
    pytest.fail(f"no reported event in {text!r}")


@pytest.mark.parametrize("text,actor1,actor2", [
    # the owner of the body that speaks (مركز إعلامي، تلفزيون، وكالة) reports; it is not the one hit
    ("وقال مركز إعلام الغوطة التابع للمعارضة السورية إن القصف الجوي على بلدة دوما أدى إلى مقتل ١٢ مدنياً.",
     SY, CIV_SY),
    ("وذكرت وكالة أعماق التابعة لتنظيم داعش أن غارات جوية استهدفت بلدة هجين في ريف دير الزور وقتلت سبعة مدنيين.", SY, CIV_SY),
    ("وأفادت وكالةُ سبأ التابعة لجماعة الحوثي بأن غارةً جويةً على سوق في مدينة صعدة قتلت خمسة مدنيين.",
     "Saudi-led Coalition", "Civilians (Yemen)"),
], ids=["media-centre-of-the-opposition", "agency-of-the-group", "television-of-the-houthis"])
def test_owner_of_the_speaker_is_a_source(text, actor1, actor2):
    event = _event(text)
    assert (event.actor1, event.actor2) == (actor1, actor2), event.extra["reasons"]["actors"]


def test_a_convoy_owned_by_a_force_still_makes_the_force_the_target():
    event = _event("استهدف مسلحون مجهولون رتلاً تابعاً للتحالف الدولي قرب مدينة الفلوجة.", "2020-09-03")
    assert event.actor2 == "Global Coalition Against Daesh", event.extra["reasons"]["actors"]


@pytest.mark.parametrize("text,actor2", [
    # the toll of civilians in the lead, the strikes told in the next sentence with no side hit named
    ("ارتفعت حصيلة القتلى المدنيين في ريف درعا إلى ٤٠ مدنياً خلال يومين. وتعرضت بلدات نوى وطفس لعشرات الغارات "
     "الجوية السورية والروسية ما تسبب في سقوط عشرات القتلى والجرحى.", CIV_SY),
    ("قتل ستة مدنيين بينهم طفلان في قصف مدفعي للقوات الحكومية على بلدة كفرنبل في ريف إدلب.", CIV_SY),
    # no civilians in the report: the side the article names against the striker
    ("قصفت الطائرات الحربية السورية مواقع فصائل المعارضة في بلدة كفرنبل بريف إدلب.", REB),
], ids=["civilians-in-the-lead", "civilians-in-the-sentence", "rebels-no-civilians"])
def test_a_strike_with_no_side_hit_named_hits_the_civilians_the_report_counts(text, actor2):
    event = _event(text)
    assert event.actor2 == actor2, event.extra["reasons"]["actors"]


@pytest.mark.parametrize("text,published,actor1,actor2", [
    # armed men the government's forces strike or fight, in Syria: the armed opposition
    ("وأفادت تقارير بأن الحكومة استخدمت الغارات الجوية والقصف المدفعي على مناطق المسلحين في ريف درعا.", "2018-06-23",
     SY, REB),
    ("وقصفت قواتُ النظام بالمدفعية الثقيلة تجمعاتٍ للمسلحين في بلدة اللطامنة بريف حماة الشمالي.", "2018-06-23", SY, REB),
    # armed men with no government side against them stay unidentified, in Syria too
    ("أطلق مسلحون مجهولون النار على سيارة مدنية في بلدة الصنمين بريف درعا ما أدى إلى مقتل سائقها.", "2018-06-23",
     "Unidentified Armed Group (Syria)", CIV_SY),
    # and armed men fighting a government elsewhere are not Syria's rebels
    ("قصف الجيش العراقي تجمعات للمسلحين قرب قضاء تلعفر غرب الموصل.", "2017-06-01", "Military Forces of Iraq",
     "Unidentified Armed Group (Iraq)"),
], ids=["syria-gunmen-under-air-strikes", "syria-gunmen-shelled", "syria-gunmen-on-civilians", "iraq-gunmen"])
def test_armed_men_against_the_government_side_are_its_armed_opposition(text, published, actor1, actor2):
    event = _event(text, published)
    assert (event.actor1, event.actor2) == (actor1, actor2), event.extra["reasons"]["actors"]


def test_the_mosque_of_a_force_makes_the_force_the_target():
    event = _event("وزار أمير منطقة عسير موقع التفجير الذي استهدف مسجدَ قوات الطوارئ الخاصة بمدينة أبها وقتل ١٠ من "
                   "منسوبيها.", "2015-08-07")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Saudi Arabia)", "Police Forces of Saudi Arabia"), \
        event.extra["reasons"]["actors"]
