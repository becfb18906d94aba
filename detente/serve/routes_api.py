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
from detente.serve.cache import Cached
from detente.serve.ingest import BadBody, jsonl_body
from detente.serve.readmodel import PageModel
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


def find_event(store: Store, event_id: str) -> Event:
    return _one(store.find_events(event_id.lower()), event_id, "event", "event_id")


def find_document(store: Store, doc_id: str) -> Document:
    return _one(store.documents_by_prefix(doc_id.lower()), doc_id, "document", "doc_id")


def read(request: Request, make: Callable[[Store], Found]) -> Found:
    """``make`` over the store as this request reads it (``Server.reading``)."""
    with server_of(request).reading() as (store, _):
        return make(store)


def cache_key(request: Request) -> tuple[str, bytes]:
    """What a kept answer is found by: the path and the query string as sent (``app.CachedResponses``)."""
    return request.scope["path"], request.scope["query_string"]


def cached(request: Request, make: Callable[[Store], bytes], media_type: str,
           headers: tuple[tuple[str, str], ...] = ()) -> Response:
    """The response of ``make`` over the store, or the same request's answer since the store last changed;
    kept when the store cannot change under it (``Server.reading``)."""
    server = server_of(request)
    with server.reading() as (store, keep):
        found = server.cache.get(cache_key(request), lambda: Cached(make(store), media_type, headers), keep=keep)
    return Response(found.body, media_type=found.media_type, headers=dict(found.headers))


def cached_json(request: Request, make: Callable[[Store], Any]) -> Response:
    """``cached`` for the JSON of ``make``'s answer."""
    return cached(request, lambda store: json.dumps(make(store), ensure_ascii=False).encode(), "application/json")


def modelled(request: Request, fast: Callable[[PageModel], bytes | None], make: Callable[[Store], Any]) -> Response:
    """``cached_json`` answered from the read model when the server has one for the store this request reads
    (``fast``: the same bytes, or None for a request the model leaves to the store), else from the store."""
    server = server_of(request)
    with server.reading() as (store, keep):

        def answer() -> Cached:
            model = server.pages.current() if keep else None  # taken after the cache noted its generation
            body = fast(model) if model is not None else None
            if body is None:
                body = json.dumps(make(store), ensure_ascii=False).encode()
            return Cached(body, "application/json")

        found = server.cache.get(cache_key(request), answer, keep=keep)
    return Response(found.body, media_type=found.media_type, headers=dict(found.headers))


def mention_dict(m: Mention) -> dict[str, Any]:
    return {**m.to_dict(), "event_id": m.event_id}


@router.get("/stats", summary="How many documents, mentions, events and runs the store holds")
def stats(request: Request) -> dict[str, Any]:
    return {"counts": read(request, lambda store: store.counts()), "writable": server_of(request).writable}


@router.get("/events", summary="Events, filtered, sorted and paged by cursor")
def list_events(request: Request, selection: Annotated[params.EventSelection, Depends(event_filters)],
                count: Annotated[bool, Query(description="also give the total (one more query)")] = False,
                ) -> Response:
    def make(reader: Store) -> dict[str, Any]:
        found, last = reader.event_page(selection.query, selection.extra)
        out: dict[str, Any] = {
            "events": [e.to_dict() for e in found],
            "next_cursor": params.encode_cursor(selection.extra.sort, last) if last else None,
        }
        if count:
            out["total"] = reader.count_event_page(selection.query, selection.extra)
        return out

    def fast(model: PageModel) -> bytes | None:
        if not model.handles(selection.extra):
            return None
        return model.page_json(selection.query, selection.extra,
                               lambda last: params.encode_cursor(selection.extra.sort, last), count)

    return modelled(request, fast, make)


@router.get("/events/{event_id}", summary="One event with its mentions, documents, outlets and evidence")
def one_event(request: Request, event_id: EventId) -> Response:
    def make(store: Store) -> dict[str, Any]:
        event = find_event(store, event_id)
        evidence = store.event_evidence(event.event_id)
        docs: dict[str, Document] = {}
        for _, doc in evidence:
            docs.setdefault(doc.id, doc)
        outlets = sorted({d.outlet for d in docs.values() if d.outlet})
        return {"event": event.to_dict(), "outlets": outlets, "documents": [d.to_dict() for d in docs.values()],
                "mentions": [mention_dict(m) for m, _ in evidence]}

    def fast(model: PageModel) -> bytes:
        return model.event_body(_one(model.find(event_id.lower()), event_id, "event", "event_id"))

    return modelled(request, fast, make)


@router.get("/documents", summary="Stored documents, newest first, paged by cursor")
def list_documents(request: Request, limit: Limit = None, cursor: Cursor = None,
                   outlet: Annotated[str | None, Query(description="only this outlet (any case)")] = None,
                   ) -> dict[str, Any]:
    after = params.document_after(cursor)
    docs, last = read(request, lambda store: store.document_page(limit=params.page_size(limit),
                                                                 outlet=outlet or None, after=after))
    return {"documents": [d.to_dict() for d in docs],
            "next_cursor": params.encode_cursor("documents", last) if last else None}


@router.get("/documents/{doc_id}", summary="One document with the mentions coded from it")
def one_document(request: Request, doc_id: DocumentId) -> dict[str, Any]:
    def make(store: Store) -> dict[str, Any]:
        doc = find_document(store, doc_id)
        return {"document": doc.to_dict(), "mentions": [mention_dict(m) for m in store.document_mentions([doc.id])]}

    return read(request, make)


@router.get("/outlets", summary="Outlets with how many stored documents each published")
def outlets(request: Request) -> dict[str, Any]:
    return {"outlets": [{"outlet": o, "documents": n} for o, n in read(request, lambda store: store.outlets())]}


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


def refused(make: Callable[[Store], Found]) -> Callable[[Store], Found]:
    """``make`` (an analysis verb) with an option it refuses as a 400 with its message (an error page for the
    dashboard's pages, one line of JSON under ``/api``)."""

    def run(store: Store) -> Found:
        try:
            return make(store)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc

    return run


def analysed(request: Request, make: Callable[[Store], Any]) -> Response:
    """``make`` over the request's store, cached like every read (``refused``)."""
    return cached_json(request, refused(make))


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
    make = refused(lambda store: api.brief(store, week=week, dyad=dyad, format=format).encode())
    if format == "html":
        # a file of its own (its style is inline, which this site's pages never allow): saved, not shown here
        name = re.sub(r"[^A-Za-z0-9-]", "", f"brief-{dyad.upper()}-{week}") + ".html"
        return cached(request, make, "text/html; charset=utf-8",
                      (("Content-Disposition", f'attachment; filename="{name}"'),))
    return cached(request, make, "text/markdown; charset=utf-8")


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
