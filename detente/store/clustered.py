"""The store's clustering writes: a batch's mentions attached to events inside its transaction, and ``recluster``.

A batch finds its mentions' candidates in the clustering index (``store/index.py``), reads the link components
they belong to, re-clusters the components its mentions join (``detente.clustering``) and writes the events that
changed; a writer keeps the rows it clustered last, since reading an older mention again costs milliseconds a
row (docs/events.md, "Deterministic and incremental"; bench/README.md, "Scale")."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from detente.clustering import (
    EventChanges,
    LightMention,
    affected_components,
    rebuild,
)
from detente.store import index as clustering_index
from detente.store import queries as q
from detente.store.rows import cluster_mention_from_row, event_row, light_from_row
from detente.store.session import Session, in_session

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
# Pair verdicts a writer keeps (index.PairVerdicts): about 0.25 kB each; an event of 300 reports has 45,000 pairs.
KEPT_VERDICTS = 400_000


class EventWrites(Session):
    """What a store does to events and the clustering index; ``writes.Writes.add_batch`` calls it inside its
    transaction."""

    _index_checked = False  # the index was found whole (or made so) once: this code keeps it whole

    @cached_property
    def _recent(self) -> clustering_index.RecentRows:
        """The full rows of what the last batches clustered (made on first use: only a writer's batches use it)."""
        return clustering_index.RecentRows(RECENT_MENTIONS)

    @cached_property
    def _members(self) -> clustering_index.RecentMembers:
        """Their index rows."""
        return clustering_index.RecentMembers(RECENT_MENTIONS)

    @cached_property
    def _verdicts(self) -> clustering_index.PairVerdicts:
        """The rule's verdicts on the pairs its batches compared."""
        return clustering_index.PairVerdicts(KEPT_VERDICTS)

    @in_session
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
        self._verdicts.clear()
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
            self._verdicts.begin(self.con)
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
        next_number = self.con.execute(q.NEXT_INDEX_NUMBER_SQL).fetchall()  # read to the end: see Session._from_arrays
        first_number = int(next_number[0][0]) if next_number else 0
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
        memo = self._verdicts if first_new_row is not None else None  # a batch, not a recluster
        components = affected_components(mentions.values(), None, current, memo)  # older members: their labels
        labels = clustering_index.labels(components, numbers, current)
        moved = sorted(numbers[mid] for mid in labels if mid in current)
        if moved:
            by_number = {numbers[mid]: label for mid, label in labels.items()}
            self.con.execute(q.RELABEL_SQL, {"ns": moved, "segs": [by_number[n] for n in moved]})
        member_rows, key_rows = clustering_index.rows(new, numbers, labels, row_at)
        self._insert("cluster_members", q.INDEX_COLUMNS, member_rows)
        if key_rows:
            self._from_arrays(q.INSERT_KEYS_SQL, q.INSERT_KEYS_LISTS_SQL, q.NEW_KEYS,
                              clustering_index.key_table(key_rows), register=first_new_row is not None)
        # only the components the new mentions are in change; the others keep their events
        touched = [c for c in components if any(mid not in current for mid in c)]
        changes = rebuild(touched, {mid: mentions[mid] for c in touched for mid in c}, memo)
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
        found = {int(n): int(segment) for n, segment in self._from_arrays(
            q.CANDIDATE_NUMBERS_SQL, q.CANDIDATE_NUMBERS_LISTS_SQL, q.NEW_LINKS, clustering_index.neighbour_links(new),
            register=batch)}
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
