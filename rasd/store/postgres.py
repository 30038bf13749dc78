"""The PostgreSQL backend (``psycopg`` 3): the same tables and queries as SQLite, ``%s`` placeholders."""
from __future__ import annotations

from ..errors import StoreError
from .base import Store, redact

STATEMENT_TIMEOUT_MS = 30_000


class PostgresStore(Store):
    dialect = "postgres"
    placeholder = "%s"

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - the connection may be gone; nothing more to undo
            pass

    def _begin_read(self) -> None:
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def _end_read(self) -> None:
        self.conn.execute("COMMIT")

    def _in_transaction(self) -> bool:
        import psycopg
        return self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def _execute(self, sql: str, params=()):
        return self.conn.execute(sql.replace("?", "%s"), tuple(params))

    def _rows(self, cursor) -> list[dict]:
        if cursor.description is None:
            return []
        names = [d.name for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _lock_for_write(self) -> None:
        # one writer at a time across processes, so that two ingests cannot both create the same event
        self.conn.execute("SELECT pg_advisory_xact_lock(7264001)")


def connect_postgres(url: str) -> PostgresStore:
    try:
        import psycopg
    except ImportError as error:
        raise StoreError("PostgreSQL needs psycopg: pip install 'rasd[postgres]'") from error
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10,
                               options=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}")
    except psycopg.Error as error:
        raise StoreError(f"cannot connect to {redact(url)}: {str(error).strip()}") from error
    store = PostgresStore(conn, url=url)
    store.driver_errors = (psycopg.Error,)
    try:
        store.migrate()
    except BaseException:
        conn.close()
        raise
    return store
