"""A transient writer closes and reopens its connection after a commit that checkpointed, keeps its lock and its
kept rows across its own reopen, and writes the same store as one that never reopens (``detente.store.session``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from detente.records import Document, Mention
from detente.store import queries as q
from detente.store.db import Store
from detente.store.session import Session
from tests.conftest import ROOT
from tests.store.test_db import _mention

# DuckDB checkpoints a commit whose log (with its estimate of the transaction) passes this: every batch here
SMALL_LOG = ("PRAGMA disable_checkpoint_on_shutdown", "SET checkpoint_threshold = '1MB'")
SECOND_WRITER = ("import sys\nfrom detente.store.db import Store, StoreError\n"
                 "try:\n    Store(sys.argv[1], transient=True).close()\nexcept StoreError as exc:\n"
                 "    print(exc)\n    sys.exit(3)\n")
TABLES = ("documents", "mentions", "events", "cluster_members")


def _batch(k: int) -> list[tuple[Document, list[Mention]]]:
    """Four documents on one dyad and a few days, so that each batch's mentions join earlier events."""
    out = []
    for i in range(4):
        text = f"Batch {k} article {i}: Wang Yi met Blinken."
        doc = Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, source_id=f"s{k}-{i}",
                       published=dt.date(2023, 9, 30) + dt.timedelta(days=k % 5), outlet="Wire", title="T")
        out.append((doc, [_mention(doc, j) for j in range(3)]))
    return out


def _write(path: Path, batches: int) -> Store:
    store = Store(path, transient=True)
    for k in range(batches):
        store.add_batch(_batch(k))
    return store


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect(str(path), read_only=True) as con:
        out = {}
        for table in TABLES:  # every column but when and by which run a row was written
            cols = con.execute(f"SELECT * FROM {table} LIMIT 0").description or []
            names = [c[0] for c in cols if c[0] not in ("run_id", "ingested_at")]
            out[table] = sorted(con.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall(), key=repr)
    return out


def _second_writer(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SECOND_WRITER, str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)


@pytest.fixture
def small_log(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(q, "TRANSIENT_WRITER_SQL", SMALL_LOG)


@pytest.mark.usefixtures("small_log")
def test_a_writer_reopens_after_a_checkpoint_and_keeps_its_rows(tmp_path: Path) -> None:
    store = _write(tmp_path / "s.duckdb", 1)
    try:
        seen = []
        for k in range(1, 12):
            con, epoch, kept = store.con, store.epoch, len(store._recent._items)
            reopens = store.reopens
            store.add_batch(_batch(k))
            if store.reopens > reopens:
                seen.append(k)
                assert store._con is not None and store._con is not con, "the next use has a fresh connection"
                assert store.epoch is epoch, "its own reopen keeps what it committed"
                assert len(store._recent._items) >= kept > 0, "the kept rows survived"
        assert seen, "no commit checkpointed"
        store.add_batch(_batch(12))
        assert store._recent._owner is store.epoch and store._recent._items
    finally:
        store.close()


def test_a_writer_that_reopens_writes_the_same_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "plain.duckdb", 12).close()
    monkeypatch.setattr(q, "TRANSIENT_WRITER_SQL", SMALL_LOG)
    store = _write(tmp_path / "reopened.duckdb", 12)
    assert store.reopens > 0
    store.close()
    assert _tables(tmp_path / "reopened.duckdb") == _tables(tmp_path / "plain.duckdb")


@pytest.mark.usefixtures("small_log")
def test_the_writer_lock_holds_during_and_after_a_reopen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.duckdb"
    during: list[subprocess.CompletedProcess[str]] = []
    connect = Session._connect

    def connect_after_a_second_writer(self: Session) -> duckdb.DuckDBPyConnection:
        if self.reopens and not during:  # inside the reopen: this writer has closed the file
            during.append(_second_writer(path))
        return connect(self)

    monkeypatch.setattr(Session, "_connect", connect_after_a_second_writer)
    store = _write(path, 1)
    try:
        k = 1
        while not store.reopens and k < 30:
            store.add_batch(_batch(k))
            k += 1
        assert store.reopens and during, "no commit checkpointed"
        assert during[0].returncode == 3 and "another process is writing" in during[0].stdout
        after = _second_writer(path)
        assert after.returncode == 3 and "another process is writing" in after.stdout
        store.add_batch(_batch(k))  # still the writer
    finally:
        store.close()
    assert _second_writer(path).returncode == 0


def test_a_file_changed_by_another_process_drops_the_kept_rows(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with _write(path, 2) as store:
        epoch = store.epoch
        Path(f"{path}.read-request").touch()  # a reader's turn: the writer closes the file
        store.counts()
        assert store._con is None
        with duckdb.connect(str(path), read_only=True) as reader:
            reader.execute("SELECT count(*) FROM mentions").fetchall()
        store.add_batch(_batch(2))
        assert store.epoch is epoch, "a reader changed nothing"
        Path(f"{path}.read-request").touch()
        store.counts()
        with duckdb.connect(str(path)) as other:
            other.execute("UPDATE documents SET title = 'U' WHERE source_id = 's0-0'")
        store.add_batch(_batch(3))
        assert store.epoch is not epoch, "another process wrote: what was kept may be stale"


def test_a_writer_does_not_reopen_when_no_commit_checkpointed(tmp_path: Path) -> None:
    with _write(tmp_path / "s.duckdb", 4) as store:
        con = store.con
        store.add_batch(_batch(4))
        assert store.reopens == 0 and store.con is con
        assert Path(f"{tmp_path / 's.duckdb'}.wal").stat().st_size > 0
