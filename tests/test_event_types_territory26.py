"""Who took a place and whether the text says it was taken (issue 17, event types; spec section 5).

* A generic territory noun (تحرير، استعادة، تطهير) after a verb of managing (تمكن، نجح) tells a taking done, as the
  verb would: it stands as a taking of its own (``rasd.triggers`` MANAGED_REACH), not taken in by a battle word
  beside it ("... وتدور معارك نحو قرية أخرى"); the merge codes the clash at the same place and day as the taking.
  The noun without such a verb (معركة تحرير المدينة، لاستعادة البلدة) stays what it was: a campaign's aim.
* A foreign state's forces that take a place overtake it, as a rebel group would (``assemble._foreign_state``),
  unless they fight on the side of the government of the country (actors.yaml allies: Russia or Iran in Syria,
  the UAE or Saudi Arabia in Yemen): Turkey's army taking a Syrian town is not the government regaining it.

Sentences written for these tests (clitics, diacritics, tatweel, Eastern Arabic digits)."""
import pytest

from event_reading import sub_event_types as subs
from rasd import pipeline
from rasd.assemble import _foreign_state

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)

TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


def _territory_triggers(text: str, published: str = "2018-06-10"):
    doc = pipeline.make_document({"text": text, "published": published})
    pipeline.run_stages(doc)
    return [t for t in doc.triggers if t.sub_event_type in TERRITORY]


@pytest.mark.parametrize("text", [
    "تمكنت القوات الحكومية من استعادة بلدة حيس وتدور معارك عنيفة نحو قرية أخرى.",
    "ونجح الجيشُ اليمني في تحرير منطقة الكتف بعد معارك ضارية مع الحوثيين.",
    "تمكنت قوات المقاومة اليوم من استعادة قرية المنصورية، فيما تتواصل الاشتباكات شرقها.",
    "وتمكـنت القوات العراقية من تحرير حي الزهور بعد اشتباكات مع مسلحي داعش.",
    "نَجَحَتْ القواتُ في استعادةِ جبل الشيخ بعد قتال عنيف مع المسلحين.",
    "فتمكن الجيش من تطهير الحي من المسلحين بعد اشتباكات استمرت ساعات.",
    "وتمكنت القوات من استعادة التلة ٣٥٠ بعد معارك استمرت ٤ أيام.",
    "وكانت المقاومة والجيش قد تمكنا من تحرير القاعدة الجوية بعد هجوم كبير.",
    "ونجحوا في تحرير المعسكر بعد مواجهات عنيفة مع الميليشيات.",
])
def test_a_territory_noun_after_a_verb_of_managing_stands(text):
    triggers = _territory_triggers(text)
    assert any(t.managed and not t.absorbed for t in triggers), [(t.cue, t.absorbed, t.managed) for t in triggers]


@pytest.mark.parametrize("text", [
    "وتدور معارك عنيفة ضمن معركة تحرير المدينة من المسلحين.",
    "أطلق الجيش عملية عسكرية لاستعادة البلدة من الحوثيين.",
    "تحاول القوات استعادة المواقع بعد معارك عنيفة.",
    "تمكن الصحفيون من الوصول إلى الجبهة. وتتواصل المعارك ضمن عملية تحرير المدينة.",
])
def test_a_territory_noun_without_a_verb_of_managing_is_not_a_taking_told(text):
    assert not any(t.managed for t in _territory_triggers(text))


@pytest.mark.parametrize("text", [
    "تمكنت القوات الحكومية أمس من استعادة مدينة حيس بعد معارك عنيفة مع الحوثيين.",
    "ونجح الجيش العراقي أمس في تحرير بلدة الشرقاط بعد اشتباكات مع مسلحي داعش.",
])
def test_the_clash_that_ends_in_a_managed_taking_is_the_taking(text):
    found = subs(text, "2018-06-10")
    assert "Government regains territory" in found, found
    assert "Armed clash" not in found, found


@pytest.mark.parametrize("actor, country", [
    ("Military Forces of Turkey", "Syria"),
    ("Police Forces of Turkey", "Syria"),
    ("Military Forces of Turkey", "Iraq"),
    ("Military Forces of Israel", "Syria"),
    ("Military Forces of the United States", "Syria"),
])
def test_foreign_state_forces(actor, country):
    assert _foreign_state(actor, country)


@pytest.mark.parametrize("actor, country", [
    ("Military Forces of Syria", "Syria"),  # the country's own
    ("Police Forces of Iraq", "Iraq"),
    ("Military Forces of Russia", "Syria"),  # allies of the government
    ("Military Forces of Iran", "Syria"),
    ("Military Forces of the United Arab Emirates", "Yemen"),
    ("Military Forces of Saudi Arabia", "Yemen"),
    ("Military Forces of the United States", "Iraq"),
    ("Houthis", "Yemen"),  # not a state's forces
    ("Military Forces of Turkey", None),  # no country to compare
])
def test_not_foreign_state_forces(actor, country):
    assert not _foreign_state(actor, country)


@pytest.mark.parametrize("text", [
    "سيطرت القوات التركية على بلدة جنديرس في ريف حلب أمس.",
    "وسيطـر الجيش التركي على قرية راجو شمال غربي سوريا يوم الأحد.",
    "سَيْطَرَت القوّات التركيّة يوم ١٨ مارس على مدينة عفرين السورية.",
    "استولى الجيش التركي على تلة استراتيجية قرب مدينة منبج السورية أمس.",
    "وسيطرت القواتُ التركية على قرية بلبل في ريف حلب الشمالي يوم ١٧ مارس.",
    "سيطرت القوات الإسرائيلية على تلة قرب بلدة القنيطرة السورية أمس.",
    "وسيطـر الجيش الأمريكي على مطار الطبقة في سوريا يوم ١٦ مارس.",
])
def test_foreign_forces_taking_a_syrian_town_overtake_it(text):
    found = subs(text, "2018-03-18")
    assert "Non-state actor overtakes territory" in found, found
    assert "Government regains territory" not in found, found


@pytest.mark.parametrize("text", [
    "سيطرت القوات السورية على بلدة حرستا في الغوطة الشرقية أمس.",
    "واستعاد الجيش العراقي السيطرة على قضاء تلعفر يوم ٣١ آب.",
    "سيطر الجيش اليمني على مديرية حيس في محافظة الحديدة أمس.",
    # forces of another state that fight on the government's side regain for it
    "سيطرت القوات الروسية على بلدة اللطامنة في ريف حماة أمس.",
    "وسيطرت قواتٌ إيرانية على بلدة البوكمال السورية يوم ١٥ مارس.",
    "سيطرت القوات الإماراتية على مدينة المكلا اليمنية أمس.",
    "واستعادت القوات السعودية السيطرة على جبل الدود في محافظة صعدة اليمنية أمس.",
])
def test_the_countrys_own_forces_and_its_allies_still_regain(text):
    found = subs(text, "2018-03-18")
    assert "Government regains territory" in found, found
    assert "Non-state actor overtakes territory" not in found, found
