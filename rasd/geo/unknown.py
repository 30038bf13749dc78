"""Villages the gazetteer does not know, named after a type word or in a list of villages.

``قرية الطحيتا في ريف حلب``، ``قرى أم الجرن والعوينة وتل خاطرة بريف إدلب``: each name keeps its own place. The
record's ``location`` is the name transliterated from the Arabic, ``location_ar`` the name as written; admin1
(and admin2) and the coordinates are those of the nearest known place named with it in the sentence (the
reference), at geo_precision 2; the mention's ``note`` says so.

A name is taken only when

* it follows a village, town or neighbourhood type word (``قرية``، ``بلدة``، ``حي``، ``قرى``، ``بلدتي``) or is an
  item of a list that such a word opens (``وX``، ``، X``);
* it is no frequent Arabic word (``frequent_words.tsv``: ``قرية صغيرة``، ``بلدة مجاورة``), no context word and no
  country adjective (a two-word name that starts with تل، كفر، عين، دير، أبو، أم ... is taken whole);
* a known place is named in the same sentence to place it (a place rasd took, not a destination).

In Syria, Yemen, Iraq, Libya, Sudan and Somalia such a name is first matched, by a consonant skeleton (the
transliteration key: ``التريمسة`` and ``Tremseh`` are both ``trms``), against the GeoNames towns of the
reference's governorate (or within 80 km of the reference) that have no Arabic name (``towns_latin.tsv``); a match
is that town, at geo_precision 1, in its own governorate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress

from ..doc import Document
from ..text import norm
from ..words import word_lists
from .build import DATA
from .gazetteer import Place

__all__ = ["find_unknown", "transliterate", "frequent_words", "arabic_key", "latin_key", "latin_town"]

_TYPES = {"village", "town", "nbhd", "adm2", "adm3", "area"}
# the word lists of this module (rasd/data/gazetteer/unknown_words.tsv: curated, normalised; see rasd.words)
_LISTS = word_lists(DATA / "unknown_words.tsv")
# first words of two-word village names (normalised)
_PREFIXES = set(_LISTS["prefixes"])
_MAX_ITEMS = 10
# words of terrain that open a name of two words when no type word does (normalised, with the clitics they take)
_TERRAIN = _LISTS["terrain"]
_TERRAIN_FORMS = {c + w: w for w in _TERRAIN for c in ("", "و", "ب", "ل", "وب", "ول", "ف")}
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{3,20}")


@lru_cache(maxsize=1)
def frequent_words() -> frozenset[str]:
    """Frequent Arabic words (normalised), loaded once."""
    path = DATA / "frequent_words.tsv"
    if not path.exists():  # pragma: no cover - a package built without it: no unknown villages
        return frozenset()
    with open(path, encoding="utf-8") as handle:
        words = _word_lines(handle.read())
    # words too rare for wordfreq's list that are still no village's name (محاذية، متاخمة: "مناطق محاذية لـ")
    words.update(not_village_names())
    return frozenset(words) - {"word"}


@lru_cache(maxsize=1)
def not_village_names() -> frozenset[str]:
    """The curated words that are no village's name (``not_village_names.tsv``, normalised): adjectives of place
    too rare for wordfreq's list, and the common nouns of places (السوق، المستشفى) a type word may precede."""
    curated = DATA / "not_village_names.tsv"
    if not curated.exists():  # pragma: no cover - a package built without it
        return frozenset()
    from ..lexicon import read_tsv
    return frozenset(norm(row["word"].strip()) for row in read_tsv(curated) if row["word"].strip())


def _word_lines(text: str) -> set[str]:
    """The stripped lines of ``text`` that are neither blank nor start with ``#``, as reading the file line by
    line gives them, stripped by ``map`` at C speed (frequent_words.tsv's 52,000 lines at every start-up: 40 %
    less time than the line loop)."""
    lines = text.split("\n")
    if "#" in text:
        lines = [line for line in lines if not line.startswith("#")]
    words = set(map(str.strip, lines))
    words.discard("")
    return words


_LETTERS = {"ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
            "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q",
            "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'", "ئ": "'", "ؤ": "'", "أ": "'", "إ": "'",
            "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ک": "k", "ی": "y"}
_VOWEL_LETTERS = "اىةويآأإ"
_SUN = set("تثدذرزسشصضطظلن")


# the first words of place names, spelt as the gazetteers and the hand-coded sets spell them
_WORDS = {"ام": "Umm", "أم": "Umm", "بيت": "Bayt", "تل": "Tal", "كفر": "Kafr", "دير": "Deir", "عين": "Ayn",
          "خربة": "Khirbat", "خربه": "Khirbat", "ابو": "Abu", "أبو": "Abu", "بني": "Bani", "جبل": "Jabal",
          "وادي": "Wadi", "جبال": "Jibal", "تلول": "Tulul", "بئر": "Bir", "بير": "Bir", "رأس": "Ras", "راس": "Ras", "سوق": "Suq", "بن": "Bin"}

# the words that qualify a village after its name, in their vowels (فُعْلى: the feminine elatives; upper and lower):
# "الجاح العليا"، "ماملي فوقاني" are Al-Jah al-'Ulya, Mamali Fawqani, not the vowels the rules would put
_QUALIFIERS = {"عليا": "'Ulya", "سفلى": "Sufla", "سفلي": "Sufla", "وسطى": "Wusta", "وسطي": "Wusta",
               "كبرى": "Kubra", "كبري": "Kubra", "صغرى": "Sughra", "صغري": "Sughra", "فوقاني": "Fawqani",
               "تحتاني": "Tahtani"}

# a name of four letters whose third is ي, ending in ة or ية (الشجيرة، النخيلة، الجبيرية): the diminutive's shape
_DIMINUTIVE = re.compile(r"^([^اأإآىويةء])([^اأإآىويةء])ي([^اأإآىويةء])(ة|ية)$")


# a name whose first consonant is followed by وي and one or two consonants (السويق، الزويك، الدويركة، تويلق): the
# diminutive فُوَيْعِل/فُوَيْل, read with -uway- (Suwayq, Zuwayk, Tuwayliq) as the gazetteers spell such names
_UWAY = re.compile(r"^([^اأإآىويةء])وي([^اأإآىويةء])([^اأإآىويةء])?(ة)?$")

