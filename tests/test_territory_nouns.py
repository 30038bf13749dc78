"""A battle for a town is a clash until the town is taken (issue 17, spec section 5): a territory word in the
verbal-noun form (معركة تحرير المدينة، فرض سيطرتها، لاستعادة السيطرة) names a campaign's aim or who holds a place,
so a clash told beside it stays a clash; the verb (سيطرت، استعادت، حرّروا) tells the taking, and the clash that
ended in it is the territorial change alone. Sentences and words written for these tests (clitics, diacritics,
tatweel, Eastern Arabic digits)."""
import pytest

from rasd.assemble import nominal_taking
from event_reading import sub_event_types as subs

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


@pytest.mark.parametrize("word", [
    "تحرير", "وتحرير المدينة", "التَّحْرِير", "السيطرة", "سيطرتها", "بسيطرته", "واستعادة", "لاستعادة",
    "اقتحامها", "الاستيلاء", "سيطـرة",
])
def test_verbal_nouns_of_taking(word):
    assert nominal_taking(word)


@pytest.mark.parametrize("word", [
    "سيطرت", "وسيطرت", "سَيْطَرَتْ", "استعادت", "واستعاد", "حرروا", "اقتحموا", "استولت", "سيطـرت",
])
def test_verbs_of_taking(word):
    assert not nominal_taking(word)


@pytest.mark.parametrize("text", [
    "اندلعت اشتباكات عنيفة بين الجيش ومسلحي داعش في بلدة الشرقاط أمس ضمن معركة تحرير المدينة.",
    "ودارت معارك ضارية بين القوات الحكومية والحوثيين في مدينة حيس يوم الثلاثاء في محاولة لاستعادة السيطرة عليها.",
    "وقعت اشتباكاتٌ بين الجيش السوري وفصائل المعارضة في بلدة اللطامنة يوم ٩ مارس ضمن عملية لتحرير ريف حماة.",
])
def test_a_battle_for_a_town_not_yet_taken_stays_a_clash(text):
    found = subs(text)
    assert "Armed clash" in found, found
    assert not {"Government regains territory", "Non-state actor overtakes territory"} & set(found), found


@pytest.mark.parametrize("text", [
    "اندلعت اشتباكات عنيفة بين الجيش ومسلحي داعش في بلدة الشرقاط أمس، وسيطر الجيش على البلدة بالكامل.",
    "ودارت معارك ضارية بين القوات الحكومية والحوثيين في مدينة حيس يوم الثلاثاء، واستعادت القوات الحكومية المدينة.",
    # the noun after a verb of managing tells the taking done
    "اندلعت اشتباكات عنيفة بين الجيش ومسلحي داعش في بلدة الشرقاط أمس، ونجح الجيش في تحرير البلدة.",
])
def test_a_battle_that_ends_with_the_town_taken_is_the_taking(text):
    found = subs(text)
    assert "Government regains territory" in found, found
    assert "Armed clash" not in found, found
