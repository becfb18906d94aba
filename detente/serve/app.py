"""The web app: ``create_app(db, token)`` gives a FastAPI app over one store.

The JSON API lives under ``/api`` (``routes_api``), the pages everywhere else (``routes_pages``); a new view is
one route and one template. Every response carries a Content-Security-Policy that allows no inline script and
nothing from another origin; errors are one line of JSON under ``/api`` and a plain page elsewhere, never a
traceback.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from detente import __version__
from detente.api import Pipeline
from detente.resolve.actors import ActorKB
from detente.serve import routes_api, routes_pages
from detente.serve.cache import ResponseCache
from detente.serve.fastpath import ModelResponses
from detente.serve.params import BadParameter
from detente.serve.server import Server
from detente.serve.templating import templates
from detente.store.db import StoreError

log = logging.getLogger("detente.serve")

SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                 b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every response (a plain ASGI wrapper: no per-request task overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                names = {name.lower() for name, _ in message["headers"]}
                message["headers"] = list(message["headers"]) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


class CachedResponses:
    """Answers a GET whose answer is kept (``cache``) before routing: a repeated page costs a dictionary lookup,
    not FastAPI's parameter checks and a worker thread. Only 200 answers are kept, by path and query string as
    sent, so a hit is what the route would answer for that URL now."""

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            found = self.cache.peek((scope["path"], scope["query_string"]))
            if found is not None:
                await Response(found.body, media_type=found.media_type, headers=dict(found.headers))(
                    scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(db: str | os.PathLike[str] | None = None, token: str | None = None, *,
               pipeline: Pipeline | None = None, kb: ActorKB | None = None, **limits: Any) -> FastAPI:
    """The app over the store ``db`` (default ``DETENTE_DB``, else ./detente.duckdb). With a ``token`` the
    store is opened for writing and ``POST /api/documents`` accepts batches from whoever presents it; without,
    the server is read-only. ``pipeline`` and ``kb`` reuse a loaded coder and knowledge base; ``limits``
    (``max_body``, ``max_bytes``, ``max_documents``) bound what one POST may carry."""
    server = Server(db, token=token, pipeline=pipeline, kb=kb, **limits)
    app = FastAPI(title="detente", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Coded, deduplicated events between two countries, with the sentences behind them.")
    app.state.server = server
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.add_middleware(ModelResponses, server=server)  # inside the kept answers: a kept answer goes first
    app.add_middleware(CachedResponses, cache=server.cache)
    app.add_middleware(SecurityHeaders)  # added last: the outer one, so cached answers get the headers too
    _handle_errors(app)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    message = " ".join(message.split())
    # a crash's response leaves from outside the middleware: it gets the same headers here
    headers = {**{k.decode(): v.decode() for k, v in SECURITY_HEADERS}, **(headers or {})}
    if _is_api(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    page = templates.get_template("error.html").render(request=request, status=status, message=message,
                                                       writable=False)
    return HTMLResponse(page, status_code=status, headers=headers)


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such page: {request.url.path}"
        return _error(request, exc.status_code, detail, getattr(exc, "headers", None))

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
            parts.append(f"{'.'.join(where) or 'request'}: {err.get('msg', 'invalid')}")
        return _error(request, 400, "; ".join(parts) or "invalid request")

    @app.exception_handler(StoreError)
    async def busy(request: Request, exc: StoreError) -> Response:
        log.warning("%s %s: %s", request.method, request.url.path, exc)  # the path of the store stays here
        return _error(request, 503, "the store is busy with a long write; try again later", {"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed: %s: %s", request.method, request.url.path, type(exc).__name__, exc)
        return _error(request, 500, "internal error")
