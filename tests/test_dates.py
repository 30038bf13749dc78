"""Table-driven tests of rasd.dates: date phrases, event dating, publication dates.

Every row is a phrasing Arabic outlets use; the expected values are worked out by hand against the
publication date. Friday 7 August 2015 is the usual publication date (P) below.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest

# The tables below pin the rules (rules_date_for); the learned chooser that re-reads their choice inside
# date_for is tested in tests/test_event_dates.py.
from rasd.dates import (DateMention, EventDate, find_dates, find_in_text, publication_date,
                        rules_date_for as date_for,
                        resolve_date)
from rasd.doc import Document, Sentence

D = dt.date
P = D(2015, 8, 7)  # a Friday
assert P.weekday() == 4


def make_doc(text: str, published: dt.date | None = P) -> Document:
    """A Document with sentences split on . ! ? and newlines (paragraph = line), clauses on commas."""
    doc = Document(text, published=published)
    norm = doc.norm.text
    sentences = []
    start, para = 0, 0
    for m in re.finditer(r"[.!?]+|\n", norm + "\n"):
        end = min(m.end(), len(norm))
        chunk = norm[start:end]
        if chunk.strip():
            s = start + len(chunk) - len(chunk.lstrip())
            sent = Sentence(s, end, 0, 0, para)
            cs = s
            for cm in re.finditer(r"[,;]", norm[s:end]):
                sent.clauses.append(Sentence(cs, s + cm.end(), 0, 0, para))
                cs = s + cm.end()
            if sent.clauses:
                sent.clauses.append(Sentence(cs, end, 0, 0, para))
            sentences.append(sent)
        if m.group() == "\n":
            para += 1
        start = m.end()
    doc.sentences = sentences
    return doc


@dataclass
class Trig:
    start: int
    end: int
    sentence: int


def trigger_at(doc: Document, word: str, nth: int = 0) -> tuple[Trig, Sentence]:
    """A trigger on the nth occurrence of ``word`` (normalised spelling) and its sentence."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.norm.text.index(word, pos + 1)
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
    return Trig(pos, pos + len(word), index), doc.sentences[index]


