"""The HTTP service: a thin FastAPI app over :mod:`rasd.store` (every page of the dashboard is built from
these JSON endpoints, as in datasette).

Reads need no token. ``POST /articles`` runs the pipeline and stores the result; it needs
``Authorization: Bearer <token>`` where the token is ``$RASD_API_TOKEN`` (or ``create_app(token=...)``);
with no token configured, writes are refused. The token is checked before the body is read, for every
method but GET/HEAD/OPTIONS. Request bodies above :data:`MAX_BODY_BYTES` get 413, query strings above
:data:`MAX_QUERY_CHARS` get 414. Files are served only from the package's ``static`` folder. Every answer
carries a Content-Security-Policy (scripts and styles from this server only) and ``nosniff``. A store
that fails (locked, read-only, full, damaged) answers 503 with the reason. The JSON keys are documented
in ``docs/api.md``.
"""
from __future__ import annotations

import io
import json
import os
import secrets
from pathlib import Path
from typing import Any, Iterator, Literal

from ..errors import StoreError
from ..store import Filters, Store, open_store

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_QUERY_CHARS = 4096
MAX_ARTICLES_PER_POST = 50
MAX_ARTICLE_CHARS = 500_000
_UNSET: Any = object()

try:
    from pydantic import BaseModel, ConfigDict, Field
except ImportError:  # pragma: no cover - without the api extra, create_app says what to install
    BaseModel = object  # type: ignore[assignment,misc]

    def Field(*args, **kwargs):  # type: ignore[no-redef]  # noqa: N802
        return None

    def ConfigDict(**kwargs):  # type: ignore[no-redef]  # noqa: N802
        return kwargs


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt or misplaced field is an error, not ignored

    id: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)
    text: str | None = Field(None, max_length=MAX_ARTICLE_CHARS)
    html: str | None = Field(None, max_length=MAX_ARTICLE_CHARS)
    published: str | None = Field(None, max_length=40, description="YYYY-MM-DD")
    source: str | None = Field(None, max_length=200)

class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(..., max_length=MAX_ARTICLES_PER_POST)



READ_METHODS = ("GET", "HEAD", "OPTIONS")


def token_problem(token: str | None, authorization: str | None) -> tuple[int, str] | None:
    """``None`` when ``authorization`` carries the bearer ``token``, else ``(status, reason)``."""
    if not token:
        return 403, "writes are disabled: start the service with $RASD_API_TOKEN set"
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode("utf-8", "replace"),
                                                                token.encode("utf-8")):
        return 401, "a valid bearer token is required"
    return None


def security_headers(path: str, tiles: str | None = None) -> list[tuple[bytes, bytes]]:
    """Headers of every answer: no MIME sniffing, no framing, no referrer, and (but for the OpenAPI
    pages, which load FastAPI's own script) a policy that runs scripts and styles from this server only."""
    out = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer")]
    if path not in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        images = "'self' data:"
        origin = _origin(tiles)
        if origin:
            images += " " + origin
        policy = (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src {images}; "
                  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                  "frame-ancestors 'none'")
        out.append((b"content-security-policy", policy.encode("ascii", "ignore")))
    return out


def _origin(url: str | None) -> str:
    """``https://tile.example.org`` of a tile URL template; '' when it is not a plain http(s) URL."""
    from urllib.parse import urlsplit
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c in parts.netloc for c in " ;,'\""):
        return ""
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"


