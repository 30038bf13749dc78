"""Arabic normalisation that keeps a map back to the original character offsets.

``normalize(text)`` returns a :class:`Normalized`: the matching form of the text (alef forms folded,
alef maqsura to ya, ta marbuta to ha, hamza seats folded, diacritics and tatweel removed, Eastern
Arabic and Persian digits to ASCII, punctuation variants unified, bidi and zero-width marks dropped,
presentation forms decomposed) and ``offsets``: for every character of the normalised text the index
of the original character it came from, plus one final entry equal to ``len(original)``.

So a span ``[s, e)`` found in the normalised text is ``[offsets[s], offsets[e - 1] + 1)`` in the
original: evidence always points at the real text.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import count as _count
from sys import intern as _intern

# One character in, zero or one characters out.
_CHAR_MAP: dict[str, str] = {}
for _c in "أإآٱٲٳ":
    _CHAR_MAP[_c] = "ا"
_CHAR_MAP.update({
    "ى": "ي", "ئ": "ي", "ی": "ي", "ې": "ي", "ے": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "گ": "ك",  # Persian gaf, used for /g/ in Iraqi place names (كركوك/گرگوك)
    "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"', "‘": "'", "’": "'", "‚": "'",
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\t": " ", "\r": " ", "\u2028": "\n", "\u2029": "\n",
})
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _CHAR_MAP[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _CHAR_MAP[_d] = str(_i)

# Characters removed outright: harakat, tanween, shadda, sukun, dagger alef, Quranic marks, tatweel,
# zero-width and bidi controls, BOM, soft hyphen.
_DROP = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640", "\u00ad", "\ufeff"}
_DROP |= set(chr(c) for c in range(0x0610, 0x061B)) | set(chr(c) for c in range(0x06D6, 0x06EE))
_DROP |= {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}
_DROP |= set(chr(c) for c in range(0x202A, 0x202F)) | set(chr(c) for c in range(0x2066, 0x206A))


def _fold_char(ch: str) -> str:
    """The normalised form of one character (possibly empty, possibly several characters)."""
    if ch in _DROP:
        return ""
    mapped = _CHAR_MAP.get(ch)
    if mapped is not None:
        return mapped
    code = ord(ch)
    if 0xFB50 <= code <= 0xFEFC or 0xFF00 <= code <= 0xFFEF:  # presentation forms, full-width
        out = "".join(_fold_char(c) for c in unicodedata.normalize("NFKC", ch) if c != ch)
        return out if out else ch
    if ch.isspace() and ch != "\n":
        return " "
    if code < 0x80:
        return ch.lower()
    if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
        return " "
    if "A" <= ch.upper() <= "Z" or ch.isalpha() and code < 0x250:
        return "".join(c for c in unicodedata.normalize("NFKD", ch.lower()) if not unicodedata.combining(c))
    return ch


_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"}

# Cache of single-character folds: news text uses a small alphabet, so this makes normalise a dict lookup.
_FOLD_CACHE: dict[str, str] = {}


class OffsetMap(Sequence):
    """``offsets[i]`` for a text whose normalisation only dropped characters: stored as the positions
    where the shift grows, so building it costs the number of dropped runs, not the text's length."""

    __slots__ = ("_length", "_positions", "_shifts")

    def __init__(self, length: int, positions: list[int], shifts: list[int]):
        self._length, self._positions, self._shifts = length, positions, shifts

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[override]
        if index.__class__ is int and 0 <= index < self._length:  # the common case, first
            positions = self._positions
            if not positions:
                return index
            k = bisect_right(positions, index) - 1
            return index + (self._shifts[k] if k >= 0 else 0)
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        k = bisect_right(self._positions, index) - 1
        return index + (self._shifts[k] if k >= 0 else 0)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and len(other) == len(self) and all(a == b for a, b in zip(self, other))

    def __repr__(self) -> str:
        return f"OffsetMap({list(self)[:8]}...)" if self._length > 8 else f"OffsetMap({list(self)})"


