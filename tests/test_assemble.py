"""Assembly: how triggers, places and dates become events — one event per incident, however many times
and in however many words an article tells it. Sentences written for these tests."""
import pytest

from rasd.pipeline import extract

PUBLISHED = "2021-03-10"  # a Wednesday


pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


def events(text, published=PUBLISHED):
    return extract({"text": text, "published": published}).events


def kinds(text, published=PUBLISHED):
    return sorted((e.sub_event_type, e.location) for e in events(text, published))


# -- a battle is one event; the territory it changed names it ---------------------------------------------

@pytest.mark.parametrize("text, sub", [
    ("حررت القوات العراقية ناحية العلم في صلاح الدين بعد معارك عنيفة مع تنظيم داعش أمس.",
     "Government regains territory"),
    ("سيطر مسلحو داعش على قرية البوعيثة في الأنبار إثر اشتباكات مع الجيش العراقي أمس.",
     "Non-state actor overtakes territory"),
    ("وخاضت القوات العراقية اشتباكات مع داعش في ناحية العلم أمس، واستعادت السيطرة على الناحية بالكامل.",
     "Government regains territory"),
])
def test_clashes_that_change_who_holds_a_place_are_one_territorial_event(text, sub):
    battles = [e for e in events(text) if e.event_type == "Battles"]
    assert [e.sub_event_type for e in battles] == [sub]


def test_two_battles_in_two_places_stay_two():
    got = events("اندلعت اشتباكات عنيفة بين الجيش العراقي وداعش في قضاء بيجي، فيما حررت قوات الحشد الشعبي "
                 "ناحية العلم أمس.")
    assert sorted((e.sub_event_type, e.location) for e in got if e.event_type == "Battles") == [
        ("Armed clash", "Bayji"), ("Government regains territory", "Al-'Alam")]


# -- purpose is not achievement ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "تقدمت القوات العراقية نحو الفلوجة لتحرير المدينة من داعش.",
    "حشد الحوثيون مقاتليهم للسيطرة على قاعدة العند في لحج.",
    "تستعد القوات لاستعادة مدينة الرمادي في الأنبار.",
    "أرسلت الحكومة تعزيزات من أجل استعادة السيطرة على بلدة هيت.",
])
def test_a_force_setting_out_to_take_a_place_has_not_taken_it(text):
    assert not [e for e in events(text) if e.sub_event_type in ("Government regains territory",
                                                                  "Non-state actor overtakes territory")]


def test_the_achieved_recapture_still_counts():
    assert kinds("حررت القوات العراقية مدينة الفلوجة في الأنبار اليوم.") == [
        ("Government regains territory", "Al Fallujah")]


# -- bombs found are bombs disrupted -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "عثرت قوات الأمن على عبوة ناسفة في الموصل وفككتها.",
    "فجّرت قوات الأمن سبع عبوات ناسفة عثرت عليها جنوب الموصل.",
    "تمّ العثور على عبوتين ناسفتين على طريق في كركوك.",
])
def test_bombs_found_are_disrupted_weapons_use(text):
    assert [e.sub_event_type for e in events(text)] == ["Disrupted weapons use"]


def test_a_bomb_that_went_off_near_a_body_found_is_still_an_explosion():
    got = events("انفجرت عبوة ناسفة في الموصل وعُثر على جثة قرب المكان.")
    assert [e.sub_event_type for e in got] == ["Remote explosive/landmine/IED"]


# -- bodies are the toll of the violence that left them -----------------------------------------------------

def test_bodies_received_after_a_shelling_are_that_shelling():
    got = events("استقبل مستشفى الفلوجة تسع جثث لمواطنين سقطوا إثر تعرّض منازلهم لقصف بقذائف الهاون أمس.")
    assert [(e.sub_event_type, e.fatalities) for e in got] == [("Shelling/artillery/missile attack", 9)]


