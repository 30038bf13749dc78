"""Phrase matching over normalised Arabic tokens, tolerant of clitics and inflection.

Every lexicon of rasd (event triggers, places, actors, modality cues) is a data file of Arabic phrases.
A :class:`PhraseMatcher` indexes those phrases once and finds them in a document's tokens:

* the first word may carry proclitics (و ف ب ل ك ال and لل): ``وبالموصل`` matches ``الموصل``;
* every word matches with or without the article: ``قوات التحالف`` matches ``القوات التحالف``;
* a word written with a trailing ``*`` in the lexicon also accepts the endings in
  :data:`rasd.text.SUFFIXES` (plural, dual, possessive), with ta marbuta restored: ``غارة*`` matches
  ``غارات`` and ``غارتين``; ``عبوة* ناسفة*`` matches ``عبوات ناسفة`` and ``عبوتين ناسفتين``.

Matching is dictionary lookups on cached per-word readings, so its cost grows with the number of
tokens, not with the size of the lexicon.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter
from typing import Any, Generic, Iterable, Sequence, TypeVar

from .text import Token, norm, prefix_variants, strip_article, suffix_variants, tokenize

T = TypeVar("T")
_NOTHING: tuple = ()  # what a word that starts no entry has in the per-word cache (falsy)
_UNSEEN = object()  # what a word not in that cache reads as (truthy)
_TEXT = attrgetter("text")


@lru_cache(maxsize=262_144)
def first_readings(word: str) -> tuple[tuple[str, int, bool], ...]:
    """Readings of a phrase-initial word: ``(form, prefix_chars_stripped, has_suffix)``."""
    out: list[tuple[str, int, bool]] = []
    seen: set[tuple[str, bool]] = set()
    for form, stripped in prefix_variants(word):
        for stem, suf in suffix_variants(form):
            key = (stem, bool(suf))
            if key not in seen:
                seen.add(key)
                out.append((stem, stripped, bool(suf)))
    return tuple(out)


@lru_cache(maxsize=262_144)
def inner_readings(word: str) -> tuple[tuple[str, bool], ...]:
    """Readings of a phrase-internal word: with/without the article, with/without an ending."""
    out: list[tuple[str, bool]] = []
    seen: set[tuple[str, bool]] = set()
    for form in (word, strip_article(word)) + ((word[1:],) if word[:1] == "و" and len(word) > 3 else ()):
        for stem, suf in suffix_variants(form):
            key = (stem, bool(suf))
            if key not in seen:
                seen.add(key)
                out.append(key)
    return tuple(out)


@lru_cache(maxsize=262_144)
def inner_reading_set(word: str) -> frozenset[tuple[str, bool]]:
    """:func:`inner_readings` as a set: is ``(form, has_suffix)`` a reading of ``word``? in one look-up."""
    return frozenset(inner_readings(word))


def phrase_key(phrase: str) -> tuple[tuple[str, bool], ...]:
    """The lexicon form of a phrase: ``((word, accepts_suffix), ...)``, article-stripped."""
    words = []
    for raw in phrase.split():
        star, forms = _word_key(raw)
        words.extend(forms)
        if words and star:
            words[-1] = (words[-1][0], True)
    return tuple(words)


_WORD_KEYS: dict[str, tuple[bool, tuple[tuple[str, bool], ...]]] = {}


def _word_key(raw: str) -> tuple[bool, tuple[tuple[str, bool], ...]]:
    """What one written word of a phrase gives :func:`phrase_key`: whether it ends in ``*``, and its
    ``(word, False)`` forms (a written word may hold several tokens), cached per written word: the
    lexicons' 3,700 phrases at start-up are 6,900 written words, 1,800 of them different."""
    got = _WORD_KEYS.get(raw)
    if got is None:
        star = raw.endswith("*")
        bare = raw.rstrip("*")
        # A word written with a hamzated alef before its lam (ألغام، إلقاء، آلية) has no article to strip:
        # folded it starts with ال too, and stripping that would leave a key (غام) that the text's definite
        # form (الألغام -> الالغام, read as itself or as الغام) never gives.
        folded = norm(bare)
        own_lam = bare[:1] in "أإآ" and folded.startswith("ال")
        got = (star, tuple((tok.text if own_lam and k == 0 else strip_article(tok.text), False)
                           for k, tok in enumerate(tokenize(folded))))
        if len(_WORD_KEYS) < 100_000:
            _WORD_KEYS[raw] = got
    return got


