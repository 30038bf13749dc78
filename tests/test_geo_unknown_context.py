"""An unknown village whose sentence names no known place takes the governorate the article speaks of (issue 13,
item 3): the nearest known place named before it in that governorate places it, when the article's places in
Syria, Yemen, Iraq, Libya, Sudan and Somalia lie in one governorate more than twice as often as in any other.
Sentences written for rasd."""
from __future__ import annotations

import pytest

from rasd.geo import geocode

# the rules for names no gazetteer knows, on the index without train_places.tsv (it knows some of these villages)
pytestmark = pytest.mark.usefixtures("without_train_places")


def _unknown(text: str) -> list[tuple[str, str, str | None, int]]:
    return [(p.text, p.place.admin1, p.place.admin2, p.precision) for p in geocode(text) if p.note]


@pytest.mark.parametrize("text,village,admin1", [
    # Iraq: the strikes in Erbil, then the village in a sentence of its own
    ("شنت طائرات تركية غارات على مواقع في محافظة أربيل شمالي العراق. وقتل عشرة مدنيين في قصف في محيط قرية زركال.",
     "زركال", "Erbil"),
    # Yemen, with a proclitic on the type word (وبقرية)
    ("تتواصل المعارك في مديرية حيس بمحافظة الحديدة. وسقط ثلاثة قتلى بقصف حوثي وبقرية المشيخي.",
     "المشيخي", "Al Hudaydah"),
    # diacritics and tatweel in the name
    ("قصفت قوات النظام مدينة إدلب أمس. وقتل طفلان في غارة على بلدة الكَفْـرونـة.", "الكَفْـرونـة", "Idlib"),
    # Eastern Arabic digits in the toll
    ("تدور اشتباكات عنيفة في محافظة الجوف اليمنية. وقُتل ٥ مسلحين في منطقة الصفراوة.", "الصفراوة", "Al Jawf"),
    # the article names its governorate twice and another once: the governorate it speaks of places the village
    ("استهدفت غارات مدينة صعدة. وقالت مصادر في صعدة إن القصف طال مأرب أيضا. ودمرت الطائرات مخزنا في منطقة العطيفين.",
     "العطيفين", "Sa'dah"),
    # a village of Libya in a story about Derna
    ("تواصل قوات الجيش تقدمها في مدينة درنة. واندلعت اشتباكات في حي الشلوية.", "الشلوية", "Derna"),
])
def test_the_village_takes_the_governorate_the_article_speaks_of(text, village, admin1):
    got = _unknown(text)
    assert [g[0] for g in got] == [village]
    assert got[0][1] == admin1 and got[0][3] == 2
    assert got[0][2] is None  # placed by the article, not by a town of its sentence: its district is not known


def test_the_reason_says_the_article_placed_it():
    places = geocode("تدور اشتباكات عنيفة في محافظة الجوف. وقتل مسلحون في منطقة الصفراوة.")
    village = next(p for p in places if p.note)
    assert "the governorate the article speaks of" in village.reason


@pytest.mark.parametrize("text", [
    # two governorates alike: nothing says which
    "قصفت الطائرات مدينة صعدة ومدينة مأرب. وقتل ثلاثة في غارة على قرية العطيفين.",
    # the village named before any known place
    "قتل ثلاثة في غارة على قرية العطيفين. وتقع القرية في محافظة صعدة.",
    # "أحياء" is also "alive"
    "وقع انفجار في مدينة إدلب. وانتشل عشرة أشخاص أحياء منتحت الأنقاض.",
    # abroad: a town the gazetteer lacks is no village of the story's place
    "أطلق مسلح النار في مدرسة بولاية تكساس. وقتل عشرة أشخاص في بلدة سانتافيـه.",
    # a word after the type word is no village, with or without the article's governorate
    "قصفت الطائرات مدينة إدلب. وقتل مدنيون في قرية صغيرة.",
    # a district word needs a district of that name in the governorate
    "تدور معارك في محافظة الجوف. وأعلنت مديرية خربقلس مقتل جنديين.",
])
def test_no_village_where_the_article_does_not_say_where(text):
    assert _unknown(text) == []


def test_a_village_named_with_its_own_place_is_placed_by_it():
    """The sentence's own place comes first (as before this rule): the article's governorate is only a fallback."""
    got = _unknown("قصفت الطائرات مدينة صعدة. وقتل ثلاثة في غارة على قرية الجريبة غرب مدينة إدلب.")
    assert got and got[0][0] == "الجريبة" and got[0][1] == "Idlib"
