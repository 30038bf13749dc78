"""How `rasd train` chooses among the settings of a grid when their out-of-fold scores nearly tie.

Every grid of `rasd train` is scored out of fold on train (each outlet held out in turn). The main figure of a
setting (the date chooser's accuracy, the incident model's event F1) is flat near its best: at stop 34 the date
chooser's C = 0.03, 0.1 and 0.3 all scored 0.792 to three decimals, and which of them came first decided the
shipped model; the flip from 0.3 to 0.03 alone moved dev2's fatality total by 128. A choice that small changes
of the code or the data can flip is noise, and it moves the output. So each grid chooses in two steps, both fixed
before looking at any result and both read on train alone:

1. the *near-best* settings: those whose main figure is within :data:`TOLERANCE` of the best (0.002, fixed
   before looking: on the date chooser's 1,806 groups about 4 groups, on train's ~1,600 gold events about 3
   paired events; a difference of that size between two settings of one model is a handful of examples that a
   small change of the candidates moves, not evidence for either);
2. among them, a secondary criterion that varies smoothly with the setting, so that it does not flip with a
   few examples: the out-of-fold log-loss where the model gives probabilities, then the more conservative
   setting (the stronger regularisation: the smaller C; a larger margin before overriding the rules; the higher
   threshold before merging), and the setting itself last, so that the choice never depends on dict order.

The selections of `rasd train` (stop 35's inventory): the date chooser's (C, margin) grid
(:func:`rasd.learn.event_dates.choose_setting`: the near-best, then its C's log-loss, then the smaller C, then the
larger margin); the incident model's merge threshold (the near-best, then the highest; whether the model is used
at all is GAIN's, 0.005); the event decision's (threshold, margin, rescue) (:func:`rasd.learn.events.choose_setting`:
its own plateau of 0.003 on the F1 smoothed over neighbouring thresholds, then the highest recall, checked by
nested cross-validation in scripts/threshold_selection.py, exact ties to the most conservative setting). The
actor-role model (C 0.5, weight 3), the toll model (C 1.0, threshold 0.3, off) and the place tables search no grid
when they are trained: their settings are constants.

Everything here is a pure function of the figures: seeded training gives the same figures, the same choice,
the same bytes.
"""
from __future__ import annotations

import math
from typing import Callable, Hashable, Iterable, Mapping, Sequence, TypeVar

K = TypeVar("K", bound=Hashable)

TOLERANCE = 0.002  # out-of-fold differences of the main figure smaller than this are noise (see above)


def near_best(scores: Mapping[K, float], tolerance: float = TOLERANCE) -> list[K]:
    """The keys whose score is within ``tolerance`` of the best (higher is better), in the mapping's order.
    The comparison allows for float rounding (1e-12), so two settings that tie exactly are both near-best."""
    if not scores:
        return []
    top = max(scores.values())
    return [k for k, v in scores.items() if v >= top - tolerance - 1e-12]


def choose(scores: Mapping[K, float], secondary: Callable[[K], Sequence[float]], tolerance: float = TOLERANCE) -> K:
    """Of the near-best keys of ``scores``, the one with the smallest ``secondary(key)`` (a tuple, compared in
    order; put a log-loss first, then the preference for the more conservative setting), the key itself
    breaking any remaining tie."""
    return min(near_best(scores, tolerance), key=lambda k: (tuple(secondary(k)), k))


def log_loss(scores: Iterable[float], labels: Iterable[int]) -> tuple[float, int]:
    """The summed binary log-loss of logits ``scores`` against 0/1 ``labels`` (natural log), and their number:
    sums over folds add up to the pooled out-of-fold mean."""
    total, n = 0.0, 0
    for z, y in zip(scores, labels):
        # -log sigmoid(z) for a positive, -log(1 - sigmoid(z)) for a negative, computed stably
        m = -z if y else z
        total += m + math.log1p(math.exp(-m)) if m > 0 else math.log1p(math.exp(m))
        n += 1
    return total, n
