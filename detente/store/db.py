"""The embedded DuckDB store: the only place that runs SQL or opens a transaction.

Writes go in one transaction per batch of documents (documents, their mentions, and the events clustered from
them), so a run killed at any point leaves the store as it was after the last committed batch; a rerun skips
what is there by content hash and adds the rest. Reads return typed records (``detente.records``).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

import duckdb

from detente import datafiles
from detente.clustering import (
    EventChanges,
    LightMention,
    affected_components,
    rebuild,
)
from detente.records import (
    Document,
    Event,
    EventOrigin,
    IndexEvent,
    IndexMention,
    Mention,
    Report,
)
from detente.store import index as clustering_index
from detente.store import queries as q
from detente.store.queries import EventQuery
from detente.store.rows import (
    cluster_mention_from_row,
    document_from_row,
    event_from_row,
    event_row,
    light_from_row,
    mention_from_row,
    mention_in,
    mention_row,
)

# Called inside the batch transaction with the connection and the ids of the documents just added (after their
# events are clustered): what it writes commits or rolls back with the batch.
BatchHook = Callable[[duckdb.DuckDBPyConnection, list[str]], None]


@dataclass(slots=True)
class BatchResult:
    added: list[str]
    duplicates: list[str]
    mentions: int
    seconds: float = 0.0  # spent in the store: the transaction with its clustering


# How long opening the store waits for another process's lock (a writer's batch commit, a reader's query).
LOCK_WAIT_S = 30.0
YIELD_POLL_S = 0.05  # how often an idle transient writer looks for a reader's request
_T = TypeVar("_T")


def _writer_lock(path: Path) -> IO[bytes]:
    """``PATH.writer.lock``, locked for this process: one writer per store at a time (see ``Store``)."""
    handle = open(f"{path}.writer.lock", "ab")  # noqa: SIM115 - held until Store.close
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise StoreError(f"{path}: another process is writing to this store (an ingest or a recluster); "
                         "run this when it has finished") from exc
    return handle


def writer_waiting(path: Path) -> bool:
    """Has a writer asked for a turn on the store at ``path`` (``PATH.write-request``)? The request is consumed:
    whoever holds the file answers by closing it, and a writer still locked out asks again on its next try."""
    try:
        Path(f"{path}.write-request").unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: let the writer in
    return True


# Documents replayed per step by ``recluster``: bounds its memory, not its result.
RECLUSTER_CHUNK = 500
MAX_ROW = 2**62
PROVISIONAL_ROWS = 2**54  # DuckDB numbers uncommitted rows from 2**55 - 3968 up
# A batch reads the mentions it clusters in runs of rowids: positions closer than READ_GAP share a run (reading
# the rows between costs less than another statement), and there are at most READ_RUNS runs (the widest gaps
# are kept). bench/batch_sql.py measured both.
READ_GAP = 8192
READ_RUNS = 6
# DuckDB looks keys up in a primary key's index when a join's other side has at most this many (its
# dynamic_or_filter_threshold), and scans the whole table otherwise: a batch looks older mentions up by key in
# statements of this many ids, at most KEY_STATEMENTS of them (more are read by runs of rowids).
KEY_LOOKUPS = 50
KEY_STATEMENTS = 4
# Mentions whose full rows a writer keeps between batches (index.RecentRows): about 1.5 kB each.
RECENT_MENTIONS = 30_000


class StoreError(RuntimeError):
    pass


def _schema_sql() -> str:
    return datafiles.read_text("detente.store", "schema.sql")


def _in_session(method: Callable[..., _T]) -> Callable[..., _T]:
    """Run a store method on one connection: a transient store opens it for the call and closes it after."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> _T:
        with self.session():
            return method(self, *args, **kwargs)

    return wrapper


