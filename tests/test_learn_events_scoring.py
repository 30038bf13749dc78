"""Training scores what ships: the decision grid of ``rasd train`` keeps, re-types and merges candidates
through the pipeline's own stages, so its figures are those of the shipped pipeline at that setting."""
from __future__ import annotations

import itertools
import json

import pytest

from rasd import pipeline
from rasd.commands.train import DEFAULT_TRAIN
from rasd.learn import events as event_model

needs_train = pytest.mark.skipif(not DEFAULT_TRAIN.exists(), reason="../shared/eval/train.jsonl not beside the checkout")


def _articles(n: int) -> list[dict]:
    with DEFAULT_TRAIN.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in itertools.islice(lines, n)]


# Short articles written for this test in which a soft-doubted word places a governorate-level incident at a
# town (the merge's placing rule): "fighting in Anbar ... the attack targeted Hit".
PLACING = [
    "دارت اشتباكات في محافظة الأنبار اليوم. وأفادت مصادر بأن الهجوم استهدف مدينة هيت.",
    "تجددت الاشتباكات في محافظة الأنبار مساء أمس. وأفادت مصادر أمنية بأن الهجوم استهدف مدينة حديثة.",
    "دارت اشتباكات في محافظة كركوك اليوم، وأفاد شهود بأن الهجوم استهدف ناحية الرشاد.",
    "اندلعت اشتباكات في محافظة حماة يوم الثلاثاء. وأفادت مصادر بأن الهجوم استهدف بلدة كفرزيتا.",
    "اندلعت اشتباكات عنيفة في محافظة ديالى أمس. وقال مسؤول محلي إن الهجوم طال قرية بهرز.",
]


def _shipped_decisions(proposed, model):
    dists = {}
    for a, (_article, doc, candidates) in enumerate(proposed):
        context = event_model.article_context(candidates)
        for j, (event, info) in enumerate(candidates):
            dists[a, j] = model.distribution(event_model.candidate_features(doc, event, info, context))
    return dists


@needs_train
def test_the_grid_sees_exactly_the_events_the_pipeline_gives():
    """The shipped model's own decisions, scored the way training scores a setting, give the very event
    records ``pipeline.process`` gives, the merge's placing of a soft-doubted candidate included."""
    model = event_model.load_model()
    articles = _articles(120) + [{"id": f"placing-{k}", "text": text, "published": "2018-05-14", "source": "test"}
                                 for k, text in enumerate(PLACING)]
    proposed = event_model.propose_all(articles)
    dists = _shipped_decisions(proposed, model)
    meta = model.meta
    p_event = lambda a, j: 1.0 - dists[a, j].get(event_model.NONE, 0.0)  # noqa: E731
    decision = event_model._by_model(proposed, dists, meta["threshold"], meta["margin"], meta["rescue"],
                                     tuple(meta["vetoes"]))
    predicted = event_model.kept_events(proposed, decision, p_event, meta["threshold"])
    shipped = {article["id"]: pipeline.process(article).events for article, _doc, _c in proposed}
    assert sum(map(len, shipped.values())) > 50
    assert predicted == shipped


def test_a_setting_is_scored_with_the_merges_placing_rule():
    """A soft-doubted telling at a town ("the attack targeted Hit") that the model would keep were it not
    doubted places the kept governorate-level clash there; one it finds unlikely does not."""
    proposed = event_model.propose_all([{"id": "hit", "text": PLACING[0], "published": "2018-05-14"}])
    candidates = proposed[0][2]
    assert [info.get("doubt") for _e, info in candidates] == [None, "vague"]
    sure = lambda a, j: None if proposed[a][2][j][1].get("doubt") else proposed[a][2][j][0].sub_event_type  # noqa: E731
    placed = event_model.kept_events(proposed, sure, lambda a, j: 0.5, threshold=0.4)["hit"]
    unplaced = event_model.kept_events(proposed, sure, lambda a, j: 0.3, threshold=0.4)["hit"]
    assert [(e["admin1"], e["location"]) for e in placed] == [("Al Anbar", "Hit")]
    assert [(e["admin1"], e["location"]) for e in unplaced] == [("Al Anbar", "Al Anbar")]


@needs_train
def test_scoring_leaves_the_candidates_as_proposed():
    """Scoring a setting works on copies: the proposed candidates and the documents are unchanged after."""
    proposed = event_model.propose_all(_articles(30))
    before = [[(e.to_record(), dict(i.get("deaths", {}))) for e, i in c] for _a, _d, c in proposed]
    rules = event_model.score_kept(proposed, event_model._rules(proposed))
    everything = event_model.score_kept(proposed, lambda a, j: proposed[a][2][j][0].sub_event_type)
    assert everything["pred_events"] >= rules["pred_events"] > 0
    after = [[(e.to_record(), dict(i.get("deaths", {}))) for e, i in c] for _a, _d, c in proposed]
    assert after == before
    assert all(doc.events == [] and "keep_threshold" not in doc.user_data for _a, doc, _c in proposed)


def test_a_force_the_rules_read_intervening_is_not_made_a_riot_or_a_peaceful_crowd_by_the_model():
    """The rules read a force dispersing or firing on a crowd; the model's words may lean to the crowd's own
    violence (a riot) or to a peaceful protest, but neither undoes the force the rules read. The model still
    moves such an event to another kind of intervention, and a riot the rules read stays open to the model."""
    from rasd.learn.events import NONE, model_type
    leaning_riot = {"Violent demonstration": 0.6, "Protest with intervention": 0.1, NONE: 0.3}
    assert model_type("Protest with intervention", leaning_riot, 0.3) == "Protest with intervention"
    assert model_type("Excessive force against protesters", leaning_riot, 0.3) == "Excessive force against protesters"
    leaning_peaceful = {"Peaceful protest": 0.7, "Protest with intervention": 0.1, NONE: 0.2}
    assert model_type("Protest with intervention", leaning_peaceful, 0.3) == "Protest with intervention"
    leaning_force = {"Excessive force against protesters": 0.7, "Protest with intervention": 0.1, NONE: 0.2}
    assert model_type("Protest with intervention", leaning_force, 0.3) == "Excessive force against protesters"
    clash_of_a_crowd = {"Violent demonstration": 0.6, "Armed clash": 0.1, NONE: 0.3}
    assert model_type("Armed clash", clash_of_a_crowd, 0.3) == "Violent demonstration"
