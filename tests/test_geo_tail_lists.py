"""A list of villages no gazetteer knows, ended by its district or governorate (rasd.geo.lists.tail_villages): each
name is its own place in the tail's governorate, at geo_precision 2 with a note, and a trigger that governs the
list gives one event per name (spec section 5: several named places each struck or taken are one event each).
Sentences written for rasd."""
from __future__ import annotations

import pytest

from rasd.geo import geocode
from rasd.pipeline import extract

pytestmark = pytest.mark.usefixtures("without_train_places")


def _tail(text: str) -> list[tuple[str, str, int]]:
    """The villages the gazetteer does not know (a note says so): (as written, admin1, geo_precision)."""
    return [(p.text, p.place.admin1, p.precision) for p in geocode(text) if p.note]


# (sentence, the names as written, their governorate)
TAILS = [
    # Yemen: a dual type word opens the list, an item type word inside it, the district after it with ب
    ("شن طيران التحالف غارات على معسكري الصمع وكهلان ومنطقة رحبان بمديرية سحار",
     ["الصمع", "كهلان", "رحبان"], "Sa'dah"),
    # Yemen: a list after a comma, a name of two words opened by جبال and one by the article and جبل
    ("أعلن المتحدث أن قوات الجيش حررت، بإسناد من التحالف، جبال الصخر والجبل الأحمر في مديرية نهم",
     ["جبال الصخر", "الجبل الأحمر"], "Sanaa"),
    # Yemen: Eastern Arabic digits in the sentence, the list opened by على, the district after ب
    ("سقطت ٣ قذائف على الصيرة والمحسنة والقحيفة بمديرية الحوك",
     ["الصيرة", "المحسنة", "القحيفة"], "Al Hudaydah"),
    # Iraq: villages west of a city (a compass phrase and the town)
    ("اندلعت اشتباكات عنيفة في الدغيلة والمزيبلة والمهدوم غرب مدينة البصرة",
     ["الدغيلة", "المزيبلة", "المهدوم"], "Basra"),
    # Libya: villages south of a city, the list with commas
    ("اندلعت اشتباكات في الهيشة، والقداحية، والزريقة جنوب مدينة سرت",
     ["الهيشة", "القداحية", "الزريقة"], "Sirte"),
    # Syria: tatweel inside the names, the governorate after ب
    ("وقصفت الطائرات على الرويحيـة والمسيكـة والسماقيـة بمحافظة درعا",
     ["الرويحيـة", "المسيكـة", "السماقيـة"], "Daraa"),
    # Yemen: diacritics on the names, a compass phrase and an unknown village before the governorate
    ("استهدفت المدفعية مواقع الحوثيين في المَدْرة والحَيافي والزَّبيرة شمال مريس بمحافظة الضالع",
     ["المَدْرة", "الحَيافي", "الزَّبيرة"], "Ad Dali'"),
    # Yemen: names of two words opened by a terrain or site word (قاع، نجد، لكمة، مثلث), the district after في
    ("شنت المقاتلات غارات على مثلث الحصين ولكمة الصوالح وقاع الجرباء في مديرية حرض",
     ["مثلث الحصين", "لكمة الصوالح", "قاع الجرباء"], "Hajjah"),
    # Syria: the clitic و on the list's opener and ب before the countryside
    ("وفي الخريجة والمشيرفة وتل الزعتر بريف حمص الشمالي دارت اشتباكات",
     ["الخريجة", "المشيرفة", "تل الزعتر"], "Homs"),
]


@pytest.mark.parametrize("text,names,admin1", TAILS, ids=[f"tail{i:02d}" for i in range(len(TAILS))])
def test_each_name_of_a_list_its_tail_places_is_a_village(text, names, admin1):
    got = _tail(text)
    assert [g[0] for g in got] == names
    assert {g[1] for g in got} == {admin1} and {g[2] for g in got} == {2}


@pytest.mark.parametrize("text", [
    # people's names, not villages
    "التقى المبعوث الأممي محمد وعلي وحسن في محافظة مأرب",
    # frequent words with no type word to open the list
    "نزح السكان من الأحياء والشوارع والأسواق في محافظة الحديدة",
    # a town and its governorate told together: one place, no list
    "سيطر الجيش على مدينة الحزم بمحافظة الجوف",
    # a meeting between two sides in a district: no list of places
    "عقد اجتماع بين ممثلي الحكومة والحوثيين في مديرية نهم",
    # a list of people's names after في: given names are context words
    "وكان في الموكب أحمد وسعيد وخالد في محافظة شبوة",
])
def test_no_list_no_village(text):
    assert _tail(text) == []


@pytest.mark.parametrize("text", [
    # frequent words after a plural type word: "in other areas, the latest of them Daraa"
    "أبرمت اتفاقات مماثلة في مناطق أخرى، آخرها محافظة درعا المجاورة",
    # the neighbourhoods of one town (the gold codes one event): أحياء opens no list of villages
    "سقطت أمس قذائف على أحياء الفيصلية والقبيبة والعريش جنوب محافظة ظهران الجنوب",
    # a list that starts with the conjunction of its second item is no list
    "وصل الوفد إلى المدينة والتقى المحافظ والقائد في مديرية نهم",
])
def test_no_village_from_the_tail_of_these(text):
    assert [p.text for p in geocode(text) if "list before" in p.reason] == []


def test_the_village_takes_the_tails_district_and_coordinates():
    places = geocode("شن طيران التحالف غارات على معسكري الصمع وكهلان بمديرية سحار")
    village = next(p for p in places if p.text == "كهلان")
    district = next(p for p in places if p.text == "سحار")
    assert village.place.admin2 == district.place.admin2 and village.place.geonameid is None
    assert (village.place.latitude, village.place.longitude) == (district.place.latitude, district.place.longitude)
    assert "سحار" in village.reason and village.note


def test_one_strike_on_a_list_gives_one_event_per_village():
    text = ("قالت مصادر محلية إن طيران التحالف شن يوم الأحد غارات عنيفة على معسكري الصمع وكهلان ومنطقة رحبان "
            "بمديرية سحار في محافظة صعدة.")
    events = extract({"text": text, "published": "2018-07-15"}).events
    got = sorted(e.location_ar for e in events if e.event_type == "Explosions/Remote violence")
    assert got == sorted(["الصمع", "كهلان", "رحبان"])
    assert {e.admin1 for e in events} == {"Sa'dah"}
