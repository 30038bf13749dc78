"""The event type that the two sides of an incident decide (issue 17, rasd.assemble._adjust_type): a fight
with a crowd for a side is a riot, not a battle (spec section 5); a crowd that attacks people is mob violence;
soldiers or police who kill or fire on armed men fight them (a clash, as every such incident coded in train);
armed men on civilians stay an attack. Sentences written for these tests (clitics, diacritics, tatweel,
Eastern Arabic digits)."""
import pytest

from event_reading import sub_event_types as subs

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


@pytest.mark.parametrize("text", [
    "اندلعت اشتباكات بين المحتجين وقوات الشرطة في البصرة أمس.",
    "وقعت صداماتٌ بين المتظاهرين والشرطة في وسط بغداد يوم الثلاثاء.",
    "اشتبك محتجون غاضبون مع قوات الأمن أمام مبنى محافظة ذي قار أمس.",
    "ودارت مواجهات بين مثيري الشغب والشرطة في مدينة الناصرية ليلة أمس.",
    "واندلعت اشـتباكات بين المتظاهرين وقوات مكافحة الشغب في كربلاء أمس.",
])
def test_a_fight_with_a_crowd_for_a_side_is_a_riot_not_a_battle(text):
    found = subs(text)
    assert "Violent demonstration" in found, found
    assert "Armed clash" not in found, found


@pytest.mark.parametrize("text", [
    "وطعن مثيرو الشغب رجلين في سوق الحلة أمس.",
    "أطلق مثيرو الشغب النار على المارة في البصرة أمس.",
])
def test_rioters_who_attack_people_are_mob_violence(text):
    found = subs(text)
    assert "Mob violence" in found, found
    assert "Attack" not in found, found


@pytest.mark.parametrize("text", [
    "وقتلت الشرطةُ العراقية ثلاثة مسلحين من داعش في كركوك أمس.",
    "وقتلت قواتُ الشرطة ٣ مسلحين من داعش في كركوك أمس.",
    "وأطلق الجنـود النار على مسلحي داعش في الموصل امس وقتلوا ٤ منهم.",
    "وقتلت الشرطة المصرية ٥ إرهابيين في العريش يوم الاثنين.",
    "فتحت الشرطة النار على مسلحي القاعدة في مأرب أمس وقتلت اثنين منهم.",
])
def test_state_forces_who_kill_armed_men_clash_with_them(text):
    found = subs(text)
    assert "Armed clash" in found, found
    assert "Attack" not in found, found


@pytest.mark.parametrize("text, sub", [
    ("قتل مسلحون مجهولون ثلاثة مدنيين في ديالى أمس.", "Attack"),  # armed men on civilians stay an attack
    ("فتحت الشرطة النار على المتظاهرين في البصرة أمس.", "Excessive force against protesters"),
    ("اشتبكت القوات العراقية مع مسلحي داعش في الأنبار أمس.", "Armed clash"),
])
def test_the_other_sides_keep_their_type(text, sub):
    assert subs(text) == [sub]
