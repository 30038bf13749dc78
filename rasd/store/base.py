"""The store interface and every query, written once for both backends (only parameterised SQL).

A backend supplies ``_execute``, ``_rows``, ``_begin``/``_commit``/``_rollback``; everything else is here.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any, Iterator

from .. import dedup
from ..errors import StoreError
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


def input_hash(record: dict) -> str:
    """A hash of an article record as it came in (before the pipeline): unchanged input is not re-processed."""
    basis = {k: record.get(k) for k in ("id", "url", "title", "text", "html", "published", "source")}
    return hashlib.sha1(json.dumps(basis, sort_keys=True, ensure_ascii=False, default=str)
                        .encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(article: dict, events: list[dict]) -> str:
    basis = [article.get(k) for k in ("url", "title", "text", "published", "source", "skipped")]
    return hashlib.sha1(json.dumps([basis, events], sort_keys=True, ensure_ascii=False, default=str)
                        .encode("utf-8", "surrogatepass")).hexdigest()


class Store:
    dialect = "?"
    placeholder = "?"

    def __init__(self, conn, url: str):
        self.conn = conn
        self.url = url
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

    # -- plumbing --------------------------------------------------------------------------------------
    def query(self, sql: str, params=()) -> list[dict]:
        with self._lock:
            return self._rows(self._execute(sql, params))

    def scalar(self, sql: str, params=()) -> Any:
        rows = self.query(sql, params)
        return next(iter(rows[0].values())) if rows else None

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        with self._lock:
            self._begin()
            try:
                self._lock_for_write()
                yield self
            except BaseException:
                self._rollback()
                raise
            else:
                self._commit()

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def migrate(self) -> None:
        """Create the tables or bring an older store up to :data:`SCHEMA_VERSION`."""
        try:
            with self.transaction():
                self._execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                rows = self._rows(self._execute("SELECT value FROM meta WHERE key = 'schema_version'"))
                current = int(rows[0]["value"]) if rows else 0
                if current > SCHEMA_VERSION:
                    raise StoreError(f"the store {self.url} has schema version {current}; this rasd knows "
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
            raise StoreError(f"cannot prepare the store {self.url}: {error}") from error

    # -- writing -----------------------------------------------------------------------------------------
    def has_input(self, digest: str) -> bool:
        return bool(self.query("SELECT 1 AS x FROM articles WHERE input_hash = ? LIMIT 1", (digest,)))

    def put_article(self, article: dict, events: list[dict], *, digest: str | None = None) -> str:
        """Store one article and its event records in one transaction. Returns ``"added"``,
        ``"unchanged"`` or ``"replaced"``. ``article``: ``id, url, source, title, published, text, skipped``."""
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
        span = dt.timedelta(days=max(dedup.DATE_WINDOW_DAYS.values()))
        rows = self._rows(self._execute(
            "SELECT event_id FROM events WHERE sub_event_type = ? AND event_date >= ? AND event_date <= ? "
            "ORDER BY event_id", (record.get("sub_event_type"), (day - span).isoformat(), (day + span).isoformat())))
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
        with self._lock:
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
        if self.query("SELECT 1 AS x FROM events WHERE event_id = ?", (ident,)):
            return ident
        rows = self.query("SELECT event_id FROM reports WHERE report_id = ?", (ident,))
        return rows[0]["event_id"] if rows else None

    def event(self, event_id: str) -> dict | None:
        """One event with its reports: each report's record, article (with its text), evidence and why it
        joined the event."""
        with self._lock:
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
        with self._lock:
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
        return {table: int(self.scalar(f"SELECT COUNT(*) AS n FROM {table}") or 0)
                for table in ("articles", "sources", "reports", "evidence", "events", "merges")}

    def article(self, article_id: str) -> dict | None:
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