# ------------------------------------------------------------------------------------------------
# resolve_date: (phrase, publication date, expected date, expected precision)
# ------------------------------------------------------------------------------------------------
RELATIVE = [
    ("اليوم", P, D(2015, 8, 7), 1),
    ("أمس", P, D(2015, 8, 6), 1),
    ("امس", P, D(2015, 8, 6), 1),
    ("يوم أمس", P, D(2015, 8, 6), 1),
    ("بالأمس", P, D(2015, 8, 6), 1),
    ("البارحة", P, D(2015, 8, 6), 1),
    ("أول أمس", P, D(2015, 8, 5), 1),
    ("أول من أمس", P, D(2015, 8, 5), 1),
    ("أمس الأول", P, D(2015, 8, 5), 1),
    ("الليلة الماضية", P, D(2015, 8, 6), 1),
    ("ليلة أمس", P, D(2015, 8, 6), 1),
    ("ليل أمس", P, D(2015, 8, 6), 1),
    ("مساء أمس", P, D(2015, 8, 6), 1),
    ("صباح يوم أمس", P, D(2015, 8, 6), 1),
    ("ليل أول من أمس", P, D(2015, 8, 5), 1),
    ("ظهر أول من أمس", P, D(2015, 8, 5), 1),
    ("صباح اليوم", P, D(2015, 8, 7), 1),
    ("فجر اليوم", P, D(2015, 8, 7), 1),
    ("ظهر اليوم", P, D(2015, 8, 7), 1),
    ("في وقت سابق اليوم", P, D(2015, 8, 7), 1),
    ("في وقت سابق من اليوم", P, D(2015, 8, 7), 1),
    ("في وقت متأخر من مساء أمس", P, D(2015, 8, 6), 1),
    ("في ساعة متأخرة من ليل أمس", P, D(2015, 8, 6), 1),
    ("فجر أمس الخميس", P, D(2015, 8, 6), 1),
    ("أمس الخميس", P, D(2015, 8, 6), 1),
    ("اليوم الجمعة", P, D(2015, 8, 7), 1),
    ("أمس الأحد", P, D(2015, 8, 2), 1),  # republished copy: the weekday wins
    ("صباح اليوم الأحد", D(2015, 7, 21), D(2015, 7, 19), 1),
    ("صباح أمس الأحد", D(2015, 7, 22), D(2015, 7, 19), 1),
    ("أمس الخميس", D(2015, 8, 6), D(2015, 8, 6), 1),  # publication date a day early: not a week back
    ("يوم الجمعة", P, D(2015, 8, 7), 1),
    ("الجمعة", P, D(2015, 8, 7), 1),
    ("الخميس", P, D(2015, 8, 6), 1),
    ("الأربعاء", P, D(2015, 8, 5), 1),
    ("الثلاثاء", P, D(2015, 8, 4), 1),
    ("الاثنين", P, D(2015, 8, 3), 1),
    ("الإثنين", P, D(2015, 8, 3), 1),
    ("الأحد", P, D(2015, 8, 2), 1),
    ("السبت", P, D(2015, 8, 1), 1),
    ("يوم السبت", P, D(2015, 8, 1), 1),
    ("صباح الأحد", P, D(2015, 8, 2), 1),
    ("مساء الأحد", P, D(2015, 8, 2), 1),
    ("مساء السبت", P, D(2015, 8, 1), 1),
    ("ليل الخميس", P, D(2015, 8, 6), 1),
    ("ليلة الخميس", P, D(2015, 8, 6), 1),
    ("فجر الأحد", P, D(2015, 8, 2), 1),
    ("في وقت متأخر من مساء السبت", P, D(2015, 8, 1), 1),
    ("يوم الجمعة الماضي", P, D(2015, 7, 31), 1),
    ("الجمعة الماضية", P, D(2015, 7, 31), 1),
    ("الخميس الماضي", P, D(2015, 8, 6), 1),
    ("الثلاثاء الماضي", P, D(2015, 8, 4), 1),
    ("منذ الاثنين", P, D(2015, 8, 3), 2),
    ("منذ يوم السبت", P, D(2015, 8, 1), 2),
    ("الأسبوع الماضي", P, D(2015, 7, 31), 2),
    ("الأسبوع المنصرم", P, D(2015, 7, 31), 2),
    ("الاسبوع الفائت", P, D(2015, 7, 31), 2),
    ("هذا الأسبوع", P, D(2015, 8, 7), 2),
    ("الأسبوع الجاري", P, D(2015, 8, 7), 2),
    ("الشهر الماضي", P, D(2015, 7, 15), 3),
    ("الشهر المنصرم", P, D(2015, 7, 15), 3),
    ("مطلع الشهر الماضي", P, D(2015, 7, 15), 3),
    ("أوائل الشهر الماضي", P, D(2015, 7, 15), 3),
    ("أواخر الشهر الماضي", P, D(2015, 7, 15), 3),
    ("منتصف الشهر الماضي", P, D(2015, 7, 15), 2),
    ("الشهر الجاري", P, D(2015, 8, 7), 3),  # the 15th is still ahead: not after publication
    ("هذا الشهر", D(2015, 8, 20), D(2015, 8, 15), 3),
    ("العام الماضي", P, D(2014, 7, 1), 3),
    ("السنة الماضية", P, D(2014, 7, 1), 3),
    ("نهاية العام الماضي", P, D(2014, 12, 15), 3),
    ("أواخر العام الماضي", P, D(2014, 12, 15), 3),
    ("مطلع العام الماضي", P, D(2014, 1, 15), 3),
    ("مطلع العام الجاري", P, D(2015, 1, 15), 3),
    ("هذا العام", P, D(2015, 7, 1), 3),
    ("قبل يومين", P, D(2015, 8, 5), 1),
    ("منذ يومين", P, D(2015, 8, 5), 1),
    ("قبل ثلاثة أيام", P, D(2015, 8, 4), 1),
    ("قبل 3 أيام", P, D(2015, 8, 4), 1),
    ("قبل خمسة أيام", P, D(2015, 8, 2), 1),
    ("قبل أيام", P, D(2015, 8, 4), 2),
    ("قبل أسبوع", P, D(2015, 7, 31), 2),
    ("قبل أسبوعين", P, D(2015, 7, 24), 2),
    ("قبل شهر", P, D(2015, 7, 15), 3),
    ("قبل شهرين", P, D(2015, 6, 15), 3),
    ("منذ عامين", P, D(2013, 7, 1), 3),
    ("قبل ساعات", P, D(2015, 8, 7), 1),
    ("خلال الساعات الماضية", P, D(2015, 8, 7), 2),
    ("خلال الساعات القليلة الماضية", P, D(2015, 8, 7), 2),
    ("خلال الساعات الأخيرة", P, D(2015, 8, 7), 2),
    ("خلال الـ24 ساعة الماضية", P, D(2015, 8, 7), 2),
    ("خلال الـ48 ساعة", P, D(2015, 8, 6), 2),
    ("خلال اليومين الماضيين", P, D(2015, 8, 6), 2),
    ("الأيام القليلة الماضية", P, D(2015, 8, 7), 2),   # a stretch that runs to the report
    ("خلال الأيامِ الماضية", P, D(2015, 8, 7), 2),
    ("الخامس من الشهر الجاري", P, D(2015, 8, 5), 1),
    ("العاشر من الشهر الماضي", P, D(2015, 7, 10), 1),
    ("غدا", P, D(2015, 8, 8), 1),
    ("بعد غد", P, D(2015, 8, 9), 1),
    ("الأسبوع المقبل", P, D(2015, 8, 14), 2),
    # a part of a week: its Monday, Wednesday or Thursday (never after publication)
    ("مطلع الأسبوع", P, D(2015, 8, 3), 2),
    ("مطلعَ هذا الأسبوع", P, D(2015, 8, 3), 2),
    ("أواخر الأسبوع الماضي", P, D(2015, 7, 30), 2),
    ("منتصف الأسبوع الماضي", P, D(2015, 7, 29), 2),
    ("أواخر الأسبوع", D(2015, 8, 4), D(2015, 8, 4), 2),
]

