"""``detente serve``: the JSON API and the dashboard over a store, on localhost unless told otherwise.

``DETENTE_TOKEN`` set: the store is opened for writing and ``POST /api/documents`` accepts batches from whoever
sends the token; unset: a read-only server. Exit status: 0 after a clean stop, 2 when the store cannot be
opened or the serve extra is not installed.
"""

from __future__ import annotations

import argparse
import os

from detente.cli.common import add_db_option, error, refused
from detente.store.db import StoreError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="serve the JSON API and the dashboard over a store",
        description="Serve the store over HTTP: a dashboard (timeline, events with their evidence, documents, "
        "actors) and a JSON API (docs at /docs). Set DETENTE_TOKEN to accept documents by POST; without it the "
        "server is read-only.",
    )
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from detente.serve import create_app
    except ImportError as exc:
        error(f"detente serve: needs the serve extra (pip install 'detente[serve]'): {exc}")
        return 2
    try:
        app = create_app(args.db, token=os.environ.get("DETENTE_TOKEN") or None)
    except StoreError as exc:
        return refused("serve", exc)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        error(f"detente serve: listening on {args.host}: anyone who can reach it can read the store")
    mode = "accepting documents with the token" if app.state.server.writable else "read-only"
    error(f"detente serve: {app.state.server.path} on http://{args.host}:{args.port}/ ({mode}); Ctrl-C stops")
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        app.state.server.close()
    return 0
