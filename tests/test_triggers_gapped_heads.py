"""Gapped lexicon rows whose first word is a trigger of its own, and gapped blocks (issue 17): a count or the
state standing between the verb and its object no longer hides what the object says. Mines pulled out are
no place wrested, diplomats expelled are no place retaken; the verbs alone still report territory."""
import pytest

from rasd.triggers import gapped_heads
from trigger_reading import standing, types

TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


@pytest.mark.parametrize("text", [
    "وطرد الاتحادُ الأوروبي ٢٣ دبلوماسياً روسياً",
    "طردت موسكو 23 دبلوماسيا بريطانيا ردا على ذلك",
    "وطردت الحكومةُ الدبلوماسيين الأمريكيين الخمسة",
    "طردت البحرين السفيرَ الإيراني وأغلقت السفارة",
    "وطردوا ثلاثة دبلوماسيين من البلاد",
    "وطردت ١٢ دولة ٦٠ دبلوماسيا في يوم واحد",  # the count, the states and the count again
    "وطردت الخارجية سفيـــرها لدى طهران",  # tatweel
])
def test_diplomats_expelled_with_a_number_between_are_no_territory(text):
    found = types(text)
    assert not TERRITORY & set(found), standing(text)


@pytest.mark.parametrize("text", [
    "انتزعت الفرقُ الهندسية عشراتِ الألغام من الحقول الزراعية",
    "وانتزعت فرق الهندسة ٣٠٠ لغم أرضي من محيط البلدة",
    "وانتزع عناصر الهندسة آلاف الألغام التي زرعها التنظيم",
    "وأعلنت القوات انتزاع أكثر من ألف لغم من الطرق",
    "فككت الفرق ١٢ لغماً قرب المدرسة",
    "وانتزعت الفرق مئات #الألغام من الحقول",  # a hashtag on the object
    "وتمكنت فرق الجيش من تفكيك مئاتِ الألغام في المنطقة",
])
def test_mines_pulled_out_with_a_count_between_are_weapons_made_harmless(text):
    found = types(text)
    assert "Disrupted weapons use" in found, standing(text)
    assert not TERRITORY & set(found), standing(text)
    assert "Remote explosive/landmine/IED" not in found, standing(text)  # no blast either


@pytest.mark.parametrize("text, sub", [
    # the verbs alone still report a place taken or retaken (who took it sets the type later)
    ("وانتزعت قواتُ الجيش السيطرةَ على البلدة بعد معارك", "Government regains territory"),
    ("وانتزع المقاتلون بلدةً استراتيجية من يد الجيش", "Non-state actor overtakes territory"),
    ("وطرد الجيشُ المسلحين من الحي الشرقي", "Government regains territory"),
    ("طردت القوات عناصرَ التنظيم من ٣ قرى", "Government regains territory"),
    ("وطردوا المتمردين من المدينة بعد يومين من القتال", "Government regains territory"),
])
def test_the_verbs_alone_still_read_as_territory(text, sub):
    assert sub in types(text), standing(text)


def test_an_object_too_far_from_the_verb_does_not_change_it():
    # more than three words between: the diplomats are another clause's, the town was retaken
    found = types("وطردت القوات المسلحين من البلدة ثم استقبلت دبلوماسيين")
    assert "Government regains territory" in found


def test_a_phrase_after_the_last_part_does_not_undo_the_gapped_phrase():
    # the bombs after the mines are their own row's; the mines are still pulled out, no place wrested
    told = standing("وانتزعت الفرق عشرات الألغام والعبواتِ الناسفة في المديرية")
    assert ("Disrupted weapons use", "انتزعت الفرق عشرات الالغام") in told
    assert not TERRITORY & {sub for sub, _ in told}


def test_a_mine_that_stands_on_the_last_part_is_told_once():
    told = standing("انتزعت الفرق عشرات الألغام")
    assert [sub for sub, _ in told] == ["Disrupted weapons use"]
    assert told[0][1].startswith("انتزعت") and told[0][1].endswith("الالغام")


def test_the_verbs_that_start_gapped_rows_are_named():
    heads = gapped_heads()
    assert {"طرد", "طردت", "انتزعت"} <= heads
    assert "أطلق*" not in heads  # a first part that is no trigger of its own stays a gap-only entry