ABSOLUTE = [
    ("3 أيلول 2020", P, D(2020, 9, 3), 1),
    ("٣/٩/٢٠٢٠", P, D(2020, 9, 3), 1),
    ("3/9/2020", P, D(2020, 9, 3), 1),
    ("03-09-2020", P, D(2020, 9, 3), 1),
    ("3.9.2020", P, D(2020, 9, 3), 1),
    ("2020-09-03", P, D(2020, 9, 3), 1),
    ("2020/09/03", P, D(2020, 9, 3), 1),
    ("٢٠٢٠/٩/٣", P, D(2020, 9, 3), 1),
    ("3/9/20", P, D(2020, 9, 3), 1),
    ("الثالث من سبتمبر", P, D(2015, 9, 3), 1),
    ("الثالث من سبتمبر 2020", P, D(2020, 9, 3), 1),
    ("الحادي والعشرين من أيار 2019", P, D(2019, 5, 21), 1),
    ("الخامس عشر من آذار 2011", P, D(2011, 3, 15), 1),
    ("الثلاثين من حزيران 2013", P, D(2013, 6, 30), 1),
    ("19 آب/ أغسطس", P, D(2015, 8, 19), 1),
    ("19 آب/ أغسطس 2020", P, D(2020, 8, 19), 1),
    ("6 آب", P, D(2015, 8, 6), 1),
    ("الخميس 6 آب/أغسطس 2015", P, D(2015, 8, 6), 1),
    ("الخميس، 3 أيلول 2020", P, D(2020, 9, 3), 1),
    ("3 أيلول من العام 2020", P, D(2020, 9, 3), 1),
    ("3 سبتمبر 2020م", P, D(2020, 9, 3), 1),
    ("15 كانون الثاني 2016", P, D(2016, 1, 15), 1),
    ("15 كانون الثاني/ يناير 2016", P, D(2016, 1, 15), 1),
    ("3 شباط 2021", P, D(2021, 2, 3), 1),
    ("3 آذار 2021", P, D(2021, 3, 3), 1),
    ("3 نيسان 2021", P, D(2021, 4, 3), 1),
    ("3 أيار 2021", P, D(2021, 5, 3), 1),
    ("3 حزيران 2021", P, D(2021, 6, 3), 1),
    ("3 تموز 2021", P, D(2021, 7, 3), 1),
    ("3 آب 2021", P, D(2021, 8, 3), 1),
    ("3 أيلول 2021", P, D(2021, 9, 3), 1),
    ("3 تشرين الأول 2021", P, D(2021, 10, 3), 1),
    ("3 تشرين الثاني 2021", P, D(2021, 11, 3), 1),
    ("3 كانون الأول 2021", P, D(2021, 12, 3), 1),
    ("5 يناير 2018", P, D(2018, 1, 5), 1),
    ("5 فبراير 2018", P, D(2018, 2, 5), 1),
    ("5 مارس 2018", P, D(2018, 3, 5), 1),
    ("5 أبريل 2018", P, D(2018, 4, 5), 1),
    ("5 إبريل 2018", P, D(2018, 4, 5), 1),
    ("5 مايو 2018", P, D(2018, 5, 5), 1),
    ("5 يونيو 2018", P, D(2018, 6, 5), 1),
    ("5 يونيه 2018", P, D(2018, 6, 5), 1),
    ("5 يوليو 2018", P, D(2018, 7, 5), 1),
    ("5 يوليه 2018", P, D(2018, 7, 5), 1),
    ("5 أغسطس 2018", P, D(2018, 8, 5), 1),
    ("5 أغسطوس 2018", P, D(2018, 8, 5), 1),
    ("5 سبتمبر 2018", P, D(2018, 9, 5), 1),
    ("5 أكتوبر 2018", P, D(2018, 10, 5), 1),
    ("5 نوفمبر 2018", P, D(2018, 11, 5), 1),
    ("5 ديسمبر 2018", P, D(2018, 12, 5), 1),
    ("5 جانفي 2018", P, D(2018, 1, 5), 1),
    ("5 فيفري 2018", P, D(2018, 2, 5), 1),
    ("5 أفريل 2018", P, D(2018, 4, 5), 1),
    ("5 ماي 2018", P, D(2018, 5, 5), 1),
    ("5 جوان 2018", P, D(2018, 6, 5), 1),
    ("5 جويلية 2018", P, D(2018, 7, 5), 1),
    ("5 أوت 2018", P, D(2018, 8, 5), 1),
    ("5 يوليوز 2018", P, D(2018, 7, 5), 1),
    ("5 غشت 2018", P, D(2018, 8, 5), 1),
    ("5 شتنبر 2018", P, D(2018, 9, 5), 1),
    ("5 نونبر 2018", P, D(2018, 11, 5), 1),
    ("5 دجنبر 2018", P, D(2018, 12, 5), 1),
    ("5 مايس 2018", P, D(2018, 5, 5), 1),
    ("11 يوليو", P, D(2015, 7, 11), 1),
    ("في 11 يوليو الماضي", P, D(2015, 7, 11), 1),
    ("29 أبريل الماضي", P, D(2015, 4, 29), 1),
    ("2 أبريل (نيسان) الماضي", P, D(2015, 4, 2), 1),
    ("18 يوليو (تموز) الماضي", P, D(2015, 7, 18), 1),
    ("في شهر مايو (أيار) الماضي", P, D(2015, 5, 15), 3),
    ("منتصف يوليو (تموز) الحالي", P, D(2015, 7, 15), 2),
    ("في كانون الثاني الماضي", P, D(2015, 1, 15), 3),
    ("كانون الثاني/ يناير 2020", P, D(2020, 1, 15), 3),
    ("كانون الأول 2019", P, D(2019, 12, 15), 3),
    ("نهاية آذار/مارس الماضي", P, D(2015, 3, 15), 3),
    ("في أيلول", P, D(2014, 9, 15), 3),
    ("في أيار", P, D(2015, 5, 15), 3),
    ("آب الماضي", P, D(2014, 8, 15), 3),
    ("شهر آب", D(2015, 8, 20), D(2015, 8, 15), 3),
    ("أواخر أيام عام 2004", P, D(2004, 12, 15), 3),
    ("عام 2004", P, D(2004, 7, 1), 3),
    ("مطلع عام 2010", P, D(2010, 1, 15), 3),
    ("بداية عام 2010 م", P, D(2010, 1, 15), 3),
    ("منذ 2 أبريل (نيسان) الماضي", P, D(2015, 4, 2), 1),
]

