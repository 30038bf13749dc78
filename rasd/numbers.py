"""Stage: casualties. Numbers in digits and words, and the death and injury counts of the text.

Numbers: digits (the normaliser already turned Eastern Arabic digits into ASCII; ``1,200`` and
``1.5 مليون`` are read), and words in both genders and all cases (ثلاثة/ثلاث، عشرون/عشرين), compounds
(خمسة وعشرون، مئة وخمسون، ثلاثة آلاف), hundreds and thousands (مئة/مائة، مئتان، ألف، آلاف، مليون),
duals on the counted noun (قتيلين، شخصين، جنديين، جثتي) and a singular noun meaning one
(مقتل شخص، مقتل جندي، مقتل أحد قادة ...).

ACLED's fatality rules as this module applies them (the ACLED codebook, "Reported fatalities"):

* Deaths only. ``مقتل 3 وإصابة 7`` is 3 killed and a separate injury mention; جرحى/إصابة/مصابين
  never count. Death words: مقتل، قتل، قتيل/قتلى، استشهاد/شهيد/شهداء، لقي حتفه/مصرعه، مصرع، قضى،
  توفي، أودى بحياة، جثث/جثة/جثتي، إعدام، اغتيال، ضحايا.
* Conservative estimates. Vague quantities: عشرات/العشرات -> 10, مئات -> 100, آلاف -> 1000,
  عشرات الآلاف -> 10,000; عدد من / عدة / بعض / بضعة / العديد -> 0 (``vague=True``); "أكثر من 6" -> 6,
  "نحو 20" / "حوالي" / "قرابة" -> 20, "ما لا يقل عن N" / "N على الأقل" -> N, "بين 10 و15" -> 10.
* Deaths and injuries given as one number ("مقتل وإصابة 19 شخصا", "19 بين قتيل وجريح") give no death
  count: the mention has kind ``killed_or_injured`` and the event gets 0, with the reason recorded.
* An updated toll ("ارتفاع حصيلة القتلى إلى 30") replaces the counts reported before it
  (``updated=True``).
* Attackers count. ACLED's fatality figure is everyone reported killed in the event, perpetrators
  included: a suicide bomber who "blew himself up" (فجر نفسه، فجرا نفسيهما) is one (two) more death(s)
  on top of the victims ("five dead, plus the bomber" is 6), unless the text says the total already
  includes him (بينهم الانتحاري), or gives one toll for a battle the bombing was part of ("وأدت
  المواجهات والتفجيران إلى مقتل 19": the bombers are inside the 19, which the battle keeps).
  Attackers killed by the other side are ordinary deaths of the event. A suicide bombing's toll of
  victims gets its bomber added even when his death is not told in the toll's scope ("قتل 31 شخصا في
  هجوم انتحاري" -> 32), unless several bombings or bombers are told together (their number is not said).
* Deaths told through the people killed: "القضاء على 7 مسلحين" (military statements), duals that can
  only be duals ("مستوطنان"، "شرطيتين"), a person joined to a count ("21 سائحا وشرطيا" -> 22، "15 طفلا
  وامرأتان" -> 17), one person named before the verb ("وكان شرطي أردني قتل").
* Counts joined in one phrase add up ("مقتل 4 مدنيين و3 جنود" -> 7, "14 مسلحا و6 من رجال الشرطة
  سقطوا قتلى" -> 20); separate counts in the same scope are most often a total and its parts or one
  toll told twice ("مقتل 9 ... تسع جثث"), so the largest is kept. "عشرات القتلى والجرحى" is deaths and
  injuries together: no death count.
* A toll given for two places together ("بلدتي س وص", "المدينتين قصفتا ... ما أدى إلى مقتل شخص")
  counts 0 for the event (the text does not say where they died); one toll for two events told
  together ("المواجهات والتفجيران") stays with the first named and the second gets 0, with a note.
* A total over several places or days that the text does not split stays with one event (the lead
  event); :func:`share_fatalities` gives the others 0 with a note, or splits it evenly when asked.
* A count that is no incident's toll is marked (``aggregate``, :func:`aggregate_reason`) and given to no
  event: a war's or conflict's toll ("النزاع الذي أودى بحياة")، deaths since a start point ("منذ 30 مارس")
  or over a period ("خلال الأشهر الماضية"، "عشرة أيام من القصف")، a campaign's ("العملية التي بدأت قبل
  أسبوعين")، a part of a toll given before it ("بينهم 40 طفلا")، a death sentence ("حكمت بإعدام 75")، a rate
  ("يوميا")، deaths in a crash, flood or epidemic, and any count of 1,000 or more. The learned decision of
  :mod:`rasd.learn.tolls` can judge the rest (off by default: ``RASD_LEARNED_TOLLS=1``). A start point or
  a past period is looked for up to 24 words before the count (a campaign "منذ 18 شباط" at the head of a
  long sentence); a future period ("على مدى العامين المقبلين") makes no toll cumulative.
* Arrests, agreements, handovers and abductions carry no deaths (:data:`NO_DEATHS`, :func:`no_deaths`; applied to the
  final sub-event type, after the decision).

Spans are offsets into ``doc.norm.text``.
"""
from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from .doc import starting_in
from .text import norm, tokenize
from .words import DATA, alternation, word_lists, word_values

if TYPE_CHECKING:  # pragma: no cover
    from .doc import Document, Sentence

# The word lists of this module, in rasd/data/casualty_words.tsv (rasd.words): each list is the constant named
# in the file's comment above its rows.
_WORDS_PATH = DATA / "casualty_words.tsv"
_LISTS = word_lists(_WORDS_PATH)
_VALUES = word_values(_WORDS_PATH)  # the lists whose rows give a value (a number, a kind)

# ---------------------------------------------------------------------------------------------
# Number words (normalised spelling: ة->ه, ى->ي, أ/إ/آ->ا, ئ->ي)
# ---------------------------------------------------------------------------------------------
# The number words with their values (rasd/data/casualty_words.tsv, list<TAB>entry<TAB>value).
UNITS: dict[str, int] = {w: int(v) for w, v in _VALUES["units"].items()}
TEN_WORDS = {w: int(v) for w, v in _VALUES["ten_words"].items()}
TENS: dict[str, int] = {w: int(v) for w, v in _VALUES["tens"].items()}
HUNDRED_WORDS = set(_LISTS["hundred_words"])
HUNDREDS: dict[str, int] = dict.fromkeys(_LISTS["two_hundreds"], 200)
for _stem, _v in _VALUES["hundred_stems"].items():
    for _h in HUNDRED_WORDS:
        HUNDREDS[_stem + _h] = int(_v) * 100
THOUSAND = {w: int(v) for w, v in _VALUES["thousand"].items()}
THOUSAND_PLURAL = set(_LISTS["thousand_plural"])
THOUSAND_DUAL = {w: int(v) for w, v in _VALUES["thousand_dual"].items()}
MILLION = {w: int(v) for w, v in _VALUES["million"].items()}
MILLION_PLURAL = set(_LISTS["million_plural"])
MILLION_DUAL = {w: int(v) for w, v in _VALUES["million_dual"].items()}
# Vague quantities, read as ACLED does (the lowest number they can mean): "عشرات" -> 10, "مئات" -> 100.
VAGUE = {w: int(v) for w, v in _VALUES["vague"].items()}
VAGUE_TIMES_THOUSAND = set(_LISTS["vague_times_thousand"])  # "عشرات الآلاف" -> 10,000
VAGUE_ZERO = set(_LISTS["vague_zero"])
NUMBER_WORDS = (set(UNITS) | set(TEN_WORDS) | set(TENS) | HUNDRED_WORDS | set(HUNDREDS) | set(THOUSAND)
                | THOUSAND_PLURAL | set(THOUSAND_DUAL) | set(MILLION) | MILLION_PLURAL | set(MILLION_DUAL))

# Words before a number that keep its value as the count ("أكثر من 6" -> 6, "نحو 20" -> 20), longest first.
QUALIFIERS: tuple[tuple[str, ...], ...] = tuple(sorted((tuple(p.split()) for p in _LISTS["qualifiers"]),
                                                       key=len, reverse=True))

_DIGITS_RE = re.compile(r"^\d+(?:[.,]\d+)*$")
# A count never has more digits than this: a longer run is a phone number, an id or noise, and reading
# it would overflow a float (309 digits give inf) or exceed Python's int-from-string limit.
MAX_DIGITS = 12
# Nor does a count reach this: a compound that multiplies past it ("مليون مليون ...") is not a count.
MAX_COUNT = 10**12


def _digits_value(word: str) -> float | None:
    """``"1,200"`` -> 1200, ``"1.5"`` -> 1.5, ``"3"`` -> 3; None for anything else or more than
    :data:`MAX_DIGITS` digits."""
    if len(word) > 2 * MAX_DIGITS or not _DIGITS_RE.match(word):
        return None
    if sum(c.isdigit() for c in word) > MAX_DIGITS:
        return None
    if "," in word:
        parts = word.split(",")
        if all(len(p) == 3 and p.isdigit() for p in parts[1:]) and parts[0].isdigit():
            return int("".join(parts))
        word = word.replace(",", ".")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", word):  # "10.000": a thousands separator, as in much Arabic news
        return int(word.replace(".", ""))
    if word.count(".") > 1:
        return None
    return float(word) if "." in word else int(word)


def _is_numberish(word: str) -> bool:
    return word in NUMBER_WORDS or word in VAGUE or _digits_value(word) is not None


def parse_at(words: Sequence[str], i: int) -> tuple[int, int, bool] | None:
    """Read a number phrase starting at ``words[i]``: ``(value, words_used, vague)``, or None.

    ``["خمسه", "وعشرون"]`` -> ``(25, 2, False)``; ``["عشرات", "الالاف"]`` -> ``(10000, 2, True)``."""
    n = len(words)
    if i >= n:
        return None
    first = _strip_clitic(words[i])
    if first in VAGUE_ZERO:
        return 0, 1, True
    if first in VAGUE:
        value, used = VAGUE[first], 1
        if first in VAGUE_TIMES_THOUSAND and i + 1 < n and words[i + 1] in _THOUSANDS_AFTER_VAGUE:
            value, used = value * 1000, 2
        return value, used, True
    total = 0.0
    current = 0.0
    j = i
    seen = False
    last_unit = False  # the previous word was a bare unit (3-9): "ثلاث مئة", "خمسة عشر"
    while j < n:
        word = words[j] if seen else first
        conj = False
        if seen:
            if word == "و" and j + 1 < n and _is_numberish(words[j + 1]):
                j += 1
                word, conj = words[j], True
            elif word.startswith("و") and len(word) > 1 and _is_numberish(word[1:]):
                word, conj = word[1:], True
            elif word not in TEN_WORDS and word not in HUNDRED_WORDS and word not in THOUSAND \
                    and word not in THOUSAND_PLURAL and word not in MILLION and word not in MILLION_PLURAL:
                break
        digits = _digits_value(word)
        if digits is not None:
            if seen:  # "10 و15" is two numbers: digits never join a compound
                break
            current += digits
            last_unit = False
        elif word in UNITS:
            if seen and not conj:
                break
            current += UNITS[word]
            last_unit = True
        elif word in TEN_WORDS:
            if seen and not conj and not last_unit:
                break
            current += 10
            last_unit = False
        elif word in TENS:
            if seen and not conj:
                break
            current += TENS[word]
            last_unit = False
        elif word in HUNDRED_WORDS:
            if seen and not conj and last_unit and current < 10:
                current *= 100
            elif seen and not conj:
                break
            else:
                current += 100
            last_unit = False
        elif word in HUNDREDS:
            if seen and not conj:
                break
            current += HUNDREDS[word]
            last_unit = False
        elif word in THOUSAND or word in THOUSAND_PLURAL:
            if seen and not conj and current:
                total += current * 1000
                current = 0
            elif not seen or conj:
                if word in THOUSAND_PLURAL:
                    break
                total += 1000
            else:
                break
            last_unit = False
        elif word in THOUSAND_DUAL:
            if seen and not conj:
                break
            total += THOUSAND_DUAL[word]
            last_unit = False
        elif word in MILLION or word in MILLION_PLURAL:
            if seen and not conj and (current or total):
                total = (total + current) * 10**6
                current = 0
            elif not seen or conj:
                if word in MILLION_PLURAL:
                    break
                total += 10**6
            else:
                break
            last_unit = False
        elif word in MILLION_DUAL:
            if seen and not conj:
                break
            total += MILLION_DUAL[word]
            last_unit = False
        else:
            break
        if total + current > MAX_COUNT:
            return None  # "مليون مليون مليون ...": not a count
        seen = True
        j += 1
    if not seen:
        return None
    return int(total + current), j - i, False


@lru_cache(maxsize=65_536)
def _strip_clitic(word: str) -> str:
    """``وثلاثة`` -> ``ثلاثه`` when only the bare form is a number."""
    if _is_numberish(word) or word in VAGUE_ZERO:
        return word
    for k in (1, 2):
        rest = word[k:]
        if len(rest) >= 2 and all(c in "وفبل" for c in word[:k]) and (_is_numberish(rest) or rest in VAGUE_ZERO):
            return rest
    return word


def parse_number(text: str) -> int | None:
    """A number written in digits or words -> int; None when the text does not start with one.

    ``parse_number('خمسة وعشرون') == 25``, ``parse_number('٣') == 3``, ``parse_number('عشرات') == 10``,
    ``parse_number('أكثر من ستة') == 6``, ``parse_number('عدد من') == 0``."""
    words = [t.text for t in tokenize(norm(text))]
    i = 0
    while i < len(words):
        q = _qualifier_at(words, i)
        if not q:
            break
        i += q
    if i < len(words) and words[i] == "ال" and i + 1 < len(words) and words[i + 1][:1].isdigit():
        i += 1
    if i >= len(words):
        return None
    parsed = parse_at(words, i)
    return parsed[0] if parsed else None


_QUALIFIERS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _q in QUALIFIERS:
    _QUALIFIERS_BY_FIRST.setdefault(_q[0], []).append(_q)
# Words a count can start with (besides digits).
_NUMBER_START = frozenset(NUMBER_WORDS | set(VAGUE) | VAGUE_ZERO | set(_QUALIFIERS_BY_FIRST) | {"ال"})


# "عدد" before digits names the count that follows (Egyptian official statements), not "a number of".
_COUNT_NOUN = frozenset(_LISTS["count_noun"])


def _qualifier_at(words: Sequence[str], i: int) -> int:
    """Length in words of a qualifier ("أكثر من", "ما لا يقل عن") at ``words[i]``, else 0."""
    if i >= len(words):
        return 0
    for q in _QUALIFIERS_BY_FIRST.get(words[i], ()):
        if len(q) == 1 or tuple(words[i:i + len(q)]) == q:
            return len(q)
    return 0


