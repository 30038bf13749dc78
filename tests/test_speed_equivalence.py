"""The faster paths of issue #15 give what the plain ones give (bench/README.md: output byte-identical)."""
from __future__ import annotations

import random

import numpy as np

from rasd import text as T
from rasd.learn import actor_roles, linear


def test_fast_alphabet_tokenizer_equals_unicode_one():
    alphabet = sorted(T.FAST_ALPHABET)
    rng = random.Random(15)
    for _ in range(500):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert T.tokenize(s, fast_alphabet=True) == T.tokenize(s)
    for ch in alphabet:  # every character alone and between letters and digits
        for s in (ch, "a" + ch + "b", "1" + ch + "2", "ب" + ch + "ت", ch + ch):
            assert T.tokenize(s, fast_alphabet=True) == T.tokenize(s), repr(s)


def test_normalize_marks_the_fast_path():
    assert T.normalize("قصف مدفعي على الموصل").fast
    assert not T.normalize("قصف \U0001F600 على الموصل").fast  # an emoji: the character-by-character path
    assert T.normalize("abc") == T._normalize_slow("abc")  # how it was made is not compared


def test_indices_are_the_sorted_distinct_hashes():
    rng = random.Random(1)
    for _ in range(200):
        feats = [f"w={rng.randint(0, 50)}" for _ in range(rng.randint(0, 30))]
        expected = sorted({linear.feature_index(f, 15) for f in feats})
        assert linear.indices(feats, 15) == expected
        assert linear.indices(iter(feats), 15) == expected  # any iterable


def test_role_model_scores_a_sentence_as_it_scores_each_mention():
    rng = np.random.default_rng(0)
    weights = rng.normal(size=(3, (1 << actor_roles.BITS) + 1))
    model = actor_roles.RoleModel(weights=weights, classes=actor_roles.CLASSES)
    rows = [[f"f{rng.integers(0, 10_000)}" for _ in range(rng.integers(1, 60))] for _ in range(40)]
    together = model.probabilities_of(rows)
    for row, probs in zip(rows, together):
        idx = linear.indices(row, actor_roles.BITS)
        z = weights[:, idx].sum(axis=1) + weights[:, -1]  # the plain computation, one mention at a time
        e = np.exp(z - z.max())
        assert probs == {c: float(v) for c, v in zip(actor_roles.CLASSES, e / e.sum())}


def test_linear_scores_equal_the_fancy_indexed_sum():
    rng = np.random.default_rng(2)
    bits, classes = 12, ["a", "b", "c", "d", "e"]
    weights = rng.normal(scale=3.0, size=(len(classes), 1 << bits)).astype(np.float32)
    weights[:, rng.integers(0, 1 << bits, 50)] *= 1e-6  # magnitudes far apart: the order of the sums shows
    bias = rng.normal(size=len(classes)).astype(np.float32)
    model = linear.LinearModel(weights=weights, bias=bias, classes=classes, bits=bits, meta={})
    rows = np.ascontiguousarray(weights.T)
    for _ in range(300):
        feats = [f"x={rng.integers(0, 3000)}" for _ in range(rng.integers(0, 150))]
        idx = linear.indices(feats, bits)
        plain = [float(b) for b in bias] if not idx else (rows[idx].sum(axis=0) + bias).tolist()
        assert model.scores(feats) == plain


