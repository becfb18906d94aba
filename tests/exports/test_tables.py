"""The store's tables as CSV, JSON lines and Parquet: loaded back with DuckDB and compared with the store."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import duckdb
import pytest

import detente
from detente.exports.output import neutralize
from detente.exports.tables import csv_cell
from tests.exports.conftest import HOSTILE_OUTLET, HOSTILE_TEXT, HOSTILE_TITLE


def _count(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(sql).fetchone()
        assert row is not None
        return int(row[0])
    finally:
        con.close()


@pytest.mark.parametrize("table", ["events", "mentions", "documents"])
def test_three_formats_hold_the_same_rows(seeds_store: Path, tmp_path: Path, table: str) -> None:
    expected = _count(seeds_store, f"SELECT count(*) FROM {table}")
    con = duckdb.connect()
    paths = {fmt: tmp_path / f"{table}.{fmt}" for fmt in ("csv", "jsonl", "parquet")}
    for fmt, path in paths.items():
        assert detente.export(seeds_store, fmt, path, table=table) == expected
    from_csv = con.execute("SELECT * FROM read_csv($p, header=true)", {"p": str(paths["csv"])}).fetchall()
    from_parquet = con.execute("SELECT * FROM read_parquet($p)", {"p": str(paths["parquet"])}).fetchall()
    lines = paths["jsonl"].read_text(encoding="utf-8").splitlines()
    assert len(from_csv) == len(from_parquet) == len(lines) == expected
    key = {"events": "event_id", "mentions": "mention_id", "documents": "id"}[table]
    ids = {json.loads(line)[key] for line in lines}
    assert ids == {r[0] for r in from_parquet} == {r[0] for r in from_csv}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_an_output_that_cannot_be_opened_raises_and_frees_the_store(seeds_store: Path, tmp_path: Path,
                                                                     fmt: str) -> None:
    """Once, the rows held the store's session until read to their end: an output in a missing folder left the
    session held and closing the store waited for ever. Now it raises, and the store is free at once."""
    failures: list[BaseException] = []

    def attempt() -> None:
        try:
            detente.export(seeds_store, fmt, tmp_path / "missing" / f"events.{fmt}")
        except BaseException as exc:  # noqa: BLE001 - the test reads what came out of the thread
            failures.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "the export hung"
    assert len(failures) == 1 and isinstance(failures[0], OSError)
    assert detente.export(seeds_store, fmt, tmp_path / f"events.{fmt}") == _count(
        seeds_store, "SELECT count(*) FROM events")


def test_parquet_keeps_types(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    detente.export(seeds_store, "parquet", out)
    con = duckdb.connect()
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($p))",
                             {"p": str(out)}).fetchall())
    assert types["date"] == "DATE" and types["goldstein"] == "DOUBLE" and types["quad_class"] == "INTEGER"
    assert types["source_countries"] == "VARCHAR[]" and types["mentions"] == "INTEGER"
    stored = duckdb.connect(str(seeds_store), read_only=True)
    expected = stored.execute("SELECT event_id, cameo, goldstein, date FROM events ORDER BY event_id").fetchall()
    stored.close()
    assert con.execute("SELECT event_id, cameo, goldstein, date FROM read_parquet($p) ORDER BY event_id",
                       {"p": str(out)}).fetchall() == expected


def test_filters_select_events_and_what_reports_them(seeds_store: Path, tmp_path: Path) -> None:
    events, mentions, documents = (tmp_path / f"{t}.jsonl" for t in ("events", "mentions", "documents"))
    n = detente.export(seeds_store, "jsonl", events, since="2024-01")
    detente.export(seeds_store, "jsonl", mentions, table="mentions", since="2024-01")
    detente.export(seeds_store, "jsonl", documents, table="documents", since="2024-01")
    rows = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert 0 < n == len(rows) < _count(seeds_store, "SELECT count(*) FROM events")
    assert all(r["date"] >= "2024-01-01" or (r["date_end"] or "") >= "2024-01-01" for r in rows)
    assert isinstance(rows[0]["source"], list)  # actors as objects, not JSON text
    ids = {r["event_id"] for r in rows}
    mention_rows = [json.loads(line) for line in mentions.read_text(encoding="utf-8").splitlines()]
    assert {m["event_id"] for m in mention_rows} == ids and len(mention_rows) == sum(r["mentions"] for r in rows)
    doc_ids = {json.loads(line)["id"] for line in documents.read_text(encoding="utf-8").splitlines()}
    assert doc_ids == {m["doc_id"] for m in mention_rows}


def test_csv_neutralizes_formulas(hostile_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "documents.csv"
    assert detente.export(hostile_store, "csv", out, table="documents") == 2
    con = duckdb.connect()
    rows = con.execute("SELECT source_id, title, outlet, text FROM read_csv($p, header=true, all_varchar=true) "
                       "ORDER BY published", {"p": str(out)}).fetchall()
    assert rows[0][:3] == ("'-evil-id", "'" + HOSTILE_TITLE, "'" + HOSTILE_OUTLET)
    assert rows[0][3] == HOSTILE_TEXT  # CSV quotes a multi-line text; it comes back whole
    assert rows[1][:3] == ("'+id\tsecond", "Line one\nline\ttwo", "'=Outlet")
    mentions = tmp_path / "mentions.csv"
    detente.export(hostile_store, "csv", mentions, table="mentions")
    goldstein = con.execute("SELECT goldstein FROM read_csv($p, header=true) ORDER BY goldstein",
                            {"p": str(mentions)}).fetchall()
    assert goldstein == [(-2.0,), (1.9,)]  # numbers are not text: a negative one stays a number


def test_cells() -> None:
    assert [neutralize(x) for x in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "plain", "")] == [
        "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "plain", ""]
    assert csv_cell(-2.0) == -2.0 and csv_cell(["USA", "CHN"]) == "USA;CHN" and csv_cell(None) == ""