class LimitRequestSize:
    """ASGI middleware: refuse long query strings (414) and large bodies (413), counted as they arrive
    (a missing or false Content-Length does not get around it); refuse writes without the token (401/403)
    before reading their body; add :func:`security_headers` to every answer."""

    def __init__(self, app, max_body: int = MAX_BODY_BYTES, max_query: int = MAX_QUERY_CHARS,
                 token: str | None = None, tiles: str | None = None):
        self.app, self.max_body, self.max_query = app, max_body, max_query
        self.token, self.tiles = token, tiles

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = security_headers(scope.get("path") or "", self.tiles)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = list(message.get("headers") or []) + extra
            await send(message)
        return await self._guarded(scope, receive, send_with_headers)

    async def _guarded(self, scope, receive, send):
        if len(scope.get("query_string") or b"") > self.max_query:
            return await _plain(send, 414, f"query string longer than {self.max_query} characters")
        headers = dict(scope.get("headers") or [])
        if scope["method"] not in READ_METHODS:
            problem = token_problem(self.token, headers.get(b"authorization", b"").decode("latin-1"))
            if problem:
                return await _plain(send, *problem)
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            return await _plain(send, 413, f"request body larger than {self.max_body} bytes")
        if scope["method"] in ("POST", "PUT", "PATCH"):
            body, more = bytearray(), True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    return await _plain(send, 413, f"request body larger than {self.max_body} bytes")
            sent = False

            async def replay():
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": bytes(body), "more_body": False}
                return await receive()
            return await self.app(scope, replay, send)
        return await self.app(scope, receive, send)


async def _plain(send, status: int, detail: str) -> None:
    payload = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


