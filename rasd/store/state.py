"""What ``rasd watch`` and alerts remember between rounds, kept in the store.

The tables (:data:`rasd.store.schema.STATE_TABLES`) are created by :func:`ensure_tables` the first time
a store is watched or alerted on, in one transaction that adds tables and touches no row; ``meta`` holds
their version (``state_version``).

* pages: each polled feed or page of links, with its ``ETag``/``Last-Modified`` for a conditional GET;
  they are saved only once every item the page listed is done, so a crash in the middle of a round
  makes the next round read the page again instead of answering "304 Not Modified" and losing items;
* items: each article URL met, ``done`` once it is stored, skipped with a reason or given up after
  :data:`MAX_ATTEMPTS` failed fetches; a restart fetches only what is not done. The article itself is
  stored under its URL as id, so fetching it twice (a kill between storing it and marking it done)
  replaces it, never duplicates it.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..errors import StoreError
from .base import Store, storable
from .schema import STATE_VERSION, state_statements

MAX_ATTEMPTS = 3


def ensure_tables(store: Store) -> None:
    """Create the state tables in ``store`` when they are not there yet (once per store object)."""
    if getattr(store, "_state_ready", False):
        return
    rows = store.query("SELECT value FROM meta WHERE key = 'state_version'")
    if not rows:
        with store.transaction():  # another process may do the same: IF NOT EXISTS, under the write lock
            for sql in state_statements(store.dialect):
                store._execute(sql)
            store._execute("DELETE FROM meta WHERE key = 'state_version'")
            store._execute("INSERT INTO meta (key, value) VALUES ('state_version', ?)", (str(STATE_VERSION),))
    elif int(rows[0]["value"]) > STATE_VERSION:
        raise StoreError(f"the watch state of {store.label} has version {rows[0]['value']}; this rasd knows "
                         f"{STATE_VERSION}: upgrade rasd")
    store._state_ready = True


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def page_state(store: Store, url: str) -> dict | None:
    ensure_tables(store)
    rows = store.query("SELECT url, etag, last_modified, checked_at, status, failures FROM watch_pages "
                       "WHERE url = ?", (storable(url),))
    return rows[0] if rows else None


def save_page(store: Store, url: str, *, status: str, etag: str | None = None, last_modified: str | None = None,
              clear_validators: bool = False, failed: bool = False) -> None:
    """Record a poll of ``url``. ``clear_validators``: items of this page are still to retry, so no
    ETag/Last-Modified is kept and the next poll reads the page in full. ``failed``: the poll failed, the
    validators stay as they were."""
    ensure_tables(store)
    url, status = storable(url), storable(status)[:500]
    with store.transaction():
        old = store._rows(store._execute("SELECT etag, last_modified, failures FROM watch_pages WHERE url = ?",
                                         (url,)))
        if clear_validators and old:
            etag, last_modified = None, None
        failures = (int(old[0]["failures"]) + 1 if old else 1) if failed else 0
        if old:
            store._execute("UPDATE watch_pages SET etag = ?, last_modified = ?, checked_at = ?, status = ?, "
                           "failures = ? WHERE url = ?",
                           (etag if not failed else old[0]["etag"],
                            last_modified if not failed else old[0]["last_modified"], _now(), status, failures, url))
        else:
            store._execute("INSERT INTO watch_pages (url, etag, last_modified, checked_at, status, failures) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (url, None if failed or clear_validators else etag,
                            None if failed or clear_validators else last_modified, _now(), status, failures))


def done_items(store: Store, urls: Iterable[str]) -> set[str]:
    """The URLs among ``urls`` that need nothing more (one look-up each, by the table's key)."""
    ensure_tables(store)
    done: set[str] = set()
    for url in dict.fromkeys(storable(u) for u in urls):
        if store.query("SELECT 1 AS x FROM watch_items WHERE url = ? AND done = 1", (url,)):
            done.add(url)
    return done


def item_state(store: Store, url: str) -> dict | None:
    ensure_tables(store)
    rows = store.query("SELECT url, page, article_id, outcome, done, attempts FROM watch_items WHERE url = ?",
                       (storable(url),))
    return rows[0] if rows else None


def finish_item(store: Store, url: str, *, page: str, outcome: str, article_id: str | None = None) -> None:
    """``url`` needs nothing more: stored, skipped for a reason, or given up."""
    ensure_tables(store)
    _write_item(store, url, page=page, outcome=outcome, article_id=article_id, done=True, attempt=False)


def fail_item(store: Store, url: str, *, page: str, reason: str) -> bool:
    """A failed try at ``url``. Returns True when it is given up (then it is done, with the reason)."""
    ensure_tables(store)
    state = item_state(store, url)
    attempts = (int(state["attempts"]) if state else 0) + 1
    give_up = attempts >= MAX_ATTEMPTS
    outcome = f"given up after {attempts} tries: {reason}" if give_up else f"failed ({attempts}): {reason}"
    _write_item(store, url, page=page, outcome=outcome, article_id=None, done=give_up, attempt=True)
    return give_up


def _write_item(store: Store, url: str, *, page: str, outcome: str, article_id: str | None, done: bool,
                attempt: bool) -> None:
    ensure_tables(store)
    url, page, outcome = storable(url), storable(page), storable(outcome)[:1000]
    now = _now()
    with store.transaction():
        cursor = store._execute("UPDATE watch_items SET outcome = ?, article_id = COALESCE(?, article_id), done = ?, "
                                "attempts = attempts + ?, updated_at = ? WHERE url = ?",
                                (outcome, article_id, 1 if done else 0, 1 if attempt else 0, now, url))
        if not cursor.rowcount:
            store._execute("INSERT INTO watch_items (url, page, article_id, outcome, done, attempts, first_seen, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (url, page, article_id, outcome, 1 if done else 0, 1 if attempt else 0, now, now))


def pending_items(store: Store, page: str) -> list[str]:
    """Items of ``page`` met before and not done (their fetch failed): tried again even when the page
    itself has not changed."""
    ensure_tables(store)
    return [r["url"] for r in store.query("SELECT url FROM watch_items WHERE page = ? AND done = 0 ORDER BY first_seen, url",
                                          (storable(page),))]


def watch_counts(store: Store) -> dict[str, int]:
    ensure_tables(store)
    return {"pages": int(store.scalar("SELECT COUNT(*) AS n FROM watch_pages") or 0),
            "items done": int(store.scalar("SELECT COUNT(*) AS n FROM watch_items WHERE done = 1") or 0),
            "items to retry": int(store.scalar("SELECT COUNT(*) AS n FROM watch_items WHERE done = 0") or 0)}