def test_bodies_found_alone_are_an_attack():
    got = events("عُثر على ثلاث جثث مجهولة الهوية مقيدة الأيدي في بغداد الجديدة اليوم.")
    assert [e.sub_event_type for e in got] == ["Attack"]


# -- the same incident told twice, once without its day ------------------------------------------------------

def test_a_sit_in_told_in_the_lead_and_again_with_its_day_is_one_event():
    text = ("نظم أهالي اللاذقية اعتصاما في دوار الزراعة احتجاجا على مقتل ضابط.\n"
            "وكان مئات من أهالي اللاذقية قد اعتصموا مساء السبت في دوار الزراعة للمطالبة بمحاسبة القاتل.")
    protests = [e for e in events(text, "2015-08-10") if e.event_type == "Protests"]
    assert len(protests) == 1


def test_an_earlier_attack_told_as_earlier_stays_its_own_event():
    text = ("قُتل ١٨ من البيشمركة بقصف صاروخي لداعش على قضاء مخمور.\n"
            "وكان عناصر داعش قد أطلقوا مساء الأربعاء ثمانية صواريخ على قضاء مخمور.")
    shelling = [e for e in events(text, "2015-08-07") if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert sorted(e.event_date for e in shelling) == ["2015-08-05", "2015-08-07"]


# -- places of one event's list --------------------------------------------------------------------------------

def test_a_list_of_places_runs_on_past_a_country_and_a_relation():
    text = ("وأفاد البيان أن الغارات استهدفت مواقع داعش في الحسكة والرقة في سوريا، "
            "وقرب الحديثة وكركوك وسنجار وتل عفر في العراق.")
    got = events("شنت طائرات التحالف الدولي غارات جوية على داعش.\n" + text, "2015-07-31")
    places = {e.admin1 for e in got if e.sub_event_type == "Air/drone strike"}
    assert places >= {"Al-Hasakah", "Ar-Raqqah", "Al Anbar", "Kirkuk", "Nineveh"}


def test_a_tribe_is_not_a_place():
    got = events("اعتقلت القوات الأمنية شيخ عشيرة الملاحمة أثناء محاولته الهروب من الرمادي أمس.")
    assert [e.location for e in got] == ["Ramadi"]


# -- a reference point is not the event's place ------------------------------------------------------------------

@pytest.mark.parametrize("text, location", [
    ("وفي الزبداني شمال غرب دمشق قرب الحدود مع لبنان، استمرت الاشتباكات بين قوات النظام والمعارضة.", "Az Zabadani"),
    ("وفي مدينة الفلوجة، ٥٠ كلم شرق الرمادي، قُتل سبعة من قادة داعش بقصف مدفعي.", "Al Fallujah"),
    ("وفي ناحية البغدادي، 90 كلم غرب الرمادي، اندلعت اشتباكات عنيفة.", "Al Baghdadi"),
])
def test_the_place_a_compass_phrase_refers_to_is_not_the_event_place(text, location):
    assert [e.location for e in events(text)] == [location]


def test_areas_under_someones_control_are_not_a_takeover():
    got = events("يحاول التنظيم قطع طرق الإمداد بين القرى الواقعة تحت سيطرة الفصائل في ريف حلب والمناطق التي "
                 "يسيطر عليها الجيش.")
    assert not [e for e in got if e.event_type == "Battles"]


def test_a_generic_word_takes_a_type_from_elsewhere_only_for_the_same_place():
    text = ("وأفاد مصدر أمني بانفجار عبوة ناسفة قرب سوق شعبي في بغداد الجديدة أدى إلى مقتل شخص.\n"
            "وأفاد مصدر آخر بمقتل شخص في هجوم شنه عليه مسلحون مجهولون مستخدمين أسلحة رشاشة جنوبي مدينة كركوك.")
    got = {(e.admin1, e.sub_event_type) for e in events(text)}
    assert ("Kirkuk", "Remote explosive/landmine/IED") not in got
    assert ("Baghdad", "Remote explosive/landmine/IED") in got


def test_a_place_between_two_towns_is_one_event_near_the_first():
    got = events("وعثرت الشرطة على جثتي رجلين قُتلا رمياً بالرصاص قرب الطريق الرابط بين كركوك وأربيل.")
    assert [(e.location, e.geo_precision) for e in got] == [("Kirkuk", 2)]


def test_a_withdrawal_forced_by_an_advance_is_no_peaceful_handover():
    assert not events("وأجبر هذا التقدم عناصر تنظيم داعش على الانسحاب من منطقة البوفراج شمال الرمادي.")
    assert [e.sub_event_type for e in events("انسحبت قوات الحوثيين من مواقعها في عدن دون قتال.")] == [
        "Non-violent transfer of territory"]


def test_a_sentence_that_names_no_place_goes_on_about_the_last_report_of_its_kind():
    text = ("قُتل ستة مقاتلين في اشتباكات بين القوات النظامية والمعارضة في مدينة الزبداني، فيما سقطت قذائف على "
            "بلدات في إدلب وحلب. وقال المرصد إن الاشتباكات تركزت في منطقة الجبل الشرقي.")
    battles = [e for e in events(text, "2015-07-21") if e.event_type == "Battles"]
    assert [e.location for e in battles] == ["Az Zabadani"]


def test_an_undated_lead_folds_into_the_dated_events_it_summarises():
    text = ("أطلقت فصائل المعارضة أكثر من 300 قذيفة على قرى في إدلب.\n"
            "وأدى سقوط القذائف على بلدتي الفوعة وكفريا بإدلب منذ الاثنين إلى مقتل سبعة أشخاص.")
    shelling = sorted(e.location for e in events(text, "2015-07-21")
                      if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling == ["Al-Fu'ah", "Kafriya"]


def test_an_event_placed_only_at_its_governorate_has_no_district():
    got = events("انفجرت عبوةٌ ناسفة برتلٍ تابع للتحالف في محافظة صلاح الدين وسط العراق اليوم.")
    assert [(e.admin1, e.admin2, e.geo_precision) for e in got] == [("Salah ad Din", None, 3)]


# -- a generic word with a day of its own is a report ------------------------------------------------------------

@pytest.mark.parametrize("text, sub", [
    ("هاجم مسلّحون حاجزاً للشرطة في بغداد أمس.", "Armed clash"),
    ("هاجمت قوات النظام مواقع المعارضة في درعا فجر اليوم.", "Armed clash"),
    ("قتل مسلحون ثلاثة مدنيين في سوق الموصل.", "Attack"),
    ("قُتل مدنيٌّ برصاص قناص في تعز صباح اليوم.", "Attack"),
])
def test_a_lone_generic_word_reports_an_incident_when_its_sentence_gives_its_day(text, sub):
    assert [e.sub_event_type for e in events(text)] == [sub]


@pytest.mark.parametrize("text", [
    "تصاعدت الهجمات في ديالى خلال الأشهر الماضية.",
    "استهداف أرتال التحالف في بابل بات أمراً معتاداً.",
])
def test_talk_about_attacks_is_no_report(text):
    assert not events(text)


def test_what_violence_left_never_outranks_what_was_done():
    got = events("وأفاد المرصد أمس بأن 29 من عناصر التنظيم قتلوا في استهداف لمعسكر قرب مدينة الطبقة بعد غارات "
                 "لطائرات التحالف الدولي.", "2015-08-07")
    assert [e.sub_event_type for e in got] == ["Air/drone strike"]


def test_a_destination_is_not_where_it_happened():
    assert not events("قصفت الطائرات آليات على الطرق المؤدية إلى حلب أمس.")
    got = events("انسحب المتمردون من أطراف عدن باتجاه لحج اليوم.")
    assert [e.location for e in got] == ["Aden"]


def test_a_claim_denied_in_the_same_sentence_is_no_event():
    assert not events("أعلنت جماعة متشددة أنها أطلقت قذيفتي هاون على موقع للتدريب في خان يونس، لكن وزارة "
                      "الداخلية نفت هذا الادعاء.")


def test_a_unit_name_does_not_swallow_the_shelling_it_carried_out():
    got = events("وقال المصدر إن وحدة الصواريخ التابعة للجيش العراقي قصفت مقراً لتنظيم داعش في حي نزال وسط "
                 "الفلوجة أمس.")
    assert [(e.sub_event_type, e.actor1) for e in got] == [("Shelling/artillery/missile attack",
                                                            "Military Forces of Iraq")]


# -- "the city": the place the story is about --------------------------------------------------------------------

def test_the_city_is_the_town_the_story_is_about():
    text = ("سقط عشرات القتلى من الحوثيين جراء غارتين شنهما طيران التحالف على مركز طبي بمدينة حيس جنوب الحديدة "
            "اليوم، والذي حوله الحوثيون إلى مركز لعلاج جرحى مقاتليهم في تعز.\n"
            "كما استهدف طيران التحالف اليوم المجمع الحكومي في ذات المدينة.")
    strikes = [e for e in events(text, "2015-08-07") if e.sub_event_type == "Air/drone strike"]
    assert {e.location for e in strikes} == {"Hays"}
    quoted = [x["text"] for e in strikes for x in e.evidence if x["field"] == "location"]
    assert "المدينة" in quoted


def test_the_city_of_a_later_paragraph_is_the_town_named_before():
    text = ("تراجع تنظيم القاعدة عن وعوده بمغادرة مدينة المكلا في حضرموت.\n\n"
            "وكانت المدينة قد شهدت يوم أمس مسيرة جماعية نفذها المئات.")
    protests = [e for e in events(text, "2015-07-24") if e.event_type == "Protests"]
    assert [(e.location, e.event_date) for e in protests] == [("Mukalla", "2015-07-23")]


def test_what_a_protest_denounces_is_not_a_new_report():
    got = events("خرج المئات في مسيرة وسط البصرة اليوم تندد باعتقال ناشطين.")
    assert [e.event_type for e in got] == ["Protests"]


def test_the_two_areas_are_the_two_places_named_together_before():
    text = ("وقال المسؤول إن القطعات العسكرية دخلت إلى منطقتي الحامضية والبوعيثة في الرمادي أمس، مضيفا أن "
            "القطعات حررت المنطقتين بعد معارك عنيفة.")
    regained = [e for e in events(text) if e.sub_event_type == "Government regains territory"]
    assert sorted(e.location for e in regained) == ["Al-Hamidhiyah", "Albu Aetha"]


def test_an_offensive_told_in_its_own_sentence_is_a_battle_not_the_air_strike_before_it():
    text = ("وألقى الطيران المروحي عشرين برميلاً متفجراً على مدينة الزبداني اليوم.\n"
            "وكانت قوات النظام بدأت مطلع الشهر الماضي هجوماً واسعاً على الزبداني.")
    got = {(e.sub_event_type, e.event_date[:7]) for e in events(text, "2015-08-10")}
    assert ("Air/drone strike", "2015-08") in got
    assert ("Armed clash", "2015-07") in got


# -- arrests, agreements and handovers carry no deaths ------------------------------------------------------

@pytest.mark.parametrize("text, sub", [
    ("اعتقلت قوات الأمن العراقية أمس ١٢ مطلوباً في الموصل، في عملية أسفرت عن مقتل ثلاثة مسلحين.", "Arrests"),
    ("وقّعت الفصائل المسلحة اليوم اتفاقاً مع الجيش السوري في درعا بعد تصعيد أسفر عن مقتل 4 مدنيين.", "Agreement"),
])
def test_a_toll_told_beside_an_arrest_or_an_agreement_is_not_its_own(text, sub):
    found = [e for e in events(text) if e.sub_event_type == sub]
    assert found, [(e.sub_event_type, e.fatalities) for e in events(text)]
    assert all(e.fatalities == 0 for e in found)
