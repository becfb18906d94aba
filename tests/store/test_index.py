"""The clustering index: a batch reads only its candidates, a store from before the index gets one, and the
streaming recluster gives what one pass over everything gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.store import db as store_db
from detente.store import index as clustering_index
from detente.store import queries as q
from detente.store.db import Store
from tests.clustering.eventdata import BIDEN, BLINKEN, WANG, XI, doc, events, ingest, membership, rec
from tests.clustering.test_cluster_order import _corpus

LAVROV = ("Sergei Lavrov", "RUS")


def test_a_batch_reads_in_full_only_the_segments_it_touches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ingest(tmp_path / "s.duckdb",
                   [(doc("old1", "2023-06-18"), [rec("old1", 0, date="2023-06-18", source=[BLINKEN], target=[WANG])]),
                    (doc("old2", "2023-06-19"), [rec("old2", 0, date="2023-06-18", source=[BLINKEN], target=[XI])])],
                   [(doc("far", "2021-01-05"), [rec("far", 0, date="2021-01-04", source=[BLINKEN], target=[WANG])]),
                    (doc("other", "2023-06-19"),
                     [rec("other", 0, date="2023-06-18", source=[LAVROV], target=[BIDEN])])])
    read: list[str] = []
    rows = Store._rows

    def spy(self: Store, sql: str, params: dict | list | None = None) -> list[dict]:
        if sql == q.FULL_OF_MENTIONS_SQL:
            assert isinstance(params, dict)
            read.extend(params["ids"])
        return rows(self, sql, params)

    monkeypatch.setattr(Store, "_rows", spy)
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
    mentions, indexed = store.con.execute(q.INDEX_COUNT_SQL).fetchone()
    assert mentions == indexed


def test_recluster_in_small_chunks_equals_one_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(seed=9, n_docs=40)
    store = ingest(tmp_path / "s.duckdb", corpus)
    expected = (events(store), membership(store))
    monkeypatch.setattr(store_db, "RECLUSTER_CHUNK", 3)
    store.recluster()
    assert (events(store), membership(store)) == expected


def test_segment_labels_change_only_where_segments_join() -> None:
    numbers = {"a": 0, "b": 1, "c": 2, "x": 3, "y": 4}
    # a new mention (a) joins the segment b and c share: all three take its smaller number
    assert clustering_index.labels([["b", "c", "a"], ["x"]], numbers, {"b": 1, "c": 1, "x": 3}) == {
        "a": 0, "b": 0, "c": 0}
    assert clustering_index.labels([["b", "c"]], numbers, {"b": 1, "c": 1}) == {}
    assert clustering_index.labels([["y"]], numbers, {}) == {"y": 4}  # a new mention always gets its label
