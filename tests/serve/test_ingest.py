"""Ingest while reading: the server's one writer commits a posted batch in one transaction, and readers, on
their own connections to the same open database, see all of it or none of it."""

from __future__ import annotations

import json
import threading
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from detente.serve.ingest import BadBody, jsonl_body
from tests.serve.conftest import HOSTILE, TALKS, auth


def test_a_reader_never_sees_a_half_written_batch(write_app: FastAPI, writer: TestClient) -> None:
    server = write_app.state.server
    server.cache.size = 0  # every read below goes to the database (test_cached_answers... covers the cache)
    store = server.store
    inside = threading.Event()
    release = threading.Event()
    cluster = store._update_events

    def slow_clustering(doc_ids: list[str], *rows: int) -> None:
        # called inside the batch's transaction, after its documents and mentions are inserted
        inside.set()
        assert release.wait(60)
        cluster(doc_ids, *rows)

    store._update_events = slow_clustering
    before = writer.get("/api/stats").json()["counts"]
    events_before = writer.get("/api/events", params={"limit": 200}).json()["events"]
    job = writer.post("/api/documents", json=[TALKS, HOSTILE], headers=auth()).json()
    try:
        assert inside.wait(120), "the batch never reached its transaction"
        # mid-transaction: documents and mentions are written but not committed
        # (the run's own row in `runs` is written when the run starts, before any batch)
        during: list[dict[str, Any]] = [writer.get("/api/stats").json()["counts"] for _ in range(3)]
        assert [{k: c[k] for k in ("documents", "mentions", "events")} for c in during] == [
            {k: before[k] for k in ("documents", "mentions", "events")}] * 3
        assert writer.get("/api/events", params={"limit": 200}).json()["events"] == events_before
        assert len(writer.get("/api/documents", params={"limit": 200}).json()["documents"]) == before["documents"]
    finally:
        release.set()
    status = writer.get(f"/api/ingests/{job['job']}", headers=auth()).json()
    for _ in range(600):
        if status["status"] in ("done", "failed"):
            break
        threading.Event().wait(0.1)
        status = writer.get(f"/api/ingests/{job['job']}", headers=auth()).json()
    assert status["status"] == "done", status
    after = writer.get("/api/stats").json()["counts"]
    assert after["documents"] == before["documents"] + 2
    assert after["mentions"] == before["mentions"] + status["report"]["mentions"]
    assert after["events"] > before["events"]


def test_the_queue_writes_batches_in_order_on_one_thread(write_app: FastAPI, writer: TestClient) -> None:
    jobs = [writer.post("/api/documents", json=doc, headers=auth()).json()["job"] for doc in (TALKS, HOSTILE)]
    queue = write_app.state.server.ingests
    for job_id in jobs:
        job = queue.job(job_id)
        assert job is not None and job.done.wait(120)
        assert job.status == "done"
    assert jobs[0] < jobs[1]
    assert writer.get("/api/stats").json()["counts"]["documents"] == 5


def test_json_bodies_become_jsonl_lines() -> None:
    assert jsonl_body(json.dumps(TALKS).encode(), "application/json; charset=utf-8") == (
        json.dumps(TALKS).encode() + b"\n")
    two = jsonl_body(json.dumps([TALKS, 7]).encode(), "application/json")
    assert two.splitlines()[1] == b"7"  # left for the reader to reject, like a bad JSONL line
    assert jsonl_body(b"raw\nlines", "application/x-ndjson") == b"raw\nlines"
    for body, kind in ((b"{", "application/json"), (b"{}", "text/html"), (b"{}", "")):
        try:
            jsonl_body(body, kind)
        except BadBody:
            continue
        raise AssertionError(f"{kind!r} {body!r} accepted")


def test_cached_answers_last_until_the_store_changes(write_app: FastAPI, writer: TestClient) -> None:
    urls = ["/api/events?limit=200", "/?limit=200", "/api/events?q=Tuesday"]
    before = [writer.get(url).text for url in urls]
    assert [writer.get(url).text for url in urls] == before
    assert len(write_app.state.server.cache) == len(urls)
    assert writer.post("/api/documents?wait=true", json=TALKS, headers=auth()).json()["status"] == "done"
    after = [writer.get(url).text for url in urls]
    assert all(a != b for a, b in zip(after, before, strict=True))
    assert "talks-1" in after[0] and "talks-1" in after[2]


def test_a_failing_batch_fails_its_job_and_the_worker_goes_on(write_app: FastAPI, writer: TestClient,
                                                              monkeypatch: Any) -> None:
    queue = write_app.state.server.ingests
    real = queue.pipeline.ingest
    calls = {"n": 0}

    def once_broken(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(queue.pipeline, "ingest", once_broken)
    failed = writer.post("/api/documents?wait=true", json=TALKS, headers=auth()).json()
    assert failed["status"] == "failed" and failed["error"] == "ingest failed: RuntimeError"
    assert "disk on fire" not in json.dumps(failed)
    done = writer.post("/api/documents?wait=true", json=TALKS, headers=auth()).json()
    assert done["status"] == "done" and done["report"]["ingested"] == 1