def create_app(db_url: str | None = None, token: str | None = _UNSET, *, store: Store | None = None,
               tiles: str | None = None, tiles_attribution: str | None = None, process=None):
    """The FastAPI application for the store at ``db_url`` (or an open ``store``).

    ``token``: the bearer token that ``POST /articles`` requires; by default ``$RASD_API_TOKEN``; ``None``
    or empty: writes refused. ``tiles``: an optional ``{z}/{x}/{y}`` tile URL template for the map (the
    map works without one). ``process``: the article -> ArticleResult function (default: the pipeline)."""
    try:
        from fastapi import Depends, FastAPI, Header, HTTPException, Path as PathParam, Query, Request
        from fastapi.encoders import jsonable_encoder
        from fastapi.exceptions import RequestValidationError
        from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
        from fastapi.staticfiles import StaticFiles
    except ImportError as error:  # pragma: no cover - depends on the installation
        from ..errors import ConfigError
        raise ConfigError("the API needs FastAPI: pip install 'rasd[api]'") from error

    from .. import export as exporting
    from ..notes_en import with_note
    from ..store.ingest import ingest_records

    if token is _UNSET:
        token = os.environ.get("RASD_API_TOKEN") or None
    db = store or open_store(db_url)

    app = FastAPI(title="rasd", version=_version(),
                  description="Political-violence events extracted from Arabic news (ACLED taxonomy). "
                              "Reads are open; `POST /articles` needs the bearer token.")
    app.state.store = db

    def filters(date_from: str | None = Query(None, max_length=10, description="first day, YYYY-MM-DD"),
                date_to: str | None = Query(None, max_length=10, description="last day, YYYY-MM-DD"),
                country: str | None = Query(None, max_length=100),
                admin1: str | None = Query(None, max_length=100, description="governorate"),
                admin2: str | None = Query(None, max_length=100, description="district"),
                event_type: str | None = Query(None, max_length=100),
                sub_event_type: str | None = Query(None, max_length=100),
                actor: str | None = Query(None, max_length=200, description="substring of any actor"),
                source: str | None = Query(None, max_length=200, description="an outlet that reported it"),
                background: bool = Query(True, description="include events mentioned as past context"),
                ) -> Filters:
        return Filters(date_from=date_from, date_to=date_to, country=country, admin1=admin1, admin2=admin2,
                       event_type=event_type, sub_event_type=sub_event_type, actor=actor, source=source,
                       include_background=background)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError):
        # FastAPI's own answer echoes the input, which may not even be JSON (1e999 is infinity): a 500
        errors = [{key: item.get(key) for key in ("type", "loc", "msg") if key in item}
                  for item in error.errors()][:20]
        return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError):
        return JSONResponse({"detail": str(error)}, status_code=getattr(error, "http_status", 400))

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/config.json", summary="Dashboard settings (map tiles)")
    def config() -> dict:
        return {"tiles": tiles, "tiles_attribution": tiles_attribution or ""}

    @app.get("/health", summary="Liveness and store counts")
    def health() -> dict:
        return {"ok": True, "store": db.dialect, "counts": db.counts()}

    @app.get("/events", summary="Events, filtered, sorted and paginated")
    def list_events(f: Filters = Depends(filters),
                    sort: str = Query("-event_date", max_length=30, pattern=r"^-?[a-z_0-9]+$",
                                      description="a column, '-' first for descending"),
                    limit: int = Query(100, ge=0, le=1000), offset: int = Query(0, ge=0, le=10_000_000)) -> dict:
        rows, total = db.events(f, sort=sort, limit=limit, offset=offset)
        nxt = offset + len(rows)
        return {"total": total, "limit": limit, "offset": offset, "next_offset": nxt if nxt < total else None,
                "events": [with_note(row) for row in rows]}

    @app.get("/events/{event_id}", summary="One event with its reports, evidence, article text and sources")
    def get_event(event_id: str = PathParam(..., max_length=100)) -> dict:
        resolved = db.resolve_event_id(event_id)
        event = db.event(resolved) if resolved else None
        if event is None:
            raise HTTPException(404, f"no event {event_id}")
        event = with_note(event)
        for report in event.get("reports") or []:
            report["record"] = with_note(report.get("record") or {})
        return event

    @app.get("/stats", summary="Counts by event type, governorate and week; the week by type; the news window")
    def stats(f: Filters = Depends(filters)) -> dict:
        result = db.stats(f)
        result.update(view_summary(db, f))
        return result

    @app.get("/export", summary="The matching events as ACLED CSV, JSON lines, GeoJSON or Parquet")
    def export(f: Filters = Depends(filters),
               format: Literal["acled-csv", "jsonl", "geojson", "parquet"] = Query("acled-csv"),
               notes_en: bool = Query(False, description="ACLED CSV: add a notes_en column after ACLED's 31 "
                                                         "(the other formats always carry it)")):
        if format == "geojson":
            with db.snapshot():
                collection = exporting.geojson(db.iter_events(f))
            return JSONResponse(collection, media_type="application/geo+json")
        if format == "parquet":
            buffer = io.BytesIO()
            with db.snapshot():
                exporting.write_parquet(db.iter_events(f, evidence=True), buffer)
            return Response(buffer.getvalue(), media_type="application/vnd.apache.parquet",
                            headers={"Content-Disposition": 'attachment; filename="rasd-events.parquet"'})

        def lines() -> Iterator[str]:
            # a connection of its own holding one read snapshot for the whole stream: an ingest
            # committing meanwhile neither repeats nor drops an event between two pages
            source = _reader(db)
            try:
                if source is not db:
                    source._begin_read()
                if format == "jsonl":
                    for event in source.iter_events(f, evidence=True):
                        yield json.dumps(with_note(event), ensure_ascii=False, default=str) + "\n"
                else:
                    buffer = io.StringIO()
                    exporting.write_acled_csv([], buffer, english_notes=notes_en)
                    yield buffer.getvalue()
                    for row in source.iter_events(f):
                        buffer = io.StringIO()
                        exporting.write_acled_csv([row], buffer, english_notes=notes_en)
                        yield buffer.getvalue().split("\n", 1)[1]
            finally:
                if source is not db:
                    source._safe_rollback()
                    source.close()
        media = "text/csv; charset=utf-8" if format == "acled-csv" else "application/x-ndjson"
        name = "rasd-events.csv" if format == "acled-csv" else "rasd-events.jsonl"
        return StreamingResponse(lines(), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    def require_token(authorization: str | None = Header(None, max_length=500)) -> None:
        # checked again here (the middleware checks first) so that the route is safe on its own
        problem = token_problem(token, authorization)
        if problem:
            raise HTTPException(problem[0], problem[1],
                                headers={"WWW-Authenticate": "Bearer"} if problem[0] == 401 else None)

    @app.post("/articles", summary="Extract events from articles and store them (bearer token)",
              dependencies=[Depends(require_token)])
    def post_articles(body: ArticlesIn | ArticleIn) -> dict:
        articles = body.articles if isinstance(body, ArticlesIn) else [body]
        results: list[dict] = []

        def note(outcome: str, result: Any) -> None:
            if isinstance(result, dict):
                results.append({"id": result.get("id"), "outcome": outcome, "events": 0,
                                "skipped": result.get("_skip")})
            else:
                results.append({"id": result.id, "outcome": outcome, "events": len(result.events or []),
                                "skipped": result.skipped})
        records = [a.model_dump(exclude_none=True) for a in articles]
        summary = ingest_records(db, records, process=process, on_article=note)
        return {"added": summary.added, "replaced": summary.replaced, "unchanged": summary.unchanged,
                "skipped": summary.skipped, "results": results}

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    return _wrap(app, token=token, tiles=tiles)


def _wrap(app, token: str | None = None, tiles: str | None = None):
    """Add the size limit, the write guard and the security headers as the outermost middleware
    (FastAPI's own middleware stack sits inside)."""
    app.add_middleware(LimitRequestSize, token=token, tiles=tiles)
    return app


def view_summary(db: Store, f: Filters) -> dict:
    """What the dashboard needs beyond the store's counts, for the same filters:

    * ``by_week_type``: ``[{"week", "event_type", "events", "fatalities"}]`` (the weekly chart);
    * ``window``: ``{"first", "last", "articles"}``, the news window: the publication dates of the articles
      (of the ``source`` filtered on, if any), leaving out the earliest and latest 1 % so that one
      misdated page cannot stretch it; ``null`` dates when no article has one;
    * ``largest``: the event with the highest toll (``event_id``, ``fatalities``, ``location``,
      ``event_date``, ``background``), or ``null``: a total that one report dominates can be told apart.
    """
    where, params = f.where()
    with db.snapshot():
        weekly = db.query(f"SELECT e.week AS week, e.event_type AS event_type, COUNT(*) AS events, "
                          f"COALESCE(SUM(e.fatalities), 0) AS fatalities FROM events e{where} "
                          f"GROUP BY e.week, e.event_type ORDER BY e.week, e.event_type", params)
        dated = "published IS NOT NULL AND published >= '0001-01-01' AND published <= '9999-12-31'"
        # the outlet filtered on; nothing stored holds a NUL, and PostgreSQL refuses one: a plain no-match
        extra, extra_params = ("", []) if not f.source else (
            (" AND source = ?", [f.source]) if "\x00" not in f.source else (" AND 1 = 0", []))
        count = int(db.scalar(f"SELECT COUNT(*) AS n FROM articles WHERE {dated}{extra}", extra_params) or 0)
        window = {"first": None, "last": None, "articles": count}
        if count:
            trim = count // 100
            for key, order in (("first", "ASC"), ("last", "DESC")):
                rows = db.query(f"SELECT published FROM articles WHERE {dated}{extra} ORDER BY published {order} "
                                f"LIMIT 1 OFFSET ?", (*extra_params, trim))
                value = str(rows[0]["published"])[:10] if rows else None
                window[key] = value if value and _is_day(value) else None
        top, _ = db.events(f, sort="-fatalities", limit=1)
    largest = None
    if top and int(top[0].get("fatalities") or 0) > 0:
        largest = {key: top[0].get(key) for key in ("event_id", "fatalities", "location", "admin1", "event_date",
                                                    "background")}
    return {"by_week_type": [{"week": r["week"], "event_type": r["event_type"], "events": int(r["events"]),
                              "fatalities": int(r["fatalities"])} for r in weekly],
            "window": window, "largest": largest}


def _is_day(value: str) -> bool:
    import datetime as dt
    try:
        dt.date.fromisoformat(value)
        return len(value) == 10
    except ValueError:
        return False


def _reader(db: Store) -> Store:
    """Another connection to the same store (for a long read), or ``db`` itself where there can be
    none (an in-memory SQLite store)."""
    if not db.url or db.url == ":memory:":
        return db
    try:
        return open_store(db.url, create=False)
    except StoreError:
        return db


def _version() -> str:
    from .. import __version__
    return __version__