# أفعل, the pattern of colours and elatives (الأسود، أعور، الأحول): a hamza, a consonant, و and a consonant: و is a
# consonant here (Aswad, A'war), not the long vowel it is elsewhere (Al-Asud). Not ي: أمير، أسير are فعيل (Amir)
_AFAL = re.compile(r"^أ([^اأإآىويةء])و([^اأإآىويةء])$")


def _latin_word(word: str, construct: bool = False) -> str:
    """One Arabic word (article already off) in Latin letters. Short vowels are not written in Arabic, so they
    are put where Arabic syllables need one: after the first consonant when a second follows (ملح: Malh-),
    between the second and third of a run (مندب: Mandab, مغرس: Maghras), and between two consonants after a long
    vowel: ``i`` after ``a``, the pattern of فاعل (الفاخر: Fakhir, المياذن: Mayadhin, الراهدة: Rahidah), ``a`` after
    ``i`` or ``u`` (المشيرفة: Mashirafah). و and ي are
    consonants at the start or before a vowel letter, ``ay`` right after a first consonant (زيزون: Zayzun, حيط: Hayt),
    ``u``/``i`` elsewhere; ية is ``iyah``; a final ة is ``ah`` (``at`` before the next word of a name: سيلة
    الوهبية: Saylat al-...)."""
    dim = _DIMINUTIVE.match(word)
    if dim and all(c in _LETTERS for c in dim.group(1, 2, 3)):
        # فُعَيْلة، فُعَيْلِيّة: a feminine name of this shape is read as the diminutive (الشجيرة: Shujayrah, النخيلة:
        # Nukhaylah, الحسينية: Husayniyah, as الحديدة is Hudaydah)
        c1, c2, c3 = (_LETTERS[c] for c in dim.group(1, 2, 3))
        end = ("iya" if dim.group(4) == "ية" else "a") + ("t" if construct else "h")
        text = c1 + "u" + c2 + "ay" + c3 + end
        return _capitalised(text)
    uway = _UWAY.match(word)
    if uway and all(c in _LETTERS for c in uway.group(1, 2, 3) if c):
        c1, c2, c3 = (_LETTERS[c] if c else "" for c in uway.group(1, 2, 3))
        text = c1 + "uway" + c2 + ("i" + c3 if c3 else "") + (("at" if construct else "ah") if uway.group(4) else "")
        return _capitalised(text)
    afal = _AFAL.match(word)
    if afal and all(c in _LETTERS for c in afal.group(1, 2)):
        return _capitalised("a" + _LETTERS[afal.group(1)] + "wa" + _LETTERS[afal.group(2)])
    out: list[str] = []
    run = 0  # consonants written since the last vowel
    after_long = ""  # the last vowel written, if long
    n = len(word)

    def consonant(lat: str) -> None:
        nonlocal run, after_long
        if out and (run >= 2 or run == 1 and len(out) == 1):
            out.append("a")
            run, after_long = 0, ""
        elif run == 1 and after_long:
            out.append("i" if after_long == "a" else "a")
            run, after_long = 0, ""
        out.append(lat)
        run += 1

    def vowel(v: str, long: str = "") -> None:
        nonlocal run, after_long
        out.append(v)
        run, after_long = 0, long

    for k, ch in enumerate(word):
        nxt = word[k + 1] if k + 1 < n else ""
        if k == 0 and ch in "اأإآ":
            vowel("i" if ch == "إ" else "a")
        elif ch in "اآى":
            vowel("a", long="a")
        elif ch == "ة":
            if construct:
                vowel("at")
            else:
                out.append("h" if out and out[-1][-1:] in "aiu" and not out[-1].endswith("iy") else "ah")
                run = 0
        elif ch in "وي":
            semi, long_v = ("w", "u") if ch == "و" else ("y", "i")
            if ch == "ي" and nxt == "ة":
                vowel("iy")
            elif k == 0 or nxt and nxt in _VOWEL_LETTERS[:5] or word[k - 1] in "اآى":
                consonant(semi)
            elif not nxt:
                if ch == "و" and n <= 3 and run == 1:
                    consonant(semi)  # دلو، صلو: a consonant closing a short word
                else:
                    vowel(long_v)
            elif ch == "ي" and run == 1 and len(out) == 1:
                vowel("ay")  # the diphthong of a first syllable: زيزون Zayzun، حيط Hayt
            else:
                vowel(long_v, long=long_v)
        else:
            lat = _LETTERS.get(ch)
            if lat is not None:
                consonant(lat)
    return _capitalised(re.sub(r"([aiu])\1+", r"\1", "".join(out)))


def _capitalised(text: str) -> str:
    """``text`` with its first letter upper case (after a leading ' of ع: 'Uwaynah)."""
    lead = len(text) - len(text.lstrip("'"))
    return text[:lead] + text[lead:lead + 1].upper() + text[lead + 1:]


def transliterate(arabic: str) -> str:
    """A readable Latin spelling of an Arabic place name, as gazetteers and coders write one (see
    :func:`_latin_word` for where the unwritten short vowels go): ``الطحيتا`` -> ``Al-Tahita``, ``المغرس`` ->
    ``Al-Maghras``, ``أم المياذن`` -> ``Umm Al-Mayadhin``, ``سيلة الوهبية`` -> ``Saylat Al-Wahbiyah``."""
    words = []
    parts = arabic.split()
    for k_word, word in enumerate(parts):
        word = re.sub(r"[\u064b-\u065f\u0670\u0640]", "", word)  # diacritics, tatweel
        if k_word < len(parts) - 1 and word in _WORDS:
            words.append(_WORDS[word])
            continue
        prefix = ""
        if word.startswith("ال") and len(word) > 3:
            prefix, word = "Al-", word[2:]
        if k_word > 0 and word in _QUALIFIERS:
            words.append(prefix + _QUALIFIERS[word])
            continue
        if prefix and k_word < len(parts) - 1 and word in _WORDS:
            words.append(prefix + _WORDS[word])  # "الجبل الأحمر": Al-Jabal, as جبل is Jabal
            continue
        text = _latin_word(word, construct=k_word < len(parts) - 1 and word.endswith(("ة", "ه")) and len(word) > 2)
        words.append(prefix + text if text else prefix.rstrip("-"))
    return " ".join(w for w in words if w)


