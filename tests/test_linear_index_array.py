"""``linear.index_array``: the sorted indices a decision sums, made in numpy, give the scores the sorted list
gave, bit for bit (the decision stage and the incident model read their bags through it)."""
from __future__ import annotations

import random

import numpy as np

from rasd.learn import linear


def _model(classes: int, bits: int = 12, seed: int = 3) -> linear.LinearModel:
    rng = np.random.default_rng(seed)
    weights = rng.standard_normal((classes, 1 << bits)).astype(np.float32) * np.float32(3.0)
    weights[:, rng.random(1 << bits) < 0.5] = 0.0  # as shipped: most columns never seen in training
    bias = rng.standard_normal(classes).astype(np.float32)
    return linear.LinearModel(weights=weights, bias=bias, classes=[f"c{k}" for k in range(classes)], bits=bits,
                              meta={})


def test_index_array_is_the_sorted_list_of_the_set():
    rng = random.Random(7)
    for size in (0, 1, 2, 5, 64, 113, 500):
        idx = set(rng.sample(range(1 << 17), size))
        got = linear.index_array(idx)
        assert got.dtype == np.intp and got.ndim == 1
        assert got.tolist() == sorted(idx)


def test_scores_and_distributions_from_the_array_equal_those_from_the_sorted_list_bit_for_bit():
    rng = random.Random(11)
    for classes in (1, 2, 9):
        model = _model(classes)
        for size in (0, 1, 3, 40, 120, 300):
            idx = set(rng.sample(range(1 << model.bits), size))
            as_list, as_array = sorted(idx), linear.index_array(idx)
            assert model.scores_of(as_array) == model.scores_of(as_list)
            assert model.distribution_of(as_array) == model.distribution_of(as_list)
            # and what the features themselves give
            features = [f"w={k}" for k in range(size)]
            assert model.distribution_of(linear.index_array(linear.index_set(features, model.bits))) \
                == model.distribution(features)


def test_empty_bag_scores_the_bias():
    model = _model(3)
    assert model.scores_of(linear.index_array(set())) == [float(b) for b in model.bias]
