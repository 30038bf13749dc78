"""Issue 17, gold events lost in the merge (split24): a missile told in the sentence of an interception folds into
the interception (:func:`rasd.assemble._fold_other_type`) only when the interception stopped the whole salvo. When
the words after it say only part was stopped ("تم اعتراض اثنتين منها"، "اعترضت القبة الحديدية معظمها"), the rest
fell: the coders code the shelling beside the interception. And "التصدي للعدوان"، "تصدت لهجوم" tell forces
confronting an attack, not a missile stopped in the air: the shelling it answers is not folded away. On train, out
of fold, these were cells where gold had a shelling and rasd none. Sentences written here for rasd."""
from __future__ import annotations

import pytest

from conftest import told_and_merged

from rasd import assemble
from rasd.text import normalize

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)

SHELLING = "Shelling/artillery/missile attack"
DISRUPTED = "Disrupted weapons use"


def _after(text: str, word: str) -> str:
    """The normalised text after ``word`` (as :func:`assemble._interception` reads it)."""
    norm = normalize(text).text
    at = norm.index(normalize(word).text) + len(normalize(word).text)
    return norm[at:at + 60]


@pytest.mark.parametrize("text, word, part", [
    # two of three stopped (the dual with its pronoun)
    ("أطلقت ثلاث قذائف على مدينة سديروت وتم اعتراض اثنتين منها", "اعتراض", True),
    # most of them, four words after the verb (tatweel in the system's name)
    ("اعترضت منظومة القبـة الحديدية معظمها", "اعترضت", True),
    # "some of them", with diacritics
    ("أَسقطت الدفاعاتُ الجوية بعضَها", "أسقطت", True),
    # "both of them" (the dual pronoun)
    ("اعترضت الدفاعات الجوية صاروخين وأسقطت الدفاعات منهما واحدا", "وأسقطت", True),
    # the whole missile stopped: no part word after it
    ("اعترضت الدفاعات الجوية السعودية صاروخا باليستيا فوق نجران", "اعترضت", False),
    # "منها" far from the interception word (another clause) is not a part stopped
    ("اعترضت الدفاعات الجوية صاروخا أطلق من صعدة، وانطلقت طائرات كثيرة منها", "اعترضت", False),
])
def test_what_says_part_of_a_salvo_was_stopped(text, word, part):
    assert bool(assemble._PART_STOPPED.match(_after(text, word))) is part


@pytest.mark.parametrize("text, word, confronted", [
    ("تم التعامل مع الموقف بالتصدي للعدوان", "بالتصدي", True),
    ("تصدت القوات لهجوم الميليشيات", "تصدت", False),  # a subject between: the verb alone does not say it
    ("وتصدت لمحاولة تسلل عبر الحدود", "وتصدت", True),
    ("التصدي للاعتداءات المتكررة", "التصدي", True),
    ("تصدت الدفاعات الجوية لصاروخ باليستي", "تصدت", False),
])
def test_what_says_an_attack_was_confronted(text, word, confronted):
    assert bool(assemble._CONFRONTED.match(_after(text, word))) is confronted


@pytest.mark.parametrize("text, place", [
    # three shells fired at Sderot, two intercepted: one fell (the rest is a shelling of its own)
    ("أطلقت الفصائل ثلاث قذائف صاروخية على مدينة سديروت مساء الثلاثاء، وتم اعتراض اثنتين منها", "Sderot"),
    # a salvo of rockets at Ashkelon, most intercepted (Eastern Arabic digits, tatweel)
    ("سقطت ٢٥ قذيفة صاروخية على مدينة عسقلان اليوم، واعترضت القبـة الحديدية معظمها", "Ashkelon"),
])
def test_a_salvo_stopped_in_part_is_a_shelling_beside_the_interception(text, place):
    told, events = told_and_merged(text)
    assert {DISRUPTED, SHELLING} <= told, told
    here = {sub for sub, where, _ in events if where == place}
    assert SHELLING in here, (told, events)


def test_shells_confronted_on_the_ground_stay_a_shelling():
    # a border post shelled from across the border; the forces "confronted the aggression"
    told, events = told_and_merged("تعرض مركز الخوبة الحدودي في منطقة جازان أمس لقذائف كثيفة من داخل الأراضي "
                                   "اليمنية، وتم التعامل مع الموقف بالتصدي للعدوان")
    assert SHELLING in told, told
    assert SHELLING in {sub for sub, _, _ in events}, (told, events)


@pytest.mark.parametrize("text, place", [
    # the whole missile intercepted: still the interception alone (the fold as before)
    ("أطلق الحوثيون صاروخاً باليستياً على مدينة نجران اعترضته الدفاعات الجوية مساء الأحد", "Najran"),
    # the air defences confronted the missile (the definite, a clitic و): an interception
    ("أطلقت الميليشيات صاروخا على مدينة جازان أمس وتصدت الدفاعات الجوية للصاروخ", "Jizan"),
])
def test_a_missile_stopped_whole_is_still_the_interception_alone(text, place):
    told, events = told_and_merged(text)
    assert {DISRUPTED, SHELLING} <= told, told
    assert [e for e in events if e[1] == place] == [(DISRUPTED, place, 0)], (told, events)