HIJRI = [
    ("15 رمضان 1436 هـ", P, D(2015, 7, 2), 1),
    ("١٥ رمضان ١٤٣٦هـ", P, D(2015, 7, 2), 1),
    ("الأول من رمضان 1436 هـ", P, D(2015, 6, 18), 1),
    ("1 محرم 1442 هـ", P, D(2020, 8, 20), 1),
    ("1 رمضان 1441", P, D(2020, 4, 24), 1),
    ("1436/10/15هـ", P, D(2015, 8, 1), 1),
    ("15 ربيع الأول 1437 هـ", P, D(2015, 12, 27), 1),
    ("10 ذي الحجة 1444", P, D(2023, 6, 29), 1),
    ("شهر رمضان", P, D(2015, 7, 2), 3),
    ("رمضان الماضي", P, D(2015, 7, 2), 3),
    ("21 شوال", P, D(2015, 8, 7), 1),
]

YEAR_ENDS = [
    ("الشهر الماضي", D(2016, 1, 3), D(2015, 12, 15), 3),
    ("25 كانون الأول", D(2016, 1, 3), D(2015, 12, 25), 1),
    ("في ديسمبر", D(2016, 1, 3), D(2015, 12, 15), 3),
    ("العام الماضي", D(2016, 1, 3), D(2015, 7, 1), 3),
    ("الأسبوع الماضي", D(2016, 1, 3), D(2015, 12, 27), 2),
    ("أمس", D(2016, 1, 1), D(2015, 12, 31), 1),
    ("الخميس", D(2016, 1, 3), D(2015, 12, 31), 1),
    ("5 يناير", D(2015, 12, 28), D(2016, 1, 5), 1),
    ("الشهر المقبل", D(2015, 12, 28), D(2016, 1, 15), 3),
    ("قبل شهرين", D(2016, 1, 20), D(2015, 11, 15), 3),
    ("29 شباط", D(2016, 3, 5), D(2016, 2, 29), 1),
]