def test_decide_scores_the_indices_of_candidate_features():
    """decide hashes the window's and the trigger's features once for the candidates that share them; each
    candidate is still scored on exactly the sorted distinct indices of candidate_features."""
    import json
    from pathlib import Path

    from rasd import pipeline
    from rasd.learn import events

    model = events.load_model()
    if model is None:
        return
    news = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.jsonl"
    rows = [json.loads(line) for line in news.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if news.exists() else []
    rows.append({"id": "many", "published": "2018-03-01",
                 "text": "في بغداد " + "غارة جوية على الموصل و " * 60 + "قتل ثلاثة."})
    seen = []
    model_calls = []

    class Recording(linear.LinearModel):
        def distribution_of(self, idx):
            model_calls.append(list(idx))
            return super().distribution_of(idx)

    model = Recording(weights=model.weights, bias=model.bias, classes=model.classes, bits=model.bits,
                      meta=model.meta, rows=model.rows)
    if True:
        for row in rows:
            try:
                doc = pipeline.make_document(dict(row))
            except Exception:  # noqa: BLE001 - an unusable article has no candidates
                continue
            pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
            candidates = doc.user_data.get("candidates", [])
            context = events.article_context(candidates)
            expected = [linear.indices(events.candidate_features(doc, e, i, context), model.bits)
                        for e, i in candidates]
            model_calls.clear()
            events.decide(doc, candidates, model)
            assert model_calls == expected
            seen.append(len(candidates))
    assert sum(seen) > 0


def _dev_rows():
    import json
    from pathlib import Path

    news = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.jsonl"
    return [json.loads(line) for line in news.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if news.exists() else []


def test_role_model_scores_the_indices_of_its_features(monkeypatch):
    """rescore looks the indices of the fixed-name features up by their values: each mention is still scored
    on exactly the sorted distinct indices of actor_roles.features, and the same sentences count as hard."""
    from rasd import pipeline

    if actor_roles.model() is None:
        return
    expected, got = [], []
    real_rescore, real_scores = actor_roles.RoleModel.rescore, actor_roles.RoleModel.probabilities_of_indices

    def rescore(self, doc, trigger, sentence, cands):
        if not all(c.source for c in cands):
            rows = [actor_roles.features(doc, trigger, sentence, c, cands) for c in cands if not c.source]
            if not any(actor_roles.hard(row) for row in rows):
                expected.append([linear.indices(row, actor_roles.BITS) for row in rows])
        return real_rescore(self, doc, trigger, sentence, cands)

    def scores(self, rows):
        got.append([list(r) for r in rows])
        return real_scores(self, rows)

    monkeypatch.setattr(actor_roles.RoleModel, "rescore", rescore)
    monkeypatch.setattr(actor_roles.RoleModel, "probabilities_of_indices", scores)
    rows = _dev_rows() + [{"id": "x", "published": "2018-03-01",
                           "text": "قال الجيش العراقي إن مسلحين من داعش هاجموا قرية في كركوك وقتلوا ثلاثة من الحشد."}]
    for row in rows * 2:  # the second time every value is in the caches
        pipeline.process(dict(row))
    assert got == expected and len(got) > 10


def test_lexicons_searched_once_an_article_find_what_a_search_a_sentence_finds():
    """find_triggers searches the trigger lexicon once over the article and shares the matches out to the
    sentences: each sentence gets what find_longest of its own tokens gives, on real news and on a text
    of phrases written across sentence and line breaks."""
    import json
    from pathlib import Path

    from rasd import pipeline
    from rasd.actors import lexicon as actor_lexicon
    from rasd.modality import modality_matcher
    from rasd.segment import segment
    from rasd.triggers import trigger_matcher

    news = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.jsonl"
    rows = [json.loads(line) for line in news.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if news.exists() else []
    rows.append({"id": "breaks", "text": "قتل ثلاثة بانفجار عبوة.\nناسفة في سوق الموصل، وشنت طائرات التحالف"
                 " غارة. جوية على قوات\nالأمن؛ فيما قصفت المدفعية قرى بعشيقة! وأعلنت القوات الأمنية العراقية"})
    plain = lambda ms: [(m.start, m.end, m.first, m.last, m.phrase, m.value) for m in ms]  # noqa: E731
    checked = 0
    for row in rows:
        doc = pipeline.make_document(row)
        segment(doc)
        spans = [(s.first, s.last) for s in doc.sentences]
        for matcher in (trigger_matcher(), modality_matcher(), actor_lexicon().matcher):
            by_sentence = matcher.find_longest_in(doc.tokens, doc.token_texts(), spans)
            for (first, last), got in zip(spans, by_sentence):
                assert plain(got) == plain(matcher.find_longest(doc.tokens[first:last + 1])), (row["id"], first)
                checked += len(got)
            assert plain(matcher.find(doc.tokens, doc.token_texts())) == plain(matcher.find(doc.tokens))
    assert checked > 5