@dataclass(frozen=True, slots=True)
class Normalized:
    """The matching form of a text and, for each of its characters, the original offset."""

    text: str
    offsets: Sequence[int]
    original: str = ""
    # written by the fast path: ``text`` holds only characters of :data:`FAST_ALPHABET` (tokenised faster);
    # how it was made, not what it is: not compared
    fast: bool = field(default=False, compare=False)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to the original text (empty spans stay empty).
        Diacritics and tatweel written after the span's last letter belong to it."""
        offsets = self.offsets
        if end <= start:
            pos = offsets[min(start, len(offsets) - 1)]
            return pos, pos
        if offsets.__class__ is OffsetMap and 0 <= start and end <= offsets._length:
            # OffsetMap.__getitem__ of start and end - 1, without its two calls (most spans of the pipeline)
            positions = offsets._positions
            if positions:
                shifts = offsets._shifts
                k = bisect_right(positions, start) - 1
                s = start + shifts[k] if k >= 0 else start
                k = bisect_right(positions, end - 1, k if k > 0 else 0) - 1
                e = end + shifts[k] if k >= 0 else end
            else:
                s, e = start, end
        else:
            s, e = offsets[start], offsets[end - 1] + 1
        original = self.original
        while e < len(original) and original[e] in _DROP and original[e] not in _INVISIBLE:
            e += 1
        return s, e


# ASCII and Latin, Arabic, general punctuation, the Arabic presentation forms (some outlets write whole
# articles in them), the byte order mark.
_FAST_BLOCKS = [*range(0x0000, 0x0250), *range(0x0600, 0x0700), *range(0x2000, 0x2070), *range(0xFB50, 0xFE00),
                *range(0xFE70, 0xFF00)]


def _build_fast_tables():
    """A ``str.translate`` table for the characters news text is made of (ASCII, Latin-1, Arabic,
    general punctuation), the set of characters it drops, and a pattern for anything else.

    The table is a tuple indexed by code point with an entry for *every* character of those blocks,
    the ones that stay as they are included: ``str.translate`` looks each character up, and a character
    missing from a dict table costs a KeyError raised and cleared (twice the time of the whole look-up).
    Characters outside the blocks have no entry that counts: text holding one takes the slow path."""
    entries: dict[int, str | None] = {}
    simple: list[str] = []
    for cp in _FAST_BLOCKS:
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        folded = _fold_char(ch)
        if len(folded) > 1:
            continue
        simple.append(ch)
        entries[cp] = folded or None
    table = [None] * (max(entries) + 1)  # type: list[str | None]
    for cp, folded in entries.items():
        table[cp] = folded
    dropped = "".join(ch for ch in simple if not _fold_char(ch))
    other = re.compile("[^" + "".join(re.escape(ch) for ch in simple) + "]")
    return tuple(table), re.compile("[" + "".join(re.escape(ch) for ch in dropped) + "]+"), other, dropped


def normalize(text: str) -> Normalized:
    """Normalise Arabic text for matching, keeping the map back to original offsets.

    News text takes a fast path (one table look-up a character, and the offsets of the dropped runs): an
    article with numpy (:func:`_fold_with_numpy`), a short text with ``str.translate``; text with characters
    outside the common blocks goes character by character. All give the same result."""
    if len(text) >= NUMPY_FROM:
        # an article: numpy's table tells, in the same pass as the fold, whether a character is outside the
        # fast blocks (None then, as without numpy: the pattern below decides), instead of a search of the
        # whole text with _OTHER_CHARS first
        folded_runs = _fold_with_numpy(text)
        if folded_runs is not None:
            folded, positions, shifts = folded_runs
            return Normalized(folded, OffsetMap(len(folded) + 1, positions, shifts), text, fast=True)
    if _OTHER_CHARS.search(text) is None:
        folded = text.translate(_FAST_TABLE)
        positions: list[int] = []
        shifts: list[int] = []
        dropped = 0
        if len(folded) != len(text):
            for m in _DROPPED_RUN.finditer(text):
                positions.append(m.start() - dropped)
                dropped += m.end() - m.start()
                shifts.append(dropped)
        return Normalized(folded, OffsetMap(len(folded) + 1, positions, shifts), text, fast=True)
    return _normalize_slow(text)


#: texts at least this long are folded with numpy: ``str.translate`` looks each character up through a
#: Python int and the table's ``__getitem__`` (30 ns a character), numpy's ``take`` in one C loop; its
#: fixed cost (about 5 us) pays from about 200 characters on (a news article: 1,600)
NUMPY_FROM = 256
_DROPPED_CODE = 0xFFFF  # not a character any fold writes (the fast alphabet ends below U+FF00)
_OTHER_CODE = 0xFFFE  # a code unit outside the fast blocks (or a half of a surrogate pair): not for the fast path
_numpy_fold: list = []  # [numpy, table] once loaded; [None, None] where numpy is missing


def numpy_table(cache: list, build) -> list:
    """``cache`` filled, the first time, with ``[numpy, build(numpy)]`` (a look-up table built once a process),
    or ``[None, None]`` where numpy is missing; returned."""
    if not cache:
        try:
            import numpy
        except ImportError:  # pragma: no cover - numpy is a dependency; the callers have a path without it
            cache[:] = [None, None]
        else:
            cache[:] = [numpy, build(numpy)]
    return cache


