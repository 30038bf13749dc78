"""The trigger lexicon says each phrase once: two rows whose phrases fold to the same lexicon key (the
article stripped, ``الأسلحة الكيميائية`` and ``أسلحة كيميائية``) would match the same words, and only the
first would ever count, so an analyst editing the second would change nothing."""
from __future__ import annotations

from rasd.lexicon import phrase_key, read_tsv
from rasd.triggers import DATA, GAP


def test_no_two_plain_rows_share_a_key():
    first: dict = {}
    repeated = []
    for row in read_tsv(DATA / "triggers.tsv"):
        if GAP in row["phrase"]:
            continue
        key = phrase_key(row["phrase"])
        if key in first:
            repeated.append((row["phrase"], first[key]))
        first.setdefault(key, row["phrase"])
    assert not repeated, repeated


def test_the_key_folds_the_article_and_the_hamza():
    """The folding the uniqueness test relies on: the definite and the bare form are one key."""
    assert phrase_key("الأسلحة الكيميائية") == phrase_key("أسلحة كيميائية")
    assert phrase_key("المتظاهرين") == phrase_key("متظاهرين")
    assert phrase_key("هدنة") != phrase_key("هدنه*")
