"""The SQLite backend: one file, WAL journal, foreign keys on, a time limit on reads."""
from __future__ import annotations

import os
import sqlite3
import time

from ..errors import StoreError
from .base import Store

READ_TIME_LIMIT_S = 10.0


class SQLiteStore(Store):
    dialect = "sqlite"
    placeholder = "?"

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

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
    if path != ":memory:":
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise StoreError(f"cannot create the store {path}: folder {folder} does not exist")
        if not create and not os.path.exists(path):
            raise StoreError(f"no store at {path} (run `rasd ingest` or `rasd demo` first)")
    try:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as error:
        raise StoreError(f"cannot open the store {path}: {error}") from error
    store = SQLiteStore(conn, url=path)
    store.migrate()
    return store
