"""A Hijri day and the weekday the writer names beside it; a month or weekday name glued to a number.

The tabular Islamic calendar that rasd computes runs a day or two from the one Saudi papers print (Umm
al-Qura) and from a sighted new moon; the weekday the writer names does not. So a Hijri day told right after
its weekday ("أمس الجمعة الموافق 15/10/1436هـ", "يوم الخميس الماضي 21 شوال 1436هـ", "الجمعة 15 شوال")
takes that weekday's date when the two lie within two days; farther apart, or with no weekday, the
arithmetic stands. Sentences written for these tests (Eastern Arabic digits, tatweel, diacritics, clitics).
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from rasd.dates import find_dates, find_in_text, hijri_on_weekday, hijri_to_gregorian, rules_date_for
from rasd.doc import Document
from rasd.segment import segment
from rasd.text import normalize

D = dt.date
SAT = D(2015, 8, 1)    # Saturday 1 August 2015; 15 Shawwal 1436 is Friday 31 July by Umm al-Qura
SAT2 = D(2015, 8, 8)   # Saturday 8 August 2015; 21 Shawwal 1436 is Thursday 6 August by Umm al-Qura


def _hijri(text: str, published: dt.date) -> list[tuple[str, dt.date]]:
    return [(d.text, d.date) for d in find_in_text(normalize(text).text, published) if d.kind == "hijri"]


def test_the_tabular_calendar_is_a_day_after_umm_al_qura_here():
    # what the tests below rely on: the arithmetic puts 15 and 21 Shawwal 1436 on a Saturday and a Friday
    assert hijri_to_gregorian(1436, 10, 15) == D(2015, 8, 1)
    assert hijri_to_gregorian(1436, 10, 21) == D(2015, 8, 7)


@pytest.mark.parametrize("text, published, expected", [
    # "yesterday Friday, that is 15/10/1436": Friday
    ("صرّح المتحدث الأمني بأنه عند الساعة العاشرة من صباح أمس الجمعة الموافق 15 / 10 / 1436هـ تعرض مركز حدودي "
     "لقذائف", SAT, D(2015, 7, 31)),
    # Eastern Arabic digits, tatweel in the era
    ("تعرّضت دورية مساندة صباح أمس الجمعة الموافق ١٥/١٠/١٤٣٦هــ لمقذوف عسكري", SAT, D(2015, 7, 31)),
    # the weekday with "الماضي" and a Hijri month name right after it
    ("عاشت البلاد فجيعة كبرى يوم الخميس الماضي 21 شوال 1436 هـ حين فجّر انتحاري نفسه في مسجد", SAT2,
     D(2015, 8, 6)),
    # the weekday in brackets, the clitic و before it
    ("وفي يوم الخميس (٢١ شوال ١٤٣٦هـ) هاجم مسلحون نقطة تفتيش", SAT2, D(2015, 8, 6)),
    # the weekday in front of the day and month (one phrase)
    ("وقع الانفجار الجمعة 15 شوال 1436هـ قرب السوق", SAT, D(2015, 7, 31)),
    # a weekday on the other side of the tabular day: Sunday, one day after it
    ("أعلنت الوزارة أن الهجوم وقع يوم الأحد 15 شوال 1436هـ", D(2015, 8, 3), D(2015, 8, 2)),
])
def test_a_hijri_day_takes_the_weekday_named_beside_it(text, published, expected):
    found = _hijri(text, published)
    assert found and found[-1][1] == expected, found


@pytest.mark.parametrize("text, published, expected", [
    # no weekday: the arithmetic stands
    ("وقع الانفجار في 15 شوال 1436هـ قرب السوق", SAT, D(2015, 8, 1)),
    # a weekday three days away from the tabular day is not this day's: the arithmetic stands
    ("اجتمع المجلس الثلاثاء وناقش هجوم 21 شوال 1436هـ على المسجد", SAT2, D(2015, 8, 7)),
    # a weekday further back in the sentence, with words between: not the Hijri day's weekday
    ("قال المتحدث أمس الجمعة إن المحكمة ستنظر في القضية المرفوعة منذ 15 / 10 / 1436هـ", SAT, D(2015, 8, 1)),
])
def test_a_hijri_day_without_its_weekday_keeps_the_arithmetic(text, published, expected):
    found = _hijri(text, published)
    assert found and found[-1][1] == expected, found


@pytest.mark.parametrize("date, weekday, expected", [
    (D(2015, 8, 1), 4, D(2015, 7, 31)),   # Friday, the day before
    (D(2015, 8, 1), 6, D(2015, 8, 2)),    # Sunday, the day after
    (D(2015, 8, 1), 5, D(2015, 8, 1)),    # the same weekday
    (D(2015, 8, 1), 1, D(2015, 8, 1)),    # Tuesday: three days away, unchanged
])
def test_hijri_on_weekday(date, weekday, expected):
    assert hijri_on_weekday(date, weekday) == expected


def test_an_event_is_dated_by_the_weekday_beside_its_hijri_day():
    """End to end through the rules: the shelling is dated Friday (the weekday), not Saturday (the tabular
    day), and the publication day (Saturday) is not taken either."""
    text = ("صرح المتحدث الأمني بوزارة الداخلية بأنه عند الساعة التاسعة من صباح أمس الجمعة الموافق ١٥ / ١٠ / "
            "١٤٣٦ هـ تعرضت دورية لقذائف عسكرية من داخل الأراضي اليمنية.")
    doc = Document(text, published=SAT)
    segment(doc)
    find_dates(doc)
    pos = doc.norm.text.index("قذايف")
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
    trigger = SimpleNamespace(start=pos, end=pos + 5, sentence=index, event_type="Explosions/Remote violence",
                              sub_event_type="Shelling/artillery/missile attack")
    got = rules_date_for(doc, trigger, doc.sentences[index])
    assert got.date == D(2015, 7, 31) and got.precision == 1, got


# -- a name glued to the number after it ---------------------------------------------------------------
@pytest.mark.parametrize("text, published, expected", [
    ("وفي24  آذار/مارس2016  أوقفت الشرطة المشتبه به", D(2018, 6, 20), D(2016, 3, 24)),
    ("اعتُقل الناشط في أيار/مايو٢٠١٧ بعد مظاهرة", D(2018, 6, 20), D(2017, 5, 15)),
    ("وفي جنوب دمشق، قُتل الخميس22  مقاتلا في هجمات مفاجئة", D(2018, 6, 8), D(2018, 6, 7)),
    ("وشنّت الطائرات السبت١٢ غارة على البلدة", D(2018, 6, 10), D(2018, 6, 9)),
])
def test_a_name_glued_to_a_number_still_dates(text, published, expected):
    dates = {d.date for d in find_in_text(normalize(text).text, published)}
    assert expected in dates, dates


@pytest.mark.parametrize("text", [
    "وصل الوفد إلى مارسيليا 2016 لحضور المؤتمر",   # a month name inside a longer word: no month
    "قال الخميسي إن الاجتماع انتهى",               # a weekday inside a name: no weekday
])
def test_a_name_inside_a_longer_word_is_no_date(text):
    assert find_in_text(normalize(text).text, D(2018, 6, 10)) == []
