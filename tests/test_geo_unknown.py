"""Villages the gazetteer does not know keep their own place: named after a type word or in a list of villages,
placed in the governorate of the known place named with them. Sentences written for rasd."""
from __future__ import annotations

import pytest

from rasd.geo import geocode
from rasd.geo.unknown import transliterate

# the rules for names no gazetteer knows, on the index without train_places.tsv (it knows some of these villages)
pytestmark = pytest.mark.usefixtures("without_train_places")


def _unknown(text: str) -> list[tuple[str, str, str, int]]:
    return [(p.text, p.place.name, p.place.admin1, p.precision) for p in geocode(text) if p.note]


def test_a_list_of_unknown_villages_each_keeps_a_place():
    got = _unknown("سيطرت قوات النظام على قرى الطحيتا وأم الجرن، والعوينة في ريف حماة الشمالي")
    assert [g[0] for g in got] == ["الطحيتا", "أم الجرن", "العوينة"]
    assert {g[2] for g in got} == {"Hama"} and {g[3] for g in got} == {2}


def test_the_note_names_the_reference_and_the_coordinates_are_its():
    places = geocode("قتل ثلاثة مدنيين بقصف على قرية الزعيترة جنوب مدينة إدلب")
    village = next(p for p in places if p.note)
    town = next(p for p in places if p.place.name == "Idlib")
    assert village.text == "الزعيترة" and village.place.name_ar == "الزعيترة"
    assert (village.place.latitude, village.place.longitude) == (town.place.latitude, town.place.longitude)
    assert "Idlib" in village.note and village.place.geonameid is None


def test_known_and_unknown_villages_in_one_list():
    got = [(p.text, p.place.admin1, bool(p.note)) for p in
           geocode("شنت طائرات التحالف غارات على قرى المنصورية وبيت الفقيه والمغرس في محافظة الحديدة اليمنية")]
    assert ("بيت الفقيه", "Al Hudaydah", False) in got
    assert ("المغرس", "Al Hudaydah", True) in got


def test_yemeni_villages_with_tatweel_and_diacritics():
    got = _unknown("اندلعت معارك في قريتـي المجيـلس والفَازَة بمديرية حيس جنوب الحديدة")
    assert [g[0] for g in got] == ["المجيـلس", "الفَازَة"]
    assert {g[2] for g in got} == {"Al Hudaydah"}


@pytest.mark.parametrize("text", [
    "قتل ثلاثة مدنيين بقصف على قرية صغيرة في ريف إدلب",
    "نزح السكان إلى بلدة مجاورة في ريف حلب",
    "أطلقت الفصائل قذائف على قرى تسكنها أغلبية شيعية في إدلب",
    "زار الوفد قرية نائية في ريف درعا",
    "قصفت الطائرات قرى عدة في ريف حماة",
    "سقطت قذائف على قرية في ريف اللاذقية",
])
def test_a_word_after_the_type_word_is_no_village(text):
    assert _unknown(text) == []


def test_no_known_place_nearby_no_unknown_village():
    """Nothing says where the village lies: it is not placed anywhere."""
    assert _unknown("سيطر المسلحون على قرية الطحيتا بعد معارك عنيفة") == []


@pytest.mark.parametrize("arabic,latin", [
    ("الطحيتا", "Al-Tahita"), ("تل رفعت", "Tal Raf'at"), ("حيان", "Hayan"), ("العوينة", "Al-'Uwaynah"),
    ("مَسْرابا", "Masraba"), ("كفرنـبل", "Kafranbal"),
    # the short vowels Arabic does not write, where its syllables need them (no three consonants in a row, none
    # after a long vowel), ay in a first syllable, ية -iyah, a final ة -ah and -at before the next word
    ("المغرس", "Al-Maghras"), ("أمْلَح", "Amlah"), ("مَنْدَبـة", "Mandabah"), ("زيزون", "Zayzun"), ("حيط", "Hayt"),
    ("الفاخر", "Al-Fakhir"), ("الراهدة", "Al-Rahidah"), ("المشيرفة", "Al-Mashirafah"), ("الجبلية", "Al-Jabliyah"),
    ("سيلة الوهبية", "Saylat Al-Wahbiyah"), ("السحي", "Al-Sahi"), ("شرف بن عرب", "Sharf Bin 'Arb"),
    # the first word of a name as the gazetteers spell it
    ("أم المياذن", "Umm Al-Mayadhin"), ("بيت رجال", "Bayt Rajal"), ("خربة غزالة", "Khirbat Ghazalah"),
    ("عين ترما", "Ayn Tarma"), ("دير العصافير", "Deir Al-'Asafir"),
    # -uway- after a first consonant followed by وي (the diminutive فويعل): Suwayq, Zuwayk, Tuwayliq
    ("السويق", "Al-Suwayq"), ("الزويـك", "Al-Zuwayk"), ("تويلق", "Tuwayliq"), ("الشُوَيحة", "Al-Shuwayhah"),
    ("الزوية", "Al-Zawiyah"),
])
def test_transliteration(arabic, latin):
    assert transliterate(arabic) == latin


