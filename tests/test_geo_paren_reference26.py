"""A reference place inside a parenthesis after the event's place (issue 13, "other admin1"): "كاندي (115 كلم شرق
كولومبو)"، "البصرة (٥٥٠ كلم جنوب بغداد)". The distance and compass phrase in the parenthesis make the place in it the
reference point, as it does without the parenthesis ("الفلوجة، 50 كلم غرب بغداد"): an event told after both is at the
place before the parenthesis, not at the capital named in it. Sentences written for rasd (no text of the evaluation
sets)."""
from __future__ import annotations

import pytest

from rasd.doc import Document
from rasd.geo import find_places, places_for
from rasd.segment import segment
from rasd.text import normalize


class Trig:
    def __init__(self, start: int, end: int, sentence: int):
        self.start, self.end, self.sentence = start, end, sentence
        self.sub_event_type, self.event_type = "Violent demonstration", "Riots"


def _places(text: str, word: str) -> list[str]:
    doc = Document(text=text)
    segment(doc)
    find_places(doc)
    key = normalize(word).text
    start = doc.norm.text.index(key)
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= start < s.end)
    return [p.place.admin1 for p in places_for(doc, Trig(start, start + len(key), index), doc.sentences[index])]


@pytest.mark.parametrize("text,word,admin1,not_admin1", [
    # Sri Lanka: the town, its distance from the capital in a parenthesis, the riots after both
    ("ما زالت المدارس مغلقة في كاندي (115 كلم شرق كولومبو) بعد أعمال العنف.", "أعمال", "Central Province",
     "Western Province"),
    # Jordan: Eastern Arabic digits, a two-word compass
    ("شهدت مدينة السلط (٣٣ كم شمال غرب عمان) احتجاجات واسعة أمس.", "احتجاجات", "Balqa", "Amman"),
    # Iraq: the clitic و before في, the clashes after the parenthesis
    ("وفي البصرة (550 كلم جنوب بغداد) اندلعت مواجهات بين المحتجين والشرطة.", "مواجهات", "Basra", "Baghdad"),
    # Iraq: a governorate named with its type word, diacritics on the event word
    ("وفي محافظة ذي قار (375 كلم جنوب بغداد) وقعت اشتباكاتٌ عنيفة.", "اشتباكات", "Dhi Qar", "Baghdad"),
    # Yemen: "كيلومترا" and the adjective form of the compass word
    ("وفي مدينة الحديدة (226 كيلومترا غربي صنعاء) قصفت الطائرات مواقع للمسلحين.", "قصفت", "Al Hudaydah",
     "Amanat Alasimah"),
    # Syria: the tatweel in the event word
    ("وفي مدينة دوما (15 كم شرق دمشق) تجـددت الاشتباكات مساء أمس.", "تجـددت", "Rif-dimashq", "Dimashq"),
])
def test_the_event_is_at_the_place_before_the_reference_parenthesis(text, word, admin1, not_admin1):
    got = _places(text, word)
    assert admin1 in got and not_admin1 not in got, got


def test_a_list_of_towns_each_with_its_reference_keeps_the_towns():
    got = _places("خرجت تظاهرات في إربد (90 كم شمال عمّان) والزرقاء (23 كم شرق عمان) أمس.", "تظاهرات")
    assert "Irbid" in got and "Zarqa" in got and "Amman" not in got, got


def test_a_parenthesis_without_distance_or_compass_is_no_reference():
    # "(العاصمة)" qualifies the place: the place in the sentence is still read as before
    got = _places("قتل ثلاثة في هجوم على حاجز في صنعاء (العاصمة) أمس.", "هجوم")
    assert got == ["Amanat Alasimah"], got
