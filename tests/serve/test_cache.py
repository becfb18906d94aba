"""The response cache: kept until cleared, bounded, never keeping an answer made while the store changed or read
in turns, and sent before routing; a store busy past the wait is a 503."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from detente.serve.cache import ResponseCache
from detente.store.db import StoreError
from tests.serve.conftest import reads_fail


def test_kept_until_cleared_and_bounded() -> None:
    cache: ResponseCache[bytes] = ResponseCache(size=2)
    made: list[str] = []

    def make(key: str) -> bytes:
        made.append(key)
        return key.encode()

    assert cache.get("a", lambda: make("a")) == b"a"
    assert cache.get("a", lambda: make("a")) == b"a"
    cache.get("b", lambda: make("b"))
    cache.get("a", lambda: make("a"))  # a is now the most recent
    cache.get("c", lambda: make("c"))  # b goes
    cache.get("a", lambda: make("a"))
    cache.get("b", lambda: make("b"))
    assert made == ["a", "b", "c", "b"] and len(cache) == 2
    cache.clear()
    cache.get("a", lambda: make("a"))
    assert made[-1] == "a"


def test_an_answer_made_during_a_write_is_not_kept() -> None:
    cache: ResponseCache[bytes] = ResponseCache()

    def made_while_writing() -> bytes:
        cache.clear()  # the store changed while this answer was being read
        return b"old"

    assert cache.get("k", made_while_writing) == b"old"
    assert cache.get("k", lambda: b"new") == b"new"


def test_size_zero_keeps_nothing() -> None:
    cache: ResponseCache[bytes] = ResponseCache(size=0)
    assert cache.get("k", lambda: b"1") == b"1" and cache.get("k", lambda: b"2") == b"2" and len(cache) == 0


def test_an_answer_made_in_turns_is_not_kept() -> None:
    cache: ResponseCache[bytes] = ResponseCache()
    assert cache.get("k", lambda: b"1", keep=False) == b"1"
    assert cache.peek("k") is None and len(cache) == 0
    assert cache.get("k", lambda: b"2") == b"2" and cache.peek("k") == b"2"


def test_a_kept_answer_is_sent_before_routing(read_app: FastAPI, client: TestClient,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first = client.get("/api/events", params={"limit": 5})
    assert first.status_code == 200

    reads_fail(read_app, monkeypatch, RuntimeError("the store is not read for a kept answer"))
    again = client.get("/api/events", params={"limit": 5})
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"] == "application/json"
    assert "script-src 'self'" in again.headers["content-security-policy"]  # the security headers all the same
    assert client.get("/api/events", params={"limit": 6}).status_code == 500  # not kept: read, and it fails


def test_a_store_busy_past_the_wait_is_a_503(read_app: FastAPI, client: TestClient,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    reads_fail(read_app, monkeypatch, StoreError("/srv/x.duckdb: the store stayed locked by another process for 30 s"))
    answer = client.get("/api/stats")
    assert answer.status_code == 503 and answer.headers["retry-after"] == "5"
    assert answer.json() == {"error": "the store is busy with a long write; try again later"}
    page = client.get("/")
    assert page.status_code == 503 and "/srv" not in page.text and "busy" in page.text