@pytest.mark.parametrize("text,name,admin1", [
    ("قتل العشرات في قصف على بلدة التريمسة في ريف حماة", "Tremseh", "Hama"),
    ("قصفت الطائرات بلدة المحابشة في محافظة حجة", "Al Mahabishah", "Hajjah"),  # also a district's name
    ("سيطرت قوات الوفاق على بلدة ترهونة جنوب شرق طرابلس الليبية", "Tarhuna", "Al Marqab"),
    ("اندلعت اشتباكات في مدينة الكُرمُك بولاية النيل الأزرق", "Kurmuk", "Blue Nile"),
])
def test_transliteration_key_finds_geonames_towns_without_arabic_names(text, name, admin1):
    got = [p for p in geocode(text) if p.note and "transliteration" in p.note]
    assert [(p.place.name, p.place.admin1, p.precision) for p in got] == [(name, admin1, 1)]
    assert got[0].place.geonameid


def test_transliteration_key_only_inside_the_governorate_given():
    """Tullus lies in South Darfur: named with Aleppo it is an unknown village there, not the Sudanese town."""
    got = [p for p in geocode("قصفت الطائرات قرية تلس في ريف حلب") if p.note]
    assert [(p.place.country, p.place.admin1, p.precision) for p in got] == [("Syria", "Aleppo", 2)]


@pytest.mark.parametrize("arabic,latin", [("الطحيتا", "At Tuhayta"), ("تل رفعت", "Tall Rif'at"), ("التريمسة", "Tremseh"),
                                          ("الجغبوب", "Al Jaghbub"), ("بني حجاج", "Bani Hujjaj")])
def test_arabic_and_latin_keys_agree(arabic, latin):
    from rasd.geo.unknown import arabic_key, latin_key
    assert arabic_key(arabic) == latin_key(latin)


@pytest.mark.parametrize("text,district,admin1", [
    ("اشتبكت القوات مع الحوثيين في مديرية القبيطة بمحافظة لحج", "Al Qabbaytah", "Lahij"),
    ("قتل ثلاثة مسعفين بقذيفة في مديرية ناطع، بمحافظة البيضاء", "Nati'", "Al Bayda"),  # a two-consonant key
    ("قصفت المدفعية مواقع في مديرية غمر الحدودية في صعدة", "Ghamr", "Sa'dah"),  # a frequent word, a district here
    ("اندلعت معارك في مديرية نِهم شرق صنعاء", "Nihm", "Sanaa"),  # around the capital's own division
    ("سقطت قذائف على مديرية دمنة خدير بمحافظة تعز", "Dimnat Khadir", "Ta'izz"),  # two words, ة read t
    ("قصفت الطائرات مديرية سَحّار في محافظة صعدة", "Sahar", "Sa'dah"),
    # districts_ar.tsv leaves everyday words out: the district word and the key still find them
    ("اندلعت اشتباكات في مديرية المنار بمحافظة ذمار", "Al Manar", "Dhamar"),
    ("قتل مدنيان بغارة في مديرية الخلق بمحافظة الجوف", "Al Khalq", "Al Jawf"),
])
def test_districts_known_only_in_latin_letters(text, district, admin1):
    """By their Arabic name (districts_ar.tsv) or, where it is left out, by the transliteration key."""
    got = [p for p in geocode(text) if p.place.feature == "ADM2"]
    assert [(p.place.admin2, p.place.admin1, p.precision) for p in got] == [(district, admin1, 2)]


