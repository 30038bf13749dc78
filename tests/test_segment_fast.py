"""segment()'s fast path (speed12) held to the loop it replaced: every run of sentence ends through the
general per-sentence function of before (``_add_sentence_before`` below). Random news-like Arabic made of
pieces with clitics, diacritics, tatweel, Eastern Arabic digits, the connectives that cut clauses (also
inside other words and at the ends), punctuation glued and spaced, runs of line breaks and blank lines."""
from __future__ import annotations

import random
from bisect import bisect_left

from rasd.doc import Document, Sentence
from rasd.segment import _SENTENCE_END, _clause_breaks, _looks_like_paragraph_break, segment


def _add_sentence_before(text: str, starts: list, sentences: list, start: int, end: int, paragraph: int,
                         breaks: tuple) -> None:
    """segment's general loop for one sentence before speed12: the sentence ``text[start:end]`` (white
    space around it left out) and its clauses (a cut at every break, searched for every sentence)."""
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
    positions, needs = breaks
    cpos = start
    # each break ends a clause (the matches of _CLAUSE_BREAK searched within the sentence: one character
    # each); the sentence's end ends the last one
    lo = bisect_left(positions, start)
    hi = bisect_left(positions, end, lo)
    cuts = [(at, at + 1) for at, need in zip(positions[lo:hi], needs[lo:hi]) if need <= end]
    cuts.append((end, end))
    for cend, after in cuts:
        while cpos < cend and text[cpos].isspace():
            cpos += 1
        if cpos < cend:
            cfirst = bisect_left(starts, cpos, first)
            clast = bisect_left(starts, cend, cfirst) - 1
            if clast >= cfirst:
                clauses.append(Sentence(cpos, cend, cfirst, clast, paragraph))
        cpos = after
    sentences.append(sentence)


def _reference(doc: Document) -> list:
    """The sentences as segment() made them before speed12."""
    text = doc.norm.text
    starts = doc._token_starts()
    breaks = _clause_breaks(text)
    sentences: list = []
    paragraph = 0
    pos = 0
    size = len(text)
    for m in _SENTENCE_END.finditer(text + "\n"):
        mark = m.group()
        if mark[0] == "\n":
            _add_sentence_before(text, starts, sentences, pos, min(m.start(), size), paragraph, breaks)
            if len(mark) >= 2 or _looks_like_paragraph_break(text, m.start()):
                paragraph += 1
        else:
            _add_sentence_before(text, starts, sentences, pos, min(m.end(), size), paragraph, breaks)
        pos = m.end()
    return sentences


_PIECES = ["قُتِلَ", "ثلاثةُ", "جنودٍ", "بانفجـــار", "عبوة", "ناسفة", "وبالموصل", "للتحالف", "١٢", "٣٫٥", "2018م",
           "فيما", "وفيما", "بينما", "في حين", "في وقت", "كما", "إلى ذلك", "من جهة أخرى", "من جانب آخر", "وفي سياق",
           "في سياق", "الكمائن", "كمامات", "أخرى.وأكد", "أ.ف.ب", "العربية.نت", "3.5", "12.5.2018", "،", "؛", ":",
           ",", ".", "!", "؟", "?", "«", "»", "(", ")", "-", " ", " ", " ", "  ", "\n", "\n\n", "\n \n", " \n", "\t"]


def _texts() -> list[str]:
    rng = random.Random(26)
    texts = ["قُتل ٣ جنود في الموصل.", "\n\n", "كما", " فيما قال", "قال، فيما أكد: كما أعلن.\n\nوفي سياق آخر أصيب ١٢",
             "أعلنت الوزارة مقتل 12 مسلحاً في غارة، فيما أكد مصدر محلي سقوط جرحى.\nمن جهة أخرى قصف الطيران البلدة"]
    for _ in range(400):
        texts.append("".join(rng.choice(_PIECES) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 60))))
    return texts


def _as_tuples(sentences) -> list:
    return [(s.start, s.end, s.first, s.last, s.paragraph,
             [(c.start, c.end, c.first, c.last, c.paragraph, len(c.clauses)) for c in s.clauses]) for s in sentences]


def test_segment_makes_the_sentences_and_clauses_the_general_loop_makes():
    cut, several = 0, 0
    for text in _texts():
        doc = Document(text)
        segment(doc)
        assert _as_tuples(doc.sentences) == _as_tuples(_reference(doc)), ascii(text)
        several += len(doc.sentences) > 1
        cut += any(len(s.clauses) > 1 for s in doc.sentences)
    assert several > 100 and cut > 100  # the texts did have sentences and clauses to cut


def test_a_connective_whose_look_ahead_runs_past_the_sentence_cuts_nothing():
    # "فيما" at the very end of a sentence: the break needs the white space after it, which is past the
    # sentence's end, so the sentence is one clause
    doc = Document("قال المصدر فيما\nأصيب ١٢ شخصاً")
    segment(doc)
    assert [len(s.clauses) for s in doc.sentences] == [1, 1]
    doc = Document("قال المصدر فيما أكد آخرون.")
    segment(doc)
    assert len(doc.sentences) == 1 and len(doc.sentences[0].clauses) == 2
