"""The clustering index: a batch reads only its candidates, a store from before the index gets one, and the
streaming recluster gives what one pass over everything gives."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.clustering import LightMention
from detente.store import clustered as store_clustered
from detente.store import index as clustering_index
from detente.store import queries as q
from detente.store.db import Store
from tests.clustering.eventdata import BIDEN, BLINKEN, WANG, XI, doc, events, ingest, membership, rec
from tests.clustering.segmenting import segments
from tests.clustering.test_cluster_order import _corpus

LAVROV = ("Sergei Lavrov", "RUS")



def _all_indexed(store: Store) -> int:
    """The stored mentions, asserted to be every one in the clustering index."""
    counted = store.con.execute(q.INDEX_COUNT_SQL).fetchone()
    assert counted is not None
    mentions, indexed = counted
    assert mentions == indexed
    return int(mentions)


def _full_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The mention ids whose full rows the store reads from here on (``FULL_OF_MENTIONS_SQL`` by rowids,
    ``FULL_BY_KEY_SQL`` by key)."""
    read: list[str] = []
    rows = Store._rows

    def spy(self: Store, sql: str, params: dict | list | None = None) -> list[dict]:
        if sql in (q.FULL_OF_MENTIONS_SQL, q.FULL_BY_KEY_SQL):
            assert isinstance(params, dict)
            read.extend(params["ids"])
        return rows(self, sql, params)

    monkeypatch.setattr(Store, "_rows", spy)
    return read

def test_a_batch_reads_in_full_only_the_segments_it_touches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ingest(tmp_path / "s.duckdb",
                   [(doc("old1", "2023-06-18"), [rec("old1", 0, date="2023-06-18", source=[BLINKEN], target=[WANG])]),
                    (doc("old2", "2023-06-19"), [rec("old2", 0, date="2023-06-18", source=[BLINKEN], target=[XI])])],
                   [(doc("far", "2021-01-05"), [rec("far", 0, date="2021-01-04", source=[BLINKEN], target=[WANG])]),
                    (doc("other", "2023-06-19"),
                     [rec("other", 0, date="2023-06-18", source=[LAVROV], target=[BIDEN])])])
    store.close()
    store = Store(tmp_path / "s.duckdb")  # a writer that has kept no rows yet (see test_a_writer_keeps_...)
    read = _full_reads(monkeypatch)
    store.add_batch([(doc("new", "2023-06-19"), [rec("new", 0, date="2023-06-18", source=[BLINKEN], target=[WANG])])])
    # the same people in 2021 and other countries on the same day are not candidates; Blinken–Xi shares a person
    # and the day, so it is in the segment (a candidate), though not in the event
    assert sorted(read) == ["new-m0", "old1-m0", "old2-m0"]
    groups = sorted(ids for ids in membership(store).values())
    assert groups == [["far-m0"], ["new-m0", "old1-m0"], ["old2-m0"], ["other-m0"]]


def test_a_store_without_the_index_gets_it_built_by_its_next_batch(tmp_path: Path) -> None:
    corpus = _corpus(seed=4, n_docs=30)
    reference = ingest(tmp_path / "ref.duckdb", corpus)
    store = ingest(tmp_path / "old.duckdb", corpus[:20])
    for sql in q.CLEAR_INDEX_SQL:  # as written before the index existed
        store.con.execute(sql)
    store.close()
    store = Store(tmp_path / "old.duckdb")
    store.add_batch(corpus[20:])
    assert (events(store), membership(store)) == (events(reference), membership(reference))
    _all_indexed(store)


def test_recluster_in_small_chunks_equals_one_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(seed=9, n_docs=40)
    store = ingest(tmp_path / "s.duckdb", corpus)
    expected = (events(store), membership(store))
    monkeypatch.setattr(store_clustered, "RECLUSTER_CHUNK", 3)
    store.recluster()
    assert (events(store), membership(store)) == expected


def test_segment_labels_change_only_where_segments_join() -> None:
    numbers = {"a": 0, "b": 1, "c": 2, "x": 3, "y": 4}
    # a new mention (a) joins the segment b and c share: all three take its smaller number
    assert clustering_index.labels([["b", "c", "a"], ["x"]], numbers, {"b": 1, "c": 1, "x": 3}) == {
        "a": 0, "b": 0, "c": 0}
    assert clustering_index.labels([["b", "c"]], numbers, {"b": 1, "c": 1}) == {}
    assert clustering_index.labels([["y"]], numbers, {}) == {"y": 4}  # a new mention always gets its label