# ---------------------------------------------------------------------------------------------
# Casualty vocabulary (normalised)
# ---------------------------------------------------------------------------------------------
# Nouns that take the count after them: "مقتل 3", "استشهاد طفل".
KILL_NOUNS = frozenset(_LISTS["kill_nouns"])  # "راح ضحيته 43 شخصا"
# The same nouns with a pronoun: the count is in the pronoun.
KILL_NOUN_PRONOUN: dict[str, int | None] = {}
for _noun in _LISTS["kill_noun_stems"]:
    for _suffix, _count in (("ه", 1), ("ها", 1), ("هما", 2), ("هم", None), ("هن", None)):
        KILL_NOUN_PRONOUN[norm(_noun + _suffix)] = _count
# Verbs followed by the count or by the victim: "قتل 28 عنصرا", "قتلت الغارة 5", "قتل جندي".
# "القضاء على 7 مسلحين" (military statements: killed), the count after على.
ELIMINATE = frozenset(_LISTS["eliminate"])
KILL_VERBS = frozenset(_LISTS["kill_verbs"])
# Verbs that take their victims as object, after a subject: "قتل الجيش، الجمعة، شابين"، "قتلت الميليشيا، امرأة".
ACTIVE_KILL_VERBS = frozenset(_LISTS["active_kill_verbs"])
# Words that end a verb's subject: a preposition or a new clause (the count after them is not the object).
_SUBJECT_STOP = frozenset(_LISTS["subject_stop"])
# Verbs after their (counted) subject: "شخصين قتلا", "ثلاثة متمردين ... توفوا".
KILL_VERBS_AFTER = frozenset(_LISTS["kill_verbs_after"])
# "لقي ... حتفه/مصرعه" (met his death).
LAQI = frozenset(_LISTS["laqi"])
# One person's death told in a relative clause after him: "الصحافي فلان الذي توفي متأثرا بجراحه"، "الطفلة التي
# قتلت برصاص قناص"، "الشاب، الذي قضى الأربعاء متأثرا بجراحه". Singular verbs only (الذين قتلوا: no count).
_RELATIVE_ONE = frozenset(_LISTS["relative_one"])
_NISBA = frozenset(_LISTS["nisba"])
_RELATIVE_VERBS = frozenset(_LISTS["relative_verbs"])
DEATH_OBJECT = _LISTS["death_object"]
QADA = frozenset(_LISTS["qada"])
QADA_NEXT = frozenset(_LISTS["qada_next"])
# The plural "قضوا"/"قضيا" right after a count of people, then where or when they died: "ستة أشخاص قضوا في
# الهجوم"، "جنديان قضيا اليوم الأحد". Read only with the count before it (the verb alone also means "spent":
# "قضوا في السجن سنوات", so a span of time after it stops the reading).
QADA_PLURAL = frozenset(_LISTS["qada_plural"])
QADA_WHERE_NEXT = frozenset(_LISTS["qada_where_next"])
QADA_SPENT = frozenset(_LISTS["qada_spent"])
AWDA = frozenset(_LISTS["awda"])  # "التفجيران أوديا بحياة 14"
# Result nouns that take the count before them: "9 قتلى", "تسع جثث", "قتيلين".
KILL_RESULT: dict[str, str] = dict(_VALUES["kill_results"])
INJ_FWD = frozenset(_LISTS["inj_fwd"])
INJ_RESULT: dict[str, str] = dict(_VALUES["injury_results"])
INJ_AFTER_KILL = frozenset(_LISTS["inj_after_kill"])
# "قتل وأصيب عشرات": one number for the dead and the wounded (unless the dead were counted before the verb)
INJ_VERB_AFTER_KILL = frozenset(_LISTS["inj_verb_after_kill"])
BOTH_SECOND = frozenset(_LISTS["both_second"])
BOTH_AFTER_NUMBER = [tuple(p.split()) for p in _LISTS["both_after_number"]]
TOLL_HEADS = frozenset(_LISTS["toll_heads"])
TOLL_DEATH = frozenset(_LISTS["toll_death"])
TOLL_BOTH = frozenset(_LISTS["toll_both"])
TOLL_UP = frozenset(_LISTS["toll_up"])
SELF = {w: int(c) if c != "many" else None for w, c in _VALUES["self"].items()}
SELF_VERB_STEMS = _LISTS["self_verb_stems"]
# An attacker who killed himself: "ثم انتحر"، "وانتحار منفذ الهجوم" (one death more, like a bomber), and
# "أطلق النار على نفسه" / "أطلق على نفسه الرصاص" (not "أطلق على نفسه لقب ...": a name he took).
SUICIDE = frozenset(_LISTS["suicide"])
SELF.update(dict.fromkeys(SUICIDE, 1))
SHOT_SELF_STEMS = _LISTS["shot_self_stems"]
SHOT_WORDS = frozenset(_LISTS["shot_words"])
NOT_SUICIDE_BEFORE = frozenset(_LISTS["not_suicide_before"])
NEGATION = frozenset(_LISTS["negation"])
NEGATED_RESULT = frozenset(_LISTS["negated_result"])
FILLERS = frozenset(_LISTS["fillers"])
# Nouns after a number that make it not a head count: "48 ساعة", "17 عاما", "8 صواريخ".
NOT_PEOPLE = frozenset(_LISTS["not_people"])
NOT_PEOPLE_BEFORE = frozenset(_LISTS["not_people_before"])
# A singular noun right after a death word means one person; those with broken plurals make a
# reliable dual with -ين/-ان (شخصين، جنديين).
SINGULAR = frozenset(_LISTS["singular"])
DUAL_OK = frozenset(_LISTS["dual_ok"])
ONE = frozenset(_LISTS["one"])
# Kin joined to a victim ("مقتل رجل وزوجته"): one more person each.
KIN = frozenset(_LISTS["kin"])
# Two kin of one person ("مقتل نجليه"، "وفاة ابنتيها"): the dual -ي before the pronoun.
KIN_DUALS = frozenset(_LISTS["kin_duals"])
TWO = frozenset(_LISTS["two"])
CONTINUATION = frozenset(_LISTS["continuation"])
# The comma between two names of a list of the dead, after an age in brackets too ("(29 عاما)، والطفل").
_LIST_COMMA_RE = re.compile(r"[ ]*\)?[ ]*[،,][ ]*")
# "others" after a count: "مع سبعة آخرين" (the person named before them is one more)
OTHERS = frozenset(_LISTS["others"])
REPORTING = frozenset(_LISTS["reporting"])

# words read inside the functions below (rasd/data/casualty_words.tsv)
_THOUSANDS_AFTER_VAGUE = _LISTS["thousands_after_vague"]
_NOT_BEFORE_RESULT = _LISTS["not_before_result"]
_RELATIVE_MANY = _LISTS["relative_many"]
_IN_ADDITION = _LISTS["in_addition"]
_KILL_NOUNS_OF_PERSON = _LISTS["kill_nouns_of_person"]
_NAME_PARTICLES = _LISTS["name_particles"]
_BODY_STEMS = _LISTS["body_stems"]
_TOLL_TO = _LISTS["toll_to"]


def _one_person(word: str) -> bool:
    """One person, named by a noun of :data:`SINGULAR` (in the accusative too: شرطيا)."""
    return word in SINGULAR or (word.endswith("ا") and word[:-1] in SINGULAR)


_PREPOSITIONS = frozenset(_LISTS["prepositions"])


def _dual_forms(nouns: frozenset[str]) -> frozenset[str]:
    out = set()
    for noun in nouns:
        base = noun[:-1] + "ت" if noun.endswith("ه") else noun
        out.update({base + "ين", base + "ان"})
    return frozenset(out)


def _dual_only_forms(nouns: frozenset[str]) -> frozenset[str]:
    """Forms that can only be duals, of any person noun: the nominative -ان (مدنيان، صحافيان، مستوطنان;
    the -ين form of a nisba is also its plural: مدنيين) and the feminine -تان/-تين (شرطيتين، طفلتين)."""
    out = set()
    for noun in nouns:
        if noun.endswith("ه"):
            out.update({noun[:-1] + "تان", noun[:-1] + "تين"})
        else:
            out.update({noun + "ان", noun + "تان", noun + "تين"})
    return frozenset(out)


DUALS = _dual_forms(DUAL_OK) | _dual_only_forms(SINGULAR)
BOUNDARY_RE = re.compile(r"[.!?;:\n،,]")
_WORD_RE = re.compile(r"\w+")
_SENTENCE_MARK_RE = re.compile(r"[.!?\n]")  # a sentence's end between two tokens (compiled once)


@dataclass(slots=True)
class CasualtyMention:
    """A death or injury count in the text. ``start``/``end`` are offsets into ``doc.norm.text``.

    ``kind``: ``'killed'``, ``'injured'`` or ``'killed_or_injured'`` (one number for both: no death
    count); ``vague``: the count is ACLED's reading of a vague word (عشرات -> 10, عدد من -> 0);
    ``updated``: an updated toll that replaces earlier ones; ``aggregate``: why the count is not the
    toll of one incident (a war's or a campaign's cumulative toll, deaths over a period, a death
    sentence), None when it can be."""

    start: int
    end: int
    text: str
    count: int
    kind: str
    vague: bool = False
    updated: bool = False
    aggregate: str | None = None


@dataclass(slots=True)
class Fatalities:
    """Deaths reported for one event, the span of the count used (None when none) and why."""

    count: int
    start: int | None
    end: int | None
    reason: str
    attackers: int = 0  # how many of ``count`` are attackers who died in their own attack (a bomber)


# ---------------------------------------------------------------------------------------------
# Finding casualty mentions
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=65_536)
def _forms(word: str) -> tuple[str, ...]:
    """A token and its readings without proclitics (و ف then ب ل ك)."""
    out = [word]
    rest = word
    if len(rest) > 3 and rest[0] in "وف":
        rest = rest[1:]
        out.append(rest)
    if len(rest) > 3 and rest[0] in "بلك":
        out.append(rest[1:])
    return tuple(out)


