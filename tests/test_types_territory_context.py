"""A generic word of fighting told after a taking (issue 17, train's largest confusion: Armed clash read as a
territorial change). A word such as عملية عسكرية، حملة عسكرية، عملية أمنية، حاصرت takes its type from the specific
trigger told near it (an IED, an air strike), but not a territory type: the taking is told by its own words at
its own place, the operation named in the next sentence is fighting (a clash, spec section 5: one event per
sub-event type, place and day), and where both are told of one place and day the merge codes the battle once, as
the taking. Sentences written for these tests (clitics, diacritics, tatweel, Eastern Arabic digits)."""
import pytest

from trigger_reading import standing
from event_reading import sub_event_types as subs

TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


def _type_of(text: str, written: str) -> str:
    """The type of the standing trigger whose words start with ``written`` (normalised)."""
    found = [sub for sub, words in standing(text) if words.startswith(written)]
    assert found, standing(text)
    return found[0]


@pytest.mark.parametrize("text, written", [
    # a taking (or its aim) told first, an operation at another place told next: fighting there
    ("تسعى القوات العراقية إلى فرض سيطرتها على الفلوجة. وبدأت القوات عمليةً عسكرية في قرية الزاوية أمس.",
     "عمليه عسكريه"),
    ("وأعلن الجيش بدء معركة لاستعادة السيطرة على الحديدة. ونفّذت ألويةُ العمالقة عملياتٍ عسكرية في مديرية التحيتا.",
     "عمليات عسكريه"),
    ("تواصل القوات الحكومية تقدمها من أجل تحريرِ كاملِ المحافظة. وبدأت وحدات الجيش عمليةً أمنية في حي الشهداء.",
     "عمليه امنيه"),
    ("وتسعى قوات سوريا الديمقراطية إلى فرض سيطـرتها على آخر جيوب التنظيم. وأطلقت القوات حملةً عسكريةً في قرية"
     " الباغوز يوم ١٢ شباط.", "حمله عسكريه"),
    ("يسعى المتمردون إلى الاستيلاء على المطار. وحاصرت قواتهم البلدة المجاورة منذ الفجر.", "حاصرت"),
    ("سيطرت القوات العراقية على الفلوجة. وبدأت القوات عمليةً عسكرية في قرية الزاوية أمس.", "عمليه عسكريه"),
    ("استعادت القوات الحكومية مدينة حيس. ونفّذت ألوية العمالقة عمليات عسكرية في مديرية التحيتا.", "عمليات عسكريه"),
    ("وتمكّنت القوات من السيطرة على البلدة. وبدأت وحدات الجيش عمليةً أمنية في حي الشهداء.", "عمليه امنيه"),
    ("واستولى مسلحو الحركة على ٣ قرى شرق المدينة. وفي اليوم نفسه شنّوا عمليةً نوعية على حاجز الجيش.", "عمليه نوعيه"),
    ("حرّرت قوات الحشد ناحيةَ العلم بالكامل. ونفذت الفرقة ٢ حملةً عسكريـة في قضاء تكريت.", "حمله عسكريه"),
])
def test_an_operation_after_a_taking_stays_fighting(text, written):
    assert _type_of(text, written) == "Armed clash"


@pytest.mark.parametrize("text", [
    # the taking itself is still read as one
    "سيطرت القوات العراقية على الفلوجة. وبدأت القوات عمليةً عسكرية في قرية الزاوية أمس.",
    "استعادت القوات الحكومية مدينة حيس. ونفّذت ألوية العمالقة عمليات عسكرية في مديرية التحيتا.",
])
def test_the_taking_is_still_a_taking(text):
    assert TERRITORY & {sub for sub, _ in standing(text)}, standing(text)


@pytest.mark.parametrize("text, written, expected", [
    # the rule is about territory only: a generic word still takes an explosion's or an air strike's type
    ("انفجرت عبوةٌ ناسفة بدورية للجيش قرب الرمادي. وأعقبت ذلك عمليةٌ عسكرية في المنطقة.", "عمليه عسكريه",
     "Remote explosive/landmine/IED"),
    ("شنّت مقاتلات التحالف غاراتٍ على مواقع الحوثيين في صعدة. وتواصلت الحملة العسكرية على المدينة طوال الليل.",
     "الحمله العسكريه", "Air/drone strike"),
])
def test_other_contexts_still_give_their_type(text, written, expected):
    assert _type_of(text, written) == expected


@pytest.mark.usefixtures("rules_decide")
def test_one_place_and_day_is_one_taking():
    # an operation told at the place the sentence before says was taken, on its day: one event, the taking
    found = subs("سيطرت القوات العراقية على مدينة الفلوجة يوم ٣ آذار. وكانت القوات بدأت عمليةً عسكرية في الفلوجة"
                 " يوم ٣ آذار.", published="2021-03-04")
    assert "Armed clash" not in found, found
    assert TERRITORY & set(found), found
