"""The learned actor-role model (rasd/learn/actor_roles.py): shipped weights, reproducible training, and how
it joins the rules. The small training set below is written for the test (not taken from any evaluation set)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from rasd import actors, pipeline
from rasd.learn import actor_roles

ARTICLES = [
    ("a1", "outlet-a", "2018-03-01", "قصفت طائرات التحالف العربي مواقع للحوثيين في مديرية حرض بمحافظة حجة.",
     "قصفت", "Saudi-led Coalition", "Houthis", "طائرات التحالف العربي", "للحوثيين"),
    ("a2", "outlet-a", "2018-03-02", "هاجم الحوثيون مواقع الجيش الوطني في مديرية نهم شرق صنعاء.",
     "هاجم", "Houthis", "Military Forces of Yemen", "الحوثيون", "الجيش الوطني"),
    ("a3", "outlet-a", "2018-03-03", "اغتال مسلحون مجهولون إمام مسجد في مدينة عدن جنوب اليمن.",
     "اغتال", "Unidentified Armed Group (Yemen)", "Civilians (Yemen)", "مسلحون مجهولون", "إمام مسجد"),
    ("b1", "outlet-b", "2018-04-01", "قصفت قوات النظام السوري بلدة كفرنبل في ريف إدلب الجنوبي.",
     "قصفت", "Military Forces of Syria", None, "قوات النظام السوري", None),
    ("b2", "outlet-b", "2018-04-02", "شن الطيران الروسي غارات على مواقع لهيئة تحرير الشام في ريف حماة.",
     "غارات", "Military Forces of Russia", "Hayat Tahrir al-Sham", "الطيران الروسي", "لهيئة تحرير الشام"),
    ("b3", "outlet-b", "2018-04-03", "استهدفت فصائل المعارضة بالقذائف مواقع قوات النظام في ريف حلب الغربي.",
     "استهدفت", "Opposition Rebels (Syria)", "Military Forces of Syria", "فصائل المعارضة", "قوات النظام"),
]


def _write_train(path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for rid, source, published, text, trig, a1, a2, a1_ar, a2_ar in ARTICLES:
            event = {"event_type": "x", "sub_event_type": "x", "trigger_ar": trig, "actor1": a1, "actor2": a2,
                     "actor1_ar": a1_ar, "actor2_ar": a2_ar, "evidence": text}
            handle.write(json.dumps({"id": rid, "source": source, "published": published, "text": text,
                                     "events": [event]}, ensure_ascii=False) + "\n")
    return path


def test_shipped_weights_load_and_are_small():
    model = actor_roles.model()
    assert model is not None, "rasd/data/models/actor_roles.npy and .json ship with rasd"
    assert model.weights.shape == (3, (1 << actor_roles.BITS) + 1)
    assert model.classes == ("actor1", "actor2", "none")
    assert (actor_roles.MODELS / "actor_roles.npy").stat().st_size < 2_000_000
    card = json.loads((actor_roles.MODELS / "actor_roles.json").read_text(encoding="utf-8"))
    pooled = card["cross_validation"]["pooled"]
    assert pooled["model_actor1"] > pooled["rules_actor1"]  # the figures the model card reports


def test_training_is_reproducible_bit_for_bit_and_reports_every_outlet(tmp_path):
    train = _write_train(tmp_path / "train.jsonl")
    first = actor_roles.train(train, tmp_path / "one", seed=0)
    second = actor_roles.train(train, tmp_path / "two", seed=0)
    actor_roles.model.cache_clear()
    for name in ("actor_roles.npy", "actor_roles.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert first == second
    assert set(first["by_outlet"]) == {"outlet-a", "outlet-b"}
    assert first["pooled"]["events"] >= 4


def test_training_refuses_the_dev_sets(tmp_path, capsys):
    with pytest.raises(SystemExit):
        actor_roles.main([str(tmp_path / "dev2.jsonl")])


def test_examples_label_the_mentions_by_their_canonical_names(tmp_path):
    items = actor_roles.examples(_write_train(tmp_path / "train.jsonl"))
    by_gold = {(i["gold1"], i["gold2"]): i for i in items}
    item = by_gold[("Saudi-led Coalition", "Houthis")]
    labels = dict(zip(item["names"], item["labels"]))
    assert labels == {"Saudi-led Coalition": "actor1", "Houthis": "actor2"}


def _roles(text: str, published: str, use_model: bool):
    doc = pipeline.make_document({"text": text, "published": published})
    pipeline.run_stages(doc)
    trigger = next(t for t in doc.triggers if not t.absorbed)
    return actors.roles_for(doc, trigger, doc.sentences[trigger.sentence], doc.country, use_model=use_model)


def test_an_explicit_cue_of_the_rules_is_not_overruled():
    text = "قُتل ثلاثة جنود في هجوم على حاجز عسكري من قبل مسلحين من تنظيم داعش قرب مدينة العريش"
    with_model, rules = _roles(text, "2018-01-10", True), _roles(text, "2018-01-10", False)
    assert (with_model.actor1, with_model.actor2) == (rules.actor1, rules.actor2)
    assert not any("role model" in r for r in with_model.reasons)


def test_without_weights_the_rules_decide_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(actor_roles, "MODELS", tmp_path)
    actor_roles.model.cache_clear()
    try:
        assert actor_roles.model() is None
        roles = _roles("قصفت طائرات التحالف العربي مواقع للحوثيين في مديرية حرض", "2018-03-01", True)
        assert (roles.actor1, roles.actor2) == ("Saudi-led Coalition", "Houthis")
    finally:
        monkeypatch.undo()
        actor_roles.model.cache_clear()


def test_probabilities_are_a_distribution():
    model = actor_roles.model()
    p = model.probabilities(["bias", "cat=State forces", "side=before"])
    assert set(p) == {"actor1", "actor2", "none"}
    assert abs(sum(p.values()) - 1.0) < 1e-9
    assert all(0.0 <= v <= 1.0 for v in p.values())
    assert np.isfinite(model.weights).all()


def test_the_model_card_quotes_the_cross_validation_that_training_wrote():
    """`rasd train` writes the role model's cross-validated figures to actor_roles.json; the card
    (actor_roles.md, written by hand) must quote the same pooled row, so that it never describes an older model.
    After a retrain that moves them, copy the figures of actor_roles.json into the card's table."""
    models = Path(actor_roles.__file__).resolve().parent.parent / "data" / "models"
    pooled = json.loads((models / "actor_roles.json").read_text(encoding="utf-8"))["cross_validation"]["pooled"]
    card = (models / "actor_roles.md").read_text(encoding="utf-8")
    row = next(line for line in card.splitlines() if line.startswith("| **pooled** |"))
    cells = [cell.strip().strip("*") for cell in row.strip("|").split("|")]
    assert cells[1:] == [str(pooled["events"]), str(pooled["actor1_events"]), f"{pooled['rules_actor1']:.3f}",
                         f"{pooled['model_actor1']:.3f}", str(pooled["actor2_events"]),
                         f"{pooled['rules_actor2']:.3f}", f"{pooled['model_actor2']:.3f}"]
