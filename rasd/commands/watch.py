"""``rasd watch``: poll outlets (feeds or pages of links) and ingest their new articles, round after round."""
from __future__ import annotations

import argparse
import sys
from urllib.parse import urlparse

from ..errors import ConfigError
from ..store import add_db_argument, open_store


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "watch", help="poll feeds and pages of links, ingest new articles, send alerts",
        description="Poll RSS/Atom feeds or pages of links, fetch each new article (politely: robots.txt, a "
                    "per-host rate limit, conditional GET, retries with backoff), run the pipeline and store it. "
                    "What was seen is kept in the store: a restart neither loses nor repeats an article. "
                    "docs/desk.md describes the outlets file and the alert rule file.")
    p.add_argument("outlets", nargs="?", metavar="OUTLETS_FILE",
                   help="TOML or YAML file of outlets (url, name, kind, language, interval)")
    p.add_argument("--feed", action="append", default=[], metavar="URL",
                   help="a feed or page of links to watch (repeatable), with or without an outlets file")
    add_db_argument(p)
    p.add_argument("--once", action="store_true", help="one round, then exit (for cron)")
    p.add_argument("--interval", default=None, metavar="SECONDS",
                   help="polling interval of --feed URLs and of outlets that give none (e.g. 900, '15m'); "
                        "default 15m")
    p.add_argument("--alerts", metavar="RULES_FILE", help="TOML or YAML file of alert rules")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds for each HTTP request (default 20)")
    p.add_argument("--retries", type=int, default=2, help="retries of a failed request (default 2)")
    p.add_argument("--backoff", type=float, default=1.0,
                   help="seconds before the first retry, doubled at each (default 1)")
    p.add_argument("--host-delay", type=float, default=1.0,
                   help="minimum seconds between two requests to one host (default 1)")
    p.add_argument("--ignore-robots", action="store_true",
                   help="do not read robots.txt (only for your own servers)")
    p.add_argument("--quiet", action="store_true", help="print only one line per round")
    p.set_defaults(func=run)


def _check(value: float, name: str, low: float, high: float) -> float:
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low:g} and {high:g}, not {value:g}")
    return value


def run(args: argparse.Namespace) -> int:
    from ..alerts import Alerter, load_rules
    from ..watch import DEFAULT_INTERVAL_S, Fetcher, Outlet, Watcher, load_outlets, parse_interval

    interval = parse_interval(args.interval, "--interval") if args.interval is not None else None
    outlets = load_outlets(args.outlets) if args.outlets else []
    if interval is not None:
        for outlet in outlets:
            outlet.interval = interval
    known = {o.url for o in outlets}
    for url in args.feed:
        parts = urlparse(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"--feed must be an http(s) URL, not {url!r}")
        if url not in known:
            outlets.append(Outlet(url=url, interval=interval or DEFAULT_INTERVAL_S))
            known.add(url)
    if not outlets:
        raise ConfigError("nothing to watch: give an outlets file and/or --feed URL")
    alerter = Alerter(load_rules(args.alerts)) if args.alerts else None
    _check(args.timeout, "--timeout", 0.1, 600)
    _check(args.retries, "--retries", 0, 10)
    _check(args.backoff, "--backoff", 0, 600)
    _check(args.host_delay, "--host-delay", 0, 3600)

    def log(message: str) -> None:
        if not args.quiet:
            print(f"rasd watch: {message}", file=sys.stderr, flush=True)

    for outlet in outlets:
        if outlet.language.lower() not in ("ar", "ara", "arabic"):
            log(f"{outlet.url} is in {outlet.language!r}: rasd reads Arabic, its articles will be skipped")
    with open_store(args.db) as store, \
            Fetcher(timeout=args.timeout, retries=args.retries, backoff=args.backoff,
                    per_host_interval=args.host_delay, respect_robots=not args.ignore_robots, log=log) as fetcher:
        watcher = Watcher(store, outlets, fetcher, alerts=alerter, log=log)

        def progress(report) -> None:
            counts = store.counts()
            print(f"rasd watch: {report.line()}; store {store.label}: {counts['articles']} articles, "
                  f"{counts['events']} events", file=sys.stderr, flush=True)

        reports = watcher.run(once=args.once, on_round=progress)
    last = reports[-1] if reports else None
    if args.once and last is not None and last.polled and last.failed_pages == last.polled:
        print("rasd watch: no outlet could be read", file=sys.stderr)
        return 3
    return 0
