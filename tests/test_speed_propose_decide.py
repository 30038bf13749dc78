"""The faster paths of the propose and decide stages (issue #15) give what the plain ones give, on short
Arabic written for these tests (diacritics, tatweel, clitics, Eastern Arabic digits, several triggers and
places a sentence, a denial)."""
from __future__ import annotations

import random

import numpy as np
import pytest

from rasd import pipeline
from rasd.learn import linear
from rasd.learn import events as event_model

TEXTS = [
    "قُتِلَ ثلاثةُ جنودٍ بانفجارِ عبوةٍ ناسفةٍ في الموصل صباح اليوم، وأصيب آخرون.",
    "شنّت طائـــرات التحالف غاراتٍ على مواقع لداعش في الرقة أمس، وقتل ٥ مسلحين.",
    "وبالقصف المدفعي استهدفت القوات قرية كفرنبل بريف إدلب، وأصيب ١٢ مدنياً بجروح.",
    "اندلعت اشتباكات عنيفة بين الجيش ومسلحين في درعا يوم الثلاثاء، فيما تظاهر المئات في السويداء.",
    "وللمرة الثانية هذا الأسبوع، هاجم مسلحون حاجزاً للشرطة في العريش وقتلوا شرطيين.",
    "نفت الوزارة أن تكون قواتها قد قصفت مدينة تعز، وقالت إن الحوثيين فجروا منزلاً في صعدة.",
    "وكان مسلحون قد أطلقوا النار على محتجين في البصرة والناصرية فقتلوا ٣ منهم.",
]


def _docs():
    docs = []
    for k, text in enumerate(TEXTS):
        doc = pipeline.make_document({"id": f"t{k}", "text": text, "published": "2018-04-10", "source": "test"})
        pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
        docs.append(doc)
    return docs


def _plain_bucket(value, edges):
    for i, edge in enumerate(edges):
        if value <= edge:
            return i
    return len(edges)


def test_bucket_is_the_first_edge_the_value_does_not_exceed():
    rng = random.Random(13)
    for edges in ((1, 2, 4), (0, 3, 10, 50, 200), (0, 1, 2, 4, 8), (0, 1, 3), (-1, 0, 1, 3, 8, 31, 365)):
        values = [e + d for e in edges for d in (-1, -0.5, 0, 0.5, 1)] + [rng.randint(-400, 400) for _ in range(200)]
        for value in values:
            assert event_model._bucket(value, edges) == _plain_bucket(value, edges), (value, edges)


@pytest.mark.parametrize("bits", [17, 12])
def test_trigger_features_looked_up_by_their_words_are_the_hashed_features(bits):
    """Every (trigger start, trigger end) of every window of the sentences, the trigger at the window's end
    and past it included: the indices looked up by the words around the trigger are those of the strings,
    the first time (made and hashed) and the second (found in the cache)."""
    event_model._TRIGGER_CACHES.pop(bits, None)
    checked = 0
    for doc in _docs() * 2:
        for sentence in doc.sentences:
            first, last = sentence.first, sentence.last + 1
            n = last - first
            for at in range(0, n + 1):
                for after in range(at, min(n + 3, at + 4)):
                    for sub in ("Armed clash", "Attack"):
                        expected = linear.index_set(event_model._trigger_features(doc, first, last, at, after, sub),
                                                    bits)
                        assert event_model._trigger_index_set(doc, first, last, at, after, sub, bits) == expected
                        checked += 1
    assert checked > 1000


def test_decide_scores_each_candidate_on_the_indices_of_its_features(monkeypatch):
    """The article's candidates are scored together, each on the sorted distinct indices of its features, with
    the probability it gets alone; the one the rules veto (the denial) too, and it is dropped."""
    model = event_model.load_model()
    if model is None:
        pytest.skip("no decision model shipped")
    calls = []
    real = linear.LinearModel.distributions_of

    def recording(self, rows):
        calls.extend(list(idx) for idx in rows)
        return real(self, rows)

    monkeypatch.setattr(linear.LinearModel, "distributions_of", recording)
    vetoes = tuple(model.meta["vetoes"])
    seen = vetoed = 0
    for doc in _docs():
        candidates = doc.user_data.get("candidates", [])
        context = event_model.article_context(candidates)
        expected = [linear.indices(event_model.candidate_features(doc, e, i, context), model.bits)
                    for e, i in candidates]
        reference = [model.distribution_of(idx) for idx in expected]
        calls.clear()
        event_model.decide(doc, candidates, model)
        assert calls == expected
        assert [i["p_event"] for _e, i in candidates] == [1.0 - d[event_model.NONE] for d in reference]
        for _e, info in candidates:
            if event_model.vetoed(info, vetoes):
                assert info["keep"] is False
                vetoed += 1
        seen += len(candidates)
    assert seen >= len(TEXTS) and vetoed >= 1


def test_bags_scored_together_get_the_numbers_each_gets_alone():
    """distributions_of pads the bags of a batch to one length with a feature of zero weights: the same
    distributions as distribution_of of each, with weights of magnitudes far apart, bags of one feature to
    three hundred, more bags than a batch holds."""
    rng = np.random.default_rng(7)
    bits, classes = 12, [f"c{k}" for k in range(9)]
    weights = rng.normal(scale=3.0, size=(len(classes), 1 << bits)).astype(np.float32)
    weights[:, rng.integers(0, 1 << bits, 300)] *= 1e-6
    weights[:, rng.integers(0, 1 << bits, 300)] *= 1e4
    weights[:, 5] = 0.0  # the one feature never seen
    bias = rng.normal(size=len(classes)).astype(np.float32)
    model = linear.LinearModel(weights=weights, bias=bias, classes=classes, bits=bits, meta={})
    for count in (2, 3, linear.BATCH, linear.BATCH + 5, 3 * linear.BATCH):
        rows = [sorted(set(rng.integers(0, 1 << bits, rng.integers(1, 300)).tolist()) - {5}) for _ in range(count)]
        rows[0] = rows[0][:1]
        assert model.distributions_of(rows) == [model.distribution_of(idx) for idx in rows]
    assert model.zero == 5
    assert model.distributions_of([]) == []


def test_trigger_features_of_triggers_that_differ_in_one_word_are_told_apart():
    """Sentences alike but for one word, at each place the trigger's features read (the four words before
    it, the four after, the trigger's own words) and just outside them: each is looked up as its own."""
    words = ["قالت", "مصادر", "محلية", "إن", "مسلحين", "هاجموا", "حاجزا", "للجيش", "قرب", "مدينة", "العريش", "فجرا"]
    event_model._TRIGGER_CACHES.pop(17, None)
    at, after = 5, 7  # "هاجموا حاجزا": a trigger of two words
    variants = [words] + [words[:k] + ["وبالأمس"] + words[k + 1:] for k in range(len(words))]
    checked = 0
    for sub in ("Attack", "Armed clash"):
        for variant in variants:
            doc = pipeline.make_document({"id": "v", "text": " ".join(variant) + ".", "published": "2018-04-10"})
            pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION[:1])
            n = len(doc.tokens)
            for a, b in ((at, after), (at, at), (0, 1), (n - 1, n + 1)):
                expected = linear.index_set(event_model._trigger_features(doc, 0, n, a, b, sub), 17)
                assert event_model._trigger_index_set(doc, 0, n, a, b, sub, 17) == expected, (variant, a, b)
                checked += 1
    assert checked == 2 * len(variants) * 4