@dataclass(slots=True)
class _Item:
    start: int  # token positions (inclusive)
    end: int
    clitic: int = 0  # letters of a conjunction before the name (وX)
    frequent: bool = False  # a frequent word: a name only if it is a district's (after مديرية)


def _construct(doc: Document, rec, i: int, covered: dict[int, int], first_item: bool, dual: bool,
               clitic: int = 0) -> bool:
    """Whether the name at token ``i`` (after ``clitic`` letters of و) is of two words, a noun and the word it is
    put in construct with, no prefix of :data:`_PREFIXES` opening it (شرف عيريم، قاع الحيافي، فتحة السد، سيلة
    الوهبية). The second word is the one right after the first, known to no gazetteer, no context word and not
    ``وX`` (the next item); after the first item of a list, a frequent first word before a frequent second one
    must end in ة, the mark of a noun ("وقتلت العناصر" is a verb and its subject, "ولكمة الأسود" a name); and the
    second word is

    * no frequent word itself (عيريم، الحيافي، الكرت), or
    * a frequent word with the article (السد، العطش) in a list already going (``وفتحة السد``), or first in a
      list that goes on after it, after a dual type word (``بلدتي بصر الحرير ومليحة العطش``) or after a first
      word that is no frequent word (``قرى كوع الحمرة، وعويجة الصقور``): "منطقة خفض التصعيد"، "مناطق سيطرة
      النظام" are no name."""
    toks, fw = doc.tokens, frequent_words()
    word = toks[i].text[clitic:]
    j = i + 1
    if j >= len(toks) or j in covered or word in _PREFIXES or len(word) < 3 or word.startswith("ال") \
            or word in _NOT_FIRST or not _ARABIC_WORD.fullmatch(word) or not _plausible(rec, word):
        return False  # (a noun with the article is no first term of a construct: "والعملية الإرهابية")
    nxt = toks[j].text
    if doc.norm.text[toks[i].end:toks[j].start] != " " or not _ARABIC_WORD.fullmatch(nxt) or nxt[:1] == "و" \
            or nxt in _DAYS \
            or not _plausible(rec, nxt) or nxt in _PREFIXES or _qualifier(rec, nxt):
        return False
    if _with_pronoun(doc, i, word, fw) or word[:1] == "ل" and word[1:2] in "يتن" and word[1:] in fw:
        return False  # "قرى يقطنها السكان"، "واستنكروا الهجوم"، "لتتلقى": a verb (or a noun) with its pronoun
    written = re.sub(r"[\u064b-\u065f\u0670\u0640\s]", "", doc.original_text(toks[i].start, toks[i].end))
    if not first_item and word in fw and not written.endswith("ة") and nxt in fw:
        return False  # "قرية الطحيتا وقتلت العناصر": in a list, a frequent first word is a noun ending in ة
    if nxt not in fw and not _inflected(nxt, fw):
        return True
    if not nxt.startswith("ال") or len(nxt) < 4:
        return False
    if not first_item:
        return True
    # the first item: after a dual type word, or a first word that would be a name alone (كوع الحمرة، وعويجة ...),
    # when the list goes on after the two words
    return (dual or word not in fw) and j + 1 < len(toks) and _continues(doc, j, j + 1)


# words that open no name of two words: demonstratives, quantities, pronouns ("أوستن، وهذين الطردين")
# (and times of day: "في مدينة تعز، ليلة السبت")
_NOT_FIRST = frozenset(_LISTS["not_first"])
# days of the week, no second term of a name ("ليلة السبت"، "فجر الجمعة")
_DAYS = frozenset(_LISTS["days"])
_PRONOUNS = ("هما", "ها", "هم", "هن", "كم", "نا")  # (a final ه is mostly ة, normalised)


def _inflected(word: str, fw) -> bool:
    """Whether ``word`` is a frequent word with a preposition before it or a pronoun after it (لتحريرها، بقصفها):
    no second term of a name."""
    for pre in ("", "ل", "ب", "ك", "لل"):
        if pre and not word.startswith(pre):
            continue
        core = word[len(pre):]
        if pre and core in fw:
            return True
        if not core.startswith("ال") and any(core.endswith(p) and len(core) - len(p) >= 3 and core[:-len(p)] in fw
                                            for p in _PRONOUNS):
            return True
    return False


def _candidate(doc: Document, rec, i: int, covered: dict[int, int], first_item: bool,
               district: bool = False, dual: bool = False) -> _Item | None:
    """The unknown name starting at token ``i`` (one word, or two after a prefix such as تل), or None."""
    toks = doc.tokens
    if i >= len(toks) or i in covered:
        return None
    word = toks[i].text
    clitic = 0
    if not district and word[:1] != "و" and _construct(doc, rec, i, covered, first_item, dual):
        return _Item(i, i + 1)  # "قرى شرف عيريم"، "قريتي الزيادية وفتحة السد": a name of two words
    if not first_item and word[:1] == "و" and len(word) >= 3 and not word.startswith(("وادي", "واد", "واحه")):
        if not district and _construct(doc, rec, i, covered, first_item, dual, 1):
            return _Item(i, i + 1, 1)
        if word[1:] not in _PREFIXES and word in frequent_words():
            return None  # "مديرية برط العنان وصولا إلى": a frequent word that starts with و, not و + a name
        word, clitic = word[1:], 1
    elif first_item and word[:1] == "و" and len(word) >= 4 and word not in frequent_words() \
            and word[1:] in frequent_words() and not word.startswith(("وادي", "واد", "واحه")):
        return None  # "قرى ومزارع أوتايا"، "مناطق وتكبيد الميليشيات": و + a word after the type word, no name
    if word[:1] == "ل" and word[1:2] in "يتن" and len(word) >= 5 and word[1:] in frequent_words() \
            and word not in frequent_words():
        return None  # "مدينة الحديدة، لتتلقى الميليشيات"، "ليتم": لـ + a present-tense verb (of purpose), no name
    if word not in _PREFIXES and not (_ARABIC_WORD.fullmatch(word) and _plausible(rec, word)):
        return None  # (أم، أبو are also kinship words: as the first word of a name they are taken with the next)
    if word in _PREFIXES and i + 1 < len(toks) and i + 1 not in covered and toks[i + 1].start - toks[i].end <= 2 \
            and _ARABIC_WORD.fullmatch(toks[i + 1].text) and not _context_word(rec, toks[i + 1].text):
        return _Item(i, i + 1, clitic)
    if word in _PREFIXES:
        return None
    if word in frequent_words():
        # "مديرية غمر": a frequent word may still be a district's name (checked against the districts later)
        return _Item(i, i, clitic, frequent=True) if district and first_item else None
    if _with_pronoun(doc, i, word, frequent_words()):
        return None  # "قرى تسكنها أغلبية"، "ومينائها"، "واستنكروا": a verb or noun with its pronoun, not a name
    return _Item(i, i, clitic)


