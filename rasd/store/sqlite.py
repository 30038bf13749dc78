"""The SQLite backend: one file, WAL journal, foreign keys on, a time limit on reads.

A write waits up to ``$RASD_DB_TIMEOUT`` seconds (default 30) for another process's write lock, then
fails with a message saying the store is locked. Readers never wait for writers (WAL)."""
from __future__ import annotations

import os
import sqlite3
import time

from ..errors import StoreError
from .base import Store, describe_failure

READ_TIME_LIMIT_S = 10.0
DEFAULT_LOCK_TIMEOUT_S = 30.0


def lock_timeout() -> float:
    """``$RASD_DB_TIMEOUT`` (seconds a write waits for another writer), else 30."""
    value = os.environ.get("RASD_DB_TIMEOUT", "")
    try:
        seconds = float(value) if value.strip() else DEFAULT_LOCK_TIMEOUT_S
    except ValueError:
        raise StoreError(f"$RASD_DB_TIMEOUT must be a number of seconds, not {value!r}") from None
    if not 0 <= seconds <= 86_400:
        raise StoreError(f"$RASD_DB_TIMEOUT must be between 0 and 86400 seconds, not {value!r}")
    return seconds


def _use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Put the store in WAL mode (one writer, many readers). Two processes opening a new store at once both
    ask for the switch, and SQLite turns the second away at once (no busy wait for a journal-mode change):
    it asks again until ``timeout``."""
    deadline = time.monotonic() + timeout
    pause = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error).lower() or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


class SQLiteStore(Store):
    dialect = "sqlite"
    placeholder = "?"
    driver_errors = (sqlite3.Error,)

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _begin_read(self) -> None:
        self.conn.execute("BEGIN")  # deferred: in WAL mode the snapshot is taken by the first read

    def _end_read(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def _in_transaction(self) -> bool:
        return self.conn.in_transaction

    def _execute(self, sql: str, params=()):
        return self.conn.execute(sql, tuple(params))

    def _rows(self, cursor) -> list[dict]:
        return [dict(r) for r in cursor.fetchall()]

    def _read_limit(self, seconds: float | None = READ_TIME_LIMIT_S):
        """Abort a read that runs longer than ``seconds`` (datasette's time limit)."""
        if seconds is None:
            self.conn.set_progress_handler(None, 0)
            return
        deadline = time.monotonic() + seconds
        self.conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)


def connect_sqlite(path: str, *, create: bool = True) -> SQLiteStore:
    timeout = lock_timeout()
    if path != ":memory:":
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise StoreError(f"cannot create the store {path}: folder {folder} does not exist")
        if os.path.isdir(path):
            raise StoreError(f"the store {path} is a folder, not a SQLite file")
        if not create and not os.path.exists(path):
            raise StoreError(f"no store at {path} (run `rasd ingest` or `rasd demo` first)")
    conn = None
    try:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=timeout)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:":
            _use_wal(conn, timeout)
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as error:
        if conn is not None:
            conn.close()
        raise StoreError(describe_failure(path, error, timeout=timeout)) from error
    store = SQLiteStore(conn, url=path)
    store.lock_timeout = timeout
    try:
        store.migrate()
    except BaseException:
        conn.close()
        raise
    return store
