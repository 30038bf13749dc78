"""A word of what violence left (قتلوا، جثث) tells no weapon (issue 17, trigger of other type): beside it in its
clause, the explosion that killed stands and gives the type, and the word is its toll. Before,
the killing word, read as a specific trigger, took in the generic explosion word of its clause and the
incident was coded as an attack on civilians instead of the bombing it was."""
import pytest

from trigger_reading import standing, types


@pytest.mark.parametrize("text", [
    # witnesses: more than 27 killed in a blast (Eastern Arabic digits)
    "قال شهود إن أكثر من ٢٧ شخصا قتلوا كما أصيب العشرات في انفجار هز البلدة اليوم",
    # a car bomb went off in a market (the verb of the blast, not its noun)
    "وقالت مصادر إن ٤٠ شخصا على الأقل قتلوا وأصيب ٧٢ حينما انفجرت سيارة ملغومة في سوق المدينة",
    # bodies pulled from the rubble of an explosion (a clitic on the noun: بالانفجار)
    "وانتشلت فرق الإنقاذ جثث الضحايا الذين قُتلوا بالانفجار في المصنع",
    # tatweel in the verb of killing
    "وقتـلـوا جميعا في انفجار وقع قرب الحاجز مساء أمس",
])
def test_a_killing_word_yields_to_the_explosion_of_its_clause(text):
    found = types(text)
    assert any(sub in ("Remote explosive/landmine/IED", "Suicide bomb") for sub in found), standing(text)
    assert "Attack" not in found, standing(text)


def test_a_killing_word_still_takes_in_the_attack_word_that_tells_its_victims():
    # Boko Haram attacked a village and killed villagers: an attack on civilians, read from who was killed
    text = "هاجم مسلحون قرية قرب المدينة وقتلوا ١٥ قروياً"
    found = types(text)
    assert found == ["Attack"], standing(text)


@pytest.mark.parametrize("text", [
    # a killing with no weapon told beside it stands as the attack it is
    "قتلوا بدم بارد في بلدة الحويجة أمس",
    # a specific bomb absorbs the generic blast as before (the killing word is the bomb's toll)
    "قُتل خمسة مدنيين في انفجار سيارة مفخخة بمدينة الرمادي يوم الاثنين",
])
def test_what_the_change_leaves_alone(text):
    found = types(text)
    assert len(found) == 1, standing(text)
    assert found[0] in ("Attack", "Remote explosive/landmine/IED"), standing(text)
