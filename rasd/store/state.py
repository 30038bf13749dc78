"""What ``rasd watch`` and alerts remember between rounds, kept in the store (tables of schema v2).

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

from .base import Store, storable

MAX_ATTEMPTS = 3


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def page_state(store: Store, url: str) -> dict | None:
    rows = store.query("SELECT url, etag, last_modified, checked_at, status, failures FROM watch_pages "
                       "WHERE url = ?", (storable(url),))
    return rows[0] if rows else None


def save_page(store: Store, url: str, *, status: str, etag: str | None = None, last_modified: str | None = None,
              clear_validators: bool = False, failed: bool = False) -> None:
    """Record a poll of ``url``. ``clear_validators``: items of this page are still to retry, so no
    ETag/Last-Modified is kept and the next poll reads the page in full. ``failed``: the poll failed, the
    validators stay as they were."""
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
    """The URLs among ``urls`` that need nothing more."""
    urls = [storable(u) for u in urls]
    done: set[str] = set()
    for start in range(0, len(urls), 200):
        chunk = urls[start:start + 200]
        if not chunk:
            continue
        rows = store.query(f"SELECT url FROM watch_items WHERE done = 1 AND url IN ({', '.join('?' for _ in chunk)})",
                           chunk)
        done.update(r["url"] for r in rows)
    return done


def item_state(store: Store, url: str) -> dict | None:
    rows = store.query("SELECT url, page, article_id, outcome, done, attempts FROM watch_items WHERE url = ?",
                       (storable(url),))
    return rows[0] if rows else None


def finish_item(store: Store, url: str, *, page: str, outcome: str, article_id: str | None = None) -> None:
    """``url`` needs nothing more: stored, skipped for a reason, or given up."""
    _write_item(store, url, page=page, outcome=outcome, article_id=article_id, done=True, attempt=False)


def fail_item(store: Store, url: str, *, page: str, reason: str) -> bool:
    """A failed try at ``url``. Returns True when it is given up (then it is done, with the reason)."""
    state = item_state(store, url)
    attempts = (int(state["attempts"]) if state else 0) + 1
    give_up = attempts >= MAX_ATTEMPTS
    outcome = f"given up after {attempts} tries: {reason}" if give_up else f"failed ({attempts}): {reason}"
    _write_item(store, url, page=page, outcome=outcome, article_id=None, done=give_up, attempt=True)
    return give_up


def _write_item(store: Store, url: str, *, page: str, outcome: str, article_id: str | None, done: bool,
                attempt: bool) -> None:
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
    return [r["url"] for r in store.query("SELECT url FROM watch_items WHERE page = ? AND done = 0 ORDER BY first_seen, url",
                                          (storable(page),))]


def watch_counts(store: Store) -> dict[str, int]:
    return {"pages": int(store.scalar("SELECT COUNT(*) AS n FROM watch_pages") or 0),
            "items done": int(store.scalar("SELECT COUNT(*) AS n FROM watch_items WHERE done = 1") or 0),
            "items to retry": int(store.scalar("SELECT COUNT(*) AS n FROM watch_items WHERE done = 0") or 0)}
