"""The decision model's pair-of-sides feature (pair|sub) reads the two inters as a set: a rule that swaps
actor1 and actor2 leaves it as it was, while a1/a2 follow the order."""
from __future__ import annotations

import copy

from rasd.learn import events as event_model

# short clashes written for this test (clitics, tatweel, diacritics, Eastern Arabic digits)
TEXTS = [
    "قُتل ٣ جنود في اشتباكات بين الجيش اليمني والحوثيين في مديرية نهم بمحافظة صنعاء أمس.",
    "اندلعـــت اشتباكات عنيفة بين قوات الأمن ومسلحين في مدينة الرمادي بمحافظة الأنبار، وقتل ٥ منهم.",
]


def _pair(features):
    return sorted(f for f in features if f.startswith("pair|sub="))


def test_pair_feature_is_order_free():
    articles = [{"id": f"pair-{k}", "text": t, "published": "2018-05-14", "source": "test"}
                for k, t in enumerate(TEXTS)]
    seen = 0
    for _article, doc, candidates in event_model.propose_all(articles):
        context = event_model.article_context(candidates)
        for event, info in candidates:
            if not (event.inter1 and event.inter2) or event.inter1 == event.inter2:
                continue
            swapped = copy.copy(event)
            swapped.inter1, swapped.inter2 = event.inter2, event.inter1
            before = event_model.candidate_features(doc, event, info, context)
            after = event_model.candidate_features(doc, swapped, info, context)
            assert _pair(before) and _pair(before) == _pair(after)
            assert "+" in _pair(before)[0]
            assert [f for f in before if f.startswith("a1=")] != [f for f in after if f.startswith("a1=")]
            seen += 1
    assert seen >= 1
