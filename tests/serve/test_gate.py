"""A read-only server takes turns with outside writers: it keeps answering committed data while a real
``detente ingest`` runs in another process, never blocks it, and drops its kept answers when it lets it in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from detente.serve import create_app
from detente.serve.ready import wait_until_serving
from detente.store.db import Store
from tests.cli.conftest import table
from tests.conftest import EXAMPLES, ROOT
from tests.serve.conftest import TALKS, LiveServer, free_port

BATCHES = 8


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DETENTE_DB", "DETENTE_TOKEN")}
    return {**env, "DETENTE_DB": str(db)}


def _ingest(db: Path, *inputs: str, paced_by: Path | None = None) -> subprocess.Popen[str]:
    """``detente ingest`` in another process, one document a batch; ``paced_by``: a folder of acknowledgements
    the writer waits for after each batch (tests/serve/paced_ingest.py)."""
    command = ["-m", "detente"] if paced_by is None else ["-m", "tests.serve.paced_ingest", str(paced_by)]
    return subprocess.Popen([sys.executable, *command, "ingest", "-v", "--batch-size", "1", *inputs],
                            cwd=ROOT, env=_env(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _serve(db: Path, port: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-m", "detente", "serve", "--port", str(port)], cwd=ROOT,
                            env=_env(db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_until_serving(proc, port, seconds=120)
    return proc


def test_serve_answers_whole_batches_while_an_outside_ingest_runs(tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    Store(db).close()  # an empty store: a read-only server needs one
    port = free_port()
    server = _serve(db, port)
    seen: list[tuple[int, int, int, bool]] = []  # documents, mentions (stats), mentions in events, ingest running
    failures: list[str] = []
    # eight one-document batches (the seeds, each copy with a sentence of its own so none is a duplicate); after
    # each, the writer waits until this loop has read that state (acks/<n>): a loaded machine can otherwise commit
    # every batch before the reader gets a turn
    acks = tmp_path / "acks"
    acks.mkdir()
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(BATCHES):
        seed = sorted(EXAMPLES.glob("*.txt"))[n % 3]
        (inputs / f"{n}-{seed.name}").write_text(f"{seed.read_text(encoding='utf-8')}\n\nCopy {n} of the story.\n",
                                                 encoding="utf-8")
    try:
        ingest = _ingest(db, str(inputs), paced_by=acks)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            while True:
                running = ingest.poll() is None
                stats = http.get("/api/stats")
                events = http.get("/api/events", params={"limit": 200})
                if stats.status_code != 200 or events.status_code != 200:
                    failures.append(f"{stats.status_code} {events.status_code} {stats.text[:200]}")
                else:
                    counts = stats.json()["counts"]
                    seen.append((counts["documents"], counts["mentions"],
                                 sum(e["mentions"] for e in events.json()["events"]), running))
                    (acks / str(counts["documents"])).touch()  # read: the writer may commit its next batch
                if not running:
                    break
                time.sleep(0.02)
        _, err = ingest.communicate(timeout=60)
    finally:
        server.terminate()
        server.wait(30)
    assert ingest.returncode == 0, err
    assert "locked" not in err and "Traceback" not in err
    assert err.count("committed batch") == BATCHES  # one document a batch
    assert failures == []

    rows = table(db, "SELECT d.rowid, count(m.mention_id) FROM documents d LEFT JOIN mentions m ON m.doc_id = d.id "
                     "GROUP BY d.rowid ORDER BY d.rowid")
    per_doc = [int(n) for _, n in rows]
    whole = {(k, sum(per_doc[:k])) for k in range(len(per_doc) + 1)}  # the store after each committed batch
    assert len(per_doc) == BATCHES
    assert all((docs, mentions) in whole for docs, mentions, _, _ in seen), seen
    assert all(events in {m for _, m in whole} for _, _, events, _ in seen), seen
    assert [s[0] for s in seen] == sorted(s[0] for s in seen)  # counts only grow
    between = {docs for docs, _, _, running in seen if running and 0 < docs < BATCHES}
    assert between == set(range(1, BATCHES)), f"reads landed between batches only at {sorted(between)}"
    assert seen[-1][:2] == (BATCHES, sum(per_doc))


def test_the_server_lets_a_writer_in_drops_kept_answers_and_holds_again(tmp_path: Path, seeds_store: Path,
                                                                          kb: Any) -> None:
    db = Path(tmp_path / "store.duckdb")
    db.write_bytes(seeds_store.read_bytes())
    talks = tmp_path / "talks.jsonl"
    talks.write_text(json.dumps(TALKS) + "\n", encoding="utf-8")
    app: FastAPI = create_app(db, kb=kb)
    server = app.state.server
    gate = server.gate
    url = "/api/events?limit=200"
    try:
        with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=60) as http:
            assert gate.held
            before = http.get(url).text
            assert http.get(url).text == before and len(server.cache) == 1  # kept while the file is held
            assert "talks-1" not in before
            ingest = _ingest(db, str(talks))
            answers: list[int] = []

            def poll() -> None:
                while ingest.poll() is None:
                    answers.append(http.get("/api/stats").status_code)
                    time.sleep(0.05)

            poller = threading.Thread(target=poll)
            poller.start()
            _, err = ingest.communicate(timeout=300)
            poller.join(60)
            assert ingest.returncode == 0, err
            assert answers and set(answers) == {200}
            after = http.get(url).text
            assert "talks-1" in after and after != before  # the kept answer went when the writer came in
            deadline = time.monotonic() + 30
            while not gate.held:
                assert time.monotonic() < deadline, "the server never held the store again"
                time.sleep(0.05)
            assert http.get(url).text == after
            assert http.get(url).text == after and len(server.cache) == 1  # kept again
    finally:
        server.close()
    assert not Path(f"{db}.write-request").exists()


def test_the_server_reads_with_one_duckdb_thread_a_query(read_app: FastAPI) -> None:
    gate = read_app.state.server.gate
    with gate.reading() as (store, held):
        assert held
        assert store.con.execute("SELECT current_setting('threads')").fetchone() == (1,)
