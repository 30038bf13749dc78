"""Alerts: tell the analyst about each new event that matches a rule, once.

A rule file (TOML or YAML, ``docs/desk.md``) lists rules; each names what it matches (event types,
sub-event types, countries, admin1 regions, actors, a minimum of fatalities, background events or not)
and where the alert goes (a webhook URL that receives a JSON POST, and/or a JSONL file that gets one
line per alert). ``webhook`` and ``jsonl`` at the top of the file apply to every rule that names none.

Once per event and rule, across restarts and merges, with the state in the store (tables created on
first use, :mod:`rasd.store.state`):

* each rule keeps a watermark, the last report (by its store sequence number) it has looked at; a
  new rule starts at the store's latest report, so adding a rule to a full store alerts only on what
  comes after;
* each round, the events that received a report after the watermark are read again (a merged report
  can make an event match: its toll grows, a second outlet names the actor) and those that match and
  were never alerted become alerts; the event id and every report it held are recorded with the
  alert, so the same incident is never alerted again, even when a later report merges into it or the
  store rebuilds the event under another id;
* an alert is recorded as *pending* (with its payload) in the same transaction that moves the
  watermark, then delivered, then marked *sent*; a pending alert (the webhook was down, the process
  was killed) is delivered again at the next round with the same ``alert_id``, which a receiver can use
  to drop the one duplicate a kill between delivering and marking can cause.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlparse

from .errors import ConfigError
from .store.base import Store, storable
from .store.state import ensure_tables

RULE_KEYS = {"name", "event_types", "sub_event_types", "countries", "admin1", "actors", "min_fatalities",
             "include_background", "webhook", "jsonl"}
ALERT_FIELDS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
                "assoc_actor_2", "country", "admin1", "admin2", "location", "latitude", "longitude",
                "fatalities", "background", "n_reports", "notes", "notes_en", "source")
MAX_DELIVERY_ATTEMPTS = 20


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _words(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {key} must be a list of names")
    return tuple(v.strip() for v in value)


@dataclass
class Rule:
    name: str
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    min_fatalities: int = 0
    include_background: bool = False
    webhook: str | None = None
    jsonl: str | None = None

    def matches(self, event: dict) -> bool:
        """Every criterion given must hold: one of the listed values for each list (names compared
        without case), an actor as a part of any actor field, at least ``min_fatalities`` deaths."""
        def among(value: Any, allowed: tuple[str, ...]) -> bool:
            return not allowed or str(value or "").casefold() in {a.casefold() for a in allowed}
        if not self.include_background and event.get("background"):
            return False
        if not (among(event.get("event_type"), self.event_types)
                and among(event.get("sub_event_type"), self.sub_event_types)
                and among(event.get("country"), self.countries) and among(event.get("admin1"), self.admin1)):
            return False
        if self.actors:
            sides = " | ".join(str(event.get(k) or "") for k in ("actor1", "assoc_actor_1", "actor2",
                                                                  "assoc_actor_2")).casefold()
            if not any(actor.casefold() in sides for actor in self.actors):
                return False
        return int(event.get("fatalities") or 0) >= self.min_fatalities


def load_rules(path: str | Path) -> list[Rule]:
    """The rules of a TOML (``[[rule]]`` tables) or YAML (``rules:`` list) file; ConfigError with the
    reason for anything wrong in it."""
    from .watch import read_config_file
    config = read_config_file(path, "alert rule file")
    unknown = set(config) - {"rule", "rules", "webhook", "jsonl"}
    if unknown:
        raise ConfigError(f"{path}: unknown keys {', '.join(sorted(unknown))} (rules go under 'rule' or 'rules')")
    items = config.get("rule", config.get("rules"))
    if not isinstance(items, list) or not items:
        raise ConfigError(f"{path}: no rules (give [[rule]] tables in TOML, a list 'rules:' in YAML)")
    rules: list[Rule] = []
    for number, item in enumerate(items, 1):
        where = f"{path}: rule {number}"
        if not isinstance(item, dict):
            raise ConfigError(f"{where} must be a table")
        unknown = set(item) - RULE_KEYS
        if unknown:
            raise ConfigError(f"{where}: unknown keys {', '.join(sorted(unknown))}; a rule takes "
                              f"{', '.join(sorted(RULE_KEYS))}")
        name = str(item.get("name") or "").strip()
        if not name:
            raise ConfigError(f"{where}: a rule needs a name (its alerts are remembered under it)")
        if name in {r.name for r in rules}:
            raise ConfigError(f"{where}: the name {name!r} is used twice")
        minimum = item.get("min_fatalities", 0)
        if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 0:
            raise ConfigError(f"{where}: min_fatalities must be a whole number >= 0, not {minimum!r}")
        background = item.get("include_background", False)
        if not isinstance(background, bool):
            raise ConfigError(f"{where}: include_background must be true or false")
        webhook = item.get("webhook", config.get("webhook"))
        jsonl = item.get("jsonl", config.get("jsonl"))
        if webhook is not None and (not isinstance(webhook, str)
                                    or urlparse(webhook).scheme not in ("http", "https")):
            raise ConfigError(f"{where}: webhook must be an http(s) URL, not {webhook!r}")
        if jsonl is not None and (not isinstance(jsonl, str) or not jsonl.strip()):
            raise ConfigError(f"{where}: jsonl must be a file path")
        if not webhook and not jsonl:
            raise ConfigError(f"{where}: give a webhook URL and/or a jsonl file for its alerts")
        if jsonl and not os.path.isabs(jsonl):
            jsonl = str(Path(path).resolve().parent / jsonl)  # relative to the rule file, not to the shell
        rules.append(Rule(name=name, event_types=_words(item.get("event_types"), where, "event_types"),
                          sub_event_types=_words(item.get("sub_event_types"), where, "sub_event_types"),
                          countries=_words(item.get("countries"), where, "countries"),
                          admin1=_words(item.get("admin1"), where, "admin1"),
                          actors=_words(item.get("actors"), where, "actors"),
                          min_fatalities=minimum, include_background=background, webhook=webhook, jsonl=jsonl))
    return rules


@dataclass
class Alerter:
    """Checks rules against the store and delivers their alerts (see the module docstring)."""

    rules: list[Rule]
    timeout: float = 10.0
    post: Callable[[str, dict], None] | None = None
    delivered: list[dict] = field(default_factory=list)

    def begin(self, store: Store) -> None:
        """Give each rule met for the first time its starting point, the store's latest report, before
        anything is ingested: what the coming ingest brings is new to it, what is stored already is not."""
        ensure_tables(store)
        for rule in self.rules:
            with store.transaction():
                if not store._rows(store._execute("SELECT 1 AS x FROM alert_rules WHERE rule = ?", (rule.name,))):
                    latest = store._rows(store._execute("SELECT COALESCE(MAX(seq), 0) AS n FROM reports"))[0]["n"]
                    store._execute("INSERT INTO alert_rules (rule, checked_seq, created_at) VALUES (?, ?, ?)",
                                   (rule.name, int(latest), _now()))

    def check(self, store: Store, *, log: Callable[[str], None] | None = None) -> int:
        """New alerts for the events changed since the last check, then every pending alert
        delivered. Returns the number of alerts delivered now."""
        log = log or (lambda message: None)
        ensure_tables(store)
        for rule in self.rules:
            self._find_new(store, rule)
        return self._deliver_pending(store, log)

    # -- finding -------------------------------------------------------------------------------------------
    def _find_new(self, store: Store, rule: Rule) -> None:
        with store.transaction():
            rows = store._rows(store._execute("SELECT checked_seq FROM alert_rules WHERE rule = ?", (rule.name,)))
            latest = int(store._rows(store._execute("SELECT COALESCE(MAX(seq), 0) AS n FROM reports"))[0]["n"])
            if not rows:  # a new rule: only what comes after it
                store._execute("INSERT INTO alert_rules (rule, checked_seq, created_at) VALUES (?, ?, ?)",
                               (rule.name, latest, _now()))
                return
            since = int(rows[0]["checked_seq"])
            if latest <= since:
                if latest < since:  # reports were removed (an article replaced): keep up with the store
                    store._execute("UPDATE alert_rules SET checked_seq = ? WHERE rule = ?", (latest, rule.name))
                return
            changed = [r["event_id"] for r in store._rows(store._execute(
                "SELECT DISTINCT event_id FROM reports WHERE seq > ? AND seq <= ? AND event_id IS NOT NULL "
                "ORDER BY event_id", (since, latest)))]
            for event_id in changed:
                events = store._rows(store._execute("SELECT * FROM events WHERE event_id = ?", (event_id,)))
                if not events or not rule.matches(events[0]):
                    continue
                alert_id = "alert-" + hashlib.sha1(f"{rule.name}|{event_id}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
                if store._rows(store._execute("SELECT 1 AS x FROM alerts WHERE alert_id = ?", (alert_id,))):
                    continue
                reports = [r["report_id"] for r in store._rows(store._execute(
                    "SELECT report_id FROM reports WHERE event_id = ? ORDER BY seq", (event_id,)))]
                if store._rows(store._execute(
                        "SELECT 1 AS x FROM alerted_reports ar JOIN reports r ON r.report_id = ar.report_id "
                        "WHERE ar.rule = ? AND r.event_id = ? LIMIT 1", (rule.name, event_id))):
                    # the same incident, alerted before under another event id (the store rebuilt it)
                    self._remember_reports(store, rule.name, reports, None)
                    continue
                payload = self._payload(store, rule, alert_id, events[0])
                store._execute("INSERT INTO alerts (alert_id, rule, event_id, payload, status, attempts, created_at) "
                               "VALUES (?, ?, ?, ?, 'pending', 0, ?)",
                               (alert_id, rule.name, event_id, json.dumps(payload, ensure_ascii=False, default=str),
                                _now()))
                self._remember_reports(store, rule.name, reports, alert_id)
            store._execute("UPDATE alert_rules SET checked_seq = ? WHERE rule = ?", (latest, rule.name))

    @staticmethod
    def _remember_reports(store: Store, rule: str, reports: list[str], alert_id: str | None) -> None:
        for report_id in reports:
            existing = store._rows(store._execute("SELECT alert_id FROM alerted_reports WHERE rule = ? AND "
                                                  "report_id = ?", (rule, report_id)))
            if not existing:
                store._execute("INSERT INTO alerted_reports (rule, report_id, alert_id) VALUES (?, ?, ?)",
                               (rule, report_id, alert_id or "earlier"))

    @staticmethod
    def _payload(store: Store, rule: Rule, alert_id: str, event: dict) -> dict:
        sources = sorted({r["source"] for r in store._rows(store._execute(
            "SELECT DISTINCT a.source FROM reports r JOIN articles a ON a.article_id = r.article_id "
            "WHERE r.event_id = ? AND a.source IS NOT NULL AND a.source <> ''", (event["event_id"],)))})
        urls = [r["url"] for r in store._rows(store._execute(
            "SELECT DISTINCT a.url FROM reports r JOIN articles a ON a.article_id = r.article_id "
            "WHERE r.event_id = ? AND a.url IS NOT NULL ORDER BY a.url", (event["event_id"],)))]
        body = {k: event.get(k) for k in ALERT_FIELDS if k in event}
        body["background"] = bool(body.get("background"))
        return storable({"alert_id": alert_id, "rule": rule.name, "event": body, "sources": sources, "urls": urls})

    # -- delivering ----------------------------------------------------------------------------------------
    def _deliver_pending(self, store: Store, log: Callable[[str], None]) -> int:
        by_name = {rule.name: rule for rule in self.rules}
        rows = store.query("SELECT alert_id, rule, payload, status, attempts FROM alerts "
                           "WHERE status IN ('pending', 'written') ORDER BY created_at, alert_id")
        sent = 0
        for row in rows:
            rule = by_name.get(row["rule"])
            if rule is None:
                continue  # its rule was removed from the file: kept pending until it comes back
            payload = json.loads(row["payload"])
            try:
                if rule.jsonl and row["status"] == "pending":
                    self._append(rule.jsonl, payload)
                    if rule.webhook:  # the line is written: a failed POST must not write it again
                        with store.transaction():
                            store._execute("UPDATE alerts SET status = 'written' WHERE alert_id = ?",
                                           (row["alert_id"],))
                if rule.webhook:
                    (self.post or self._post)(rule.webhook, payload)
            except (OSError, ValueError, RuntimeError) as error:
                attempts = int(row["attempts"]) + 1
                with store.transaction():
                    if attempts >= MAX_DELIVERY_ATTEMPTS:
                        store._execute("UPDATE alerts SET attempts = ?, status = 'failed' WHERE alert_id = ?",
                                       (attempts, row["alert_id"]))
                    else:
                        store._execute("UPDATE alerts SET attempts = ? WHERE alert_id = ?", (attempts, row["alert_id"]))
                log(f"alert {row['alert_id']} ({rule.name}) not delivered"
                    f"{', given up' if attempts >= MAX_DELIVERY_ATTEMPTS else ', will retry'}: {error}")
                continue
            with store.transaction():
                store._execute("UPDATE alerts SET status = 'sent', attempts = attempts + 1, delivered_at = ? "
                               "WHERE alert_id = ?", (_now(), row["alert_id"]))
            sent += 1
            self.delivered.append(payload)
            event = payload.get("event", {})
            log(f"alert ({rule.name}): {event.get('event_date')} {event.get('sub_event_type')} in "
                f"{event.get('location') or event.get('admin1') or '?'}, {event.get('fatalities')} killed")
        return sent

    @staticmethod
    def _append(path: str, payload: dict) -> None:
        line = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str) + "\n"
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())

    def _post(self, url: str, payload: dict) -> None:
        import httpx

        from .watch import USER_AGENT
        try:
            response = httpx.post(url, json=payload, timeout=self.timeout,
                                  headers={"User-Agent": USER_AGENT, "Idempotency-Key": payload["alert_id"]})
        except httpx.HTTPError as error:
            raise RuntimeError(f"webhook {url}: {type(error).__name__}: {error}") from None
        if response.status_code >= 300:
            raise RuntimeError(f"webhook {url}: HTTP {response.status_code}")


def alert_counts(store: Store) -> dict[str, int]:
    ensure_tables(store)
    rows = store.query("SELECT status, COUNT(*) AS n FROM alerts GROUP BY status")
    return {r["status"]: int(r["n"]) for r in rows}
