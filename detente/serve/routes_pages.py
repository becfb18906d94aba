"""The dashboard: server-rendered pages that read without JavaScript. Each page is one route here and one
template in ``templates/``; links to pages go in ``base.html``'s navigation."""

from __future__ import annotations

import datetime as dt
import pathlib
import tempfile
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from detente import api
from detente.ontology import CHANNELS, MODALITIES, PLOVER_TYPES
from detente.serve import params, present
from detente.serve.routes_api import (
    HEX_ID,
    Cursor,
    cached,
    event_filters,
    find_document,
    find_event,
    read,
    refused,
    server_of,
)
from detente.serve.templating import STATIC, render
from detente.store.db import Store
from detente.store.queries import EVENT_SORTS

router = APIRouter(include_in_schema=False)


HTML = "text/html; charset=utf-8"


def html(request: Request, template: str, **context: Any) -> bytes:
    return render(template, request=request, writable=server_of(request).writable, **context).encode()


def page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(html(request, template, **context))


def cached_page(request: Request, make: Callable[[Store], bytes]) -> Response:
    """The page ``make`` renders over the store, or the same request's page since the store last changed."""
    return cached(request, make, HTML)


@router.get("/", response_class=HTMLResponse)
def timeline(request: Request, selection: Annotated[params.EventSelection, Depends(event_filters)]) -> Response:
    return cached_page(request, lambda store: _timeline(request, store, selection))


def _timeline(request: Request, reader: Store, selection: params.EventSelection) -> bytes:
    found, last = reader.event_page(selection.query, selection.extra)
    next_link = None
    if last is not None:
        next_link = "/?" + urlencode({**selection.form, "cursor": params.encode_cursor(selection.extra.sort, last)})
    total = reader.count_event_page(selection.query, selection.extra)
    return html(request, "timeline.html", events=found, form=selection.form, next_link=next_link, total=total,
                first_page=selection.extra.after is None, types=PLOVER_TYPES, channels=CHANNELS,
                modalities=MODALITIES, sorts=list(EVENT_SORTS), outlets=[o for o, _ in reader.outlets()],
                counts=reader.counts())


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Annotated[str, Path(pattern=HEX_ID)]) -> Response:
    return cached_page(request, lambda store: _event_page(request, store, event_id))


def _event_page(request: Request, store: Store, event_id: str) -> bytes:
    event = find_event(store, event_id)
    evidence = store.event_evidence(event.event_id)
    return html(request, "event.html", event=event, evidence=evidence, outlets=present.outlets(evidence),
                point=present.map_point(event.location))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, cursor: Cursor = None,
                   outlet: Annotated[str | None, Query()] = None) -> HTMLResponse:
    outlet = (outlet or "").strip() or None
    after = params.document_after(cursor)
    docs, last = read(request, lambda store: store.document_page(limit=params.DEFAULT_LIMIT, outlet=outlet,
                                                                 after=after))
    next_link = None
    if last is not None:
        query = {"cursor": params.encode_cursor("documents", last), **({"outlet": outlet} if outlet else {})}
        next_link = "/documents?" + urlencode(query)
    return page(request, "documents.html", documents=docs, next_link=next_link, outlet=outlet or "")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: Annotated[str, Path(pattern=HEX_ID)]) -> HTMLResponse:
    def make(store: Store) -> tuple[Any, list[Any]]:
        doc = find_document(store, doc_id)
        return doc, store.document_mentions([doc.id])

    doc, mentions = read(request, make)
    return page(request, "document.html", document=doc, mentions=mentions)


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
                speaker: Annotated[str | None, Query(max_length=params.MAX_TEXT)] = None) -> Response:
    form = {"dyad": (dyad or "").strip(), "since": (since or "").strip(), "speaker": (speaker or "").strip()}

    def found(store: Store) -> list[Any]:
        return api.quotes(store, dyad=form["dyad"] or None, since=form["since"] or None,
                          speaker=form["speaker"] or None)

    return cached_page(request, lambda store: html(request, "quotes.html", form=form, quotes=refused(found)(store)))


