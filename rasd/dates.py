"""Stage: dates. Find date expressions, resolve them against the publication date, date each event.

What is read (all on ``doc.norm.text``, the normalised text; spans are its offsets):

* absolute dates: ``3 أيلول 2020``, ``٣/٩/٢٠٢٠`` (the normaliser gives ASCII digits), ``2020-09-03``,
  ``الثالث من سبتمبر``, paired names ``19 آب/ أغسطس``, ``يوليو (تموز)``, Levantine/Iraqi, Egyptian/Gulf
  and Maghrebi month names, a weekday in front (``الخميس 3 أيلول``); a day and month without a year
  take the year that puts them nearest the publication date;
* Hijri dates (``15 رمضان 1436 هـ``, ``1436/10/15هـ``), converted with the tabular (arithmetic) Islamic
  calendar, which agrees with Umm al-Qura to within a day or two: no external table is needed; a weekday
  written beside the Hijri day ("أمس الجمعة الموافق 15/10/1436هـ") settles which of those days it is;
* relative expressions: ``اليوم``, ``أمس``, ``أول أمس``, ``الليلة الماضية``, ``فجر اليوم``, ``مساء الأحد``,
  ``يوم الجمعة`` (the latest Friday on or before publication), ``أمس الخميس`` (yesterday; when the
  weekday disagrees with the publication date, the weekday nearest to "yesterday" wins: republished
  copies keep the original wording), ``ليل الأحد الاثنين`` (the night from one day to the next: the
  first day), ``الليلة قبل الماضية``, ``الأسبوع الماضي``, ``الشهر الماضي``, ``مطلع الشهر الماضي``,
  ``نهاية العام الماضي``, ``قبل يومين``, ``منذ الاثنين``, ``في وقت سابق اليوم``, ``خلال الساعات الماضية``,
  ``خلال الـ48 ساعة``;
* months and years alone: ``في شهر مايو (أيار) الماضي``, ``منتصف يوليو``, ``أواخر عام 2004``;
* the day of the mention before: ``في اليوم ذاته``, ``مساء اليوم نفسه``, ``في الشهر نفسه``;
* a number glued to its clitic or preposition (the tokenizer splits it off): ``و12 آب``, ``الـ29 من تموز``.

A text that names "today" or "yesterday" with a weekday a day or two before publication's ("اليوم السبت"
in a paper published on Sunday) was written that day: its bare ``أمس``/``اليوم`` count from it, and so
does an undated event. A "today" glossed in brackets by an earlier day ("اختطفت اليوم (أمس)": a paper
printing wire copy a day late) is that earlier day.

Precision is ACLED's ``time_precision``: 1 the day is known; 2 only the week (±3 days); 3 only the
month, dated on the 15th (a year alone: 15 January / 1 July / 15 December for its start / middle / end).
Conventions of the project's gold set: "last week" is publication minus 7 days, precision 2; "last
month" and "early last month" the 15th of that month, precision 3; "mid-July" the 15th, precision 2;
"since Monday" is Monday with precision 2; an event whose sentence has no date cue gets the publication
date with precision 2; a date that belongs to a statement ("قالت الشرطة أمس إن ...") dates the event
with precision 2 (so does one after an attribution, "بحسب ما أفاد المرصد الخميس"); a stretch counted
from another day ("قبل يومين من الانتخابات") is no date; a vague "since" stretch ("منذ أيام") does not
date an event. An event told as the one before the frame of its sentence ("غداة X", "بعد يومين من X") is
counted back from the frame's day; one told as going on when reported ("تتواصل الاشتباكات", "يتظاهرون")
is the publication day; one dated only by the statement that reports it takes the day its next sentence
gives an event of its type (the statement's day or the day before, or a date written out in full in the
two weeks before). A date after publication (a plan: "غدا", "الأسبوع المقبل") never dates an event. Where
the event's own words give no date, a model learned from hand-coded news (:mod:`rasd.learn.event_dates`)
re-reads the publication-day fallback (:func:`date_for`).
An event dated more than ``BACKGROUND_DAYS`` (14) days before publication, or in an earlier year named
alone ("عام 2004"), is retrospective: ``EventDate.background``.

Vocabulary lives in ``rasd/data/dates/*.yaml`` (curated, with sources), compiled by
``scripts/build_date_lexicon.py`` into ``lexicon.json``. Matching is driven by the document's tokens:
only a token that can start a date expression runs the (precompiled, anchored) patterns.
"""
from __future__ import annotations

import bisect
import datetime as dt
import email.utils
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Iterable

from .doc import starting_in
from .text import normalize, tokenize
from .words import alternation, word_lists, word_values

if TYPE_CHECKING:  # pragma: no cover
    from .doc import Document, Sentence

LEXICON_PATH = Path(__file__).parent / "data" / "dates" / "lexicon.json"
# the word lists of this module (rasd/data/dates/words.tsv: curated, normalised; see rasd.words)
WORDS_PATH = Path(__file__).parent / "data" / "dates" / "words.tsv"
_LISTS = word_lists(WORDS_PATH)

KINDS = ("absolute", "relative", "weekday", "month", "year", "hijri")
BACKGROUND_DAYS = 14  # an event dated more than this many days before publication is retrospective


@dataclass(slots=True)
class DateMention:
    """A date expression in the text, resolved. ``start``/``end`` are offsets into ``doc.norm.text``."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: int
    kind: str  # 'absolute', 'relative', 'weekday', 'month', 'year', 'hijri'


@dataclass(slots=True)
class EventDate:
    """The date of one event and why: ``start``/``end`` of the date mention used (None when the
    publication date stood in), ``reason`` in words, ``background`` when it is retrospective."""

    date: dt.date | None
    precision: int
    start: int | None
    end: int | None
    reason: str
    background: bool = False
    inherited: bool = False  # the date was read in another sentence (the paragraph, the story, the next one)


# --------------------------------------------------------------------------------------------
# Calendar arithmetic
# --------------------------------------------------------------------------------------------
# Tabular Islamic calendar (civil epoch 16 July 622 Julian = R.D. 227015, leap years 2, 5, 7, 10,
# 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle), after Reingold & Dershowitz, Calendrical
# Calculations. Python's date.toordinal() is the same R.D. count.
ISLAMIC_EPOCH = 227015


def hijri_leap(year: int) -> bool:
    return (14 + 11 * year) % 30 < 11


def hijri_month_length(year: int, month: int) -> int:
    if month == 12:
        return 30 if hijri_leap(year) else 29
    return 30 if month % 2 == 1 else 29


def _fixed_from_hijri(year: int, month: int, day: int) -> int:
    return (ISLAMIC_EPOCH - 1 + (year - 1) * 354 + (3 + 11 * year) // 30
            + 29 * (month - 1) + month // 2 + day)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """A Hijri date (tabular calendar) -> the Gregorian date. Day 30 of a 29-day month is the
    next day (observed months sometimes have a 30th where the table has 29). Raises ValueError for
    a month outside 1-12, a day outside 1-30, or a date outside Python's calendar (years 1-9999)."""
    if year < 1 or not 1 <= month <= 12 or not 1 <= day <= 30:
        raise ValueError(f"bad Hijri date {year}-{month}-{day}")
    fixed = _fixed_from_hijri(year, month, day)
    if not 1 <= fixed <= dt.date.max.toordinal():
        raise ValueError(f"Hijri date {year}-{month}-{day} is outside the Gregorian calendar's range")
    return dt.date.fromordinal(fixed)


