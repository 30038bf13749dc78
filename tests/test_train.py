"""``rasd train`` rebuilds the shipped models from train.jsonl bit for bit (same seed, same data)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from rasd.cli import main
from rasd.commands.train import DEFAULT_TRAIN, MODELS, trainers

needs_train = pytest.mark.skipif(not DEFAULT_TRAIN.exists(), reason="../shared/eval/train.jsonl not beside the checkout")


def test_every_trainer_is_importable_and_names_its_models():
    names = [name for name, _ in trainers()]
    assert "events" in names
    for _, module in trainers():
        assert callable(module.train)


def test_training_refuses_a_dev_set(tmp_path, capsys):
    dev = tmp_path / "dev2.jsonl"
    dev.write_text('{"id": "a", "text": "نص", "events": []}\n', encoding="utf-8")
    assert main(["train", "--train", str(dev), "--out", str(tmp_path / "m")]) != 0
    assert "evaluation only" in capsys.readouterr().err


@needs_train
@pytest.mark.skipif(os.environ.get("RASD_SKIP_TRAIN") == "1", reason="RASD_SKIP_TRAIN=1")
def test_rasd_train_rebuilds_the_shipped_models_bit_for_bit(tmp_path):
    out = tmp_path / "models"
    assert main(["train", "--out", str(out)]) == 0
    built = sorted(p.name for p in out.iterdir())
    assert "event_decision.npz" in built and "event_decision.md" in built
    for name in built:
        assert (out / name).read_bytes() == (Path(MODELS) / name).read_bytes(), f"{name} differs from the shipped one"
