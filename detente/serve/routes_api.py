"""The JSON API under ``/api``: the records of ``detente.records`` as their ``to_dict`` gives them (the shapes
``detente events --format jsonl`` and ``detente code`` print), pages by opaque cursor, one-line errors."""

from __future__ import annotations

import json
import queue
import re
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from detente import api
from detente.ontology import CHANNELS, MODALITIES
from detente.records import Document, Event, Mention
from detente.serve import params
from detente.serve.ingest import BadBody, jsonl_body
from detente.serve.server import Server
from detente.store.db import Store

router = APIRouter(prefix="/api", tags=["api"])

HEX_ID = r"^[0-9a-fA-F]{4,64}$"
WAIT_SECONDS = 600.0

EventId = Annotated[str, Path(pattern=HEX_ID, description="an event id or a unique prefix of it (4+ hex digits)")]
DocumentId = Annotated[str, Path(pattern=HEX_ID, description="a document's content hash or a unique prefix of it")]
Limit = Annotated[int | None, Query(description=f"page size, 1 to {params.MAX_LIMIT} (default "
                                                f"{params.DEFAULT_LIMIT})")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]


def server_of(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


def event_filters(dyad: Annotated[str | None, Query(description="both countries, either direction: CHN-USA")] = None,
                  since: Annotated[str | None, Query(description="period ends on or after: YYYY[-MM[-DD]]")] = None,
                  until: Annotated[str | None, Query(description="period starts on or before: YYYY[-MM[-DD]]")] = None,
                  type: Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT")] = None,
                  channel: Annotated[str | None, Query(description=", ".join(CHANNELS))] = None,
                  modality: Annotated[str | None, Query(description=", ".join(MODALITIES))] = None,
                  outlet: Annotated[str | None, Query(description="an outlet that reported it (any case)")] = None,
                  q: Annotated[str | None, Query(description="text in its sentences or actors' names")] = None,
                  sort: Annotated[str | None, Query(description="date (newest first), date_asc, reported, "
                                                                "mentions")] = None,
                  limit: Limit = None, cursor: Cursor = None) -> params.EventSelection:
    return params.event_selection(dyad=dyad, since=since, until=until, type=type, channel=channel,
                                  modality=modality, outlet=outlet, q=q, sort=sort, limit=limit, cursor=cursor)


Found = TypeVar("Found")


def _one(matches: list[Found], given: str, what: str, param: str) -> Found:
    """The one record an id prefix names: 404 for none, 400 for several."""
    if not matches:
        raise HTTPException(404, f"no {what} with id {given!r}")
    if len(matches) > 1:
        raise HTTPException(400, f"{param}: {given!r} matches several {what}s; give more of the id")
    return matches[0]


def find_event(server: Server, event_id: str) -> Event:
    return _one(server.reader().find_events(event_id.lower()), event_id, "event", "event_id")


def find_document(server: Server, doc_id: str) -> Document:
    return _one(server.reader().documents_by_prefix(doc_id.lower()), doc_id, "document", "doc_id")


def cached_json(request: Request, make: Callable[[], Any]) -> Response:
    """The JSON of ``make()``, or the same request's answer since the store last changed."""
    body = server_of(request).cache.get(("api", request.url.path, request.url.query),
                                        lambda: json.dumps(make(), ensure_ascii=False).encode())
    return Response(body, media_type="application/json")


def mention_dict(m: Mention) -> dict[str, Any]:
    return {**m.to_dict(), "event_id": m.event_id}


@router.get("/stats", summary="How many documents, mentions, events and runs the store holds")
def stats(request: Request) -> dict[str, Any]:
    server = server_of(request)
    return {"counts": server.reader().counts(), "writable": server.writable}


@router.get("/events", summary="Events, filtered, sorted and paged by cursor")
def list_events(request: Request, selection: Annotated[params.EventSelection, Depends(event_filters)],
                count: Annotated[bool, Query(description="also give the total (one more query)")] = False,
                ) -> Response:
    def make() -> dict[str, Any]:
        reader = server_of(request).reader()
        found, last = reader.event_page(selection.query, selection.extra)
        out: dict[str, Any] = {
            "events": [e.to_dict() for e in found],
            "next_cursor": params.encode_cursor(selection.extra.sort, last) if last else None,
        }
        if count:
            out["total"] = reader.count_event_page(selection.query, selection.extra)
        return out

    return cached_json(request, make)


@router.get("/events/{event_id}", summary="One event with its mentions, documents, outlets and evidence")
def one_event(request: Request, event_id: EventId) -> Response:
    def make() -> dict[str, Any]:
        server = server_of(request)
        event = find_event(server, event_id)
        evidence = server.reader().event_evidence(event.event_id)
        docs: dict[str, Document] = {}
        for _, doc in evidence:
            docs.setdefault(doc.id, doc)
        outlets = sorted({d.outlet for d in docs.values() if d.outlet})
        return {"event": event.to_dict(), "outlets": outlets, "documents": [d.to_dict() for d in docs.values()],
                "mentions": [mention_dict(m) for m, _ in evidence]}

    return cached_json(request, make)


@router.get("/documents", summary="Stored documents, newest first, paged by cursor")
def list_documents(request: Request, limit: Limit = None, cursor: Cursor = None,
                   outlet: Annotated[str | None, Query(description="only this outlet (any case)")] = None,
                   ) -> dict[str, Any]:
    docs, last = server_of(request).reader().document_page(limit=params.page_size(limit), outlet=outlet or None,
                                                           after=params.document_after(cursor))
    return {"documents": [d.to_dict() for d in docs],
            "next_cursor": params.encode_cursor("documents", last) if last else None}


@router.get("/documents/{doc_id}", summary="One document with the mentions coded from it")
def one_document(request: Request, doc_id: DocumentId) -> dict[str, Any]:
    server = server_of(request)
    doc = find_document(server, doc_id)
    mentions = server.reader().document_mentions([doc.id])
    return {"document": doc.to_dict(), "mentions": [mention_dict(m) for m in mentions]}


@router.get("/outlets", summary="Outlets with how many stored documents each published")
def outlets(request: Request) -> dict[str, Any]:
    return {"outlets": [{"outlet": o, "documents": n} for o, n in server_of(request).reader().outlets()]}


@router.get("/actors", summary="Search the actor knowledge base as of a date")
def actors(request: Request, q: Annotated[str, Query(min_length=1, max_length=params.MAX_TEXT,
                                                     description="words of a name or alias")],
           date: Annotated[str | None, Query(description="YYYY-MM-DD: offices held that day")] = None,
           limit: Limit = None) -> dict[str, Any]:
    on = params.day("date", date)
    found = server_of(request).kb().search(q, on, limit=params.page_size(limit))
    return {"actors": [a.to_dict() for a in found], "date": on.isoformat() if on else None}


# -- analysis (docs/analysis.md): the same verbs as detente.index, quotes, numbers, upcoming and tone ----------

Dyad = Annotated[str | None, Query(description="both countries, either direction: CHN-USA")]
Since = Annotated[str | None, Query(description="from: YYYY[-MM[-DD]]")]
Until = Annotated[str | None, Query(description="up to: YYYY[-MM[-DD]]")]


def over_reader(request: Request, make: Callable[[Store], Found]) -> Found:
    """``make`` (an analysis verb) over this thread's reading store; an option it refuses is a 400 with its
    message (an error page for the dashboard's pages, one line of JSON under ``/api``)."""
    try:
        return make(server_of(request).reader())
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc


def analysed(request: Request, make: Callable[[Store], Any]) -> Response:
    """``make`` over this thread's reading store, cached like every read (``over_reader``)."""
    return cached_json(request, lambda: over_reader(request, make))


@router.get("/index", summary="The relationship index per day, week or month (and channel)")
def relationship_index(request: Request, dyad: Dyad = None, since: Since = None, until: Until = None,
                       by: Annotated[str, Query(description="day, week or month")] = "week",
                       channel: Annotated[str | None, Query(description=", ".join(CHANNELS))] = None,
                       by_channel: Annotated[bool, Query(description="one series per channel")] = False,
                       ) -> Response:
    return analysed(request, lambda store: {"rows": [r.to_dict() for r in api.index(
        store, dyad=dyad, by=by, channel=channel, since=since, until=until, by_channel=by_channel)]})


@router.get("/quotes", summary="Direct quotations with their speakers, outlets, dates and events")
def quotations(request: Request, dyad: Dyad = None, since: Since = None, until: Until = None,
               speaker: Annotated[str | None, Query(description="part of the speaker's name, title or id")] = None,
               ) -> Response:
    return analysed(request, lambda store: {"quotes": [q.to_dict() for q in api.quotes(
        store, dyad=dyad, since=since, until=until, speaker=speaker)]})


@router.get("/numbers", summary="Notable numbers with their units, what they count, sentences and events")
def notable_numbers(request: Request, dyad: Dyad = None, since: Since = None, until: Until = None,
                    kind: Annotated[str | None, Query(description="money, percent, ordinal, duration or count")]
                    = None) -> Response:
    return analysed(request, lambda store: {"numbers": [n.to_dict() for n in api.numbers(
        store, dyad=dyad, since=since, until=until, kind=kind)]})


@router.get("/upcoming", summary="Announced exchanges, marked planned, held, cancelled or postponed")
def upcoming(request: Request, dyad: Dyad = None, since: Since = None, until: Until = None) -> Response:
    return analysed(request, lambda store: {"upcoming": [u.to_dict() for u in api.upcoming(
        store, dyad=dyad, since=since, until=until)]})


@router.get("/tone", summary="Outlet stance toward each country, and one event's tone per outlet")
def tone(request: Request, dyad: Dyad = None, since: Since = None, until: Until = None) -> Response:
    def make(store: Store) -> dict[str, Any]:
        report = api.tone(store, dyad=dyad, since=since, until=until)
        return {"method": report.method, "stance": [s.to_dict() for s in report.stance],
                "events": [e.to_dict() for e in report.events],
                "documents": [d.to_dict() for d in report.documents]}

    return analysed(request, make)


@router.get("/brief", summary="The weekly brief: Markdown, or one self-contained HTML file to download",
            response_class=Response, responses={200: {"content": {"text/markdown": {}, "text/html": {}}}})
def weekly_brief(request: Request,
                 week: Annotated[str, Query(description="any day of the week (YYYY-MM-DD); its Monday starts it")],
                 dyad: Annotated[str, Query(description="the two countries, e.g. CHN-USA")] = "CHN-USA",
                 format: Annotated[str, Query(description="md or html")] = "md") -> Response:
    def make() -> bytes:
        try:
            return api.brief(server_of(request).reader(), week=week, dyad=dyad, format=format).encode()
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc

    body = server_of(request).cache.get(("brief", request.url.query), make)
    if format == "html":
        # a file of its own (its style is inline, which this site's pages never allow): saved, not shown here
        name = re.sub(r"[^A-Za-z0-9-]", "", f"brief-{dyad.upper()}-{week}") + ".html"
        return Response(body, media_type="text/html; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    return Response(body, media_type="text/markdown; charset=utf-8")


def _check_token(server: Server, authorization: str | None, x_detente_token: str | None) -> None:
    if not server.writable:
        raise HTTPException(403, "read-only server: start it with DETENTE_TOKEN set to accept documents")
    given = x_detente_token or ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given or not server.token_matches(given):
        raise HTTPException(401, "missing or wrong token (send Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/documents", status_code=202, summary="Queue documents (JSON or JSONL) for ingest; needs the token",
             responses={200: {"description": "ingested (with wait=true)"}, 401: {"description": "wrong token"},
                        403: {"description": "read-only server"}, 413: {"description": "too large"},
                        503: {"description": "queue full"}})
async def post_documents(request: Request,
                         wait: Annotated[bool, Query(description="answer when the batch is stored")] = False,
                         authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
                         x_detente_token: Annotated[str | None, Header(description="or the token alone")] = None,
                         ) -> JSONResponse:
    server = server_of(request)
    _check_token(server, authorization, x_detente_token)
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > server.max_body:
        raise HTTPException(413, f"request body over {server.max_body} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > server.max_body:
            raise HTTPException(413, f"request body over {server.max_body} bytes")
        chunks.append(chunk)
    try:
        body = jsonl_body(b"".join(chunks), request.headers.get("content-type", ""))
    except BadBody as exc:
        raise HTTPException(400, str(exc)) from exc
    lines = sum(1 for line in body.splitlines() if line.strip())
    if lines == 0:
        raise HTTPException(400, "no documents in the request body")
    if lines > server.max_documents:
        raise HTTPException(413, f"{lines} documents in one request; at most {server.max_documents}")
    assert server.ingests is not None
    try:
        job = server.ingests.submit(body)
    except queue.Full as exc:
        raise HTTPException(503, "ingest queue full; try again later", headers={"Retry-After": "10"}) from exc
    if wait:
        await anyio.to_thread.run_sync(job.done.wait, WAIT_SECONDS)
    return JSONResponse(job.to_dict(), status_code=200 if job.done.is_set() else 202)


@router.get("/ingests/{job_id}", summary="What became of a posted batch; needs the token")
def ingest_status(request: Request, job_id: Annotated[int, Path(ge=1)],
                  authorization: Annotated[str | None, Header()] = None,
                  x_detente_token: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    server = server_of(request)
    _check_token(server, authorization, x_detente_token)
    assert server.ingests is not None
    job = server.ingests.job(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job {job_id}")
    return job.to_dict()
