"""rasd.batch: input order, bounded memory, workers, resume, progress, errors.

The mechanics are tested with a small deterministic processing function of our own; the last tests
run the real pipeline through the batch runner and compare with processing one article at a time."""
from __future__ import annotations

import io
import json
import multiprocessing
import os
import time
from dataclasses import dataclass, field

import pytest

from rasd import batch
from rasd.batch import IN_FLIGHT_PER_WORKER, Progress, done_ids, process_stream, reason_key


@dataclass
class Result:
    id: str
    events: list = field(default_factory=list)
    skipped: str | None = None
    pid: int = 0

    def to_json(self):
        out = {"id": self.id, "events": self.events}
        if self.skipped:
            out["skipped"] = self.skipped
        return out


def fake_process(record: dict) -> Result:
    """Deterministic: events from the words of the text; uneven work so that workers finish out of order."""
    text = record.get("text") or ""
    rid = str(record.get("id") or f"h{sum(map(ord, text)) % 100000}")
    if not text:
        return Result(rid, skipped="empty article")
    n = int(record.get("n", 0))
    if n % 7 == 3:
        time.sleep(0.002)  # slower articles, so completion order differs from input order
    words = text.split()
    return Result(rid, events=[{"article_id": rid, "word": w} for w in words if w.startswith("ا")],
                  pid=os.getpid())


def exploding_process(record: dict) -> Result:
    if record.get("boom"):
        raise ValueError("boom in the pipeline")
    return fake_process(record)


TEXTS = ["انفجار عبوة في السوق", "احتجاج امام المبنى", "خبر رياضي عن كرة القدم", "اشتباك مسلح قرب القرية"]


def records(n: int, start: int = 0):
    for i in range(start, start + n):
        yield {"id": f"a{i}", "n": i, "text": TEXTS[i % len(TEXTS)] + f" {i}"}


def test_results_in_input_order_with_two_workers():
    got = list(process_stream(records(500), workers=2, func=fake_process, chunk_size=8))
    assert [r.id for r in got] == [f"a{i}" for i in range(500)]
    assert len({r.pid for r in got}) == 2, "both workers should have done some of the work"


def test_two_workers_give_what_one_gives():
    one = [r.to_json() for r in process_stream(records(300), workers=1, func=fake_process)]
    two = [r.to_json() for r in process_stream(records(300), workers=2, func=fake_process, chunk_size=5)]
    assert one == two
    assert [e["word"] for e in one[0]["events"]] == ["انفجار", "السوق"]


def test_workers_one_runs_in_this_process():
    got = list(process_stream(records(5), workers=1, func=fake_process))
    assert {r.pid for r in got} == {os.getpid()}


def test_input_is_read_lazily_with_bounded_in_flight_work():
    pulled = 0

    def counting():
        nonlocal pulled
        for record in records(3000):
            pulled += 1
            yield record

    workers, chunk = 2, 10
    bound = (workers * IN_FLIGHT_PER_WORKER + 1) * chunk
    worst = 0
    for done, _ in enumerate(process_stream(counting(), workers=workers, func=fake_process, chunk_size=chunk), 1):
        worst = max(worst, pulled - done)
    assert pulled == 3000
    assert worst <= bound, f"{worst} records in flight, more than the bound {bound}"


def test_serial_run_reads_one_chunk_ahead_at_most():
    pulled = 0

    def counting():
        nonlocal pulled
        for record in records(100):
            pulled += 1
            yield record

    for done, _ in enumerate(process_stream(counting(), workers=1, func=fake_process, chunk_size=4), 1):
        assert pulled - done < 4


def test_stopping_early_ends_the_workers():
    stream = process_stream(records(100_000), workers=2, func=fake_process, chunk_size=16)
    first = [next(stream) for _ in range(3)]
    stream.close()
    assert [r.id for r in first] == ["a0", "a1", "a2"]
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


def test_an_error_in_one_article_does_not_end_the_batch():
    items = list(records(20))
    items[7]["boom"] = True
    for workers in (1, 2):
        got = list(process_stream(iter(items), workers=workers, func=exploding_process, chunk_size=3))
        assert [r.id for r in got] == [f"a{i}" for i in range(20)]
        assert got[7].skipped.startswith("internal error: ValueError: boom")
        assert got[8].skipped is None and got[8].events


def test_an_error_in_the_input_reaches_the_caller():
    def broken():
        yield from records(50)
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        list(process_stream(broken(), workers=2, func=fake_process, chunk_size=4))
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


def test_skip_ids_are_not_processed_or_yielded():
    seen = []

    def spying(record):
        seen.append(record["id"])
        return fake_process(record)

    skip = {"a1", "a3"}
    got = list(process_stream(records(5), workers=1, func=spying, skip_ids=skip))
    assert [r.id for r in got] == ["a0", "a2", "a4"]
    assert seen == ["a0", "a2", "a4"]


def test_skip_ids_drop_records_without_id_by_their_computed_id():
    text = TEXTS[0]
    computed = fake_process({"text": text}).id
    got = list(process_stream([{"text": text}, {"id": "x", "text": text}], workers=1, func=fake_process,
                              skip_ids={computed}))
    assert [r.id for r in got] == ["x"]


def test_bad_worker_count():
    with pytest.raises(ValueError):
        list(process_stream(records(1), workers=0, func=fake_process))


# -- done_ids (resume) ------------------------------------------------------------------------------
def write_lines(path, rows, tail=""):
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + tail
    path.write_text(text, encoding="utf-8")


def test_done_ids_reads_the_ids_of_an_output(tmp_path):
    out = tmp_path / "out.jsonl"
    write_lines(out, [{"id": "a0", "events": []}, {"id": "مقال-١", "events": [{"x": 1}]},
                      {"id": "a2", "events": [], "skipped": "not Arabic"}])
    assert done_ids(out) == {"a0", "مقال-١", "a2"}


def test_done_ids_of_a_missing_file_is_empty(tmp_path):
    assert done_ids(tmp_path / "none.jsonl") == set()


def test_done_ids_drops_and_cuts_a_truncated_last_line(tmp_path):
    out = tmp_path / "out.jsonl"
    write_lines(out, [{"id": "a0", "events": []}, {"id": "a1", "events": []}],
                tail='{"id": "a2", "events": [{"event_type": "Batt')
    assert done_ids(out) == {"a0", "a1"}
    # the cut-short line is gone, so appending keeps the file valid JSON lines
    with open(out, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "a2", "events": []}) + "\n")
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a0", "a1", "a2"]


def test_done_ids_keeps_a_complete_last_line_without_newline(tmp_path):
    out = tmp_path / "out.jsonl"
    write_lines(out, [{"id": "a0", "events": []}], tail='{"id": "a1", "events": []}')
    assert done_ids(out) == {"a0", "a1"}
    assert out.read_text(encoding="utf-8").endswith("}\n")


def test_done_ids_without_repair_leaves_the_file(tmp_path):
    out = tmp_path / "out.jsonl"
    write_lines(out, [{"id": "a0", "events": []}], tail='{"id": "a1", "ev')
    before = out.read_bytes()
    assert done_ids(out, repair=False) == {"a0"}
    assert out.read_bytes() == before


def test_resume_after_an_interruption_gives_the_uninterrupted_output(tmp_path):
    full = [json.dumps(r.to_json(), ensure_ascii=False) for r in
            process_stream(records(60), workers=1, func=fake_process)]
    out = tmp_path / "out.jsonl"
    # an interrupted run: 25 lines written and half of the 26th
    out.write_text("\n".join(full[:25]) + "\n" + full[25][: len(full[25]) // 2], encoding="utf-8")
    skip = done_ids(out)
    assert len(skip) == 25
    with open(out, "a", encoding="utf-8") as handle:
        for result in process_stream(records(60), workers=2, func=fake_process, chunk_size=4, skip_ids=skip):
            handle.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
    assert out.read_text(encoding="utf-8").splitlines() == full


# -- progress ----------------------------------------------------------------------------------------
def test_progress_counts_and_renders():
    stream = io.StringIO()
    bar = Progress(stream, log_interval=0)
    items = list(records(10)) + [{"id": "e1", "text": ""}, {"id": "e2", "text": ""}]
    got = list(process_stream(items, workers=1, func=fake_process, progress=bar, skip_ids={"a0"}))
    assert len(got) == 11
    assert bar.articles == 11 and bar.skipped == 2 and bar.resumed == 1
    assert bar.events == sum(len(r.events) for r in got) > 0
    assert bar.reasons == {"empty article": 2}
    last = stream.getvalue().splitlines()[-1]
    assert "11 articles" in last and f"{bar.events} events" in last
    assert "2 skipped (empty article 2)" in last and "1 already done" in last


def test_progress_redraws_in_place_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    bar = Progress(stream, interval=0)
    bar.update(Result("a", events=[1, 2]))
    bar.close()
    text = stream.getvalue()
    assert text.startswith("\r\x1b[K") and text.endswith("\n") and "2 events" in text


def test_progress_none_means_only_on_a_terminal(capsys):
    list(process_stream(records(3), workers=1, func=fake_process, progress=None))
    assert capsys.readouterr().err == ""  # pytest's stderr is not a terminal


def test_reason_key_groups_like_reasons():
    assert reason_key("HTML page too large: 3,000,000 characters") == reason_key("HTML page too large: 12 characters")
    assert reason_key("internal error: KeyError: 'x'") == "internal error"
    assert len(reason_key("x" * 200)) == 40


# -- the real pipeline ---------------------------------------------------------------------------------
ARTICLES = [
    {"id": "t1", "published": "2021-06-14", "source": "test",
     "text": "انفجرت عبوة ناسفة صباح اليوم الاثنين على طريق زراعي في قضاء الطارمية شمالي بغداد، ما أسفر عن "
             "مقتل جنديين وإصابة ثلاثة آخرين بجروح، بحسب مصدر أمني."},
    {"id": "t2", "published": "2021-06-15", "source": "test",
     "text": "تظاهر مئات من الخريجين العاطلين عن العمل أمام مبنى المحافظة في مدينة الناصرية للمطالبة بفرص عمل، "
             "وانفضت التظاهرة بشكل سلمي."},
    {"id": "t3", "published": "2021-06-16", "source": "test",
     "text": "افتتح وزير التربية مدرسة جديدة في مدينة الحلة، وقال إن الوزارة ستبني مئة مدرسة خلال العام المقبل."},
    {"id": "t4", "text": "this is not an Arabic article at all"},
    {"id": "t5", "published": "2021-06-17", "source": "test",
     "text": "نفت قيادة العمليات المشتركة وقوع أي قصف على مواقع الجيش في محافظة صلاح الدين، مؤكدة أن الأنباء "
             "المتداولة عارية عن الصحة."},
]


def real_pipeline():
    try:
        from rasd.pipeline import process
    except ImportError as error:  # the stages are still being written
        pytest.skip(f"rasd.pipeline cannot be imported yet: {error}")
    return process


def test_real_pipeline_through_the_batch_runner_matches_one_by_one():
    process = real_pipeline()
    alone = [process(dict(r)).to_json() for r in ARTICLES * 4]
    for workers in (1, 2):
        got = [r.to_json() for r in process_stream([dict(r) for r in ARTICLES * 4], workers=workers, chunk_size=3)]
        assert got == alone
    assert any(r["events"] for r in alone)
    assert alone[3].get("skipped")


def test_one_process_freezes_the_loaded_resources_while_it_runs():
    # the gazetteer and lexicons are loaded before the first article and moved out of the collector's
    # reach (full collections would walk them again and again); afterwards nothing stays frozen
    import gc

    real_pipeline()
    frozen_while_running = []
    for result in process_stream([dict(r) for r in ARTICLES], workers=1):
        frozen_while_running.append(gc.get_freeze_count())
    assert len(frozen_while_running) == len(ARTICLES)
    assert min(frozen_while_running) > 10_000
    assert gc.get_freeze_count() == 0
    assert list(process_stream([], workers=1)) == [] and gc.get_freeze_count() == 0


# -- raw JSONL lines (parsed in the workers) and results rendered in the workers --------------------------
from rasd.sources import RawLine, raw_lines_from_jsonl, records_from_jsonl  # noqa: E402

AWKWARD_LINES = [
    json.dumps({"id": "a1", "text": TEXTS[0]}, ensure_ascii=False).encode(),
    b"",
    b"   \t",
    "\u00a0\u3000".encode(),  # white space that only str.strip knows: no article either way
    b"\xff\xfe not utf-8",
    b"{not json",
    b"[1, 2]",
    json.dumps({"id": "a2", "text": TEXTS[1]}, ensure_ascii=False).encode() + b"\r\n",
    json.dumps({"text": TEXTS[2]}, ensure_ascii=False).encode(),
    json.dumps({"id": "a4", "text": ""}).encode(),
]


def test_raw_lines_give_the_records_of_records_from_jsonl():
    meta = {"published": "2024-01-02", "source": "S"}
    raw = [line.to_record() for line in raw_lines_from_jsonl(AWKWARD_LINES, "f.jsonl", meta)]
    parsed = list(records_from_jsonl(AWKWARD_LINES, "f.jsonl"))
    for record in parsed:
        batch_meta = record  # the defaults as iter_path applies them
        for key in ("published", "source"):
            if not batch_meta.get(key):
                batch_meta[key] = meta[key]
    assert [r for r in raw if r is not None] == parsed
    import pickle
    line = RawLine(b"x", "o", 3, {"source": "S"})
    copy = pickle.loads(pickle.dumps(line))
    assert (copy.data, copy.origin, copy.number, copy.meta) == (b"x", "o", 3, {"source": "S"})


@pytest.mark.parametrize("workers", [1, 2])
def test_raw_lines_and_rendered_lines_equal_parsed_records_and_json_dumps(workers):
    lines = AWKWARD_LINES * 5
    plain = [json.dumps(r.to_json(), ensure_ascii=False) + "\n"
             for r in process_stream(records_from_jsonl(lines, "f"), workers=1, func=fake_process)]
    got = list(process_stream(raw_lines_from_jsonl(lines, "f"), workers=workers, func=fake_process,
                              render=batch.jsonl_line, chunk_size=3))
    assert [g.line for g in got] == plain
    assert all(isinstance(g, batch.Rendered) for g in got)
    assert [g.n_events for g in got] == [len(json.loads(p)["events"]) for p in plain]


def test_rendered_errors_and_skip_ids_with_raw_lines():
    lines = [json.dumps({"id": f"b{i}", "text": TEXTS[0], "boom": i == 2}).encode() for i in range(5)]
    bar = Progress(io.StringIO())
    got = list(process_stream(raw_lines_from_jsonl(lines, "f"), workers=2, func=exploding_process,
                              render=batch.jsonl_line, skip_ids={"b1"}, progress=bar))
    assert [g.id for g in got] == ["b0", "b2", "b3", "b4"]
    assert got[1].skipped.startswith("internal error: ValueError") and '"skipped"' in got[1].line
    assert bar.resumed == 1 and bar.articles == 4 and bar.events == sum(g.n_events for g in got)


def _records_that_kill_the_idle_workers(n: int):
    """Records, with a pause after the tenth in which both workers wait for work (one of them holding the
    task queue's read lock), and both are killed there with SIGKILL, as the OOM killer would."""
    import signal
    import threading
    for i, record in enumerate(records(n)):
        if i == 10:
            time.sleep(1.0)
            # the workers are children of the thread that started the pool: this one
            with open(f"/proc/{os.getpid()}/task/{threading.get_native_id()}/children") as handle:
                workers = [int(pid) for pid in handle.read().split()]
            assert len(workers) == 2, workers
            for pid in workers:
                os.kill(pid, signal.SIGKILL)
            time.sleep(0.5)
        yield record


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"),
                    reason="needs Linux's /proc children list")
def test_workers_killed_while_they_wait_for_work_do_not_hang_the_batch():
    """A worker killed while it waited for work held the task queue's lock: the pool's end used to wait for
    that lock forever. The batch goes on with fresh workers and loses nothing."""
    import threading
    got: list = []
    runner = threading.Thread(target=lambda: got.extend(
        process_stream(_records_that_kill_the_idle_workers(40), workers=2, func=fake_process)), daemon=True)
    runner.start()
    runner.join(timeout=90)
    assert not runner.is_alive(), "the batch hangs after its idle workers were killed"
    assert [r.id for r in got] == [f"a{i}" for i in range(40)] and not any(r.skipped for r in got)


def dies_while_it_sends(record: dict) -> Result:
    """fake_process, except that the record marked ``die`` kills its worker while the worker holds the result
    queue's write lock, as a worker killed in the middle of sending a result does."""
    if record.get("die"):
        import signal
        import sys
        frame = sys._getframe()
        while frame is not None and frame.f_code.co_name != "worker":  # multiprocessing.pool.worker
            frame = frame.f_back
        frame.f_locals["outqueue"]._wlock.acquire()
        os.kill(os.getpid(), signal.SIGKILL)
    return fake_process(record)


def test_a_worker_killed_while_it_sends_a_result_does_not_hang_the_batch():
    """The dead worker holds the result queue's write lock for good: Pool.terminate, which takes that lock to
    send its sentinel, used to wait forever. The pool is abandoned instead; the batch goes on with fresh
    workers, and only the article that killed its worker comes back skipped."""
    import threading
    items = [dict(r, die=(i == 7)) for i, r in enumerate(records(30))]
    got: list = []
    runner = threading.Thread(target=lambda: got.extend(
        process_stream(iter(items), workers=2, func=dies_while_it_sends, chunk_size=2)), daemon=True)
    runner.start()
    runner.join(timeout=90)
    assert not runner.is_alive(), "the batch hangs after a worker died holding the result queue's lock"
    assert [r.id for r in got] == [f"a{i}" for i in range(30)]
    assert [r.id for r in got if r.skipped] == ["a7"] and "worker" in got[7].skipped


def test_warm_up_builds_the_numpy_tables_before_workers_fork():
    """Forked workers share what the parent built: the warm-up article is long enough to take the numpy
    path of normalisation, so its tables exist before the fork (not built again in each worker). Checked in
    a fresh interpreter, where nothing else has normalised a long text yet."""
    import subprocess
    import sys
    code = ("from rasd import batch, text; assert not text._numpy_fold; batch.warm_up(); "
            "print(bool(text._numpy_fold and text._numpy_fold[0] is not None))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "True", out.stderr