@pytest.mark.parametrize("text", [
    "قال مدير مديرية الأمن في صنعاء إن الهجوم أحبط",  # the directorate of security, no district
    "أعلنت مديرية التربية بمحافظة تعز تعليق الدراسة",
    "وقال مدير مديرية الصحة بمحافظة ذمار إن ٣ أصيبوا",
])
def test_a_directorate_is_no_district(text):
    assert [p for p in geocode(text) if p.note and "district" in p.note] == []


def test_a_verb_after_an_area_is_no_village():
    """"بمنطقة عسير، واستنكروا": a plural verb (its stem a frequent word) does not go on the list."""
    assert _unknown("انفجرت عبوة قرب مسجد بمنطقة جازان، واستنكروا الهجوم") == []


@pytest.mark.parametrize("text", [
    "وقع الهجوم في قلب باريس، في منطقة يرتادها السائحون عادة لكثرة مقاهيها",
    "سقطت قذيفة على حيّ يقطنهم النازحون في مدينة إدلب",
    "استهدفت الغارة منطقة تسكنهـا عائلات فقيرة قرب حلب",
])
def test_a_present_tense_verb_with_its_object_is_no_village(text):
    """After an area word, a verb in the present tense with its object pronoun (يرتادها، يقطنهم) tells who goes
    there; it is no unknown village's name."""
    assert _unknown(text) == []


def test_an_area_no_gazetteer_knows():
    """منطقة X, as قرية X: placed by the known place named with it."""
    got = _unknown("اندلعت اشتباكات عنيفة في منطقة العطفين بمديرية كتاف في محافظة صعدة")
    assert [(g[1], g[2]) for g in got] == [("Al-'Atfin", "Sa'dah")]


def test_a_frequent_word_written_like_a_town_without_its_hamza():
    """فيفا is FIFA before it is Fayfa' (فيفاء): written without the hamza it needs a type word."""
    assert [p.place.name for p in geocode("أعلن الاتحاد الدولي فيفا عقوبات على النادي السعودي")] == []
    assert [p.place.name for p in geocode("سقطت قذيفة على محافظة فيفا في منطقة جازان")][:1] == ["Fayfa'"]


def test_a_town_written_without_its_final_hamza():
    """التحيتاء is also written التحيتا: the town, in its district."""
    got = [(p.place.name, p.place.admin2) for p in geocode("قصفت الطائرات مدينة التحيتا جنوب الحديدة")]
    assert got[0] == ("At Tuhayta'", "At Tuhayat")


@pytest.mark.parametrize("text,expected", [
    # a front (جبهة) or في/على before a name no gazetteer knows, with a compass word or ب + a governorate or
    # district word right after it: the name keeps its own place
    ("قُتل ٥ من الحوثيين في جبهة المهاشمة بمحافظة الجوف", ("المهاشمة", "Al-Mahashimah", "Al Jawf", 2)),
    ("وتقدمت القوات الحكومية في المغرس غربي مديرية التحيتا", ("المغرس", "Al-Maghras", "Al Hudaydah", 2)),
    ("انفجرت قنبلة يدوية الصنع في أحنيف بولاية البويرة شرق العاصمة", ("أحنيف", "Ahnif", "Bouira", 2)),
    ("وسيطرت المقاومة على الكُدَيْف شمالَ مدينة تعز", ("الكُدَيْف", "Al-Kadif", "Ta'izz", 2)),
])
def test_a_bare_name_placed_by_what_follows_it(text, expected):
    assert _unknown(text) == [expected]


@pytest.mark.parametrize("text", [
    "قاتل عناصر جبهة النصرة بمحافظة إدلب",  # a group's name (a frequent word)
    "وقعت اشتباكات في المنطقة بمحافظة الضالع",  # a frequent word
    "تقدمت القوات في جبهة بمحافظة الجوف",  # no name
    "انتشرت القوات في أم الجرن شمال حماة",  # two words after في: only after a type word
])
def test_no_bare_name_without_a_name_and_its_qualifier(text):
    assert _unknown(text) == []


