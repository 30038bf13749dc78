"""One explosion named with two sub-event types in one sentence is one event (issue 17, incident cells): a suicide
bombing told also as a bomb, a chemical attack told also as an air strike or as shells, at the same place and day
in the same sentence, is coded once, as the more specific type (assemble._fold_told_together). Two events stay
two: on two days, at two places, when the sentence says it happened again (مجدداً، ثانية), an air strike beside a
shelling (the coders code both means), a bombardment of several villages, and violence against civilians.
Sentences written for these tests (clitics, diacritics, tatweel, Eastern Arabic digits)."""
import pytest

from rasd.pipeline import extract

PUBLISHED = "2021-03-10"  # a Wednesday

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)

EXPLOSIONS = "Explosions/Remote violence"
AIR, SHELLING = "Air/drone strike", "Shelling/artillery/missile attack"


def events(text, event_type=EXPLOSIONS):
    return sorted((e.sub_event_type, e.location, e.event_date)
                  for e in extract({"text": text, "published": PUBLISHED}).events if e.event_type == event_type)


@pytest.mark.parametrize("text, expected", [
    # the suicide bomber's belt, and the bomb going off in the next clause
    ("فجّر انتحاري نفسه بحزام ناسف داخل مسجد في مدينة أبها أمس، وانفجرت العبوة أثناء صلاة الظهر.",
     ("Suicide bomb", "Abha", "2021-03-09")),
    # barrel bombs and poison gas dropped by the planes on one town
    ("قصفت الطائرات بالبراميل المتفجرة والغازات السامة بلدة اللطامنة في ريف حماة يوم الخميس.",
     ("Chemical weapon", "Al-Lataminah", "2021-03-04")),
    # a chemical attack with rockets (full diacritics, a shadda)
    ("استهدف هجومٌ كيميائيٌّ بصواريخ محمّلة بغاز الكلور حيّ جوبر في دمشق صباح الثلاثاء.",
     ("Chemical weapon", "Jobar", "2021-03-09")),
    # shells carrying chlorine, the casualties told after (Eastern Arabic digits, a clitic ب on the city)
    ("سقطت قذائف تحمل غاز الكلور على حي جوبر بدمشق يوم الأربعاء، وأصيب ١٥ شخصاً بحالات اختناق.",
     ("Chemical weapon", "Jobar", "2021-03-10")),
])
def test_one_explosion_named_with_two_types_in_one_sentence_is_one_event(text, expected):
    assert events(text) == [expected]


@pytest.mark.parametrize("text, event_type, expected", [
    # air raids and a missile bombardment: two means, coded both
    ("شنت طائرات التحالف غارات جوية وقصفاً صاروخياً على معسكر في مدينة صعدة أمس، ما أدى إلى مقتل ٧ مسلحين.",
     EXPLOSIONS, [(AIR, "Sa'dah", "2021-03-09"), (SHELLING, "Sa'dah", "2021-03-09")]),
    # warplanes and artillery on one town, a tatweel in the verb
    ("قصفـت الطائرات الحربية والمدفعية بلدة معرة النعمان يوم الأربعاء، ما أسفر عن مقتل ٤ مدنيين.", EXPLOSIONS,
     [(AIR, "Ma`arrat an Nu`man", "2021-03-10"), (SHELLING, "Ma`arrat an Nu`man", "2021-03-10")]),
    # a bombardment by air and by artillery of two towns: both types at each
    ("قصفت الطائرات الحربية والمدفعية بلدتي زملكا وعربين في الغوطة الشرقية ليل الخميس.", EXPLOSIONS,
     [(AIR, "Zamalka", "2021-03-04"), (AIR, "`Irbin", "2021-03-04"),
      (SHELLING, "Zamalka", "2021-03-04"), (SHELLING, "`Irbin", "2021-03-04")]),
    # a suicide bombing one day, a bomb in the same market the next
    ("فجر انتحاري حزامه الناسف في سوق مدينة الرمادي يوم السبت، وفي يوم الأحد انفجرت عبوة ناسفة في السوق نفسه.",
     EXPLOSIONS, [("Remote explosive/landmine/IED", "Ramadi", "2021-03-07"), ("Suicide bomb", "Ramadi", "2021-03-06")]),
    # a bomb and a suicide bomber in two districts of one city, in one sentence
    ("انفجرت عبوة ناسفة في مدينة الصدر شرقي بغداد صباح اليوم، وفجّر انتحاري نفسه في حي الكرادة ظهراً.", EXPLOSIONS,
     [("Remote explosive/landmine/IED", "Sadr City", "2021-03-10"), ("Suicide bomb", "Al Karada", "2021-03-10")]),
    # "a second bomb" after the suicide bomber
    ("هاجم انتحاري يرتدي حزاماً ناسفاً حسينية في مدينة القطيف يوم الجمعة، وانفجرت عبوة ثانية قرب المكان.", EXPLOSIONS,
     [("Remote explosive/landmine/IED", "Al Qatif", "2021-03-05"), ("Suicide bomb", "Al Qatif", "2021-03-05")]),
    # a killing and a kidnapping in one raid on a house: violence against civilians is left as told
    ("اقتحم مسلحون منزلاً في قرية الحويجة وقتلوا رجلاً واختطفوا زوجته يوم الأحد.", "Violence against civilians",
     [("Abduction/forced disappearance", "Al Hawijah", "2021-03-07"), ("Attack", "Al Hawijah", "2021-03-07")]),
])
def test_two_events_stay_two(text, event_type, expected):
    assert events(text, event_type) == expected
