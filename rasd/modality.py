"""Stage 5: modality. A trigger inside a denial, condemnation, threat, warning, plan, call, question,
hypothetical, negation or a generic statement about attacks in general is not an event.

The cues and their scopes are data (``rasd/data/modality.tsv``). A cue applies to a trigger of its own
sentence when it stands within its scope (``before:N`` words before the trigger, ``after:N`` words after,
or anywhere in the ``sentence``). A sentence that ends in a question mark is a question throughout.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .doc import Document
from .lexicon import PhraseMatcher, read_tsv

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def modality_matcher() -> PhraseMatcher[tuple[str, str, int]]:
    matcher: PhraseMatcher[tuple[str, str, int]] = PhraseMatcher()
    for row in read_tsv(DATA / "modality.tsv"):
        scope = row["scope"]
        if scope == "sentence":
            matcher.add(row["phrase"], (row["kind"], "sentence", 0))
        else:
            where, _, n = scope.partition(":")
            matcher.add(row["phrase"], (row["kind"], where, int(n)))
    return matcher


def mark_modality(doc: Document) -> None:
    if not doc.triggers:
        return
    matcher = modality_matcher()
    by_sentence: dict[int, list] = {}
    for trig in doc.triggers:
        by_sentence.setdefault(trig.sentence, []).append(trig)
    text = doc.norm.text
    for si, triggers in by_sentence.items():
        sentence = doc.sentences[si]
        tokens = doc.tokens[sentence.first: sentence.last + 1]
        cues = matcher.find_longest(tokens)
        question = text[sentence.start:sentence.end].rstrip().endswith("?")
        for trig in triggers:
            if question:
                trig.modality = "question"
                continue
            trig_first = next((t.index for t in tokens if t.end > trig.start), sentence.last)
            trig_last = next((t.index for t in reversed(tokens) if t.start < trig.end), trig_first)
            for cue in cues:
                kind, where, n = cue.value
                if where == "sentence":
                    hit = True
                elif where == "before":
                    hit = 0 < trig_first - cue.last <= n
                else:
                    hit = 0 < cue.first - trig_last <= n
                if hit:
                    trig.modality = kind
                    break
