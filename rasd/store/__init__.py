"""The event store: articles, their event reports with evidence, deduplicated events, sources.

One interface (:class:`~rasd.store.base.Store`), two backends:

* SQLite (default): a single file, WAL journal, created on first use: ``--db rasd.sqlite``;
* PostgreSQL for shared deployments: ``--db postgresql://user@host:5432/dbname``.

Every article is written in its own transaction (:meth:`Store.put_article`): a crash leaves the store as
it was before that article, and ingesting again finishes the job. Ingesting an unchanged article changes
nothing; a corrected article (same id/URL, new text) replaces its reports, and the events they joined are
rebuilt from the reports that remain, so nothing is left orphaned.
"""
from __future__ import annotations

import os

from ..errors import StoreError
from .base import EXPORT_FILTERS, Filters, Store

DEFAULT_DB = "rasd.sqlite"

__all__ = ["DEFAULT_DB", "EXPORT_FILTERS", "Filters", "Store", "StoreError", "add_db_argument", "default_db", "open_store"]


def default_db() -> str:
    """``$RASD_DB``, else ``rasd.sqlite`` in the current folder."""
    return os.environ.get("RASD_DB") or DEFAULT_DB


def add_db_argument(parser) -> None:
    """The ``--db`` option every command that touches the store takes."""
    parser.add_argument("--db", default=None, metavar="PATH_OR_URL",
                        help="SQLite file or postgresql:// URL (default: $RASD_DB, else rasd.sqlite here)")


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the store at a file path, ``sqlite:///path`` or a PostgreSQL URL."""
    url = url or default_db()
    if is_postgres(url):
        from .postgres import connect_postgres
        return connect_postgres(url)
    from .sqlite import connect_sqlite
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    return connect_sqlite(path, create=create)