def _article_less(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


_ROLE_TABLES: tuple[tuple[str, Any], ...] = (
    ("toll", TOLL_HEADS), ("self", SELF), ("kill_pronoun", KILL_NOUN_PRONOUN), ("kill_noun", KILL_NOUNS),
    ("laqi", LAQI), ("qada", QADA), ("awda", AWDA), ("kill_verb", KILL_VERBS), ("kill_after", KILL_VERBS_AFTER),
    ("inj_verb", INJ_FWD), ("fell", frozenset({"سقطوا", "سقط"})), ("eliminate", ELIMINATE),
)
# every form some table of _roles holds, and the result nouns (read with the article off too); the tables are
# filled above, at import, and never changed after
_RESULT_FORMS = frozenset(KILL_RESULT) | frozenset(INJ_RESULT)
_ROLE_FORMS = frozenset().union(*(table for _, table in _ROLE_TABLES)) | _RESULT_FORMS
_ROLE_CACHE: dict[str, Mapping[str, str]] = {}
_UNSEEN = object()
# what the per-word cache holds for a word with no role (most words): one shared, empty, read-only mapping, not
# an empty dict of its own per word. The cache is read for every word of an article (:meth:`_Finder.find`); a
# look-up hands back its value with a reference taken, which writes to that object: one object for all the
# words stays in the CPU's cache, thousands of empty dicts scattered in memory do not (and take 64 bytes each)
_NO_ROLES: Mapping[str, str] = MappingProxyType({})


def _roles(word: str) -> dict[str, str]:
    """What a token can be in a casualty mention: ``{role: matched form}``, {} for most words.
    Clitics (و ف ب ل ك) are tried off, and the article off result nouns ("والقتلى")."""
    out: dict[str, str] = {}
    for form in _forms(word):
        if form not in _ROLE_FORMS and _article_less(form) not in _RESULT_FORMS:
            continue  # in no table (most words: one look-up, not fourteen tables tried)
        for role, table in _ROLE_TABLES:
            if role not in out and form in table:
                out[role] = form
        for role, table in (("kill_result", KILL_RESULT), ("inj_result", INJ_RESULT)):
            if role in out:
                continue
            if form in table:
                out[role] = form
            elif _article_less(form) in table:
                out[role] = _article_less(form)
    return out


def _known_roles(word: str) -> Mapping[str, str]:
    """:func:`_roles`, read from the per-word cache that :meth:`_Finder.find` fills (do not change the dict;
    a word with no role reads :data:`_NO_ROLES`)."""
    roles = _ROLE_CACHE.get(word)
    if roles is None:
        roles = _roles(word) or _NO_ROLES
        if len(_ROLE_CACHE) < 200_000:
            _ROLE_CACHE[word] = roles
    return roles


class _Finder:
    def __init__(self, doc: "Document"):
        self.text = doc.norm.text
        self.toks = doc.tokens
        self.raw = doc.token_texts()  # shared with other stages: read, never changed
        self.n = len(self.toks)
        self.date_spans = [(d.start, d.end) for d in getattr(doc, "dates", []) or []]
        self.used: set[int] = set()
        self.mentions: list[CasualtyMention] = []

    @property
    def words(self) -> list[str]:
        return self.raw

    # token helpers ----------------------------------------------------------------------------
    def boundary_after(self, j: int) -> bool:
        """Punctuation or a line break between token j and j+1."""
        if j + 1 >= self.n:
            return True
        return bool(BOUNDARY_RE.search(self.text, self.toks[j].end, self.toks[j + 1].start))

    def in_date(self, j: int) -> bool:
        s, e = self.toks[j].start, self.toks[j].end
        return any(a <= s and e <= b for a, b in self.date_spans)

    def has_form(self, j: int, table) -> str | None:
        if 0 <= j < self.n:
            for form in _forms(self.raw[j]):
                if form in table:
                    return form
        return None

    def counted_noun(self, j: int, table) -> str | None:
        """The noun a number counts, read off token j: the word, or the word without و/ف; never without a
        preposition, since a counted noun takes none ("مقتل 12 بهجوم": killed in an attack, not 12 attacks)."""
        if 0 <= j < self.n:
            word = self.raw[j]
            for form in (word, word[1:] if len(word) > 3 and word[0] in "وف" else word):
                if form in table:
                    return form
        return None

    def negated(self, i: int) -> bool:
        """"دون وقوع إصابات", "لم يسفر الهجوم عن سقوط قتلى", "نفى مقتل ..."."""
        for j in range(max(0, i - 3), i):
            if self.has_form(j, NEGATION):
                return True
        for j in range(max(0, i - 6), i - 1):
            if self.raw[j] in _NOT_BEFORE_RESULT and self.has_form(j + 1, NEGATED_RESULT):
                return True
        return False

    def result_form(self, i: int, table: dict[str, str]) -> str | None:
        """A result noun at i, with or without clitics and the article ("والقتلى")."""
        for form in _forms(self.raw[i]):
            if form in table:
                return form
            bare = _article_less(form)
            if bare in table:
                return bare
        return None

    def number_at(self, j: int) -> tuple[int, int, bool] | None:
        """``(value, end_index_exclusive, vague)`` of a count starting at token j (qualifiers first)."""
        if j >= self.n:
            return None
        first = self.words[j]
        if first not in _NUMBER_START and not first[0].isdigit() and _strip_clitic(first) == first:
            return None
        k = j
        between = False
        while k < self.n:
            q = _qualifier_at(self.words, k)
            if not q:
                break
            between = between or self.words[k + q - 1] == "بين"
            k += q
        if k < self.n and self.words[k] == "ال" and k + 1 < self.n and self.words[k + 1][:1].isdigit():
            k += 1
        elif k + 1 < self.n and self.words[k] in _COUNT_NOUN and self.words[k + 1][:1].isdigit():
            k += 1  # "مصرع عدد 6 عناصر"، "استشهد عدد (2) مجند": official style, the number is the count
        if k >= self.n or k in self.used or self.in_date(k):
            return None
        if k > 0 and self.has_form(k - 1, NOT_PEOPLE_BEFORE):
            return None
        parsed = parse_at(self.words, k)
        if not parsed:
            return None
        value, used, vague = parsed
        end = k + used
        if any(x in self.used for x in range(k, end)):
            return None
        if end < self.n and self.counted_noun(end, NOT_PEOPLE):
            return None
        if between:  # "بين 10 و15": the lower bound; the upper one is swallowed
            if end + 1 < self.n and self.words[end] == "و" and parse_at(self.words, end + 1):
                end += 1 + parse_at(self.words, end + 1)[1]  # type: ignore[index]
            elif end < self.n and self.raw[end].startswith("و") and _is_numberish(self.raw[end][1:]):
                end += parse_at(self.words, end)[1] if parse_at(self.words, end) else 1  # type: ignore[index]
        if value == 0 and not vague:
            return None
        return value, end, vague

    def add(self, first: int, last: int, count: int, kind: str, vague: bool = False, updated: bool = False) -> None:
        first, last = min(first, last), max(first, last)
        start, end = self.toks[first].start, self.toks[last].end
        self.mentions.append(CasualtyMention(start, end, self.text[start:end], count, kind, vague, updated))
        self.used.update(range(first, last + 1))

    def both_after(self, j: int) -> int:
        """Length of a "قتيل وجريح" phrase at token j, else 0."""
        for phrase in BOTH_AFTER_NUMBER:
            if tuple(self.raw[j:j + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def person_count(self, j: int) -> tuple[int, int] | None:
        """Nouns from j meaning one or two people, and singular people joined to them by و
        ("مقتل رجل وزوجته", "مقتل معاون مباحث ... والمجند"): ``(count, last_index)``."""
        first = self._person_at(j)
        if first is None or first[0] != 1:
            return first
        count, last = first
        limit = j + 10
        k = first[1]
        while k + 1 < min(self.n, limit):
            k += 1
            if self.boundary_after(k - 1):
                if not self._titled_conjunct(k):
                    break
                limit = k + 10  # "استشهاد العريف أحمد ...، والجندي محمد ...": a list of the named dead
            if _known_roles(self.raw[k]):
                break
            word = self.raw[k]
            if not word.startswith("و") or len(word) < 3:
                continue
            bare = _article_less(word[1:])
            if bare in SINGULAR or bare in KIN:
                count, last = count + 1, k
            elif bare in DUALS:
                count, last = count + 2, k
        if count > first[0] and self._singular_relative_after(last):
            return first  # "القائد العسكري ... والقيادي البارز الذي يدعى ...": two titles of one man
        return count, last

    def _titled_conjunct(self, k: int) -> bool:
        """Token k, right after a comma, opens the next name of a list of the dead: "و" and a definite
        title of one person ("، والجندي أول محمد علي"); not after a sentence's end."""
        word = self.raw[k]
        if not word.startswith("وال") or len(word) < 5 or k == 0:
            return False
        if not _LIST_COMMA_RE.fullmatch(self.text, self.toks[k - 1].end, self.toks[k].start):
            return False
        if word[3:] not in SINGULAR:
            return False
        for x in range(k + 1, min(self.n, k + 10)):  # "، والضابط أحمد سالم أصيب": the wounded, not a name
            if _known_roles(self.raw[x]):
                return False
            if self.boundary_after(x):
                break
        return True

    def _singular_relative_after(self, k: int) -> bool:
        """A singular relative pronoun (الذي / التي) soon after token k, in the same clause: the nouns
        joined before it name one person ("اللذين" would name two)."""
        for x in range(k + 1, min(self.n, k + 7)):
            if self.boundary_after(x - 1):
                return False
            if self.raw[x] in ("الذي", "التي"):
                return True
            if self.raw[x] in _RELATIVE_MANY:
                return False
        return False

    def _person_at(self, j: int) -> tuple[int, int] | None:
        if j >= self.n:
            return None
        word = self.raw[j]
        if self.has_form(j, ONE):
            return 1, j
        bare = _article_less(word)
        if word in KIN:
            return 1, j  # "مقتل والده"، "أسفر عن مقتل نجله": a man's kin, one person
        if word in KIN_DUALS:
            return 2, j  # "مقتل نجليه"
        for cand in {bare, bare[:-1] if bare.endswith("ا") else bare}:
            if cand in DUALS:
                return 2, j
            if cand in SINGULAR:
                for k in range(j + 1, min(self.n, j + 4)):
                    if self.boundary_after(k - 1) or _known_roles(self.raw[k]):
                        break  # "مقتل جندي وإصابة اثنين": the two are the wounded
                    if self.raw[k] in TWO:
                        return 2, k
                return 1, j
        for k in range(j + 1, min(self.n, j + 3)):  # "عسكريين تركيين اثنين"
            if self.boundary_after(k - 1) or _known_roles(self.raw[k]):
                break
            if self.raw[k] in TWO:
                return 2, k
        return None

    # cue handlers ------------------------------------------------------------------------------
    def forward(self, i: int, kind: str, verb: bool) -> bool:
        """A count after the cue at i (fillers, and for verbs up to 3 subject words, in between)."""
        j = i + 1
        while j < self.n and self.has_form(j, FILLERS) and not self.boundary_after(j - 1):
            j += 1
        if verb and j > i + 1 and any(self.raw[x] in PART_OF for x in range(i + 1, j)) and self.backward_numbers(i, 8):
            return False  # "17 شخصا قتلوا منهم 5 أطفال": the part after the verb, the toll before it
        if j < self.n and not self.boundary_after(i):
            both = kind == "killed" and self.has_form(j, INJ_AFTER_KILL) is not None
            if kind == "killed" and self.raw[j] != "او" and (both or self.raw[j] in INJ_VERB_AFTER_KILL):
                if verb and (self.backward_numbers(i, 8) or self.one_person_before(i)):
                    # "40 شخصا قتلوا وأصيب 72"، "16 شخصا قد قتلوا وجرح المئات"، "عسكريا تركيا قتل وجرح
                    # اثنان آخران": the count after is the wounded
                    return False
                both = True
            if both and self.raw[j] == "او" and not (j + 1 < self.n and self.has_form(j + 1, INJ_FWD)):
                both = False
            if both:
                j += 2 if self.raw[j] == "او" else 1
                num = self.number_at(j) if j < self.n else None
                if num:
                    self.add(i, num[1] - 1, num[0], "killed_or_injured", num[2])
                    return True
                self.add(i, j - 1, 0, "killed_or_injured", True)
                return True
            limit = 3 if verb else 0
            for k in range(j, min(self.n, j + limit + 1)):
                if k > j and self.boundary_after(k - 1):
                    break
                if verb and self.raw[k] in PART_OF and self.backward_numbers(i, 8):
                    return False  # "51 شخصا قتلوا بينهم 40 طفلا": the victims came before the verb, the 40 among them
                num = self.number_at(k)
                if num:
                    value, end, vague = num
                    extra = self.both_after(end) if end < self.n else 0
                    if extra and kind == "killed":
                        self.add(i, end + extra - 1, value, "killed_or_injured", vague)
                        return True
                    more = self.coordinated(end)
                    while more:  # "مقتل 4 مدنيين و3 جنود"
                        value, end, vague = value + more[0], more[1], vague or more[2]
                        more = self.coordinated(end)
                    if k > j:
                        value += self.joined_before(j, k, end)
                    self.add(i, end - 1, value, kind, vague)
                    return True
                if k > j and (self.has_form(k, KILL_NOUNS) or self.has_form(k, INJ_FWD)):
                    break
            person = self.person_count(j)
            if person:
                others = self.others_after_person(person[1]) if person[0] == 1 else None
                if others:  # "قتل السفير الأميركي كريستوفر ستيفنز و3 دبلوماسيين آخرين": the one named + 3
                    self.add(i, others[1] - 1, 1 + others[0], kind, others[2])
                    return True
                self.add(i, person[1], person[0], kind)
                return True
            if verb and kind == "killed" and self.has_form(i, ACTIVE_KILL_VERBS):
                return self.object_after_subject(i, j)
        return False

    def object_after_subject(self, i: int, j: int) -> bool:
        """The victims of an active verb told after its subject, across the commas of a day between
        them: "قتل الجيش الإسرائيلي، الجمعة، شابين فلسطينيين"، "قتلت الميليشيا، امرأة". The object is a
        count, a dual noun, or one person right after a comma; never a definite noun (an adjective of the
        subject: "قتل الجيش السوري")."""
        first = self.raw[j]
        if first in _SUBJECT_STOP or first in PART_OF or _known_roles(first) or self.backward_numbers(i, 8):
            return False  # "ستة أشخاص قتلوا في الغارات بينهم امرأتان": the victims came before the verb
        comma = False
        for k in range(j + 1, min(self.n, j + 6)):
            gap = self.text[self.toks[k - 1].end:self.toks[k].start]
            if _SENTENCE_END_RE.search(gap) or ";" in gap or ":" in gap:
                return False
            comma = comma or bool(BOUNDARY_RE.search(gap))
            word = self.raw[k]
            if comma and self.has_form(k, WEEKDAYS):
                continue  # "، الجمعة،": when, not whom
            if word in _SUBJECT_STOP or word in PART_OF or _known_roles(word) \
                    or (word.startswith("و") and word not in DUALS):
                return False
            if word[:1].isdigit() or word in NUMBER_WORDS:
                num = self.number_at(k)
                if num and not num[2]:
                    self.add(i, num[1] - 1, num[0], "killed")
                    return True
                return False
            if word.startswith("ال"):
                continue
            person = self._person_at(k)
            if person and (comma or person[0] == 2):
                self.add(i, person[1], person[0], "killed")
                return True
        return False

    def one_person_before(self, i: int) -> bool:
        """One person named right before the verb at i, in its clause ("وكان شرطي قتل")."""
        for k in (i - 1, i - 2):
            if k < 0 or k in self.used or self.boundary_after(k):
                return False
            bare = self.raw[k][1:] if self.raw[k].startswith("و") and len(self.raw[k]) > 3 else self.raw[k]
            if _one_person(bare):
                return True
        return False

    def others_after_person(self, last: int) -> tuple[int, int, bool] | None:
        """A count glued by و a few words after one person (his name, title or nisba between), followed
        by "آخرين" or by his own men ("و4 من مرافقيه"): "مقتل القائد فلان و4 عناصر آخرين" -> the count
        ``(value, end, vague)``; the person is one more."""
        for k in range(last + 1, min(self.n, last + 6)):
            if self.boundary_after(k - 1) or _known_roles(self.raw[k]):
                return None
            word = self.raw[k]
            glued = self.raw[k - 1] == "و" or (
                word.startswith("و") and word not in NUMBER_WORDS and _is_numberish(word[1:]))
            if not glued:
                continue
            num = self.number_at(k)
            if not num:
                return None
            end = num[1]
            if any(x < self.n and self.raw[x] in OTHERS for x in range(end, min(self.n, end + 3))):
                return num
            if end + 1 < self.n and self.raw[end] == "من" and not self.boundary_after(end):
                owner = self.raw[end + 1]  # "وأربعة من مرافقيه": his men, not "و4 من عناصرهم"
                if len(owner) > 4 and owner.endswith(("يه", "ه", "ها")) and not owner.endswith(("هم", "هن", "هما")):
                    return num
            return None
        return None

    def joined_before(self, j: int, k: int, end: int) -> int:
        """People named between a death word and a count that is joined to them, to add to it: "قتل
        جنديان مصريان و8 مسلحين" (2 + 8), "قتل القائد مع سبعة آخرين" (the one named + 7)."""
        word = self.raw[k]
        glued = self.raw[k - 1] == "و" or (  # "و8"، "وثلاثة"; not "واحد"
            word.startswith("و") and word not in NUMBER_WORDS and _is_numberish(word[1:]))
        if glued:
            person = self.person_count(j)
            if person and person[1] < k:
                return person[0]
            return 0
        if self.raw[k - 1] == "مع" and any(x < self.n and self.raw[x] in OTHERS for x in (end, end + 1)):
            return 1  # the subject, before the verb or between it and مع ("قتل مع سبعة آخرين")
        return 0

    def coordinated(self, end: int) -> tuple[int, int, bool] | None:
        """A second count joined by و right after a count ending at ``end`` (one noun may come
        between): "4 مدنيين و3 جنود"; not when it counts the injured ("و5 جرحى"). "إضافة إلى" joins
        them too, a few words on ("26 مقاتلا من قوات النظام إضافة إلى تسعة مقاتلين روس")."""
        for j in range(end, min(self.n - 2, end + 6)):
            if j > end and self.boundary_after(j - 1):
                break
            if self.raw[j] in _IN_ADDITION and self.raw[j + 1] == "الي":
                num = self.number_at(j + 2)
                if not num or num[2]:
                    return None
                after = num[1]
                if after < self.n and (self.result_form(after, INJ_RESULT) or self.raw[after] in ("بجروح", "بجراح")):
                    return None
                noun_end = after + 1 if after < self.n and not self.boundary_after(after - 1) \
                    and self.raw[after].isalpha() and not _known_roles(self.raw[after]) else after
                return num[0], noun_end, False
            if _known_roles(self.raw[j]) or self.raw[j][:1].isdigit():
                break
        for j in (end, end + 1):
            if j >= self.n or (j > end and (self.boundary_after(j - 1) or not self.raw[j - 1].isalpha()
                                            or self.raw[j - 1].startswith("و"))):
                break
            if j > 0 and self.boundary_after(j - 1):
                break
            if self.raw[j] == "و":
                start = j + 1
            elif self.raw[j].startswith("و") and _is_numberish(self.raw[j][1:]):
                start = j
            else:
                continue
            return self.second_count(start)
        return self.after_partitive(end) or self.joined_person(end)

    def second_count(self, start: int) -> tuple[int, int, bool] | None:
        """The count starting at ``start`` that follows a joining و, with its noun: None when it is no plain
        count or counts the wounded ("و15 جريحا", "و3 بجروح")."""
        num = self.number_at(start)
        if not num or num[2]:
            return None
        after = num[1]
        for x in (after, after + 1):
            if x < self.n and (self.result_form(x, INJ_RESULT) or self.has_form(x, INJ_FWD)
                               or self.raw[x] in ("بجروح", "بجراح")):
                return None
        noun_end = after + 1 if after < self.n and not self.boundary_after(after - 1) \
            and self.raw[after].isalpha() and not _known_roles(self.raw[after]) else after
        return num[0], noun_end, False

    def after_partitive(self, end: int) -> tuple[int, int, bool] | None:
        """A second count joined by و after the first one's partitive "من ..." (a comma may come before
        و): "25 جهاديا من تنظيم النصرة وسبعة من المقاتلين" (+7), "12 من رجال الأمن، وثلاثة من العاملين"
        (+3); not the wounded ("و15 جريحا")."""
        j = end + 1 if end < self.n and self.raw[end] != "من" else end  # the counted noun, if any
        if j >= self.n or self.raw[j] != "من" or (j > end and self.boundary_after(end - 1)):
            return None
        for k in range(j + 2, min(self.n, j + 6)):
            gap = self.text[self.toks[k - 1].end:self.toks[k].start]
            if _SENTENCE_END_RE.search(gap) or ";" in gap or ":" in gap:
                return None
            comma = bool(BOUNDARY_RE.search(gap))
            word = self.raw[k]
            if word == "و" and k + 1 < self.n:
                start = k + 1
            elif word.startswith("و") and _is_numberish(word[1:]):
                start = k
            elif comma or _known_roles(word) or word[:1].isdigit() or (word != "من" and word in _PREPOSITIONS) \
                    or word.startswith("بال") or self.has_form(k, WEEKDAYS) or self.in_date(k):
                return None  # "قتل 7 من عناصر الأمن في الهجوم و3 آخرون في بغداد"، "... الخميس وأربعة آخرون
                # الجمعة": the partitive has ended (a place, a day: the second count is another's)
            else:
                continue
            return self.second_count(start)
        return None

    def joined_person(self, end: int) -> tuple[int, int, bool] | None:
        """One or two people joined by و to the counted noun (an adjective may come between): "21 سائحا
        أجنبيا وشرطيا" (+1), "15 طفلا وامرأتان" (+2); not when they are the wounded ("وطفل جريح")."""
        for j in (end + 1, end + 2):
            if j >= self.n or self.boundary_after(j - 1):
                return None
            word = self.raw[j - 1]
            if not word.isalpha() or _known_roles(word) or (j - 1 > end and word.startswith("و")):
                return None
            word = self.raw[j]
            if not word.startswith("و") or len(word) < 4:
                continue
            bare = word[1:]
            count = 2 if bare in DUALS else (1 if _one_person(bare) else 0)
            if not count:
                return None
            if j + 1 < self.n and not self.boundary_after(j) and (self.result_form(j + 1, INJ_RESULT)
                                                                 or self.raw[j + 1] in ("بجروح", "بجراح")):
                return None
            return count, j + 1, False
        return None

    def companions_of_named(self, first: int, end: int) -> bool:
        """The count at ``first`` (ending before ``end``) is joined by و to one person named before it and
        counts his or her companions: "المشراقي وعددا من مرافقيه لقوا مصرعهم" (he + a number of his men: 1),
        "لقي القائد وثلاثة من حراسه مصرعهم" (1 + 3). The singular pronoun (مرافقيه، حراسها) says the named
        one is apart from them; "مرافقيهم" does not."""
        if first < 1 or end + 1 >= self.n:
            return False
        word = self.raw[first]
        glued = (word.startswith("و") and word not in NUMBER_WORDS) or self.raw[first - 1] == "و"
        before = first - 2 if self.raw[first - 1] == "و" else first - 1
        if not glued or before < 0 or self.boundary_after(before) or before in self.used:
            return False
        name = self.raw[before]
        if not name.isalpha() or len(name) < 3 or _known_roles(name) or name in _PREPOSITIONS \
                or self.number_at(before) or name in NUMBER_WORDS:
            return False
        if self.raw[end] != "من" or self.boundary_after(end):
            return False
        owner = self.raw[end + 1]
        return len(owner) > 4 and owner.endswith(("يه", "ه", "ها")) and not owner.endswith(("هم", "هن", "هما"))

    def backward_numbers(self, i: int, window: int) -> tuple[int, int, bool] | None:
        """Counts before token i in the same clause; coordinated ones ("14 مسلحا و6 من ...") summed:
        ``(sum, first_index, vague)``."""
        lo = i
        while lo > max(0, i - window) and not self.boundary_after(lo - 1):
            lo -= 1
        phrases: list[tuple[int, tuple[int, int, bool]]] = []
        k = lo
        while k < i:
            num = self.number_at(k)
            if num and num[1] <= i:
                phrases.append((k, num))
                k = num[1]
                continue
            k += 1
        if not phrases:
            return None
        if len(phrases) > 1 and phrases[-1][0] > 0 and self.raw[phrases[-1][0] - 1] in PART_OF:
            phrases.pop()  # "51 شخصا بينهم 40 طفلا قتلوا": the 40 are among the 51
        chain = [phrases[-1]]
        for phrase in reversed(phrases[:-1]):
            head = chain[0][0]
            if self.raw[head].startswith("و") or (head > 0 and self.raw[head - 1] == "و"):
                chain.insert(0, phrase)
            else:
                break
        return sum(p[1][0] for p in chain), chain[0][0], any(p[1][2] for p in chain)

    def find(self) -> list[CasualtyMention]:
        used, cache, raw = self.used, _ROLE_CACHE, self.raw
        # the roles of all the words read at once from the per-word cache (most words have none: {}, falsy);
        # only cue words and words not seen before (_UNSEEN) are walked
        known = list(map(cache.get, raw, repeat(_UNSEEN)))
        for i in compress(range(len(raw)), known):
            roles = known[i]
            if roles is _UNSEEN:
                roles = _roles(raw[i]) or _NO_ROLES
                if len(cache) < 200_000:
                    cache[raw[i]] = roles
            if roles and i not in used:
                self.cue(i, roles)
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def cue(self, i: int, roles: dict[str, str]) -> None:
        """Read the casualty mention a cue word at token i starts (``roles``: see :func:`_roles`)."""
        raw = self.raw[i]
        if "toll" in roles and self.toll(i):
            return
        if "self" in roles and roles["self"] in SUICIDE:
            if not (i > 0 and self.has_form(i - 1, NOT_SUICIDE_BEFORE)) and not self.negated(i):
                self.add(i, i, 1, "killed")  # "ثم انتحر"، "وانتحار منفذ الهجوم"
            return
        if "self" in roles and not self.same_noun(i):
            for k in range(max(0, i - 6), i):
                if self.raw[k].startswith(SHOT_SELF_STEMS[:2]) and SELF[roles["self"]] == 1 and any(
                        self.has_form(x, SHOT_WORDS) for x in range(k + 1, min(self.n, i + 3))):
                    self.add(k, i, 1, "killed")  # "أطلق النار على نفسه"، "أطلق على نفسه الرصاص"
                    return
                if self.raw[k].startswith(SELF_VERB_STEMS):
                    count = SELF[roles["self"]]
                    self.add(k, i, count or 0, "killed", count is None)
                    return
        if len(roles) == ("toll" in roles) + ("self" in roles) or self.negated(i):
            return
        if "eliminate" in roles:
            # "القضاء على 7 مسلحين"، "القضاء على قيادي": a count or a person after على, nothing else
            # ("القضاء على الإرهاب")
            if i + 1 < self.n and self.raw[i + 1] == "علي" and not self.boundary_after(i):
                self.forward(i + 1, "killed", verb=False)
            return
        if "kill_pronoun" in roles:
            count = KILL_NOUN_PRONOUN[roles["kill_pronoun"]]
            if not self.forward(i, "killed", verb=False):
                self.add(i, i, count or 0, "killed", count is None)
        elif "kill_noun" in roles:
            if not self.forward(i, "killed", verb=False) and roles["kill_noun"] in _KILL_NOUNS_OF_PERSON:
                if i + 1 < self.n and not self.boundary_after(i) and self.raw[i + 1] not in ("علي", "في"):
                    self.add(i, i, 0, "killed", True)  # "مقتل البقية", "مقتل سكان": deaths, no number
        elif "laqi" in roles:
            self.laqi(i)
        elif "qada" in roles:
            self.qada(i)
        elif "awda" in roles:
            # "أودى بحياة 3"، "أودى انفجار لغم الخميس بحياة 3": the subject may come between
            for k in range(i + 1, min(self.n, i + 12)):
                if self.raw[k] in ("بحياه", "بحيات"):
                    if not self.forward(k, "killed", verb=False):
                        self.add(i, k, 0, "killed", True)
                    break
                if self.boundary_after(k - 1) or _known_roles(self.raw[k]):
                    break
        elif "kill_verb" in roles:
            if not self.forward(i, "killed", verb=True):
                if not ("kill_after" in roles and self.back(i, "killed")):
                    self.relative_person(i)
        elif "kill_result" in roles:
            self.result(i, KILL_RESULT[roles["kill_result"]], "killed")
        elif "inj_verb" in roles:
            self.forward(i, "injured", verb=raw not in ("اصابه", "اصابات"))
        elif "inj_result" in roles:
            self.result(i, INJ_RESULT[roles["inj_result"]], "injured")
        elif "fell" in roles and i + 1 < self.n and self.raw[i + 1] in ("قتلي", "قتيلا"):
            self.back(i, "killed", span_end=i + 1)  # "14 مسلحا ... سقطوا قتلى"
        elif "fell" in roles and not self.boundary_after(i):
            # "وسقط 4 من القتلى قرب السياج": that many of the dead fell there (not "من القتلى والجرحى")
            num = self.number_at(i + 1)
            end = num[1] if num else self.n
            if num and end + 1 < self.n and self.raw[end] == "من" and self.raw[end + 1] == "القتلي" \
                    and not (end + 2 < self.n and self.raw[end + 2].startswith("وال")):
                self.add(i, end + 1, num[0], "killed", num[2])

    def same_noun(self, i: int) -> bool:
        """"في المدينة نفسها"، "بالطريقة نفسها": نفسه after a noun governed by a preposition means "the
        same", not the bomber himself ("فجر الرجل نفسه")."""
        if i < 2:
            return False
        before = self.raw[i - 1]
        return before.startswith(("بال", "لل", "كال")) or (before.startswith("ال") and self.raw[i - 2] in _PREPOSITIONS)

    def back(self, i: int, kind: str, span_end: int | None = None) -> bool:
        end = span_end if span_end is not None else i
        if i > 0 and (_article_less(self.raw[i - 1]) in DUALS) and i - 1 not in self.used:
            self.add(i - 1, end, 2, kind)
            return True
        found = self.backward_numbers(i, 8)
        if found:
            total, first, vague = found
            num = self.number_at(first)
            if num and self.companions_of_named(first, num[1]):
                # "أن المشراقي و4 من مرافقيه قتلوا": the named one + his men
                self.add(first - 1, end, total + 1, kind)
                return True
            self.add(first, end, total, kind, vague)
            return True
        # "وكان شرطي أردني قتل، السبت"، "جنديا توفي متأثرا بجراحه": one person named right before the verb
        for k in (i - 1, i - 2):
            if k < 0 or k in self.used or self.boundary_after(k):
                return False
            bare = self.raw[k][1:] if self.raw[k].startswith("و") and len(self.raw[k]) > 3 else self.raw[k]
            if _one_person(bare):
                self.add(k, end, 1, kind)
                return True
        return False

    def relative_person(self, i: int) -> bool:
        """One person named before a singular relative pronoun right before the death verb at i: "الصحافي
        أحمد الذي توفي"، "الطفلة السورية، التي قتلت" (his or her name or a nisba between, and one comma; a bare
        "الرجل الذي قتل" points back to a man told of before). Nothing
        when a count or another cue word comes first ("الهجوم الذي قتل"، "3 أشخاص بينهم جندي الذي ...")."""
        if i < 2 or self.raw[i] not in _RELATIVE_VERBS or self.raw[i - 1] not in _RELATIVE_ONE \
                or self.boundary_after(i - 1):
            return False
        for k in range(i - 2, max(-1, i - 8), -1):
            if k in self.used or (k < i - 2 and self.boundary_after(k)):
                return False
            gap = self.text[self.toks[k].end:self.toks[k + 1].start]
            if _SENTENCE_END_RE.search(gap) or ";" in gap or ":" in gap:
                return False
            word = self.raw[k]
            if k > 0 and self.raw[k - 1] in _NAME_PARTICLES:
                continue  # a name ("أبو علي": not the preposition على)
            if _known_roles(word) or self.number_at(k) or word in _SUBJECT_STOP or word in _PREPOSITIONS:
                return False
            bare = _article_less(word[1:] if word.startswith("و") and len(word) > 3 else word)
            if bare in _NISBA or (word.startswith("ال") and word.endswith("يه")):
                continue  # "الرضيع الفلسطيني الذي"، "الطفلة السورية، التي" (not "الجيش الإسرائيلي الذي"): an
                # adjective, look before it
            if _one_person(bare):
                if k == i - 2:
                    return False  # "الرجل الذي قتل": the man told of before, no name or nisba of his own
                self.add(k, i, 1, "killed")
                return True
            if word.startswith("ال") and not word.endswith("ي"):
                return False  # "الهجوم الذي قتل": a definite noun that names no person
        return False

    def _number_ending_at(self, i: int) -> int | None:
        """The first token of a count that ends right before token i."""
        for s in range(max(0, i - 6), i):
            parsed = self.number_at(s)
            if parsed and parsed[1] == i:
                return s
        return None

    def result(self, i: int, number: str, kind: str) -> None:
        """"9 قتلى", "19 بين قتيل وجريح", "عشرات القتلى", "سقوط قتيل", "جثتي رجلين"."""
        both_next = i + 1 < self.n and self.raw[i + 1] in BOTH_SECOND
        if i > 0 and not self.boundary_after(i - 1):
            for gap in ((), ("بين",), ("ما", "بين")):
                head = i - len(gap)
                if tuple(self.raw[head:i]) != gap:
                    continue
                start = self._number_ending_at(head)
                if start is None:
                    continue
                value, _, vague = self.number_at(start)  # type: ignore[misc]
                both = kind == "killed" and (bool(gap) or both_next)
                self.add(start, i + (1 if both_next else 0), value, "killed_or_injured" if both else kind, vague)
                return
            for head in (i - 1, i - 2):  # "عشرات القتلى", "العديد من الجثث"
                if head < 0 or (head == i - 2 and self.raw[i - 1] != "من"):
                    continue
                parsed = parse_at(self.words, head)
                if parsed and parsed[2] and parsed[1] == 1 and head not in self.used:
                    both = kind == "killed" and both_next
                    self.add(head, i + (1 if both_next else 0), parsed[0], "killed_or_injured" if both else kind,
                             True)
                    return
        indefinite = self.raw[i] == _article_less(self.raw[i]) or self.raw[i].startswith(("و", "ب"))
        if number == "singular":
            if indefinite and both_next and kind == "killed":
                # "سقط عدد كبير من عناصرها بين قتيل وجريح": the dead and the wounded, not one death
                self.add(i, i + 1, 0, "killed_or_injured", True)
            elif indefinite:
                self.add(i, i, 1, kind)
        elif number == "dual" or (number == "dual_or_plural" and _article_less(self.raw[i]) in DUALS):
            self.add(i, i, 2, kind)
        elif number == "plural" and indefinite and kind == "killed":
            self.add(i, i + (1 if both_next else 0), 0, "killed_or_injured" if both_next else kind, True)

    def laqi(self, i: int) -> None:
        """"لقي ستة ... مصرعهم", "لقي ضابط ومجند ... مصرعهما", "لقي شخص حتفه"."""
        for k in range(i + 1, min(self.n, i + 13)):
            word = self.raw[k]
            if word.startswith(DEATH_OBJECT):
                suffix = word[3:] if word.startswith("حتف") else word[4:]
                num = None
                for j in range(i + 1, k):
                    num = self.number_at(j)
                    if num and num[1] <= k:
                        break
                    num = None
                if suffix == "هما":
                    count, vague = 2, False
                elif num:
                    count, vague = num[0], num[2]
                    if self.companions_of_named(j, num[1]):
                        count, vague = count + 1, False  # "لقي القائد وثلاثة من حراسه مصرعهم": he + 3
                elif suffix in ("ه", "ها"):
                    count, vague = 1, False
                    others = self.number_at(k + 2) if k + 2 < self.n and self.raw[k + 1] == "مع" else None
                    if others and any(x < self.n and self.raw[x] in OTHERS for x in (others[1], others[1] + 1)):
                        # "قبل أن يلقى مصرعه مع عشرات آخرين": he and the others
                        self.add(i, others[1] - 1, 1 + others[0], "killed", others[2])
                        return
                else:
                    back = self.backward_numbers(i, 6)
                    if back:
                        end = self.number_at(back[1])
                        if end and self.companions_of_named(back[1], end[1]):
                            # "المشراقي وعددا من مرافقيه لقوا مصرعهم": the named one + his men
                            self.add(back[1] - 1, k, back[0] + 1, "killed", False)
                            return
                        self.add(back[1], k, back[0], "killed", back[2])
                        return
                    count, vague = 0, True
                self.add(i, k, count, "killed", vague)
                return
            if k + 1 < self.n and _SENTENCE_MARK_RE.search(self.text[self.toks[k].end:self.toks[k + 1].start]):
                return

    def qada(self, i: int) -> None:
        for k in range(max(0, i - 5), i):
            if self.raw[k].startswith(_BODY_STEMS) or _article_less(self.raw[k]).startswith("جث"):
                return  # "جثتي رجلين قضيا ...": the bodies were counted already
        j = i + 1
        if j + 1 < self.n and self.has_form(j, WEEKDAYS) and not self.boundary_after(i):
            j += 1  # "قضى الأربعاء متأثرا بجراحه": the day told between
        nxt = self.raw[j] if j < self.n else ""
        if nxt not in QADA_NEXT and not nxt.startswith("نحب"):
            # "ستة أشخاص على الأقل قضوا اليوم في الهجوم": the count before it is the dead, unless time spent
            # follows ("قضوا في السجن ثلاث سنوات")
            if self.raw[i] not in QADA_PLURAL or nxt not in QADA_WHERE_NEXT or self.boundary_after(i) or any(
                    self.has_form(k, QADA_SPENT) for k in range(j, min(self.n, j + 5))):
                return
            self.back(i, "killed")
            return
        if not self.back(i, "killed"):
            word = self.raw[i]
            self.add(i, i, 2 if word.endswith("يا") else (1 if word in ("قضي", "قضت") else 0), "killed",
                     word in ("قضوا",))

    def toll(self, i: int) -> bool:
        """"ارتفاع حصيلة القتلى إلى 30", "بلغ عدد الضحايا 12"."""
        death_at = None
        for k in range(i + 1, min(self.n, i + 3)):
            if self.has_form(k, TOLL_DEATH):
                death_at = k
                break
        if death_at is None:
            return False
        kind = "killed"
        k = death_at + 1
        if k < self.n and self.has_form(k, TOLL_BOTH):
            kind = "killed_or_injured"
            k += 1
        updated = any(self.has_form(j, TOLL_UP) for j in range(max(0, i - 3), i))
        for j in range(k, min(self.n, k + 6)):
            if j > k and self.boundary_after(j - 1):
                break
            if self.raw[j] in _TOLL_TO and j > 0:
                updated = updated or any(self.has_form(x, TOLL_UP) for x in range(max(0, i - 3), j))
            num = self.number_at(j)
            if num:
                value, end, vague = num
                last = end - 1
                if end < self.n and self.has_form(end, KILL_RESULT):
                    last = end
                self.add(i, last, value, kind, vague, updated)
                return True
        return False


def find_casualties(doc: "Document") -> None:
    """Stage: set ``doc.casualties`` (CasualtyMentions sorted by start). Run after the dates stage so
    that a number inside a date ("في 11 يوليو") is not read as a count. Death counts that are not one
    incident's toll are marked (``aggregate``, see :func:`aggregate_reason`)."""
    finder = _Finder(doc)
    mentions = finder.find()
    starts = doc._token_starts()  # shared with the other stages: read, never changed
    for m in mentions:
        if m.kind != "injured":
            first = bisect.bisect_right(starts, m.start) - 1
            last = max(first, bisect.bisect_left(starts, m.end) - 1)
            m.aggregate = aggregate_reason(finder.raw, finder.text, finder.toks, max(first, 0), last, m.count)
    doc.casualties = mentions
    if _AREA_CUE_RE.search(doc.norm.text):
        for m in mentions:
            if m.kind == "killed" and m.count > 0 and m.aggregate is None:
                m.aggregate = area_toll_reason(doc, m)
    model = _toll_model() if USE_LEARNED_TOLLS else None
    if model is not None:
        from .learn.tolls import mention_features
        trigger_starts = sorted(t.start for t in getattr(doc, "triggers", []) or []
                                if getattr(t, "modality", None) is None and not getattr(t, "absorbed", False))
        for m in mentions:
            if m.kind == "killed" and m.count > 0 and m.aggregate is None:
                p = model.probability(mention_features(doc, m, None, starts, trigger_starts))
                if p < model.meta.get("threshold", 0.3):
                    m.aggregate = f"the learned toll decision gives it {p:.2f} of being one incident's toll"


# The learned decision (rasd/learn/tolls.py) judges the counts the rules leave. Off by default: trained on
# train.jsonl it helps there under cross-validation, but on the evaluation sets it also drops real tolls
# (rasd/data/models/tolls.md). RASD_LEARNED_TOLLS=1 turns it on.
USE_LEARNED_TOLLS = os.environ.get("RASD_LEARNED_TOLLS", "") not in ("", "0")


def _toll_model() -> Any:
    try:
        from .learn.tolls import load_model
    except ImportError:  # numpy missing: the rules decide alone
        return None
    return load_model()


# ---------------------------------------------------------------------------------------------
# Fatalities of one event
# ---------------------------------------------------------------------------------------------
def _clause_of(sentence: "Sentence", pos: int) -> "Sentence":
    for clause in sentence.clauses or ():
        if clause.start <= pos < clause.end:
            return clause
    return sentence


def _sentence_index(doc: "Document", trigger: Any, sentence: "Sentence") -> int:
    idx = getattr(trigger, "sentence", -1)
    if isinstance(idx, int) and 0 <= idx < len(doc.sentences) and doc.sentences[idx] is sentence:
        return idx
    for i, s in enumerate(doc.sentences):
        if s is sentence or (s.start == sentence.start and s.end == sentence.end):
            return i
    return -1


class _Rivals:
    """The triggers of a document that can own a casualty mention, sorted by start, for bisection:
    reported (no modality), not absorbed, and not themselves a death word of a count ("مقتل" is a
    trigger and a count: it does not compete for its own count). Built once per document (cached in
    ``doc.user_data``), so that finding the triggers of a sentence, or the nearest ones to a count,
    costs a bisection instead of a scan of every trigger (linear, not quadratic, in a text with
    thousands of triggers)."""

    def __init__(self, doc: "Document"):
        cas = sorted(doc.casualties, key=lambda c: c.start)
        cstarts = [c.start for c in cas]
        clen = max((c.end - c.start for c in cas), default=0)

        def in_count(t: Any) -> bool:
            lo = bisect.bisect_left(cstarts, t.start - clen)
            hi = bisect.bisect_left(cstarts, t.end)
            return any(cas[k].end > t.start for k in range(lo, hi))

        self.items = sorted((t for t in getattr(doc, "triggers", []) or []
                             if getattr(t, "modality", None) is None and not getattr(t, "absorbed", False)
                             and not in_count(t)), key=lambda t: t.start)
        self.starts = [t.start for t in self.items]
        self.span = max((t.end - t.start for t in self.items), default=0)
        self.table: list[list[int]] | None = None  # built by the first max_end (most documents ask none)

    def _sparse_table(self) -> list[list[int]]:
        """The sparse table of the largest end over index ranges (the rival ending nearest before a count):
        row k holds the largest end of each run of 2**k items."""
        ends = [t.end for t in self.items]
        table = [ends]
        width = 1
        while 2 * width <= len(ends):
            prev = table[-1]
            table.append([max(prev[i], prev[i + width]) for i in range(len(ends) - 2 * width + 1)])
            width *= 2
        self.table = table
        return table

    def max_end(self, lo: int, hi: int) -> int | None:
        """The largest end among items[lo:hi] (None when empty)."""
        if lo >= hi:
            return None
        level = (hi - lo).bit_length() - 1
        row = (self.table or self._sparse_table())[level]
        return max(row[lo], row[hi - (1 << level)])

    def index_range(self, trigger: Any, start: int, end: int) -> tuple[int, int, int | None]:
        """``(lo, hi, own)``: the items starting in ``[start, end)`` are items[lo:hi]; ``own`` is the
        index of ``trigger`` itself among them (or None)."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        here = (getattr(trigger, "start", None), getattr(trigger, "end", None))
        if here[0] is None:
            return lo, hi, None
        k = bisect.bisect_left(self.starts, here[0], lo, hi)
        while k < hi and self.starts[k] == here[0]:
            t = self.items[k]
            if t is trigger or (t.start, t.end) == here:
                return lo, hi, k
            k += 1
        return lo, hi, None

    def between(self, trigger: Any, start: int, end: int) -> list[Any]:
        lo, hi, own = self.index_range(trigger, start, end)
        if own is None:
            return self.items[lo:hi]
        return self.items[lo:own] + self.items[own + 1:hi]


def _rivals(doc: "Document") -> _Rivals:
    key = (id(doc.triggers), len(doc.triggers or ()), id(doc.casualties), len(doc.casualties or ()))
    cached = doc.user_data.get("rasd.numbers.rivals") if isinstance(doc.user_data, dict) else None
    if cached is None or cached[0] != key:
        cached = (key, _Rivals(doc))
        if isinstance(doc.user_data, dict):
            doc.user_data["rasd.numbers.rivals"] = cached
    return cached[1]


def _competitors(doc: "Document", trigger: Any, start: int, end: int) -> list[Any]:
    """Other reported-event triggers in ``[start, end)`` that can own a casualty mention, by start."""
    return _rivals(doc).between(trigger, start, end)


# "ما أسفر عن مقتل"، "أسفر الهجوم عن مقتل"، "أدى القصف المكثف الى مقتل"، "مما نتج عنه استشهاد" (the subject may
# come between)
_RESULT_LINK_RE = re.compile("(?:" + alternation(_LISTS["result_links"]) + r")"
                             r"[ ]*(?:(?:عن|الي|ب)?[ ]*(?:\w+[ ]+)?|\w+[ ]+(?:\w+[ ]+)?(?:عن|الي)[ ]+(?:\w+[ ]+)?)$")


# "ومقتل فردين، نتيجة لانفجار عبوة": the deaths are the result of the event named right after them
_CAUSE_AFTER_RE = re.compile(r"[ ]*(?:\w+[ ]*)?[ ،,]*(?:" + alternation(_LISTS["causes_after"]) + r")[ ]*(?:\w+[ ]+)?")


def _distance(doc: "Document", m: CasualtyMention, t: Any) -> tuple[int, int]:
    """How far a count is from a trigger; a count introduced by "ما أسفر عن" / "أدى إلى" belongs to
    an event told before it, never to one after it; a count followed by "نتيجة لـ" / "جراء" belongs to
    the event named right after."""
    if m.end <= t.start:
        if t.start - m.end <= 40 and _CAUSE_AFTER_RE.fullmatch(doc.norm.text, m.end, t.start):
            return 0, 0
        if _RESULT_LINK_RE.search(doc.norm.text, max(0, m.start - 40), m.start):
            return 1 << 30, 1
        return t.start - m.end, 1  # the count comes before the trigger
    if t.end <= m.start:
        return m.start - t.end, 0  # after it ("ما أسفر عن مقتل ...")
    return 0, 0


_CAUSE_RE = re.compile("(?:" + alternation(_LISTS["cause_words"]) + r"|"
                       r"(?:ال)?ذكري(?: السنويه| الاولي| الثانيه)?(?: مرور \w+(?: \w+)?)?)[ ]*(?:علي|ب|ل)?[ ]*$")


def _is_cause(doc: "Document", m: CasualtyMention, trigger: Any) -> bool:
    """Deaths given as the reason for the event ("اعتصموا احتجاجا على قتل ...") or remembered by it ("في ذكرى
    مقتل ..."، "عشية الذكرى السنوية لمقتل ..."): not its fatalities."""
    if getattr(trigger, "start", m.start) > m.start:
        return False
    return bool(_CAUSE_RE.search(doc.norm.text, max(0, m.start - 24), m.start))


def _owned(doc: "Document", trigger: Any, mentions: list[CasualtyMention], start: int, end: int) -> list[CasualtyMention]:
    """The mentions nearer ``trigger`` than any rival trigger in ``[start, end)`` (ties: the trigger's)."""
    mentions = [m for m in mentions if not _is_cause(doc, m, trigger)]
    index = _rivals(doc)
    lo, hi, own = index.index_range(trigger, start, end)
    if hi - lo - (own is not None) <= 0:
        return mentions
    items, starts = index.items, index.starts
    out = []
    for m in mentions:
        mine = _distance(doc, m, trigger)
        # Only the nearest rivals can beat the trigger: those starting within one trigger length
        # before the count or inside it (they may overlap it), the first one after it, and, of those
        # wholly before that window, the one that ends last.
        w_lo = max(lo, bisect.bisect_left(starts, m.start - index.span, lo, hi))
        w_hi = bisect.bisect_left(starts, m.end, lo, hi)
        near = [k for k in range(w_lo, min(hi, w_hi + 1)) if k != own]
        if w_hi == own and w_hi + 1 < hi:
            near.append(w_hi + 1)
        beaten = any(_distance(doc, m, items[k]) < mine for k in near)
        if not beaten:
            parts = [(lo, w_lo)] if own is None or not lo <= own < w_lo else [(lo, own), (own + 1, w_lo)]
            for a, b in parts:
                last = index.max_end(a, b)
                if last is not None and (m.start - last, 0) < mine:
                    beaten = True
        if not beaten:
            out.append(m)
    return out


_INCLUDES_ATTACKER_RE = re.compile(r"[^.]{0,30}?(?:" + alternation(_LISTS["includes_words"]) + r")[ ]+(?:ال)?(?:"
                                   + alternation(_LISTS["attacker_stems"]) + r")")


def _is_attacker(m: CasualtyMention) -> bool:
    return any(f in SELF for w in m.text.split() for f in _forms(w))


def _combine(doc: "Document", mentions: list[CasualtyMention], where: str) -> Fatalities | None:
    killed = [m for m in mentions if m.kind == "killed"]
    both = [m for m in mentions if m.kind == "killed_or_injured"]
    if not killed and not both:
        return None
    updated = [m for m in killed if m.updated]
    if updated:
        m = updated[-1]
        return Fatalities(m.count, m.start, m.end, f"{where}: updated toll {m.count} ({m.text})")
    attackers = [m for m in killed if _is_attacker(m)]
    regular = [m for m in killed if not _is_attacker(m)]
    runs: list[list[CasualtyMention]] = []
    for m in regular:
        if runs:
            prev = runs[-1][-1]
            gap = doc.norm.text[prev.end:m.start]
            if len(gap) <= 14 and re.fullmatch(r"[ ]*(?:\w+[ ]+)?و[ ]*", gap):  # "مقتل 3 جنود ومقتل 2"
                runs[-1].append(m)
                continue
        runs.append([m])
    # Separate counts in one scope are most often a total and its parts, or one toll told twice
    # ("مقتل 9 ... استقبل المستشفى تسع جثث"): the largest is kept (ACLED's conservative reading).
    best: list[CasualtyMention] = max(runs, key=lambda r: sum(x.count for x in r)) if runs else []
    if attackers and any(_INCLUDES_ATTACKER_RE.match(doc.norm.text, m.end, m.end + 60) for m in best):
        attackers = []  # "مقتل 6 بينهم الانتحاري": already in the count
    count = sum(m.count for m in best) + sum(m.count for m in attackers)
    used = best + attackers
    if count == 0:
        if both:
            b = both[0]
            return Fatalities(0, b.start, b.end, f"{where}: deaths and injuries given together ({b.text}): "
                                                  "no separable death count")
        m = (best or attackers)[0]
        return Fatalities(0, m.start, m.end, f"{where}: deaths reported without a number ({m.text})")
    start = min(m.start for m in used)
    end = max(m.end for m in used)
    parts = " + ".join(f"{m.count} ({m.text})" for m in used)
    reason = f"{where}: {parts}"
    if attackers:
        reason += "; attackers counted as ACLED does"
    if len(runs) > 1:
        reason += f"; {len(runs)} separate counts, the largest kept"
    if any(m.vague for m in used):
        reason += "; vague quantity read conservatively"
    return Fatalities(count, start, end, reason, sum(m.count for m in attackers))


def _continues(doc: "Document", sentence: "Sentence", trigger: Any) -> bool:
    """The sentence carries on the previous report: it opens with "ما أسفر عن" / "وأدى ..." or with a
    reporting verb ("وأشارت المصادر إلى مقتل ...") and reports no event of its own."""
    opening = _opening(doc, sentence)
    if opening is _CONTINUATION_OPENING:
        return True
    if opening is _REPORTING_OPENING:
        return not _competitors(doc, trigger, sentence.start, sentence.end)
    return False


_CONTINUATION_OPENING, _REPORTING_OPENING, _OTHER_OPENING = "continuation", "reporting", "other"


def _opening(doc: "Document", sentence: "Sentence") -> str:
    """How ``sentence`` opens, to :func:`_continues`: with a result link ("ما أسفر عن", "وأدى") among its
    first three words, else with a reporting verb, else otherwise. It depends on the sentence alone: read
    once per sentence (kept in ``doc.user_data``), not once per event word that asks about the next one."""
    data = doc.user_data if isinstance(doc.user_data, dict) else None
    memo = data.get("rasd.numbers.openings") if data is not None else None
    if memo is None:
        memo = {}
        if data is not None:
            data["rasd.numbers.openings"] = memo
    key = (sentence.start, sentence.end)
    opening = memo.get(key)
    if opening is None:
        words = _WORD_RE.findall(doc.norm.text, sentence.start, min(sentence.end, sentence.start + 80))[:4]
        if any(set(_forms(w)) & CONTINUATION for w in words[:3]):
            opening = _CONTINUATION_OPENING
        elif words and set(_forms(words[0])) & REPORTING:
            opening = _REPORTING_OPENING
        else:
            opening = _OTHER_OPENING
        memo[key] = opening
    return opening


def _has_updated_toll(doc: "Document") -> bool:
    """Whether any death count of the document is an updated toll (not an aggregate): most articles have
    none, and then no event word has one later in its sentence. Read once per list of casualty mentions
    (kept in ``doc.user_data`` while ``doc.casualties`` is the same list, as long)."""
    casualties = doc.casualties or ()
    key = (id(casualties), len(casualties))
    data = doc.user_data if isinstance(doc.user_data, dict) else None
    cached = data.get("rasd.numbers.updated") if data is not None else None
    if cached is None or cached[0] != key:
        cached = (key, any(m.updated and m.kind == "killed" and not m.aggregate for m in casualties))
        if data is not None:
            data["rasd.numbers.updated"] = cached
    return cached[1]


def _updated_later(doc: "Document", trigger: Any, sentence: "Sentence", idx: int) -> CasualtyMention | None:
    """An updated toll ("ارتفعت حصيلة القتلى إلى 30") later in the sentence or in the next one."""
    if not _has_updated_toll(doc):  # most articles: none to look for
        return None
    spans = [(sentence.start, sentence.end)]
    if 0 <= idx < len(doc.sentences) - 1:
        nxt = doc.sentences[idx + 1]
        if not _competitors(doc, trigger, nxt.start, nxt.end):
            spans.append((nxt.start, nxt.end))
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    found = [m for m in starting_in(doc, "casualties", lo, hi) if m.updated and m.kind == "killed"
             and not m.aggregate and any(s <= m.start and m.end <= e for s, e in spans)]
    found = _owned(doc, trigger, found, sentence.start, spans[-1][1])
    return found[-1] if found else None


def fatalities_for(doc: "Document", trigger: Any, sentence: "Sentence") -> Fatalities:
    """Deaths reported for the event at ``trigger``: the death counts of its clause, else of its
    sentence, else of the next sentence when that one continues the report; injuries never count;
    0 when there are none. Counts nearer another event's trigger belong to that event.

    A toll given for two places together ("بلدتي س وص", "المدينتين") counts 0 here, and so
    does the second of two events given one toll ("المواجهات والتفجيران ... إلى مقتل 19"):
    the text does not say how many died in each (ACLED's conservative rule), and the first event keeps
    the total. See :func:`_raw_fatalities` for the rest."""
    idx = _sentence_index(doc, trigger, sentence)
    result = _raw_fatalities(doc, trigger, sentence, idx)
    group = _group_toll(doc, trigger, idx)
    if group is not None:
        role, other, toll = group
        # told in a later sentence, the shared toll does not undo a count of this event's own
        # (a bomber's own death is not one: it is inside the shared toll)
        later = toll.start >= sentence.end
        own_count = later and result.count and not _only_attackers(result)
        if role == "second" and not own_count:
            return Fatalities(0, toll.start, toll.end,
                              f"one toll ({toll.text}) for the {other} and this event together: "
                              "kept on the first named, 0 here")
        if not result.count:
            return Fatalities(toll.count, toll.start, toll.end,
                              f"sentence: {toll.count} ({toll.text}), one toll for this event and the {other}; "
                              "kept here, on the first named")
    if result.count and result.start is not None and not _toll_placed(doc, result):
        dual = _dual_places(doc, sentence, result, trigger)
        if dual:
            return Fatalities(0, result.start, result.end,
                              f"{result.count} deaths given for two places together ({dual}): "
                              "not split by the text, 0 for each (ACLED's conservative rule)")
    return _with_attacker_after(doc, trigger, idx, _with_bomber(doc, trigger, sentence, result))


# The one who carried out an attack, named in the count of his own death ("وقتل المهاجم"، "مقتل منفذ الهجوم").
ATTACKER_NOUNS = frozenset(_LISTS["attacker_nouns"])
# How many sentences on an attacker's own death is still read as the end of the attack just told.
_ATTACKER_SENTENCES = 2


def _attacker_death(m: CasualtyMention) -> bool:
    """One death, the attacker's: his suicide or his own act ("قد انتحر"، "أطلق النار على نفسه"), or a
    count that names him ("وقتل المهاجم برصاص الشرطة")."""
    if m.kind != "killed" or m.count != 1 or m.aggregate or m.vague or m.updated:
        return False
    if _is_attacker(m):
        return True
    return any(set(_forms(w)) & ATTACKER_NOUNS for w in _WORD_RE.findall(m.text))


def _with_attacker_after(doc: "Document", trigger: Any, idx: int, result: Fatalities) -> Fatalities:
    """An attack's toll of victims ("قتل 4 أشخاص عندما صدمت سيارة حشدا") plus the attacker, when one of the
    next sentences tells that he died too ("وأفادت الشرطة أن سائق المركبة التي دهست المارة قد انتحر"):
    ACLED counts every death of the event. Only for a lone attacker's attack, only when the toll holds no
    attacker already, and only while those sentences tell no other kind of event and no other toll."""
    if getattr(trigger, "sub_event_type", None) != "Attack" or result.count <= 0 or result.attackers \
            or result.start is None or "one toll for" in result.reason or idx < 0:
        return result
    kind = _story_kind(trigger)
    for j in range(idx + 1, min(len(doc.sentences), idx + 1 + _ATTACKER_SENTENCES)):
        other = doc.sentences[j]
        inside = [m for m in _counts_inside(doc, other.start, other.end) if m.kind != "injured"]
        if not inside:
            continue
        if len(inside) != 1 or not _attacker_death(inside[0]):
            return result  # another toll (or a retelling of this one): not the attacker's own end
        if any(_story_kind(t) != kind for t in _competitors(doc, trigger, other.start, other.end)):
            return result  # told with another kind of event: whose attacker is not sure
        m = inside[0]
        return Fatalities(result.count + 1, result.start, result.end,
                          result.reason + f"; plus the attacker, who died after ({m.text}), as ACLED counts", 1)
    return result


# Several bombings or bombers told together: their number (and whether the toll holds them) is not said.
_SEVERAL_BOMBINGS = frozenset(_LISTS["several_bombings"])


# Sub-event types whose events carry no deaths (on train.jsonl none of their 120 hand-coded events has
# any): an arrest, an agreement, a handover, an abduction (ACLED codes a hostage killed as an attack, and the
# dead of a hostage-taking stay on the fighting told with it). The final type is the decision model's (it retypes a raid
# read as an arrest into a clash), so the events stage applies this after the decision (:func:`no_deaths`),
# not to the toll of a candidate. Protests are left out: a protest the model keeps as peaceful may be
# matched to protesters shot, whose toll it holds.
NO_DEATHS = frozenset(("Arrests", "Agreement", "Change to group/activity", "Non-violent transfer of territory",
                       "Headquarters or base established", "Abduction/forced disappearance"))


def no_deaths(sub_event_type: str | None) -> bool:
    """True when an event of this sub-event type is coded with 0 fatalities whatever toll is told beside it
    ("أعلنت الحركة التوصل إلى اتفاق بعد تصعيد أسفر عن مقتل أربعة": the four are the escalation's)."""
    return sub_event_type in NO_DEATHS


def _with_bomber(doc: "Document", trigger: Any, sentence: "Sentence", result: Fatalities) -> Fatalities:
    """A suicide bombing's toll of victims ("قتل 31 شخصا في هجوم انتحاري") plus the bomber, who died in
    it (ACLED counts him; spec section 5), when the count does not already hold him: a bomber's own death
    read in its scope ("فجر نفسه"), or "بينهم الانتحاري"."""
    if getattr(trigger, "sub_event_type", None) != "Suicide bomb":
        return result
    if result.count == 0 and result.start is None and result.reason.startswith("no death count"):
        return _bomber_alone(doc, trigger, sentence, result)
    if result.count <= 0 or result.attackers or result.end is None or "one toll for" in result.reason:
        return result
    if _INCLUDES_ATTACKER_RE.match(doc.norm.text, result.end, result.end + 60):
        return result
    words = _WORD_RE.findall(doc.norm.text, sentence.start, sentence.end)
    if not sentence.start <= result.start < sentence.end:  # the toll told in another sentence: its words too
        told = next((s for s in doc.sentences if s.start <= result.start < s.end), None)
        if told is not None:
            words += _WORD_RE.findall(doc.norm.text, told.start, told.end)
    if any(set(_forms(w)) & _SEVERAL_BOMBINGS for w in words):
        return result  # "تفجيرات نفذها انتحاريون": how many bombers died is not said
    return Fatalities(result.count + 1, result.start, result.end,
                      result.reason + "; plus the suicide bomber, counted as ACLED does", 1)


# A suicide bombing told by its bomber: "هجوم انتحاري"، "عملية انتحارية"، "فجر انتحاري حزامه"، "فجر نفسه".
_BOMBER_WORDS = frozenset(_LISTS["bomber_words"])


# Bombers counted among the dead: "قتل 30 مسلحا بينهم 4 انتحاريين"، "مصرع 18 جهاديا بينهم الانتحاريون العشرة".
_BOMBERS_AMONG_RE = re.compile(r"(?:بينهم|منهم)[ ]+(?:(\w+)[ ]+(?:ال)?انتحاري(?:ين|ون)|(?:ال)?انتحاري(?:ين|ون)[ ]+(\w+))")


def _bombers_among_dead(doc: "Document") -> tuple[int, int, int] | None:
    """The number of suicide bombers the text counts among the dead ("بينهم 4 انتحاريين"), when it says it
    once (or always the same): ``(count, start, end)``, else None."""
    found = []
    for m in _BOMBERS_AMONG_RE.finditer(doc.norm.text):
        word = m.group(1) or m.group(2)
        value = parse_number(word[2:] if word.startswith("ال") and not word[2:3].isdigit() else word)
        if value and 1 < value < 100:
            found.append((value, m.start(), m.end()))
    if not found or len({f[0] for f in found}) != 1:
        return None
    return found[0]


def _bomber_alone(doc: "Document", trigger: Any, sentence: "Sentence", result: Fatalities) -> Fatalities:
    """A suicide bombing whose text gives no death count ("أصيب عشرة أشخاص في الهجوم الانتحاري الذي استهدف
    مركز شرطة"): the bomber died in it, and ACLED counts him (1), when the event's own words name one bomber
    and its sentence tells no several bombings or bombers."""
    bombers = _bombers_among_dead(doc)
    if bombers:
        count, start, end = bombers
        return Fatalities(count, start, end, f"no victims' toll told for the bombing; the {count} suicide bombers "
                          "the text counts among the dead, as ACLED does", count)
    words = {f for w in _WORD_RE.findall(doc.norm.text, trigger.start, trigger.end) for f in _forms(w)}
    if not words & _BOMBER_WORDS:
        return result
    told = {f for w in _WORD_RE.findall(doc.norm.text, sentence.start, sentence.end) for f in _forms(w)}
    if told & _SEVERAL_BOMBINGS:
        return result
    return Fatalities(1, trigger.start, trigger.end, "no victims' toll told; the suicide bomber, who died in it, "
                      "counted as ACLED does", 1)


# Dual place nouns: a toll given for "the two towns" is not the toll of either.
_DUAL_PLACES = frozenset(_LISTS["dual_places"])
_BETWEEN = frozenset(_LISTS["between"])


def _toll_placed(doc: "Document", result: Fatalities) -> bool:
    """The count names where the deaths were ("مقتل القائد العسكري في الحامضية"): a place mention
    inside it or right after it, after في."""
    if result.start is None or result.end is None:
        return False
    text = doc.norm.text
    for p in starting_in(doc, "places", result.start, result.end + 30):
        if result.start <= p.start < result.end:
            return True
        if result.end <= p.start <= result.end + 30 and re.search(r"(?:^|[ ])في[ ]+(?:\w+[ ]+)?$",
                                                                  text[result.end:p.start]):
            return True
    return False


def _dual_places(doc: "Document", sentence: "Sentence", result: Fatalities, trigger: Any) -> str | None:
    """The dual place noun ("بلدتي", "المدينتين") of the sentence that holds the toll and the event, or
    None. A dual after "بين" describes a road or a front ("الطريق الواصل بين محافظتي ..."), not the
    places hit."""
    spans = [sentence]
    held = doc.sentence_at(result.start) if result.start is not None else None
    if held is not None and (held.start, held.end) != (sentence.start, sentence.end):
        spans.append(held)  # the toll came from the next sentence
    for span in spans:
        found = _sentence_duals(doc, span)
        if found:
            return found
    return None


def _sentence_duals(doc: "Document", span: Any) -> str | None:
    """The first dual place noun of a sentence not after بين (computed once per sentence)."""
    memo = doc.user_data.setdefault("rasd.numbers.duals", {}) if isinstance(doc.user_data, dict) else {}
    key = (span.start, span.end)
    if key not in memo:
        memo[key] = None
        previous = ""
        for m in _WORD_RE.finditer(doc.norm.text, span.start, span.end):
            word = m.group(0)
            if previous not in _BETWEEN and any(form in _DUAL_PLACES for form in _forms(word)):
                memo[key] = word
                break
            previous = word
    return memo[key]


def _only_attackers(result: Fatalities) -> bool:
    return 0 < result.count == result.attackers


def _group_toll(doc: "Document", trigger: Any, idx: int) -> tuple[str, str, CasualtyMention] | None:
    """A death toll given for two events together: "وأدت المواجهات والتفجيران إلى مقتل 19",
    "لقي 19 حتفهم جراء معارك وتفجيرين انتحاريين". Looked for in the trigger's sentence (where the trigger is
    the first or the second named) and the next two (where an event of its type is the second named).
    Returns ``("first" | "second", the other event's type, the toll)``."""
    if idx < 0:
        return None
    sub = getattr(trigger, "sub_event_type", None)
    for j in range(idx, min(len(doc.sentences), idx + 3)):
        s = doc.sentences[j]
        tolls = _sentence_tolls(doc, s)
        if not tolls:
            continue
        reported = sorted((t for t in starting_in(doc, "triggers", s.start, s.end)
                           if getattr(t, "modality", None) is None and not getattr(t, "absorbed", False)
                           and s.start <= t.start < s.end), key=lambda t: t.start)
        here = (trigger.start, trigger.end)
        for a, b in zip(reported, reported[1:]):
            if a.sub_event_type == b.sub_event_type or not _joined(doc, a, b):
                continue
            if j == idx and (a.start, a.end) == here:
                return "first", b.sub_event_type.lower(), tolls[0]
            if b.sub_event_type == sub and (j > idx or (b.start, b.end) == here):
                return "second", a.sub_event_type.lower(), tolls[0]
    return None


def _span_memo(doc: "Document", name: str) -> dict:
    """A dictionary of what was read from the casualty mentions per span of text, kept in
    ``doc.user_data`` under ``name`` while ``doc.casualties`` is the same list, as long (a new list
    starts it again). The lists it holds are shared: read them, never change them."""
    casualties = doc.casualties or ()
    key = (id(casualties), len(casualties))
    data = doc.user_data if isinstance(doc.user_data, dict) else None
    cached = data.get(name) if data is not None else None
    if cached is None or cached[0] != key:
        cached = (key, {})
        if data is not None:
            data[name] = cached
    return cached[1]


def _sentence_tolls(doc: "Document", s: "Sentence") -> list[CasualtyMention]:
    """The death tolls inside sentence ``s`` (killed, a count, not an aggregate), in order. They depend on
    the sentence and the casualty mentions alone: read once per sentence (:func:`_span_memo`), not for
    each event word whose next sentences are asked."""
    memo = _span_memo(doc, "rasd.numbers.tolls")
    span = (s.start, s.end)
    tolls = memo.get(span)
    if tolls is None:
        tolls = memo[span] = [m for m in starting_in(doc, "casualties", s.start, s.end)
                              if s.start <= m.start and m.end <= s.end
                              and m.kind == "killed" and m.count > 0 and not m.aggregate]
    return tolls


def _counts_inside(doc: "Document", start: int, end: int) -> list[CasualtyMention]:
    """The death counts (and counts of the dead and wounded together) inside ``[start, end)``, injuries
    left out, in order: read once per clause or sentence (:func:`_span_memo`), not for each event word
    told there."""
    memo = _span_memo(doc, "rasd.numbers.inside")
    found = memo.get((start, end))
    if found is None:
        found = memo[(start, end)] = [m for m in starting_in(doc, "casualties", start, end)
                                      if m.start >= start and m.end <= end and m.kind != "injured"]
    return found


def _joined(doc: "Document", a: Any, b: Any) -> bool:
    """Trigger ``b`` is coordinated with ``a`` by و, with at most three words between them
    ("معارك بين الجماعتين وتفجيرين", "المواجهات والتفجيران")."""
    gap = doc.norm.text[a.end:b.start]
    if len(gap) > 40 or BOUNDARY_RE.search(gap):
        return False
    words = gap.split()
    b_word = doc.norm.text[b.start:b.end].split()[0] if b.end > b.start else ""
    if words and words[-1] == "و":
        return len(words) <= 4
    preceding = doc.norm.text[max(0, b.start - 1):b.start]
    return (b_word.startswith("و") or preceding == "و") and len(words) <= 3


def _raw_fatalities(doc: "Document", trigger: Any, sentence: "Sentence", idx: int | None = None) -> Fatalities:
    """``idx``: :func:`_sentence_index` of the sentence, when the caller has it."""
    pos = getattr(trigger, "start", sentence.start)
    clause = _clause_of(sentence, pos)
    scopes: list[tuple[str, int, int]] = []
    if clause is not sentence:
        scopes.append(("clause", clause.start, clause.end))
    scopes.append(("sentence", sentence.start, sentence.end))
    if idx is None:
        idx = _sentence_index(doc, trigger, sentence)
    later = _updated_later(doc, trigger, sentence, idx)
    aggregates: list[CasualtyMention] = []
    for where, start, end in scopes:
        inside = _counts_inside(doc, start, end)
        owned = _owned(doc, trigger, inside, sentence.start, sentence.end)
        aggregates += [m for m in owned if m.aggregate]
        result = _combine(doc, [m for m in owned if not m.aggregate], where)
        if result and where == "clause" and _only_attackers(result) and any(
                m.kind == "killed" and not m.aggregate and not _is_attacker(m)
                for m in _owned(doc, trigger, _counts_inside(doc, sentence.start, sentence.end),
                                sentence.start, sentence.end)):
            continue  # "أودى بحياة شخصين ...، وانتحار منفذ الهجوم": the attacker joins the sentence's toll
        if result:
            if later and later.start > (result.start or 0):
                return Fatalities(later.count, later.start, later.end,
                                  f"updated toll {later.count} ({later.text}) replaces {result.count}")
            return _other_side(doc, trigger, sentence, idx, result)
    if 0 <= idx < len(doc.sentences) - 1:
        nxt = doc.sentences[idx + 1]
        if _continues(doc, nxt, trigger):
            inside = _counts_inside(doc, nxt.start, nxt.end)
            aggregates += [m for m in inside if m.aggregate]
            result = _combine(doc, [m for m in inside if not m.aggregate], "next sentence")
            if result:
                return _other_side(doc, trigger, nxt, idx + 1, result)
    if aggregates:
        m = aggregates[0]
        return Fatalities(0, m.start, m.end, f"{m.count} ({m.text}): {m.aggregate}; not this incident's toll")
    story = _story_toll(doc, trigger, sentence, idx)
    if story is not None:
        return story
    return Fatalities(0, None, None, "no death count reported")


# The two sides of a fight, read off the noun a count names: the dead of one side and the other's are two
# groups of people, both the event's ("قتل 4 من مجندي الشرطة ... فيما قتلت القوات 4 مسلحين": 8).
SECURITY_SIDE = frozenset(_LISTS["security_side"])
MILITANT_SIDE = frozenset(_LISTS["militant_side"])
# The words read after a count for its noun ("4 من عناصر الجيش"، "ثمانية عشر حوثيا").
_SIDE_WORDS = 5


def _side(doc: "Document", m: CasualtyMention) -> str | None:
    """Which side the dead of a count are on: ``'security'``, ``'militant'`` or None (civilians, people,
    not said, or both named)."""
    words = _WORD_RE.findall(doc.norm.text, m.start, min(len(doc.norm.text), m.end + 60))
    within = len(_WORD_RE.findall(m.text))
    found = set()
    for word in words[:within + _SIDE_WORDS]:
        forms = set(_forms(word))
        if forms & SECURITY_SIDE:
            found.add("security")
        if forms & MILITANT_SIDE:
            found.add("militant")
    return found.pop() if len(found) == 1 else None


def _other_side(doc: "Document", trigger: Any, sentence: "Sentence", idx: int, result: Fatalities) -> Fatalities:
    """A toll of one side plus the toll of the other side told in the rest of the sentence, or in the next
    sentence when that one carries on the report ("وأشار المصدر إلى أن أربعة قتلى سقطوا في صفوف
    المقاومة"), when no other event is told nearer that count: the two are added."""
    if not result.count or result.start is None or result.attackers:
        return result
    used = [m for m in starting_in(doc, "casualties", result.start, result.end)
            if result.start <= m.start and m.end <= result.end and m.kind == "killed"]
    sides = {_side(doc, m) for m in used}
    if len(sides) != 1 or None in sides:
        return result
    mine = sides.pop()
    spans = [(sentence.start, sentence.end)]
    if 0 <= idx < len(doc.sentences) - 1 and _continues(doc, doc.sentences[idx + 1], trigger):
        spans.append((doc.sentences[idx + 1].start, doc.sentences[idx + 1].end))
    others = []
    for lo, hi in spans:
        inside = [m for m in starting_in(doc, "casualties", lo, hi) if lo <= m.start and m.end <= hi
                  and m.kind == "killed" and m.count > 0 and not m.aggregate and not m.updated and not m.vague
                  and not (result.start <= m.start and m.end <= result.end) and not _is_attacker(m)]
        if lo == sentence.start:
            inside = _owned(doc, trigger, inside, sentence.start, sentence.end)
        others += [m for m in inside if _side(doc, m) not in (None, mine)]
    if not others:
        return result
    best = max(others, key=lambda m: m.count)
    return Fatalities(result.count + best.count, min(result.start, best.start), max(result.end or 0, best.end),
                      result.reason + f" + {best.count} ({best.text}) of the other side", result.attackers)


# How far a story's toll may be told from the sentence that places its event: the sentence before it and
# the two after it ("قال مسعفون إن خمسة أشخاص قتلوا خلال اشتباكات في شرق ليبيا. واندلع القتال في بلدة
# أجدابيا ..."; "سيطر الجيش على مركز المديرية ... مشيرا إلى أن العشرات من الحوثيين لقوا حتفهم").
_STORY_SENTENCES = (1, -1, 2)


def _story_kind(trigger: Any) -> str | None:
    """What makes two event words tell one incident for a story's toll: the sub-event type, except that a
    battle or a protest is one whatever its sub-types."""
    kind = getattr(trigger, "event_type", None)
    return kind if kind in ("Battles", "Protests") else getattr(trigger, "sub_event_type", None)


def _story_toll(doc: "Document", trigger: Any, sentence: "Sentence", idx: int) -> Fatalities | None:
    """The toll of the incident an event's sentence tells, when the text gives it in a neighbouring
    sentence that tells the same kind of event without placing it (so that it makes no event of its own)
    and tells no other kind: a lead that counts the dead ("قال مسعفون إن خمسة أشخاص قتلوا خلال اشتباكات
    في شرق ليبيا") before the sentence that places the fighting ("واندلع القتال في بلدة أجدابيا"), or a
    toll told two sentences on. None when there is no such sentence."""
    kind = _story_kind(trigger)
    if idx < 0 or kind is None:
        return None
    for step in _STORY_SENTENCES:
        j = idx + step
        if not 0 <= j < len(doc.sentences):
            continue
        other = doc.sentences[j]
        if other.paragraph != sentence.paragraph and step != 1:
            continue
        inside = _counts_inside(doc, other.start, other.end)
        if not inside:
            continue
        if any(m.aggregate or m.updated for m in inside):
            return None  # a cumulative or updated toll nearby: not this incident's own
        rivals = _competitors(doc, trigger, other.start, other.end)
        if not rivals or any(_story_kind(t) != kind for t in rivals):
            return None  # no event told with the count, or another kind of event's
        if any(other.start <= p.start < other.end and getattr(getattr(p, "place", None), "admin1", None)
               for p in starting_in(doc, "places", other.start, other.end)):
            return None  # the count's sentence places its own event
        if _other_day(doc, sentence, other):
            return None
        result = _combine(doc, inside, "story sentence")
        return result if result is not None and result.count > 0 else None
    return None


# A day named this far from the publication date tells a past incident (background), not the story's news.
_STORY_DAYS = 30


def _other_day(doc: "Document", sentence: "Sentence", other: "Sentence") -> bool:
    """The two sentences tell different days: both name days and none is the same, or the event's sentence
    names only days long before the publication date (a past incident) and the count's names none."""
    def days(span: "Sentence") -> set:
        return {d.date for d in starting_in(doc, "dates", span.start, span.end)
                if span.start <= d.start < span.end and getattr(d, "date", None) is not None}
    here, there = days(sentence), days(other)
    if here and there:
        return not here & there
    published = getattr(doc, "published", None)
    if here and not there and published is not None:
        try:
            return all(abs((published - day).days) > _STORY_DAYS for day in here)
        except TypeError:
            return False
    return False


def share_fatalities(total: int, n: int, *, split: bool = False) -> list[tuple[int, str]]:
    """A total reported for ``n`` events (places or days) that the text does not split.

    Default: the whole total stays with the first event and the others get 0, each with a note.
    ``split=True``: an even split, the remainder going to the first events (ACLED's practice when
    it divides a multi-location total)."""
    if n <= 0:
        return []
    if not split:
        note = f"total of {total} over {n} events not split by the text: kept on the first"
        return [(total, note)] + [(0, note)] * (n - 1)
    base, rest = divmod(total, n)
    note = f"total of {total} split evenly over {n} events"
    return [(base + (1 if i < rest else 0), note) for i in range(n)]


# ---------------------------------------------------------------------------------------------
# Tolls that are not one incident's: a war's or a campaign's cumulative toll, deaths over a period,
# a death sentence, a rate
# ---------------------------------------------------------------------------------------------
SINCE = frozenset(_LISTS["since"])
# "منذ صباح الجمعة", "منذ ساعات": the same day's incident, still going on
SINCE_SAME_DAY = frozenset(_LISTS["since_same_day"])
DURING = frozenset(_LISTS["during"])
# Periods longer than a day: "خلال اليومين الماضيين", "على مدى ثلاثة أسابيع", "في غضون ستة أسابيع".
PERIODS = frozenset(_LISTS["periods"])
PERIODS_MANY = frozenset(_LISTS["periods_many"])
FUTURE = frozenset(_LISTS["future"])
PAST = frozenset(_LISTS["past"])
WARS = frozenset(_LISTS["wars"])
PART_OF = frozenset(_LISTS["part_of"])
COURT = frozenset(_LISTS["court"])
RATES = frozenset(_LISTS["rates"])
# Deaths no one inflicted: a crash, a flood, an epidemic, a stampede ("مقتل 257 جراء تحطم الطائرة").
DISASTERS = frozenset(_LISTS["disasters"])
ROAD = frozenset(_LISTS["road"])
RELATIVES = frozenset(_LISTS["relatives"])
# A new clause begins: "ومنذ ذلك التاريخ قتل 167، فيما قتل جندي واحد في 20 تموز" (that one is dated)
# A clause of its own moment: "منذ اندلاع الاحتجاجات ...، وبلغت ذروتها عندما قتل 61" (that day's toll)
CLAUSE_OPENERS = frozenset(_LISTS["clause_openers"])
BEGAN = frozenset(_LISTS["began"])
BEGAN_WHEN = frozenset(_LISTS["began_when"])
# "المحاصرة منذ 2013"، "تسيطر عليها منذ 2014": a state that lasts, not deaths since then
STATE_SINCE = frozenset(_LISTS["state_since"])
WEEKDAYS = frozenset(_LISTS["weekdays"])
# A count this large is no single incident's toll (hand-coded news: the largest is a few hundred).
AGGREGATE_SIZE = 1000
_SENTENCE_END_RE = re.compile(r"[.!?\n]")


# every word one of aggregate_reason's tests starts from (a word at k), so that the others are passed over at once
_AGGREGATE_CUES = SINCE | DURING | RATES | DISASTERS | PERIODS_MANY | RELATIVES | WARS


def aggregate_reason(words: Sequence[str], text: str, toks: Sequence[Any], first: int, last: int,
                     count: int, window: int = 12) -> str | None:
    """Why the death count at tokens ``first..last`` is not one incident's toll, or None.

    Looks at up to ``window`` words either side in the same sentence: a start point ("منذ 30 مارس"،
    "منذ اندلاع النزاع"; not "منذ صباح الجمعة"), a period ("خلال الأشهر الماضية"، "في غضون ستة
    أسابيع"، "عشرة أيام من القصف"), a war or conflict ("النزاع الذي أودى بحياة")، a court ("حكمت
    المحكمة بإعدام 75": a sentence, nobody died), a rate ("يوميا"), or a count of
    :data:`AGGREGATE_SIZE` or more."""
    if count >= AGGREGATE_SIZE:
        return f"{count} deaths: far more than one incident's toll"
    n = len(words)

    def forms(k: int) -> tuple[str, ...]:
        return _forms(words[k])

    def has(k: int, table: frozenset[str]) -> str | None:
        if 0 <= k < n:
            for f in forms(k):
                if f in table:
                    return f
        return None

    if first > 0 and has(first - 1, PART_OF):
        return f"a part of a toll given before it ({words[first - 1]} ...)"
    lo = first
    while lo > 0 and first - lo < window + 12 and not _SENTENCE_END_RE.search(text, toks[lo - 1].end, toks[lo].start):
        lo -= 1
    far, lo = lo, max(lo, first - window)  # "منذ" and "خلال" are looked for further back, to the sentence's start
    # within 24 words ("تشن القوات منذ 18 شباط حملة عنيفة ... مما تسبب بمقتل أكثر من 860 مدنيا")
    hi = last
    while hi < n - 1 and hi - last < window and not _SENTENCE_END_RE.search(text, toks[hi].end, toks[hi + 1].start):
        hi += 1
    inside = any("اعدام" in words[k] for k in range(first, last + 1))
    if inside:
        for k in range(max(lo, first - 8), first):
            if has(k, COURT):
                return f"a death sentence ({words[k]} ... اعدام), not deaths"
    cues = _AGGREGATE_CUES
    for k in range(far, hi + 1):  # the count's own words too: "ارتفع عدد القتلى منذ مطلع الشهر إلى 230"
        if cues.isdisjoint(_forms(words[k])) and not words[k].endswith("حادث"):
            continue  # each test below starts from a word of these tables at k: most words are none of them
        if k < lo and not has(k, SINCE) and not has(k, DURING):
            continue
        if has(k, RATES):
            return f"a rate ({words[k]}), not one incident's toll"
        if abs(k - first) <= 6 or abs(k - last) <= 6:
            if has(k, DISASTERS) or (words[k].endswith("حادث") and has(k + 1, ROAD)):
                return f"deaths in an accident or a disaster ({words[k]}), not political violence"
        if has(k, SINCE):
            nxt = words[k + 1] if k + 1 < n else ""
            if words[k].endswith("مذاك"):  # "since then": the start point was told before
                nxt = nxt or "."
            between = range(k + 1, first) if k < first else range(last + 1, k)
            near = k < first or k - last <= 6  # after the count: its own phrase ("قتل 120 منذ 30 مارس")
            # a relative clause, or a day named, between the start point and the count: the count is
            # that day's ("يسيطر عليها منذ 2014، وقتل أمس 5")
            dated = k < first and any(has(x, WEEKDAYS) for x in range(k + 3, min(n, last + 3)))
            start_point = k + 1 == first  # "الأول منذ مقتل 100 شخص في يناير": that incident's toll
            state = k > 0 and has(k - 1, STATE_SINCE)
            if nxt and near and not dated and not start_point and not state and not has(k + 1, SINCE_SAME_DAY) \
                    and not any(has(x, RELATIVES) or has(x, CLAUSE_OPENERS) for x in between):
                return f"a cumulative toll ({words[k]} {nxt})"
        if has(k, DURING):
            for x in range(k + 1, min(n, k + 4, hi + 1)):
                if has(x, PERIODS) and not has(x + 1, FUTURE) and not words[x - 1].endswith("راس"):
                    # not "على مدى العامين المقبلين", not "خلال احتفالات رأس السنة" (one night)
                    return f"deaths over a period ({words[k]} ... {words[x]})"
        period = has(k, PERIODS_MANY)
        if period:
            if has(k + 1, PAST) and k + 1 <= hi:
                return f"deaths over a period ({words[k]} {words[k + 1]})"
            # "عشرة أيام من القصف" (a campaign), not "بعد شهرين من هجوم دموي" (an incident two months before)
            if k + 2 <= hi and words[k + 1] == "من" and words[k + 2].startswith("ال") and (
                    period.endswith(("ين", "ان")) or (k > 0 and _is_numberish(_strip_clitic(words[k - 1])))):
                return f"a campaign's toll ({words[k - 1]} {words[k]} من ...)"
        if k > last and has(k, RELATIVES) and any(has(x, BEGAN) and any(has(y, BEGAN_WHEN) for y in range(x + 1, x + 4))
                                                   for x in (k + 1, k + 2)):
            return f"a campaign's toll ({words[k]} ... {words[k + 1]})"
        if abs(k - first) <= 8 or abs(k - last) <= 8:
            war = has(k, WARS)
            if war:
                return f"a war's or conflict's toll ({words[k]})"
    return None


# ---------------------------------------------------------------------------------------------
# Tolls of a whole area or of several fronts: a province's tally of a series of attacks ("ارتفعت حصيلة
# القتلى جراء الهجمات ... في محافظة السويداء إلى 250"), deaths "in the province" after hours of clashes
# and suicide attacks, deaths "on the fronts of Hodeidah", deaths over the past days told at the end of the
# sentence. No single event of the article holds them (ACLED: a toll for several events or places
# together, not split by the text, counts 0 for each); the events' own tolls, told elsewhere, stay.
# ---------------------------------------------------------------------------------------------
def _norm_words(words: Sequence[str]) -> str:
    """The words as an alternation, longest first (a word never loses to a shorter one it starts with)."""
    return "|".join(sorted({norm(w) for w in words}, key=len, reverse=True))


_CL = r"(?:^|(?<=[ ]))(?:و|ف)?(?:ب|ل|ك)?"  # a word's start, with its proclitics
_TALLY_RE = re.compile(_CL + r"(?:ال)?(?:" + _norm_words(_LISTS["tally_words"]) + r")\b")
_SERIES_RE = re.compile(_CL + r"(?:ال)?(?:" + _norm_words(_LISTS["series_words"]) + r")\b")
_PROVINCE_RE = re.compile(_CL + r"(?:ال)?(?:" + _norm_words(_LISTS["province_words"]) + r")\b")
_THE_PROVINCE_RE = re.compile(r"^[ ]*(?:\w+[ ]+){0,2}?(?:في|ب)[ ]*(?:ال)(?:" + _norm_words(_LISTS["the_province_words"])
                              + r")\b")
_FRONTS_RE = re.compile(r"(?:^|[ ])(?:في|على|علي|ب)[ ]*(?:(?:عده|عدد من|مختلف|كل)[ ]+)?(?:ال)?جبهات\b")
_LATER_PERIOD_RE = re.compile(r"(?:^|[ ])(?:و|ف)?(?:" + alternation(_LISTS["later_period_during"]) + r")[ ]+(?:ال)?(?:"
                              + _norm_words(_LISTS["later_periods"]) + r")[ ]+(?:ال)?(?:" + _norm_words(_LISTS["past"])
                              + r")\b")
_MOTIVE_RE = re.compile(r"(?:^|[ ])(?:و)?(?:" + alternation(_LISTS["motives"]) + r")\b")
# "وقتل 132 فلسطينيا على الأقل ... منذ بدء الاحتجاجات" (the count's own start point, however far after it),
# not "في أحد أكثر الأيام دموية منذ بدء الهجوم" (that day's toll, the bloodiest since)
_SINCE_START_RE = re.compile(r"(?:^|[ ])(?:و)?منذ[ ]+(?:" + _norm_words(_LISTS["since_start_words"]) + r")\b")
_CLAUSE_BREAK_RE = re.compile(r"[،,؛;]|(?:^|[ ])(?:فيما|بينما|" + _norm_words(_LISTS["clause_break_verbs"]) + r")\b")
_SUPERLATIVE_RE = re.compile(r"(?:^|[ ])(?:ال)?(?:" + _norm_words(_LISTS["superlatives"]) + r")\b")
_AREA_CUE_RE = re.compile(alternation(_LISTS["area_cues"]))
# places as wide as a province or a country: a tally over them names no place hit
_WIDE_FEATURES = frozenset(("PCLI", "ADM1"))
_AFTER_PROVINCE_RE = re.compile(r"(?:" + alternation(_LISTS["province_before"]) + r")[ ]*$")


def area_toll_reason(doc: "Document", m: CasualtyMention) -> str | None:
    """Why the death count ``m`` is a whole area's or several fronts' toll (see above), or None."""
    sentences = doc.sentences
    memo = doc.user_data.setdefault("rasd.numbers.sentence_starts", {}) if isinstance(doc.user_data, dict) else {}
    starts = memo.get(id(sentences))
    if starts is None:
        starts = memo[id(sentences)] = [x.start for x in sentences]
    i = bisect.bisect_right(starts, m.start) - 1
    if i < 0 or not sentences[i].start <= m.start < sentences[i].end:
        return None
    sentence = sentences[i]
    text = doc.norm.text
    s = text[sentence.start:sentence.end]
    if not _AREA_CUE_RE.search(s):
        return None
    after = text[m.end:sentence.end]
    motive = _MOTIVE_RE.search(after)  # "... انتقاما لهزائمها في مختلف الجبهات": the fronts are the motive's
    if _FRONTS_RE.search(after[:min(200, motive.start() if motive else 200)]):
        return f"{m.count} ({m.text}): deaths over several fronts together, not one event's toll"
    period = _LATER_PERIOD_RE.search(after)
    if period and after[period.end():].strip(" .،,؛:!\n"):
        period = None  # the period ends the sentence ("... خلال اليومين الماضيين."), else it may be a clause's own
    if period:
        return f"{m.count} ({m.text}): deaths over a period ({period.group(0).strip()}), not one incident's toll"
    clause_end = _CLAUSE_BREAK_RE.search(after)  # "قتل سبعة جنود أمس، ليرتفع عدد القتلى منذ بداية العام": the tally's
    began = _SINCE_START_RE.search(after, 0, clause_end.start() if clause_end else len(after))
    if began and not _SUPERLATIVE_RE.search(after[max(0, began.start() - 40):began.start()]):
        return f"{m.count} ({m.text}): a cumulative toll ({began.group(0).strip()} ...), not one incident's toll"
    if not _SERIES_RE.search(s):
        return None
    if _THE_PROVINCE_RE.search(after[:40]):
        return f"{m.count} ({m.text}): deaths in the whole province after several attacks, not one event's toll"
    if not (_TALLY_RE.search(s) and _PROVINCE_RE.search(s)):
        return None
    for p in starting_in(doc, "places", sentence.start, sentence.end):
        if not sentence.start <= p.start < sentence.end:
            continue
        feature = getattr(getattr(p, "place", None), "feature", "") or ""
        if feature not in _WIDE_FEATURES and not _AFTER_PROVINCE_RE.search(text[max(0, p.start - 12):p.start]):
            return None  # a town or a village is named: the tally may be its own
    return f"{m.count} ({m.text}): a province's tally of several attacks, not one event's toll"
