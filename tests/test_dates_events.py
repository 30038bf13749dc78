"""Which date mention governs an event: its own sentence, the story it carries on, the statement it
reports, or none (then the publication date, precision 2).

The articles are short made-up news items. Triggers and places are given by hand (what the trigger and
place stages would find), so each row tests the dating rule alone; sentences, paragraphs and clauses
come from the real segmenter. Publication date: Friday 7 August 2015 (P).
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from conftest import TYPES, Trig

# These stories pin the rules (rules_date_for); the learned chooser inside date_for is tested in
# tests/test_event_dates.py.
from rasd.dates import find_dates, resolve_date
from rasd.dates import rules_date_for as date_for
from rasd.doc import Document
from rasd.segment import segment

D = dt.date
P = D(2015, 8, 7)





def _find(doc: Document, word: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = doc.norm.text.index(word, pos + 1)
    return pos


def build(text: str, triggers: list[tuple[str, str]], places: list[tuple[str, int]] = (),
          published: dt.date | None = P) -> tuple[Document, list[Trig]]:
    """``triggers``: (normalised word, kind); ``places``: (normalised word, place id), every occurrence."""
    doc = Document(text, published=published)
    segment(doc)
    trigs = []
    seen: dict[str, int] = {}
    for word, kind in triggers:
        nth = seen.get(word, 0)
        seen[word] = nth + 1
        pos = _find(doc, word, nth)
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
        trigs.append(Trig(pos, pos + len(word), index, *TYPES[kind]))
    doc.triggers = trigs
    mentions = []
    for word, pid in places:
        pos = doc.norm.text.find(word)
        while pos >= 0:
            mentions.append(SimpleNamespace(start=pos, end=pos + len(word), text=word,
                                            place=SimpleNamespace(geonameid=pid, name=word, feature="PPL")))
            pos = doc.norm.text.find(word, pos + 1)
    doc.places = sorted(mentions, key=lambda m: m.start)
    find_dates(doc)
    return doc, trigs


STORIES = [
    # (text, triggers, places, index of the trigger to date, expected date, precision)
    # -- its own sentence: the nearest date governs, not the most precise one far away
    ("شهدت البلدة أمس مظاهرة حاشدة تندد باعتقال ناشط في 29 نيسان الماضي.",
     [("مظاهره", "protest"), ("اعتقال", "arrest")], [], 1, D(2015, 4, 29), 1),
    ("شهدت البلدة أمس مظاهرة حاشدة تندد باعتقال ناشط في 29 نيسان الماضي.",
     [("مظاهره", "protest"), ("اعتقال", "arrest")], [], 0, D(2015, 8, 6), 1),
    ("اعتقلت الشرطة أمس ناشطا شارك في مظاهرة منتصف تموز.",
     [("اعتقلت", "arrest"), ("مظاهره", "protest")], [], 1, D(2015, 7, 15), 2),
    # ... but a vague stretch before publication is an aside beside a named day
    ("سعى المهاجمون فجر الأحد إلى استرجاع تلال فقدوها في الأيام القليلة الماضية فاندلعت مواجهات عنيفة.",
     [("مواجهات", "clash")], [], 0, D(2015, 8, 2), 1),
    # -- an earlier incident told as such (كان ... قد) or a vague time of its own: not the story's day
    ("نفذت القوات فجر الخميس حملة اعتقالات في حي النور. وكان مسلحون قد هاجموا الحي بقذائف الهاون.",
     [("اعتقالات", "arrest"), ("قذايف", "shelling")], [], 1, P, 2),
    ("نفذت القوات فجر الخميس حملة اعتقالات في حي النور. وكانت الشرطة اعتقلت مؤخراً خمسة من أقاربهم.",
     [("اعتقالات", "arrest"), ("اعتقلت", "arrest")], [], 1, P, 3),
    ("نفذت القوات فجر الخميس حملة اعتقالات في حي النور. واعتقلت الشرطة في الآونة الأخيرة خمسة آخرين.",
     [("اعتقالات", "arrest"), ("اعتقلت", "arrest")], [], 1, P, 3),
    # -- the sentence before, across a paragraph break: the same kind of event told on, a day named there
    ("نفذت القوات الأمنية فجر الخميس حملة اعتقالات في حي النور.\nواعتقلت القوات خلال الحملة ١٢ مشتبها.",
     [("اعتقالات", "arrest"), ("اعتقلت", "arrest")], [], 1, D(2015, 8, 6), 1),
    ("اندلعت اشتباكات عنيفة ليل الثلاثاء عند أطراف البلدة.\nوتمكن المسلحون من السيطرة على تلة مشرفة.",
     [("اشتباكات", "clash"), ("السيطره", "takeover")], [], 1, D(2015, 8, 4), 1),
    # ... not a different kind of event
    ("نفذت القوات الأمنية فجر الخميس حملة اعتقالات في حي النور.\nوسقطت قذائف هاون على سوق المدينة.",
     [("اعتقالات", "arrest"), ("قذايف", "shelling")], [], 1, P, 2),
    # ... not after a new topic ("وفي ...", "على صعيد آخر", "كما")
    ("نفذت القوات الأمنية فجر الخميس حملة اعتقالات في حي النور.\nوفي مدينة أخرى اعتقلت الشرطة ثلاثة أشخاص.",
     [("اعتقالات", "arrest"), ("اعتقلت", "arrest")], [], 1, P, 2),
    ("نفذت القوات الأمنية فجر الخميس حملة اعتقالات في حي النور.\nعلى صعيد آخر، اعتقلت الشرطة ثلاثة أشخاص.",
     [("اعتقالات", "arrest"), ("اعتقلت", "arrest")], [], 1, P, 2),
    # ... and not a week or a month named there: too loose to carry over
    ("في الأسبوع الماضي سيطر الجيش على البلدة.\nونقلت وكالة عن مسؤول أن القتال مستمر قرب المطار.",
     [("سيطر", "regain"), ("القتال", "clash")], [], 1, P, 2),
    # -- the lead: an event of its kind at a place it names ...
    ("اندلعت اشتباكات عنيفة أمس في مدينة تلعفر.\nوأعلن مسؤول أن الوضع تحت السيطرة.\n"
     "وتجددت المعارك في محيط تلعفر.",
     [("اشتباكات", "clash"), ("المعارك", "clash")], [("تلعفر", 1)], 1, D(2015, 8, 6), 1),
    # ... or "like" those it tells of
    ("تظاهر الآلاف أمس في العاصمة احتجاجا على انقطاع الكهرباء.\nورفع المحتجون لافتات تطالب بالإصلاح.\n"
     "وخرجت مسيرات مماثلة في الناصرية والعمارة.",
     [("تظاهر", "protest"), ("مسيرات", "protest")], [], 1, D(2015, 8, 6), 1),
    # ... but not another kind of event at that place
    ("اندلعت اشتباكات عنيفة أمس في مدينة تلعفر.\nوأعلن مسؤول أن الوضع تحت السيطرة.\n"
     "ونفذت الشرطة حملة اعتقالات في تلعفر.",
     [("اشتباكات", "clash"), ("اعتقالات", "arrest")], [("تلعفر", 1)], 1, P, 2),
    # ... nor the same kind elsewhere
    ("اندلعت اشتباكات عنيفة أمس في مدينة تلعفر.\nوأعلن مسؤول أن الوضع تحت السيطرة.\n"
     "ودارت معارك في ناحية أخرى.",
     [("اشتباكات", "clash"), ("معارك", "clash")], [("تلعفر", 1)], 1, P, 2),
    # -- the next sentence, when it carries on the report (a reporting verb, an event word that refers back)
    ("شن المسلحون هجوما واسعا على نقطة التفتيش.\nوأضاف المصدر أن هذا الهجوم بدأ فجر أمس.",
     [("هجوما", "clash"), ("الهجوم", "clash")], [], 0, D(2015, 8, 6), 1),
    ("ألقت المروحيات براميل متفجرة على البلدة.\nوبينما قال ناشطون إن الغارات مستمرة، ذكرت وكالة رسمية أمس أن "
     "الجيش تقدم.",
     [("براميل", "air"), ("الغارات", "air")], [], 0, D(2015, 8, 6), 2),
    # ... not when it tells of another event
    ("شن المسلحون هجوما واسعا على نقطة التفتيش.\nوأضاف المصدر أن طائرة قصفت أمس موقعا آخر.",
     [("هجوما", "clash"), ("قصفت", "air")], [], 0, P, 2),
    # -- the statement a sentence goes on with ("..., مشيرة إلى أن ...") dates what it reports
    ("وأوضحت المديرية في بيان أمس أن عبوة انفجرت بدورية.\nفي المقابل، فجر خبراء المتفجرات عبوتين وجدوهما، "
     "مشيرة إلى أن مجهولين زرعوهما قرب الجسر.",
     [("عبوه", "ied"), ("عبوتين", "disrupted")], [], 1, D(2015, 8, 6), 2),
    # -- "since": the start of an ongoing situation, not the day of what is reported now ...
    ("تتواصل المعركة التي يخوضها الجيش في البلدة منذ حوالي شهرين.", [("المعركه", "clash")], [], 0, P, 2),
    ("ألقى قيادي كلمة أمام المتظاهرين في المدينة التي يسيطر عليها التنظيم منذ 2 نيسان الماضي.",
     [("المتظاهرين", "protest")], [], 0, P, 2),
    # ... except for the state it began: a takeover
    ("ألقى قيادي كلمة أمام المتظاهرين في المدينة التي سيطر عليها التنظيم منذ 2 نيسان الماضي.",
     [("سيطر", "takeover")], [], 0, D(2015, 4, 2), 1),
    # ... and a recent "since" is the day it began, week precision
    ("تتعرض البلدتان لقصف متواصل منذ الاثنين.", [("قصف", "shelling")], [], 0, D(2015, 8, 3), 2),
    # -- a plan never dates an event; nothing else: the publication date
    ("اعتقلت الشرطة ثلاثة مطلوبين، على أن يمثلوا أمام القضاء الأسبوع المقبل.", [("اعتقلت", "arrest")], [], 0,
     P, 2),
]


@pytest.mark.parametrize("text, triggers, places, which, expected, precision", STORIES)
def test_which_date_governs(text, triggers, places, which, expected, precision):
    doc, trigs = build(text, triggers, places)
    t = trigs[which]
    got = date_for(doc, t, doc.sentences[t.sentence])
    assert (got.date, got.precision) == (expected, precision), got.reason


def test_inherited_date_points_at_its_evidence():
    doc, trigs = build("نفذت القوات الأمنية فجر الخميس حملة اعتقالات في حي النور.\nواعتقلت القوات 12 مشتبها.",
                       [("اعتقالات", "arrest"), ("اعتقلت", "arrest")])
    got = date_for(doc, trigs[1], doc.sentences[trigs[1].sentence])
    assert doc.original_text(got.start, got.end) == "فجر الخميس"
    assert got.reason.startswith("story") and got.inherited
    own = date_for(doc, trigs[0], doc.sentences[trigs[0].sentence])
    assert own.date == got.date and not own.inherited


def test_no_publication_date_no_invented_date():
    doc, trigs = build("اندلعت اشتباكات عنيفة أمس في البلدة.\nوتجددت المعارك في محيطها.",
                       [("اشتباكات", "clash"), ("المعارك", "clash")], published=None)
    for t in trigs:
        got = date_for(doc, t, doc.sentences[t.sentence])
        assert got.date is None and got.precision == 3
        assert "no publication date" in got.reason


@pytest.mark.parametrize("phrase, expected", [
    ("منذ أسابيع", (D(2015, 7, 17), 3)),        # a plural: three weeks at least
    ("قبل أسابيع", (D(2015, 7, 17), 3)),
    ("منذ أشهر", (D(2015, 5, 15), 3)),
    ("قبل عدة أشهر", (D(2015, 5, 15), 3)),       # "several": read as the plural
    ("منذ سنوات", None),                         # for years: no datable point
    ("قبل أيام", (D(2015, 8, 4), 2)),
])
def test_plural_periods_ago(phrase, expected):
    assert resolve_date(phrase, P) == expected
