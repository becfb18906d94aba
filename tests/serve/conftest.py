"""Stores and apps the serve tests share: the bundled examples ingested once, a loaded pipeline reused by every
writable app (loading spaCy costs seconds), documents to post, and a live server on a free local port."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import detente
from detente.resolve.actors import ActorKB
from detente.serve import create_app
from tests.conftest import EXAMPLES

TOKEN = "test-token-0123456789"
# One document whose title, outlet, URL and text carry script payloads; its first sentence codes to an event.
HOSTILE = {
    "id": "hostile-1",
    "title": "<script>alert(1)</script> Talks <img src=x onerror=alert(1)>",
    "outlet": "<img src=x onerror=alert(2)>",
    "url": "javascript:alert(3)",
    "published": "2024-03-04",
    "text": "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Monday, "
            "saying <script>alert(4)</script> and <img src=x onerror=alert(5)> and javascript:alert(6) were "
            "discussed.\n\nThe two sides agreed to keep talking.",
}
# A second one, the next day: a quotation and an announced visit carry the payloads (to /quotes, /upcoming, /brief)
HOSTILE_PLANS = {
    "id": "hostile-2",
    "title": "<script>alert(11)</script> Visit <img src=x onerror=alert(12)>",
    "outlet": "<svg onload=alert(13)>",
    "url": "javascript:alert(14)",
    "published": "2024-03-05",
    "text": "Chinese Foreign Minister Wang Yi said on Tuesday that \"cooperation <script>alert(15)</script> is the "
            "only choice <img src=x onerror=alert(16)> for both countries\".\n\nU.S. Secretary of State Antony Blinken "
            "will visit Beijing next month to hold talks <script>alert(17)</script> with Wang Yi, the State "
            "Department said on Tuesday.",
}
TALKS = {
    "id": "talks-1", "title": "Wang and Blinken meet", "outlet": "Test Wire", "url": "https://example.org/talks",
    "published": "2024-05-06",
    "text": "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Tuesday.",
}


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory, pipeline: detente.Pipeline) -> Path:
    """The bundled examples, ingested once; read it only (``writable_store`` is a private copy)."""
    db = tmp_path_factory.mktemp("serve") / "seeds.duckdb"
    report = pipeline.ingest(detente.api.read_items([EXAMPLES]), db)
    assert report.ingested == 3
    return db


@pytest.fixture()
def writable_store(seeds_store: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(seeds_store, tmp_path / "store.duckdb"))


@pytest.fixture()
def read_app(seeds_store: Path, kb: ActorKB) -> Iterator[FastAPI]:
    app = create_app(seeds_store, kb=kb)
    yield app
    app.state.server.close()


@pytest.fixture()
def client(read_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(read_app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def write_app(writable_store: Path, pipeline: detente.Pipeline, kb: ActorKB) -> Iterator[FastAPI]:
    app = create_app(writable_store, token=TOKEN, pipeline=pipeline, kb=kb, max_body=64 * 1024,
                     max_documents=5)
    yield app
    app.state.server.close()


@pytest.fixture()
def writer(write_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(write_app, raise_server_exceptions=False) as c:
        yield c


def reads_fail(app: FastAPI, monkeypatch: pytest.MonkeyPatch, exc: Exception) -> None:
    """From now on every read of ``app``'s store raises ``exc``: what a page or an answer shows when the store
    fails, and proof that an answer sent afterwards was not read from the store."""

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise exc

    monkeypatch.setattr(type(app.state.server), "reading", failing)


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving an app in a thread on 127.0.0.1 and a free port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)
