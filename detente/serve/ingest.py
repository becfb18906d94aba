"""Ingests posted over HTTP: the request body as JSONL, queued for the server's one writer.

DuckDB allows one writer per database file, so the server opens the store once and keeps it: one worker thread
takes posted batches from a bounded queue, in order, and writes each through ``Pipeline.ingest`` on the
server's own connection, the whole request as one transaction (``batch_size`` is the request's size). Readers
use other connections to the same open database (``Store.cursor``) and see a batch all at once or not at all.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from detente.api import Pipeline, SetupError, read_items
from detente.config import DEFAULT_MAX_BYTES
from detente.records import RunReport
from detente.store.db import Store, StoreError

JSONL_TYPES = frozenset({"application/x-ndjson", "application/jsonl", "application/x-jsonlines", "text/plain"})
log = logging.getLogger("detente.serve")
KEPT_JOBS = 200  # finished jobs whose status can still be asked for


class BadBody(ValueError):
    """A request body that is not a batch of documents (the reason is one line)."""


@dataclass(slots=True)
class IngestJob:
    """One posted batch on its way through the queue."""

    id: int
    lines: int
    submitted: dt.datetime
    status: str = "queued"  # queued | running | done | failed
    report: RunReport | None = None
    error: str | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def to_dict(self) -> dict[str, Any]:
        report = self.report.to_dict() if self.report else None
        if report is not None:
            report.pop("db", None)  # the server's file path is not the client's business
        return {"job": self.id, "status": self.status, "documents": self.lines,
                "submitted": self.submitted.isoformat(timespec="seconds"), "report": report, "error": self.error}


def jsonl_body(body: bytes, content_type: str) -> bytes:
    """The body as JSON Lines: JSONL as sent, or a JSON object or list of objects one per line. What the
    reader would reject (a line that is not a record, a record without text) is left to it, line by line."""
    media = content_type.split(";", 1)[0].strip().lower()
    if media in JSONL_TYPES:
        return body
    if media != "application/json":
        raise BadBody(f"expected application/json or application/x-ndjson, got {media or 'no content type'!r}")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadBody(f"invalid JSON: {exc}") from exc
    items = data if isinstance(data, list) else [data]
    return b"".join(json.dumps(item, ensure_ascii=False).encode() + b"\n" for item in items)


def count_lines(body: bytes) -> int:
    return sum(1 for line in body.splitlines() if line.strip())


class IngestQueue:
    """A bounded queue of posted batches and the one thread that writes them into ``store``."""

    def __init__(self, store: Store, pipeline: Pipeline, *, max_queued: int = 8,
                 max_bytes: int = DEFAULT_MAX_BYTES, on_write: Callable[[], None] | None = None) -> None:
        self.store = store
        self.on_write = on_write  # told after each batch, committed or not (the server drops its cached pages)
        self.pipeline = pipeline
        self.max_bytes = max_bytes
        self._queue: queue.Queue[tuple[IngestJob, bytes] | None] = queue.Queue(maxsize=max_queued)
        self._jobs: OrderedDict[int, IngestJob] = OrderedDict()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._work, name="detente-ingest", daemon=True)
        self._thread.start()

    def submit(self, body: bytes) -> IngestJob:
        """Queue a JSONL batch; ``queue.Full`` when the queue is full."""
        with self._lock:
            job = IngestJob(id=next(self._ids), lines=count_lines(body), submitted=dt.datetime.now(dt.UTC))
            self._queue.put_nowait((job, body))
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT_JOBS:
                oldest = next(iter(self._jobs.values()))
                if not oldest.done.is_set():
                    break
                self._jobs.popitem(last=False)
        return job

    def job(self, job_id: int) -> IngestJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def close(self, timeout: float = 60.0) -> None:
        """Finish what is queued, then stop the worker."""
        self._queue.put(None)
        self._thread.join(timeout)

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            job, body = item
            job.status = "running"
            try:
                items = read_items(["-"], max_bytes=self.max_bytes, stdin=io.BytesIO(body))
                job.report = self.pipeline.ingest(items, self.store, batch_size=max(job.lines, 1),
                                                  inputs=[f"POST /api/documents job {job.id}"],
                                                  on_reject=lambda _: None)
                job.status = "done"
            except (SetupError, StoreError) as exc:
                job.status, job.error = "failed", " ".join(str(exc).split())
            except Exception as exc:  # the worker must outlive one bad batch; the job says why, the log says where
                log.exception("ingest job %d failed", job.id)
                job.status, job.error = "failed", f"ingest failed: {type(exc).__name__}"
            finally:
                if self.on_write is not None:
                    self.on_write()
                job.done.set()
