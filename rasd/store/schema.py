"""The store's tables, written once for both backends, and the migrations that build them.

The SQL is portable: ``{REAL}`` and ``{BIGINT}`` are filled per backend (SQLite ``REAL``/``INTEGER``,
PostgreSQL ``DOUBLE PRECISION``/``BIGINT``); booleans are stored as 0/1 integers; JSON as text.

Tables:

* ``articles``   one row per article (the cleaned text is kept: the dashboard quotes evidence from it);
* ``sources``    every outlet seen, with the number of its articles;
* ``reports``    one row per event record extracted from one article (the record exactly as extracted);
* ``evidence``   the evidence spans of each report (character offsets into ``articles.text``);
* ``events``     the deduplicated events: one or more reports of one incident (see :mod:`rasd.dedup`);
* ``merges``     why each report belongs to its event (the reasons ``rasd explain`` prints);
* ``meta``       the schema version;
Created on first use by ``rasd watch`` and alerts (:data:`STATE_TABLES`, version :data:`STATE_VERSION` in
``meta``), so a store that only ever ingests stays as small as before:

* ``watch_pages`` each feed or page of links ``rasd watch`` polls: its ETag/Last-Modified, when it
  was last read and how;
* ``watch_items`` each article URL ``rasd watch`` has met: done (stored, skipped with a reason, given
  up) or still to retry, and how many tries it took, so a restart neither loses nor repeats one;
* ``alert_rules`` each alert rule's watermark: the last report it has looked at;
* ``alerts``      each event alerted by each rule (pending until delivered), and ``alerted_reports``
  the reports it held then, so an event is alerted once even when later reports merge into it.

Migrations are append-only: a new version adds a new entry to :data:`MIGRATIONS`; never edit an old one.
"""
from __future__ import annotations

SCHEMA_VERSION = 1

_V1 = [
    """CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS sources (
        name TEXT PRIMARY KEY,
        articles INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS articles (
        article_id TEXT PRIMARY KEY,
        url TEXT,
        source TEXT,
        title TEXT,
        published TEXT,
        text TEXT NOT NULL,
        input_hash TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        skipped TEXT,
        ingested_at TEXT NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS articles_url ON articles (url)""",
    """CREATE INDEX IF NOT EXISTS articles_input_hash ON articles (input_hash)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id TEXT PRIMARY KEY,
        event_date TEXT,
        year INTEGER,
        week TEXT,
        time_precision INTEGER,
        disorder_type TEXT,
        event_type TEXT,
        sub_event_type TEXT,
        actor1 TEXT, assoc_actor_1 TEXT, inter1 TEXT,
        actor2 TEXT, assoc_actor_2 TEXT, inter2 TEXT,
        interaction INTEGER,
        civilian_targeting INTEGER NOT NULL DEFAULT 0,
        background INTEGER NOT NULL DEFAULT 0,
        iso INTEGER, country TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
        location TEXT, location_ar TEXT,
        latitude {REAL}, longitude {REAL},
        geo_precision INTEGER, geonameid {BIGINT},
        fatalities INTEGER NOT NULL DEFAULT 0,
        source TEXT,
        notes TEXT,
        confidence {REAL},
        n_reports INTEGER NOT NULL DEFAULT 1,
        updated_at {BIGINT} NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS events_date ON events (event_date)""",
    """CREATE INDEX IF NOT EXISTS events_dedup ON events (sub_event_type, event_date)""",
    """CREATE TABLE IF NOT EXISTS reports (
        report_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
        event_id TEXT REFERENCES events (event_id),
        seq {BIGINT} NOT NULL,
        record TEXT NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS reports_article ON reports (article_id)""",
    """CREATE INDEX IF NOT EXISTS reports_event ON reports (event_id)""",
    """CREATE TABLE IF NOT EXISTS evidence (
        report_id TEXT NOT NULL REFERENCES reports (report_id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS evidence_report ON evidence (report_id)""",
    """CREATE TABLE IF NOT EXISTS merges (
        event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
        report_id TEXT NOT NULL REFERENCES reports (report_id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        PRIMARY KEY (event_id, report_id))""",
]

# The state of `rasd watch` and of alerts, created by rasd.store.state.ensure_tables on first use (new tables
# only: the rows of the store are not touched). Keyed by text, WITHOUT ROWID in SQLite: the key is the
# table, no separate index.
STATE_VERSION = 1
STATE_TABLES = [
    """CREATE TABLE IF NOT EXISTS watch_pages (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        status TEXT,
        failures INTEGER NOT NULL DEFAULT 0){WITHOUT_ROWID}""",
    """CREATE TABLE IF NOT EXISTS watch_items (
        url TEXT PRIMARY KEY,
        page TEXT,
        article_id TEXT,
        outcome TEXT,
        done INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL,
        updated_at TEXT NOT NULL){WITHOUT_ROWID}""",
    """CREATE TABLE IF NOT EXISTS alert_rules (
        rule TEXT PRIMARY KEY,
        checked_seq {BIGINT} NOT NULL,
        created_at TEXT NOT NULL){WITHOUT_ROWID}""",
    """CREATE TABLE IF NOT EXISTS alerts (
        alert_id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        event_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        delivered_at TEXT){WITHOUT_ROWID}""",
    """CREATE TABLE IF NOT EXISTS alerted_reports (
        rule TEXT NOT NULL,
        report_id TEXT NOT NULL,
        alert_id TEXT NOT NULL,
        PRIMARY KEY (rule, report_id)){WITHOUT_ROWID}""",
]

# version -> statements that bring the previous version to this one
MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, _V1),
]

TYPES = {
    "sqlite": {"REAL": "REAL", "BIGINT": "INTEGER", "WITHOUT_ROWID": " WITHOUT ROWID"},
    "postgres": {"REAL": "DOUBLE PRECISION", "BIGINT": "BIGINT", "WITHOUT_ROWID": ""},
}


def state_statements(dialect: str) -> list[str]:
    return [s.format(**TYPES[dialect]) for s in STATE_TABLES]


def statements(version: int, dialect: str) -> list[str]:
    for number, stmts in MIGRATIONS:
        if number == version:
            return [s.format(**TYPES[dialect]) for s in stmts]
    raise KeyError(version)

# Columns of the events table that come straight from an event record.
EVENT_COLUMNS = [
    "event_id", "event_date", "year", "week", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "background", "iso", "country", "admin1", "admin2", "admin3", "location", "location_ar",
    "latitude", "longitude", "geo_precision", "geonameid", "fatalities", "source", "notes", "confidence",
    "n_reports", "updated_at",
]
