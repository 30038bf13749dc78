"""The store interface and every query, written once for both backends (only parameterised SQL).

A backend supplies ``_execute``, ``_rows``, ``_begin``/``_commit``/``_rollback``; everything else is here.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any, Iterator

from .. import dedup
from ..errors import StoreError, StoreUnavailable
from ..event import interaction_code
from .schema import EVENT_COLUMNS, SCHEMA_VERSION, statements

SORTABLE = {"event_date", "fatalities", "n_reports", "event_type", "sub_event_type", "admin1", "country",
            "confidence", "updated_at"}
MAX_PAGE = 1000


@dataclass
class Filters:
    """Filters shared by ``rasd export``, ``GET /events``, ``GET /stats`` and ``GET /export``.
    Empty values do not filter. ``actor`` matches any actor field (case-insensitive substring);
    ``source`` is an outlet that reported the event."""

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    source: str | None = None
    include_background: bool = True

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if any(isinstance(getattr(self, f.name), str) and "\x00" in getattr(self, f.name) for f in fields(self)):
            # nothing stored holds a NUL; SQLite's LIKE would stop at it (matching everything) and
            # PostgreSQL refuses it: a plain no-match
            return " WHERE 1 = 0", []
        if self.date_from:
            clauses.append("e.event_date >= ?")
            params.append(_iso_date(self.date_from, "date_from"))
        if self.date_to:
            clauses.append("e.event_date <= ?")
            params.append(_iso_date(self.date_to, "date_to"))
        for column in ("country", "admin1", "admin2", "event_type", "sub_event_type"):
            value = getattr(self, column)
            if value:
                clauses.append(f"e.{column} = ?")
                params.append(value)
        if self.actor:
            pattern = "%" + self.actor.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(" + " OR ".join(f"LOWER(COALESCE(e.{c}, '')) LIKE ? ESCAPE '\\'"
                                              for c in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")) + ")")
            params.extend([pattern] * 4)
        if self.source:
            clauses.append("EXISTS (SELECT 1 FROM reports r JOIN articles a ON a.article_id = r.article_id "
                           "WHERE r.event_id = e.event_id AND a.source = ?)")
            params.append(self.source)
        if not self.include_background:
            clauses.append("e.background = 0")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


EXPORT_FILTERS = [f.name for f in fields(Filters) if f.name != "include_background"]


def _iso_date(value: str, name: str) -> str:
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError as error:
        raise StoreError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from error


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(value: Any) -> Any:
    """``value`` with every string made storable in both backends, keeping its length (so evidence
    offsets still hold): NUL becomes a space (PostgreSQL refuses it), a lone surrogate U+FFFD (UTF-8
    cannot encode it)."""
    if isinstance(value, str):
        if "\x00" in value:
            value = value.replace("\x00", " ")
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {storable(k) if isinstance(k, str) else k: storable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [storable(v) for v in value]
    return value


def input_hash(record: dict) -> str:
    """A hash of an article record as it came in (before the pipeline): unchanged input is not re-processed."""
    basis = {k: record.get(k) for k in ("id", "url", "title", "text", "html", "published", "source")}
    return hashlib.sha1(json.dumps(basis, sort_keys=True, ensure_ascii=False, default=str)
                        .encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(article: dict, events: list[dict]) -> str:
    basis = [article.get(k) for k in ("url", "title", "text", "published", "source", "skipped")]
    return hashlib.sha1(json.dumps([basis, events], sort_keys=True, ensure_ascii=False, default=str)
                        .encode("utf-8", "surrogatepass")).hexdigest()


def redact(url: str) -> str:
    """A store URL without its password, for messages and logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url