# The index's first layout (string keys and labels), as a store written before cluster_members has it.
FIRST_LAYOUT = (
    "CREATE TABLE cluster_index (mention_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, family VARCHAR NOT NULL, "
    "modality VARCHAR NOT NULL, countries VARCHAR[] NOT NULL, weak BOOLEAN NOT NULL, day BOOLEAN NOT NULL, lo DATE, "
    "hi DATE, keys VARCHAR[] NOT NULL, segment VARCHAR NOT NULL, row_at BIGINT)",
    "CREATE TABLE cluster_keys (key VARCHAR NOT NULL, family VARCHAR NOT NULL, modality VARCHAR NOT NULL, "
    "weak BOOLEAN NOT NULL, lo DATE NOT NULL, hi DATE NOT NULL, reach DATE NOT NULL, mention_id VARCHAR NOT NULL)",
    "INSERT INTO cluster_index SELECT mention_id, doc_id, family, modality, countries, weak, day, lo, hi, keys, "
    "mention_id, row_at FROM cluster_members",
)


def test_a_store_with_the_first_index_layout_gets_the_new_one_built_by_its_next_batch(tmp_path: Path) -> None:
    corpus = _corpus(seed=5, n_docs=30)
    reference = ingest(tmp_path / "ref.duckdb", corpus)
    store = ingest(tmp_path / "old.duckdb", corpus[:20])
    for sql in (*FIRST_LAYOUT, *q.CLEAR_INDEX_SQL):
        store.con.execute(sql)
    store.close()
    store = Store(tmp_path / "old.duckdb")
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert not {"cluster_index", "cluster_keys"} & tables
    store.add_batch(corpus[20:])
    assert (events(store), membership(store)) == (events(reference), membership(reference))
    mentions = _all_indexed(store)
    assert store.con.execute("SELECT count(DISTINCT n) FROM cluster_members").fetchone() == (mentions,)


def _partition(store: Store) -> set[frozenset[str]]:
    rows = store.con.execute("SELECT segment, list(mention_id) FROM cluster_members GROUP BY segment").fetchall()
    return {frozenset(ids) for _, ids in rows}


def test_segments_kept_batch_by_batch_are_the_segments_of_a_recluster(tmp_path: Path) -> None:
    corpus = _corpus(seed=8, n_docs=50)
    store = ingest(tmp_path / "s.duckdb", *[corpus[i:i + 3] for i in range(0, len(corpus), 3)][::-1])
    kept = _partition(store)
    assert any(len(seg) > 3 for seg in kept)  # segments did join across batches
    store.recluster()
    assert _partition(store) == kept


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)), st.integers(0, 800), st.integers(-900, 900),
       st.integers(0, 800))
def test_a_window_probes_the_bucket_of_every_window_it_meets(lo: dt.date, span: int, offset: int, other: int) -> None:
    new = (lo, lo + dt.timedelta(days=span))
    old = (lo + dt.timedelta(days=offset), lo + dt.timedelta(days=offset + other))
    if not (old[0] <= new[1] and new[0] <= old[1]):
        return
    level, bucket = clustering_index.bucket(*old)
    ranges = clustering_index.probes(*new)
    if level < len(clustering_index.LEVELS):
        assert ranges[2 * level] <= bucket <= ranges[2 * level + 1]
    else:
        assert bucket == 0  # the last level: one bucket per hash, always probed


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)), st.integers(0, 800), st.booleans())
def test_the_new_link_rows_travel_as_arrays_with_their_days_and_probes(lo: dt.date, span: int, day: bool) -> None:
    light = LightMention("m", "d", ("CHN", "USA"), False, day, lo, lo + dt.timedelta(days=span),
                                          ("name:a", "name:b"), ("CONSULT", "asserted"))
    table = clustering_index.neighbour_links([light])
    links = clustering_index._links(light)
    assert {len(column) for column in table.values()} == {len(links)}
    unix = dt.date(1970, 1, 1)
    for i, (kh, weak, first, last, reach) in enumerate(links):
        assert (int(table["kh"][i]), bool(table["weak"][i])) == (kh, weak)
        assert [unix + dt.timedelta(days=int(table[name][i])) for name in ("lo", "hi", "reach")] == [first, last, reach]
        assert [int(table[name][i]) for name in ("first0", "last0", "first1", "last1")] == clustering_index.probes(
            first, reach)


