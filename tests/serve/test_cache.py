"""The response cache: kept until cleared, bounded, and never keeping an answer made while the store changed."""

from __future__ import annotations

from detente.serve.cache import ResponseCache


def test_kept_until_cleared_and_bounded() -> None:
    cache = ResponseCache(size=2)
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
    cache = ResponseCache()

    def made_while_writing() -> bytes:
        cache.clear()  # the store changed while this answer was being read
        return b"old"

    assert cache.get("k", made_while_writing) == b"old"
    assert cache.get("k", lambda: b"new") == b"new"


def test_size_zero_keeps_nothing() -> None:
    cache = ResponseCache(size=0)
    assert cache.get("k", lambda: b"1") == b"1" and cache.get("k", lambda: b"2") == b"2" and len(cache) == 0
