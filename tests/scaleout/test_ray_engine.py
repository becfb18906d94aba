"""The Ray engine end to end on a local two-CPU Ray cluster: the same store as the local engine, byte for byte
in what the store returns (documents, mentions, events), through the API and the command."""

from __future__ import annotations

import itertools
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import detente
from detente.cli import main
from detente.records import Document, Event, Mention
from detente.store.db import Store
from tests.conftest import EXAMPLES, ROOT, VOA

VOA_STORIES = 20
BATCH_SIZE = 5 if VOA.exists() else 2


@pytest.fixture(scope="module")
def ray_session() -> Iterator[Any]:
    """One local Ray cluster for the module (starting one takes seconds); the engine joins it."""
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'detente[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The bundled examples, plus the first VOA stories as JSONL when the shared corpus is there."""
    paths = [str(EXAMPLES)]
    if VOA.exists():
        voa = tmp_path_factory.mktemp("voa") / "voa.jsonl"
        with VOA.open(encoding="utf-8") as lines:
            voa.write_text("".join(itertools.islice(lines, VOA_STORIES)), encoding="utf-8")
        paths.append(str(voa))
    return paths


Snapshot = tuple[list[Document], list[tuple[Mention, str]], list[Event], dict[str, int]]


def _snapshot(db: Path) -> Snapshot:
    with Store(db, read_only=True) as store:
        counts = store.counts()
        counts.pop("runs")
        # a mention with its document's id; the report's other fields hold when it was stored
        mentions = [(m, report.doc_id) for m, report in store.mention_reports()]
        return store.documents(), mentions, store.events(), counts


def _ingest(pipeline: detente.Pipeline, paths: list[str], db: Path, *, batches: list[list[str]] | None = None,
            **engine: Any) -> detente.RunReport:
    """Ingest ``paths``; ``batches`` receives the document ids of each committed transaction, in commit order
    (the store's reads are sorted, so this is where the order shows)."""
    on_batch = None if batches is None else (lambda result: batches.append(list(result.added)))
    # A small batch size so that several transactions and several chunks per worker are exercised (the three
    # bundled examples alone, without the shared corpus, still make two).
    return pipeline.ingest(detente.api.read_items(paths), db, batch_size=BATCH_SIZE, inputs=paths,
                           on_batch=on_batch, **engine)


LOCAL_BATCHES: list[list[str]] = []


@pytest.fixture(scope="module")
def local_store(pipeline: detente.Pipeline, inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    LOCAL_BATCHES.clear()
    _ingest(pipeline, inputs, db, batches=LOCAL_BATCHES)
    return db


def test_ray_engine_stores_what_the_local_engine_stores(ray_session: Any, pipeline: detente.Pipeline,
                                                        inputs: list[str], local_store: Path,
                                                        tmp_path: Path) -> None:
    db = tmp_path / "ray.duckdb"
    batches: list[list[str]] = []
    report = _ingest(pipeline, inputs, db, batches=batches, engine="ray", workers=2)
    expected = 3 + (VOA_STORIES if VOA.exists() else 0)
    assert (report.ingested, report.rejected) == (expected, 0)
    assert batches == LOCAL_BATCHES  # the same documents committed in the same order and transactions
    assert len(batches) > 1
    local, ray = _snapshot(local_store), _snapshot(db)
    assert ray == local
    assert local[3]["mentions"] > 0 and local[3]["events"] > 0
    # a rerun finds everything stored: no actor is started for nothing
    again = _ingest(pipeline, inputs, db, engine="ray", workers=2)
    assert (again.ingested, again.duplicates) == (0, expected)
    assert _snapshot(db) == local


def test_command_with_the_ray_engine(ray_session: Any, local_store: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.duckdb"
    assert main(["ingest", "--engine", "ray", "--workers", "2", "--batch-size", "2", "--db", str(db),
                 str(EXAMPLES)]) == 0
    assert "ingested 3, duplicate 0, rejected 0" in capsys.readouterr().out
    documents, mentions, _events, _counts = _snapshot(db)
    local_documents, local_mentions, _events, _counts = _snapshot(local_store)
    examples = {d.id for d in documents}
    assert [d for d in local_documents if d.id in examples] == documents
    assert [m for m in local_mentions if m[1] in examples] == mentions


def test_worker_options_need_the_ray_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--workers", "2", "--db", str(tmp_path / "s.duckdb"), str(EXAMPLES)]) == 2
    assert "--workers and --ray-address need --engine ray" in capsys.readouterr().err
    assert not (tmp_path / "s.duckdb").exists()


def test_without_ray_the_engine_is_a_setup_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    pipe = detente.load(lazy=True)
    with pytest.raises(detente.SetupError, match=r"needs Ray.*detente\[ray\]"):
        pipe.ingest(detente.api.read_items([str(EXAMPLES)]), tmp_path / "s.duckdb", engine="ray")
    with pytest.raises(detente.SetupError, match="unknown engine 'spark'"):
        pipe.ingest([], tmp_path / "s.duckdb", engine="spark")


def test_an_actor_that_cannot_start_is_one_line(ray_session: Any, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no_such_model"
    assert main(["ingest", "--engine", "ray", "--workers", "1", "--model", str(missing), "--db",
                 str(tmp_path / "s.duckdb"), str(EXAMPLES)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("detente: a Ray coding worker could not start:") and "\n" not in err


def test_an_unreachable_head_is_one_line_at_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'detente[ray]')")
    monkeypatch.setattr(ray, "is_initialized", lambda: False)  # as in a fresh process, whatever ran before
    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert main(["ingest", "--engine", "ray", "--ray-address", f"127.0.0.1:{port}", "--db",
                 str(tmp_path / "s.duckdb"), str(EXAMPLES)]) == 2
    assert capsys.readouterr().err == f"detente: cannot reach the Ray head at 127.0.0.1:{port}: Connection refused\n"


def test_ray_is_imported_only_by_a_ray_run() -> None:
    code = ("import sys, detente, detente.cli, detente.scaleout.ray_engine; detente.cli.build_parser(); "
            "print('ray' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
