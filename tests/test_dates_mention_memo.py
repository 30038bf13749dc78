"""The per-article memo of what a date mention is (issue 15, speed): a statement's date, the start of a period.

``_is_report_date`` and ``_is_since`` keep their answers per article (while ``doc.norm`` is the same): asked
again for the same mention they must say what reading the text says, and a text set anew must be read anew.
Sentences written for these tests (clitics, diacritics, tatweel, Eastern Arabic digits); P is Friday 7 August 2015.
"""
from __future__ import annotations

import pytest
from test_dates import make_doc

from rasd import dates
from rasd.dates import find_dates

TEXTS = [
    # a statement's day after its verb and subject, then what it says
    "أعلنت وزارةُ الدفاع، الخميس، عن مقتل ٣ مسلحين في غارة جوية يوم الثلاثاء.",
    # an attribution after the day of the event: the second date is the source's
    "قُتل مدنيان في قصـــف على البلدة الأربعاء بحسب ما أفاد المرصد الخميس.",
    # the start of a period: منذ written before the date, or before a year with words between
    "وتسيطر الفصائل على المدينة منذ ٣ آذار، وقال الجيش الأحد إنه استعادها.",
    "وتشهد المنطقة معارك منذ اندلاع النزاع في العام 2011، وقصفت الطائرات القرية أمس.",
    "ومنذ الاثنين الماضي تتواصل الاشتباكات في الريف.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_memo_answers_what_the_text_says_every_time(text):
    doc = make_doc(text)
    find_dates(doc)
    assert doc.dates, "each test sentence names a date"
    for _ in range(3):  # asked again and again (each event word weighs the same mentions)
        for d in doc.dates:
            assert dates._is_report_date(doc, d) is dates._read_report_date(doc, d)
            assert dates._is_since(doc, d) is (d.text.startswith("منذ") or dates._read_since(doc, d))


def test_the_sentences_say_what_they_were_written_to_say():
    statement = make_doc(TEXTS[0])
    find_dates(statement)
    assert [dates._is_report_date(statement, d) for d in statement.dates] == [True, False]
    since = make_doc(TEXTS[3])
    find_dates(since)
    assert [dates._is_since(since, d) for d in since.dates][0] is True


def test_a_text_set_anew_is_read_anew():
    doc = make_doc(TEXTS[0])
    find_dates(doc)
    first = doc.dates[0]
    assert dates._is_report_date(doc, first) is True
    # the same offsets in another text: "قال" is gone from before the day, and "عن" from after it
    doc.set_text("شنّت الطائرات، الخميس، غارةً على مواقع للمسلحين في يوم الثلاثاء.")
    assert dates._is_report_date(doc, first) is dates._read_report_date(doc, first) is False


def test_a_document_without_user_data_is_read_each_time():
    class Bare:  # what a caller outside the pipeline may pass: the text and nothing to keep answers in
        def __init__(self, doc):
            self.norm = doc.norm
            self.published = doc.published

    doc = make_doc(TEXTS[1])
    find_dates(doc)
    bare = Bare(doc)
    assert [dates._is_report_date(bare, d) for d in doc.dates] == [dates._is_report_date(doc, d) for d in doc.dates]


def test_a_sentences_opening_words_are_read_once_and_cut_to_what_is_asked():
    text = ("وكانت قوات الأمن قد اعتقلت ٣ مشتبهين الثلاثاء.\n"
            "وفـــي سياق متصل، قصفت الطائرات مواقع للمسلحين الأربعاء.")
    doc = make_doc(text)
    first, second = doc.sentences[:2]
    assert dates._opening(doc, first, 1) == ["وكانت"]
    assert dates._opening(doc, second, 3) == ["وفي", "سياق", "متصل"]
    asked = dates._opening(doc, first, 3)
    asked.append("x")  # a caller's list is its own: the kept words do not change
    assert dates._opening(doc, first, 4) == ["وكانت", "قوات", "الامن", "قد"]
    assert dates._told_as_earlier(doc, first, first.end) and not dates._told_as_earlier(doc, second, second.end)
