"""Cold timeline pages and events answered from the read model before routing.

With the read model a cold page costs a few array operations, and what is left of the ~1 ms a request took is
FastAPI itself: parameter validation, the dependency graph and a worker thread for the route. A kept answer
already skips all that (``app.CachedResponses``); this does the same for the model's answers: a ``GET
/api/events`` or ``GET /api/events/{id}`` whose parameters are plainly valid is read with the routes' own
parser (``params.event_selection``, the query string as Starlette gives it to FastAPI), answered from the
current model and kept like any answer. Anything else (a parameter the parser refuses, a limit or flag
spelled unusually, an unknown or ambiguous id, no model yet) goes on to the routes, which answer it as before,
so a response never depends on which of the two made it (tests/serve/test_readmodel.py).
"""

from __future__ import annotations

import re
from contextlib import ExitStack, suppress

from starlette.datastructures import QueryParams
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from detente.serve import params
from detente.serve.cache import Cached
from detente.serve.readmodel import PageModel
from detente.serve.routes_api import HEX_ID
from detente.serve.server import Server

JSON = "application/json"
EVENT_PATH = re.compile(rf"/api/events/({HEX_ID.removeprefix('^').removesuffix('$')})")  # the route's own id
LIMIT = re.compile(r"[1-9][0-9]{0,2}")  # what pydantic reads as the same whole number
FLAGS = {"true": True, "false": False}
FILTERS = ("dyad", "since", "until", "type", "channel", "modality", "outlet", "q", "sort", "cursor")


def page_body(model: PageModel, query_string: bytes) -> bytes | None:
    """``GET /api/events``'s body for this query string from the model; None to leave it to the route."""
    given = QueryParams(query_string)
    if any(key not in FILTERS and key not in ("limit", "count") for key in given):
        return None
    limit, count = given.get("limit"), given.get("count", "false")
    if (limit is not None and not LIMIT.fullmatch(limit)) or count not in FLAGS:
        return None
    try:
        selection = params.event_selection(**{key: given.get(key) for key in FILTERS},
                                           limit=int(limit) if limit is not None else None)
    except params.BadParameter:
        return None
    if not model.handles(selection.extra):
        return None
    sort = selection.extra.sort
    return model.page_json(selection.query, selection.extra, lambda last: params.encode_cursor(sort, last),
                           FLAGS[count])


def event_body(model: PageModel, event_id: str) -> bytes | None:
    """``GET /api/events/{id}``'s body from the model; None (for the route's 404 or 400) unless one event."""
    found = model.find(event_id.lower())
    return model.event_body(found[0]) if len(found) == 1 else None


class Declined(Exception):
    """The model leaves this request to the routes."""


class ModelResponses:
    """Answers the timeline and event endpoints from the server's read model, before routing (see above)."""

    def __init__(self, app: ASGIApp, server: Server) -> None:
        self.app = app
        self.server = server

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or self.server.pages.current() is None:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        query_string: bytes = scope["query_string"]
        found = EVENT_PATH.fullmatch(path)
        if path != "/api/events" and found is None:
            await self.app(scope, receive, send)
            return

        def make() -> Cached:
            # the model is taken after the cache noted its generation: an answer from a model the store has
            # since left behind is not kept (Server._changed drops the model before the kept answers)
            model = self.server.pages.current()
            body = None
            if model is not None:
                body = event_body(model, found.group(1)) if found else page_body(model, query_string)
            if body is None:
                raise Declined
            return Cached(body, JSON)

        kept = None
        with ExitStack() as reading:
            try:  # as a route reads: the model only while the store cannot change under the request
                _, still = reading.enter_context(self.server.reading())
            except Exception:  # a busy or failing store: the routes answer it with their errors
                still = False
            if still:
                with suppress(Declined):
                    kept = self.server.cache.get((path, query_string), make)
        if kept is None:
            await self.app(scope, receive, send)
            return
        await Response(kept.body, media_type=kept.media_type)(scope, receive, send)