def _fold_table(numpy):
    """Each UTF-16 code unit's fold by :data:`_FAST_TABLE`, :data:`_DROPPED_CODE` where it is dropped, or
    :data:`_OTHER_CODE` where :data:`_OTHER_CHARS` matches it (a character the fast path does not take, a
    surrogate)."""
    table = numpy.full(0x10000, _OTHER_CODE, dtype=numpy.uint16)
    for code, folded in enumerate(_FAST_TABLE):
        if folded is not None:
            table[code] = ord(folded)
    for ch in _DROPPED_CHARS:  # the fast blocks' characters that fold to nothing
        table[ord(ch)] = _DROPPED_CODE
    return table


def _fold_with_numpy(text: str) -> tuple[str, list[int], list[int]] | None:
    """The fast path's fold of ``text`` as ``(folded text, positions, shifts)`` of its :class:`OffsetMap`:
    the characters' UTF-16 codes looked up in a table of :data:`_FAST_TABLE`'s folds (U+FFFF where the
    character is dropped), the dropped ones taken out, their runs read from where they are. None without
    numpy, or where a character is one :data:`_OTHER_CHARS` matches (U+FFFE in the table: a character
    outside the fast blocks, or either half of one outside the Basic Multilingual Plane, or a lone
    surrogate), which the fast path does not take."""
    np, table = numpy_table(_numpy_fold, _fold_table)
    if np is None:
        return None
    codes = table.take(np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16))
    if _OTHER_CODE in codes:  # (ndarray.__contains__: a comparison and any() in C, no Python wrapper)
        return None
    dropped = codes == _DROPPED_CODE
    # the indices of the dropped characters, in order (ndarray.nonzero: np.flatnonzero without its two
    # Python-level wrappers, the same array for a one-dimensional one)
    where = dropped.nonzero()[0]
    if not len(where):
        return codes.tobytes().decode("utf-16-le"), [], []
    folded = codes[~dropped].tobytes().decode("utf-16-le")
    # a run of dropped characters starts where an index is not the one before it plus one; k characters
    # dropped before a run that starts at i: it starts at i - k in the folded text, and the shift after it
    # is the number dropped up to the next run
    starts = np.ones(len(where), dtype=bool)
    np.not_equal(where[1:] - where[:-1], 1, out=starts[1:])
    before = starts.nonzero()[0]  # for each run, the dropped characters before it
    shifts = before[1:].tolist()
    shifts.append(len(where))
    return folded, (where[before] - before).tolist(), shifts


def _normalize_slow(text: str) -> Normalized:
    out: list[str] = []
    offsets: list[int] = []
    cache = _FOLD_CACHE
    for index, ch in enumerate(text):
        folded = cache.get(ch)
        if folded is None:
            folded = _fold_char(ch)
            if len(cache) < 50_000:
                cache[ch] = folded
        if not folded:
            continue
        if len(folded) == 1:
            out.append(folded)
            offsets.append(index)
        else:
            out.extend(folded)
            offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return Normalized("".join(out), tuple(offsets), text)


_FAST_TABLE, _DROPPED_RUN, _OTHER_CHARS, _DROPPED_CHARS = _build_fast_tables()


def norm(text: str) -> str:
    """The normalised string alone (for lexicon keys): ``normalize(text).text`` without the offsets."""
    if _OTHER_CHARS.search(text) is None:
        return text.translate(_FAST_TABLE)
    return _normalize_slow(text).text


# Tokens: runs of letters/digits (Arabic or Latin); everything else separates.
TOKEN_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)


def _fast_token_re() -> re.Pattern:
    """TOKEN_RE for text written by the fast path of :func:`normalize` (characters of FAST_ALPHABET only):
    the letters of that alphabet written out as one character class, which the regex engine tests with
    a bitmap instead of Unicode category look-ups (a quarter faster; the same tokens on that alphabet)."""
    letters = sorted(ch for ch in FAST_ALPHABET if _FAST_LETTER.fullmatch(ch))
    return re.compile(r"[0-9]+(?:[.,][0-9]+)*|[" + "".join(re.escape(ch) for ch in letters) + "]+")


FAST_ALPHABET = frozenset(ch for ch in _FAST_TABLE if ch)  # what the fast path of normalize writes
_FAST_LETTER = re.compile(r"[^\W\d_]")  # a letter to TOKEN_RE
_FAST_TOKEN_RE = _fast_token_re()