def describe_failure(label: str, error: BaseException, *, timeout: float | None = None) -> str:
    """A user's message for a database driver error (SQLite or PostgreSQL): what failed and what to do."""
    msg = " ".join(str(error).split()) or type(error).__name__
    low = msg.lower()
    if "readonly" in low or "read-only" in low or "read only" in low:
        return (f"the store {label} is read-only ({msg}): the file and its folder must be writable by this "
                f"user, or use another --db")
    if "locked" in low or "busy" in low or "lock timeout" in low:
        waited = f", after waiting {timeout:g} s" if timeout else ""
        return (f"the store {label} is locked by another process ({msg}{waited}): run again when the other "
                f"writer is done ($RASD_DB_TIMEOUT sets how long to wait)")
    if "full" in low or "no space" in low or "too large" in low:
        return (f"the store {label} cannot grow: the disk is full ({msg}); free some space and run the same "
                f"command again (what was stored is intact; the article being written was rolled back)")
    if "i/o error" in low or "disk i/o" in low:
        return (f"the store {label} could not be written: disk I/O error ({msg}); check the disk (space, "
                f"file size limits) and run the same command again: what was stored is intact")
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return f"the store {label} is damaged or is not a rasd store ({msg})"
    if "interrupted" in low or "statement timeout" in low or "canceling statement" in low:
        return f"the query on {label} took too long and was stopped ({msg}): narrow the filters"
    if "unable to open" in low or "cannot open" in low:
        return f"cannot open the store {label} ({msg}): check that its folder exists and is writable"
    return f"the store {label} failed: {msg}"


