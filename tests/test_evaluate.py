"""rasd's scoring follows the spec's definitions: on a sample it agrees with the shared scorer."""
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.evaluate import max_weight_pairs, score

SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_events.py"
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Protests", "Peaceful protest")]
PLACES = [("Baghdad", "Al Rusafa", "Baghdad", 33.34, 44.40), ("Nineveh", "Mosul", "Mosul", 36.34, 43.12),
          ("Ninawa", "Mosul", "Al Mawsil", 36.30, 43.10), ("Al Anbar", "Ramadi", "Ramadi", 33.42, 43.31),
          ("Anbar", "Ramadi District", "Ar Ramadi", 33.43, 43.30), (None, None, None, None, None)]


def random_event(rng):
    et, sub = rng.choice(TYPES)
    admin1, admin2, location, lat, lon = rng.choice(PLACES)
    return {"event_type": et, "sub_event_type": sub, "admin1": admin1, "admin2": admin2, "location": location,
            "latitude": lat, "longitude": lon, "event_date": f"2015-08-0{rng.randint(1, 3)}",
            "fatalities": rng.choice([0, 0, 1, 3]), "background": rng.random() < 0.2,
            "actor1": rng.choice(["Islamic State", "islamic  state", "Military Forces of Iraq", None]),
            "actor2": rng.choice(["Civilians (Iraq)", None])}


def sample(seed):
    rng = random.Random(seed)
    gold, pred = {}, {}
    for i in range(25):
        gold[f"a{i}"] = [random_event(rng) for _ in range(rng.randint(0, 4))]
        pred[f"a{i}"] = [random_event(rng) for _ in range(rng.randint(0, 5))]
    return gold, pred


@pytest.mark.skipif(not SCORER.exists(), reason="shared scorer not beside the checkout")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_shared_scorer(tmp_path, seed):
    gold, pred = sample(seed)
    for name, data in (("gold", gold), ("pred", pred)):
        with open(tmp_path / f"{name}.jsonl", "w", encoding="utf-8") as handle:
            for key, events in data.items():
                handle.write(json.dumps({"id": key, "events": events}) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl"),
                          "--json"], capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    ours = score(gold, pred)
    assert set(theirs) == set(ours)
    for key in theirs:
        assert ours[key] == pytest.approx(theirs[key]), key


def test_maximum_weight_pairs():
    assert sorted(max_weight_pairs([[5, 1], [6, 0]])) == [(0, 1), (1, 0)]
    assert max_weight_pairs([[0, 0], [0, 0]]) == []
    assert sorted(max_weight_pairs([[3], [9], [1]])) == [(1, 0)]


def test_perfect_prediction_scores_one_and_admin1_aliases_fold():
    gold = {"x": [{"event_type": "Battles", "admin1": "Nineveh", "event_date": "2015-01-01"}]}
    pred = {"x": [{"event_type": "Battles", "admin1": "Ninawa", "event_date": "2015-01-01"}]}
    result = score(gold, pred)
    assert result["event_f1"] == 1.0 and result["admin1_acc"] == 1.0


SHARED_ADMIN1 = Path(__file__).resolve().parents[2] / "shared" / "data" / "admin1.tsv"


def test_admin1_aliases_cover_every_country():
    """``rasd eval`` folds the admin1 spellings of every country (Sudan, Mali, France ...), as the shared scorer."""
    from rasd.evaluate import admin1_aliases, canonical
    aliases = admin1_aliases()
    assert canonical("admin1", "Khartoum State", aliases) == canonical("admin1", "Khartoum", aliases)
    assert canonical("admin1", "ولاية الخرطوم", aliases) == canonical("admin1", "Khartoum", aliases)
    assert canonical("admin1", "Balochistan Province", aliases) == canonical("admin1", "Balochistan", aliases)
    assert canonical("admin1", "Sistan and Baluchestan Province", aliases) != canonical("admin1", "Balochistan", aliases)
    assert canonical("admin1", "Ninawa", aliases) == canonical("admin1", "Nineveh", aliases)


@pytest.mark.skipif(not (SCORER.exists() and SHARED_ADMIN1.exists()), reason="shared scorer not beside the checkout")
def test_agrees_with_shared_scorer_on_admin1_spellings_worldwide(tmp_path):
    """Gold and prediction name the same division by different aliases of the shared table, in every country:
    both scorers pair and score them alike."""
    rng = random.Random(7)
    rows = [line.split("\t") for line in SHARED_ADMIN1.read_text(encoding="utf-8").splitlines()[1:]]
    rows = [r for r in rows if len(r) > 3 and r[3]]
    gold, pred = {}, {}
    for i, r in enumerate(rng.sample(rows, 60)):
        aliases = [a for a in r[3].split("|") if a]
        event = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2018-05-01"}
        gold[f"a{i}"] = [dict(event, admin1=r[2])]
        pred[f"a{i}"] = [dict(event, admin1=rng.choice(aliases + [r[2], "Nowhere"]))]
    for name, data in (("gold", gold), ("pred", pred)):
        with open(tmp_path / f"{name}.jsonl", "w", encoding="utf-8") as handle:
            for key, events in data.items():
                handle.write(json.dumps({"id": key, "events": events}) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl"),
                          "--json"], capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    ours = score(gold, pred)
    assert 0 < theirs["matched"] < 60
    for key in theirs:
        assert ours[key] == pytest.approx(theirs[key]), key
