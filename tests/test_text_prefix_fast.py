"""text.prefix_variants answers a word that opens with alef (the article, or no proclitic at all) without its
general search (speed19): the readings, their order and their stripped counts are those of the search, for the
words of the training articles and for every proclitic chain on short stems."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from rasd.text import normalize, prefix_variants, tokenize

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "train.jsonl"


def _searched(word: str, min_len: int = 2) -> list[tuple[str, int]]:
    """prefix_variants as written before speed19: the search over conjunction, preposition and article."""
    if word[:1] not in frozenset("وفبلكا"):
        return [(word, 0)]
    seen: dict[str, int] = {word: 0}
    frontier = [(word, 0, 0)]
    while frontier:
        form, stripped, stage = frontier.pop()
        nexts = []
        if stage <= 0 and len(form) > min_len + 1 and form[0] in _CONJ:
            nexts.append((form[1:], stripped + 1, 1))
        if stage <= 1 and len(form) > min_len + 1 and form[0] in _PREP:
            rest = form[1:]
            nexts.append((rest, stripped + 1, 2))
            if form[0] == "ل" and rest.startswith("ل") and len(rest) > min_len + 1:
                nexts.append(("ا" + rest, stripped + 2, 2))
        if stage <= 2 and form.startswith("ال") and len(form) > min_len + 2:
            nexts.append((form[2:], stripped, 3))
        for nxt in nexts:
            if nxt[0] not in seen:
                seen[nxt[0]] = nxt[1]
                frontier.append(nxt)
    return sorted(seen.items(), key=lambda kv: (kv[1], -len(kv[0])))


def _chains() -> set[str]:
    """Every chain of up to four proclitic-like letters (ال among them) before short stems, alef-led ones too."""
    heads = ["", "و", "ف", "ب", "ل", "ك", "ال", "ا", "لل"]
    stems = ["ا", "ل", "م", "ال", "اا", "لا", "مدن", "الم", "اله", "موصل", "اللحم", "امن", "لقاء", "الالم"]
    out = set()
    for n in range(0, 4):
        for chain in itertools.product(heads, repeat=n):
            for stem in stems:
                out.add("".join(chain) + stem)
    return out


@pytest.mark.parametrize("min_len", [1, 2, 3])
def test_chains_read_as_the_search_reads_them(min_len):
    words = _chains()
    assert sum(w.startswith("ا") for w in words) > 500
    for word in words:
        assert prefix_variants(word, min_len) == _searched(word, min_len), word


def test_arabic_of_our_own_with_diacritics_tatweel_and_digits():
    text = "والمُسلّحون الـمهاجمون اقتحموا البلدة وبالموصل ٣ قتلى للاحتلال الأمريكي اثنان الالغام ال"
    for tok in tokenize(normalize(text).text):
        assert prefix_variants(tok.text) == _searched(tok.text), tok.text
    assert prefix_variants("البلده") == [("البلده", 0), ("بلده", 0)]
    assert prefix_variants("اقتحموا") == [("اقتحموا", 0)]
    assert prefix_variants("ال") == [("ال", 0)]


@pytest.mark.skipif(not _TRAIN.exists(), reason="the shared training articles are not beside the repository")
def test_the_words_of_the_training_articles():
    words: set[str] = set()
    with open(_TRAIN, encoding="utf-8") as handle:
        for line in handle:
            words.update(t.text for t in tokenize(normalize(json.loads(line).get("text") or "").text))
    assert len(words) > 20_000
    for word in words:
        assert prefix_variants(word) == _searched(word), word
