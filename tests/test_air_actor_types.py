"""A generic word of attack (استهداف، هجوم، قصف) whose actor1 is a force that fights from the air (the Saudi-led
Coalition in Yemen, the Global Coalition in Iraq and Syria: rasd/data/air_actors.tsv) tells an air strike
(issue 17, sub-event types: train gold codes 127 of the two coalitions' 142 events as air strikes). A specific word
of another weapon (قصف مدفعي) or of a ground fight (اشتباك، سيطرة) keeps its type, and other actors keep theirs.
Sentences written for these tests (clitics, diacritics, tatweel, Eastern Arabic digits)."""
import pytest

from event_reading import sub_event_types as subs
from rasd.assemble import air_actors

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


@pytest.mark.parametrize("text", [
    "واستهدفت مقاتلات التحالف العربي تجمعاً للحوثيين في مديرية حرض امس.",
    "قصف التحالف الدولي مواقع تنظيم داعش في دير الزور يوم الأحد.",
    "وقصـف التحالف الدولي مقراً لداعش في الموصل يوم ٥ مارس.",
    "وأسفر استهداف التحالف لمعسكر الحوثيين في ذمار امس عن مقتل ١٢ مسلحاً.",
    "وقتل ٣ مسلحين من داعش في هجوم للتحالف الدولي على هجين أمس.",
    "استهدفت قوات التحالف الدولي سيارة لقيادي في داعش قرب البوكمال أمس.",
    "واستهـدف التحالف الدولي مواقع لتنظيم داعش في الرقة امس.",
    "هاجم التحالف الدولي معاقل داعش قرب الموصل يوم ٣ مارس.",
    "وقتل ٥ حوثيين في استهدافٍ للتحالف العربي على تعز امس.",
])
def test_a_coalition_that_attacks_strikes_from_the_air(text):
    found = subs(text)
    assert found == ["Air/drone strike"], found


@pytest.mark.parametrize("text, sub", [
    ("وقصف مدفعي للتحالف استهدف مواقع الحوثيين في الحديدة أمس.", "Shelling/artillery/missile attack"),
    ("وقصفت المدفعية التركية قرى في عفرين يوم الاثنين.", "Shelling/artillery/missile attack"),
    ("قصفت القوات الحكومية مواقع المعارضة في ريف حلب أمس.", "Shelling/artillery/missile attack"),
    ("هاجم الحوثيون مواقع التحالف في مأرب أمس.", "Armed clash"),
    ("واشتبكت قوات التحالف العربي مع الحوثيين في الحديدة امس.", "Armed clash"),
    ("وسيطرت قوات التحالف العربي على مطار الحديدة امس.", "Government regains territory"),
])
def test_other_weapons_and_other_actors_keep_their_type(text, sub):
    assert subs(text) == [sub]


def test_the_air_actors_are_a_data_file_of_known_actor_names():
    from rasd import actors
    names = air_actors()
    assert names == {"Saudi-led Coalition", "Global Coalition Against Daesh"}
    for name in names:  # spelled as the actor list names them (a misspelt row would never match)
        assert actors.actor_category(name) == "External/Other forces", name
