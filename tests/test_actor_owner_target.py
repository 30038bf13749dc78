"""Issue 17: the owner of a thing is the one hit only when that thing is the event word's object.

``رتل تابع للتحالف`` hit by a bomb makes the coalition actor2; but men named with their owner as the doers
(``قام مسلحون تابعون للحوثيين بـ``، ``عناصر يتبعون تنظيم داعش``) make the owner the doer's side, and a thing
owned in another clause (``فيما كانت آليات تابعة للنظام تتمركز``) or merely near the event (``قرب أحد المراكز
التابعة للشرطة``) gives its owner no role. Sentences written for these tests (clitics, diacritics, tatweel,
Eastern Arabic digits); the readings of the rules (RASD_DECIDER=rules) as in tests/test_actors.py."""
from __future__ import annotations

import pytest

from rasd import actors
from test_actors import _roles

HOU, IS, AQAP, SHB = "Houthis", "Islamic State", "Al Qaeda in the Arabian Peninsula", "Al Shabaab"

# the owner is the doer's side: its men or units are the subject of the verb before them
DOERS = [
    ("قام مسلحون تابعون للحوثيين بالقبض على عشرة صحفيين في صنعاء", HOU, "Civilians (Yemen)"),
    ("اقتحـم عناصرُ يتبعون تنظيم داعش قرية في ريف دير الزور وقتلوا ٣ مدنيين", IS, "Civilians (Syria)"),
    ("نفذ مسلحون تابعون لتنظيم القاعدة هجوما على نقطة للجيش في أبين", AQAP, "Military Forces of Yemen"),
]

# the owned thing is in another clause: its owner is no side of the event
OTHER_CLAUSE = [
    ("قتل مسلحون مجهولون ثلاثة مدنيين في كركوك، بينما كانت دورية تابعة للشرطة تمر قرب المكان",
     "Unidentified Armed Group (Iraq)", "Civilians (Iraq)"),
    ("أطلق مجهولون النار على سيارة مدنية في درعا، فيما كانت آليات تابعة للنظام تتمركز في البلدة",
     "Unidentified Armed Group (Syria)", "Civilians (Syria)"),
]

# the owned thing is the object of the event word (or the subject of a verb of suffering): its owner was hit
OBJECTS = [
    ("قصفت طائرات التحالف مقرا تابعا للحوثيين في صعدة", "Saudi-led Coalition", HOU),
    ("سقطت قذائف هاون على مقرٍ لكتائب حزب الله في البوكمال", "Unidentified Armed Group (Syria)", "Kataib Hezbollah"),
    ("رتل تابع للقوات التركية تعرض لهجوم بعبوة ناسفة في إدلب", "Unidentified Armed Group (Syria)",
     "Military Forces of Turkey"),
    ("قصفت طائرات حربية مواقع يعتقد أنها تابعة لتنظيم داعش شرق سرت", "Military Forces of Libya", IS),
    ("مواقع عسكرية للنظام السوري في ريف حماة قد استُهدفت بصواريخ معادية", "Unidentified Armed Group (Syria)",
     "Military Forces of Syria"),
    ("وانفجرت عبوة ناسفة برتلٍ تابعٍ للتحالف الدولي في محافظة الأنبار", "Unidentified Armed Group (Iraq)",
     "Global Coalition Against Daesh"),
    # the object of the event word's preposition, and of another attack word of the clause
    ("بدأت المقاتلات الإسرائيلية هجوماً واسعَ النطاق ضد أهداف عسكرية لحركة حماس في قطاع غزة",
     "Military Forces of Israel", "Hamas"),
    ("شنّت الطائرات غارة عنيفة، وأكد مسؤول أن مروحيتين هاجمتا حاجزاً للجيش الأفغاني في ولاية لوغار",
     "Unidentified Armed Group (Afghanistan)", "Military Forces of Afghanistan"),
    ("قُتل ٥ عناصر من الشرطة بهجوم مسلح استهدف مركزاً تابعاً للشرطة في ولاية غزني",
     "Unidentified Armed Group (Afghanistan)", "Police Forces of Afghanistan"),
]


@pytest.mark.parametrize("sentence,actor1,actor2", DOERS + OTHER_CLAUSE + OBJECTS)
def test_owner_is_hit_only_when_its_thing_is_the_object(sentence, actor1, actor2, monkeypatch):
    monkeypatch.setenv("RASD_DECIDER", "rules")
    got = _roles(sentence, "2020-01-01")
    assert (got["actor1"], got["actor2"]) == (actor1, actor2), f"{sentence}\n{got}"


@pytest.mark.parametrize("sentence,owner", [
    ("هاجم مقاتلون يتبعون حركة الشباب قاعدة عسكرية في مقديشو", SHB),
])
def test_owner_of_the_attackers_is_actor1(sentence, owner, monkeypatch):
    monkeypatch.setenv("RASD_DECIDER", "rules")
    got = _roles(sentence, "2020-01-01")
    assert got["actor1"] == owner and got["actor2"] != owner, f"{sentence}\n{got}"


def test_a_station_near_a_ramming_does_not_make_the_police_the_one_hit(monkeypatch):
    monkeypatch.setenv("RASD_DECIDER", "rules")
    got = _roles("دهس رجل بشاحنته حشدا من المارة قرب أحد المراكز التابعة للشرطة في مدينة نيس", "2020-01-01")
    assert got["actor2"] != "Police Forces of France", got


def test_the_rule_is_read_from_the_event_word_clause():
    """The helper itself: the owned noun after the event word within reach, in another clause, before it."""
    texts = "قصفت الطائرات مقرا تابعا ل فيما كانت دورية تابعة ل".split()
    forms = [actors._forms(w) for w in texts]
    is_object = actors._owned_is_object
    assert is_object(texts, forms, 0, 2, 4, 0, 0, 0, len(texts) - 1)  # مقرا: two words after قصفت
    assert not is_object(texts, forms, 0, 7, 9, 0, 0, 0, len(texts) - 1)  # دورية: after فيما