@pytest.mark.parametrize("phrase, published, expected, precision", RELATIVE + ABSOLUTE + HIJRI + YEAR_ENDS)
def test_resolve_date(phrase, published, expected, precision):
    assert resolve_date(phrase, published) == (expected, precision)


NOT_DATES = [
    "مارس", "آب", "رمضان", "نيسان", "ماي", "صفر", "رجب",  # ambiguous month names alone
    "قوى 14 آذار", "شارع 14 رمضان", "حي واحد حزيران",  # names, not dates
    "اليوم التالي", "حتى اليوم", "روسيا اليوم", "اليوم العالمي",
    "أمسية", "أمسى", "الشهر", "العام", "يوم", "منذ سنوات",
    "1.5", "3-2", "5000", "رقم 2020", "في 2004 قتيلا",
    "يمارس", "ربيع",
]


@pytest.mark.parametrize("phrase", NOT_DATES)
def test_not_a_date(phrase):
    assert resolve_date(phrase, P) is None


@pytest.mark.parametrize("phrase, expected", [
    ("أمس", None),
    ("يوم الجمعة", None),
    ("11 يوليو", None),
    ("3 أيلول 2020", (D(2020, 9, 3), 1)),
    ("15 رمضان 1436 هـ", (D(2015, 7, 2), 1)),
    ("عام 2004", (D(2004, 7, 1), 3)),
])
def test_without_publication_date(phrase, expected):
    assert resolve_date(phrase, None) == expected


def test_mentions_offsets_and_kinds():
    doc = make_doc("وذكر المتحدث أمس الخميس إن الحملة انطلقت في 11 يوليو. وفي عام 2004 وقع انفجار، "
                   "والسبت 15 شوال 1436 هـ الموافق 1 أغسطس 2015 م.")
    find_dates(doc)
    kinds = [(d.text, d.kind) for d in doc.dates]
    assert kinds == [("امس الخميس", "relative"), ("11 يوليو", "absolute"), ("عام 2004", "year"),
                     ("السبت 15 شوال 1436 ه", "hijri"), ("1 اغسطس 2015 م", "absolute")]
    for d in doc.dates:
        assert isinstance(d, DateMention)
        assert doc.norm.text[d.start:d.end] == d.text
    assert [d.start for d in doc.dates] == sorted(d.start for d in doc.dates)
    # evidence maps back to the original text
    first = doc.dates[0]
    assert doc.original_text(first.start, first.end) == "أمس الخميس"


def test_find_in_text_kinds():
    found = find_in_text("في شهر مايو الماضي", P)
    assert [(d.kind, d.precision) for d in found] == [("month", 3)]


