"""The event type of an incident (issue 17): the words that tell which ACLED sub-event type an incident is,
where a generic word would give another (a chemical attack is no clash, violent protests are a riot, a
knife or a ramming is an attack, a parcel that went off is a bomb and no place taken)."""
import pytest

from trigger_reading import standing, types


@pytest.mark.parametrize("text", [
    # the weapon is the type: "attack" (هجوم) alone would be a clash
    "قُتل العشراتُ في هجومٍ كيماوي على مدينة دوما",
    "اتهمت واشنطن النظامَ بشنّ الهجوم الكيميائي على البلدة السبت",
    "وأكدت المنظمة أن الهجوم الكيمياوي وقع في ٧ نيسان",
    "وشنت القوات هجماتٍ كيماوية على قرى المنطقة",
    "واستخدم الجيشُ الأسلحةَ الكيميائية في الغوطة",
    "وبالهجوم الكيماوي الأخير قُتل ٤٠ مدنيا",
])
def test_a_chemical_attack_is_a_chemical_weapon_not_a_clash(text):
    found = types(text)
    assert "Chemical weapon" in found, standing(text)
    assert "Armed clash" not in found, standing(text)


@pytest.mark.parametrize("text", [
    # protests told as violent are a riot (spec section 5), not a peaceful protest
    "شهدت البصرةُ احتجاجاتٍ عنيفةً أمس أمام مبنى المحافظة",
    "ثم تحولت إلى تظاهراتٍ عنيفة في وسط المدينة",
    "اندلعت مظاهرةٌ عنيفة في الحي الشرقي",
    "وخرجت احتجاجات عنيفه في ثلاث مدن",
])
def test_violent_protests_are_a_riot(text):
    found = types(text)
    assert "Violent demonstration" in found, standing(text)
    assert "Peaceful protest" not in found, standing(text)


@pytest.mark.parametrize("text", [
    "سارت تظاهرةٌ سلمية في وسط العاصمة",  # a protest told without violence stays peaceful
    "نظّم المحتجون احتجاجاتٍ أمام البرلمان",
])
def test_a_protest_without_violence_stays_peaceful(text):
    assert "Peaceful protest" in types(text), standing(text)
    assert "Violent demonstration" not in types(text), standing(text)


@pytest.mark.parametrize("text", [
    # one assailant with a knife, a car or a truck: an attack, not a battle between two sides
    "قُتلت امرأةٌ في هجومٍ بسكين وسط باريس مساء السبت",
    "وأصيب ثلاثة في عملية طعنٍ قرب محطة القطار",
    "وقع هجومُ دهسٍ أمام البرلمان صباح الثلاثاء",
    "ونفذ رجل الهجوم بالشاحنة على الحشد في ١٤ تموز",
    "وأدى الاعتداء بالسكين إلى مقتل شخص",
])
def test_a_knife_or_a_ramming_is_an_attack(text):
    found = types(text)
    assert "Attack" in found, standing(text)
    assert "Armed clash" not in found, standing(text)


@pytest.mark.parametrize("text", [
    # طرد: a parcel that went off is a bomb, not a place retaken
    "وانفجر طردٌ في مركز توزيع قرب المدينة الثلاثاء",
    "وأدى انفجار طرودٍ إلى مقتل شخصين",
    "وعثرت الشرطة على طردٍ متفجّر ثانٍ لم ينفجر",
])
def test_a_parcel_bomb_is_not_territory(text):
    found = types(text)
    assert not any(sub in ("Government regains territory", "Non-state actor overtakes territory") for sub in found), \
        standing(text)
    assert found, standing(text)


@pytest.mark.parametrize("text", [
    "ونددت المنظمة بعمليات الطرد الجماعي للمهاجرين",
    "ويواجه السكان خطر الطرد القسري من منازلهم",
    "وتسلم السفير طرداً بريدياً",
])
def test_expulsions_and_parcels_are_no_place_retaken(text):
    assert not any("territory" in sub for sub in types(text)), standing(text)


def test_driving_out_a_group_is_still_territory():
    # the verb of driving out keeps its meaning: who did it sets regains or overtakes
    assert "Government regains territory" in types("طردَ الجيشُ مسلحي التنظيم من البلدة")


# -- the model's re-typing (rasd.learn.events.model_type) ------------------------------------------------
from rasd.learn.events import NONE, model_type  # noqa: E402


@pytest.mark.parametrize("own, crowd", [
    ("Attack", "Excessive force against protesters"),  # soldiers fire on the marchers at the border fence
    ("Armed clash", "Violent demonstration"),  # youths and soldiers clash: a riot
    ("Armed clash", "Excessive force against protesters"),
    ("Remote explosive/landmine/IED", "Protest with intervention"),  # a tear-gas grenade at a sit-in
])
def test_a_shooting_the_model_reads_as_told_of_a_crowd_takes_the_crowds_type(own, crowd):
    # the model is surer of the crowd's type, though by less than the margin
    dist = {own: 0.30, crowd: 0.38, NONE: 0.32}
    assert model_type(own, dist, 0.3) == crowd
    # the rules' type stays where the model is no surer of the crowd
    assert model_type(own, {own: 0.40, crowd: 0.35, NONE: 0.25}, 0.3) == own


def test_between_violent_types_the_margin_still_holds():
    dist = {"Armed clash": 0.30, "Attack": 0.40, NONE: 0.30}
    assert model_type("Armed clash", dist, 0.3) == "Armed clash"
    assert model_type("Armed clash", {"Armed clash": 0.1, "Attack": 0.6, NONE: 0.3}, 0.3) == "Attack"
    # never one battle for another, whatever the model says
    assert model_type("Armed clash", {"Armed clash": 0.0, "Government regains territory": 0.9, NONE: 0.1}, 0.3) \
        == "Armed clash"


def test_a_riot_is_never_read_back_as_a_peaceful_protest():
    dist = {"Violent demonstration": 0.1, "Peaceful protest": 0.8, NONE: 0.1}
    assert model_type("Violent demonstration", dist, 0.3) == "Violent demonstration"
    # nor is a protest read as a shooting without the margin
    assert model_type("Peaceful protest", {"Peaceful protest": 0.3, "Attack": 0.4, NONE: 0.3}, 0.3) \
        == "Peaceful protest"


@pytest.mark.parametrize("text", [
    # mines and bombs pulled out or dismantled are weapons stopped, not a place taken nor a blast
    "وتمكنت الفرق الهندسية من انتزاع الألغام والعبوات الناسفة في مديرية حيس",
    "نجحت فرقُ الهندسة في تفكيكِ عبوةٍ ناسفة قرب الجسر صباح اليوم",
    "وأعلن الجيش تفكيك شبكة ألغام زرعها المسلحون جنوب المدينة",
    "فكّكت الشرطةُ عبوةً ناسفة في ٣ آذار",
])
def test_bombs_pulled_out_or_dismantled_are_disrupted_weapons_use(text):
    found = types(text)
    assert "Disrupted weapons use" in found, standing(text)
    assert not any(sub in ("Remote explosive/landmine/IED", "Government regains territory") for sub in found), \
        standing(text)


def test_a_bomb_that_went_off_is_still_an_explosion():
    assert "Remote explosive/landmine/IED" in types("انفجرت عبوةٌ ناسفة بدورية للشرطة في ٣ آذار")