def _with_pronoun(doc: Document, i: int, word: str, fw) -> bool:
    """Whether ``word`` (token ``i``, its و off) is a frequent word with a pronoun or a verb's ending after it."""
    if word[:1] in "يتن" and len(word) >= 5 and word.endswith(("ها", "هم", "هما", "هن")):
        return True
    # a final ه that is written ة is the feminine ending of a name (فضحة), not the pronoun "his" (تسكنه)
    toks = doc.tokens
    marbuta = word.endswith("ه") and doc.original_text(toks[i].start, toks[i].end).rstrip().endswith("ة")
    for suffix in ("هما", "ها", "هم", "هن", "كم", "نا", "وا", "ه"):
        if suffix == "ه" and marbuta:
            continue
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and (stem in fw or stem[-1] in "يو" and stem[:-1] + "ء" in fw):
            return True
    return False


# words that open a bare name when a qualifier follows it (_qualifier): a front (جبهة) and the prepositions of place
_OPENERS = frozenset(_LISTS["openers"])
_COMPASS = frozenset({"north_of", "south_of", "east_of", "west_of"})
_QUALIFYING_TYPES = frozenset({"adm1", "adm2", "adm3", "region", "area", "town"})


# the singular village, town and area words, bare or with a conjunction or preposition, not with the article: the
# construct state before a name ("منطقة المخدرة"), where "المنطقة العسكرية" is the noun and its adjective
_SINGULAR_FORMS = frozenset(c + w for w in _LISTS["singular_types"] for c in ("", "و", "ب", "ف", "وب"))


@lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    """The words of the armed groups' and movements' names in ``actors.yaml`` (normalised): after جبهة such a word
    names the group (جبهة النصرة، جبهة فتح الشام), no front at a place."""
    import yaml
    with open(DATA.parent / "actors.yaml", encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    words: set[str] = set()
    for row in data.get("actors") or []:
        for group in [row] + list(row.get("aliases") or []):
            for phrase in group.get("ar") or []:
                words.update(norm(str(phrase)).split())
    return frozenset(words)


def _qualified_word(doc: Document, rec, i: int, j: int, covered: dict[int, int]) -> _Item | None:
    """A frequent word named right after a singular village, area or front word (token ``i``) and placed by a
    qualifier right after it: "جبهة حام بمديرية المتون"، "منطقة المخدرة شمال مأرب"، "جبهة البقع بمحافظة صعدة". The
    frequency list (wordfreq's Zipf >= 3) holds many villages' names (حام، الكتف، المخدرة); a word between a type word
    and a compass or governorate word is one. After قرية، بلدة، منطقة only a definite word (an indefinite one after an
    indefinite noun is its adjective: "منطقة واسعة شمال"); after جبهة no word of an armed group's name in
    ``actors.yaml`` ("جبهة النصرة شمال حماة" is the group; "جبهة المخدرة شمال غربي مأرب" a front) and no indefinite
    word with a feminine, relative or plural ending ("جبهة جديدة غرب تعز" is an adjective). Never a common noun of
    places (``not_village_names.tsv``: "منطقة السوق شرق المدينة")."""
    toks = doc.tokens
    if j + 1 >= len(toks) or j + 1 in covered or doc.norm.text[toks[j].end:toks[j + 1].start] != " ":
        return None
    item = _candidate(doc, rec, j, covered, True, True)  # a frequent word comes back marked, the other checks made
    if item is None or not item.frequent or item.end != j:
        return None
    word, front = toks[j].text, toks[i].text.endswith("جبهه")
    if word in not_village_names():
        return None  # "منطقة السوق شرق المدينة": the market
    if front and (word in _group_words() or not word.startswith("ال") and word.endswith(("ه", "ي", "ين", "ون", "ات"))):
        return None  # "جبهة النصرة شمال حماة": an armed group's name; "جبهة جديدة غرب تعز": an adjective
    if not front and not (word.startswith("ال") and len(word) >= 5):
        return None  # "منطقة واسعة شمال مأرب": the noun's adjective
    nxt = toks[j + 1].text
    if nxt.startswith("ال") or not _qualifier(rec, nxt):
        return None  # "جبهة الساحل الغربي": a definite compass word is the noun's adjective, no qualifier
    return _Item(j, j, item.clitic)


def _qualifier(rec, word: str) -> bool:
    """Whether ``word`` places the name before it: a compass word (شمال، غربي) or ب + a governorate, district or
    area word (بمحافظة، بمديرية، بولاية، بمنطقة)."""
    if rec.word_in(word, rec.directions1) in _COMPASS:
        return True
    return word[:1] == "ب" and rec._type_word(word[1:])[0] in _QUALIFYING_TYPES


def _context_word(rec, word: str) -> bool:
    return bool(rec.word_in(word, rec.types1) or rec.word_in(word, rec.directions1) or word in rec.dir_by_last
                or rec.word_in(word, rec.gaz.adjectives) or rec.word_in(word, rec.titles)
                or rec.word_in(word, rec.given) or rec.word_in(word, rec.gaz.voices) or rec.word_in(word, rec.gaz.groups))


def _plausible(rec, word: str) -> bool:
    return not _context_word(rec, word) and word not in ("في", "من", "علي", "الي", "عن", "مع", "بين", "الذي", "التي")


def find_unknown(doc: Document, rec, matches, places, sent_of_offset, country: str | None,
                 texts: list[str] | None = None, list_ref=None) -> list:
    """Mentions of villages the gazetteer lacks (see module docstring), to add to ``places``. ``matches``: the
    names that were taken as places (a name rejected here, such as an Iraqi village's in Syria, may be one).
    ``list_ref(offset)``: ``(reference, why)`` for a name inside a list of places that agree on one governorate
    (:mod:`rasd.geo.lists`), else ``(None, "")``."""
    from . import PlaceMention
    toks = doc.tokens
    if not toks:
        return []
    texts = texts if texts is not None else [t.text for t in toks]
    forms = _type_forms(rec)
    # the type words' positions, found once (a dictionary look-up per token)
    n = len(texts)
    at = list(compress(range(n), map(forms.__contains__, texts)))
    # a front or a preposition before a name that a compass phrase or a governorate/district word follows:
    # "في جبهة حام بمديرية المتون"، "في المغرس غربي مديرية التحيتا"
    qualifies = rec.qualifier_cache
    if len(qualifies) > 200_000:
        qualifies.clear()
    openers = []
    for k in compress(range(n - 2), map(_OPENERS.__contains__, texts)):
        word = texts[k + 2]
        q = qualifies.get(word)
        if q is None:
            q = qualifies[word] = _qualifier(rec, word)
        if q:
            openers.append(k)
    # a mountain, a range or a valley named bare (في جبل العروس، لجبل المغيلة، وادي المسيني بمحافظة حضرموت): its word
    # and the name after it, a name no gazetteer knows that is no frequent word
    terrain = {k: len(texts[k]) - len(bare) for k in compress(range(n - 1), map(_TERRAIN_FORMS.__contains__, texts))
               for bare in (_TERRAIN_FORMS[texts[k]],)}
    if not at and not openers and not terrain:
        return []  # no village, town or district type word: nothing to do (most articles)
    is_type = _type_cache(rec)
    for k in at:
        w = texts[k]
        if w not in is_type:
            is_type[w] = rec._type_word(w)[0] in _TYPES
    covered: dict[int, int] = {}
    for m in matches:
        for j in range(m.first, m.last + 1):
            covered[j] = m.last
    # places already taken (they passed the evidence rules): a destination or launch site places nothing
    known = [p for p in places if p.place.feature != "PCLI" and p.place.admin1 and p.relation not in ("toward", "origin")]
    out = []
    n = len(toks)
    resume = 0
    opener_set, at_set = set(openers), set(at)
    fw = frequent_words()
    for i in sorted(at_set | opener_set | terrain.keys()):
        dual = False
        if i in terrain and i not in at_set and i not in opener_set:
            nxt = texts[i + 1]
            if i < resume or i in covered or i + 1 in covered or not _ARABIC_WORD.fullmatch(nxt) or nxt in fw \
                    or not _plausible(rec, nxt) or doc.norm.text[toks[i].end:toks[i + 1].start] != " ":
                continue
            district_word, items, scan = False, [_Item(i, i + 1, terrain[i])], False
        elif i in opener_set and i not in at_set:
            if i < resume or i + 1 in covered:
                continue
            item = _candidate(doc, rec, i + 1, covered, True)
            if item is None and texts[i].endswith("جبهه"):
                item = _qualified_word(doc, rec, i, i + 1, covered)  # "في جبهة حام بمديرية المتون"
            # one word, the qualifier right after it (a two-word name after تل، أم ... is no bare name here)
            if item is None or item.frequent or item.end != i + 1 or toks[i + 2].start - toks[i + 1].end > 3:
                continue
            district_word, items = False, [item]
            scan = False
        elif i >= n - 1 or i < resume or not is_type[texts[i]] or i in covered:
            continue
        else:
            district_word = rec._type_word(toks[i].text)[0] in ("adm2", "adm3")
            dual = texts[i].endswith("تي")  # قريتي، بلدتي، منطقتي: two names follow
            items = []
            scan = True  # a type word opens a list; an opener's one name is already taken
        j = i + 1
        first = True
        while scan and j < n and len(items) < _MAX_ITEMS:
            if j in covered:  # a known place of the list: the list goes on after it
                last = covered[j]
                nxt = last + 1
                if nxt < n and _continues(doc, last, nxt):
                    j, first = nxt, False
                    continue
                break
            item = _candidate(doc, rec, j, covered, first, district_word, dual)
            if item is None and first and j == i + 1 and texts[i] in _SINGULAR_FORMS:
                item = _qualified_word(doc, rec, i, j, covered)  # "منطقة المخدرة شمال مأرب"
            if item is None:
                break
            items.append(item)
            if item.frequent:
                break
            nxt = item.end + 1
            if nxt < n and _continues(doc, item.end, nxt):
                j, first = nxt, False
                continue
            break
        for item in items:
            start = toks[item.start].start + item.clitic
            end = toks[item.end].end
            ref, why = list_ref(start) if list_ref is not None else (None, "")
            from_context = False
            if ref is None:
                ref, why = _reference(doc, known, start, sent_of_offset, toks[items[0].start].start,
                                      toks[items[-1].end].end), ""
            if ref is None and texts[i].lstrip("وفبل") != "احياء":
                # "في محيط قرية زركال": no known place in its sentence; the governorate the article speaks of
                # (not after أحياء, also "alive": "انتشال عشرة أشخاص أحياء من تحت الأنقاض")
                ref = _context_reference(known, start)
                from_context = ref is not None
                why = f"the governorate the article speaks of ({ref.place.admin1}, by {ref.text})" if from_context else ""
            if ref is None:
                continue
            written = doc.original_text(start, end)
            name_ar = doc.norm.text[start:end]
            found = None
            if district_word and item.start == item.end and item.end + 1 < n and item.end + 1 not in covered \
                    and _ARABIC_WORD.fullmatch(toks[item.end + 1].text) \
                    and re.fullmatch(r" ", doc.norm.text[end:toks[item.end + 1].start]):
                # "مديرية دمنة خدير": a district of two words
                two = doc.norm.text[start:toks[item.end + 1].end]
                found = latin_district(two, ref.place, wide=not item.frequent)
                if found is not None:
                    end = toks[item.end + 1].end
                    written, name_ar = doc.original_text(start, end), two
            if found is None and district_word:
                found = latin_district(name_ar, ref.place, short=not item.frequent, wide=not item.frequent)
            if found is None and item.frequent:
                continue  # "مديرية الصحة": the directorate, no place
            if found is None and district_word and from_context:
                continue  # a district placed by the article only when the governorate has one of its name
            if found is not None:  # "مديرية القبيطة": a GeoNames district known only by its Latin name
                district, admin1 = found
                place = replace(ref.place, name=district, name_ar=written, admin2=district, admin3=None,
                                admin1=admin1, geonameid=None, feature="ADM2", population=0)
                out.append(PlaceMention(start=start, end=end, text=written, place=place, precision=2,
                                        reason=f"transliteration key: {name_ar} ~ {district} (GeoNames district), in "
                                               f"{admin1}, by {ref.text}",
                                        candidates=[], relation=None,
                                        note=f"district matched to GeoNames {district} by its transliteration; "
                                             f"coordinates of {ref.place.name}"))
                continue
            mention = village(start, end, written, name_ar, ref, why)
            if from_context and mention.place.feature == "VILLAGE":
                mention = replace(mention, place=replace(mention.place, admin2=None))  # its district is not known
            out.append(mention)
        resume = (items[-1].end + 1) if items else i + 1
    return out


def village(start: int, end: int, written: str, name_ar: str, ref, why: str = ""):
    """The mention of a village the gazetteer does not know, named ``written`` at ``start:end``, in the
    governorate of ``ref`` (a known place named with it): the GeoNames town without an Arabic name whose key is its
    name's there (geo_precision 1), else the name transliterated at ``ref``'s coordinates (geo_precision 2).
    ``why`` is added to the reason (the list that placed it)."""
    from . import PlaceMention
    why = f"; {why}" if why else ""
    known = spelling_variant(name_ar, ref.place)
    if known is not None:  # "مدينة خوخة"، "منطقة الدريهيمي": a known town of the governorate, spelt otherwise
        return PlaceMention(start=start, end=end, text=written, place=replace(known.place, name_ar=written),
                            precision=1,
                            reason=f"spelling of {known.place.name_ar} ({known.place.name}), in "
                                   f"{known.place.admin1}, by {ref.text}{why}",
                            candidates=[known.place], relation=None)
    town = latin_town(name_ar, ref.place)
    if town is not None:  # a GeoNames town without an Arabic name, in the governorate the text gives
        place = replace(ref.place, name=town["name"], name_ar=written, geonameid=int(town["geonameid"]),
                        admin1=town["admin1_name"] or ref.place.admin1,
                        feature="PPL", population=int(town["population"] or 0), admin3=None, admin2=None,
                        latitude=float(town["lat"]), longitude=float(town["lon"]))
        return PlaceMention(start=start, end=end, text=written, place=place, precision=1,
                            reason=f"transliteration key: {name_ar} ~ {town['name']} (GeoNames), in "
                                   f"{town['admin1_name']}, by {ref.text}{why}",
                            candidates=[], relation=None,
                            note=f"location matched to GeoNames {town['name']} by its transliteration")
    place = replace(ref.place, name=transliterate(written), name_ar=written, geonameid=None, feature="VILLAGE",
                    population=0, admin3=None,
                    admin2=ref.place.admin2 if ref.place.feature not in ("ADM1",) else None)
    return PlaceMention(start=start, end=end, text=written, place=place, precision=2,
                        reason=f"not in the gazetteer: {name_ar} transliterated, placed at {ref.text} "
                               f"(the nearest known place named with it){why}",
                        candidates=[], relation=None,
                        note=f"location not in the gazetteer: coordinates of {ref.place.name}")


# -- the same name spelt otherwise --------------------------------------------------------------------------
# News and the gazetteer spell one village differently by the letters Arabic may write or leave out: the article
# (خوخة / الخوخة، الزبيد / زبيد), a long vowel inside a word (الدريهيمي / الدريهمي، ليفانت / ليفينت) or a doubled
# letter (the shadda written out). Folded away, the name is matched against the known towns of the governorate
# the text places it in, never beyond: one place must answer, a town (not a governorate, district or country).
_NOT_TOWN = ("PCLI", "ADM1", "ADM2", "ADM3")
_VARIANT_MIN = 3  # letters of the folded name, at least


def _bare(name: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in name.split())


def spelling_key(name: str) -> str:
    """A name with what its spellings may differ by folded away: ``الدريهيمي`` and ``دريهمي`` -> ``درهمي``;
    ``الخوخة`` and ``خوخه`` -> ``خخه``."""
    return _folded_key(norm(name))


_DOUBLED = re.compile(r"(.)\1+")
_INNER_VOWELS = str.maketrans("", "", "اوي")


def _folded_key(name: str) -> str:
    """:func:`spelling_key` of a name already normalised (the gazetteer's keys)."""
    out = []
    for word in _bare(name).split():
        word = _DOUBLED.sub(r"\1", word)
        if len(word) > 2:
            word = word[0] + word[1:-1].translate(_INNER_VOWELS) + word[-1]
        out.append(word)
    return " ".join(out)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short names: the plain table)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@lru_cache(maxsize=1)
