"""The dashboard: server-rendered pages that read without JavaScript. Each page is one route here and one
template in ``templates/``; links to pages go in ``base.html``'s navigation."""

from __future__ import annotations

import pathlib
import tempfile
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from detente import api
from detente.ontology import CHANNELS, MODALITIES, PLOVER_TYPES
from detente.serve import params, present
from detente.serve.routes_api import (
    HEX_ID,
    Cursor,
    event_filters,
    find_document,
    find_event,
    over_reader,
    server_of,
)
from detente.serve.templating import STATIC, render
from detente.store.db import Store
from detente.store.queries import EVENT_SORTS

router = APIRouter(include_in_schema=False)


def page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, request=request, writable=server_of(request).writable, **context))


def cached_page(request: Request, make: Callable[[], HTMLResponse]) -> HTMLResponse:
    """The page ``make()`` renders, or the same request's page since the store last changed."""
    body = server_of(request).cache.get(("page", request.url.path, request.url.query), lambda: bytes(make().body))
    return HTMLResponse(body)


@router.get("/", response_class=HTMLResponse)
def timeline(request: Request, selection: Annotated[params.EventSelection, Depends(event_filters)]) -> HTMLResponse:
    return cached_page(request, lambda: _timeline(request, selection))


def _timeline(request: Request, selection: params.EventSelection) -> HTMLResponse:
    reader = server_of(request).reader()
    found, last = reader.event_page(selection.query, selection.extra)
    next_link = None
    if last is not None:
        next_link = "/?" + urlencode({**selection.form, "cursor": params.encode_cursor(selection.extra.sort, last)})
    total = reader.count_event_page(selection.query, selection.extra)
    return page(request, "timeline.html", events=found, form=selection.form, next_link=next_link, total=total,
                first_page=selection.extra.after is None, types=PLOVER_TYPES, channels=CHANNELS,
                modalities=MODALITIES, sorts=list(EVENT_SORTS), outlets=[o for o, _ in reader.outlets()],
                counts=reader.counts())


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Annotated[str, Path(pattern=HEX_ID)]) -> HTMLResponse:
    return cached_page(request, lambda: _event_page(request, event_id))


def _event_page(request: Request, event_id: str) -> HTMLResponse:
    server = server_of(request)
    event = find_event(server, event_id)
    evidence = server.reader().event_evidence(event.event_id)
    return page(request, "event.html", event=event, evidence=evidence, outlets=present.outlets(evidence),
                point=present.map_point(event.location))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, cursor: Cursor = None,
                   outlet: Annotated[str | None, Query()] = None) -> HTMLResponse:
    outlet = (outlet or "").strip() or None
    docs, last = server_of(request).reader().document_page(limit=params.DEFAULT_LIMIT, outlet=outlet,
                                                           after=params.document_after(cursor))
    next_link = None
    if last is not None:
        query = {"cursor": params.encode_cursor("documents", last), **({"outlet": outlet} if outlet else {})}
        next_link = "/documents?" + urlencode(query)
    return page(request, "documents.html", documents=docs, next_link=next_link, outlet=outlet or "")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: Annotated[str, Path(pattern=HEX_ID)]) -> HTMLResponse:
    server = server_of(request)
    doc = find_document(server, doc_id)
    return page(request, "document.html", document=doc, mentions=server.reader().document_mentions([doc.id]))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, q: Annotated[str | None, Query(max_length=params.MAX_TEXT)] = None,
                date: Annotated[str | None, Query()] = None) -> HTMLResponse:
    on = params.day("date", date)
    words = (q or "").strip()
    found = server_of(request).kb().search(words, on, limit=params.MAX_LIMIT) if words else []
    return page(request, "actors.html", q=words, date=on.isoformat() if on else "", actors=found)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, dyad: Annotated[str | None, Query(max_length=7)] = None,
                since: Annotated[str | None, Query(max_length=10)] = None,
                speaker: Annotated[str | None, Query(max_length=params.MAX_TEXT)] = None) -> HTMLResponse:
    form = {"dyad": (dyad or "").strip(), "since": (since or "").strip(), "speaker": (speaker or "").strip()}

    def found(store: Store) -> list[Any]:
        return api.quotes(store, dyad=form["dyad"] or None, since=form["since"] or None,
                          speaker=form["speaker"] or None)

    return cached_page(request, lambda: page(request, "quotes.html", form=form, quotes=over_reader(request, found)))


@router.get("/upcoming", response_class=HTMLResponse)
def upcoming_page(request: Request, dyad: Annotated[str | None, Query(max_length=7)] = None) -> HTMLResponse:
    form = {"dyad": (dyad or "").strip()}

    def found(store: Store) -> list[Any]:
        return [u.to_dict() for u in api.upcoming(store, dyad=form["dyad"] or None)]

    return cached_page(request, lambda: page(request, "upcoming.html", form=form,
                                             upcoming=over_reader(request, found)))


def index_form(dyad: Annotated[str | None, Query(max_length=7)] = None,
               by: Annotated[str | None, Query(max_length=5)] = None,
               channel: Annotated[str | None, Query(max_length=32)] = None) -> dict[str, str]:
    """The index page's (and its chart's) options, with their defaults."""
    return {"dyad": (dyad or "CHN-USA").strip(), "by": (by or "week").strip(), "channel": (channel or "").strip()}


def _index_rows(store: Store, form: dict[str, str]) -> list[Any]:
    return api.index(store, dyad=form["dyad"], by=form["by"], channel=form["channel"] or None)


@router.get("/index", response_class=HTMLResponse)
def index_page(request: Request, form: Annotated[dict[str, str], Depends(index_form)]) -> HTMLResponse:
    chart = "/charts/index.svg?" + urlencode({k: v for k, v in form.items() if v})
    return cached_page(request, lambda: page(request, "index.html", form=form, chart=chart, channels=CHANNELS,
                                             rows=over_reader(request, lambda store: _index_rows(store, form))))


@router.get("/charts/index.svg")
def index_chart_svg(request: Request, form: Annotated[dict[str, str], Depends(index_form)]) -> Response:
    """The index page's chart (matplotlib SVG, served as an image: the page itself holds no drawing code)."""
    from detente.analysis.chart import index_chart

    def make() -> bytes:
        rows = over_reader(request, lambda store: _index_rows(store, form))
        with tempfile.TemporaryDirectory() as tmp:
            return index_chart(rows, pathlib.Path(tmp) / "index.svg", metadata={"Date": None}).read_bytes()

    body = server_of(request).cache.get(("chart", request.url.query), make)
    return Response(body, media_type="image/svg+xml")


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API's endpoints and parameters, read from the OpenAPI schema (no Swagger UI from a CDN)."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                              "description": p.get("description", "")}
                                             for p in op.get("parameters", [])]})
    return page(request, "docs.html", endpoints=endpoints, title=schema["info"]["title"],
                version=schema["info"]["version"])


@router.get("/static/{name}")
def static(name: str) -> Response:
    found = STATIC.get(name)
    if found is None:
        raise HTTPException(404, f"no such file: {name}")
    body, media_type = found
    return Response(body, media_type=media_type, headers={"Cache-Control": "public, max-age=3600"})
