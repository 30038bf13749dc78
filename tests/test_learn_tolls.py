"""The learned toll decision (rasd/learn/tolls.py): its features, its training (reproducible bit for bit),
its loader, and how numbers.py uses it. Articles are made up; the shipped model is the one in
rasd/data/models/tolls.npz."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd import numbers
from rasd.doc import Document
from rasd.learn import tolls
from rasd.numbers import aggregate_reason, find_casualties
from rasd.segment import segment

pytest.importorskip("sklearn")

# Two made-up outlets; every event carries its toll and its evidence, as train.jsonl does.
_ARTICLES = [
    ("قتل خمسة جنود في هجوم على حاجز عسكري صباح اليوم. وأودى النزاع منذ اندلاعه بحياة أكثر من 350 ألف شخص.",
     [(5, "قتل خمسة جنود في هجوم على حاجز عسكري صباح اليوم.")]),
    ("أسفرت غارة جوية على القرية عن مقتل ٢٣ شخصا. وقتل 120 مدنيا منذ 30 آذار خلال الاحتجاجات.",
     [(23, "أسفرت غارة جوية على القرية عن مقتل ٢٣ شخصا.")]),
    ("لقي أربعة عشر مسلحاً مصرعهم في اشتباكات مع الجيش. وقتل في الحرب نحو عشرة آلاف شخص.",
     [(14, "لقي أربعة عشر مسلحاً مصرعهم في اشتباكات مع الجيش.")]),
    ("قتل ثلاثة مدنيين بانفجار عبوة ناسفة في السوق. وقتل أكثر من 500 شخص خلال الأشهر الماضية في هجمات مماثلة.",
     [(3, "قتل ثلاثة مدنيين بانفجار عبوة ناسفة في السوق.")]),
    ("فجر انتحاري نفسه عند المسجد ما أسفر عن مقتل ستة مصلين. وأصدرت المحكمة حكمها بإعدام ٧٥ متهماً.",
     [(7, "فجر انتحاري نفسه عند المسجد ما أسفر عن مقتل ستة مصلين.")]),
    ("قُتل عشرات المدنيين في القصف المدفعي على الحي. وتشن القوات منذ أسابيع هجوما تسبب بمقتل 900 مدني.",
     [(10, "قُتل عشرات المدنيين في القصف المدفعي على الحي.")]),
]


def _write_train(path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for n, (text, events) in enumerate(_ARTICLES * 2):
            record = {"id": f"t{n}", "source": "outlet_a" if n % 2 else "outlet_b", "published": "2018-05-20",
                      "text": text, "events": [{"event_type": "Battles", "sub_event_type": "Armed clash",
                                                "fatalities": f, "evidence": ev} for f, ev in events]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _doc(text: str) -> Document:
    doc = Document(text)
    segment(doc)
    find_casualties(doc)
    return doc


def test_training_is_reproducible_bit_for_bit(tmp_path):
    train = tmp_path / "train.jsonl"
    _write_train(train)
    first = tolls.train(train, tmp_path / "a", seed=0)
    second = tolls.train(train, tmp_path / "b", seed=0)
    assert (tmp_path / "a" / "tolls.npz").read_bytes() == (tmp_path / "b" / "tolls.npz").read_bytes()
    assert first == second
    # the examples: every death count of the articles (13 a copy: the bomber's own death is one), the
    # incidents' positive (7 a copy), the war, campaign, period and court counts negative
    assert first["examples"] == 26 and first["positives"] == 14
    assert set(first["cross_outlet"]) == {"model", "rules"}


def test_trained_weights_load_and_decide(tmp_path):
    train = tmp_path / "train.jsonl"
    _write_train(train)
    tolls.train(train, tmp_path, seed=0)
    model = tolls.TollModel.load(tmp_path / "tolls.npz")
    assert model.meta["examples"] == 26 and model.meta["threshold"] == tolls.THRESHOLD
    doc = _doc("قتل ستة جنود في هجوم على حاجز. وقتل منذ بداية الحرب أكثر من 300 ألف شخص.")
    incident, war = doc.casualties
    p_incident = model.probability(tolls.mention_features(doc, incident, incident.aggregate))
    p_war = model.probability(tolls.mention_features(doc, war, war.aggregate))
    assert 0.0 < p_war < p_incident < 1.0


def test_features_carry_the_rule_and_the_cues():
    doc = _doc("وقتل الجيش ١٢٠ فلسطينياً على الأقل منذ الثلاثين من آذار خلال الاحتجاجات.")
    mention = doc.casualties[0]
    feats = tolls.mention_features(doc, mention, mention.aggregate)
    assert "rule=a cumulative toll" in feats and "cue:since" in feats and "size=<300" in feats
    plain = _doc("قتل ثلاثة مدنيين بانفجار عبوة في السوق.")
    feats = tolls.mention_features(plain, plain.casualties[0], None)
    assert "rule=none" in feats and "cue:since" not in feats and "size=<5" in feats


def test_missing_or_broken_model_file_means_rules_alone(tmp_path):
    assert tolls.load_model(str(tmp_path / "absent.npz")) is None
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a model")
    assert tolls.load_model(str(broken)) is None


def test_shipped_model_loads():
    model = tolls.load_model()
    assert model is not None, "rasd/data/models/tolls.npz is missing"
    assert model.weights.shape == (1 << tolls.BITS,) and model.meta["threshold"] == tolls.THRESHOLD
    assert Path(tolls.MODEL_PATH).with_name("tolls.md").exists()


def test_the_model_only_adds_to_the_rules(monkeypatch):
    """On, the model may leave out more counts, never one the rules left out; off, only the rules decide."""
    text = ("وأودى النزاع منذ اندلاعه بحياة أكثر من 350 ألف شخص. وقتل خمسة جنود في هجوم على حاجز. "
            "وأصدرت المحكمة حكمها بإعدام ٧٥ متهماً.")
    monkeypatch.setattr(numbers, "USE_LEARNED_TOLLS", False)
    rules = [m.aggregate for m in _doc(text).casualties]
    assert rules[0] and rules[2] and rules[1] is None
    monkeypatch.setattr(numbers, "USE_LEARNED_TOLLS", True)
    learned = [m.aggregate for m in _doc(text).casualties]
    assert learned[0] == rules[0] and learned[2] == rules[2]


def test_rule_reason_is_what_the_features_see():
    doc = _doc("وقتل أكثر من 100 شخص في الاحتجاجات في غضون ستة أسابيع.")
    words = [t.text for t in doc.tokens]
    m = doc.casualties[0]
    assert m.aggregate == aggregate_reason(words, doc.norm.text, doc.tokens, 0, 3, m.count)