@dataclass(slots=True)
class Token:
    """A token of the normalised text: ``start``/``end`` are normalised offsets. Treated as immutable
    (hashable by value); not ``frozen`` because frozen dataclasses are slow to build, and a document makes
    one per word."""

    text: str
    start: int
    end: int
    index: int

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end, self.index))


def tokenize(normalized_text: str, fast_alphabet: bool = False) -> list[Token]:
    """Split normalised text into word and number tokens. ``fast_alphabet``: the text holds only
    characters of :data:`FAST_ALPHABET` (``Normalized.fast``), and is split with numpy (an article) or
    searched with a faster pattern (a short text)."""
    return tokenize_parts(normalized_text, fast_alphabet)[0]


def tokenize_parts(normalized_text: str, fast_alphabet: bool = False) -> tuple[list[Token], list[str], list[int]]:
    """:func:`tokenize`, with the lists of the tokens' texts and starts it made on the way (what
    ``Document.token_texts`` and the token starts of a document are)."""
    if fast_alphabet and len(normalized_text) >= NUMPY_FROM:
        found = _token_spans_with_numpy(normalized_text)
        if found is not None:
            texts, starts, ends = found
            texts = list(map(_intern, texts))
            return list(map(Token, texts, starts, ends, _count())), texts, starts
    # map() over the matches: the same tokens as a comprehension calling m.group(), m.start(), m.end(),
    # a fifth faster (the method look-ups are done once, not once a token)
    matches = list((_FAST_TOKEN_RE if fast_alphabet else TOKEN_RE).finditer(normalized_text))
    texts = list(map(_intern, map(_MATCH_GROUP, matches)))
    starts = list(map(_MATCH_START, matches))
    return list(map(Token, texts, starts, map(_MATCH_END, matches), _count())), texts, starts


# what a character of the fast alphabet is to the tokenizer: 1 a letter, 2 a digit, 3 "." or "," (inside a
# number between two digits), 0 anything else
_LETTER, _DIGIT, _NUMBER_MARK = 1, 2, 3
_numpy_tokens: list = []  # [numpy, class table] once loaded; [None, None] where numpy is missing


def _class_table(numpy):
    """Each UTF-16 code unit's class to the tokenizer (:data:`_LETTER`, :data:`_DIGIT`, :data:`_NUMBER_MARK`, 0)."""
    classes = numpy.zeros(0x10000, dtype=numpy.uint8)
    for ch in FAST_ALPHABET:
        if ch in "0123456789":
            classes[ord(ch)] = _DIGIT
        elif ch in ".,":
            classes[ord(ch)] = _NUMBER_MARK
        elif _FAST_LETTER.fullmatch(ch):
            classes[ord(ch)] = _LETTER
    return classes


def _token_spans_with_numpy(text: str) -> tuple[list[str], list[int], list[int]] | None:
    """``(texts, starts, ends)`` of the tokens :data:`_FAST_TOKEN_RE` finds in ``text`` (characters of
    the fast alphabet only), found with numpy: each character's class looked up in one pass, "." and ","
    kept only between two digits, a token wherever the class changes to a letter or a digit; the texts
    with one ``str.split`` of the text with every other character made a space (and a space put between
    two tokens that touch, a word and a number). None without numpy, or where a character is outside the Basic
    Multilingual Plane (two UTF-16 units: the fast alphabet has none)."""
    np, classes = numpy_table(_numpy_tokens, _class_table)
    data = text.encode("utf-16-le", "surrogatepass")
    if np is None or len(data) != 2 * len(text):
        return None
    if not data:
        return [], [], []
    codes = np.frombuffer(data, dtype=np.uint16)
    kind = classes.take(codes)  # each code unit's class (take: less overhead than fancy indexing)
    if "." in text or "," in text:  # the characters of class _NUMBER_MARK (a str search: no numpy call)
        marks = kind == _NUMBER_MARK
        between = np.zeros(len(kind), dtype=bool)  # a mark with a digit either side belongs to a number
        if len(kind) > 2:
            between[1:-1] = (kind[:-2] == _DIGIT) & (kind[2:] == _DIGIT)
        kind[marks] = 0
        kind[marks & between] = _DIGIT
    bounds = (kind[1:] != kind[:-1]).nonzero()[0]  # (np.flatnonzero's array, without its wrappers)
    bounds += 1
    edges = np.empty(len(bounds) + 2, dtype=np.intp)
    edges[0], edges[-1] = 0, len(kind)
    edges[1:-1] = bounds
    tokens = kind[edges[:-1]] != 0  # the runs of letters or of a number, not those of other characters
    starts, ends = edges[:-1][tokens], edges[1:][tokens]
    spaced = np.where(kind == 0, np.uint16(32), codes)
    touching = starts[1:][starts[1:] == ends[:-1]]  # where a token starts right at the end of another ("2018م")
    if len(touching):
        spaced = np.insert(spaced, touching, np.uint16(32))
    return spaced.tobytes().decode("utf-16-le").split(), starts.tolist(), ends.tolist()