# ------------------------------------------------------------------------------------------------
# date_for
# ------------------------------------------------------------------------------------------------
DATE_FOR = [
    # (text, trigger word (normalised), nth, expected date, precision, background)
    ("شنت طائرات التحالف ظهر أمس غارات على مدينة عتق.", "غارات", 0, D(2015, 8, 6), 1, False),
    ("قصفت فصائل المعارضة بلدة نبل الاثنين.", "قصفت", 0, D(2015, 8, 3), 1, False),
    ("قتل 4 من حراس المنشأة بقصف صاروخي على بلدة الحويجة.", "بقصف", 0, P, 2, False),
    ("وقالت الشرطة أمس الخميس إن الغارات قتلت 6 مسلحين.", "الغارات", 0, D(2015, 8, 6), 2, False),
    ("ذكرت وكالة الأنباء أمس أن الجيش سيطر على الدوار.", "سيطر", 0, D(2015, 8, 6), 2, False),
    ("انفجرت عبوة ناسفة صباح اليوم في بغداد. وأسفر الانفجار عن مقتل شخصين.", "الانفجار", 0, P, 1, False),
    ("وكانت القوات الحكومية شنت مطلع الشهر الماضي هجوما على بلدة الرطبة.", "هجوما", 0, D(2015, 7, 15), 3, True),
    ("وفي الأسبوع الماضي استعاد الجيش معظم أحياء المدينة.", "استعاد", 0, D(2015, 7, 31), 2, False),
    ("وذلك أواخر أيام عام 2004 حين استهدفت سيارة مفخخة مبنى البلدية.", "استهدفت", 0, D(2004, 12, 15), 3, True),
    ("كما اعتقلت الشرطة أمين الصندوق في 29 أبريل الماضي.", "اعتقلت", 0, D(2015, 4, 29), 1, True),
    ("عادت الشرطة لتعتقل ثلاثة من المحتجين في منتصف يوليو (تموز) الماضي.", "لتعتقل", 0, D(2015, 7, 15), 2, True),
    # clause first: the date of the other clause is not used
    ("تظاهر المئات أمس في المدينة، بينما اعتقلت الشرطة ناشطين الأحد.", "تظاهر", 0, D(2015, 8, 6), 1, False),
    ("تظاهر المئات أمس في المدينة، بينما اعتقلت الشرطة ناشطين الأحد.", "اعتقلت", 0, D(2015, 8, 2), 1, False),
    # an earlier sentence of the same paragraph
    ("تقدمت القوات فجر الأحد نحو المدينة. واندلعت مواجهات عنيفة في محيطها.", "مواجهات", 0, D(2015, 8, 2), 1, False),
    # but not an earlier paragraph
    ("تقدمت القوات فجر الأحد نحو المدينة.\nواندلعت مواجهات عنيفة في بلدة أخرى.", "مواجهات", 0, P, 2, False),
    # the next sentence when it carries on the report
    ("نفذ المسلحون هجوما على المعسكر. وأضاف أن المسلحين بدأوا هجومهم ظهر أول من أمس.", "هجوما", 0,
     D(2015, 8, 5), 1, False),
    # the more precise date of a clause wins over a vague one
    ("سعت الكتيبة فجر الأحد إلى استعادة تلال فقدتها في الأيام القليلة الماضية", "استعاده", 0, D(2015, 8, 2), 1, False),
]


@pytest.mark.parametrize("text, word, nth, expected, precision, background", DATE_FOR)
def test_date_for(text, word, nth, expected, precision, background):
    doc = make_doc(text)
    find_dates(doc)
    trig, sent = trigger_at(doc, word, nth)
    got = date_for(doc, trig, sent)
    assert isinstance(got, EventDate)
    assert (got.date, got.precision, got.background) == (expected, precision, background), got.reason


def test_date_for_recent_month_is_not_background():
    doc = make_doc("عادت الشرطة لتعتقل ثلاثة من المحتجين في منتصف يوليو (تموز) الحالي.", D(2015, 7, 24))
    find_dates(doc)
    trig, sent = trigger_at(doc, "لتعتقل")
    got = date_for(doc, trig, sent)
    assert (got.date, got.precision, got.background) == (D(2015, 7, 15), 2, False)


def test_date_for_fallback_and_unknown():
    doc = make_doc("انفجرت عبوة ناسفة في بغداد.")
    find_dates(doc)
    trig, sent = trigger_at(doc, "عبوه")
    got = date_for(doc, trig, sent)
    assert (got.date, got.precision, got.start, got.end) == (P, 2, None, None)
    assert "publication" in got.reason

    doc = make_doc("انفجرت عبوة ناسفة أمس في بغداد.", published=None)
    find_dates(doc)
    trig, sent = trigger_at(doc, "عبوه")
    got = date_for(doc, trig, sent)
    assert got.date is None

    doc = make_doc("انفجرت عبوة ناسفة في 3 أيلول 2020 في بغداد.", published=None)
    find_dates(doc)
    trig, sent = trigger_at(doc, "عبوه")
    assert date_for(doc, trig, sent).date == D(2020, 9, 3)