def test_a_batch_s_link_rows_travel_as_arrays_that_give_them_back() -> None:
    day = dt.date(1969, 12, 31)
    rows = [(-2**63, True, day, day, day + dt.timedelta(days=1), 0),
            (2**63 - 1, False, dt.date(1900, 1, 1), dt.date(2100, 1, 1), dt.date(2100, 1, 1), 7)]
    table = clustering_index.key_table(rows)
    unix = dt.date(1970, 1, 1)
    back = [(int(table["kb"][i]), bool(table["weak"][i]),
             *(unix + dt.timedelta(days=int(table[name][i])) for name in ("lo", "hi", "reach")), int(table["n"][i]))
            for i in range(len(rows))]
    assert back == rows


def test_a_batch_registers_its_arrays_and_a_recluster_passes_them_as_lists(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A transaction keeps every table it registered until it ends: a recluster, one transaction, would hold them
    all; its results equal the batches' (the other tests), and here it registers none."""
    corpus = _corpus(seed=13, n_docs=30)
    store = ingest(tmp_path / "s.duckdb", corpus[:15])
    registered: list[bool] = []
    from_arrays = Store._from_arrays

    def spy(self: Store, sql: str, lists_sql: str, name: str, table: dict, *, register: bool) -> list:
        registered.append(register)
        return from_arrays(self, sql, lists_sql, name, table, register=register)

    monkeypatch.setattr(Store, "_from_arrays", spy)
    store.add_batch(corpus[15:])
    assert registered and all(registered)
    registered.clear()
    store.recluster()
    assert registered and not any(registered)


def test_mentions_before_1970_link_across_batches_as_in_one(tmp_path: Path) -> None:
    """The arrays carry days since 1970: dates before it are negative numbers, and must link all the same."""
    batches = [[(doc("a", "1969-12-31"), [rec("a", 0, date="1969-12-30", source=[BLINKEN], target=[WANG])])],
               [(doc("b", "1969-12-31"), [rec("b", 0, date="1969-12-30", source=[BLINKEN], target=[WANG])])],
               [(doc("c", "1970-01-01"), [rec("c", 0, date="1969-12-31", source=[BLINKEN], target=[WANG])])]]
    apart = ingest(tmp_path / "apart.duckdb", *batches)
    together = ingest(tmp_path / "together.duckdb", [item for batch in batches for item in batch])
    assert membership(apart) == membership(together)
    assert len(membership(apart)) == 1  # one event: the later batches found the earlier mentions


def _misplaced(store: Store) -> int:
    row = store.con.execute("SELECT count(*) FROM cluster_members c JOIN mentions m USING (mention_id) "
                            "WHERE m.rowid <> c.row_at").fetchone()
    assert row is not None
    return int(row[0])


def test_the_index_keeps_each_mention_s_rowid_and_a_wrong_one_only_costs_a_second_read(tmp_path: Path) -> None:
    corpus = _corpus(seed=11, n_docs=45)
    reference = ingest(tmp_path / "ref.duckdb", corpus)
    store = ingest(tmp_path / "s.duckdb", *[corpus[i:i + 4] for i in range(0, 30, 4)])
    assert _misplaced(store) == 0  # reads of old members go straight to their rows
    store.recluster()
    assert _misplaced(store) == 0
    # hints that point elsewhere (as after a rewrite of the table) cost a read of the whole table, not a result
    store.con.execute("UPDATE cluster_members SET row_at = (n * 7919) % 50")
    store.add_batch(corpus[32:])
    store.add_batch(corpus[30:32])
    assert (events(store), membership(store)) == (events(reference), membership(reference))


def test_a_writer_keeps_the_rows_it_clustered_and_not_those_of_a_failed_batch(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(seed=12, n_docs=40)
    reference = ingest(tmp_path / "ref.duckdb", corpus)
    store = ingest(tmp_path / "s.duckdb", corpus[:10], corpus[10:20])

    def fail(con: object, added: list[str]) -> None:
        raise RuntimeError("the batch fails after its events are written")

    with pytest.raises(RuntimeError):
        store.add_batch(corpus[20:30], after_insert=fail)  # rolled back: what it staged must not be kept
    assert store.add_batch(corpus[:3]).duplicates  # a batch with nothing to cluster commits nothing of it either
    read = _full_reads(monkeypatch)
    store.add_batch(corpus[20:30])
    new = {m.mention_id for _, records in corpus[20:30] for m in records}
    assert read and set(read) <= new  # older members came from the rows the writer kept
    # a connection of its own (as after a reader's turn) may follow another process's writes: nothing is kept
    store._drop()
    other = Store(tmp_path / "s.duckdb")
    other.add_batch(corpus[30:35])
    other.close()
    read.clear()
    store.add_batch(corpus[35:])
    assert set(read) - {m.mention_id for _, records in corpus[35:] for m in records}
    assert (events(store), membership(store)) == (events(reference), membership(reference))


def _statements(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict]]:
    """The (statement, parameters) of ``Store._rows`` from here on."""
    seen: list[tuple[str, dict]] = []
    rows = Store._rows

    def spy(self: Store, sql: str, params: dict | list | None = None) -> list[dict]:
        seen.append((sql, params if isinstance(params, dict) else {}))
        return rows(self, sql, params)

    monkeypatch.setattr(Store, "_rows", spy)
    return seen


def test_a_writer_that_keeps_nothing_reads_older_members_by_number_and_by_key(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(seed=13, n_docs=48)
    reference = ingest(tmp_path / "ref.duckdb", corpus)
    monkeypatch.setattr(store_clustered, "READ_GAP", 1)  # every older row counts as far from the new ones
    seen = _statements(monkeypatch)
    path = tmp_path / "s.duckdb"
    for i in range(0, len(corpus), 6):  # a new writer per batch, as one `detente ingest` per file does
        store = Store(path)
        store.add_batch(corpus[i:i + 6])
        store.close()
    by_number = [p["ns"] for sql, p in seen if sql == q.INDEX_ROWS_SQL]
    by_key = [p["ids"] for sql, p in seen if sql == q.FULL_BY_KEY_SQL]
    assert by_number and by_key  # older members came from the index rows and the primary key, not kept rows
    assert max(len(ids) for ids in by_key) <= store_clustered.KEY_LOOKUPS
    store = Store(path)
    assert (events(store), membership(store)) == (events(reference), membership(reference))


def test_many_older_members_are_read_by_rowids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(seed=14, n_docs=40)
    reference = ingest(tmp_path / "ref.duckdb", corpus)
    ingest(tmp_path / "s.duckdb", corpus[:34]).close()
    monkeypatch.setattr(store_clustered, "KEY_LOOKUPS", 1)
    monkeypatch.setattr(store_clustered, "KEY_STATEMENTS", 1)
    seen = _statements(monkeypatch)
    store = Store(tmp_path / "s.duckdb")
    store.add_batch(corpus[34:])
    assert not [p for sql, p in seen if sql == q.FULL_BY_KEY_SQL]  # more than one: runs of rowids instead
    assert (events(store), membership(store)) == (events(reference), membership(reference))


def test_the_rows_a_writer_keeps_are_not_tracked_by_the_garbage_collector(tmp_path: Path) -> None:
    # tracked, 30,000 kept rows made every full collection of a long ingest about 10 ms longer
    corpus = _corpus(seed=15, n_docs=30)
    store = ingest(tmp_path / "s.duckdb", corpus[:15], corpus[15:])
    kept = [*store._recent._items.values(), *store._members._items.values()]
    assert len(kept) > len(corpus)
    gc.collect()
    assert not [item for item in kept if gc.is_tracked(item)]


def _label_by_segments(store: Store) -> None:
    """Label the index as a store written before labels were link components has it: by segments (every member of a
    segment gets its smallest number)."""
    cur = store.con.execute("SELECT * FROM cluster_members")
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
    number = {row["mention_id"]: int(row["n"]) for row in rows}
    blocks: dict[tuple[str, str], list] = {}
    for row in rows:
        light = clustering_index.light_of(row)
        blocks.setdefault(light.block, []).append(light)
    labels = {number[mid]: min(number[m] for m in seg)
              for lights in blocks.values() for seg in segments(lights) for mid in seg}
    store.con.execute(q.RELABEL_SQL, {"ns": list(labels), "segs": list(labels.values())})


def test_a_store_labelled_by_segments_gives_the_same_events_and_its_labels_become_components(tmp_path: Path) -> None:
    corpus = _corpus(seed=16, n_docs=60)
    reference = ingest(tmp_path / "ref.duckdb", corpus)
    components = _partition(reference)
    store = ingest(tmp_path / "old.duckdb", corpus[:40])
    _label_by_segments(store)
    coarse = _partition(store)
    assert len(coarse) < len(_partition(ingest(tmp_path / "part.duckdb", corpus[:40])))  # segments are coarser
    store.close()
    store = Store(tmp_path / "old.duckdb")
    for i in range(40, len(corpus), 5):
        store.add_batch(corpus[i:i + 5])
    assert (events(store), membership(store)) == (events(reference), membership(reference))
    # every label class is a union of components; those the new batches touched are split into theirs
    refined = _partition(store)
    assert all(any(c <= r for r in refined) for c in components)
    assert refined != coarse and refined & components - coarse
    store.recluster()
    assert _partition(store) == components
