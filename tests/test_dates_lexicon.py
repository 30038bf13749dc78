"""The committed date lexicon (rasd/data/dates/lexicon.json) is exactly a fresh build of its sources."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_date_lexicon.py"


def _builder():
    spec = importlib.util.spec_from_file_location("build_date_lexicon", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_committed_lexicon_equals_fresh_build():
    builder = _builder()
    committed = (ROOT / "rasd" / "data" / "dates" / "lexicon.json").read_text(encoding="utf-8")
    assert committed == builder.render(builder.build()), "run scripts/build_date_lexicon.py"


def test_lexicon_contents():
    lexicon = json.loads((ROOT / "rasd" / "data" / "dates" / "lexicon.json").read_text(encoding="utf-8"))
    months = lexicon["months"]
    # every Gregorian and Hijri month has at least one name; the normaliser's spelling is used
    assert {v[0] for v in months.values() if v[1] == "gregorian"} == set(range(1, 13))
    assert {v[0] for v in months.values() if v[1] == "hijri"} == set(range(1, 13))
    assert months["ايلول"] == [9, "gregorian", False]
    assert months["اب"] == [8, "gregorian", True]
    assert months["ذو الحجه"] == [12, "hijri", False]
    assert sorted(set(lexicon["ordinals"].values())) == list(range(1, 32))
    assert sorted(set(lexicon["weekdays"].values())) == list(range(7))


def test_conflicting_source_is_refused(tmp_path, monkeypatch):
    builder = _builder()
    for name in ("months.yaml", "relative.yaml"):
        (tmp_path / name).write_text((builder.SRC / name).read_text(encoding="utf-8"), encoding="utf-8")
    text = (tmp_path / "relative.yaml").read_text(encoding="utf-8")
    (tmp_path / "relative.yaml").write_text(text.replace("  الخميس: 3\n", "  الخميس: 3\n  الاحد: 5\n"),
                                            encoding="utf-8")
    monkeypatch.setattr(builder, "SRC", tmp_path)
    with pytest.raises(builder.LexiconError):
        builder.build()
