"""Fixtures several test files share: a real PostgreSQL server, a live rasd server, headless Chromium."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import tempfile
import threading
import time

import pytest

from dataclasses import dataclass

# Files rasd can rebuild (the parsed gazetteer index) go to a folder of this test session, not the user's
# ~/.cache/rasd: the tests' own indexes would be left there (tests/test_gazetteer_cache.py sets its own).
if "RASD_CACHE_DIR" not in os.environ:
    _TEST_CACHE = tempfile.mkdtemp(prefix="rasd-test-cache-")
    os.environ["RASD_CACHE_DIR"] = _TEST_CACHE
    import atexit

    atexit.register(shutil.rmtree, _TEST_CACHE, True)

try:  # every property test sees the same inputs on every run unless a test asks otherwise (RASD_FUZZ_SCALE)
    from hypothesis import HealthCheck, settings

    settings.register_profile("rasd", derandomize=True, database=None, print_blob=True)
    settings.load_profile("rasd")
except ImportError:  # pragma: no cover - hypothesis is in the dev extra
    pass

# Fuzzing in CI: a fixed number of examples, derandomized (the same inputs on every run, so a failure
# reproduces) and no example database. A long run: RASD_FUZZ_SCALE=20 multiplies the examples and draws
# fresh random inputs (see docs/reliability.md).
FUZZ_SCALE = float(os.environ.get("RASD_FUZZ_SCALE", "1") or 1)


@pytest.fixture
def rules_decide(monkeypatch):
    """The rules alone decide which candidates are events (RASD_DECIDER=rules): for the tests of what the rules
    propose, type and merge; the learned decision is tested in tests/test_decide*.py. A file asks for it with
    ``pytestmark = pytest.mark.usefixtures("rules_decide")``."""
    monkeypatch.setenv("RASD_DECIDER", "rules")


def fuzz_settings(examples: int):
    """Hypothesis settings for a fuzz property with ``examples`` inputs in CI (times RASD_FUZZ_SCALE)."""
    return settings(max_examples=max(1, int(examples * FUZZ_SCALE)), deadline=None, database=None,
                    derandomize=FUZZ_SCALE <= 1, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# Event types by a short name, for tests that place stand-in triggers by hand (dates, tolls).
TYPES = {
    "clash": ("Battles", "Armed clash"),
    "takeover": ("Battles", "Non-state actor overtakes territory"),
    "regain": ("Battles", "Government regains territory"),
    "air": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide": ("Explosions/Remote violence", "Suicide bomb"),
    "attack": ("Violence against civilians", "Attack"),
    "protest": ("Protests", "Peaceful protest"),
    "arrest": ("Strategic developments", "Arrests"),
    "disrupted": ("Strategic developments", "Disrupted weapons use"),
}


@dataclass
class Trig:
    """A stand-in trigger: what the date and toll resolvers read of one."""

    start: int
    end: int
    sentence: int
    event_type: str
    sub_event_type: str
    modality: str | None = None
    absorbed: bool = False

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
NO_BROWSER = "chromium and chromedriver are not installed (run scripts/ci_services.sh)"


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL server from Debian's binaries, one for the whole run (skips when there is none)."""
    from rasd.store import pgtemp
    try:
        url, stop = pgtemp.start()
    except pgtemp.Unavailable as reason:
        pytest.skip(f"no PostgreSQL server: {reason}")
    yield url
    stop()


def empty(store) -> None:
    """Delete every row of a store (a clean slate on a shared PostgreSQL database)."""
    from rasd.store.schema import STATE_TABLES

    # the watch and alert state tables, where a watch or an alert has made them (their version is in meta)
    state = _state_table_names(STATE_TABLES) if store.query(
        "SELECT value FROM meta WHERE key = 'state_version'") else []
    with store.transaction():
        for table in (*state, "merges", "evidence", "reports", "events", "articles", "sources"):
            store._execute(f"DELETE FROM {table}")


def _state_table_names(ddl: list[str]) -> list[str]:
    """The tables the watch and alert state DDL creates, children first (reverse order of creation)."""
    import re
    return [m for statement in reversed(ddl) for m in re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", statement)]


@pytest.fixture(scope="session")
def serve():
    """``serve(app) -> base URL``: the ASGI app on a free localhost port, in a thread, until the run ends."""
    uvicorn = pytest.importorskip("uvicorn")
    running = []

    def start(app) -> str:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.time() + 20
        while not server.started and time.time() < deadline:
            time.sleep(0.05)
        running.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in running:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium with a fresh profile and no background networking (skips when it cannot start)."""
    if not (CHROMIUM and DRIVER):
        pytest.skip(NO_BROWSER)
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rasd-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage", "--window-size=1400,950", "--lang=en", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    except Exception as error:  # noqa: BLE001
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"headless Chromium cannot start: {error}")
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def told_and_merged(text: str, published: str = "2021-03-10"):
    """The sub-event types of every candidate the text gives, and the events (sub-event type, place, toll) the
    merge alone (no learned same-incident model) makes of them: for the tests of the folds of one incident told
    with two types (tests/test_cross_type_folds.py, tests/test_bare_attack_fold.py). 2021-03-10 is a Wednesday."""
    from rasd import assemble, pipeline
    doc = pipeline.make_document({"text": text, "published": published})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    candidates = list(doc.user_data["candidates"])
    told = {e.sub_event_type for e, _ in candidates}
    events = assemble._merge(doc, candidates, model=None)
    return told, sorted((e.sub_event_type, e.location, e.fatalities) for e in events if not e.background)


# -- the gazetteer without the train place table ---------------------------------------------------------
# The rules for names no gazetteer knows (unknown villages, lists, spelling variants) are tested on villages of the
# train stories; train_places.tsv now knows some of them by the coders' names. Test files of those rules read the
# index compiled without that table (``pytestmark = pytest.mark.usefixtures("without_train_places")``).
@contextlib.contextmanager
def _gazetteer_dir(folder=None):
    """Read the gazetteer of ``folder`` (None: the one $RASD_GAZETTEER_DIR names now) with every geo cache
    forgotten, and give back $RASD_GAZETTEER_DIR and fresh caches afterwards."""
    from rasd.geo import reset_caches
    before = os.environ.get("RASD_GAZETTEER_DIR")
    if folder is not None:
        os.environ["RASD_GAZETTEER_DIR"] = str(folder)
    reset_caches()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("RASD_GAZETTEER_DIR", None)
        else:
            os.environ["RASD_GAZETTEER_DIR"] = before
        reset_caches()


@pytest.fixture(scope="session")
def _base_index_dir(tmp_path_factory):
    from rasd.geo.build import DATA, compile_index
    folder = tmp_path_factory.mktemp("gazetteer-without-train-places")
    compile_index(DATA, folder / "index.tsv", train_places=False)
    return folder


@pytest.fixture(scope="module")
def without_train_places(_base_index_dir):
    with _gazetteer_dir(_base_index_dir):
        from rasd.geo import gazetteer
        keep = gazetteer.load()  # alive while the module runs: caches keyed by id() see no reused id
        yield
        del keep


@pytest.fixture
def fresh_gazetteer():
    """A test that loads another gazetteer as the process's (scripts/build_train_places.py does): the loaded
    gazetteer and the geo caches are forgotten before and after, and $RASD_GAZETTEER_DIR is restored."""
    with _gazetteer_dir():
        yield