_MATCH_GROUP, _MATCH_START, _MATCH_END = re.Match.group, re.Match.start, re.Match.end


# Proclitics, outermost first: conjunction, then preposition/future, then the article.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_CLITIC_INITIALS = frozenset("وفبلكا")  # what a word that carries a proclitic or the article starts with


def strip_article(word: str) -> str:
    """``الموصل`` -> ``موصل``; words too short to carry the article are returned unchanged."""
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


def prefix_variants(word: str, min_len: int = 2) -> list[tuple[str, int]]:
    """Readings of a token with proclitics removed: ``[(stem, chars_stripped), ...]``, longest first.

    ``chars_stripped`` counts the conjunction and preposition only: a span that starts there keeps
    the article (``وبالموصل`` is reported as ``الموصل``).

    ``وبالموصل`` gives ``وبالموصل, بالموصل, الموصل, موصل``; ``للتحالف`` (ل + التحالف) gives
    ``التحالف`` and ``تحالف``. Every reading keeps at least ``min_len`` letters.
    """
    first = word[:1]
    if first not in _CLITIC_INITIALS:  # most words: nothing to strip
        return [(word, 0)]
    if first == "ا":  # no conjunction nor preposition: at most the article (a third of the words with a clitic letter)
        return [(word, 0), (word[2:], 0)] if word.startswith("ال") and len(word) > min_len + 2 else [(word, 0)]
    seen: dict[str, int] = {word: 0}
    frontier = [(word, 0, 0)]  # (form, stripped, stage): stage 0 conj, 1 prep, 2 article
    while frontier:
        form, stripped, stage = frontier.pop()
        nexts = []
        if stage <= 0 and len(form) > min_len + 1 and form[0] in _CONJ:
            nexts.append((form[1:], stripped + 1, 1))
        if stage <= 1 and len(form) > min_len + 1 and form[0] in _PREP:
            rest = form[1:]
            nexts.append((rest, stripped + 1, 2))
            if form[0] == "ل" and rest.startswith("ل") and len(rest) > min_len + 1:
                nexts.append(("ا" + rest, stripped + 2, 2))  # لل = ل + ال (alef dropped): span after both
        if stage <= 2 and form.startswith("ال") and len(form) > min_len + 2:
            nexts.append((form[2:], stripped, 3))  # the article stays inside the reported span
        for nxt in nexts:
            if nxt[0] not in seen:
                seen[nxt[0]] = nxt[1]
                frontier.append(nxt)
    return sorted(seen.items(), key=lambda kv: (kv[1], -len(kv[0])))


# Enclitics and inflectional endings accepted on lexicon entries marked with a trailing ``*``.
SUFFIXES = ("ات", "ين", "ون", "ان", "تين", "تان", "ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم", "يه", "يا", "ا")
# The same, by their last letter, each list in the order of SUFFIXES.
_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(suf for suf in SUFFIXES if suf[-1] == last) for last in {suf[-1] for suf in SUFFIXES}}


def suffix_variants(word: str, min_len: int = 2) -> list[tuple[str, str]]:
    """Readings of a token with an ending removed: ``[(stem, ending), ...]`` (the whole word first).

    Ta marbuta comes back: ``غارات`` -> ``غاره``; ``عبوتين`` -> ``عبوه``.
    """
    out = [(word, "")]
    for suf in _SUFFIXES_BY_LAST.get(word[-1:], ()):  # only the endings the word's last letter allows
        if word.endswith(suf) and len(word) - len(suf) >= min_len:
            stem = word[: -len(suf)]
            out.append((stem, suf))
            if suf in ("ات", "ين", "ان", "ه", "ها", "هم", "هما", "ي", "نا", "يه", "يا", "ا") and stem.endswith("ت"):
                out.append((stem[:-1] + "ه", suf))
            if suf == "ات":
                out.append((stem + "ه", suf))
        if suf in ("تين", "تان") and word.endswith(suf) and len(word) - len(suf) >= min_len:
            out.append((word[: -len(suf)] + "ه", suf))
    return out
