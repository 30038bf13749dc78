"""An attack word (دهس، طعن، إطلاق نار) whose only armed side is the owner of something near the attack (مقر تابع
لـ، مركز للشرطة، مواقع تابعة للحوثيين) and whose doer nobody names stays an attack (issue 17,
rasd.assemble._owner_hit_by_no_one_named): nothing says armed men fought, so it is no clash. Soldiers killed, or
armed men who fire at an army checkpoint, still fight a clash. Sentences written for these tests (clitics,
diacritics, tatweel, Eastern Arabic digits)."""
import pytest

from event_reading import sub_event_types as subs

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


@pytest.mark.parametrize("text", [
    "دهس سائقٌ عدداً من المارة قرب مركزٍ تابعٍ للشرطة في لندن أمس.",
    "ودُهس عددٌ من المارّة قرب ثكنة تابعة للجيش في مدينة نيس الأحد.",
    "وقُتل رجلٌ بإطلاق نارٍ قرب حاجزٍ تابعٍ للجيش في مدينة الحلة أمس.",
    "وقُتل ٣ مدنيين بإطلاق نار قرب مقرٍّ تابعٍ للحشد الشعبي في ديالى أمس.",
    "وطُعن رجلان قرب مقرٍ لكتائب حزب الله في بغداد أمس.",
    "تعرض شاب للطعن قرب مواقع تابعة للحوثيين في صنعاء يوم الأحد.",
    "وتعرّضت امرأة للطعـن أمام مكتبٍ تابعٍ لحزب العمال الكردستاني في ديار بكر أمس.",
    "وأصيب طفلٌ بجروح بإطلاق النار قرب موقع تابع لقوات سوريا الديمقراطية في الرقة يوم ٥ آذار.",
])
def test_an_attack_beside_what_an_armed_side_owns_stays_an_attack(text):
    found = subs(text)
    assert "Attack" in found, found
    assert "Armed clash" not in found, found


@pytest.mark.parametrize("text", [
    "قُتل جنديان بإطلاق نار على حاجز تابع للجيش في الأنبار أمس.",  # its men killed: the army was hit
    "وأطلق مسلحون النار على حاجزٍ تابعٍ للجيش في الأنبار أمس.",  # armed men named, firing at the army
    "هاجم مسلحون مجهولون رتلاً تابعاً للجيش في ديالى أمس.",
    "وقتلت الشرطة العراقية ثلاثة مسلحين من داعش في كركوك أمس.",  # a doer named who kills armed men
])
def test_armed_men_hit_still_fight_a_clash(text):
    found = subs(text)
    assert "Armed clash" in found, found
    assert "Attack" not in found, found