class Store:
    dialect = "?"
    placeholder = "?"
    #: the backend driver's exception classes: they become :class:`StoreUnavailable` with a message
    driver_errors: tuple[type[BaseException], ...] = ()
    #: seconds a write waits for another writer's lock (SQLite busy timeout)
    lock_timeout: float | None = None

    def __init__(self, conn, url: str):
        self.conn = conn
        self.url = url
        self.label = redact(url)
        self._lock = threading.RLock()

    # -- backend hooks ---------------------------------------------------------------------------------
    def _execute(self, sql: str, params=()):  # pragma: no cover - backends define it
        raise NotImplementedError

    def _rows(self, cursor) -> list[dict]:  # pragma: no cover
        raise NotImplementedError

    def _begin(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def _commit(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def _rollback(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def _lock_for_write(self) -> None:
        pass

    def _read_limit(self, seconds=None) -> None:
        pass

    def _begin_read(self) -> None:
        """Start a read-only transaction: the queries of one API answer see one snapshot of the store."""

    def _end_read(self) -> None:
        pass

    def _in_transaction(self) -> bool:
        return False

    # -- plumbing --------------------------------------------------------------------------------------
    def unavailable(self, error: BaseException) -> StoreUnavailable:
        return StoreUnavailable(describe_failure(self.label, error, timeout=self.lock_timeout))

    def query(self, sql: str, params=()) -> list[dict]:
        with self._lock:
            try:
                return self._rows(self._execute(sql, params))
            except self.driver_errors as error:
                raise self.unavailable(error) from error

    def scalar(self, sql: str, params=()) -> Any:
        rows = self.query(sql, params)
        return next(iter(rows[0].values())) if rows else None

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """One write transaction: committed when the block ends, rolled back on any exception (a driver
        error comes out as :class:`StoreUnavailable` with a message saying what to do)."""
        with self._lock:
            try:
                self._begin()
            except self.driver_errors as error:
                raise self.unavailable(error) from error
            try:
                self._lock_for_write()
                yield self
            except BaseException as error:
                self._safe_rollback()
                if isinstance(error, self.driver_errors):
                    raise self.unavailable(error) from error
                raise
            else:
                try:
                    self._commit()
                except self.driver_errors as error:
                    self._safe_rollback()
                    raise self.unavailable(error) from error

    def _safe_rollback(self) -> None:
        try:
            self._rollback()
        except Exception:  # noqa: BLE001 - the database has already undone it, or the connection is gone
            pass

    @contextmanager
    def snapshot(self) -> Iterator["Store"]:
        """Several reads that see one consistent state of the store, even while another process writes
        (a read transaction; inside a write transaction the reads see that transaction)."""
        with self._lock:
            if self._in_transaction():
                yield self
                return
            try:
                self._begin_read()
            except self.driver_errors as error:
                raise self.unavailable(error) from error
            try:
                yield self
            finally:
                try:
                    self._end_read()
                except self.driver_errors:
                    self._safe_rollback()

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def schema_version(self) -> int:
        """The store's schema version (0: a new, empty store), read without taking the write lock."""
        try:
            rows = self._rows(self._execute("SELECT value FROM meta WHERE key = 'schema_version'"))
        except self.driver_errors as error:
            low = str(error).lower()
            if "no such table" in low or "does not exist" in low:
                return 0
            raise
        return int(rows[0]["value"]) if rows else 0

    def migrate(self) -> None:
        """Create the tables or bring an older store up to :data:`SCHEMA_VERSION`. A store that is up
        to date is only read (so a read-only store can still be read and exported)."""
        try:
            with self._lock:
                if self.schema_version() == SCHEMA_VERSION:
                    return
            with self.transaction():
                self._execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                current = self.schema_version()  # again, under the write lock: another process may be first
                if current > SCHEMA_VERSION:
                    raise StoreError(f"the store {self.label} has schema version {current}; this rasd knows "
                                     f"{SCHEMA_VERSION}: upgrade rasd")
                for version in range(current + 1, SCHEMA_VERSION + 1):
                    for sql in statements(version, self.dialect):
                        self._execute(sql)
                if current != SCHEMA_VERSION:
                    self._execute("DELETE FROM meta WHERE key = 'schema_version'")
                    self._execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        except StoreError:
            raise
        except Exception as error:  # noqa: BLE001 - any driver error: the store is unusable
            raise StoreUnavailable(describe_failure(self.label, error, timeout=self.lock_timeout)) from error

    # -- writing -----------------------------------------------------------------------------------------
    def has_input(self, digest: str) -> bool:
        return bool(self.query("SELECT 1 AS x FROM articles WHERE input_hash = ? LIMIT 1", (digest,)))

    def put_article(self, article: dict, events: list[dict], *, digest: str | None = None) -> str:
        """Store one article and its event records in one transaction. Returns ``"added"``,
        ``"unchanged"`` or ``"replaced"``. ``article``: ``id, url, source, title, published, text, skipped``."""
        article = storable(dict(article))
        events = [storable(dict(e)) for e in events]
        article_id = str(article.get("id") or article.get("article_id") or "")
        if not article_id:
            raise StoreError("an article needs an id")
        chash = content_hash(article, events)
        digest = digest or chash
        with self.transaction():
            old = self._rows(self._execute("SELECT content_hash FROM articles WHERE article_id = ?", (article_id,)))
            if old and old[0]["content_hash"] == chash:
                self._execute("UPDATE articles SET input_hash = ? WHERE article_id = ?", (digest, article_id))
                return "unchanged"
            affected: set[str] = set()
            if old:
                affected = self._remove_reports(article_id)
                self._execute("UPDATE articles SET url = ?, source = ?, title = ?, published = ?, text = ?, "
                              "input_hash = ?, content_hash = ?, skipped = ?, ingested_at = ? WHERE article_id = ?",
                              (*self._article_values(article), digest, chash, article.get("skipped"),
                               _now_iso(), article_id))
            else:
                self._execute("INSERT INTO articles (article_id, url, source, title, published, text, input_hash, "
                              "content_hash, skipped, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              (article_id, *self._article_values(article), digest, chash, article.get("skipped"),
                               _now_iso()))
                if article.get("source"):
                    self._execute("INSERT INTO sources (name, articles, first_seen) VALUES (?, 0, ?) "
                                  "ON CONFLICT (name) DO NOTHING", (article["source"], _now_iso()))
                    self._execute("UPDATE sources SET articles = articles + 1 WHERE name = ?", (article["source"],))
            self._recluster(affected)
            seen: set[str] = set()
            for record in events:
                record = dict(record)
                record["article_id"] = article_id
                record.setdefault("source", article.get("source") or "")
                report_id = str(record.get("event_id") or "")
                if not report_id or report_id in seen:
                    report_id = "rasd-" + hashlib.sha1(f"{article_id}|{len(seen)}".encode()).hexdigest()[:16]
                    record["event_id"] = report_id
                seen.add(report_id)
                self._insert_report(record)
                self._assign(record)
            return "replaced" if old else "added"

    def remove_article(self, article_id: str) -> bool:
        """Delete an article, its reports and evidence; rebuild the events they were part of."""
        with self.transaction():
            rows = self._rows(self._execute("SELECT source FROM articles WHERE article_id = ?", (article_id,)))
            if not rows:
                return False
            affected = self._remove_reports(article_id)
            self._execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
            if rows[0]["source"]:
                self._execute("UPDATE sources SET articles = articles - 1 WHERE name = ?", (rows[0]["source"],))
            self._recluster(affected)
            return True

    @staticmethod
    def _article_values(article: dict) -> tuple:
        return (article.get("url"), article.get("source") or "", article.get("title") or "",
                article.get("published"), article.get("text") or "")

    def _next_seq(self) -> int:
        rows = self._rows(self._execute("SELECT COALESCE(MAX(seq), 0) AS n FROM reports"))
        return int(rows[0]["n"]) + 1

    def _insert_report(self, record: dict) -> None:
        stored = {k: v for k, v in record.items() if k != "evidence"}
        self._execute("INSERT INTO reports (report_id, article_id, event_id, seq, record) VALUES (?, ?, NULL, ?, ?)",
                      (record["event_id"], record["article_id"], self._next_seq(),
                       json.dumps(stored, ensure_ascii=False, sort_keys=True, default=str)))
        for item in record.get("evidence") or []:
            try:
                start, end = int(item.get("start")), int(item.get("end"))
            except (TypeError, ValueError):
                continue
            self._execute("INSERT INTO evidence (report_id, field, span_start, span_end, text) VALUES (?, ?, ?, ?, ?)",
                          (record["event_id"], str(item.get("field") or ""), start, end, str(item.get("text") or "")))

    def _remove_reports(self, article_id: str) -> set[str]:
        rows = self._rows(self._execute("SELECT report_id, event_id FROM reports WHERE article_id = ?", (article_id,)))
        affected = {r["event_id"] for r in rows if r["event_id"]}
        for r in rows:
            self._execute("DELETE FROM merges WHERE report_id = ?", (r["report_id"],))
            self._execute("DELETE FROM evidence WHERE report_id = ?", (r["report_id"],))
        self._execute("DELETE FROM reports WHERE article_id = ?", (article_id,))
        return affected

    def _members(self, event_id: str) -> list[dict]:
        rows = self._rows(self._execute("SELECT record FROM reports WHERE event_id = ? ORDER BY seq", (event_id,)))
        return [json.loads(r["record"]) for r in rows]

    def _candidates(self, record: dict) -> list[tuple[str, list[dict]]]:
        try:
            day = dt.date.fromisoformat(str(record.get("event_date"))[:10])
        except ValueError:
            return []
        span = max(dedup.DATE_WINDOW_DAYS.values())
        # clamped to the calendar: an event on 0001-01-01 or 9999-12-31 must not overflow the window
        low = dt.date.fromordinal(max(1, day.toordinal() - span))
        high = dt.date.fromordinal(min(dt.date.max.toordinal(), day.toordinal() + span))
        rows = self._rows(self._execute(
            "SELECT event_id FROM events WHERE sub_event_type = ? AND event_date >= ? AND event_date <= ? "
            "ORDER BY event_id", (record.get("sub_event_type"), low.isoformat(), high.isoformat())))
        return [(r["event_id"], self._members(r["event_id"])) for r in rows]

    def _assign(self, record: dict) -> str:
        """Put a stored report into the event it belongs to (an existing one, or a new one)."""
        event_id, reason = dedup.match(record, self._candidates(record))
        if event_id is None:
            event_id = record["event_id"]
            members = [record]
        else:
            members = self._members(event_id) + [record]
        self._write_event(event_id, members)
        self._execute("UPDATE reports SET event_id = ? WHERE report_id = ?", (event_id, record["event_id"]))
        self._execute("INSERT INTO merges (event_id, report_id, reason) VALUES (?, ?, ?)",
                      (event_id, record["event_id"], reason))
        return event_id

    def _write_event(self, event_id: str, members: list[dict]) -> None:
        event = dedup.combine(members)
        event["event_id"] = event_id
        event["interaction"] = interaction_code(event.get("inter1"), event.get("inter2"))
        try:
            day = dt.date.fromisoformat(str(event.get("event_date"))[:10])
            event["year"] = day.year
            iso = day.isocalendar()
            event["week"] = f"{iso[0]}-W{iso[1]:02d}"
        except ValueError:
            event["year"], event["week"] = None, None
        event["updated_at"] = int(time.time())
        for flag in ("civilian_targeting", "background"):
            event[flag] = 1 if event.get(flag) else 0
        values = [event.get(c) for c in EVENT_COLUMNS]
        cursor = self._execute("UPDATE events SET " + ", ".join(f"{c} = ?" for c in EVENT_COLUMNS[1:])
                               + " WHERE event_id = ?", (*values[1:], event_id))
        if not cursor.rowcount:
            self._execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                          f"({', '.join('?' for _ in EVENT_COLUMNS)})", values)

    def _recluster(self, event_ids: set[str]) -> None:
        """Rebuild events that lost reports: their remaining reports are assigned again, in ingest order."""
        remaining: list[tuple[int, dict]] = []
        for event_id in sorted(event_ids):
            rows = self._rows(self._execute("SELECT seq, record FROM reports WHERE event_id = ?", (event_id,)))
            remaining.extend((int(r["seq"]), json.loads(r["record"])) for r in rows)
            self._execute("DELETE FROM merges WHERE event_id = ?", (event_id,))
            self._execute("UPDATE reports SET event_id = NULL WHERE event_id = ?", (event_id,))
            self._execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        for _, record in sorted(remaining, key=lambda x: x[0]):
            self._assign(record)

    # -- reading -----------------------------------------------------------------------------------------
    def events(self, filters: Filters | None = None, *, sort: str = "-event_date", limit: int = 100,
               offset: int = 0) -> tuple[list[dict], int]:
        """A page of events and the total that match. ``sort``: a column of :data:`SORTABLE`, ``-`` for
        descending."""
        where, params = (filters or Filters()).where()
        column = sort.lstrip("-")
        if column not in SORTABLE:
            raise StoreError(f"cannot sort by {column!r}; one of: {', '.join(sorted(SORTABLE))}")
        direction = "DESC" if sort.startswith("-") else "ASC"
        limit = max(0, min(int(limit), MAX_PAGE))
        offset = max(0, int(offset))
        with self.snapshot():
            self._read_limit()
            try:
                total = self.scalar(f"SELECT COUNT(*) AS n FROM events e{where}", params)
                rows = self.query(f"SELECT * FROM events e{where} ORDER BY e.{column} {direction}, e.event_id "
                                  f"LIMIT ? OFFSET ?", (*params, limit, offset))
            finally:
                self._read_limit(None)
        return [_event_out(r) for r in rows], int(total or 0)

    def iter_events(self, filters: Filters | None = None, *, evidence: bool = False,
                    batch: int = 500) -> Iterator[dict]:
        """Every matching event, oldest first (for exports); with ``evidence``, each event carries the
        evidence of all its reports and the list of its reports."""
        offset = 0
        while True:
            rows, _ = self.events(filters, sort="event_date", limit=batch, offset=offset)
            for row in rows:
                if evidence:
                    detail = self.event(row["event_id"]) or {}
                    row["evidence"] = [dict(item, article_id=rep["article_id"])
                                       for rep in detail.get("reports", []) for item in rep["evidence"]]
                    row["reports"] = [rep["report_id"] for rep in detail.get("reports", [])]
                yield row
            if len(rows) < batch:
                return
            offset += batch

    def resolve_event_id(self, ident: str) -> str | None:
        """An event id, or the id of one of its reports (what ``rasd extract`` printed) -> the event id."""
        if "\x00" in ident:
            return None
        if self.query("SELECT 1 AS x FROM events WHERE event_id = ?", (ident,)):
            return ident
        rows = self.query("SELECT event_id FROM reports WHERE report_id = ?", (ident,))
        return rows[0]["event_id"] if rows else None

    def event(self, event_id: str) -> dict | None:
        """One event with its reports: each report's record, article (with its text), evidence and why it
        joined the event."""
        if "\x00" in event_id:
            return None
        with self.snapshot():
            rows = self.query("SELECT * FROM events WHERE event_id = ?", (event_id,))
            if not rows:
                return None
            event = _event_out(rows[0])
            reports = self.query(
                "SELECT r.report_id, r.article_id, r.record, m.reason, a.url, a.source, a.title, a.published, a.text "
                "FROM reports r JOIN articles a ON a.article_id = r.article_id "
                "LEFT JOIN merges m ON m.report_id = r.report_id AND m.event_id = r.event_id "
                "WHERE r.event_id = ? ORDER BY r.seq", (event_id,))
            out = []
            for rep in reports:
                ev = self.query("SELECT field, span_start, span_end, text FROM evidence WHERE report_id = ? "
                                "ORDER BY span_start, span_end, field", (rep["report_id"],))
                out.append({
                    "report_id": rep["report_id"], "article_id": rep["article_id"], "reason": rep["reason"],
                    "record": json.loads(rep["record"]),
                    "article": {"url": rep["url"], "source": rep["source"], "title": rep["title"],
                                "published": rep["published"], "text": rep["text"]},
                    "evidence": [{"field": e["field"], "start": e["span_start"], "end": e["span_end"],
                                  "text": e["text"]} for e in ev],
                })
        event["reports"] = out
        event["sources"] = sorted({r["article"]["source"] for r in out if r["article"]["source"]})
        return event

    def stats(self, filters: Filters | None = None) -> dict:
        where, params = (filters or Filters()).where()
        with self.snapshot():
            def group(column: str) -> list[dict]:
                return self.query(f"SELECT e.{column} AS key, COUNT(*) AS events, COALESCE(SUM(e.fatalities), 0) "
                                  f"AS fatalities FROM events e{where} GROUP BY e.{column} ORDER BY e.{column}",
                                  params)
            totals = self.query(f"SELECT COUNT(*) AS events, COALESCE(SUM(e.fatalities), 0) AS fatalities, "
                                f"COALESCE(SUM(e.n_reports), 0) AS reports FROM events e{where}", params)[0]
            result = {
                "events": int(totals["events"]), "fatalities": int(totals["fatalities"]),
                "reports": int(totals["reports"]),
                "articles": int(self.scalar("SELECT COUNT(*) AS n FROM articles") or 0),
                "sources": int(self.scalar("SELECT COUNT(*) AS n FROM sources WHERE articles > 0") or 0),
                "by_event_type": group("event_type"),
                "by_sub_event_type": group("sub_event_type"),
                "by_admin1": group("admin1"),
                "by_week": group("week"),
            }
        for key in ("by_event_type", "by_sub_event_type", "by_admin1", "by_week"):
            for row in result[key]:
                row["events"], row["fatalities"] = int(row["events"]), int(row["fatalities"])
        return result

    def counts(self) -> dict[str, int]:
        with self.snapshot():
            return {table: int(self.scalar(f"SELECT COUNT(*) AS n FROM {table}") or 0)
                    for table in ("articles", "sources", "reports", "evidence", "events", "merges")}

    def article(self, article_id: str) -> dict | None:
        article_id = storable(str(article_id))
        rows = self.query("SELECT article_id, url, source, title, published, text, skipped, ingested_at "
                          "FROM articles WHERE article_id = ?", (article_id,))
        return rows[0] if rows else None


def _event_out(row: dict) -> dict:
    event = dict(row)
    for flag in ("civilian_targeting", "background"):
        event[flag] = bool(event.get(flag))
    for key in ("latitude", "longitude", "confidence"):
        if event.get(key) is not None:
            event[key] = float(event[key])
    return event


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