@router.get("/upcoming", response_class=HTMLResponse)
def upcoming_page(request: Request, dyad: Annotated[str | None, Query(max_length=7)] = None) -> Response:
    form = {"dyad": (dyad or "").strip()}

    def found(store: Store) -> list[Any]:
        return [u.to_dict() for u in api.upcoming(store, dyad=form["dyad"] or None)]

    return cached_page(request, lambda store: html(request, "upcoming.html", form=form,
                                                   upcoming=refused(found)(store)))


def index_form(dyad: Annotated[str | None, Query(max_length=7)] = None,
               by: Annotated[str | None, Query(max_length=5)] = None,
               channel: Annotated[str | None, Query(max_length=32)] = None) -> dict[str, str]:
    """The index page's (and its chart's) options, with their defaults."""
    return {"dyad": (dyad or "CHN-USA").strip(), "by": (by or "week").strip(), "channel": (channel or "").strip()}


def _index_rows(store: Store, form: dict[str, str]) -> list[Any]:
    return api.index(store, dyad=form["dyad"], by=form["by"], channel=form["channel"] or None)


@router.get("/index", response_class=HTMLResponse)
def index_page(request: Request, form: Annotated[dict[str, str], Depends(index_form)]) -> Response:
    chart = "/charts/index.svg?" + urlencode({k: v for k, v in form.items() if v})
    return cached_page(request, lambda store: html(request, "index.html", form=form, chart=chart, channels=CHANNELS,
                                                   rows=refused(lambda s: _index_rows(s, form))(store)))


@router.get("/charts/index.svg")
def index_chart_svg(request: Request, form: Annotated[dict[str, str], Depends(index_form)]) -> Response:
    """The index page's chart (matplotlib SVG, served as an image: the page itself holds no drawing code)."""
    from detente.analysis.chart import index_chart

    def make(store: Store) -> bytes:
        rows = refused(lambda s: _index_rows(s, form))(store)
        with tempfile.TemporaryDirectory() as tmp:
            return index_chart(rows, pathlib.Path(tmp) / "index.svg", metadata={"Date": None}).read_bytes()

    return cached(request, make, "image/svg+xml")


def latest_week(store: Store, dyad: str) -> str:
    """The week of the newest dated event of ``dyad`` (this week's when there is none): the brief to show first."""
    for event in api.events(store, dyad=dyad, limit=50):
        if event.date is not None:
            return event.date.isoformat()
    return dt.date.today().isoformat()


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request, week: Annotated[str | None, Query(max_length=10)] = None,
               dyad: Annotated[str | None, Query(max_length=7)] = None) -> Response:
    """The weekly brief in this site's layout: the HTML file's body template (``detente.analysis.brief``), its
    chart as an image of this site (the file inlines it, with a style this site's pages do not allow), its
    events linked to their pages, and the two downloads of ``/api/brief``."""
    form = {"week": (week or "").strip(), "dyad": (dyad or "").strip().upper() or "CHN-USA"}

    def make(store: Store) -> bytes:
        chosen = form["week"] or refused(lambda s: latest_week(s, form["dyad"]))(store)
        built = refused(lambda s: api.brief_data(s, week=chosen, dyad=form["dyad"]))(store)
        query = {"week": built.week.isoformat(), "dyad": form["dyad"]}
        chart = Markup('<img class="chart" src="{}" alt="{}">').format(
            "/charts/brief.svg?" + urlencode(query), f"The relationship index of {built.label}, week by week")
        downloads = {f: "/api/brief?" + urlencode({**query, "format": f}) for f in ("md", "html")}
        return html(request, "brief.html", form={**form, "week": built.week.isoformat()}, b=built,
                    chart=chart if built.index else None, event_href="/events/", downloads=downloads)

    return cached_page(request, make)


@router.get("/charts/brief.svg")
def brief_chart_svg(request: Request, week: Annotated[str, Query(max_length=10)],
                    dyad: Annotated[str, Query(max_length=7)] = "CHN-USA") -> Response:
    """The brief page's chart: the index of its week and the weeks before (``brief.chart_svg``)."""
    from detente.analysis.brief import chart_svg

    return cached(request, lambda store: chart_svg(refused(lambda s: api.brief_data(s, week=week, dyad=dyad))(
        store)).encode(), "image/svg+xml")


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