def test_date_for_evidence_span():
    doc = make_doc("شنت طائرات التحالف ظهر أمس غارات على مدينة عتق.")
    find_dates(doc)
    trig, sent = trigger_at(doc, "غارات")
    got = date_for(doc, trig, sent)
    assert doc.original_text(got.start, got.end) == "ظهر أمس"


def test_find_dates_reads_publication_date_from_dateline():
    doc = make_doc("بغداد - 3 أيلول 2020\nانفجرت عبوة ناسفة أمس في بغداد.", published=None)
    find_dates(doc)
    assert doc.published == D(2020, 9, 3)
    assert doc.published_source == "dateline"
    trig, sent = trigger_at(doc, "عبوه")
    assert date_for(doc, trig, sent).date == D(2020, 9, 2)


# ------------------------------------------------------------------------------------------------
# publication_date
# ------------------------------------------------------------------------------------------------
PUBLICATION = [
    ({"html": '<html><head><meta property="article:published_time" content="2020-09-03T10:00:00+03:00">'
              "</head></html>"}, D(2020, 9, 3), "html-meta"),
    ({"html": "<meta content='2019-01-05' name='pubdate'/>"}, D(2019, 1, 5), "html-meta"),
    ({"html": '<meta itemprop="datePublished" content="2018-12-31">'}, D(2018, 12, 31), "html-meta"),
    ({"html": '<meta name="date" content="Thu, 03 Sep 2020 10:00:00 GMT">'}, D(2020, 9, 3), "html-meta"),
    ({"html": '<meta name="date" content="2001-01-01"><meta property="article:published_time" '
              'content="2020-09-03">'}, D(2020, 9, 3), "html-meta"),
    ({"html": '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
              '"2021-03-04T08:00:00Z"}</script>'}, D(2021, 3, 4), "json-ld"),
    ({"html": '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
              '{"@type": "NewsArticle", "datePublished": "2021-03-05"}]}</script>'}, D(2021, 3, 5), "json-ld"),
    ({"html": '<p>نص</p><time datetime="2017-06-01T12:00">1 حزيران</time>'}, D(2017, 6, 1), "time-tag"),
    ({"html": "<footer>© 2020</footer>"}, None, ""),
    ({"text": "بغداد - 3 أيلول 2020\nقال مصدر أمني إن..."}, D(2020, 9, 3), "dateline"),
    ({"text": "الرياض ٣/٩/٢٠٢٠ (واس) - أعلنت وزارة الداخلية..."}, D(2020, 9, 3), "dateline"),
    ({"text": "السبت 15 شوال 1436 هـ - 1 أغسطس 2015 م\nنص الخبر"}, D(2015, 8, 1), "dateline"),
    ({"text": "الأحد 16 شوال 1436 هـ\nنص الخبر"}, D(2015, 8, 2), "dateline"),
    ({"text": "نص طويل " * 80 + "\nتاريخ النشر: 12 آب 2019"}, D(2019, 8, 12), "dateline"),
    ({"text": "قال مصدر أمني أمس إن عبوة انفجرت. © 2020"}, None, ""),
    ({"text": "وقع الهجوم عام 2004 في الرياض."}, None, ""),
    ({}, None, ""),
]


@pytest.mark.parametrize("kwargs, expected, source", PUBLICATION)
def test_publication_date(kwargs, expected, source):
    assert publication_date(**kwargs) == (expected, source)


def test_html_preferred_to_dateline():
    got = publication_date(html='<meta property="article:published_time" content="2020-09-03">',
                           text="بغداد - 1 أيلول 2020\n...")
    assert got == (D(2020, 9, 3), "html-meta")


def test_future_dates_do_not_date_events():
    doc = make_doc("أعلن التنظيم أنه سينظم مظاهرة غدا في بغداد.")
    find_dates(doc)
    trig, sent = trigger_at(doc, "مظاهره")
    got = date_for(doc, trig, sent)
    assert (got.date, got.precision) == (P, 2)
