"""Villages of two words named one by one (issue 13 item 3, issue 17's "fewer events than gold"): a name whose first
word is no prefix such as تل or كفر but a noun put in construct with the next word (شرف عيريم، ساقية الكرت، فتحة
السد) is taken whole, and the list goes on after it; farms (مزرعة، مزارع) open a list of villages as قرى does.
Sentences written for rasd: Syria, Yemen, Iraq and Libya, with و and ، between the names, clitics, diacritics,
tatweel and Eastern Arabic digits."""
from __future__ import annotations

import pytest

from rasd.geo import geocode


def _unknown(text: str) -> list[tuple[str, str]]:
    """(name as written, admin1) of each village no gazetteer knows."""
    return [(p.text, p.place.admin1) for p in geocode(text) if p.note]


LISTS = [
    # a frequent first word and a rare second one, first in a list (Yemen, Lahij)
    ("حررت قوات الجيش مناطق شرف المعيلي وشرف الحوازم في مديرية القبيطة بمحافظة لحج",
     ["شرف المعيلي", "شرف الحوازم"], "Lahij"),
    # after a dual type word, with diacritics and tatweel (Syria, Latakia)
    ("قصفت المدفعية قريتَي ساقية الكرم وفتحـة الوادي بريف اللاذقية",
     ["ساقية الكرم", "فتحـة الوادي"], "Latakia"),
    # three names with ، and و (Yemen, Al Bayda)
    ("اندلعت اشتباكات في مناطق قاع الحنيش، ونجد المرزوق وسيلة الجحاف بمديرية الملاجم في البيضاء",
     ["قاع الحنيش", "نجد المرزوق", "سيلة الجحاف"], "Al Bayda"),
    # a rare first word, the list going on after the pair (Iraq, Kirkuk)
    ("استعادت القوات العراقية السيطرة على قرى كوع الحمرة، وعويجة الصقور في قضاء الحويجة بمحافظة كركوك",
     ["كوع الحمرة", "عويجة الصقور"], "Kirkuk"),
    # a dual type word whose first name is of two frequent words (Syria, Daraa)
    ("وتقدمت القوات إلى بلدتي بصر العوينة ومليحة الغربية في ريف درعا",
     ["بصر العوينة", "مليحة الغربية"], "Daraa"),
    # a dual and a ة written with its vowel (Iraq, Nineveh)
    ("حررت القوات العراقية قريتي تلّة الغربان ونهرِ الصفصاف جنوب مدينة الموصل",
     ["تلّة الغربان", "نهرِ الصفصاف"], "Nineveh"),
    # a list after a town, five names (Syria, Rif Dimashq)
    ("استعاد الجيش السيطرة على قرى زمارين وحوش الصفا وكفر ناصح وسحم الخشب وبيت رانيا في الغوطة الشرقية",
     ["زمارين", "حوش الصفا", "كفر ناصح", "سحم الخشب", "بيت رانيا"], "Rif-dimashq"),
    # Libya: after a dual area word, the second name's first word ending in ة (Sirte)
    ("سيطرت قوات الجيش الليبي على منطقتي ساقية المجابرة وسيلة الغربان جنوب مدينة سرت",
     ["ساقية المجابرة", "سيلة الغربان"], "Sirte"),
    # a list opened by a clitic type word and an Eastern Arabic number before it (Yemen, Sa'dah)
    ("شنت المقاتلات ٤ غارات على قرى بئر الحمام ولكمة الشعابي بمحافظة صعدة",
     ["بئر الحمام", "لكمة الشعابي"], "Sa'dah"),
]


@pytest.mark.parametrize("text,names,admin1", LISTS, ids=[f"list{i:02d}" for i in range(len(LISTS))])
def test_each_village_of_a_list_keeps_its_whole_name(text, names, admin1):
    got = _unknown(text)
    assert [g[0] for g in got] == names
    assert {g[1] for g in got} == {admin1}


@pytest.mark.parametrize("text", [
    # a frequent phrase after an area word: no village
    "تواصل القصف على منطقة خفض التصعيد بريف إدلب",
    "قصفت الطائرات مناطق سيطرة النظام في ريف حلب",
    "استهدفت الغارات مناطق تمركز الميليشيات في مديرية حيس بالحديدة",
    "سيطرت الميليشيات على مناطق انتشار المسلحين في ريف حلب",
    # a verb and its subject after a village: the list ends at the village
    "سيطرت القوات على قرية الطحيتا وقتلت العناصر في ريف حماة",
    # a verb with its pronoun after a place word
    "قُتل شخصان في قرية يقطنها الأكراد بريف الحسكة",
    "انفجرت عبوة قرب مسجد بمنطقة جازان، واستنكروا الهجوم",
    # a demonstrative, a verb before a preposition with its pronoun, a noun with the article and its adjective
    "عثر على طرد في بلدة الزهيرية، وهذين الطردين ربطا بطرود أخرى في البصرة",
    "تتقدم القوات نحو مدينة الخوخة وتستعد لتحريرها من الحوثيين بمحافظة الحديدة",
    "استهدف الهجوم المصلين في بلدة القديح، والعملية الإرهابية وقعت في محافظة القطيف",
    # a time of day after the list
    "سقطت قذائف على حي الجحملية، وليلة السبت قصفت الميليشيات مدينة تعز",
])
def test_no_two_word_village_from_a_phrase_or_a_verb(text):
    assert [g for g in _unknown(text) if " " in g[0]] == []


def test_a_verb_after_a_village_does_not_join_its_name():
    got = _unknown("سيطرت القوات على قرية الطحيتا وقتلت العناصر في ريف حماة")
    assert got == [("الطحيتا", "Hama")]


@pytest.mark.parametrize("text,names,admin1", [
    # the known place after the list lies a clause away, another governorate's; the one before it is nearer
    ("تقدمت القوات في مديرية القبيطة، ومنها تحرير قرى شرف المعيلي وقاع المسلوب، إضافة إلى مواقع أخرى، "
     "وسط تراجع الحوثيين إلى المناطق القريبة من مدينة التربة التابعة لمحافظة تعز",
     ["شرف المعيلي", "قاع المسلوب"], "Lahij"),
    # right after the list, the known place after it still places it
    ("قال المرصد إن الطائرات قصفت في ريف حلب قرى كوع الدبابير، وعويجة الصقور بريف إدلب الجنوبي",
     ["كوع الدبابير", "عويجة الصقور"], "Idlib"),
])
def test_the_reference_of_a_list_is_the_nearer_known_place(text, names, admin1):
    got = _unknown(text)
    assert [g[0] for g in got] == names
    assert {g[1] for g in got} == {admin1}
