"""The atheris harnesses of ``bench/fuzz_atheris.py`` (issue 8), kept short for CI: every target's
contract is checked on its seeds and on a few hundred inputs drawn from a fixed seed, and one real
coverage-guided libFuzzer run goes through the extractor. The long run and its figures are in
docs/reliability.md. Skipped where atheris is not installed (it is in the ``dev`` extra on Linux x86-64)."""
from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest

atheris = pytest.importorskip("atheris")

HARNESS = Path(__file__).resolve().parent.parent / "bench" / "fuzz_atheris.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("rasd_fuzz_atheris", HARNESS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from rasd.store import open_store
    module._STORE = open_store(":memory:")
    yield module
    module._STORE.close()


@pytest.mark.parametrize("target", ["decode", "clean", "normalise", "dates", "numbers", "places", "feeds", "warc",
                                    "sources", "extractor", "store"])
def test_harness_contract_holds_on_seeds_and_fixed_random_inputs(fuzz, target, tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_FUZZ_SCRATCH", str(tmp_path))
    func = fuzz.TARGETS[target][0]
    rng = random.Random(f"rasd-{target}")
    inputs = list(fuzz.seeds(target))
    for _ in range(150):
        base = rng.choice(inputs[:4]) if rng.random() < 0.5 else b""
        noise = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))
        cut = rng.randrange(0, len(base) + 1)
        inputs.append(base[:cut] + noise + base[cut:])  # seeds with random bytes spliced in, or noise alone
    for data in inputs:
        func(data)


def test_a_short_coverage_guided_run_finds_nothing(tmp_path):
    # seeded and counted, not timed: the same 400 inputs on every CI run (the long runs are random)
    out = subprocess.run([sys.executable, str(HARNESS), "--all", "60", "--only", "extractor", "--artifacts",
                          str(tmp_path), "--timeout", "60", "--seed", "1", "--runs", "400"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "crashes in: none" in out.stderr
    assert list(tmp_path.glob("extractor-*")) == []
    assert '"executions": ' in out.stdout and '"executions": null' not in out.stdout