@dataclass(slots=True)
class Match(Generic[T]):
    """A lexicon phrase found in the text. ``start``/``end`` are normalised character offsets
    (``start`` after any proclitic), ``first``/``last`` the ``Token.index`` of its first and last
    tokens (inclusive), so they are document-wide even when a slice of tokens was searched.

    Treated as immutable (hashable by value); not ``frozen`` because a frozen dataclass takes five
    times as long to build, and every article makes dozens."""

    start: int
    end: int
    first: int
    last: int
    phrase: str
    value: T

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.first, self.last, self.phrase, self.value))


class PhraseMatcher(Generic[T]):
    """Index ``(phrase, value)`` pairs; :meth:`find` returns every match, :meth:`find_longest` the
    longest non-overlapping ones."""

    def __init__(self, entries: Iterable[tuple[str, T]] = ()):
        self._index: dict[str, list[tuple[tuple[tuple[str, bool], ...], str, T]]] = {}
        self._start_cache: dict[str, tuple] = {}
        self._pair_cache: dict[tuple[str, str], list] = {}  # (word, next word) -> entries past their second word
        self.size = 0
        for phrase, value in entries:
            self.add(phrase, value)

    def add(self, phrase: str, value: T) -> None:
        key = phrase_key(phrase)
        if not key or not key[0][0]:
            return
        self._index.setdefault(key[0][0], []).append((key, phrase, value))
        self._start_cache.clear()
        self._pair_cache.clear()
        self.size += 1

    def __len__(self) -> int:
        return self.size

    def _starts(self, word: str) -> tuple[list, dict[str, list]]:
        """The lexicon entries a token can start, with the proclitic characters it strips, cached per word:
        ``(one-word entries, {second word: longer entries})``, or ``()`` (:data:`_NOTHING`) where it starts
        none. Most tokens start nothing, and then one dictionary look-up settles them; a token that starts many phrases (قوات) is narrowed by the next
        word in one more look-up instead of a walk through every phrase."""
        hit = self._start_cache.get(word)
        if hit is None:
            index = self._index
            singles: list = []
            longer: dict[str, list] = {}
            for form, stripped, has_suffix in first_readings(word):
                for key, phrase, value in index.get(form, ()):
                    if has_suffix and not key[0][1]:
                        continue
                    if len(key) == 1:
                        singles.append((phrase, value, stripped))
                    else:
                        longer.setdefault(key[1][0], []).append((key, phrase, value, stripped))
            hit = (singles, longer) if singles or longer else _NOTHING
            self._start_cache[word] = hit
        return hit

    def _pair(self, word: str, longer: dict[str, list], following: str) -> Sequence:
        """The entries of two words or more that ``word`` starts and whose second word ``following`` is,
        in the order the readings of ``following`` find them (each once: one reading may stand with and
        without an ending), cached per pair of words; :data:`_NOTHING` for a pair that goes on to no entry (most
        pairs): one shared empty value, not an empty list per pair (see ``numbers._NO_ROLES``: each look-up
        takes a reference to the value it finds)."""
        out: list = []
        done: set[int] = set()
        for second, suf2 in inner_readings(following):
            for entry in longer.get(second, ()):
                key = entry[0]
                if suf2 and not key[1][1] or id(entry) in done:
                    continue
                done.add(id(entry))
                out.append(entry)
        found = out or _NOTHING
        self._pair_cache[(word, following)] = found
        return found

    def find(self, tokens: Sequence[Token], texts: Sequence[str] | None = None) -> list[Match[T]]:
        """Every match in ``tokens``, in order of their first token. ``texts``: the tokens' texts, when the
        caller has them (``Document.token_texts()`` or a slice of it), else they are read here.

        The words a token can start are settled per word (:meth:`_starts`, cached): one C-level pass reads
        every token's entry from that cache (``()`` for the words that start nothing, :data:`_UNSEEN` for words
        not seen before), and the Python loop runs only at the tokens whose entry is not empty."""
        if texts is None:
            texts = list(map(_TEXT, tokens))
        cache = self._start_cache
        if len(cache) > 100_000:  # a long crawl meets new words without end: start the cache again
            cache.clear()
        if len(self._pair_cache) > 100_000:
            self._pair_cache.clear()
        hits = list(map(cache.get, texts, repeat(_UNSEEN)))
        pairs = self._pair_cache
        found: list[Match[T]] = []
        n = len(tokens)
        for i in compress(range(n), hits):  # most tokens start nothing: their entry is falsy
            hit = hits[i]
            if hit is _UNSEEN:  # a word seen for the first time (few, once warm)
                hit = self._starts(texts[i])
                if not hit:
                    continue
            tok = tokens[i]
            singles, longer = hit
            for phrase, value, stripped in singles:
                found.append(Match(tok.start + stripped, tok.end, tok.index, tok.index, phrase, value))
            if not longer or i + 1 >= n or tokens[i + 1].start - tok.end > 3:  # words of a name stay close
                continue
            following = tokens[i + 1].text
            pair = pairs.get((tok.text, following))
            if pair is None:
                pair = self._pair(tok.text, longer, following)
            for key, phrase, value, stripped in pair:
                last = i + len(key) - 1
                if last >= n:
                    continue
                ok = True
                for offset in range(2, len(key)):
                    word, star = key[offset]
                    nxt = tokens[i + offset]
                    if nxt.start - tokens[i + offset - 1].end > 3:
                        ok = False
                        break
                    readings = inner_reading_set(nxt.text)
                    if (word, False) not in readings and not (star and (word, True) in readings):
                        ok = False
                        break
                if ok:
                    found.append(Match(tok.start + stripped, tokens[last].end, tok.index, tokens[last].index,
                                       phrase, value))
        return found

    def find_longest(self, tokens: Sequence[Token], texts: Sequence[str] | None = None) -> list[Match[T]]:
        """Longest matches first; a token belongs to at most one match. Sorted by position."""
        return _longest(self.find(tokens, texts))

    def find_longest_in(self, tokens: Sequence[Token], texts: Sequence[str] | None,
                        spans: Sequence[tuple[int, int]]) -> list[list[Match[T]]]:
        """:meth:`find_longest` of each span ``(first, last)`` of token indices (inclusive) of ``tokens`` (a
        document's tokens, in order of their indices): one search over the whole text, its matches then
        shared out to the spans (a match that runs past its span's last token is not the span's), which is
        what searching each span alone finds, without the fixed cost of a search per sentence."""
        found = self.find(tokens, texts)
        if not found:
            return [[] for _ in spans]
        firsts = [m.first for m in found]
        out: list[list[Match[T]]] = []
        for first, last in spans:
            lo = bisect_left(firsts, first)
            hi = bisect_right(firsts, last, lo)
            if lo == hi:  # most sentences: nothing found
                out.append([])
                continue
            inside = [m for m in found[lo:hi] if m.last <= last]
            out.append(_longest(inside) if len(inside) > 1 else inside)
        return out


def _longest(found: list[Match[T]]) -> list[Match[T]]:
    """Longest matches first; a token belongs to at most one match. Sorted by position."""
    if len(found) < 2:  # most sentences: nothing to choose between
        return found
    last = -1
    for m in found:  # in order of their first tokens
        if m.first <= last:
            break
        last = m.last
    else:  # no two share a token: every one is chosen, and their order is that of their starts
        return found
    chosen: list[Match[T]] = []
    taken: set[int] = set()
    for m in sorted(found, key=lambda m: (-(m.last - m.first), -(m.end - m.start), m.start)):
        if any(t in taken for t in range(m.first, m.last + 1)):
            continue
        chosen.append(m)
        taken.update(range(m.first, m.last + 1))
    return sorted(chosen, key=lambda m: m.start)


def read_tsv(path, *, comment: str = "#") -> list[dict[str, Any]]:
    """Rows of a TSV data file with a header line; ``#`` lines and blank lines are skipped."""
    rows: list[dict[str, Any]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith(comment):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows
