"""Streaming batch processing: many articles through the pipeline, in input order, in constant memory.

:func:`process_stream` is what ``rasd extract`` and ``rasd ingest`` run over their input::

    from rasd.batch import process_stream
    for result in process_stream(records, workers=4, progress=True):
        out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\\n")

* **Input order.** Results come back in the order of ``records``, whatever the number of workers.
* **Constant memory.** Records are read lazily, in chunks of ``chunk_size``; at most
  ``workers * IN_FLIGHT_PER_WORKER`` chunks are out at any time, so a 50 GB JSONL file needs no more
  memory than a 5 MB one.
* **Workers.** ``workers=1`` runs in this process. More workers are a ``multiprocessing`` pool of
  forked processes (the ``fork`` start method on Linux): the pipeline's resources (gazetteer,
  lexicons) are loaded once in the parent before the fork and shared copy-on-write, and each worker
  warms its own caches once in the pool's initializer.
* **Resume.** ``skip_ids`` (what :func:`done_ids` reads from an existing JSONL output) are not
  processed again; a record without an ``id`` gets its id from its text, so it is processed and its
  result dropped if the id was already done.
* **Progress.** :class:`Progress` renders articles/s, events and skip reasons on standard error.
* **Errors.** A bug that makes the processing function raise on one article does not end a batch of
  a million: that article comes back skipped with ``"internal error: ..."`` as its reason.
"""
from __future__ import annotations

import collections
import contextlib
import gc
import json
import multiprocessing
import multiprocessing.pool
import os
import re
import signal
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple, TextIO

try:
    from .sources import RawLine
except Exception:  # noqa: BLE001 - a partial install: no raw lines can come then  # pragma: no cover
    RawLine = ()  # type: ignore[assignment,misc]  # isinstance(x, ()) is False

#: chunks each worker may have queued or running at once (bounds memory, keeps workers busy)
IN_FLIGHT_PER_WORKER = 4

ProcessFunc = Callable[[dict], Any]
RenderFunc = Callable[[Any], Any]


class Rendered(NamedTuple):
    """A result as :func:`jsonl_line` leaves it: what ``rasd extract`` needs of an article (its id, skip
    reason, number of events, output line), made where the article was processed, so that the parent of
    the workers unpickles one string, not the events, and writes it as it is."""

    id: str
    skipped: Any
    n_events: int
    line: str


def jsonl_line(result: Any, indent: int | None = None) -> Rendered:
    """``result`` as its ``rasd extract`` JSONL line (the render function for :func:`process_stream`)."""
    encoder = _ENCODERS.get(indent)
    if encoder is None:  # json.dumps(..., ensure_ascii=False, indent=indent) makes one of these a call
        encoder = _ENCODERS[indent] = json.JSONEncoder(ensure_ascii=False, indent=indent)
    return Rendered(result.id, result.skipped, len(result.events or ()), encoder.encode(result.to_json()) + "\n")


_ENCODERS: dict[Any, json.JSONEncoder] = {}

# A short article the default pipeline runs once per process to load its resources before work starts.
_WARM_UP_RECORD = {
    "id": "rasd-warm-up",
    "published": "2024-03-05",
    "source": "rasd",
    "title": "انفجار عبوة ناسفة في بغداد",
    "text": "بغداد - قال مصدر أمني إن عبوة ناسفة انفجرت صباح اليوم الثلاثاء على طريق في منطقة الدورة جنوبي "
            "بغداد، ما أسفر عن مقتل شخصين وإصابة ثلاثة آخرين. وأضاف أن القوات الأمنية طوقت المكان "
            "وفتحت تحقيقاً في الحادث. وفي الموصل، اعتقلت قوة أمنية ثلاثة مطلوبين. وفي البصرة، تظاهر "
            "مئات من السكان احتجاجاً على انقطاع الكهرباء.",
}
# (longer than text.NUMPY_FROM characters, so that the numpy tables of normalisation are built before the
# workers fork, not once in each of them)


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _default_func() -> ProcessFunc:
    from .pipeline import process
    return process


@contextlib.contextmanager
def _loading():
    """The collector paused while modules, lexicons, the gazetteer and the models load: ~100,000 objects
    that all stay alive, which its passes (two full collections among them) walked for nothing: 25 ms of
    the 0.3 s a warm-up takes (interleaved runs). It leaves ~600 unreachable objects (imports' cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def warm_up(func: ProcessFunc | None = None) -> None:
    """Load the pipeline's resources in this process (a no-op for a processing function of your own)."""
    if func is not None:
        try:
            from .pipeline import process
        except Exception:  # noqa: BLE001 - a broken pipeline cannot be what func is
            return
        if func is not process:
            return
    try:
        with _loading():
            _default_func()(dict(_WARM_UP_RECORD))
    except Exception:  # noqa: BLE001 - warming up is an optimisation; real errors show on real articles
        pass


def _error_result(record: Any, error: BaseException):
    rid = str(record.get("id") or "") if isinstance(record, dict) else ""
    reason = f"internal error: {type(error).__name__}: {error}"
    try:
        from .pipeline import ArticleResult
    except Exception:  # noqa: BLE001
        return _FallbackResult(id=rid, skipped=reason)
    return ArticleResult(id=rid, skipped=reason)


class _FallbackResult:
    """Stands in for ArticleResult when the pipeline itself cannot be imported."""

    __slots__ = ("id", "events", "skipped", "source", "published", "text", "title", "url")

    def __init__(self, id: str, skipped: str) -> None:
        self.id, self.events, self.skipped = id, [], skipped
        self.source, self.published, self.text, self.title, self.url = "", None, "", "", None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "events": self.events, "skipped": self.skipped}

    def __reduce__(self):
        return (_FallbackResult, (self.id, self.skipped))


def _run_one(func: ProcessFunc, record: Any, render: RenderFunc | None = None):
    """``func(record)`` (an error result where it raises), passed through ``render``. A :class:`RawLine` is
    parsed first; one of white space gives ``None`` (no article)."""
    if isinstance(record, RawLine):
        try:
            record = record.to_record()
        except Exception as error:  # noqa: BLE001 - a line that cannot be read is that line's error
            return _rendered(_error_result(None, error), render, None)
        if record is None:
            return None
    try:
        result = func(record)
    except Exception as error:  # noqa: BLE001 - one bad article must not end the batch
        result = _error_result(record, error)
    return _rendered(result, render, record)


def _rendered(result: Any, render: RenderFunc | None, record: Any):
    if render is None:
        return result
    try:
        return render(result)
    except Exception as error:  # noqa: BLE001 - a result that cannot be written is that article's error
        return render(_error_result(record, error))


def _record_of(record: Any) -> Any:
    """The record a :class:`RawLine` holds (for the id of an error result made in the parent)."""
    if isinstance(record, RawLine):
        try:
            return record.to_record()
        except Exception:  # noqa: BLE001
            return None
    return record


# -- worker side ---------------------------------------------------------------------------------
_WORKER_FUNC: ProcessFunc | None = None
_WORKER_RENDER: RenderFunc | None = None


def _worker_init(func: ProcessFunc | None, render: RenderFunc | None = None) -> None:
    global _WORKER_FUNC, _WORKER_RENDER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends the pool
    # the pool ends its workers with SIGTERM: a worker dies at once and quietly (the CLI's handler, inherited
    # through the fork, would raise in the middle of an article and print a traceback for each worker)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER_FUNC = func if func is not None else _default_func()
    _WORKER_RENDER = render
    warm_up(_WORKER_FUNC)


def _worker_chunk(chunk: list) -> list:
    func, render = _WORKER_FUNC, _WORKER_RENDER
    assert func is not None, "worker not initialised"
    out = [_run_one(func, record, render) for record in chunk]
    return out if None not in out else [result for result in out if result is not None]


# -- the stream ------------------------------------------------------------------------------------
def _chunks(records: Iterable[Any], size: int, skip_ids: set[str] | None,
            progress: "Progress | None") -> Iterator[list]:
    chunk: list = []
    for record in records:
        if skip_ids and isinstance(record, RawLine):  # --resume: the id is needed here, so parse here
            record = record.to_record()
            if record is None:
                continue
        if skip_ids and isinstance(record, dict):
            rid = record.get("id")
            if rid is not None and str(rid) in skip_ids:
                if progress is not None:
                    progress.resumed += 1
                continue
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _make_progress(progress: "bool | None | Progress") -> "Progress | None":
    if isinstance(progress, Progress):
        return progress
    if progress is None:  # automatic: only where standard error is a terminal
        return Progress() if _isatty(sys.stderr) else None
    return Progress() if progress else None


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def process_stream(records: Iterable[dict], *, workers: int | None = None, func: ProcessFunc | None = None,
                   chunk_size: int = 32, progress: "bool | None | Progress" = False,
                   skip_ids: set[str] | None = None, render: RenderFunc | None = None) -> Iterator[Any]:
    """Run ``func`` (default :func:`rasd.pipeline.process`) over ``records``; yield its results in input order.

    ``workers``: processes (``None``: all cores; 1: in this process). ``func`` must be a module-level
    function where ``workers > 1`` and the platform cannot fork. ``progress``: ``True`` renders a
    :class:`Progress` on standard error, ``None`` does so only when standard error is a terminal, or
    pass a :class:`Progress` of your own to read its counts afterwards. ``skip_ids``: article ids
    already done (``--resume``): not processed, not yielded. ``records`` may hold
    :class:`rasd.sources.RawLine` s (JSONL lines, parsed where they are processed). ``render``: a
    function applied to each result where it was made (in the worker), e.g. :func:`jsonl_line`; the
    stream then yields what it returns (with the ``id``, ``skipped`` and ``n_events`` or ``events`` that
    progress and ``skip_ids`` read).
    """
    workers = default_workers() if workers is None else int(workers)
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    chunk_size = max(1, int(chunk_size))
    bar = _make_progress(progress)
    chunks = _chunks(records, chunk_size, skip_ids, bar)
    if workers == 1:
        stream = _serial(chunks, func, render)
    else:
        stream = _parallel(chunks, func, workers, render)
    try:
        for result in stream:
            if skip_ids and getattr(result, "id", None) and result.id in skip_ids:
                if bar is not None:
                    bar.resumed += 1
                continue
            if bar is not None:
                bar.update(result)
            yield result
    finally:
        stream.close()
        if bar is not None:
            bar.close()


def _serial(chunks: Iterator[list], func: ProcessFunc | None, render: RenderFunc | None = None) -> Iterator[Any]:
    default = func is None
    if default:
        with _loading():
            func = _default_func()
    frozen = False
    try:
        for chunk in chunks:
            if not frozen:  # on the first chunk: nothing is loaded or frozen for an empty input
                if default:
                    warm_up()  # the gazetteer and lexicons, loaded now so that they are frozen with the rest
                _freeze(collect=False)  # one process: no pages to keep shared, no full collection to pay for
                frozen = True
            for record in chunk:
                result = _run_one(func, record, render)
                if result is not None:
                    yield result
    finally:
        if frozen:
            _unfreeze()


#: The collector's thresholds while articles are processed. An article makes tens of thousands of
#: short-lived objects that reference counting frees; Python's default (a young-generation collection every
#: 700 allocations) walks them for nothing many times an article. Measured (callgrind, 240 news
#: articles twice): 1.3 % of the instructions an article; memory: the cycles left between collections.
GC_THRESHOLDS = (100_000, 50, 100)
_saved_thresholds: list[tuple[int, ...]] = []


def _freeze(collect: bool = True) -> None:
    """Move what is alive now (modules, the gazetteer, lexicons: ~80,000 objects) out of the collector's
    reach: every full collection would walk them all again (42 ms each; 5 % of the CPU time of 3,000
    articles in one process); forked workers also keep their pages shared. The collector then runs at
    :data:`GC_THRESHOLDS` (forked workers inherit them) until :func:`_unfreeze`."""
    if collect:
        gc.collect()
    if hasattr(gc, "freeze"):
        gc.freeze()
    _saved_thresholds.append(gc.get_threshold())
    gc.set_threshold(*GC_THRESHOLDS)


def _unfreeze() -> None:
    if hasattr(gc, "unfreeze"):
        gc.unfreeze()
    if _saved_thresholds:
        gc.set_threshold(*_saved_thresholds.pop())


def _pool_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class WorkerDied(RuntimeError):
    """A worker process ended while it had work (killed by the OOM killer, a crash in a C library,
    ``os._exit``): the article it was doing comes back skipped with this as its reason."""


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return f"was killed by {name}{hint}"
    return f"exited with code {code}"


def _wait(pool, result, seen: set) -> Any:
    """``result.get()``, watching the pool's workers: raises :class:`WorkerDied` when one of them ends
    meanwhile (multiprocessing.Pool would otherwise wait forever for the work it lost)."""
    while True:
        try:
            return result.get(timeout=0.2)
        except multiprocessing.TimeoutError:
            pass
        seen.update(getattr(pool, "_pool", []))  # the workers now (the pool replaces dead ones)
        for process in list(seen):
            if process.exitcode is not None:
                raise WorkerDied(f"the worker process {_describe_exit(process.exitcode)}")


class _Pool(multiprocessing.pool.Pool):
    """multiprocessing's pool, whose end does not hang when a worker was killed while it waited for work.

    An idle worker waits for the next task holding the task queue's read lock. Killed there (the OOM killer,
    ``kill -9``), it never gives the lock back: the other workers wait for the lock, the task pipe fills,
    and ``Pool.terminate`` waits forever to take the lock and drain the pipe. Here the end takes the lock
    when it can within a second, and otherwise drains the pipe without it (its holder is dead; the workers
    are ended right after)."""

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        inqueue._rlock.acquire(timeout=1.0)
        while task_handler.is_alive() and inqueue._reader.poll():
            inqueue._reader.recv_bytes()
            time.sleep(0)


def _new_pool(ctx, workers: int, func: ProcessFunc | None, render: RenderFunc | None = None):
    pool = _Pool(workers, initializer=_worker_init, initargs=(func, render), context=ctx)
    return pool, set(getattr(pool, "_pool", []))


def _end_pool(pool, finished: bool, seen: set = frozenset()) -> None:
    if finished:
        pool.close()
    elif any(p.exitcode is not None for p in {*seen, *getattr(pool, "_pool", ())}):
        _abandon(pool)  # a worker died (killed from outside, or by its article): see _abandon
        return
    else:  # interrupted, an error, or the consumer stopped early
        pool.terminate()
    pool.join()


def _abandon(pool) -> None:
    """End a pool one of whose workers died. The dead worker may have held the result queue's write lock,
    or left half a result in its pipe (killed while it sent one): ``Pool.terminate`` takes that lock to
    send its sentinel and then waits for the pool's threads, which read the pipe to its end, so it could
    wait forever. Here the workers are killed and joined, the pool's three threads (daemons, perhaps
    blocked on the dead queues) are told to stop and left to end with the interpreter, and the pool's own
    finaliser, which would call ``terminate`` at exit, is cancelled. What the pool held is lost; the
    caller redoes it (:func:`_parallel`)."""
    from multiprocessing.pool import TERMINATE
    pool._state = TERMINATE  # noqa: SLF001 (multiprocessing's own fields: no public way to do this)
    for handler in (pool._worker_handler, pool._task_handler, pool._result_handler):
        handler._state = TERMINATE  # the worker handler must not start new workers
    for process in list(pool._pool):
        if process.exitcode is None:
            process.kill()
    for process in list(pool._pool):
        process.join()
    pool._terminate.cancel()


def _isolated(chunk: list, func: ProcessFunc | None, ctx, render: RenderFunc | None = None) -> list:
    """Run each record of ``chunk`` in a worker of its own, so that a record that kills its worker
    loses only itself (it comes back skipped, with the reason)."""
    out = []
    for record in chunk:
        pool, seen = _new_pool(ctx, 1, func, render)
        try:
            out.extend(_wait(pool, pool.apply_async(_worker_chunk, ([record],)), seen))
        except WorkerDied as error:
            record = _record_of(record)
            if record is not None:
                out.append(_rendered(_error_result(record, error), render, record))
        finally:
            _end_pool(pool, False, seen)
    return out


def _parallel(chunks: Iterator[list], func: ProcessFunc | None, workers: int,
              render: RenderFunc | None = None) -> Iterator[Any]:
    if func is None:
        warm_up()  # load the resources once in the parent: forked workers share them copy-on-write
    # and keep the collector from touching (and so copying) the shared pages in the workers; no collection
    # first: it would take 30 ms before the workers start, and the memory it frees makes holes in pages
    # the workers then write to (Python's advice for gc.freeze before a fork)
    _freeze(collect=False)
    ctx = _pool_context()
    pool, seen = _new_pool(ctx, workers, func, render)
    pending: collections.deque = collections.deque()  # (chunk, result), in input order
    limit = workers * IN_FLIGHT_PER_WORKER
    finished = False

    def take() -> list:
        nonlocal pool, seen
        chunk, result = pending.popleft()
        try:
            return _wait(pool, result, seen)
        except WorkerDied:
            # The pool lost the work of the dead worker (which chunk is unknown): this chunk is redone
            # one record per process, the unfinished ones after it go to a fresh pool.
            done = [(c, r.get()) if r.ready() and r.successful() else (c, None) for c, r in pending]
            _end_pool(pool, False, seen)
            pool, seen = _new_pool(ctx, workers, func, render)
            pending.clear()
            for c, results in done:
                pending.append((c, _Ready(results) if results is not None else pool.apply_async(_worker_chunk, (c,))))
            return _isolated(chunk, func, ctx, render)

    try:
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(_worker_chunk, (chunk,))))
            while len(pending) >= limit:
                yield from take()
            # hand out what is already done without waiting, so results flow while input is read
            while pending and pending[0][1].ready():
                yield from take()
        while pending:
            yield from take()
        finished = True
    finally:
        _end_pool(pool, finished, seen)
        _unfreeze()


class _Ready:
    """A result already in hand, in the shape of multiprocessing's AsyncResult."""

    def __init__(self, value: list) -> None:
        self.value = value

    def ready(self) -> bool:
        return True

    def successful(self) -> bool:
        return True

    def get(self, timeout: float | None = None) -> list:
        return self.value


# -- resume ---------------------------------------------------------------------------------------
_ID_PREFIX = re.compile(r'^\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*")')


def done_ids(output_path: str | os.PathLike, *, repair: bool = True) -> set[str]:
    """The article ids already in a JSONL output of ``rasd extract`` (one ``{"id": ..., "events": ...}`` a line).

    A missing file gives an empty set. A last line cut short by an interruption is not counted (its
    article will be done again) and, with ``repair`` (the default), is cut off the file, so that
    output appended by a resumed run stays valid JSON lines."""
    path = Path(output_path)
    ids: set[str] = set()
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        return ids
    good_end = 0  # byte offset just past the last complete, valid line
    with handle:
        offset = 0
        for raw in handle:
            offset += len(raw)
            complete = raw.endswith(b"\n")
            line = raw.strip()
            if not line:
                if complete:
                    good_end = offset
                continue
            rid = _line_id(line)
            if rid is None:
                if not complete:
                    break  # the cut-short last line
                good_end = offset  # a broken line in the middle: leave it, it is not ours to judge
                continue
            if not complete and not _parses(line):
                break
            ids.add(rid)
            good_end = offset
    if repair and good_end:
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            if good_end < size:
                handle.truncate(good_end)
            if not _ends_with_newline(handle, good_end):
                handle.seek(good_end)
                handle.write(b"\n")
    elif repair and path.stat().st_size:  # nothing but a cut-short line
        with open(path, "r+b") as handle:
            handle.truncate(0)
    return ids


def _ends_with_newline(handle, size: int) -> bool:
    handle.seek(size - 1)
    return handle.read(1) == b"\n"


def _parses(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _line_id(line: bytes) -> str | None:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    match = _ID_PREFIX.match(text)
    if match and text.endswith("}"):
        try:
            json.loads(text)  # a line with the right start may still be cut short
        except ValueError:
            return None
        return json.loads(match.group(1))
    try:
        obj = json.loads(text)
    except ValueError:
        return None
    if isinstance(obj, dict) and obj.get("id") is not None:
        return str(obj["id"])
    return None


# -- progress -------------------------------------------------------------------------------------
class Progress:
    """Counts articles, events and skip reasons, and renders one status line on standard error.

    On a terminal the line is redrawn in place (at most ``interval`` seconds apart); elsewhere (a log
    file, with ``--progress``) a line is printed every ``log_interval`` seconds. ``close()`` prints
    the final line."""

    def __init__(self, stream: TextIO | None = None, *, total: int | None = None, interval: float = 0.2,
                 log_interval: float = 10.0, label: str = "rasd") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = _isatty(self.stream)
        self.total = total
        self.interval = interval if self.tty else log_interval
        self.label = label
        self.articles = 0
        self.events = 0
        self.skipped = 0
        self.resumed = 0
        self.reasons: collections.Counter[str] = collections.Counter()
        self.started = time.monotonic()
        self._last = 0.0
        self._closed = False

    # counting
    def update(self, result: Any) -> None:
        self.articles += 1
        count = getattr(result, "n_events", None)
        self.events += count if count is not None else len(getattr(result, "events", None) or [])
        reason = getattr(result, "skipped", None)
        if reason:
            self.skipped += 1
            self.reasons[reason_key(reason)] += 1
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self.render()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        elapsed = self.elapsed
        return self.articles / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        parts = [f"{self.label}: {self.articles:,}"]
        if self.total:
            parts[0] += f"/{self.total:,} ({100 * self.articles / self.total:.0f}%)"
        parts[0] += " articles"
        parts.append(f"{self.rate:,.1f}/s")
        parts.append(f"{self.events:,} events")
        skipped = f"{self.skipped:,} skipped"
        if self.reasons:
            top = ", ".join(f"{key} {count:,}" for key, count in self.reasons.most_common(3))
            more = len(self.reasons) - 3
            skipped += f" ({top}{f', +{more} more' if more > 0 else ''})"
        parts.append(skipped)
        if self.resumed:
            parts.append(f"{self.resumed:,} already done")
        return "  ".join(parts)

    def render(self) -> None:
        try:
            if self.tty:
                self.stream.write("\r\x1b[K" + self.line())
            else:
                self.stream.write(self.line() + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken stderr must not end the batch
            pass

    def clear(self) -> None:
        """Wipe the line on a terminal (before printing something else there)."""
        if self.tty:
            try:
                self.stream.write("\r\x1b[K")
            except (OSError, ValueError):
                pass

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.render()
        if self.tty:
            try:
                self.stream.write("\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass


def reason_key(reason: str, width: int = 40) -> str:
    """A skip reason without its particulars (numbers, quoted parts), to count like with like."""
    key = reason.split(":", 1)[0] if reason.startswith("internal error") else reason
    key = re.sub(r"\d[\d,.]*", "N", key)
    key = re.sub(r"'[^']*'|\"[^\"]*\"", "…", key)
    key = key.strip()
    return key if len(key) <= width else key[: width - 1] + "…"
