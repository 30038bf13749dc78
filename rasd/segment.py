"""Stage 3: paragraphs, sentences and clauses, as offsets into the normalised text.

Sentences end at ``. ! ? ؟`` (followed by space, a quote or the end) and at line breaks, and at a full stop
glued between two Arabic words of three letters or more (``اخرى.واكد``); a full stop between digits
(``3.5``, ``12.5.2018``), inside an abbreviation like ``أ.ف.ب`` or ``سي.ان.ان`` or in a domain name
(``العربيه.نت``) does not end one. Clauses split a sentence at
commas and semicolons and before the connectives news Arabic uses to join separate reports
(فيما، بينما، في حين، في وقت، كما، إلى ذلك، من جهة أخرى، وفي سياق).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .doc import Document, Sentence
from .words import DATA, alternation, word_lists

# ``.!?`` not after a digit and before white space, a quote, a bracket or the end; a full stop after a
# digit before white space or the end; a run of line breaks. Every alternative is written behind the one
# character class all matches start with, so the regex engine skips from candidate to candidate instead
# of trying three look-arounds at every character (6x faster on news; the same matches).
# A full stop glued between two Arabic words ("اخرى.واكد", a missing space in scraped news) ends a sentence
# too when each word has three letters or more: the transliterated initials (سي.ان.ان, اف.ام, أ.ف.ب) and
# Arabic domain names (العربيه.نت) have a part of one or two letters; numbers and dates have no letters.
_ARABIC_LETTER = "[\u0621-\u063a\u0641-\u064a]"  # the letters, without the tatweel (U+0640)
_SENTENCE_END = re.compile(r"""[.!?\n](?:(?<!\d[.!?])(?<=[.!?])(?=[\s"')\]]|$)|(?<=\d\.)(?=\s|$)|(?<=\n)\n*"""
                           r"|(?<=" + _ARABIC_LETTER + "{3}\\.)(?=" + _ARABIC_LETTER + "{3}))")
# the connectives that open a clause (rasd/data/clause_words.tsv: curated, normalised; see rasd.words)
_LISTS = word_lists(DATA / "clause_words.tsv")
_CONNECTIVES = _LISTS["connectives"]
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?=(?:و|)(?:" + alternation(_CONNECTIVES) + r")\s)")
# The clause breaks are found once an article (:func:`_clause_breaks`), the punctuation and the
# connectives with ``str.find`` (the look-ahead of _CLAUSE_BREAK, tried at every space, was most of
# segment's time); _CLAUSE_BREAK stays the rule they are held to (tests/test_segment.py).
_PUNCT_MARKS = ",;:"


def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """Every place in ``text`` where :data:`_CLAUSE_BREAK` can match, found once for the whole text:
    ``(positions, needs)``, sorted by position; a match at ``positions[k]`` (one character) needs the text
    up to ``needs[k]`` (a connective's look-ahead: the connective and the white space after it), so it is a
    match of a search within ``[start, end)`` when ``start <= positions[k]`` and ``needs[k] <= end``.

    The punctuation alternative matches at each of its characters; the connective one at white space that
    a connective (after an optional و) and white space follow, which is read where ``str.find`` finds the
    connective's words (including inside other words: the white space around them decides), instead of
    trying the look-ahead at every space of the text."""
    found: dict[int, int] = {}
    for mark in _PUNCT_MARKS:  # str.find: a regular expression's character class tests each character
        i = text.find(mark)
        while i >= 0:
            found[i] = i + 1
            i = text.find(mark, i + 1)
    size = len(text)
    for word in _CONNECTIVES:
        after = len(word)
        i = text.find(word)
        while i >= 0:
            end = i + after
            if end < size and text[end].isspace():
                # white space right before the word, or white space and و before it: the match is that space
                for at in (i - 1, i - 2):
                    if at >= 0 and text[at].isspace() and (at == i - 1 or text[i - 1] == "و"):
                        if end + 1 < found.get(at, size + 1):
                            found[at] = end + 1
            i = text.find(word, i + 1)
    positions = sorted(found)
    return positions, [found[at] for at in positions]


def segment(doc: Document) -> None:
    text = doc.norm.text
    starts = doc._token_starts()  # built once, read again by later stages
    breaks = _clause_breaks(text)
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    size = len(text)
    for m in _SENTENCE_END.finditer(text + "\n"):
        start, end = m.span()
        if start >= size or text[start] == "\n":  # a run of line breaks (the other marks are one character: ``.!?``)
            if text[pos:start].strip():  # (most runs of line breaks follow a full stop: nothing between)
                _add_sentence(text, starts, sentences, pos, min(start, size), paragraph, breaks)
            if end - start >= 2 or _looks_like_paragraph_break(text, start):
                paragraph += 1
        else:
            _add_sentence(text, starts, sentences, pos, min(end, size), paragraph, breaks)
        pos = end
    doc.sentences = sentences


def _add_sentence(text: str, starts: list[int], sentences: list[Sentence], start: int, end: int,
                  paragraph: int, breaks: tuple[list[int], list[int]]) -> None:
    """The sentence ``text[start:end]`` (white space around it left out) and its clauses, when it holds a
    token. ``breaks``: :func:`_clause_breaks` of ``text``; each break ends a clause, the sentence's end ends
    the last one. A sentence that no break cuts (most) is its own one clause, made without a search
    (tests/test_segment_fast.py holds this to the general loop it replaced)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    first = bisect_left(starts, start)
    last = bisect_left(starts, end, first) - 1
    if last < first:
        return
    sentence = Sentence(start, end, first, last, paragraph)
    positions, needs = breaks
    lo = bisect_left(positions, start)
    hi = bisect_left(positions, end, lo)
    if lo == hi:  # no break inside: one clause, the sentence's own span (trimmed already) and tokens
        sentence.clauses.append(Sentence(start, end, first, last, paragraph))
        sentences.append(sentence)
        return
    clauses = sentence.clauses
    cpos = start
    for k in range(lo, hi + 1):
        if k < hi:
            cend = positions[k]
            if needs[k] > end:  # a connective's look-ahead that runs past the sentence: no break
                continue
            after = cend + 1
        else:
            cend = after = end
        while cpos < cend and text[cpos].isspace():
            cpos += 1
        if cpos < cend:
            cfirst = bisect_left(starts, cpos, first)
            clast = bisect_left(starts, cend, cfirst) - 1
            if clast >= cfirst:
                clauses.append(Sentence(cpos, cend, cfirst, clast, paragraph))
        cpos = after
    sentences.append(sentence)


def _looks_like_paragraph_break(text: str, index: int) -> bool:
    return True  # single line breaks in scraped news separate paragraphs too


def clause_at(sentence: Sentence, pos: int) -> Sentence:
    """The clause of ``sentence`` that contains normalised offset ``pos`` (the sentence if none)."""
    clauses = sentence.clauses
    i = bisect_right(clauses, pos, key=lambda c: c.start) - 1
    if i >= 0 and clauses[i].start <= pos < clauses[i].end:
        return clauses[i]
    return sentence
