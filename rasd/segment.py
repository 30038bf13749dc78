"""Stage 3: paragraphs, sentences and clauses, as offsets into the normalised text.

Sentences end at ``. ! ? ؟`` (followed by space, a quote or the end) and at line breaks; a full stop
between digits or inside an abbreviation like ``أ.ف.ب`` does not end one. Clauses split a sentence at
commas and semicolons and before the connectives news Arabic uses to join separate reports
(فيما، بينما، في حين، في وقت، كما، إلى ذلك، من جهة أخرى، وفي سياق).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .doc import Document, Sentence

# ``.!?`` not after a digit and before white space, a quote, a bracket or the end; a full stop after a
# digit before white space or the end; a run of line breaks. Every alternative is written behind the one
# character class all matches start with, so the regex engine skips from candidate to candidate instead
# of trying three look-arounds at every character (6x faster on news; the same matches).
_SENTENCE_END = re.compile(r"""[.!?\n](?:(?<!\d[.!?])(?<=[.!?])(?=[\s"')\]]|$)|(?<=\d\.)(?=\s|$)|(?<=\n)\n*)""")
_CONNECTIVES = ("فيما", "بينما", "في حين", "في وقت", "كما", "الي ذلك", "من جهه اخري", "من جانب اخر", "وفي سياق",
                "في سياق")
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?=(?:و|)(?:" + "|".join(_CONNECTIVES) + r")\s)")
# A sentence in which no connective is written can only break at punctuation: it is searched with this
# (the look-ahead of _CLAUSE_BREAK, tried at every space of every sentence, is most of segment's time).
_PUNCT_BREAK = re.compile(r"[,;:]")


def _connective_starts(text: str) -> list[int]:
    """Where the words of _CONNECTIVES are written in ``text`` (inside other words too), sorted."""
    found = []
    for word in _CONNECTIVES:
        i = text.find(word)
        while i >= 0:
            found.append(i)
            i = text.find(word, i + 1)
    found.sort()
    return found


def segment(doc: Document) -> None:
    text = doc.norm.text
    starts = doc._token_starts()  # built once, read again by later stages
    connectives = _connective_starts(text)
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    size = len(text)
    for m in _SENTENCE_END.finditer(text + "\n"):
        mark = m.group()
        if mark[0] == "\n":  # a run of line breaks (the other marks are one character: ``.!?``)
            _add_sentence(text, starts, sentences, pos, min(m.start(), size), paragraph, connectives)
            if len(mark) >= 2 or _looks_like_paragraph_break(text, m.start()):
                paragraph += 1
        else:
            _add_sentence(text, starts, sentences, pos, min(m.end(), size), paragraph, connectives)
        pos = m.end()
    doc.sentences = sentences


def _looks_like_paragraph_break(text: str, index: int) -> bool:
    return True  # single line breaks in scraped news separate paragraphs too


def _add_sentence(text: str, starts: list[int], sentences: list[Sentence], start: int, end: int, paragraph: int,
                  connectives: list[int] | None = None) -> None:
    """The sentence ``text[start:end]`` (white space around it left out) and its clauses, when it holds a
    token."""
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
    clauses = sentence.clauses
    # A connective break needs its word inside the sentence; without one, only punctuation breaks it.
    some = connectives is None or bisect_left(connectives, start) < bisect_left(connectives, end)
    cpos = start
    # each break ends a clause; the sentence's end ends the last one
    breaks = [(m.start(), m.end()) for m in (_CLAUSE_BREAK if some else _PUNCT_BREAK).finditer(text, start, end)]
    breaks.append((end, end))
    for cend, after in breaks:
        while cpos < cend and text[cpos].isspace():
            cpos += 1
        if cpos < cend:
            cfirst = bisect_left(starts, cpos, first)
            clast = bisect_left(starts, cend, cfirst) - 1
            if clast >= cfirst:
                clauses.append(Sentence(cpos, cend, cfirst, clast, paragraph))
        cpos = after
    sentences.append(sentence)


def clause_at(sentence: Sentence, pos: int) -> Sentence:
    """The clause of ``sentence`` that contains normalised offset ``pos`` (the sentence if none)."""
    clauses = sentence.clauses
    i = bisect_right(clauses, pos, key=lambda c: c.start) - 1
    if i >= 0 and clauses[i].start <= pos < clauses[i].end:
        return clauses[i]
    return sentence