def _towns_by_governorate() -> dict[tuple[str, str], list[tuple[str, int]]]:
    """(country name, admin1 name) -> (name key, entry) of the gazetteer's towns there: one pass over the names,
    nothing folded (what :func:`_spelling_index` folds, it folds for one governorate at a time)."""
    from .gazetteer import load
    gaz = load()
    out: dict[tuple[str, str], list[tuple[str, int]]] = {}
    entries = gaz.entries
    for key, rows in gaz.names.items():
        for i, _ in rows:
            place = entries[i].place
            if place.feature not in _NOT_TOWN and place.admin1:
                out.setdefault((place.country, place.admin1), []).append((key, i))
    return out


_SPELLINGS: dict[tuple[str, str], dict[str, tuple[tuple[int, str], ...]]] = {}


def _spelling_index(country: str, admin1: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """Spelling key -> (entry, name without its article) of the gazetteer's towns of the governorate ``admin1`` of
    ``country`` with a name of that key; made the first time the governorate is asked for (a process meets a few
    governorates' unknown villages: folding the names of all of them cost more than the articles it served)."""
    got = _SPELLINGS.get((country, admin1))
    if got is None:
        out: dict[str, set[tuple[int, str]]] = {}
        for key, i in _towns_by_governorate().get((country, admin1), ()):
            sk = _folded_key(key)
            if len(sk.replace(" ", "")) < _VARIANT_MIN:
                continue
            out.setdefault(sk, set()).add((i, _bare(key)))
        got = _SPELLINGS[(country, admin1)] = {k: tuple(sorted(v)) for k, v in out.items()}
    return got


def spelling_variant(name_ar: str, ref: Place):
    """The gazetteer's entry of the one known town in ``ref``'s governorate whose name is ``name_ar`` spelt
    otherwise: the same :func:`spelling_key`, and at most one letter apart once the article is off (two in a name
    of six letters or more), else None."""
    if ref.feature == "PCLI" or not ref.admin1:
        return None
    sk = spelling_key(name_ar)
    if len(sk.replace(" ", "")) < _VARIANT_MIN:
        return None
    found = _spelling_index(ref.country, ref.admin1).get(sk)
    if not found:
        return None
    bare = _bare(norm(name_ar))
    limit = 2 if len(bare) >= 6 else 1
    found = [i for i, known in found if _distance(bare, known) <= limit]
    if not found:
        return None
    from .gazetteer import load
    gaz = load()
    entries = [gaz.entries[i] for i in found]
    if len({(e.place.name, e.place.admin2) for e in entries}) != 1:
        return None  # two towns of the governorate answer: no telling which
    return entries[0]


# -- the transliteration key -------------------------------------------------------------------------------
# Arabic letters -> consonant classes; vowels, hamza, ع, و and ي are dropped, as Latin vowels, w and y are
_AR_KEY = {"ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
           "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "k", "ك": "k",
           "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "b", "چ": "j", "گ": "g", "ڤ": "f", "ک": "k"}
_LATIN_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|adh|ar|an|at|ath|az|ad|ed|es|er|et|en|ez)[- ']", re.I)


def arabic_key(name: str) -> str:
    """The consonant skeleton of an Arabic name: ``الطحيتا`` -> ``tht``, ``تل رفعت`` -> ``tlrft``."""
    out = []
    for word in name.split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        body = word[:-1] if word.endswith(("ه", "ة")) and len(word) > 2 else word  # final ة/ه is a vowel
        out.extend(_AR_KEY.get(ch, "") for ch in body)
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def latin_key(name: str) -> str:
    """The consonant skeleton of a GeoNames Latin name: ``At Tuhayta`` -> ``tht``, ``Tall Rif'at`` -> ``tlrft``."""
    import unicodedata
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    words = []
    for word in re.split(r"[\s]+", text):
        word = _LATIN_ARTICLE.sub("", word + " ").strip()
        word = word.replace("kh", "k").replace("gh", "g").replace("sh", "s").replace("th", "t").replace("dh", "d")
        word = word.replace("dj", "j").replace("q", "k").replace("c", "k").replace("x", "h")
        words.append(re.sub(r"[^a-z]|[aeiouyw]", "", word[:-1] if len(word) > 3 and word.endswith(("ah", "eh")) else word))
    return re.sub(r"(.)\1+", r"\1", "".join(words))


@lru_cache(maxsize=1)
def _latin_towns() -> dict[tuple[str, str], list[dict]]:
    """(country name, admin1 name) -> towns_latin.tsv rows with their key, loaded once."""
    from .build import read_rows
    from .gazetteer import COUNTRY_NAMES
    path = DATA / "towns_latin.tsv"
    if not path.exists():  # pragma: no cover
        return {}
    a1_names = {r["admin_code"]: r["name"] for r in read_rows(DATA / "admin1.tsv")}
    out: dict[tuple[str, str], list[dict]] = {}
    for r in read_rows(path):
        r["key"] = latin_key(r["name"])
        r["admin1_name"] = a1_names.get(r["admin1"], "")
        out.setdefault((COUNTRY_NAMES.get(r["country"], r["country"]), a1_names.get(r["admin1"], "")), []).append(r)
    return out


def latin_town(name_ar: str, ref: Place) -> dict | None:
    """The GeoNames town without an Arabic name whose key is the Arabic name's, in the reference's governorate."""
    key = arabic_key(name_ar)
    if len(key) < 3:
        return None
    towns = _latin_towns()
    found = [t for t in towns.get((ref.country, ref.admin1 or ""), ()) if t["key"] == key]
    if not found:  # "ترهونة جنوب شرق طرابلس": near the town the text places it by, across a governorate line
        from .build import km
        found = [t for (country, _), rows in towns.items() if country == ref.country for t in rows
                 if t["key"] == key and km(float(t["lat"]), float(t["lon"]), ref.latitude, ref.longitude) < 80]
    return max(found, key=lambda t: int(t["population"] or 0)) if found else None


@lru_cache(maxsize=1)
def _districts() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(country name, admin1 name) -> [(key, district name, code)]: every GeoNames district of the Middle East file."""
    from .build import read_rows
    from .gazetteer import COUNTRY_NAMES
    a1_names = {r["admin_code"]: r["name"] for r in read_rows(DATA / "admin1.tsv")}
    out: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    with open(DATA / "geonames_admin2_mideast.txt", encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 3:
                continue
            code, name = cells[0], cells[2].removesuffix(" District").removesuffix(" district")
            a1 = code.rsplit(".", 1)[0]
            out.setdefault((COUNTRY_NAMES.get(code[:2], code[:2]), a1_names.get(a1, "")), []).append(
                (latin_key(name), name, code))
    return out


def _district_keys(name_ar: str) -> set[str]:
    """The keys of a district's Arabic name: a ة closing a word before another is also read ``t`` (دمنة خدير ~
    Dimnat Khadir)."""
    keys = {arabic_key(name_ar)}
    words = name_ar.split()
    if len(words) > 1 and any(w.endswith(("ة", "ه")) for w in words[:-1]):
        keys.add(arabic_key(" ".join(w[:-1] + "ت" if w.endswith(("ة", "ه")) else w for w in words[:-1])
                            + " " + words[-1]))
    return keys


# a capital's own division and the governorate around it: "مديرية نهم شرق صنعاء" (Nihm is in Sanaa governorate)
_AROUND = {"Amanat Alasimah": ("Sanaa",), "Dimashq": ("Rif-dimashq",)}


def latin_district(name_ar: str, ref: Place, short: bool = False, wide: bool = True) -> tuple[str, str] | None:
    """(district name, admin1 name) of the GeoNames district whose Latin name has the Arabic name's key: in the
    reference's governorate (a two-consonant key only there, and only when ``short``: ناطع ~ Nati', عتمة ~
    Utmah), else the one district of the reference's country with that key (مديرية نهم شرق صنعاء: Nihm is in
    Sanaa governorate, the city of Sanaa in Amanat al Asimah)."""
    keys = {k for k in _district_keys(name_ar) if len(k) >= (2 if short else 3)}
    if not keys:
        return None
    table = _districts()
    for admin1 in (ref.admin1 or "", *_AROUND.get(ref.admin1 or "", ())):
        found = {name for k, name, _ in table.get((ref.country, admin1), ()) if k in keys}
        if len(found) == 1:
            return found.pop(), admin1
        if found:
            return None
        keys = {k for k in keys if len(k) >= 3}
    if not wide:
        return None
    keys = {k for k in keys if len(k) >= 3}
    wider = {(name, a1) for (country, a1), rows in table.items() if country == ref.country and a1
             for k, name, _ in rows if k in keys}
    return wider.pop() if len(wider) == 1 else None


_TYPE_FORMS: dict[int, frozenset[str]] = {}


def _type_forms(rec) -> frozenset[str]:
    """Every written form (with proclitics) of the village, town and district type words, per recognizer."""
    got = _TYPE_FORMS.get(id(rec))
    if got is None:
        from .recognize import _SURFACE_CLITICS
        words = [w for w, t in rec.types1.items() if t in _TYPES]
        got = frozenset(c + w for w in words for c in _SURFACE_CLITICS)
        _TYPE_FORMS.clear()
        _TYPE_FORMS[id(rec)] = got
    return got


_TYPE_CACHES: dict[int, dict[str, bool]] = {}


def _type_cache(rec) -> dict[str, bool]:
    """token text -> whether it is a village/town/neighbourhood type word (per recognizer, bounded)."""
    cache = _TYPE_CACHES.get(id(rec))
    if cache is None or len(cache) > 200_000:
        _TYPE_CACHES.clear()
        cache = _TYPE_CACHES[id(rec)] = {}
    return cache


def _continues(doc: Document, a: int, b: int) -> bool:
    """Whether token ``b`` goes on the list that token ``a`` ends: ``X وY``، ``X، Y``، ``X، وY``."""
    gap = doc.norm.text[doc.tokens[a].end:doc.tokens[b].start]
    word = doc.tokens[b].text
    if re.fullmatch(r"\s*[,،]\s*", gap):
        return True
    return re.fullmatch(r"\s*", gap) is not None and word[:1] == "و" and len(word) >= 3 or \
        re.fullmatch(r"\s*و\s*", gap) is not None


# where an unknown village may take its governorate from the article (the countries of the transliteration key,
# whose villages the news names by the hundred; abroad a town the gazetteer lacks is no village of a story's place)
_CONTEXT_COUNTRIES = frozenset({"Syria", "Yemen", "Iraq", "Libya", "Sudan", "Somalia"})


def _context_reference(known, start: int):
    """The reference of an unknown village whose sentence names no known place (issue 13): the nearest known place
    named before it in the governorate the article speaks of, when the article's known places (no country) in Syria,
    Yemen, Iraq, Libya, Sudan and Somalia lie in one governorate more than twice as often as in any other. ``None`` otherwise (no place before it, or the
    article speaks of several governorates alike)."""
    counts: dict[tuple[str, str], int] = {}
    for p in known:
        if p.place.country not in _CONTEXT_COUNTRIES:
            continue
        key = (p.place.country, p.place.admin1)
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    top = max(counts, key=counts.get)
    if len(ranked) > 1 and ranked[0] <= 2 * ranked[1]:
        return None
    before = [p for p in known if p.end <= start and (p.place.country, p.place.admin1) == top]
    return max(before, key=lambda p: p.end) if before else None


# how far (characters) after its list a known place may lie and still place the list before a nearer one before it
_AFTER_REACH = 40


def _reference(doc: Document, known, start: int, sent_of_offset, list_start: int | None = None,
               list_end: int | None = None):
    """The known place named nearest ``start`` in its sentence, after it first (``قرية X في ريف حلب``), unless
    the first one after the list (``list_start:list_end``) lies far beyond it and one before it is nearer
    ("لمديرية القبيطة، ومنها تحرير مناطق شرف عيريم وشرف حظيظ، ... وسط تراجع الانقلابيين إلى منطقة الراهدة
    التابعة لمحافظة تعز": the villages are in al-Qabbaytah's governorate, Lahij)."""
    s = sent_of_offset(start)
    same = [p for p in known if sent_of_offset(p.start) == s]
    after = [p for p in same if p.start > start]
    before = [p for p in same if p.end <= start]
    if after:
        first = min(after, key=lambda p: p.start)
        if before and list_start is not None and list_end is not None:
            last = max(before, key=lambda p: p.end)
            gap_after = first.start - list_end
            if gap_after > _AFTER_REACH and list_start - last.end < gap_after:
                return last
        return first
    return max(before, key=lambda p: p.end) if before else None
