"""What a page reader needs of the whole store, read in one snapshot: every event with the ids and links of its
documents, every clustered mention with its document, and the lowered text the page filters compare.

A server builds its in-memory read model from this (``detente.serve.readmodel``) once per state of the store,
so a cold page costs no query at all. Everything that must agree with the store's own filters is computed here
by DuckDB, with the same expressions the page queries use (``queries.PERIOD_END_SQL``, ``lower()``): Python
never re-decides what SQL decides, so the fast path and the queries cannot drift apart on dates or case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from detente.clustering.rule import SEASON_MONTHS
from detente.records import Document, Event, Mention
from detente.store import queries as q
from detente.store.db import Store
from detente.store.rows import document_from_row, event_from_row, mention_in


@dataclass(slots=True)
class PageEvent:
    """One event as a page shows it, with what the filters compare: the end of its period (None without a
    date), its text lowered, and its mentions' sentences and documents' outlets lowered."""

    event: Event
    source_countries: list[str]
    target_countries: list[str]
    period_end: dt.date | None
    lowered: str
    evidence: list[tuple[Mention, Document]]  # as ``Store.event_evidence`` gives them: oldest report first
    mention_texts: list[str]
    outlets: set[str]  # lowered, of every document with a mention of it


def evidence_order(pair: tuple[dict[str, Any], dict[str, Any]]) -> tuple[Any, ...]:
    """Oldest report first: a mention row and its document row as ``Store.event_evidence`` sorts them."""
    m, d = pair
    return (d["published"] is None, d["published"] or dt.date.min, m["doc_id"], m["sentence_index"], m["mention_id"])


@dataclass(slots=True)
class Rows:
    """The rows of one state of the store that the page events are made from (``read``, then ``assemble``)."""

    events: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    documents: dict[str, dict[str, Any]]


def snapshot(store: Store) -> list[PageEvent]:
    """Every event of the store with its evidence, read in one transaction (one state of the store)."""
    return assemble(read(store))


def read(store: Store) -> Rows:
    """The rows, in one transaction: all a reader must hold the store for (``assemble`` needs it no more)."""
    with store.transaction():
        events = _dicts(store.con.execute(q.PAGE_EVENTS_SQL, {"season": SEASON_MONTHS}))
        mentions = _dicts(store.con.execute(q.PAGE_MENTIONS_SQL))
        documents = {r["id"]: r for r in _dicts(store.con.execute(q.PAGE_DOCUMENTS_SQL))}
    return Rows(events, mentions, documents)


def assemble(rows: Rows) -> list[PageEvent]:
    """The page events of these rows: records made as the store's own reads make them."""
    event_rows, mention_rows, doc_rows = rows.events, rows.mentions, rows.documents
    by_event: dict[str, list[dict[str, Any]]] = {}
    for m in mention_rows:
        by_event.setdefault(m["event_id"], []).append(m)
    documents: dict[str, Document] = {}  # one record per document, shared by its events
    out: list[PageEvent] = []
    for row in event_rows:
        mentions = by_event.get(row["event_id"], [])
        pairs = sorted(((m, doc_rows[m["doc_id"]]) for m in mentions if m["doc_id"] in doc_rows), key=evidence_order)
        # the callers' ids and links as Store._with_documents gathers them
        ids = sorted({d["source_id"] for _, d in pairs if d["source_id"] is not None})
        urls = sorted({d["url"] for _, d in pairs if d["url"] is not None})
        out.append(PageEvent(
            event=event_from_row({**row, "document_ids": ids, "urls": urls}),
            source_countries=list(row["source_countries"] or ()), target_countries=list(row["target_countries"] or ()),
            period_end=row["period_end"] if row["date"] is not None else None, lowered=row["lowered"],
            evidence=[(mention_in(m, d), documents.get(d["id"]) or documents.setdefault(d["id"], document_from_row(d)))
                      for m, d in pairs],
            mention_texts=[m["lowered"] for m in mentions],
            outlets={d["outlet_lowered"] for _, d in pairs if d["outlet_lowered"] is not None},
        ))
    return out


def _dicts(cur: Any) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
