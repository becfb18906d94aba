"""The store's writes: documents and their mentions, one transaction a batch (with the events clustered from
them, ``clustered``), the runs that record each ingest, and what ``detente watch`` remembers of its sources.

Writes go in one transaction per batch of documents, so a run killed at any point leaves the store as it was
after the last committed batch; a rerun skips what is there by content hash and adds the rest."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from detente.records import Document, Mention
from detente.store import queries as q
from detente.store.clustered import EventWrites
from detente.store.rows import mention_row
from detente.store.session import in_session

# Called inside the batch transaction with the connection and the ids of the documents just added (after their
# events are clustered): what it writes commits or rolls back with the batch.
BatchHook = Callable[[duckdb.DuckDBPyConnection, list[str]], None]


@dataclass(slots=True)
class BatchResult:
    added: list[str]
    duplicates: list[str]
    mentions: int
    seconds: float = 0.0  # spent in the store: the transaction with its clustering


class Writes(EventWrites):
    """Documents, mentions, runs and watched sources written; events through ``EventWrites``."""

    # -- runs -------------------------------------------------------------------------------------------
    @in_session
    def start_run(self, command: str, inputs: Sequence[str]) -> int:
        row = self.con.execute(q.NEXT_RUN_SQL).fetchone()
        run_id = int(row[0]) if row else 1
        self.con.execute(q.START_RUN_SQL, [run_id, command, json.dumps(list(inputs)), dt.datetime.now()])
        return run_id

    @in_session
    def finish_run(
        self, run_id: int, *, ingested: int, duplicates: int, rejected: int, mentions: int, status: str = "done"
    ) -> None:
        self.con.execute(q.FINISH_RUN_SQL,
                         [dt.datetime.now(), ingested, duplicates, rejected, mentions, status, run_id])

    # -- writes -----------------------------------------------------------------------------------------
    @in_session
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        return self._present(q.KNOWN_IDS_SQL, ids)

    def _present(self, sql: str, values: Iterable[str]) -> set[str]:
        """Which of ``values`` the store holds, by ``sql`` (one list parameter); no query for none."""
        values = list(values)
        if not values:
            return set()
        return {r[0] for r in self.con.execute(sql, [values]).fetchall()}

    @in_session
    def add_batch(
        self,
        items: Sequence[tuple[Document, Sequence[Mention]]],
        *,
        run_id: int | None = None,
        cluster: bool = True,
        after_insert: BatchHook | None = None,
    ) -> BatchResult:
        """Store documents and their mentions, and cluster the new mentions into events, in one transaction;
        documents already present (same content hash, in the store or earlier in this batch) are skipped and
        reported as duplicates."""
        started = time.perf_counter()
        known = self.known_ids(doc.id for doc, _ in items)
        added: list[str] = []
        duplicates: list[str] = []
        doc_rows: list[tuple[Any, ...]] = []
        mention_rows: list[tuple[Any, ...]] = []
        for doc, records in items:
            if doc.id in known:
                duplicates.append(doc.id)
                continue
            known.add(doc.id)
            added.append(doc.id)
            doc_rows.append(
                (doc.id, doc.source_id, doc.origin, doc.published, doc.published_raw, doc.title, doc.outlet,
                 doc.url, doc.language, doc.genre, doc.text, run_id)
            )
            seen: set[str] = set()
            for rec in records:
                if rec.mention_id not in seen:
                    seen.add(rec.mention_id)
                    mention_rows.append(mention_row(doc.id, rec))
        with self.transaction():
            # a store from before the clustering index gets it built once, with this batch (checked once a store:
            # this code keeps the index whole)
            if cluster and added and not self._index_checked and not self._index_is_current():
                self._recluster()  # before this batch's rows: the index then holds committed rowids only
            first_new_row = self._next_row()
            self._insert("documents", q.DOCUMENT_COLUMNS, doc_rows)
            self._insert("mentions", q.MENTION_COLUMNS, mention_rows)
            if cluster and added:
                self._update_events(added, first_new_row, len(mention_rows))
            if after_insert is not None and added:
                after_insert(self.con, added)
        if cluster and added:
            self._recent.commit()
            self._members.commit()
            self._verdicts.commit()
        self._index_checked = self._index_checked or (cluster and bool(added))  # committed: the index is whole
        return BatchResult(added, duplicates, len(mention_rows), time.perf_counter() - started)

    # -- watched sources (detente watch) --------------------------------------------------------------------
    @in_session
    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of ``urls`` a stored document was read from."""
        return self._present(q.KNOWN_URLS_SQL, urls)

    @in_session
    def source_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a source last answered with, for a conditional GET; (None, None) at first."""
        row = self.con.execute(q.SOURCE_VALIDATORS_SQL, [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    @in_session
    def save_source_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.con.execute(q.SAVE_SOURCE_SQL, [url, etag, last_modified, dt.datetime.now()])
