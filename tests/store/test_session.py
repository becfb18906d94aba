"""A store's turns with other processes: a transient writer checkpoints when it yields the file to a reader and
when it closes, and not on every small commit (``detente.store.session``)."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from detente.store.db import Store
from tests.store.test_db import _doc, _mention


def _log_bytes(path: Path) -> int:
    wal = Path(f"{path}.wal")
    return wal.stat().st_size if wal.exists() else 0


def _stored(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM documents").fetchone()
    return int(row[0]) if row else -1


def test_a_writer_checkpoints_when_it_yields_to_a_reader_and_when_it_closes(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path, transient=True) as store:
        for i in range(3):
            doc = _doc(f"Article {i}.")
            store.add_batch([(doc, [_mention(doc)])])
        assert _log_bytes(path) > 0, "small batches each paid a checkpoint"
        Path(f"{path}.read-request").touch()  # a reader asks for a turn
        assert store.counts()["documents"] == 3  # the end of a call answers it
        assert store._con is None and _log_bytes(path) == 0, "the reader would replay the writer's log"
        assert _stored(path) == 3
        doc = _doc("Article 3.")
        store.add_batch([(doc, [_mention(doc)])])  # the writer opens the file again
        assert _log_bytes(path) > 0
    assert _log_bytes(path) == 0 and _stored(path) == 4


def test_an_idle_writer_checkpoints_before_its_watcher_yields(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path, transient=True) as store:
        doc = _doc("Article.")
        store.add_batch([(doc, [_mention(doc)])])
        assert _log_bytes(path) > 0
        Path(f"{path}.read-request").touch()  # while the writer is between calls
        deadline = time.monotonic() + 30
        while store._con is not None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert store._con is None and _log_bytes(path) == 0
        assert _stored(path) == 1
