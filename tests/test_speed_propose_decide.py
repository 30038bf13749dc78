"""The faster paths of the propose and decide stages (issue #15) give what the plain ones give, on short
Arabic written for these tests (diacritics, tatweel, clitics, Eastern Arabic digits, several triggers and
places a sentence, a denial)."""
from __future__ import annotations

import random

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
    model = event_model.load_model()
    if model is None:
        pytest.skip("no decision model shipped")
    calls = []
    real = linear.LinearModel.distribution_of

    def recording(self, idx):
        calls.append(list(idx))
        return real(self, idx)

    monkeypatch.setattr(linear.LinearModel, "distribution_of", recording)
    seen = 0
    for doc in _docs():
        candidates = doc.user_data.get("candidates", [])
        context = event_model.article_context(candidates)
        expected = [linear.indices(event_model.candidate_features(doc, e, i, context), model.bits)
                    for e, i in candidates]
        calls.clear()
        event_model.decide(doc, candidates, model)
        assert calls == expected
        seen += len(candidates)
    assert seen >= len(TEXTS)


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