def _hijri_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return hijri_to_gregorian(year, month, day)
    except ValueError:
        return None


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int]:
    """A Gregorian date -> ``(year, month, day)`` of the tabular Hijri calendar."""
    fixed = date.toordinal()
    year = (30 * (fixed - ISLAMIC_EPOCH) + 10646) // 10631
    prior = fixed - _fixed_from_hijri(year, 1, 1)
    month = min(12, (11 * prior + 330) // 325)
    day = fixed - _fixed_from_hijri(year, month, 1) + 1
    return year, month, day


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months, across year ends."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def mid_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, 15)


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def hijri_on_weekday(date: dt.date, weekday: int) -> dt.date:
    """A Hijri day converted by the tabular calendar (``date``) moved to the weekday the text names
    beside it ("الجمعة الموافق 15/10/1436هـ", "يوم الخميس الماضي 21 شوال 1436هـ") when that weekday
    lies within two days of it: the calendar in use (Umm al-Qura, a sighted new moon) runs a day or two
    from the tabular one, the weekday does not (on train.jsonl the two Saudi papers that wrote a weekday
    beside a Hijri day were both one day off). Farther than that the weekday is of something else: the
    date stays."""
    for delta in (0, -1, 1, -2, 2):
        try:
            near = date + dt.timedelta(days=delta)
        except OverflowError:
            continue
        if near.weekday() == weekday:
            return near
    return date


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Lexicon and grammar
# --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    with open(LEXICON_PATH, encoding="utf-8") as handle:
        return json.load(handle)


def _alt(phrases: Iterable[str]) -> str:
    """A regex alternation of normalised phrases, longest first, spaces matching runs of spaces."""
    items = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join("[ ]+".join(re.escape(w) for w in p.split()) for p in items) + ")"


SP, OSP, EOW = r"[ ]+", r"[ ]*", r"(?![^\W\d])"  # a word ends before a space, a sign or a digit ("مارس2016")

# Words before a day-month that make it a name, not a date: "قوى 14 آذار", "شارع 14 رمضان", "حي واحد حزيران".
_NAME_BEFORE = frozenset(_LISTS["name_before"])
# Words before اليوم that make it not "today".
_NOT_TODAY_AFTER = frozenset(_LISTS["not_today_after"])
# "في مثل هذا اليوم": on this day (of a past year), an anniversary; the year after it, written or counted back.
_ANNIVERSARY = re.compile(r"\bمثل\s+(?:هذا\s+)?$")
_ANNIVERSARY_YEAR = re.compile(r"\s+(?:من\s+)?(?:ال)?عام\s+(\d{4})\b")
_ANNIVERSARY_AGO = re.compile(r"\s+قبل\s+(\d{1,3})\s+(?:" + alternation(_LISTS["years_ago_units"]) + r")\b")
# "قبل يومين من الانتخابات", "منذ أيام على": a stretch counted from another day than publication.
_FROM_RE = re.compile(r"[ ]+(?:من(?![ ]+الان(?!\w))|علي)(?!\w)")
# Words before a weekday that make it a name: "سوق الخميس" (towns and districts named after their market day).
_WEEKDAY_NAME_BEFORE = frozenset(_LISTS["weekday_name_before"])
# "قبل الماضي" after a weekday, week, month or year: the one before the last.
_BEFORE_LAST_RE = re.compile(r"[ ]+قبل[ ]+(?:" + alternation(_LISTS["before_last"], "[ ]+") + r")(?!\w)")
# A night told bare ("وقتل ليلا", "خلال الليل"): last night, unless a day or an hour is named before it.
_BARE_NIGHTS = frozenset(_LISTS["bare_nights"])
_NIGHT_OF = frozenset(_LISTS["night_of"])
# Words before a bare month name that make it a month ("في أيلول", "منذ حزيران").
_MONTH_INTRO = frozenset(_LISTS["month_intro"])


class _Grammar:
    """Compiled patterns and the first-word dispatch table (built once per process)."""

    def __init__(self) -> None:
        lx = lexicon()
        self.lx = lx
        self.months: dict[str, tuple[int, str, bool]] = {k: tuple(v) for k, v in lx["months"].items()}
        self.weekdays: dict[str, int] = lx["weekdays"]
        self.ordinals: dict[str, int] = lx["ordinals"]
        self.reldays: dict[str, int] = lx["relative_days"]
        self.periods: dict[str, str] = lx["periods"]
        self.qualifiers: dict[str, str] = {**lx["qualifiers"], **lx["dual_qualifiers"]}
        self.pnouns: dict[str, str] = lx["period_nouns"]
        self.units: dict[str, list] = lx["units"]
        self.small: dict[str, Any] = lx["small_numbers"]
        self.eras: dict[str, str] = lx["eras"]
        self.today_not_before = frozenset(lx["today_not_before"])
        self.report_that = frozenset(lx["report_that"])
        self.labels = lx["published_labels"]

        WD, MON, ORD = _alt(self.weekdays), _alt(self.months), _alt(self.ordinals)
        QUAL, ERA, PERIOD = _alt(self.qualifiers), _alt(self.eras), _alt(self.periods)
        PART, REL, PNOUN = _alt(lx["day_parts"]), _alt(self.reldays), _alt(self.pnouns)
        UNIT, SMALL = _alt(self.units), _alt(self.small)
        pair = rf"(?:{OSP}(?:[/\-(]{OSP})?(?P<m2>{MON}){EOW}(?:{OSP}\))?)?"
        # the year written ("مارس 2017", "3 مايو من عام 2016") or told ("أبريل من العام الماضي",
        # "الثالث من مايو من هذا العام")
        year = (rf"(?:[ ,]*(?:-{OSP})?(?:من{SP})?(?:(?:عام|العام|سنه|السنه){SP})?(?P<yy>\d{{4}})(?!\d)"
                rf"(?:{OSP}(?P<era>{ERA}){EOW})?"
                rf"|{SP}من{SP}(?:(?P<ythis>هذا|هذه){SP}(?:العام|السنه)|(?:العام|السنه){SP}(?P<yq>{QUAL})){EOW})?")
        qual = rf"(?:{SP}(?P<q>{QUAL}){EOW})?"
        day = rf"(?:(?P<dd>\d{{1,2}})(?!\d)|(?P<dord>{ORD}){EOW})"
        period = rf"(?:(?P<period>{PERIOD}){EOW}{SP}(?:ايام{SP})?)?"
        c = re.compile
        self.patterns: dict[str, re.Pattern[str]] = {
            "daymonth": c(rf"(?:(?P<wd>{WD}){EOW}[ ,]*(?:-{OSP})?(?:الموافق{SP})?)?{day}(?:{SP}من)?"
                          rf"(?:{SP}شهر)?{OSP}(?P<m1>{MON}){EOW}{pair}{year}{qual}"),
            "month": c(rf"{period}(?:(?P<shahr>شهر|شهري){SP})?(?P<m1>{MON}){EOW}{pair}{year}{qual}"),
            "numeric": c(rf"(?P<a>\d{{1,4}}){OSP}(?P<sep>[/.\-]){OSP}(?P<b>\d{{1,2}}){OSP}(?P=sep){OSP}"
                         rf"(?P<c>\d{{1,4}})(?!\d)(?:{OSP}(?P<era>{ERA}){EOW})?"),
            "weekday": c(rf"(?:(?P<part>{PART}){SP}(?:من{SP})?)?(?:(?:يوم|نهار){SP})?(?P<wd>{WD}){EOW}{qual}"),
            # the night from one day to the next: "ليل الأحد الاثنين", "ليلة الثلاثاء - الأربعاء"
            "nightpair": c(rf"(?P<part>(?:منتصف{SP})?(?:ليل|ليله)){SP}(?:(?:يوم|نهار){SP})?(?P<wd>{WD}){EOW}"
                           rf"{OSP}(?:[-/–]|الي|علي|و)?{OSP}(?P<wd2>{WD}){EOW}"),
            # "أمس الخميس", "اليوم، الأحد", "أمس (الأحد)"
            "relday": c(rf"(?:(?P<part>{PART}){SP}(?:من{SP})?(?:يوم{SP})?)?(?P<rel>{REL}){EOW}"
                        rf"(?:[ ,]*(?:\({OSP})?(?:يوم{SP})?(?P<wd>{WD}){EOW}(?:{OSP}\))?)?"),
            "periodrel": c(rf"{period}(?:(?P<this>هذا|هذه){SP})?(?P<noun>{PNOUN}){EOW}{qual}"),
            "ago": c(rf"(?P<ago>قبل|منذ){SP}(?:(?:نحو|حوالي|قرابه|زهاء|اكثر{SP}من|ما{SP}يقارب){SP})?"
                     rf"(?:(?P<n>\d{{1,3}}|{SMALL}){EOW}{SP})?(?P<unit>{UNIT}){EOW}(?![ ]*\d)"),
            "hours": c(rf"(?:(?P<pre>خلال|منذ|طيله|طوال|مدار){SP})?(?:ال{OSP})?"
                       rf"(?P<h>\d{{1,3}}){OSP}(?:ساعه|ساعات){EOW}"
                       rf"(?:{SP}(?P<q>الماضيه|الاخيره|المنصرمه|السابقه|الفائته){EOW})?"),
            "year": c(rf"{period}(?:عام|العام|سنه|السنه|عامي){SP}(?P<yy>\d{{4}})(?!\d)"
                      rf"(?:{OSP}(?P<era>{ERA}){EOW})?"),
            "yearera": c(rf"(?P<yy>\d{{4}}){OSP}(?P<era>{ERA}){EOW}"),
            "dayrelmonth": c(rf"{day}(?:{SP}من)?{SP}(?:(?P<this>هذا){SP}الشهر|الشهر(?:{SP}(?P<q>{QUAL}))?){EOW}"),
            # "في اليوم ذاته", "مساء اليوم نفسه", "في الشهر نفسه": the day (month, year) of the mention before
            "same": c(rf"(?:(?P<part>{PART}){SP}(?:من{SP})?)?(?P<unit>اليوم|الليله|الشهر|العام|السنه){SP}"
                      rf"(?:ذاته|نفسه|ذاتها|نفسها){EOW}"),
        }

        def firsts(*tables: Iterable[str]) -> set[str]:
            return {p.split()[0] for t in tables for p in t}

        digit = {"#d"}
        starts: dict[str, set[str]] = {
            "daymonth": firsts(self.weekdays, self.ordinals) | digit,
            "month": firsts(self.periods, self.months) | {"شهر", "شهري"},
            "numeric": digit,
            "weekday": firsts(lx["day_parts"], self.weekdays) | {"يوم", "نهار"},
            "nightpair": {"ليل", "ليله", "منتصف"},
            "relday": firsts(lx["day_parts"], self.reldays),
            "periodrel": firsts(self.periods, self.pnouns) | {"هذا", "هذه"},
            "ago": {"قبل", "منذ"},
            "hours": {"خلال", "منذ", "طيله", "طوال", "مدار", "ال"} | digit,
            "year": firsts(self.periods) | {"عام", "العام", "سنه", "السنه", "عامي"},
            "yearera": digit,
            "dayrelmonth": firsts(self.ordinals) | digit,
        }
        self.dispatch: dict[str, tuple[str, ...]] = {}
        # "same" is not dispatched by token: it is looked for (one scan) only in a text that says ذات/نفس
        for branch, words in starts.items():
            for word in words:
                self.dispatch[word] = self.dispatch.get(word, ()) + (branch,)


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    return _Grammar()


@lru_cache(maxsize=65_536)
def _forms(word: str) -> tuple[tuple[str, int], ...]:
    """A token and its readings without proclitics: ``(form, chars_stripped)``."""
    out = [(word, 0)]
    rest, k = word, 0
    if len(rest) > 2 and rest[0] in "وف":
        rest, k = rest[1:], 1
        out.append((rest, k))
    if len(rest) > 2 and rest[0] in "بلك":
        out.append((rest[1:], k + 1))
    return tuple(out)


_START_CACHE: dict[str, tuple] = {}
_UNSEEN = object()  # a word not in _START_CACHE yet (truthy, as the patterns of a word are; () is not)


def _starts(word: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The patterns a token can start: ``((chars_stripped, branches), ...)``; () for most words."""
    dispatch = grammar().dispatch
    if word[0].isdigit():
        return ((0, dispatch["#d"]),)
    out = []
    for form, k in _forms(word):
        branches = dispatch.get(form)
        if branches:
            out.append((k, branches))
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Resolvers: one per pattern; each returns (date, precision, kind) or None
# --------------------------------------------------------------------------------------------
Resolved = tuple[dt.date, int, str]


# A day and month named without a year lie ahead of publication only when this near: news tells what
# happened, so "في الأول من تشرين الثاني" in a June paper is last November, not the coming one.
AHEAD_DAYS = 60


def _nearest_year_date(month: int, day: int, pub: dt.date, q: str | None) -> dt.date | None:
    """The date with this month and day nearest ``pub`` (ties: the past), a date ahead of it only within
    ``AHEAD_DAYS``; 'past' -> before pub, 'next' -> after pub."""
    best: dt.date | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        cand = _safe_date(year, month, day)
        if cand is None:
            continue
        if q == "past" and cand >= pub or q == "next" and cand <= pub:
            continue
        if q != "next" and (cand - pub).days > AHEAD_DAYS:
            continue
        if best is None or (abs((cand - pub).days), cand > pub) < (abs((best - pub).days), best > pub):
            best = cand
    return best


def _hijri_nearest(month: int, day: int, pub: dt.date, q: str | None) -> dt.date | None:
    hy = gregorian_to_hijri(pub)[0]
    best: dt.date | None = None
    for year in (hy - 1, hy, hy + 1):
        cand = _hijri_or_none(year, month, day)
        if cand is None:
            continue
        if q == "past" and cand >= pub or q == "next" and cand <= pub:
            continue
        if best is None or (abs((cand - pub).days), cand > pub) < (abs((best - pub).days), best > pub):
            best = cand
    return best


def _month_year(month: int, pub: dt.date, q: str | None) -> int:
    """The year of a month named without one: 'past' -> the latest such month before this one,
    'current' -> this year, 'next' -> the next one, none -> this year unless the month is still ahead."""
    if q == "past":
        return pub.year if month < pub.month else pub.year - 1
    if q == "next":
        return pub.year if month > pub.month else pub.year + 1
    if q == "current":
        return pub.year
    return pub.year if month <= pub.month else pub.year - 1


def _cap(date: dt.date, pub: dt.date | None, same_period: bool) -> dt.date:
    """A mid-period date of the current month/year is not put after publication."""
    if pub is not None and same_period and date > pub:
        return pub
    return date


def _year_date(year: int, period: str | None) -> dt.date:
    if period == "early":
        return dt.date(year, 1, 15)
    if period == "late":
        return dt.date(year, 12, 15)
    return dt.date(year, 7, 1)


class _Resolver:
    def __init__(self, g: _Grammar, text: str, pub: dt.date | None):
        self.g, self.text, self.pub = g, text, pub

    # helpers ----------------------------------------------------------------------------------
    def _qual(self, m: re.Match[str]) -> str | None:
        q = m.groupdict().get("q")
        return self.g.qualifiers.get(" ".join(q.split())) if q else None

    def _before_last(self, m: re.Match[str]) -> bool:
        """The match is followed by "قبل الماضي" ("الأحد قبل الماضي", "الأسبوع قبل الماضي"): the one
        before the last."""
        return m.groupdict().get("q") is None and _BEFORE_LAST_RE.match(self.text, m.end()) is not None

    def _period(self, m: re.Match[str]) -> str | None:
        p = m.groupdict().get("period")
        return self.g.periods.get(" ".join(p.split())) if p else None

    def _month(self, m: re.Match[str]) -> tuple[int, str, bool, bool]:
        """(month, calendar, ambiguous, paired) of m1, checking that a paired m2 agrees."""
        month, cal, amb = self.g.months[" ".join(m.group("m1").split())]
        m2 = m.groupdict().get("m2")
        paired = False
        if m2:
            month2, cal2, _ = self.g.months[" ".join(m2.split())]
            paired = month2 == month and cal2 == cal
        return month, cal, amb, paired

    def _day(self, m: re.Match[str]) -> int | None:
        if m.group("dd"):
            d = int(m.group("dd"))
        else:
            d = self.g.ordinals[" ".join(m.group("dord").split())]
        return d if 1 <= d <= 31 else None

    def _told_year(self, m: re.Match[str], calendar: str) -> int | None:
        """The year told relative to publication after a month: "من العام الماضي" (the year before),
        "من العام الجاري", "من هذا العام" (this one); None when none is told or no publication date."""
        groups = m.groupdict()
        if self.pub is None or not (groups.get("ythis") or groups.get("yq")):
            return None
        this = self.pub.year if calendar != "hijri" else gregorian_to_hijri(self.pub)[0]
        q = self.g.qualifiers.get(" ".join(groups["yq"].split())) if groups.get("yq") else "current"
        return {"past": this - 1, "current": this, "next": this + 1}.get(q or "", None)

    def _era(self, m: re.Match[str]) -> str | None:
        e = m.groupdict().get("era")
        return self.g.eras.get(e) if e else None

    def _year_ok(self, year: int, calendar: str, alone: bool = False) -> bool:
        """A plausible year; a year standing alone ("عام 2030") may not lie after next year."""
        if calendar == "hijri":
            return 1300 <= year <= 1500
        top = self.pub.year + 1 if self.pub and alone else 2100
        return 1900 <= year <= top

    def _word_before(self, start: int) -> frozenset[str]:
        """The word before ``start`` in all its readings (with and without proclitics)."""
        words = _WORD_RE.findall(self.text[max(0, start - 24):start])
        return frozenset(f for f, _ in _forms(words[-1])) if words else frozenset()

    def _names_a_day_before(self, start: int) -> bool:
        """The word before ``start`` names a day or an hour ("الخميس", "20 اذار", "الساعة 10")."""
        before = self._word_before(start)
        return bool(before & _NIGHT_OF) or any(w in self.g.weekdays or w in self.g.months or w.isdigit()
                                               for w in before)

    # branches ---------------------------------------------------------------------------------
    def daymonth(self, m: re.Match[str]) -> Resolved | None:
        day = self._day(m)
        if day is None:
            return None
        month, cal, _, paired = self._month(m)
        era = self._era(m)
        yy = int(m.group("yy")) if m.group("yy") and (paired or not m.group("m2")) else None
        q = self._qual(m)
        told = self._told_year(m, cal)
        if told is not None:
            if cal == "hijri":
                date = _hijri_or_none(told, month, day) if day <= 30 else None
                return (date, 1, "hijri") if date else None
            date = _safe_date(told, month, day)
            return (date, 1, "absolute") if date else None
        if yy is not None and era and era != cal:
            return None
        if cal == "hijri":
            if day > 30:
                return None  # "31 رمضان": no Hijri month has a 31st
            if yy is not None:
                if not self._year_ok(yy, "hijri"):
                    return None
                date = _hijri_or_none(yy, month, day)
            elif self.pub is None:
                return None
            else:
                date = _hijri_nearest(month, day, self.pub, q)
            if date is not None and m.group("wd"):
                date = hijri_on_weekday(date, self.g.weekdays[m.group("wd")])
            return (date, 1, "hijri") if date else None
        if yy is not None:
            if not self._year_ok(yy, "gregorian"):
                return None
            date = _safe_date(yy, month, day)
            return (date, 1, "absolute") if date else None
        if self.pub is None:
            return None
        date = _nearest_year_date(month, day, self.pub, q)
        return (date, 1, "absolute") if date else None

    def month(self, m: re.Match[str]) -> Resolved | None:
        month, cal, amb, paired = self._month(m)
        yy = int(m.group("yy")) if m.group("yy") and (paired or not m.group("m2")) else None
        q, period = self._qual(m), self._period(m)
        told = self._told_year(m, cal)
        if told is not None:
            precision = 2 if period == "mid" else 3
            if cal == "hijri":
                date = _hijri_or_none(told, month, 15)
                return (date, precision, "hijri") if date else None
            return _cap(mid_month(told, month), self.pub, told == self.pub.year and month == self.pub.month), \
                precision, "month"
        if amb and not (m.group("shahr") or yy or q or paired or period):
            return None
        if not amb and not (m.group("shahr") or yy or q or paired or period):
            if not self._word_before(m.start()) & _MONTH_INTRO:
                return None
        precision = 2 if period == "mid" else 3
        if cal == "hijri":
            if yy is not None:
                if not self._year_ok(yy, "hijri"):
                    return None
                return hijri_to_gregorian(yy, month, 15), precision, "hijri"
            if self.pub is None:
                return None
            hy, hm, _ = gregorian_to_hijri(self.pub)
            if q == "past":
                year = hy if month < hm else hy - 1
            elif q == "next":
                year = hy if month > hm else hy + 1
            else:
                year = hy if month <= hm else hy - 1
            date = hijri_to_gregorian(year, month, 15)
            return _cap(date, self.pub, year == hy and month == hm), precision, "hijri"
        if yy is not None:
            if not self._year_ok(yy, "gregorian"):
                return None
            return _cap(mid_month(yy, month), self.pub, False), precision, "month"
        if self.pub is None:
            return None
        year = _month_year(month, self.pub, q)
        same = year == self.pub.year and month == self.pub.month
        return _cap(mid_month(year, month), self.pub, same), precision, "month"

    def numeric(self, m: re.Match[str]) -> Resolved | None:
        a, b, c = m.group("a"), m.group("b"), m.group("c")
        era = self._era(m)
        if len(a) == 4 and len(c) <= 2:
            year, month, day = int(a), int(b), int(c)
        elif len(a) <= 2 and len(c) in (2, 4):
            day, month, year = int(a), int(b), int(c)
            if len(c) == 2:
                if era == "hijri":
                    return None
                base = self.pub.year if self.pub else 2000  # never the wall clock
                year += 2000 if abs(2000 + year - base) <= abs(1900 + year - base) else 1900
            if month > 12 and day <= 12:
                day, month = month, day
        else:
            return None
        if m.group("sep") == "." and len(c) == 2:
            return None  # "3.9.20": too easily a version or a score
        if era == "hijri" or (era is None and 1300 <= year <= 1500):
            if not (1 <= month <= 12 and 1 <= day <= 30 and self._year_ok(year, "hijri")):
                return None
            return hijri_to_gregorian(year, month, day), 1, "hijri"
        if not self._year_ok(year, "gregorian"):
            return None
        date = _safe_date(year, month, day)
        return (date, 1, "absolute") if date else None

    def _weekday_near(self, weekday: int, anchor: dt.date) -> dt.date:
        """The date with this weekday nearest ``anchor`` and not after publication (ties: earlier)."""
        assert self.pub is not None
        back = anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
        fwd = back + dt.timedelta(days=7)
        if fwd <= self.pub and (fwd - anchor).days < (anchor - back).days:
            return fwd
        return back

    def weekday(self, m: re.Match[str]) -> Resolved | None:
        if self.pub is None:
            return None
        wd = self.g.weekdays[m.group("wd")]
        before = self._word_before(m.start())
        if before & {"بين", "كلا"} and m.group("wd") == "الاثنين":
            return None
        if before & _WEEKDAY_NAME_BEFORE and not m.group("part"):
            return None  # "سوق الخميس", "وصولا إلى مستوصف سوق الخميس": a place named after a market day
        q = self._qual(m)
        if self._before_last(m):
            date = weekday_on_or_before(self.pub - dt.timedelta(days=8), wd)
        elif q == "past":
            date = weekday_on_or_before(self.pub - dt.timedelta(days=1), wd)
        elif q == "next":
            date = weekday_on_or_before(self.pub + dt.timedelta(days=7), wd)
        else:
            date = weekday_on_or_before(self.pub, wd)
        precision = 2 if "منذ" in before else 1
        return date, precision, "weekday"

    def nightpair(self, m: re.Match[str]) -> Resolved | None:
        """The night from one day to the next is dated by the first day ("ليل الأحد الاثنين": Sunday),
        the latest such night whose morning is not after publication."""
        if self.pub is None:
            return None
        wd, wd2 = self.g.weekdays[m.group("wd")], self.g.weekdays[m.group("wd2")]
        if (wd2 - wd) % 7 != 1:
            return None
        return weekday_on_or_before(self.pub, wd2) - dt.timedelta(days=1), 1, "weekday"

    def _anniversary(self, end: int) -> Resolved | None:
        """"في مثل هذا اليوم من عام 1998" is this day and month of 1998 (an anniversary, not today);
        "في مثل هذا اليوم قبل 20 عاما" twenty years back; with no year told it names no day."""
        after = self.text[end:end + 40]
        year = _ANNIVERSARY_YEAR.match(after)
        if year:
            date = _safe_date(int(year.group(1)), self.pub.month, self.pub.day)
        else:
            ago = _ANNIVERSARY_AGO.match(after)
            years = int(ago.group(1)) if ago else 0
            date = _safe_date(self.pub.year - years, self.pub.month, self.pub.day) if years else None
        return (date, 1, "relative") if date and date < self.pub else None

    def relday(self, m: re.Match[str]) -> Resolved | None:
        if self.pub is None:
            return None
        rel = " ".join(m.group("rel").split())
        if rel == "اليوم" and not m.group("wd") and not m.group("part"):
            after = _SPACED_WORD_RE.match(self.text[m.end():m.end() + 24])
            if after and after.group(1) in self.g.today_not_before:
                return None
            if self._word_before(m.start()) & _NOT_TODAY_AFTER:
                return None  # "حتى اليوم": until now, not a day; "روسيا اليوم", "المصري اليوم": names
        if rel in ("اليوم", "هذا اليوم") and _ANNIVERSARY.search(self.text, max(0, m.start() - 14), m.start()):
            return self._anniversary(m.end())
        if rel in _BARE_NIGHTS and not m.group("wd") and self._names_a_day_before(m.start()):
            return None  # "الخميس ليلا", "في الساعة العاشرة ليلا": the night of the day named, not last night
        anchor = self.pub + dt.timedelta(days=self.g.reldays[rel])
        if m.group("wd"):
            date = self._weekday_near(self.g.weekdays[m.group("wd")], anchor) if anchor <= self.pub else anchor
        else:
            date = anchor
        return date, 1, "relative"

    def periodrel(self, m: re.Match[str]) -> Resolved | None:
        if self.pub is None:
            return None
        pub = self.pub
        noun = self.g.pnouns[" ".join(m.group("noun").split())]
        q, period = self._qual(m), self._period(m)
        if m.group("this"):
            q = "current"
        if q is None and not period and self._before_last(m):
            # "الأسبوع قبل الماضي": two weeks back (week precision); the month or year before the last
            if noun == "week":
                return pub - dt.timedelta(days=14), 2, "relative"
            if noun == "month":
                y, mo = add_months(pub.year, pub.month, -2)
                return mid_month(y, mo), 3, "relative"
            if noun == "year":
                return _year_date(pub.year - 2, None), 3, "relative"
            return None
        if q is None and period and noun in ("month", "year", "week"):
            q = "current"
        if q is None:
            return None
        if noun == "week" and period and q in ("past", "current"):
            # "مطلع الأسبوع": its Monday; "منتصف الأسبوع الماضي": its Wednesday; "أواخر الأسبوع": its
            # Thursday (never after publication)
            ref = pub - dt.timedelta(days=7 if q == "past" else 0)
            monday = ref - dt.timedelta(days=ref.weekday())
            day = monday + dt.timedelta(days={"early": 0, "mid": 2, "late": 3}.get(period, 0))
            return min(day, pub), 2, "relative"
        if noun in ("week", "fortnight"):
            if q == "past":
                return pub - dt.timedelta(days=7), 2, "relative"
            if q == "current":
                return pub, 2, "relative"
            return pub + dt.timedelta(days=7), 2, "relative"
        if noun == "two_days" and q == "past":
            return pub - dt.timedelta(days=1), 2, "relative"
        if noun == "days" and q == "past":
            # "خلال الأيام الماضية": a stretch that runs to the report; on train.jsonl the coders dated its
            # events by the publication day (3 of 5) or the day before (2), never two days before
            return pub, 2, "relative"
        if noun == "hours" and q == "past":
            return pub, 2, "relative"
        precision = 2 if period == "mid" else 3
        if noun == "month":
            delta = {"past": -1, "current": 0, "next": 1}[q]
            y, mo = add_months(pub.year, pub.month, delta)
            return _cap(mid_month(y, mo), pub, delta == 0), precision, "relative"
        if noun == "year":
            delta = {"past": -1, "current": 0, "next": 1}[q]
            return _cap(_year_date(pub.year + delta, period), pub, delta == 0), 3, "relative"
        return None

    def ago(self, m: re.Match[str]) -> Resolved | None:
        if self.pub is None:
            return None
        if _FROM_RE.match(self.text, m.end()):
            return None  # "قبل يومين من الانتخابات": counted from another day, not from publication
        pub = self.pub
        unit, implied = self.g.units[m.group("unit")]
        n: Any = implied
        if m.group("n"):
            raw = m.group("n")
            n = int(raw) if raw.isdigit() else self.g.small[" ".join(raw.split())]
        if n == "few":
            n = None
        if n is None:  # "قبل أيام", "منذ أسابيع": a plural means three at least
            if unit == "day":
                return pub - dt.timedelta(days=3), 2, "relative"
            if unit == "hour":
                return pub, 1, "relative"
            if unit == "week":
                return pub - dt.timedelta(days=21), 3, "relative"
            if unit == "month":
                y, mo = add_months(pub.year, pub.month, -3)
                return mid_month(y, mo), 3, "relative"
            return None  # "منذ سنوات": for years, no datable point
        if n <= 0:
            return None
        if unit == "hour":
            return pub - dt.timedelta(days=n // 24), 1 if n < 24 else 2, "relative"
        if unit == "day":
            return pub - dt.timedelta(days=n), 1, "relative"
        if unit == "week":
            return pub - dt.timedelta(days=7 * n), 2, "relative"
        if unit == "month":
            y, mo = add_months(pub.year, pub.month, -n)
            return mid_month(y, mo), 3, "relative"
        if unit == "year":
            return dt.date(pub.year - n, 7, 1), 3, "relative"
        return None

    def hours(self, m: re.Match[str]) -> Resolved | None:
        if self.pub is None or not (m.group("pre") or m.group("q")):
            return None
        h = int(m.group("h"))
        if not 1 <= h <= 240:
            return None
        return self.pub - dt.timedelta(days=h // 48), 2, "relative"

    def year(self, m: re.Match[str]) -> Resolved | None:
        yy, era, period = int(m.group("yy")), self._era(m), self._period(m)
        if era == "hijri":
            if not self._year_ok(yy, "hijri"):
                return None
            month = {"early": 1, "late": 12}.get(period or "", 7)
            return hijri_to_gregorian(yy, month, 1 if month == 7 else 15), 3, "hijri"
        if not self._year_ok(yy, "gregorian", alone=True):
            return None
        same = self.pub is not None and yy == self.pub.year
        return _cap(_year_date(yy, period), self.pub, same), 3, "year"

    yearera = year

    def same(self, m: re.Match[str]) -> Resolved | None:
        """A placeholder: :func:`_same_as_before` gives it the date of the mention before it."""
        if self.pub is None:
            return None
        precision = 1 if m.group("unit") in ("اليوم", "الليله") else 3
        return self.pub, precision, "same"

    def dayrelmonth(self, m: re.Match[str]) -> Resolved | None:
        if self.pub is None:
            return None
        day = self._day(m)
        q = "current" if m.group("this") else (self._qual(m) or "current")
        if day is None:
            return None
        delta = {"past": -1, "current": 0, "next": 1}[q]
        y, mo = add_months(self.pub.year, self.pub.month, delta)
        date = _safe_date(y, mo, day)
        return (date, 1, "relative") if date else None


# --------------------------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------------------------
def _scan(text: str, tokens, pub: dt.date | None, facts: dict[str, Any] | None = None,
          texts: list[str] | None = None) -> list[DateMention]:
    """``texts``: the tokens' texts, when the caller has them (``Document.token_texts()``)."""
    g = grammar()
    resolver = _Resolver(g, text, pub)
    patterns = g.patterns
    found: list[tuple[int, int, str, re.Match[str]]] = []
    cache = _START_CACHE
    if texts is None:
        texts = [tok.text for tok in tokens]
    # each token's patterns from the cache in one C-level pass (_UNSEEN: a word not read yet); the loop
    # below runs only at the few tokens that start a pattern (the others' entry, (), is falsy)
    got = list(map(cache.get, texts, repeat(_UNSEEN)))
    for i in compress(range(len(got)), got):
        hits = got[i]
        if hits is _UNSEEN:
            word = texts[i]
            hits = _starts(word)
            if len(cache) < 200_000:
                cache[word] = hits
            if not hits:
                continue
        start = tokens[i].start
        for k, branches in hits:
            pos = start + k
            for branch in branches:
                m = patterns[branch].match(text, pos)
                if m and m.end() > pos:
                    found.append((m.start(), m.end(), branch, m))
    if "ذاته" in text or "نفسه" in text:  # also ذاتها, نفسها
        found.extend(_same_spans(g, text))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    # Kept spans never overlap, so sorted by start they are sorted by end too: a new span overlaps
    # one of them only if it overlaps its neighbours in that order (O(log n) a check, not O(n)).
    starts: list[int] = []
    ends: list[int] = []
    mentions: list[DateMention] = []
    relative: list[tuple[DateMention, re.Match[str]]] = []
    same = False
    for start, end, branch, m in found:
        at = bisect.bisect_right(starts, start)
        if at > 0 and ends[at - 1] > start or at < len(starts) and starts[at] < end:
            continue
        try:
            resolved = getattr(resolver, branch)(m)
        except (ValueError, OverflowError):
            # Arithmetic past the calendar's ends (published 0001-01-01 or 9999-12-31): the date is
            # unknown, and the span stays taken so that a shorter reading inside it ("امس" in
            # "اول امس") does not stand in for it.
            starts.insert(at, start)
            ends.insert(at, end)
            continue
        if resolved is None:
            continue
        if branch in ("daymonth", "dayrelmonth") and resolver._word_before(start) & _NAME_BEFORE:
            continue
        date, precision, kind = resolved
        starts.insert(at, start)
        ends.insert(at, end)
        mention = DateMention(start, end, text[start:end], date, precision, kind)
        mentions.append(mention)
        if branch == "relday" and pub is not None:
            relative.append((mention, m))
        same = same or branch == "same"
    if relative:
        shift = _writing_day(g, relative, pub)
        if shift and facts is not None:
            facts["rasd.dates.written"] = shift
    mentions.sort(key=lambda d: d.start)
    if "(" in text and relative:
        _glossed_today(text, mentions)
    if same:
        mentions = _same_as_before(mentions)
    if any(d.kind == "hijri" for d in mentions):
        _hijri_beside_weekday(g, text, mentions)
    return mentions


# "اليوم (أمس)": an opening bracket, nothing else, between a "today" and the day that glosses it
_GLOSS_GAP_RE = re.compile(r"[ ]*\([ ]*")


def _glossed_today(text: str, mentions: list[DateMention]) -> None:
    """"اختطفت اليوم (أمس)", "فجر اليوم (أمس السبت)": a paper that prints wire copy a day late glosses the
    wire's "today" with its own "yesterday" in brackets; the day in brackets is the one meant, and the
    "today" before it takes its date (on train.jsonl two glosses, in aawsat and aljazirah: the aawsat event
    was dated a day late without it). Only a "today" glossed by an earlier day: "اليوم (الاثنين)" is read
    whole by the grammar."""
    for a, b in zip(mentions, mentions[1:]):
        if a.kind != "relative" or b.kind != "relative" or b.date >= a.date:
            continue
        if not a.text.endswith("اليوم") or not (b.text.startswith("امس") or b.text.startswith("اول امس")):
            continue
        if _GLOSS_GAP_RE.fullmatch(text, a.end, b.start):
            a.date, a.precision = b.date, b.precision


# between a day told by its weekday and the Hijri date that follows it: "الموافق", a comma, brackets
_HIJRI_GAP_RE = re.compile(r"[ ,()\-–]*(?:(?:" + alternation(_LISTS["hijri_gloss"], "[ ]+") + r")[ ]*(?:ل)?)?[ ,()\-–]*")


def _hijri_beside_weekday(g: _Grammar, text: str, mentions: list[DateMention]) -> None:
    """A Hijri day right after the day it names by its weekday ("صباح أمس الجمعة الموافق 15/10/1436هـ",
    "يوم الخميس الماضي 21 شوال 1436 هـ") takes that weekday's date when the two lie within two days
    (:func:`hijri_on_weekday`): the weekday is told by the writer, the Hijri day converted by arithmetic."""
    for i in range(1, len(mentions)):
        d, before = mentions[i], mentions[i - 1]
        if d.kind != "hijri" or d.precision != 1 or before.precision != 1 or d.date == before.date:
            continue
        if before.kind not in ("weekday", "relative") or not _HIJRI_GAP_RE.fullmatch(text, before.end, d.start):
            continue
        named = [g.weekdays[w] for w in before.text.split() if w in g.weekdays]
        if named and named[-1] == before.date.weekday() and hijri_on_weekday(d.date, named[-1]) == before.date:
            d.date = before.date


_UNIT_BEFORE_RE = re.compile(r"(?:" + alternation(_LISTS["unit_before"], "[ ]+") + r")[ ]+$")
_SAME_CLITICS = frozenset(("", "و", "ف", "ب", "ل", "وب", "فب", "ول", "فل"))
_WORD_BEFORE_RE = re.compile(r"(\w+)[ ]+(?:من[ ]+)?$")


def _same_spans(g: _Grammar, text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """The "same" mentions ("في اليوم ذاته", "مساء اليوم نفسه", "بالشهر نفسه"), found from their ذاته/نفسه
    (str.find), not by a pattern tried at every اليوم."""
    out = []
    same = g.patterns["same"]
    parts = g.lx["day_parts"]
    for word in ("ذاته", "نفسه"):  # also ذاتها, نفسها
        at = text.find(word)
        while at >= 0:
            unit = _UNIT_BEFORE_RE.search(text, max(0, at - 16), at)
            at = text.find(word, at + 4)
            if unit is None:
                continue
            u = j = unit.start()
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            if text[j:u] not in _SAME_CLITICS:
                continue  # "العام" inside a longer word
            hit = None
            before = _WORD_BEFORE_RE.search(text, max(0, j - 30), j)
            if before:  # a day part before it: "مساء اليوم نفسه"
                for form, k in _forms(before.group(1)):
                    if form in parts:
                        hit = same.match(text, before.start(1) + k)
                        break
            hit = hit or same.match(text, u)
            if hit:
                out.append((hit.start(), hit.end(), "same", hit))
    return out


def _same_as_before(mentions: list[DateMention]) -> list[DateMention]:
    """"في اليوم ذاته", "في الشهر نفسه": the date of the mention before it in the text (a month or a year
    keeps that mention's month or year, dated as such: precision 3), and its kind; dropped when none comes
    before."""
    out: list[DateMention] = []
    for d in mentions:
        if d.kind != "same":
            out.append(d)
            continue
        if not out:
            continue
        before = out[-1]
        if d.precision == 1:
            d.date, d.precision, d.kind = before.date, before.precision, before.kind
        elif d.text.split()[-2] == "الشهر":
            d.date, d.precision, d.kind = mid_month(before.date.year, before.date.month), 3, "month"
        else:
            d.date, d.precision, d.kind = _year_date(before.date.year, None), 3, "year"
        out.append(d)
    return out


def _writing_day(g: _Grammar, relative: list[tuple[DateMention, re.Match[str]]], pub: dt.date) -> int:
    """Bare "أمس", "اليوم", "فجر أمس" counted from the day the text was written, not the publication day,
    when every "اليوم السبت" / "أمس الجمعة" of the text names the weekday of a day or two before the one
    publication gives (a print paper dated the next morning, a copy published a day later): on train.jsonl
    the text's own weekdays disagree so with the publication date in 5 outlets."""
    shifts = set()
    for d, m in relative:
        if m.group("wd"):
            anchor = pub + dt.timedelta(days=g.reldays[" ".join(m.group("rel").split())])
            shifts.add((d.date - anchor).days)
    if len(shifts) != 1:
        return 0
    shift = shifts.pop()
    if shift not in (-1, -2):
        return 0
    for d, m in relative:
        if not m.group("wd"):
            d.date = d.date + dt.timedelta(days=shift)
    return shift


def find_in_text(text: str, published: dt.date | None) -> list[DateMention]:
    """Date mentions of an already-normalised text (offsets into it)."""
    return _scan(text, tokenize(text), published)


def resolve_date(phrase: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    """One date phrase (original or normalised spelling) -> ``(date, precision)``, or None.

    ``resolve_date("أمس الخميس", date(2015, 8, 7)) == (date(2015, 8, 6), 1)``. When the phrase
    holds several, the longest wins."""
    text = normalize(phrase).text
    mentions = find_in_text(text, published)
    if not mentions:
        return None
    best = max(mentions, key=lambda d: (d.end - d.start, -d.start))
    return best.date, best.precision


def find_dates(doc: "Document") -> None:
    """Stage: set ``doc.dates`` (DateMentions sorted by start). When ``doc.published`` is unknown it is
    first looked for in the HTML metadata and the dateline (:func:`publication_date`)."""
    find_publication_date(doc)
    read_dates(doc)


def find_publication_date(doc: "Document") -> None:
    """``doc.published``, where unknown, from the HTML metadata or the dateline (the first half of
    :func:`find_dates`; it is part of an article's result even when no event asks for the dates)."""
    if doc.published is None:
        date, source = publication_date(html=doc.html) if doc.html else (None, "")
        if date is None:
            date, source = _dateline(doc.norm.text)
        if date is not None:
            doc.published, doc.published_source = date, source
            doc.notes.append(f"publication date {date.isoformat()} from {source}")


def read_dates(doc: "Document") -> None:
    """``doc.dates``: the date mentions of the text, resolved against ``doc.published`` (the second half of
    :func:`find_dates`)."""
    doc.user_data.pop("rasd.dates.written", None)
    doc.dates = _scan(doc.norm.text, doc.tokens, doc.published, doc.user_data, doc.token_texts())


# --------------------------------------------------------------------------------------------
# Dating an event
# --------------------------------------------------------------------------------------------
def _clause_of(sentence: "Sentence", pos: int) -> "Sentence":
    for clause in sentence.clauses or ():
        if clause.start <= pos < clause.end:
            return clause
    return sentence


def _mention_memo(doc: "Document") -> dict:
    """Answers about the date mentions (and sentences) of ``doc`` that read only its normalised text and the
    mention (is it a statement's date, the start of a period; a sentence's opening words): kept per article,
    while ``doc.norm`` is the same, for every event word that weighs the same mention asks again (on the news
    corpus most answers were asked before)."""
    store = doc.user_data if isinstance(getattr(doc, "user_data", None), dict) else {}
    memo = store.get("rasd.dates.mention_memo")
    norm = getattr(doc, "norm", None)
    if memo is None or memo[0] is not norm:
        memo = store["rasd.dates.mention_memo"] = (norm, {})
    return memo[1]


def _is_report_date(doc: "Document", mention: DateMention) -> bool:
    """The date of a statement, not of the event: "قالت الشرطة أمس الخميس إن ...", "أعلن الجيش، الأحد، عن
    ...", "بحسب ما أفاد المرصد الاثنين", "وفق ما ذكرت الوكالة، الثلاثاء"."""
    memo = _mention_memo(doc)
    key = ("report", mention.start, mention.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _read_report_date(doc, mention)
    return found


def _read_report_date(doc: "Document", mention: DateMention) -> bool:
    """:func:`_is_report_date`, read from the text."""
    text = doc.norm.text
    word = _FIRST_WORD_RE.match(text, mention.end, mention.end + 16)
    if word and word.group(1) in grammar().report_that:
        return True
    before = _WORD_RE.findall(text, max(0, mention.start - 80), mention.start)
    cut = max(text.rfind(".", max(0, mention.start - 80), mention.start),
              text.rfind("\n", max(0, mention.start - 80), mention.start))
    if cut >= 0:
        before = _WORD_RE.findall(text, cut, mention.start)
    before = before[-8:]
    # attribution: "بحسب ما أفاد المرصد ... الاثنين"
    for k, w in enumerate(before):
        if _bare_word(w) in _ATTRIBUTION and any(_reporting(x) for x in before[k + 1:k + 3]):
            return True
    # a statement verb, its subject, the date, then what it says: "أعلنت وزارة الدفاع، الأحد، عن ..."
    if word and word.group(1) in _STATEMENT_OBJECT and any(_reporting(w) for w in before[-7:]):
        return True
    return False


def _bare_word(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _reporting(word: str) -> bool:
    return any(form in _REPORTING or form in _REPORTING_MORE for form, _ in _forms(word))


# "بحسب ما أفاد", "وفق ما ذكرت", "حسبما أعلن", "نقلا عن": what follows is a source and its date.
_ATTRIBUTION = frozenset(_LISTS["attribution"])
# What a statement verb takes after its date ("أعلن الجيش، الأحد، عن ...", "دعا ...، السبت، إلى ...").
_STATEMENT_OBJECT = frozenset(_LISTS["statement_object"])


def _sentence_index(doc: "Document", trigger: Any, sentence: "Sentence") -> int:
    idx = getattr(trigger, "sentence", -1)
    if isinstance(idx, int) and 0 <= idx < len(doc.sentences) and doc.sentences[idx] is sentence:
        return idx
    for i, s in enumerate(doc.sentences):
        if s is sentence or (s.start == sentence.start and s.end == sentence.end):
            return i
    return idx if isinstance(idx, int) else -1


# Sub-event types whose event is a state that begins on a date: "يسيطر عليها المسلحون منذ 3 آذار"
# dates the takeover; for any other event a "since" date long past is the start of an ongoing
# situation ("المعارك الدائرة منذ أسابيع"), not the day of what is reported now.
_STATE_TYPES = frozenset({"Non-state actor overtakes territory", "Government regains territory",
                          "Headquarters or base established", "Non-violent transfer of territory"})


def _is_since(doc: "Document", mention: DateMention) -> bool:
    """The mention is the start of a period: "منذ 3 آذار", "منذ نحو شهرين"."""
    if mention.text.startswith("منذ"):
        return True
    memo = _mention_memo(doc)
    key = ("since", mention.start, mention.text, mention.kind)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _read_since(doc, mention)
    return found


def _read_since(doc: "Document", mention: DateMention) -> bool:
    """:func:`_is_since` of a mention whose text does not open with منذ, read from the text before it."""
    if mention.kind == "year":
        # "منذ حرب العام 2014", "منذ اندلاع النزاع في العام 2011": the start of what goes on
        words = _WORD_RE.findall(doc.norm.text, max(0, mention.start - 40), mention.start)[-4:]
        return any(w in ("منذ", "ومنذ") for w in words)
    words = _WORD_RE.findall(doc.norm.text[max(0, mention.start - 12):mention.start])
    return bool(words) and words[-1] in ("منذ", "ومنذ")


def _usable(doc: "Document", mentions: list[DateMention], trigger: Any) -> list[DateMention]:
    """Mentions that can date an event: on or before publication (a plan, "غدا", never dates one),
    and not a long-past "since" date of an ongoing situation (unless the event is the state's start)."""
    pub = doc.published
    out = []
    for d in mentions:
        if pub is not None and d.date > pub:
            continue
        if _is_since(doc, d) and getattr(trigger, "sub_event_type", None) not in _STATE_TYPES and (
                pub is not None and (pub - d.date).days > BACKGROUND_DAYS or d.kind == "relative" and d.precision > 1):
            continue  # the start of an ongoing situation: long past, or a vague stretch ("منذ أيام")
        out.append(d)
    return out


_WORD_RE = re.compile(r"\w+")
_SPACED_WORD_RE = re.compile(r"[ ]+(\w+)")  # (compiled once: re.match(pattern, ...) looks it up a call)
_NEAR = 32  # dates weighed on each side of an event in a sentence that holds more than twice as many
_FIRST_WORD_RE = re.compile(r"[ ,]*(\w+)")


def _pick(doc: "Document", mentions: list[DateMention], pos: int,
          trigger: Any = None, nearest: bool = False) -> tuple[DateMention, bool] | None:
    """The date mention that dates an event at ``pos``: event dates before statement dates; then, in
    the event's own sentence (``nearest``), the nearest one (a long sentence that tells of an arrest
    "yesterday" and of another "on 29 April" dates each by its own; a vague stretch before
    publication, "في الأيام القليلة الماضية", yields to a named day); in a sentence the event
    inherits its date from, that sentence's most precise date, then the nearest (its main event's
    day, not a period in an aside). See :func:`_usable` for the mentions that never date an event."""
    if len(mentions) > 2 * _NEAR:
        # a pathological sentence with hundreds of dates: only those nearest the event are weighed
        at = bisect.bisect_left(mentions, pos, key=_START)
        mentions = mentions[max(0, at - _NEAR):at + _NEAR]
    mentions = _usable(doc, mentions, trigger)
    if not mentions:
        return None
    scored = []
    for d in mentions:
        report = _is_report_date(doc, d)
        distance = d.start - pos if d.start >= pos else pos - d.end
        # a vague stretch counted back from publication ("في الأيام القليلة الماضية", "قبل أيام")
        # is an aside beside a day named in the same sentence; so is a year named alone ("منذ حرب
        # عام 2014", "منذ اندلاع النزاع في العام 2011": on train.jsonl none of the 10 events the rules
        # dated by a year beside another date was of that year)
        vague = _vague(d)
        scored.append(((vague, report, distance) if nearest else (report, d.precision, distance), d, report))
    scored.sort(key=lambda t: t[0])
    return scored[0][1], scored[0][2]


def _distance(d: DateMention, pos: int) -> int:
    return d.start - pos if d.start >= pos else pos - d.end


def _vague(d: DateMention) -> bool:
    """A stretch counted back from publication ("الأسبوع الماضي", "قبل أيام") or a year named alone."""
    return d.kind == "relative" and d.precision > 1 or d.kind == "year"


def _background(date: dt.date | None, mention: DateMention | None, pub: dt.date | None) -> bool:
    if date is None or pub is None:
        return False
    if (pub - date).days > BACKGROUND_DAYS:
        return True
    return bool(mention is not None and mention.kind == "year" and date.year < pub.year)


_START = attrgetter("start")  # a mention's start, read in C by the bisections (a lambda a step cost a Python call)


def year_only(edate: "EventDate") -> bool:
    """An earlier incident dated by its year alone ("في عام 2014", "العام الماضي", "أوائل العام الماضي"): a
    past year, its month not known. The spec codes a background incident only with its place and at least
    its month, so such a report is context, not an event to code."""
    if edate.date is None or edate.precision != 3 or not edate.background:
        return False
    if "(year)" in edate.reason:
        return True
    # "العام الماضي", "قبل عامين": a year counted back from publication is dated on the 1st of July
    return "(relative)" in edate.reason and (edate.date.month, edate.date.day) == (7, 1)


def _in(dates: list[DateMention], span: Any) -> list[DateMention]:
    """The mentions inside ``span`` (``dates`` sorted by start, as :func:`find_dates` leaves them)."""
    lo = bisect.bisect_left(dates, span.start, key=_START)
    hi = bisect.bisect_left(dates, span.end, lo, key=_START)
    out = dates[lo:hi]
    while out and out[-1].end > span.end:  # mentions never overlap: only the last can run past the end
        out.pop()
    return out


_LEARNED_DATES: list = []  # rasd.learn.event_dates (which imports this module), imported at the first event


def _learned_dates():
    from .learn import event_dates

    _LEARNED_DATES.append(event_dates)
    return event_dates


def date_for(doc: "Document", trigger: Any, sentence: "Sentence") -> EventDate:
    """The date of the event whose trigger is ``trigger`` (``.start``/``.end``/``.sentence``): the rules'
    (:func:`rules_date_for`), re-read by the learned chooser (:mod:`rasd.learn.event_dates`), which may
    prefer another candidate day (a mention of the sentence, the sentences beside it or the lead; the
    publication day or the day before). ``RASD_LEARNED_DATES=0`` leaves the rules alone."""
    rule = rules_date_for(doc, trigger, sentence)
    event_dates = _LEARNED_DATES[0] if _LEARNED_DATES else _learned_dates()
    if event_dates.USE_MODEL:
        return event_dates.choose(doc, trigger, sentence, rule)
    return rule


def rules_date_for(doc: "Document", trigger: Any, sentence: "Sentence") -> EventDate:
    """The rules' date of the event whose trigger is ``trigger``: :func:`_rules_date` (see there), counted
    back from the day of the sentence's frame when the event is told as the one before it ("غداة X", the
    morning after X: X is the day before; "بعد يومين من X": two days before). See :func:`_counted_back`."""
    got = _rules_date(doc, trigger, sentence)
    if got.date is not None and doc.published is not None and got.date != doc.published:
        verb = _ongoing(doc, trigger, sentence)
        clause = _clause_of(sentence, getattr(trigger, "start", sentence.start))
        if verb and (got.start is None or got.inherited or _since_at(doc, got.start)
                     or clause is not sentence and not clause.start <= got.start < clause.end
                     or verb.startswith("لليوم") and got.precision > 1):
            return EventDate(doc.published, 2, None, None, f"going on when reported ({verb}): publication date, "
                                                            "week precision", False, True)
    if got.start is not None and got.precision == 1 and not got.inherited:
        until = _until_dawn(doc, got)
        if until is not None:
            return until
    if got.start is not None and "date of the statement" in got.reason and not got.inherited:
        told = _told_on(doc, trigger, sentence, got)
        if told is not None:
            return told
        after = _statement_the_day_after(doc, trigger, sentence, got)
        if after is not None:
            return after
    year = _a_year_before(doc, trigger, sentence, got)
    if year is not None:
        return year
    back = _counted_back(doc, trigger, sentence)
    if back is None or got.date is None or got.precision > 2:
        return got  # no date, or a month or a year: days are not counted from it
    cue_start, cue_text, days, exact = back
    if got.start is not None and got.start >= cue_start and got.end <= sentence.end:
        return got  # the day is named after the cue, in the phrase that tells the event: its own day
    try:
        date = got.date - dt.timedelta(days=days)
    except OverflowError:
        return got
    precision = got.precision if exact else max(got.precision, 2)
    return EventDate(date, precision, got.start, got.end,
                     f"{cue_text} ({days} days before): " + got.reason,
                     _background(date, None, doc.published), got.inherited)


# The event an anniversary is told of: "في الذكرى السنوية الأولى لهجوم ...", "في ذكرى مرور عام على مقتل ...",
# "عشية ذكرى مرور عام على ..." (the eve: the anniversary is the day after), "بعد مرور عام على ضربة ..." (about a
# year: the month). The trigger stands in the phrase the cue governs (at most two words after it).
_YEAR_NOUNS = alternation(_LISTS["year_nouns"], "[ ]+")  # عام|سنه
_YEAR_WHOLE = "|".join("[ ]+" + w for w in _LISTS["year_whole"])  # [ ]+واحد|[ ]+كامل
_A_YEAR_BEFORE_RE = re.compile(
    r"(?<!\w)(?:(?P<eve>عشيه[ ]+)?(?:[وفب]|في[ ]+)?(?:ال)?ذكري[ ]+(?:(?:السنويه[ ]+)?الاولي[ ]+(?P<li>لل?)"
    r"|مرور[ ]+(?:" + _YEAR_NOUNS + r")(?:" + _YEAR_WHOLE + r")?[ ]+علي)"
    r"|(?P<after>بعد[ ]+مرور[ ]+(?:" + _YEAR_NOUNS + r")(?:" + _YEAR_WHOLE + r")?[ ]+علي))"
    r"(?P<gap>(?:[ ]+[^\W\d]+){0,2}?)[ ]*$")


def _a_year_before(doc: "Document", trigger: Any, sentence: "Sentence", got: EventDate) -> EventDate | None:
    """The date of an event told as the one whose (first) anniversary the sentence's day is (see
    ``_A_YEAR_BEFORE_RE``): that day, a year back, precision 1; "بعد مرور عام على": its month, a year back,
    precision 3. The sentence's day is the rules' (a day, or the publication day); a day named after the cue,
    in the phrase that tells the event, is the event's own and stands. None when no such cue governs the
    trigger (on train.jsonl 4 outlets tell events so; the gold codes them a year before)."""
    pos = getattr(trigger, "start", None)
    if not isinstance(pos, int) or pos <= sentence.start or got.date is None or got.precision > 2:
        return None
    lo = max(sentence.start, pos - 70)
    window = doc.norm.text[lo:pos]
    if "ذكري" not in window and "مرور" not in window:
        return None
    m = _A_YEAR_BEFORE_RE.search(window)
    if m is None or m.group("li") and m.group("gap"):
        return None  # "الأولى لـ" is glued to the event word it governs
    if got.start is not None and got.start >= lo + m.start() and got.end <= sentence.end:
        return None  # the event's own day, named in the phrase that tells it
    day = got.date + dt.timedelta(days=1) if m.group("eve") else got.date
    try:
        back = day.replace(year=day.year - 1) if (day.month, day.day) != (2, 29) else dt.date(day.year - 1, 2, 28)
    except ValueError:
        return None
    cue = " ".join(m.group(0)[:m.start("gap") - m.start()].split())
    if m.group("after"):
        date = mid_month(back.year, back.month)
        return EventDate(date, 3, got.start, got.end, f"{cue} (a year before, its month): " + got.reason,
                         _background(date, None, doc.published), got.inherited)
    return EventDate(back, 1, got.start, got.end, f"{cue} (a year before): " + got.reason,
                     _background(back, None, doc.published), got.inherited)


_DAWN = frozenset(_LISTS["dawn"])


def _until_dawn(doc: "Document", got: EventDate) -> EventDate | None:
    """An event that went on "until dawn Saturday" ("احتجاجات استمرت حتى ساعات فجر السبت", "حتى صباح أمس")
    began the night before: the day before the dawn named (on train.jsonl 3 events of 2 outlets)."""
    text = doc.norm.text
    before = _WORD_RE.findall(text, max(0, got.start - 16), got.start)
    if not before or before[-1] not in ("حتي", "وحتي", "لغايه"):
        return None
    first = _WORD_RE.match(text, got.start)
    if first is None or first.group(0) not in _DAWN:
        return None
    try:
        date = got.date - dt.timedelta(days=1)
    except OverflowError:
        return None
    return EventDate(date, got.precision, got.start, got.end, "the night before: " + got.reason,
                     _background(date, None, doc.published), got.inherited)


def _told_on(doc: "Document", trigger: Any, sentence: "Sentence", got: EventDate) -> EventDate | None:
    """An event dated only by the day of the statement that reports it ("أعلنت الوزارة، الأحد، أن جنديا قتل
    في اشتباكات ..."), whose next sentence tells an event of its type on a day of its own, not a
    statement's, the statement's day or the day before it ("وبدأت الاشتباكات، مساء الخميس"), or any day of
    the two weeks before it written out in full ("وجاء الاعتقال في عملية خاطفة في 11 أبريل الجاري"): that
    day (on train.jsonl, out of fold, 6 matched events of 4 outlets are dated so, all right, one of them,
    skynews, by a full date; a weekday two days before the statement was wrong for the one event that had
    it). None otherwise."""
    kind = getattr(trigger, "event_type", None)
    idx = _sentence_index(doc, trigger, sentence)
    if not kind or not 0 <= idx < len(doc.sentences) - 1 or got.date is None:
        return None
    nxt = doc.sentences[idx + 1]
    if kind not in _event_types(doc, nxt) or _new_topic(doc, nxt):
        return None
    picked = _pick(doc, _in(doc.dates, nxt), nxt.start, trigger)
    if not picked or picked[1] or picked[0].precision != 1:
        return None
    d = picked[0]
    gap = (got.date - d.date).days
    if not (0 <= gap <= 1 or d.kind == "absolute" and 0 <= gap <= BACKGROUND_DAYS):
        return None
    return _inherited(d, "the event told on (next sentence)", doc.published, exact=True)


def _statement_the_day_after(doc: "Document", trigger: Any, sentence: "Sentence", got: EventDate) -> EventDate | None:
    """An event dated only by the day of a statement about it ("دعت الوزيرة، السبت، إلى تحقيق في مواجهات
    ..."), whose sentence or the next tells the statement as the day after the event, naming it again
    ("وذلك غداة المواجهات", "بعد يومين من الهجوم"): the statement's day less the days counted (see
    :func:`_counted_back`). On train.jsonl one event (alarabia), right. None otherwise."""
    kind = getattr(trigger, "event_type", None)
    idx = _sentence_index(doc, trigger, sentence)
    if not kind or idx < 0 or got.date is None:
        return None
    for s in doc.sentences[idx:idx + 2]:
        for t in _reported(doc, s, trigger):
            if t.event_type != kind or not _refers_back(doc, t):
                continue
            back = _counted_back(doc, t, s)
            if back is None:
                continue
            _, cue, days, exact = back
            try:
                date = got.date - dt.timedelta(days=days)
            except OverflowError:
                return None
            return EventDate(date, 1 if exact else 2, got.start, got.end,
                             f"the statement's day, told as {cue} the event ({days} days before)",
                             _background(date, None, doc.published), got.inherited)
    return None


# Verbs that tell an event going on as the report is written ("وتتواصل الاشتباكات", "تدور اشتباكات", "تحتدم
# المواجهات", "تستمر معارك"), and the event told by an imperfect verb ("يتظاهرون"): the report's day; so does
# "لليوم الثالث على التوالي" in the event's clause, over any date of its own but a day.
_ONGOING_VERBS = frozenset(_LISTS["ongoing_verbs"])


def _ongoing(doc: "Document", trigger: Any, sentence: "Sentence") -> str | None:
    """The verb that tells the trigger's event as going on when reported: the trigger itself or one of
    the two words before it in its clause ("كما تتواصل الاشتباكات", "لا تزال المعارك"); None otherwise."""
    pos, end = getattr(trigger, "start", None), getattr(trigger, "end", None)
    if not isinstance(pos, int) or not isinstance(end, int):
        return None
    clause = _clause_of(sentence, pos)
    text = doc.norm.text
    words = _WORD_RE.findall(text, max(clause.start, pos - 30), pos)[-2:] + _WORD_RE.findall(text, pos, end)[:1]
    for w in words:
        if any(form in _ONGOING_VERBS for form, _ in _forms(w)):
            return w
    # "لليوم الثالث على التوالي" in its clause: the nth day is the report's
    if "التوالي" in text[clause.start:clause.end]:
        m = _NTH_DAY_RE.search(text, clause.start, clause.end)
        if m:
            return m.group(0)
    return None


_NTH_DAY_RE = re.compile(r"(?<!\w)لليوم[ ]+\w+[ ]+(?:علي[ ]+)?التوالي(?!\w)")


def _since_at(doc: "Document", start: int) -> bool:
    """The mention at ``start`` opens a "since" stretch ("منذ صباح أمس")."""
    words = _WORD_RE.findall(doc.norm.text, max(0, start - 12), start)
    return bool(words) and words[-1] in ("منذ", "ومنذ")


# The event told as the one before another day of the text: "غداة X" (the morning after X), "بعد يومين
# (فقط) من X", "بعد 3 أيام على X", "بعد أيام قليلة من X". The trigger stands in the phrase the cue
# governs: at most two words after it, no punctuation between. Days counted: the cue's number (few
# days: 3, week precision).
_COUNT_WORDS = {word: int(n) for word, n in word_values(WORDS_PATH)["count_words"].items()}
_COUNTED_BACK_RE = re.compile(
    r"(?<!\w)[وف]?(?:(?P<ghada>غداه)|بعد[ ]+(?:مرور[ ]+)?(?P<n>يوم(?:[ ]+واحد)?|يومين|(?P<num>\d{1,2}|"
    + alternation(tuple(_COUNT_WORDS)) + r")[ ]+ايام|ايام(?:[ ]+قليله)?|اسبوع(?:[ ]+واحد)?)(?:[ ]+فقط)?[ ]+(?:من|علي))"
    r"(?P<gap>(?:[ ]+[^\W\d]+){0,2}?)[ ]+$")


def _counted_back(doc: "Document", trigger: Any, sentence: "Sentence") -> tuple[int, str, int, bool] | None:
    """``(cue start, cue text, days, exact)`` when the trigger is the event a cue counts back from (see
    ``_COUNTED_BACK_RE``); None otherwise (most events: one search of the 60 characters before it)."""
    pos = getattr(trigger, "start", None)
    if not isinstance(pos, int) or pos <= sentence.start:
        return None
    lo = max(sentence.start, pos - 60)
    window = doc.norm.text[lo:pos]
    if "غداه" not in window and "بعد" not in window:
        return None
    m = _COUNTED_BACK_RE.search(window + " ")
    if m is None:
        return None
    at, cue = lo + m.start(), m.group(0)[:m.start("gap") - m.start()].strip()
    if m.group("ghada"):
        return at, cue, 1, True
    n = m.group("n")
    num = m.group("num")
    if num:
        days = int(num) if num.isdigit() else _COUNT_WORDS[num]
        return (at, cue, days, True) if 1 <= days <= 14 else None
    if n.startswith("يومين"):
        return at, cue, 2, True
    if n.startswith("يوم"):
        return at, cue, 1, True
    if n.startswith("اسبوع"):
        return at, cue, 7, False
    return at, cue, 3, False  # "بعد أيام (قليلة) من": a few days


def _rules_date(doc: "Document", trigger: Any, sentence: "Sentence") -> EventDate:
    """The rules' date of the event whose trigger is ``trigger`` (``.start``/``.end``/``.sentence``).

    In order: the trigger's clause, its sentence, the earlier sentences of the same paragraph (latest
    first), the next sentence when it carries on the report ("وأضاف أن هؤلاء المسلحين بدأوا هجومهم أمس",
    "وبينما قالت مصادر ... إن"), the story the sentence continues (the sentence before it, across a
    paragraph break, when both report events of the same type and the sentence does not open a new
    topic; or the article's lead, when the sentence tells of the lead's place or of "similar" events);
    another telling of the same incident (:func:`_told_before`, :func:`_told_later`); otherwise the
    publication date with precision 2. A date that belongs to a statement
    ("قال ... أمس إن") dates the event with precision 2 at best; an inherited date too, except the day of
    the story a sentence carries on (the sentence before it, the lead), which keeps its own precision."""
    pos = getattr(trigger, "start", sentence.start)
    pub = doc.published
    dates = doc.dates
    clause = _clause_of(sentence, pos)
    scopes: list[tuple[str, list[DateMention]]] = []
    if clause is not sentence:
        scopes.append(("clause", _in(dates, clause)))
    scopes.append(("sentence", _in(dates, sentence)))
    for label, candidates in scopes:
        picked = _pick(doc, candidates, pos, trigger, nearest=True)
        if picked and label == "clause" and _vague(picked[0]):
            # a year alone in the clause ("منذ حرب عام 2014") yields to a day the sentence names; a
            # vague stretch ("الأسبوع الماضي", "قبل أيام") to a day nearer the event that is not a
            # statement's ("أوقفت الشرطة، الأربعاء، المشتبه به في محاولة اغتيال ... الأسبوع الماضي")
            wider = _pick(doc, scopes[-1][1], pos, trigger, nearest=True)
            if wider and not _vague(wider[0]) and (picked[0].kind == "year" or not wider[1] and (
                    _distance(wider[0], pos) < _distance(picked[0], pos))):
                picked, label = wider, "sentence"
        if picked:
            return _event_date(picked[0], picked[1], label, pub)
    vague = _vague_time(doc, sentence)
    if vague:
        if pub is None:
            return EventDate(None, 3, None, None, f"a vague time of its own ({vague}) and no publication date")
        return EventDate(pub, 3, None, None, f"a vague time of its own ({vague}): publication date, "
                                             "month precision", _background(pub, None, pub), inherited=True)
    idx = _sentence_index(doc, trigger, sentence)
    earlier = _told_as_earlier(doc, sentence, pos)
    if idx > 0 and not earlier:
        for j in range(idx - 1, -1, -1):
            prev = doc.sentences[j]
            if prev.paragraph != sentence.paragraph:
                break
            picked = _pick(doc, _in(dates, prev), prev.end, trigger)
            if picked:
                return _event_date(picked[0], picked[1], "paragraph", pub)
    if 0 <= idx < len(doc.sentences) - 1 and _continues(doc, doc.sentences[idx + 1], trigger):
        nxt = doc.sentences[idx + 1]
        picked = _pick(doc, _in(dates, nxt), nxt.start, trigger)
        if picked:
            return _event_date(picked[0], picked[1], "next sentence", pub)
    story = _story_date(doc, trigger, idx) if idx > 0 and not earlier else None
    if story:
        return story
    before = _told_before(doc, trigger, idx) if idx > 0 and not earlier else None
    if before:
        return before
    later = _told_later(doc, trigger, idx) if not earlier else None
    if later:
        return later
    if pub is None:
        return EventDate(None, 3, None, None, "no date in the text and no publication date")
    written = doc.user_data.get("rasd.dates.written") if isinstance(getattr(doc, "user_data", None), dict) else None
    if written:
        return EventDate(pub + dt.timedelta(days=written), 2, None, None,
                         "no date cue: the day the text was written, week precision")
    return EventDate(pub, 2, None, None, "no date cue: publication date, week precision")


_CONTINUATION = frozenset(_LISTS["continuation"])
_REPORTING = frozenset(_LISTS["reporting"])
_REPORTING_MORE = frozenset(_LISTS["reporting_more"])
# Words that may come before the reporting verb of a sentence that carries on a report.
_BEFORE_REPORTING = frozenset(_LISTS["before_reporting"])
# Words that refer back to an event told before: "هؤلاء المسلحين", "ذلك الهجوم".
_ANAPHORA = frozenset(_LISTS["anaphora"])
# A sentence opening with one of these starts a new topic: it does not carry on the story before it.
_NEW_TOPIC = frozenset(_LISTS["new_topic"])
_NEW_TOPIC_PHRASES = _LISTS["new_topic_phrases"]  # a tuple: str.startswith takes it
# "مماثلة": the events are of the kind told before ("وخرجت مسيرات مماثلة في مدن أخرى").
_SIMILAR = frozenset(_LISTS["similar"])


# A time of the sentence's own that names no datable point ("وكانت الشرطة اعتقلت مؤخرا ناشطين"): the
# event is not the story's, and its day is unknown.
_VAGUE_TIMES = _LISTS["vague_times"]
_VAGUE_TIME_RE = re.compile(r"(?<!\w)(?:" + alternation(_VAGUE_TIMES, "[ ]+") + r")(?!\w)")
# "وكان مسلحون قد هاجموا ...", "وكانت الشرطة اعتقلت ...": an earlier incident, told as such.
_KANA = frozenset(_LISTS["kana"])


class _Index:
    """Per-document lookups for dating events, built once (cached in ``doc.user_data``): the reported
    triggers sorted by start (a sentence's triggers by bisection), and per-sentence facts computed
    once however many triggers the sentence holds (linear, not quadratic, in a text of thousands)."""

    def __init__(self, doc: "Document"):
        self.items = sorted((t for t in getattr(doc, "triggers", []) or []
                             if getattr(t, "modality", None) is None and not getattr(t, "absorbed", False)),
                            key=lambda t: t.start)
        self.starts = [t.start for t in self.items]
        self.memo: dict[tuple, Any] = {}

    def reported(self, start: int, end: int) -> list[Any]:
        return self.items[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]


def _index(doc: "Document") -> _Index:
    triggers = getattr(doc, "triggers", None) or []
    key = (id(triggers), len(triggers))
    store = doc.user_data if isinstance(getattr(doc, "user_data", None), dict) else {}
    cached = store.get("rasd.dates.index")
    if cached is None or cached[0] != key:
        cached = (key, _Index(doc))
        store["rasd.dates.index"] = cached
    return cached[1]


def _memo(doc: "Document", name: str, span: Any, compute: Any) -> Any:
    memo = _index(doc).memo
    key = (name, span.start, span.end)
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _vague_time(doc: "Document", sentence: "Sentence") -> str | None:
    def compute() -> str | None:
        m = _VAGUE_TIME_RE.search(doc.norm.text, sentence.start, sentence.end)
        return m.group(0) if m else None
    return _memo(doc, "vague", sentence, compute)


def _words(doc: "Document", sentence: "Sentence") -> frozenset[str]:
    return _memo(doc, "words", sentence,
                 lambda: frozenset(t.text for t in doc.tokens_between(sentence.start, sentence.end)))


def _told_as_earlier(doc: "Document", sentence: "Sentence", pos: int) -> bool:
    """The sentence opens with كان/كانت before the event word: it tells of something that happened
    before the story it sits in, so the story's day is not its day."""
    words = _opening(doc, sentence, 1)
    return bool(words) and words[0] in _KANA and pos > sentence.start + len(words[0])


def _opening(doc: "Document", sentence: "Sentence", n: int = 4) -> list[str]:
    """The first ``n`` words of ``sentence`` (of its first 80 characters), read once per article and sentence
    (:func:`_mention_memo`: every event word after it asks whether it opens with كان)."""
    memo = _mention_memo(doc)
    key = ("opening", sentence.start, sentence.end)
    words = memo.get(key)
    if words is None:
        words = memo[key] = _WORD_RE.findall(doc.norm.text, sentence.start, min(sentence.end, sentence.start + 80))
    return words[:n]


def _reported(doc: "Document", span: Any, exclude: Any = None) -> list[Any]:
    """The triggers of reported events (no modality, not absorbed) inside ``span``."""
    found = _index(doc).reported(span.start, span.end)
    return [t for t in found if t is not exclude] if exclude is not None else found


def _refers_back(doc: "Document", t: Any) -> bool:
    """A trigger that names an event already told: after a demonstrative ("هذا الهجوم"), or carrying a
    pronoun ("هجومها") or the article ("الهجوم", "الاشتباكات")."""
    word = doc.norm.text[t.start:t.end].split()[0] if t.end > t.start else ""
    before = _WORD_RE.findall(doc.norm.text[max(0, t.start - 12):t.start])
    if before and before[-1] in _ANAPHORA:
        return True
    bare = word[1:] if word[:1] in "وفبل" and len(word) > 3 else word
    return bare.startswith("ال") or bare.endswith(("ها", "هم", "هما"))


def _continues(doc: "Document", sentence: "Sentence", trigger: Any) -> bool:
    """The sentence carries on the report before it: it opens with "ما أسفر" / "وأدى", or with a
    reporting verb ("وأضاف أن ...", "وبينما قالت مصادر ... إن") and reports no other event of its
    own (an event word that refers back, "هجومها", "الهجوم", "هذه المعركة", is the same event)."""
    words = _opening(doc, sentence, 3)
    opens = any(form in _CONTINUATION for w in words for form, _ in _forms(w))
    reporting = False
    for k, w in enumerate(words):
        if any(form in _REPORTING for form, _ in _forms(w)):
            reporting = True
            break
        if k > 0 or w not in _BEFORE_REPORTING:
            break
    if not opens and not reporting:
        return False
    if opens:
        return True
    kind = getattr(trigger, "event_type", None)
    return not any(not _refers_back(doc, t) and not (kind == "Battles" == t.event_type)
                   for t in _reported(doc, sentence, trigger))


def _new_topic(doc: "Document", sentence: "Sentence") -> bool:
    words = _opening(doc, sentence, 3)
    if not words:
        return True
    head = " ".join(words[:2])
    if head.startswith(_NEW_TOPIC_PHRASES) or head[1:].startswith(_NEW_TOPIC_PHRASES):
        return True
    return words[0] in _NEW_TOPIC


def _event_types(doc: "Document", span: Any) -> set[str]:
    return _memo(doc, "event_types", span, lambda: {t.event_type for t in _reported(doc, span)})


def _story_date(doc: "Document", trigger: Any, idx: int) -> EventDate | None:
    """The date of the story an undated sentence carries on (see :func:`date_for`), or None."""
    sentence = doc.sentences[idx]
    pub = doc.published
    prev = doc.sentences[idx - 1]
    words = _words(doc, sentence)
    # the statement before goes on ("..., مشيرة إلى أن ..."): what it reports is dated by it
    if words & _GOES_ON and not _memo(doc, "reporting", sentence, lambda: any(
            form in _REPORTING for w in words for form, _ in _forms(w))):
        statements = [d for d in _usable(doc, _in(doc.dates, prev), trigger) if _is_report_date(doc, d)]
        if statements:
            return _inherited(statements[-1], "story (the statement it continues)", pub)
    if _new_topic(doc, sentence):
        return None
    kind = getattr(trigger, "event_type", None)
    # the sentence just before, across a paragraph break: the same kind of event told on, on a day
    # named there (a week or a month named there is too loose to carry over)
    if kind and kind in _event_types(doc, prev):
        picked = _pick(doc, _in(doc.dates, prev), prev.end, trigger)
        if picked and picked[0].precision == 1 and not _background(picked[0].date, picked[0], pub):
            return _inherited(picked[0], "story (previous sentence)", pub, exact=True)
    # the lead: an event of a type it reports, at a place it names or "like" those it tells of
    lead = _lead(doc, trigger)
    if lead is None or lead[1] >= idx:
        return None
    mention, lead_idx = lead
    lead_sentence = doc.sentences[lead_idx]
    if not _sub_types(doc, sentence) & _sub_types(doc, lead_sentence):
        return None
    if words & _SIMILAR or _shares_place(doc, lead_sentence, sentence):
        return _inherited(mention, "story (the lead)", pub, exact=True)
    return None


# How many sentences away another telling of the same incident is looked for.
_RETOLD_SPAN = 8


def _told_later(doc: "Document", trigger: Any, idx: int) -> EventDate | None:
    """The day of an undated event that a later sentence tells again: the first later sentence (at most
    ``_RETOLD_SPAN`` on, not one that opens with كان) that reports events of its type, all of them told
    as known ("ووقع الهجوم، الجمعة، ..."; see :func:`_refers_back`), at a place the event's sentence
    names, on a day of their own (not a statement's, not background). A later sentence that tells a
    new event of its type ends the search. On train.jsonl 4 events of 2 outlets, all right. None
    otherwise."""
    kind = getattr(trigger, "event_type", None)
    if not kind or idx < 0:
        return None
    pub = doc.published
    here = doc.sentences[idx]
    for j in range(idx + 1, min(len(doc.sentences), idx + 1 + _RETOLD_SPAN)):
        s = doc.sentences[j]
        if _told_as_earlier(doc, s, s.end):
            continue
        same = [t for t in _reported(doc, s) if t.event_type == kind]
        occurred = _occurred_at(doc, s)
        if not same and occurred is None:
            continue
        if not all(_refers_back(doc, t) for t in same):
            return None
        # "ووقع الهجوم، الجمعة، بعدما دعت حماس ..." / "ووقعت الحادثة مساء الخميس": the sentence opens to
        # give the incident's day; naming no place of its own (before an aside: بعدما، فيما ...), it is
        # at the place told before
        if not _shares_place(doc, here, s) and (occurred is None or _place_names(doc, _main_part(doc, s, occurred))):
            continue
        t = same[0] if same else trigger
        at = same[0].start if same else occurred
        clause = _clause_of(s, at)
        picked = _pick(doc, _in(doc.dates, clause), at, t, nearest=True) or \
            _pick(doc, _in(doc.dates, s), at, t, nearest=True)
        if not picked:
            continue
        d, report = picked
        if report or d.precision != 1 or _background(d.date, d, pub):
            return None
        return _inherited(d, f"told later (sentence {j - idx} on)", pub, exact=True)
    return None


# "ووقع الهجوم ..."، "وقعت الحادثة ...": a sentence that opens by saying the incident told took place
_OCCURRED = frozenset(_LISTS["occurred"])
# words for "the incident" of any kind (a trigger of the event's own kind, told as known, does as well)
_INCIDENT_NOUNS = frozenset(_LISTS["incident_nouns"])


# words that open an aside after the main statement of a sentence ("ووقع الهجوم، الجمعة، بعدما دعت ...")
_ASIDE_RE = re.compile(r"(?<!\w)(?:" + alternation(_LISTS["aside"]) + r")(?!\w)")


def _main_part(doc: "Document", sentence: "Sentence", pos: int) -> SimpleNamespace:
    """The span of ``sentence`` from its start to the first aside after ``pos`` (the whole sentence when
    there is none)."""
    m = _ASIDE_RE.search(doc.norm.text, pos, sentence.end)
    return SimpleNamespace(start=sentence.start, end=m.start() if m else sentence.end)


def _occurred_at(doc: "Document", sentence: "Sentence") -> int | None:
    """Where the incident's word stands when ``sentence`` opens with "وقع/حدث/جرى" and then, as its
    next or second word, "the incident" ("ووقعت الحادثة تحديدا في ... مساء الخميس") or a word told as
    known of a reported event ("ووقع الهجوم، الجمعة، ..."); None otherwise."""
    words = _opening(doc, sentence, 3)
    if not words or _bare_word(words[0]) not in _OCCURRED and words[0] not in _OCCURRED:
        return None
    text = doc.norm.text
    m = _WORD_RE.search(text, sentence.start)
    pos = m.end() if m else sentence.start
    for word in words[1:3]:
        w = _WORD_RE.search(text, pos, sentence.end)
        if w is None:
            return None
        pos = w.end()
        if word in _INCIDENT_NOUNS:
            return w.start()
        if any(t.start <= w.start() < t.end and _refers_back(doc, t) for t in _reported(doc, sentence)):
            return w.start()
    return None


def _told_before(doc: "Document", trigger: Any, idx: int) -> EventDate | None:
    """The day of an undated event told as known ("وتبنى التنظيم الهجمات على المدينة"; see
    :func:`_refers_back`) at a place that an earlier sentence (at most ``_RETOLD_SPAN`` back, not one
    that opens with كان) names and dates with a day of its own (not a statement's, not background):
    the nearest such sentence's day. On train.jsonl 5 events of 3 outlets, 4 right (the fifth was
    wrong before too). None otherwise."""
    if not _refers_back(doc, trigger):
        return None
    pub = doc.published
    here = doc.sentences[idx]
    if not _place_names(doc, here):
        return None
    for j in range(idx - 1, max(-1, idx - 1 - _RETOLD_SPAN), -1):
        s = doc.sentences[j]
        if not _shares_place(doc, here, s) or _told_as_earlier(doc, s, s.end):
            continue
        picked = _pick(doc, _in(doc.dates, s), s.start, trigger)
        if not picked:
            continue
        d, report = picked
        if report or d.precision != 1 or _background(d.date, d, pub):
            continue
        return _inherited(d, f"told before ({idx - j} sentences back)", pub, exact=True)
    return None


# Participles that go on with the statement of the sentence before ("..., مشيرة إلى أن ...").
_GOES_ON = frozenset(_LISTS["goes_on"])


def _sub_types(doc: "Document", span: Any) -> set[str]:
    """The kinds of event reported in ``span``: sub-event types, except that a battle is one kind
    whatever its sub-types (ACLED codes clashes that change who holds a place once)."""
    return _memo(doc, "kinds", span, lambda: {t.event_type if t.event_type == "Battles" else t.sub_event_type
                                               for t in _reported(doc, span)})


def _inherited(d: DateMention, where: str, pub: dt.date | None, exact: bool = False) -> EventDate:
    """A date read in another sentence: week precision at best, unless ``exact`` (the story told on: on
    train.jsonl the coders gave the day itself, precision 1, to 24 of 34 such events)."""
    return EventDate(d.date, d.precision if exact else max(d.precision, 2), d.start, d.end,
                     f"{where}: {d.text} ({d.kind})", _background(d.date, d, pub), inherited=True)


def _lead(doc: "Document", trigger: Any) -> tuple[DateMention, int] | None:
    """The date of the article's lead: the first of its first two sentences that reports an event and
    holds a usable, recent date."""
    for j, s in enumerate(doc.sentences[:2]):
        if not _reported(doc, s):
            continue
        picked = _pick(doc, _in(doc.dates, s), s.start, trigger)
        if picked and not _background(picked[0].date, picked[0], doc.published):
            return picked[0], j
        return None
    return None


def _place_names(doc: "Document", span: Any) -> set[str]:
    return _memo(doc, "places", span, lambda: _compute_place_names(doc, span))


def _compute_place_names(doc: "Document", span: Any) -> set[str]:
    names = set()
    for p in starting_in(doc, "places", span.start, span.end):
        place = getattr(p, "place", None)
        if span.start <= p.start < span.end and place is not None \
                and getattr(place, "feature", None) not in ("PCLI", "ADM1"):
            names.add(getattr(place, "geonameid", None) or getattr(place, "name", None))
    names.discard(None)
    return names


def _shares_place(doc: "Document", a: Any, b: Any) -> bool:
    """Both sentences name the same place (below governorate level)."""
    return bool(_place_names(doc, a) & _place_names(doc, b))


def _event_date(d: DateMention, report: bool, where: str, pub: dt.date | None) -> EventDate:
    precision = max(d.precision, 2) if report else d.precision
    reason = f"{where}: {d.text} ({d.kind})" + ("; date of the statement" if report else "")
    return EventDate(d.date, precision, d.start, d.end, reason, _background(d.date, d, pub),
                     inherited=where not in ("clause", "sentence"))


# --------------------------------------------------------------------------------------------
# Publication date
# --------------------------------------------------------------------------------------------
_META_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "published_time",
    "datepublished", "article.published", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "original-publish-date", "sailthru.date", "parsely-pub-date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.created", "dcterms.date", "date", "release_date",
)
_META_RANK = {k: i for i, k in enumerate(_META_KEYS)}
# The HTML is read with linear scans only (a page may be hostile: unclosed tags, a 100 KB "tag", a
# JSON-LD block nested 100,000 deep): tag openings are found with one regex pass, each tag's end with
# str.find (remembering the last '>' found, so that a run of openings before one '>' costs no rescans),
# tags longer than _MAX_TAG and values longer than _MAX_VALUE are skipped.
_MAX_TAG = 4_000
_MAX_VALUE = 200
_MAX_JSONLD = 1_000_000
_OPEN_RE = re.compile(r"<(meta|time|script)(?![\w:-])", re.I)
# An attribute starts at a name's first character only (the lookbehind), the name is taken whole
# (possessive: no backtracking into it), and a quoted value is at most _MAX_TAG long: linear.
_ATTR_RE = re.compile(r"""(?<![\w:.\-])([\w:.\-]++)\s*+=\s*+(?:"([^"]{0,4000}+)"|'([^']{0,4000}+)'|([^\s>"']++))""")
_DATEPUB_RE = re.compile(r'"datePublished"\s*+:\s*+"([^"]{1,200}+)"')


def _tags(html: str) -> Iterable[tuple[str, str, int]]:
    """``(name, tag text, end offset)`` of each ``<meta>``, ``<time>`` and ``<script>`` tag, in order."""
    last_gt = -1
    for m in _OPEN_RE.finditer(html):
        start = m.start()
        if start < last_gt:
            gt = last_gt  # the first '>' after an earlier opening is also the first after this one
        else:
            gt = html.find(">", start)
            if gt < 0:
                return  # no tag closes after this point
            last_gt = gt
        if gt - start <= _MAX_TAG:
            yield m.group(1).lower(), html[start:gt + 1], gt + 1


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): next(v for v in m.groups()[1:] if v is not None) for m in _ATTR_RE.finditer(tag)}


def _jsonld_blocks(html: str) -> Iterable[str]:
    """The text of each ``<script type="application/ld+json">`` block (linear: one find per block)."""
    lower: str | None = None
    for name, tag, end in _tags(html):
        if name != "script" or "ld+json" not in tag.lower():
            continue
        if lower is None:
            lower = html.lower()
        close = lower.find("</script", end)
        if close < 0:
            return
        if close - end <= _MAX_JSONLD:
            yield html[end:close]


def parse_date_value(value: str) -> dt.date | None:
    """A metadata date value (ISO 8601, ``YYYY/MM/DD``, ``DD/MM/YYYY``, RFC 2822, or Arabic) -> date.
    The date part is taken as written (the outlet's local day), without time-zone conversion.
    A value longer than 200 characters is not a date."""
    value = (value or "").strip()
    if not value or len(value) > _MAX_VALUE:
        return None
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value)
    if m:
        date = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if date and 1990 <= date.year <= 2100:
            return date
    m = re.match(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", value)
    if m:
        date = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if date and 1990 <= date.year <= 2100:
            return date
    try:
        parsed = email.utils.parsedate_to_datetime(value)
        if parsed and 1990 <= parsed.year <= 2100:
            return parsed.date()
    except (TypeError, ValueError, IndexError):
        pass
    m = re.fullmatch(r"(\d{10})(\d{3})?", value)  # epoch seconds (or milliseconds)
    if m:
        date = dt.datetime.fromtimestamp(int(m.group(1)), dt.timezone.utc).date()
        if 1990 <= date.year <= 2100:
            return date
    return _dateline_date(normalize(value).text)


def _walk_jsonld(node: Any) -> Iterable[str]:
    """Every ``datePublished`` string in a parsed JSON-LD value, document order (iterative: no
    recursion however deep the nesting)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            later = []
            for k, v in item.items():
                if k == "datePublished" and isinstance(v, str):
                    yield v
                elif isinstance(v, (dict, list)):
                    later.append(v)
            stack.extend(reversed(later))
        elif isinstance(item, list):
            stack.extend(reversed([v for v in item if isinstance(v, (dict, list))]))


def _dateline_date(text: str) -> dt.date | None:
    """The first full date (day, month and year; Gregorian preferred) in a normalised snippet."""
    best: dt.date | None = None
    for d in find_in_text(text, None):
        if d.precision != 1 or d.kind not in ("absolute", "hijri") or not 1990 <= d.date.year <= 2100:
            continue
        if d.kind == "absolute":
            return d.date
        best = best or d.date
    return best


def publication_date(*, html: str | None = None, text: str | None = None) -> tuple[dt.date | None, str]:
    """The article's publication date and where it came from: ``'html-meta'`` (meta tags such as
    ``article:published_time``), ``'json-ld'`` (``datePublished``), ``'time-tag'`` (the first
    ``<time datetime>``), ``'dateline'`` (a full date in the first lines of the text, or on a line
    labelled نشر / تاريخ النشر / آخر تحديث), else ``(None, '')``. Footer years and bare years never count."""
    if html:
        best: tuple[int, dt.date] | None = None
        times: list[str] = []
        for name, tag, _ in _tags(html):
            if name == "time":
                times.append(tag)
            if name != "meta":
                continue
            attrs = _attrs(tag)
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in _META_RANK and attrs.get("content"):
                date = parse_date_value(attrs["content"])
                if date and (best is None or _META_RANK[key] < best[0]):
                    best = (_META_RANK[key], date)
        if best:
            return best[1], "html-meta"
        for block in _jsonld_blocks(html):
            try:
                values = list(_walk_jsonld(json.loads(block.strip())))
            except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth limit
                values = _DATEPUB_RE.findall(block)
            for value in values:
                date = parse_date_value(value)
                if date:
                    return date, "json-ld"
        for tag in times:
            attrs = _attrs(tag)
            if attrs.get("datetime"):
                date = parse_date_value(attrs["datetime"])
                if date:
                    return date, "time-tag"
    if text:
        return _dateline(normalize(text).text)
    return None, ""


def _dateline(norm_text: str) -> tuple[dt.date | None, str]:
    """A full date in the first lines of a normalised text, or on a line labelled as the date of
    publication (نشر في، تاريخ النشر، آخر تحديث ...)."""
    date = _dateline_date(norm_text[:400])
    if date:
        return date, "dateline"
    labels = grammar().labels
    for line in norm_text.splitlines():
        if any(label in line for label in labels):
            date = _dateline_date(line[:200])
            if date:
                return date, "dateline"
    return None, ""