# -- places in a list belong together (rasd.geo.lists) -----------------------------------------------------
# (sentence, {item as written: (admin1, whether the list decided it)}): a name with namesakes elsewhere, or known
# only abroad, takes the governorate its list's other items agree on
LISTS = [
    # Syria: a typed list and the countryside named after it (the last item is placed by ريف درعا, so the article is
    # about Syria and صيدا is Daraa's by its governorate, before the list is looked at: rasd.geo.anchor_namesakes)
    ("قصفت قوات النظام بلدات طفس وصيدا والجيزة بريف درعا الغربي", {"طفس": ("Daraa", False), "صيدا": ("Daraa", False),
                                                                     "الجيزة": ("Daraa", False)}),
    # a clitic وب on the item abroad
    ("تركزت الغارات على داعل ونوى وبصيدا في ريف درعا", {"صيدا": ("Daraa", False)}),
    # diacritics
    ("قَصَفَت المدفعية بلدات طَفَس وصَيْدا والجيزة بريف درعا", {"صَيْدا": ("Daraa", False)}),
    # tatweel; an item no gazetteer knows after an item known only abroad
    ("استهدف القصف قرى داعـل ونـوى والطيـبة وكحيـل", {"الطيـبة": ("Daraa", True), "كحيـل": ("Daraa", True)}),
    # an item whose namesake lies in another governorate; a name's second word kept (الغربية)
    ("استهدفت غارات بلدات نوى وداعل والغارية الغربية وكحيل في ريف درعا",
     {"الغارية الغربية": ("Daraa", True), "كحيل": ("Daraa", True)}),
    ("قصفت الطائرات الروسية بلدات كفرنبل وخان شيخون والتمانعة والطيبة بريف إدلب الجنوبي",
     {"التمانعة": ("Idlib", False), "الطيبة": ("Idlib", True)}),
    # Iraq: a small village of the list's governorate over a city abroad
    ("قصفت الطائرات قرى بعشيقة وبرطلة والرشيدية والطيبة شرق الموصل",
     {"الرشيدية": ("Nineveh", True), "الطيبة": ("Nineveh", True)}),
    # Yemen: a list opened by a verb and its preposition; a name no gazetteer knows between two known ones
    ("سيطرت القوات على حيس والجراحي والحسينية", {"الحسينية": ("Al Hudaydah", True)}),
    ("تقدمت القوات في حيس والمجيلس والخوخة", {"المجيلس": ("Al Hudaydah", True), "الخوخة": ("Al Hudaydah", False)}),
    # Libya
    ("اندلعت اشتباكات في الزاوية وصرمان والمنصورية غرب طرابلس", {"المنصورية": ("Az Zawiyah", True)}),
    # Lebanon: Sidon among the towns of the south
    ("شنت الطائرات الإسرائيلية غارات على صيدا والنبطية وصور في جنوب لبنان", {"صيدا": ("South Governorate", False)}),
    # capitals in a diplomatic sentence are no list of villages
    ("زار وزير الخارجية عمان والرياض والقاهرة لبحث الأزمة",
     {"عمان": ("Amman", False), "الرياض": ("Riyadh", False), "القاهرة": ("Cairo", False)}),
    # a list over two governorates: no majority, each keeps its own
    ("قصفت الطائرات طفس ونوى وتلبيسة", {"طفس": ("Daraa", False), "تلبيسة": ("Homs", False)}),
]


@pytest.mark.parametrize("text,expected", LISTS, ids=[f"list{i:02d}" for i in range(len(LISTS))])
def test_places_in_a_list_belong_together(text, expected):
    got = {p.text: p for p in geocode(text)}
    for name, (admin1, by_list) in expected.items():
        assert name in got, (name, [(p.text, p.place.admin1, p.reason) for p in got.values()])
        p = got[name]
        assert p.place.admin1 == admin1, (name, p.place.name, p.place.admin1, p.reason)
        assert ("list with" in p.reason) == by_list, (name, p.reason)


def test_an_item_of_a_list_known_only_abroad_is_a_village_of_the_list():
    """الصرفند in a list of Daraa's towns: not Sarafand of Lebanon, a village of Daraa at the nearest item's
    coordinates, with the note unknown villages carry and the reason naming the list. (صيدا, the first example, is
    now known in Daraa: Saida, towns_extra.tsv.)"""
    places = {p.text: p for p in geocode("قصفت قوات النظام بلدات طفس والصرفند والجيزة بريف درعا الغربي")}
    p = places["الصرفند"]
    assert p.place.country == "Syria" and p.precision == 2 and p.place.geonameid is None
    assert p.note and "coordinates of" in p.note
    assert "list with طفس and " in p.reason and p.reason.endswith(" in Daraa")

