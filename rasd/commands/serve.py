"""``rasd serve``: the REST API and the map dashboard."""
from __future__ import annotations

import argparse
import os
import sys

from ..errors import ConfigError
from ..store import add_db_argument, open_store


def add_server_arguments(p, port: int = 8000) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=port, help=f"port (default: {port})")
    p.add_argument("--tiles", default=os.environ.get("RASD_TILES"),
                   help="optional map tile URL template with {z}/{x}/{y} (default: $RASD_TILES; none: outlines only)")
    p.add_argument("--tiles-attribution", default=os.environ.get("RASD_TILES_ATTRIBUTION", ""))


def register(subparsers) -> None:
    p = subparsers.add_parser("serve", help="serve the REST API and the map dashboard",
                              description="Serve GET /events, /events/{id}, /stats, /export, POST /articles "
                                          "(bearer token from $RASD_API_TOKEN) and the dashboard at /.")
    add_db_argument(p)
    add_server_arguments(p)
    p.set_defaults(func=run)


def serve(store, args) -> int:
    try:
        import uvicorn
    except ImportError as error:
        raise ConfigError("serving needs uvicorn and FastAPI: pip install 'rasd[api]'") from error
    from ..api import create_app
    app = create_app(store=store, tiles=args.tiles, tiles_attribution=args.tiles_attribution)
    writes = "enabled (bearer token)" if os.environ.get("RASD_API_TOKEN") else "disabled (no $RASD_API_TOKEN)"
    print(f"rasd: serving {store.label} at http://{args.host}:{args.port}/ ; writes {writes}", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def run(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        return serve(store, args)
