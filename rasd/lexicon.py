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

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, Iterable, Sequence, TypeVar

from .text import Token, norm, prefix_variants, strip_article, suffix_variants, tokenize

T = TypeVar("T")
_NOTHING: tuple[list, dict] = ([], {})


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


def phrase_key(phrase: str) -> tuple[tuple[str, bool], ...]:
    """The lexicon form of a phrase: ``((word, accepts_suffix), ...)``, article-stripped."""
    words = []
    for raw in phrase.split():
        star = raw.endswith("*")
        raw = raw.rstrip("*")
        for tok in tokenize(norm(raw)):
            words.append((strip_article(tok.text), False))
        if words and star:
            words[-1] = (words[-1][0], True)
    return tuple(words)


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
        self.size = 0
        for phrase, value in entries:
            self.add(phrase, value)

    def add(self, phrase: str, value: T) -> None:
        key = phrase_key(phrase)
        if not key or not key[0][0]:
            return
        self._index.setdefault(key[0][0], []).append((key, phrase, value))
        self._start_cache.clear()
        self.size += 1

    def __len__(self) -> int:
        return self.size

    def _starts(self, word: str) -> tuple[list, dict[str, list]]:
        """The lexicon entries a token can start, with the proclitic characters it strips, cached per word:
        ``(one-word entries, {second word: longer entries})``. Most tokens start nothing, and then one
        dictionary look-up settles them; a token that starts many phrases (قوات) is narrowed by the next
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
            if len(self._start_cache) > 100_000:
                self._start_cache.clear()
            self._start_cache[word] = hit
        return hit

    def find(self, tokens: Sequence[Token]) -> list[Match[T]]:
        found: list[Match[T]] = []
        n = len(tokens)
        cached = self._start_cache.get  # the method call _starts makes is saved for words seen before
        for i, tok in enumerate(tokens):
            hit = cached(tok.text)
            if hit is None:
                hit = self._starts(tok.text)
            if hit is _NOTHING:  # most words start nothing
                continue
            singles, longer = hit
            for phrase, value, stripped in singles:
                found.append(Match(tok.start + stripped, tok.end, tok.index, tok.index, phrase, value))
            if not longer or i + 1 >= n or tokens[i + 1].start - tok.end > 3:  # words of a name stay close
                continue
            done: set[int] = set()  # one reading of the second word may stand with and without an ending
            for second, suf2 in inner_readings(tokens[i + 1].text):
                for entry in longer.get(second, ()):
                    key, phrase, value, stripped = entry
                    if suf2 and not key[1][1] or id(entry) in done:
                        continue
                    done.add(id(entry))
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
                        if not any(r == word and (star or not suf) for r, suf in inner_readings(nxt.text)):
                            ok = False
                            break
                    if ok:
                        found.append(Match(tok.start + stripped, tokens[last].end, tok.index, tokens[last].index,
                                           phrase, value))
        return found

    def find_longest(self, tokens: Sequence[Token]) -> list[Match[T]]:
        """Longest matches first; a token belongs to at most one match. Sorted by position."""
        found = self.find(tokens)
        if len(found) < 2:  # most sentences: nothing to choose between
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
