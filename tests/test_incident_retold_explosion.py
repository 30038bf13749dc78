"""An explosion retold in a later sentence with a definite noun of another sub-event type (issue 17, incident13): a
suicide bombing told first, then "the explosion" or "the blast" (read as a bomb) at the same place and day, is one
incident, coded once with the type the first telling gives it (assemble._fold_retold_explosion). Two events stay
two: when the later sentence tells it with a verb or an indefinite noun, says it happened again (مجدداً), names
another place or another day. Sentences written for these tests (clitics, diacritics, tatweel, Eastern Arabic
digits)."""
import pytest

from rasd.pipeline import extract

PUBLISHED = "2021-03-10"  # a Wednesday

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)

EXPLOSIONS = "Explosions/Remote violence"


def events(text):
    return sorted((e.sub_event_type, e.location) for e in extract({"text": text, "published": PUBLISHED}).events
                  if e.event_type == EXPLOSIONS)


FILLER = " وقال مسؤول محلي إن السوق كان مكتظاً بالمتسوقين. وأضاف أن قوات الأمن طوقت المكان. "
BAQUBAH = "فجّر انتحاري حزامه الناسف في سوق مدينة بعقوبة يوم الثلاثاء." + FILLER


@pytest.mark.parametrize("text, expected", [
    # a suicide bomber in a market, then, three sentences on, "the explosion" and its toll (a shadda)
    (BAQUBAH + "وأسفر الانفجار في بعقوبة عن مقتل خمسة أشخاص.", [("Suicide bomb", "Baqubah")]),
    # the suicide attack on a mosque, then "the blast" (tatweel, Eastern Arabic digits)
    ("نفّذ انتحاري هجوماً بحزام ناسف على مسجد في مدينة أبها صباح الثلاثاء. وقال المتحدث الأمني إن المصلين كانوا "
     "داخل المسجد. وأشار إلى أن الدفاع المدني وصل سريعاً. وأودى التفجيـر في أبها بحياة ١٥ شخصاً.",
     [("Suicide bomb", "Abha")]),
    # poison gas dropped on a town, then "the bombardment" read as shelling
    ("قصفت الطائرات بالغازات السامة بلدة اللطامنة في ريف حماة يوم الثلاثاء. وقال الدفاع المدني إن العشرات أصيبوا. "
     "وأضاف أن فرقه نقلت المصابين. وأسفر القصف على اللطامنة عن مقتل ٣ أطفال.",
     [("Chemical weapon", "Al-Lataminah")]),
])
def test_an_explosion_retold_with_a_definite_noun_is_one_event(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a second bomb told with a verb and "again": two incidents
    (BAQUBAH + "وانفجرت عبوة ناسفة مجدداً في بعقوبة.",
     [("Remote explosive/landmine/IED", "Baqubah"), ("Suicide bomb", "Baqubah")]),
    # the blast in another city (a clitic ب on the first city)
    (BAQUBAH + "وأسفر الانفجار في مدينة كركوك عن مقتل خمسة أشخاص.",
     [("Remote explosive/landmine/IED", "Kirkuk"), ("Suicide bomb", "Baqubah")]),
])
def test_another_explosion_stays_apart(text, expected):
    assert events(text) == expected
