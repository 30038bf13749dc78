"""Issue 17: the people an arrest takes, named only as persons, are the armed group the article ties them to.

ACLED codes an arrest's actor2 as the group of the people arrested. News of an arrest in a terror case names
them as persons (اعتقال ٣٣ شخصا، القبض على رجل، المشتبه بهم) and ties them to a group elsewhere in the
article (يشتبه بانتمائهم إلى داعش، المخطط مرتبط بتنظيم الدولة الإسلامية): actor2 is then that group, when the
article names one non-state armed group and a word of ``rasd/data/suspect_links.tsv``. People arrested in an
article with no such word, or naming two groups, stay civilians. Also the joined spelling بوكوحرام.
Sentences written for these tests (clitics, diacritics, tatweel, Eastern Arabic digits); the readings of the
rules (RASD_DECIDER=rules) as in tests/test_actors.py."""
from __future__ import annotations

import pytest

from rasd import actors
from test_actors import _roles

IS, BH, SHB, AQ = "Islamic State", "Boko Haram", "Al Shabaab", "Al Qaeda"

# arrested persons of a terror case: the one group the article names
SUSPECTS = [
    ("أعلنت الشرطة التركية اعتقال ٣٣ شخصا يشتبه بانتمائهم إلى تنظيم داعش في مدينة إسطنبول.",
     "Police Forces of Turkey", IS),
    ("ألقت الشرطة الهولندية القبض على رجلين في مدينة روتردام. وقالت النيابة إن الرجلين مرتبطان بمخطط إرهابي "
     "لتنظيم الدولة الإسلامية.", "Police Forces of the Netherlands", IS),
    ("اعتقلت الشرطة الفرنسية ثلاثة أشخاص في مدينة ليون للاشتباه بالتخطيط لهجوم إرهابـي. وكان تنظيم داعش قد دعا "
     "أنصاره إلى شن هجمات في فرنسا.", "Police Forces of France", IS),
    ("أوقفت الشرطة الكينية أربعة أشخاص في مدينة مومباسا، وقالت إن الموقوفين ينتمون إلى حركة الشباب.",
     "Police Forces of Kenya", SHB),
    ("قالت السلطات الكاميرونية إنها اعتقلت ٣ أشخاص في مدينة ياوندي يُشتبه بانتمائهم لجماعة بوكوحرام.",
     "Police Forces of Cameroon", BH),
    ("وأعلنت الشرطة البريطانية القبض على شاب في مدينة مانشستر، وأكدت أن المخطط الذي أُحبط مرتبط بتنظيم "
     "الدولة الإسلامية.", "Police Forces of the United Kingdom", IS),
]

# no word ties the people arrested to a group, or the article names two groups: they stay civilians
CIVILIANS = [
    ("اعتقلت الشرطة التركية ١٢ شخصا في مدينة إسطنبول خلال احتجاجات على غلاء الأسعار. وكان تنظيم داعش قد نفذ هجمات "
     "في المدينة قبل عامين.", "Police Forces of Turkey", "Civilians (Turkey)"),
    ("اعتقلت الشرطة الفرنسية ثلاثة أشخاص في مدينة ليون للاشتباه بالتخطيط لهجوم إرهابي. ولم يتضح إن كانوا من تنظيم "
     "داعش أو من تنظيم القاعدة.", "Police Forces of France", "Civilians (France)"),
    ("اعتقلت الشرطة الكينية خمسة أشخاص في مدينة نيروبي بتهمة السرقة.", "Police Forces of Kenya",
     "Civilians (Kenya)"),
]


@pytest.mark.parametrize("sentence,actor1,actor2", SUSPECTS + CIVILIANS,
                         ids=[f"suspects-{i}" for i in range(len(SUSPECTS))] + [f"civilians-{i}" for i in range(len(CIVILIANS))])
def test_people_arrested_in_a_terror_case_are_the_group_named(sentence, actor1, actor2, monkeypatch):
    monkeypatch.setenv("RASD_DECIDER", "rules")
    got = _roles(sentence, "2018-07-05")
    assert got["sub_event_type"] == "Arrests", got
    assert (got["actor1"], got["actor2"]) == (actor1, actor2), f"{sentence}\n{got}"


# the group named in the arrest's own sentence keeps the reading it had: the rule only replaces persons
@pytest.mark.parametrize("sentence,actor2", [
    ("اعتقلت قوات الأمن العراقية ٥ عناصر من تنظيم داعش في مدينة الموصل بتهمة التخطيط لهجمات إرهابية.", IS),
    ("قامت قوات الأمن الصومالية باعتقال قياديين في حركة الشباب في مدينة كيسمايو.", SHB),
])
def test_a_group_named_in_the_sentence_stays(sentence, actor2, monkeypatch):
    monkeypatch.setenv("RASD_DECIDER", "rules")
    assert _roles(sentence, "2018-07-05")["actor2"] == actor2


@pytest.mark.parametrize("text", ["قتل عناصر بوكوحرام خمسة أشخاص في قرية قرب مايدوغوري",
                                  "هاجمت جماعة بوكوحـرام قرية في ولاية بورنو", "وبوكوحرام تبنت الهجوم"])
def test_boko_haram_written_as_one_word(text):
    from rasd.doc import Document

    doc = Document(text)
    actors.find_actors(doc)
    assert BH in {actors._resolve(doc, m, "Nigeria").name for m in doc.actors if m.kind == "actor"}


def test_the_link_words_are_read_from_the_data_file():
    words = actors._suspect_links()
    assert {"انتماء", "مرتبط", "ارهابي"} <= words  # normalised: إرهابي is read as ارهابي
    assert all(" " not in w for w in words)
