"""DateChooser.score: the bias plus the weight of each distinct hashed index, added in the order of first use,
whether the features were hashed before (the cached path) or not."""
from __future__ import annotations

import numpy as np

from rasd.learn.event_dates import DateChooser
from rasd.learn.linear import LinearModel, feature_index

BITS = 8


def _chooser() -> DateChooser:
    weights = np.zeros((1, 1 << BITS))
    rng = np.random.default_rng(14)
    weights[0] = rng.normal(size=1 << BITS) * np.where(rng.random(1 << BITS) < 0.7, 1.0, 0.0)
    return DateChooser(LinearModel(weights=weights, bias=np.array([0.37]), classes=["day"], bits=BITS, meta={}))


def _reference(chooser: DateChooser, feats: list[str]) -> float:
    seen, total = set(), chooser.bias
    for f in feats:
        i = feature_index(f, BITS)
        if i not in seen:
            seen.add(i)
            total += chooser.weights.get(i, 0.0)
    return total


def _colliding_pair() -> tuple[str, str]:
    seen: dict[int, str] = {}
    for k in range(10_000):
        f = f"ly_src=أمس|sentence|{k}"
        i = feature_index(f, BITS)
        if i in seen:
            return seen[i], f
        seen[i] = f
    raise AssertionError("no collision among 10,000 features at 8 bits")


def test_score_matches_the_reference_cold_and_warm():
    chooser = _chooser()
    a, b = _colliding_pair()
    feats = ["bias", "src=sentence", "age=1", a, "rule=True", b, "src=sentence", "et=Battles|clause", "n_same=٢"]
    cold = chooser.score(feats)
    warm = chooser.score(feats)
    assert cold == warm == _reference(chooser, feats)
    # a colliding feature counts once: dropping it leaves the score as it is
    assert chooser.score([f for f in feats if f != b]) == cold
    # one new feature among cached ones takes the slow path and is then cached
    more = feats + ["p1=ـالمدينة"]
    assert chooser.score(more) == _reference(chooser, more)
    assert "p1=ـالمدينة" in chooser.hashes


def test_order_of_first_use_is_the_order_of_addition():
    chooser = _chooser()
    feats = [f"w{k}" for k in range(60)]
    assert chooser.score(feats) == _reference(chooser, feats)
    assert chooser.score(feats[::-1]) == _reference(chooser, feats[::-1])