class Store:
    """A DuckDB file holding documents, mentions, events and runs.

    DuckDB lets one process at a time open a file for writing, and none may read it meanwhile. A *transient*
    store (``transient=True``, what ``detente.open_store`` gives) takes turns: a reader holds the file for one
    call (or one ``session()``), so an idle reader never blocks a writer; a reader that finds the file locked
    leaves a request (``PATH.read-request``) and waits with backoff, up to ``lock_wait`` seconds, then raises
    ``StoreError``; a writer keeps its connection between calls (no reopening per batch) until it sees a
    request at the end of a call (a batch's commit, a duplicate check), and then checkpoints and closes it (its
    commits wait in the write-ahead log until then, or until the log passes its threshold). A transient writer
    also takes ``PATH.writer.lock`` for its whole life, so a second writer gets a clear error at once instead of
    interleaving its batches. Docs: docs/DESIGN.md, "Readers during an ingest"."""

    def __init__(self, path: str | Path, *, read_only: bool = False, transient: bool = False,
                 lock_wait: float = LOCK_WAIT_S, ask_turn: bool = True, threads: int | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.transient = transient
        self.lock_wait = lock_wait
        self.ask_turn = ask_turn  # False: a locked file is waited for (or not) without asking its holder to yield
        self.threads = threads  # DuckDB's threads for this process's use of the file (None: one per core)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `detente ingest` first)")
        self._con: duckdb.DuckDBPyConnection | None = None
        self._depth = 0  # nested sessions
        self._index_checked = False
        self._recent = clustering_index.RecentRows(RECENT_MENTIONS)  # what the last batches clustered
        self._members = clustering_index.RecentMembers(RECENT_MENTIONS)  # their index rows
        self._request = Path(f"{self.path}.read-request")  # a waiting reader's request for a turn
        self._write_request = Path(f"{self.path}.write-request")  # a waiting writer's (a server holding the file)
        self._schema_done = read_only
        self._types: dict[str, dict[str, str]] = {}  # column types per table, for inserts
        self._writer_lock = None if read_only or not transient else _writer_lock(self.path)
        self._mutex = threading.Lock()  # a session, or the watcher closing the connection between sessions
        self._stopped = threading.Event()
        try:
            con = self.con  # open now: a missing or broken store fails here, not in the first call
        except BaseException:
            self.close()
            raise
        if transient and read_only:  # an idle reader holds nothing
            con.close()
            self._con = None
        if transient and not read_only:
            threading.Thread(target=self._yield_when_asked, name="detente-store-yield", daemon=True).start()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection (opened here, and then held until ``close``, when none is)."""
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _connect(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_wait
        pause = 0.01
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=self.read_only)
                break
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise StoreError(f"{self.path}: cannot open store: {exc}") from exc
                if self.ask_turn:
                    self._ask_for_turn()
                if time.monotonic() >= deadline:
                    raise StoreError(f"{self.path}: the store stayed locked by another process for "
                                     f"{self.lock_wait:g} s (a long write such as a recluster?); try again later"
                                     ) from exc
                time.sleep(pause)
                pause = min(pause * 2, 0.25)
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot open store: {exc}") from exc
        if self.threads is not None:
            con.execute(q.THREADS_SQL.format(threads=self.threads))
        if not self.read_only:
            with suppress(OSError):
                self._write_request.unlink()  # in: a request left from the wait is answered
        if not self._schema_done:
            con.execute(_schema_sql())
            self._schema_done = True
        if self.transient and not self.read_only:
            for sql in q.TRANSIENT_WRITER_SQL:
                con.execute(sql)
        return con

    @contextmanager
    def session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One connection for everything inside (reads inside see one state of the store). Sessions nest; when
        the outermost ends, a transient reader closes the connection, and a transient writer closes it if a
        reader has asked for a turn (see ``Store``)."""
        if self._depth == 0:
            self._mutex.acquire()
        self._depth += 1
        try:
            yield self.con
        finally:
            self._depth -= 1
            if self._depth == 0:
                try:
                    if self.transient and (self.read_only or self._turn_asked()):
                        self._yield_file()
                finally:
                    self._mutex.release()

    def _drop(self) -> None:
        if self._con is not None:
            con, self._con = self._con, None
            con.close()

    def _yield_file(self) -> None:
        """Close the file for another process's turn. A writer checkpoints first: its log is allowed to grow to
        ``queries.TRANSIENT_WRITER_SQL``'s threshold between turns (so small batches do not each pay a
        checkpoint), and a reader that opened the file with that log would replay all of it."""
        if self._con is not None and not self.read_only:
            try:
                self._con.execute(q.CHECKPOINT_SQL)
            except duckdb.Error:
                pass  # the write-ahead log stays (the commits are safe in it); the reader replays it
        self._drop()

    def _yield_when_asked(self) -> None:
        """A transient writer's watcher: between calls, a reader's request closes the connection at once."""
        while not self._stopped.wait(YIELD_POLL_S):
            if self._con is not None and self._request.exists() and self._mutex.acquire(blocking=False):
                try:
                    if self._depth == 0 and self._turn_asked():
                        self._yield_file()
                finally:
                    self._mutex.release()

    def _turn_asked(self) -> bool:
        """Has a reader asked for a turn? The request is answered (and removed) by closing."""
        try:
            self._request.unlink()
        except FileNotFoundError:
            return False
        except OSError:
            return True  # cannot tell: let readers in
        return True

    def _ask_for_turn(self) -> None:
        """Leave a request for whoever holds the file: a reader asks a transient writer (``PATH.read-request``),
        a writer asks a server that holds the file to read (``PATH.write-request``, see ``writer_waiting``)."""
        try:
            (self._request if self.read_only else self._write_request).touch()
        except OSError:
            pass  # a read-only directory: the holder yields only when it closes

    def close(self) -> None:
        self._stopped.set()
        with self._mutex:
            if self._writer_lock is not None and self._con is not None:
                self._yield_file()  # a transient writer's last close leaves one self-contained file
            self._drop()
        if self._writer_lock is not None:
            self._writer_lock.close()
            self._writer_lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all (also on KeyboardInterrupt)."""
        with self.session():
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    def _rows(self, sql: str, params: dict[str, Any] | list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def _insert(self, table: str, columns: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert many rows in one statement, column by column: each column travels as one list parameter, cast
        to its column's type and unnested. DuckDB runs ``executemany`` one row at a time, and multi-row ``VALUES``
        statements pay per placeholder; this is about three times faster again. ``table`` and ``columns`` are
        constants of ``queries``; every value is a parameter."""
        if not rows:
            return
        names = [c.strip() for c in columns.split(",")]
        if table not in self._types:
            self._types[table] = dict(self.con.execute(q.COLUMN_TYPES_SQL, [table]).fetchall())
        types = self._types[table]
        selects = ", ".join(f"unnest(CAST(${i} AS {types[name]}[]))" for i, name in enumerate(names, 1))
        self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {selects}",
                         [list(col) for col in zip(*rows, strict=True)])

    # -- runs -------------------------------------------------------------------------------------------
    @_in_session
    def start_run(self, command: str, inputs: Sequence[str]) -> int:
        row = self.con.execute(q.NEXT_RUN_SQL).fetchone()
        run_id = int(row[0]) if row else 1
        self.con.execute(q.START_RUN_SQL, [run_id, command, json.dumps(list(inputs)), dt.datetime.now()])
        return run_id

    @_in_session
    def finish_run(
        self, run_id: int, *, ingested: int, duplicates: int, rejected: int, mentions: int, status: str = "done"
    ) -> None:
        self.con.execute(q.FINISH_RUN_SQL,
                         [dt.datetime.now(), ingested, duplicates, rejected, mentions, status, run_id])

    # -- writes -----------------------------------------------------------------------------------------
    @_in_session
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        return {r[0] for r in self.con.execute(q.KNOWN_IDS_SQL, [ids]).fetchall()}

    @_in_session
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
        self._index_checked = self._index_checked or (cluster and bool(added))  # committed: the index is whole
        return BatchResult(added, duplicates, len(mention_rows), time.perf_counter() - started)

    @_in_session
    def recluster(self) -> None:
        """Rebuild every event and the clustering index from every mention (after the clustering rule changed),
        in one transaction. It streams: documents are replayed through the incremental path a chunk at a time,
        oldest first, so memory holds one chunk and the segments it touches, never the whole store; the result
        equals clustering everything at once because events depend only on the set of mentions."""
        with self.transaction():
            self._recluster()

    def _recluster(self) -> None:
        self._recent.clear()
        self._members.clear()
        for sql in (*q.CLEAR_EVENTS_SQL, *q.CLEAR_INDEX_SQL):
            self.con.execute(sql)
        doc_ids = [r[0] for r in self.con.execute(q.DOCUMENT_IDS_SQL).fetchall()]
        for pos in range(0, len(doc_ids), RECLUSTER_CHUNK):
            self._update_events(doc_ids[pos:pos + RECLUSTER_CHUNK])

    def _next_row(self) -> int:
        row = self.con.execute(q.ROW_BOUNDS_SQL).fetchone()
        return int(row[0]) + 1 if row else 0

    def _index_is_current(self) -> bool:
        """Every mention has its clustering-index row (a store written before the index existed has none)."""
        row = self.con.execute(q.INDEX_COUNT_SQL).fetchone()
        return row is None or row[0] == row[1]

    def _rows_within(self, sql: str, params: dict[str, Any], first: int, expected: int) -> list[dict[str, Any]]:
        """Rows of ``sql`` read from the mentions at rowid ``first`` onwards; when fewer than ``expected`` come back
        (rowids are a hint, not a promise), read again from the whole table."""
        rows = self._rows(sql, {**params, "first": max(first, 0), "last": MAX_ROW})
        if first > 0 and len(rows) < expected:
            rows = self._rows(sql, {**params, "first": 0, "last": MAX_ROW})
        return rows

    @staticmethod
    def _runs(at: dict[str, int], new_from: int) -> list[tuple[list[str], int, int]]:
        """The mention ids at these rowids in runs (ids, first rowid, last rowid): a position at or after
        ``new_from`` (rows this transaction added, whose rowids are provisional until the commit) reads to the
        end."""
        runs = clustering_index.row_ranges(at.values(), gap=READ_GAP, most=READ_RUNS)
        out: list[tuple[list[str], int, int]] = [([], first, MAX_ROW if last >= new_from else last)
                                                 for first, last in runs]
        for mid, pos in at.items():
            next(ids for ids, first, last in out if first <= pos <= last).append(mid)
        return out

    def _rows_at(self, sql: str, params: dict[str, Any], at: dict[str, int], new_from: int) -> list[dict[str, Any]]:
        """Rows of ``sql`` for the mentions ``at`` these rowids, read run by run (``_runs``); when fewer than
        asked for come back (rowids are a hint, not a promise), read again from the whole table."""
        rows: list[dict[str, Any]] = []
        for ids, first, last in self._runs(at, new_from):
            rows += self._rows(sql, {**params, "ids": ids, "first": first, "last": last})
        if len(rows) < len(at):
            rows = self._rows(sql, {**params, "ids": list(at), "first": 0, "last": MAX_ROW})
        return rows

    def _update_events(self, doc_ids: list[str], first_new_row: int | None = None, new_rows: int = 0) -> None:
        """Attach the mentions of newly added documents to events. Their candidates come from the clustering
        index (the same key or the same countries on the same days, in one block); the link components those belong
        to (the index's labels), joined with the new mentions, are split again by the rule's links, and the
        components holding new mentions are re-clustered from scratch, so the result equals ``recluster``. The new
        mentions enter the index last, already labelled: only old members that change component are updated.
        ``first_new_row``: the first rowid of the mentions this transaction added (None: it added none)."""
        params = q.window_params()
        new_from = MAX_ROW if first_new_row is None else first_new_row
        if first_new_row is not None:  # a batch, not a recluster
            self._recent.begin(self.con)
            self._members.begin(self.con)
        light_rows = self._rows_within(q.LIGHT_OF_DOCS_SQL, {**params, "ids": list(doc_ids)}, first_new_row or 0,
                                       new_rows)
        new = [light_from_row(r) for r in light_rows]
        if not new:
            return
        # rows this transaction added carry provisional rowids, in the order they were inserted, until the commit
        # appends them after every row there was: the index keeps the rowid each will have
        provisional = sorted(int(r["row_at"]) for r in light_rows if r["row_at"] >= PROVISIONAL_ROWS)
        rank = {rowid: i for i, rowid in enumerate(provisional)}
        row_at = {r["mention_id"]: int(r["row_at"]) if r["row_at"] < PROVISIONAL_ROWS
                  else new_from + rank[int(r["row_at"])] for r in light_rows}
        row = self.con.execute(q.NEXT_INDEX_NUMBER_SQL).fetchone()
        first_number = int(row[0]) if row else 0
        numbers = {light.mention_id: first_number + i for i, light in enumerate(new)}
        members = self._candidate_members(new, batch=first_new_row is not None)
        current = {light.mention_id: segment for n, (light, _, segment) in members.items()}
        numbers.update((light.mention_id, n) for n, (light, _, _) in members.items())
        row_at.update((light.mention_id, at) for light, at, _ in members.values())
        lights = new + [light for light, _, _ in members.values()]
        # every member of the candidates' components is read in full: links are the rule's, on full rows
        at = {light.mention_id: row_at[light.mention_id] for light in lights}
        kept = self._recent.get(current) if first_new_row is not None else {}
        rows = [*kept.values(), *self._full_rows({mid: pos for mid, pos in at.items() if mid not in kept}, new_from,
                                                 {light.mention_id: light.doc_id for light in lights},
                                                 batch=first_new_row is not None)]
        mentions = {row["mention_id"]: cluster_mention_from_row(row) for row in rows}
        components = affected_components(mentions.values(), None, current)  # older members: their labels
        labels = clustering_index.labels(components, numbers, current)
        moved = sorted(numbers[mid] for mid in labels if mid in current)
        if moved:
            by_number = {numbers[mid]: label for mid, label in labels.items()}
            self.con.execute(q.RELABEL_SQL, {"ns": moved, "segs": [by_number[n] for n in moved]})
        member_rows, key_rows = clustering_index.rows(new, numbers, labels, row_at)
        self._insert("cluster_members", q.INDEX_COLUMNS, member_rows)
        self._insert("cluster_key_hashes", q.KEY_COLUMNS, key_rows)
        # only the components the new mentions are in change; the others keep their events
        touched = [c for c in components if any(mid not in current for mid in c)]
        changes = rebuild(touched, {mid: mentions[mid] for c in touched for mid in c})
        self._write(changes, at, new_from)
        if first_new_row is not None:  # a batch, not a recluster
            self._recent.stage(rows, changes.assignment)
            self._members.stage({numbers[light.mention_id]: (light, row_at[light.mention_id]) for light in new})

    def _full_rows(self, at: dict[str, int], new_from: int, doc_of: dict[str, str], *, batch: bool
                   ) -> list[dict[str, Any]]:
        """Full rows of the mentions ``at`` these rowids. In a batch, the older ones far from the end of the table
        (a few, far apart: members the writer does not keep) are looked up by key, and the rest read with the new
        ones from the end of the table (a run that costs little more for a few rows more); a recluster reads runs
        of rowids (its members lie close together)."""
        old = sorted(mid for mid, pos in at.items() if pos < new_from - READ_GAP) if batch else []
        found: list[dict[str, Any]] = []
        if len(old) <= KEY_LOOKUPS * KEY_STATEMENTS:
            for pos in range(0, len(old), KEY_LOOKUPS):
                ids = old[pos:pos + KEY_LOOKUPS]
                found += self._rows(q.FULL_BY_KEY_SQL, {**q.window_params(), "ids": ids,
                                                        "doc_ids": sorted({doc_of[mid] for mid in ids})})
        got = {row["mention_id"] for row in found}
        rest = {mid: pos for mid, pos in at.items() if mid not in got}
        return found + (self._rows_at(q.FULL_OF_MENTIONS_SQL, q.window_params(), rest, new_from) if rest else [])

    def _candidate_members(self, new: list[LightMention], *, batch: bool) -> dict[int, tuple[LightMention, int, int]]:
        """Every member of the segments the new mentions may link to, by number: its light mention, rowid and
        segment label. The labels come from the index each time; the rest from the rows the writer keeps
        (``index.RecentMembers``, in a batch) or, for the members it does not keep, from the index rows."""
        if not clustering_index.has_links(new):
            return {}
        found = {int(n): int(segment) for n, segment in
                 self.con.execute(q.CANDIDATE_NUMBERS_SQL, clustering_index.neighbour_params(new)).fetchall()}
        kept = self._members.get(found) if batch else {}
        missing = sorted(n for n in found if n not in kept)
        read = {int(r["n"]): (clustering_index.light_of(r), int(r["row_at"]))
                for r in (self._rows(q.INDEX_ROWS_SQL, {"ns": missing}) if missing else [])}
        if batch:
            self._members.stage({**kept, **read})  # the ones used stay kept the longest, as RecentRows' do
        return {n: (*(kept.get(n) or read[n]), found[n]) for n in sorted(found)}

    def _write(self, changes: EventChanges, at: dict[str, int] | None = None, new_from: int = MAX_ROW) -> None:
        """Replace the changed events and point their mentions at them (``at``: the mentions' rowids, a hint
        read as ``_rows_at`` does)."""
        if changes.stale:
            self.con.execute(q.DELETE_EVENTS_SQL, {"ids": changes.stale})
        self._insert("events", q.EVENT_COLUMNS, [event_row(e) for e in changes.events])
        if not changes.assignment:
            return
        at = at or {}
        assigned = {mid: at.get(mid, 0) for mid in changes.assignment}
        updated = 0
        for ids, first, last in self._runs(assigned, new_from):
            params = {"mids": ids, "eids": [changes.assignment[i] for i in ids], "first": first, "last": last}
            row = self.con.execute(q.ASSIGN_IN_ROWS_SQL, params).fetchone()
            updated += int(row[0]) if row else 0
        if updated < len(assigned):
            ids = sorted(changes.assignment)
            self.con.execute(q.ASSIGN_EVENTS_SQL, {"mids": ids, "eids": [changes.assignment[i] for i in ids]})

    # -- reads ------------------------------------------------------------------------------------------
    @_in_session
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table, sql in q.COUNT_SQL.items():
            row = self.con.execute(sql).fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    @_in_session
    def documents(self) -> list[Document]:
        return [document_from_row(r) for r in self._rows(q.DOCUMENTS_SQL)]

    @_in_session
    def events(self, query: EventQuery | None = None) -> list[Event]:
        """Events matching ``query`` (all when None), newest first."""
        query = query or EventQuery()
        where, params = q.event_filter(query)
        sql = q.EVENTS_SQL.format(where=where) + q.EVENT_ORDER
        if query.limit:
            sql += " LIMIT $limit"
            params["limit"] = query.limit
        return [event_from_row(r) for r in self._rows(sql, params)]

    @_in_session
    def count_events(self, query: EventQuery | None = None) -> int:
        query = query or EventQuery()
        where, params = q.event_filter(query)
        row = self.con.execute(q.COUNT_EVENTS_SQL.format(where=where), params).fetchone()
        return int(row[0]) if row else 0

    @_in_session
    def events_by_prefix(self, prefix: str, limit: int = 2) -> list[Event]:
        """Events whose id starts with ``prefix`` (a unique prefix names one event)."""
        sql = q.EVENTS_SQL.format(where=" WHERE starts_with(event_id, $prefix)") + " ORDER BY event_id LIMIT $limit"
        return [event_from_row(r) for r in self._rows(sql, {"prefix": prefix, "limit": limit})]

    @_in_session
    def evidence(self, event_id: str) -> list[tuple[Mention, Document]]:
        """The mentions behind one event, each with the document it is from, oldest report first."""
        return [(mention_from_row(r), document_from_row(r)) for r in self._rows(q.EVIDENCE_SQL, {"event_id": event_id})]

    # -- exports ----------------------------------------------------------------------------------------
    @_in_session
    def event_origins(self, query: EventQuery | None = None, *, lead_sentences: int = 3) -> dict[str, EventOrigin]:
        """Each selected event's first report, whether it tells the event in its lead, and when the first of its
        documents was taken in (``queries.EVENT_ORIGINS_SQL``)."""
        where, params = q.event_filter(query or EventQuery())
        rows = self._rows(q.EVENT_ORIGINS_SQL.format(where=where), {**params, "lead_sentences": lead_sentences})
        return {r["event_id"]: EventOrigin(r["event_id"], _report(r), bool(r["lead"]), r["added"]) for r in rows}

    @_in_session
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

    @_in_session
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


    # -- watched sources (detente watch) --------------------------------------------------------------------
    @_in_session
    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of ``urls`` a stored document was read from."""
        urls = list(urls)
        if not urls:
            return set()
        return {r[0] for r in self.con.execute(q.KNOWN_URLS_SQL, [urls]).fetchall()}

    @_in_session
    def source_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a source last answered with, for a conditional GET; (None, None) at first."""
        row = self.con.execute(q.SOURCE_VALIDATORS_SQL, [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    @_in_session
    def save_source_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.con.execute(q.SAVE_SOURCE_SQL, [url, etag, last_modified, dt.datetime.now()])

    # -- pages and concurrent readers (detente serve) ---------------------------------------------------
    def cursor(self) -> Store:
        """This store over another connection to the same open database. A DuckDB connection serves one thread
        at a time and each sees only committed transactions: a server reads through these, one per thread,
        while its one writer ingests."""
        other = object.__new__(Store)
        other.__dict__.update(self.__dict__)
        other.transient = False  # the server's one store owns the file; its cursors take no turns
        other._con = self.con.cursor()
        other._depth = 0
        other._writer_lock = None
        other._mutex = threading.Lock()
        other._stopped = threading.Event()
        other._types = {}
        return other

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
