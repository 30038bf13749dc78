"""Two death counts the casualty stage used to drop (issue 17, fatalities, fat23):

* the plural "قضوا" / dual "قضيا" after a count of people, followed by where or when they died ("ستة أشخاص على
  الأقل قضوا اليوم في الهجوم"); before, "قضى" was read only with "نحبه" / "متأثرا" / "جراء" after it. The verb
  also means "spent" ("قضوا في السجن خمس سنوات") and "put an end to" ("قضوا على"): those stay unread;
* a count followed by a preposition and a noun of things ("مقتل ١٢ بهجوم"، "قتل ٥ بغارة"): the noun with its
  preposition is not what the number counts (a counted noun takes no preposition), so the count is a head
  count; "12 صاروخا" and "١٢ بالمئة" still are not.

Made-up sentences with diacritics, tatweel, clitics and Eastern Arabic digits."""
from __future__ import annotations

import pytest

from casualty_reading import deaths


@pytest.mark.parametrize("text, expected", [
    ("قالت الوكالة إن ستة أشخاص على الأقل من قوات الحرس قضوا اليوم الأحد في هجوم إرهابي.", [6]),
    ("وأكد المستشفى أن ثلاثة جنود قَضَوا في الكمين قرب الحدود.", [3]),
    ("وأفاد المرصد بأن ١١ مقاتلاً قضوا في الضربات التي استهدفت المطار.", [11]),
    ("وقال الناطق إن جنديين قضيا أمس في انفجار لغم.", [2]),
    ("وكان ١٤ طالبا وثلاثة موظفين قضوا في إطلاق النار على المدرسة.", [17]),
    ("وذكرت المصادر أن خمسةَ مدنيين قضـــوا خلال القصف على الحي.", [5]),
])
def test_plural_qada_after_a_count(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text", [
    "وكان ثلاثة معتقلين قضوا في السجن خمس سنوات قبل الإفراج عنهم.",  # spent years
    "وأضاف أن المقاتلين قضوا على آخر جيوب التنظيم في الوادي.",  # put an end to
    "الطلاب قضوا في المدرسة يوما كاملا.",  # no count, and time spent
    "وقال إن ٤ عائلات قضت ليلتها في العراء.",  # singular verb, a night spent
])
def test_qada_that_is_not_a_death(text):
    assert deaths(text) == []


@pytest.mark.parametrize("text, expected", [
    ("سوريا.. مقتل العشرات بهجوم كيماوي محتمل.", [10]),
    ("مقتل ١٢ بهجومٍ انتحاري في كابول.", [12]),
    ("وقُتل ٣ بغارة جوية على القرية.", [3]),
    ("قُتل خمسة بقذيفة هاون سقطت على السوق.", [5]),
    ("وقُتل 4 بصواريخ أُطلقت من خارج الحدود.", [4]),
])
def test_count_before_a_preposition_is_a_head_count(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text", [
    "أطلق المسلحون ١٢ صاروخا على البلدة.",
    "وارتفعت البطالة إلى 12 بالمئة هذا العام.",
    "وشنت الطائرات 8 غارات على مواقع التنظيم.",
])
def test_counted_things_stay_unread(text):
    assert deaths(text) == []


def test_an_abduction_carries_no_deaths():
    """A hostage-taking's dead are the fighting's (or an attack's, when a hostage is killed): none of train's 20
    abductions has a toll."""
    from rasd.numbers import no_deaths

    assert no_deaths("Abduction/forced disappearance")
    assert not no_deaths("Attack") and not no_deaths("Armed clash")
