"""rasd.learn.select and the grids of `rasd train` that use it: near-ties of the out-of-fold figure are settled by
a secondary criterion fixed in advance (log-loss, then the more conservative setting), never by grid order."""
import math

import pytest

from rasd.learn import event_dates, events, select


def test_near_best_keeps_ties_and_the_tolerance():
    scores = {"a": 0.7920, "b": 0.7915, "c": 0.7899, "d": 0.7920}
    assert select.near_best(scores) == ["a", "b", "d"]
    assert select.near_best(scores, tolerance=0.0) == ["a", "d"]
    assert select.near_best({}) == []


def test_choose_follows_the_secondary_criterion_not_the_order():
    scores = {0.03: 0.792, 0.1: 0.7915, 0.3: 0.7918, 1.0: 0.785}
    loss = {0.03: 0.31, 0.1: 0.30, 0.3: 0.29, 1.0: 0.20}
    # 1.0 has the lowest loss but is not near the best; of the near-best, 0.3 has the lowest loss
    assert select.choose(scores, lambda c: (loss[c],)) == 0.3
    # reversed insertion order: the same choice
    assert select.choose(dict(reversed(list(scores.items()))), lambda c: (loss[c],)) == 0.3
    # equal losses: the smaller C (stronger regularisation) when the secondary says so
    assert select.choose(scores, lambda c: (0.3, c)) == 0.03


def test_log_loss_matches_the_definition_and_is_stable():
    zs, ys = [2.0, -1.0, 0.0, 40.0, -40.0], [1, 0, 1, 0, 1]
    expected = sum(-math.log(1 / (1 + math.exp(-z))) if y else -math.log(1 - 1 / (1 + math.exp(-z)))
                   for z, y in zip(zs[:3], ys[:3]))
    total, n = select.log_loss(zs, ys)
    assert n == 5
    # a confident mistake costs about its logit; no overflow
    assert total == pytest.approx(expected + 40.0 + 40.0, rel=1e-9)


def _stop34_table():
    """The stop 34 card's out-of-fold accuracies (rounded) of the date chooser's grid, made exact."""
    acc = {(0.03, 0.0): 0.7921, (0.03, 0.5): 0.7900, (0.03, 1.0): 0.787, (0.03, 2.0): 0.752,
           (0.1, 0.0): 0.7919, (0.1, 0.5): 0.7910, (0.1, 1.0): 0.788, (0.1, 2.0): 0.779,
           (0.3, 0.0): 0.7916, (0.3, 0.5): 0.7916, (0.3, 1.0): 0.787, (0.3, 2.0): 0.782,
           (1.0, 0.0): 0.789, (1.0, 0.5): 0.790, (1.0, 1.0): 0.790, (1.0, 2.0): 0.786}
    loss = {0.03: 0.3301, 0.1: 0.3102, 0.3: 0.3050, 1.0: 0.3200}
    return acc, loss


def test_date_chooser_setting_by_log_loss_then_conservative_margin():
    acc, loss = _stop34_table()
    # near-best: C 0.03/0.1/0.3 at margin 0, and C 0.3 at margin 0.5 (C 1.0 at 0.790 is 0.0021 away);
    # C 0.3 has the lowest log-loss; of its near-best margins the larger
    assert event_dates.choose_setting(acc, loss) == (0.3, 0.5)


def test_date_chooser_setting_does_not_flip_on_a_one_group_change():
    acc, loss = _stop34_table()
    moved = dict(acc)
    moved[0.03, 0.0] += 1 / 1806  # one more group right for C 0.03: before stop 35 this alone decided C
    moved[0.3, 0.5] -= 1 / 1806
    assert event_dates.choose_setting(moved, loss) == event_dates.choose_setting(acc, loss)


def test_date_chooser_equal_losses_take_the_smaller_c():
    acc, _ = _stop34_table()
    flat = {c: 0.3 for c in event_dates.CS}
    assert event_dates.choose_setting(acc, flat)[0] == 0.03


def test_decision_setting_exact_ties_go_to_the_conservative_setting():
    grid = {}
    for key in events.SETTINGS:
        grid[key] = {"event_f1": 0.66, "recall": 0.69, "precision": 0.64}
    t, margin, rescue = events.choose_setting(grid)
    # every setting ties: the highest threshold that has two neighbours, the highest rescue, the larger margin
    assert t == events.THRESHOLDS[-2]
    assert rescue == max(events.RESCUES)
    assert margin == max(events.MARGINS)
