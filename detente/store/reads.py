"""The store's reads: typed records out of the tables (``detente.records``), for the CLI and the API, the exports,
the analysis, and the pages and cursors of ``detente serve``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from detente.records import (
    Document,
    Event,
    EventOrigin,
    IndexEvent,
    IndexMention,
    Mention,
    Report,
)
from detente.store import queries as q
from detente.store.queries import EventQuery
from detente.store.rows import document_from_row, event_from_row, mention_from_row, mention_in
from detente.store.session import Session, in_session


class Reads(Session):
    """What a store reads, each call in one session (``in_session``) or inside the caller's."""

    # -- reads ------------------------------------------------------------------------------------------
    @in_session
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table, sql in q.COUNT_SQL.items():
            row = self.con.execute(sql).fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    @in_session
    def documents(self) -> list[Document]:
        return [document_from_row(r) for r in self._rows(q.DOCUMENTS_SQL)]

    @in_session
    def events(self, query: EventQuery | None = None) -> list[Event]:
        """Events matching ``query`` (all when None), newest first."""
        query = query or EventQuery()
        where, params = q.event_filter(query)
        sql = q.EVENTS_SQL.format(where=where) + q.EVENT_ORDER
        if query.limit:
            sql += " LIMIT $limit"
            params["limit"] = query.limit
        return [event_from_row(r) for r in self._rows(sql, params)]

    @in_session
    def count_events(self, query: EventQuery | None = None) -> int:
        query = query or EventQuery()
        where, params = q.event_filter(query)
        row = self.con.execute(q.COUNT_EVENTS_SQL.format(where=where), params).fetchone()
        return int(row[0]) if row else 0

    @in_session
    def events_by_prefix(self, prefix: str, limit: int = 2) -> list[Event]:
        """Events whose id starts with ``prefix`` (a unique prefix names one event)."""
        sql = q.EVENTS_SQL.format(where=" WHERE starts_with(event_id, $prefix)") + " ORDER BY event_id LIMIT $limit"
        return [event_from_row(r) for r in self._rows(sql, {"prefix": prefix, "limit": limit})]

    @in_session
    def evidence(self, event_id: str) -> list[tuple[Mention, Document]]:
        """The mentions behind one event, each with the document it is from, oldest report first."""
        return [(mention_from_row(r), document_from_row(r)) for r in self._rows(q.EVIDENCE_SQL, {"event_id": event_id})]

    # -- exports ----------------------------------------------------------------------------------------
    @in_session
    def event_origins(self, query: EventQuery | None = None, *, lead_sentences: int = 3) -> dict[str, EventOrigin]:
        """Each selected event's first report, whether it tells the event in its lead, and when the first of its
        documents was taken in (``queries.EVENT_ORIGINS_SQL``)."""
        where, params = q.event_filter(query or EventQuery())
        rows = self._rows(q.EVENT_ORIGINS_SQL.format(where=where), {**params, "lead_sentences": lead_sentences})
        return {r["event_id"]: EventOrigin(r["event_id"], _report(r), bool(r["lead"]), r["added"]) for r in rows}

    @in_session
    def mention_reports(self, query: EventQuery | None = None) -> list[tuple[Mention, Report]]:
        """The mentions of the selected events, each with the document it was read in (without its text)."""
        where, params = q.event_filter(query or EventQuery())
        rows = self._rows(q.EXPORT_MENTIONS_SQL.format(where=where), params)
        return [(mention_from_row(r), _report(r)) for r in rows]

    @contextmanager
    def table_rows(self, table: str, query: EventQuery | None = None,
                   batch: int = 1000) -> Iterator[tuple[list[str], Iterator[tuple[Any, ...]]]]:
        """The column names and rows of one export table (``queries.EXPORT_TABLE_SQL``), streamed in batches
        over a cursor of their own while the block lasts. A block, not a bare generator: a generator that holds
        the session and is never read to its end (the output could not be opened, a write failed) would hold
        it until the garbage collector came, and closing the store meanwhile would wait for ever."""
        sql, params = self._export_select(table, query)
        with self.session():
            cur = self.con.cursor().execute(sql, params)

            def rows() -> Iterator[tuple[Any, ...]]:
                while chunk := cur.fetchmany(batch):
                    yield from chunk

            yield [d[0] for d in cur.description], rows()

    @in_session
    def copy_table(self, table: str, query: EventQuery | None, path: str | Path, format: str) -> int:
        """Write one export table to ``path`` with DuckDB's own writer (``COPY ... TO``); the number of rows."""
        if format not in q.EXPORT_COPY_FORMATS:
            raise ValueError(f"DuckDB cannot write {format!r} here")
        sql, params = self._export_select(table, query)
        row = self.con.execute(q.EXPORT_COPY_SQL.format(select=sql, format=format),
                               {**params, "path": str(path)}).fetchone()
        return int(row[0]) if row else 0

    def _export_select(self, table: str, query: EventQuery | None) -> tuple[str, dict[str, Any]]:
        if table not in q.EXPORT_TABLE_SQL:
            raise ValueError(f"no table {table!r} to export (expected one of {', '.join(q.EXPORT_TABLE_SQL)})")
        where, params = q.event_filter(query or EventQuery())
        if table == "documents":
            params["all"] = not where
        return q.EXPORT_TABLE_SQL[table].format(where=where), params

    # -- analysis reads (issue 13) ---------------------------------------------------------------------
    def index_events(self, query: EventQuery | None = None) -> list[IndexEvent]:
        """Dated events matching ``query`` with the documents behind each, oldest first."""
        where, params = q.event_filter(query or EventQuery())
        return [
            IndexEvent(event_id=r["event_id"], date=r["date"], goldstein=r["goldstein"], quad_class=r["quad_class"],
                       confidence=float(r["confidence"]), sources=int(r["sources"]), channel=r["channel"],
                       modality=r["modality"], doc_ids=tuple(r["doc_ids"]), date_precision=r["date_precision"])
            for r in self._rows(q.INDEX_EVENTS_SQL.format(where=where), params)
        ]

    def index_mentions(self, query: EventQuery | None = None) -> list[IndexMention]:
        """Raw mentions matching ``query`` (the same filters as events), dated, oldest first."""
        where, params = q.event_filter(query or EventQuery())
        return [
            IndexMention(mention_id=r["mention_id"], date=r["date"], goldstein=r["goldstein"], doc_id=r["doc_id"],
                         modality=r["modality"], date_precision=r["date_precision"], channel=r["channel"])
            for r in self._rows(q.INDEX_MENTIONS_SQL.format(where=where), params)
        ]

    def analysis_documents(self, query: EventQuery | None = None) -> list[Document]:
        """Documents published within ``query``'s since/until that have a mention matching its other filters
        (all documents in the period when it has none)."""
        query = query or EventQuery()
        mention_query = EventQuery(dyad=query.dyad, type=query.type, channel=query.channel)
        where, params = q.event_filter(mention_query)
        params.update({"since": query.since, "until": query.until, "all": not where})
        return [document_from_row(r) for r in self._rows(q.ANALYSIS_DOCUMENTS_SQL.format(where=where), params)]

    def document_mentions(self, doc_ids: Sequence[str]) -> list[Mention]:
        """Every stored mention of these documents, in document and sentence order."""
        if not doc_ids:
            return []
        return [mention_from_row(r) for r in self._rows(q.DOCUMENT_MENTIONS_SQL, {"ids": list(doc_ids)})]

    # -- pages and concurrent readers (detente serve) ---------------------------------------------------
    def event_page(self, query: EventQuery, extra: q.EventFilter) -> tuple[list[Event], tuple[Any, ...] | None]:
        """Up to ``query.limit`` events in ``extra.sort`` order after ``extra.after``, and the sort key of the
        last one when more may follow (None on the last page)."""
        keys = q.EVENT_SORTS[extra.sort]
        where, params = q.event_page_filter(query, extra)
        limit = query.limit or 50
        sql = q.EVENT_PAGE_SQL.format(keys=q.key_columns(keys), where=where, order=q.order_by(keys))
        rows = self._rows(sql, {**params, "limit": limit + 1})
        more = len(rows) > limit
        rows = rows[:limit]
        last = tuple(rows[-1][f"_k{i}"] for i in range(len(keys))) if more and rows else None
        return self._with_documents(rows), last

    def _with_documents(self, rows: list[dict[str, Any]]) -> list[Event]:
        """Events from ``events`` rows, with the callers' ids and links of the documents behind each, sorted
        (as ``EVENTS_SQL`` gives them)."""
        if not rows:
            return []
        pairs = self.con.execute(q.EVENT_DOCUMENT_IDS_SQL, {"ids": [r["event_id"] for r in rows]}).fetchall()
        links = {doc_id: (source_id, url) for doc_id, source_id, url in
                 self.con.execute(q.DOCUMENT_LINKS_SQL, {"ids": sorted({d for _, d in pairs})}).fetchall()}
        ids: dict[str, set[str]] = {}
        urls: dict[str, set[str]] = {}
        for event_id, doc_id in pairs:
            source_id, url = links.get(doc_id, (None, None))
            if source_id is not None:
                ids.setdefault(event_id, set()).add(source_id)
            if url is not None:
                urls.setdefault(event_id, set()).add(url)
        return [event_from_row({**row, "document_ids": sorted(ids.get(row["event_id"], ())),
                        "urls": sorted(urls.get(row["event_id"], ()))}) for row in rows]

    def event_evidence(self, event_id: str) -> list[tuple[Mention, Document]]:
        """``evidence`` in two lookups (the event's mentions, then their documents) instead of a join: the same
        pairs in the same order, oldest report first."""
        mentions = self._rows(q.EVENT_MENTIONS_SQL, {"event_id": event_id})
        docs = {r["id"]: r for r in self._rows(q.DOCUMENTS_BY_ID_SQL, {"ids": sorted({m["doc_id"] for m in mentions})})}
        pairs = [(m, docs[m["doc_id"]]) for m in mentions if m["doc_id"] in docs]
        pairs.sort(key=lambda p: (p[1]["published"] is None, p[1]["published"] or dt.date.min, p[0]["doc_id"],
                                  p[0]["sentence_index"], p[0]["mention_id"]))
        return [(mention_in(m, d), document_from_row(d)) for m, d in pairs]

    def count_event_page(self, query: EventQuery, extra: q.EventFilter) -> int:
        """How many events match ``query`` and ``extra``'s filters (its cursor ignored)."""
        where, params = q.event_page_filter(query, q.EventFilter(extra.modality, extra.outlet, extra.text))
        row = self.con.execute(q.COUNT_EVENT_PAGE_SQL.format(where=where), params).fetchone()
        return int(row[0]) if row else 0

    def document_page(self, *, limit: int = 50, outlet: str | None = None,
                      after: tuple[Any, ...] | None = None) -> tuple[list[Document], tuple[Any, ...] | None]:
        """Up to ``limit`` documents, newest first, after the sort key ``after``; and the last one's key when
        more may follow."""
        keys = q.DOCUMENT_SORT
        clauses: list[str] = []
        params: dict[str, Any] = {"limit": limit + 1}
        if outlet:
            clauses.append(q.DOCUMENT_OUTLET_FILTER)
            params["outlet"] = outlet
        if after is not None:
            condition, key_params = q.keyset(keys, after)
            clauses.append(f"({condition})")
            params.update(key_params)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self._rows(q.DOCUMENT_PAGE_SQL.format(keys=q.key_columns(keys), where=where,
                                                     order=q.order_by(keys)), params)
        more = len(rows) > limit
        rows = rows[:limit]
        last = tuple(rows[-1][f"_k{i}"] for i in range(len(keys))) if more and rows else None
        return [document_from_row(r) for r in rows], last

    def documents_by_prefix(self, prefix: str) -> list[Document]:
        """Documents whose content hash starts with ``prefix`` (at most two: a unique prefix names one)."""
        return [document_from_row(r) for r in self._rows(q.DOCUMENT_BY_PREFIX_SQL, {"prefix": prefix})]

    def outlets(self) -> list[tuple[str, int]]:
        """Each outlet with how many stored documents it published, most first."""
        return [(r["outlet"], int(r["documents"])) for r in self._rows(q.OUTLETS_SQL)]

    def find_events(self, event_id: str) -> list[Event]:
        """The event with this id, else those whose id starts with it (at most two: a unique prefix names one);
        read like a page, so only these events' documents are gathered."""
        rows = self._rows(q.EVENT_BY_ID_SQL, {"event_id": event_id})
        return self._with_documents(rows or self._rows(q.EVENT_BY_PREFIX_SQL, {"prefix": event_id}))


def _report(row: dict[str, Any]) -> Report:
    at = row.get("sentence_at")
    return Report(
        doc_id=row["doc_id"], source_id=row["source_id"], url=row["url"], outlet=row["outlet"], title=row["title"],
        published=row["published"], language=row["language"] or "en", added=row["ingested_at"],
        length=int(row["length"] or 0), sentence_offset=at - 1 if at else None,
    )
