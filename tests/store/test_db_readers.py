"""Readers during an ingest: `detente documents` and `detente events` answer from committed batches while a real
`detente ingest` runs in another process, an idle reader does not block it, and a second writer is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import detente
from tests.cli.conftest import detente as run_detente
from tests.cli.conftest import table
from tests.conftest import ROOT

BATCH = 5
DOCS = 30


def _stderr_lines(proc: subprocess.Popen[str], lines: list[str], first_commit: threading.Event) -> None:
    assert proc.stderr is not None
    for line in proc.stderr:
        lines.append(line)
        if line.startswith("committed batch"):
            first_commit.set()
    first_commit.set()  # the ingest ended: stop waiting in any case


def test_readers_see_whole_batches_while_an_ingest_runs(tmp_path: Path, voa_path: Path) -> None:
    corpus = tmp_path / "voa30.jsonl"
    corpus.write_text("".join(voa_path.read_text(encoding="utf-8").splitlines(keepends=True)[:DOCS]))
    order = [str(json.loads(line)["id"]) for line in corpus.read_text(encoding="utf-8").splitlines()]
    db = tmp_path / "live.duckdb"
    env = {**os.environ, "DETENTE_DB": str(db)}
    cmd = [sys.executable, "-m", "detente", "ingest", "-v", "--batch-size", str(BATCH), str(corpus)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    first_commit = threading.Event()
    reader = threading.Thread(target=_stderr_lines, args=(proc, lines, first_commit), daemon=True)
    reader.start()
    assert first_commit.wait(timeout=300), "no batch committed"

    seen_docs: list[list[str]] = []
    seen_mentions: list[int] = []
    with detente.open_store(db, read_only=True) as idle:  # read once, then left open and idle
        idle.counts()
        while proc.poll() is None:
            docs = run_detente("documents", "--format", "jsonl", db=db)
            assert docs.returncode == 0 and not docs.stderr, docs.stderr
            seen_docs.append([json.loads(x)["source_id"] for x in docs.stdout.splitlines()])
            events = run_detente("events", "--format", "jsonl", db=db)
            assert events.returncode == 0 and not events.stderr, events.stderr
            seen_mentions.append(sum(json.loads(x)["mentions"] for x in events.stdout.splitlines()))
    proc.wait(timeout=60)
    reader.join(timeout=10)
    assert proc.returncode == 0, "".join(lines)
    assert sum(line.startswith("committed batch") for line in lines) == DOCS // BATCH

    per_doc = dict(table(db, "SELECT d.source_id, count(m.mention_id) FROM documents d "
                             "LEFT JOIN mentions m ON m.doc_id = d.id GROUP BY d.source_id"))
    assert sorted(per_doc) == sorted(order)
    boundaries = {n: sorted(order[:n]) for n in range(0, DOCS + 1, BATCH)}
    mention_totals = {sum(per_doc[d] for d in order[:n]) for n in boundaries}
    assert any(0 < len(ids) < DOCS for ids in seen_docs), "no read landed while the ingest was running"
    for ids in seen_docs:
        assert sorted(ids) == boundaries.get(len(ids)), f"a read saw {len(ids)} documents, not a whole batch"
    for total in seen_mentions:
        assert total in mention_totals, f"a read saw {total} mentions in events, not a whole batch"


def test_a_second_writer_gets_one_line_and_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    with detente.open_store(db) as writer:
        writer.counts()
        second = run_detente("events", "--recluster", db=db)
        assert second.returncode == 2
        assert "another process is writing to this store" in second.stderr
        assert "Traceback" not in second.stderr and len(second.stderr.strip().splitlines()) == 1
        reader = run_detente("documents", db=db)  # the writer holds no connection between calls
        assert reader.returncode == 0, reader.stderr
    assert run_detente("events", "--recluster", db=db).returncode == 0
