"""The schema variants bench/keys_sql.py and bench/scale.py --schema-variant measure (bench/variants.py): a store made
without its primary keys, or with extra indexes, holds the same rows after the same batches as the store as it
ships, so their timings compare like with like."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from detente.store.db import Store
from tests.store.test_db import _doc, _mention

TABLES = ("documents", "mentions", "events", "cluster_members", "cluster_key_hashes")
COLUMNS = {"documents": "* EXCLUDE (ingested_at)"}  # the clock's, not the writer's


def _variants() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "bench" / "variants.py"
    spec = importlib.util.spec_from_file_location("bench_variants", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _batches() -> list[list[tuple]]:
    """Two batches whose mentions link across documents (one event, three reports) and a third document."""
    docs = [_doc(f"Wang Yi met Blinken, report {i}.", source_id=f"r{i}") for i in range(3)]
    mentions = [dataclasses.replace(_mention(doc), mention_id=f"{doc.id[:8]}-0") for doc in docs]
    return [[(docs[0], [mentions[0]]), (docs[1], [mentions[1]])], [(docs[2], [mentions[2]])]]


def _write(path: Path) -> None:
    with Store(path) as store:
        for batch in _batches():
            store.add_batch(batch)


def _primary_keys(path: Path) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {r[0] for r in con.execute("SELECT table_name FROM duckdb_constraints() "
                                          "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}


@pytest.mark.parametrize("variant", ["nokeys", "index"])
def test_a_variant_holds_the_same_rows(tmp_path, variant):
    shipped, made = tmp_path / "shipped.duckdb", tmp_path / f"{variant}.duckdb"
    _variants().make_variant(made, variant)
    _write(shipped)
    _write(made)
    with duckdb.connect(str(shipped)) as con:
        con.execute(f"ATTACH '{made}' AS other (READ_ONLY)")
        for table in TABLES:
            cols = COLUMNS.get(table, "*")
            for a, b in ((table, f"other.{table}"), (f"other.{table}", table)):
                assert con.execute(f"SELECT count(*) FROM (SELECT {cols} FROM {a} EXCEPT ALL "
                                   f"SELECT {cols} FROM {b})").fetchone() == (0,), (table, a)
        assert con.execute("SELECT count(*) FROM events").fetchone() == (1,)


def test_nokeys_drops_the_three_primary_keys_only(tmp_path):
    path = tmp_path / "s.duckdb"
    _variants().make_variant(path, "nokeys")
    _write(path)
    assert _primary_keys(path) == {"runs", "sources"}


def test_a_variant_of_a_written_store_keeps_its_rows_and_rowids(tmp_path):
    """Rebuilding a store's tables (what keys_sql.py does to its large store) keeps each mention's rowid, which the
    clustering index keeps as a hint."""
    path = tmp_path / "s.duckdb"
    _write(path)
    with duckdb.connect(str(path), read_only=True) as con:
        before = con.execute("SELECT rowid, * FROM mentions ORDER BY rowid").fetchall()
    _variants().make_variant(path, "nokeys")
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT rowid, * FROM mentions ORDER BY rowid").fetchall() == before
    assert _primary_keys(path) == {"runs", "sources"}
