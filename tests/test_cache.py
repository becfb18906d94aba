"""Compiled tables on disk: reused while the inputs are unchanged, rebuilt when one changes, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.cache import cached_build


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DETENTE_CACHE", str(tmp_path / "c"))
    monkeypatch.delenv("DETENTE_NO_CACHE", raising=False)
    return tmp_path / "c" / "detente"


def test_reused_until_an_input_changes(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "table.txt"
    src.write_text("a", encoding="utf-8")
    builds: list[str] = []

    def build() -> dict[str, str]:
        builds.append(src.read_text(encoding="utf-8"))
        return {"value": builds[-1]}

    assert cached_build("demo", [src], build, dict) == {"value": "a"}
    assert cached_build("demo", [src], build, dict) == {"value": "a"}
    assert builds == ["a"]
    src.write_text("bb", encoding="utf-8")  # size changes: a new key
    assert cached_build("demo", [src], build, dict) == {"value": "bb"}
    assert builds == ["a", "bb"]
    assert len(list(cache.glob("demo-*.pickle"))) == 2


def test_a_broken_or_unwritable_cache_is_ignored(tmp_path: Path, cache: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "table.txt"
    src.write_text("a", encoding="utf-8")
    cached_build("demo", [src], lambda: [1], list)
    for f in cache.glob("demo-*.pickle"):
        f.write_bytes(b"not a pickle")
    assert cached_build("demo", [src], lambda: [2], list) == [2]
    # an object of the wrong type is rebuilt too
    assert cached_build("demo", [src], lambda: {"x": 1}, dict) == {"x": 1}
    monkeypatch.setenv("DETENTE_CACHE", str(src))  # a file, not a directory: nothing can be written
    assert cached_build("demo", [src], lambda: [3], list) == [3]
    monkeypatch.setenv("DETENTE_NO_CACHE", "1")
    assert cached_build("demo", [src], lambda: [4], list) == [4]


def test_the_gazetteer_is_cached(cache: Path) -> None:
    from detente.resolve import places

    places._gazetteer.cache_clear()
    try:
        assert not list(cache.glob("places-*.pickle"))
        first = places._gazetteer()  # built (the cache directory is empty) and written
        assert len(list(cache.glob("places-*.pickle"))) == 1
        places._gazetteer.cache_clear()
        again = places._gazetteer()  # read back
        assert again is not first and again == first
    finally:
        places._gazetteer.cache_clear()


def test_the_least_recently_used_versions_are_dropped(tmp_path: Path, cache: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Checkouts sharing one cache directory each have a version (the key holds the inputs' paths); one that is
    read keeps its place when others are written."""
    import os

    import detente.cache

    monkeypatch.setattr(detente.cache, "_KEEP", 2)
    sources = []
    for name in ("a", "b", "c"):
        src = tmp_path / f"{name}.txt"
        src.write_text(name, encoding="utf-8")
        sources.append(src)
    builds: list[str] = []

    def build(src: Path) -> list[str]:
        builds.append(src.name)
        return [src.name]

    a, b, c = sources
    cached_build("demo", [a], lambda: build(a), list)
    cached_build("demo", [b], lambda: build(b), list)
    old = cache.glob("demo-*.pickle")
    for f in old:  # both written long ago
        os.utime(f, (1_000_000, 1_000_000))
    assert cached_build("demo", [a], lambda: build(a), list) == ["a.txt"]  # read: used now
    cached_build("demo", [c], lambda: build(c), list)  # a third version: b, the least recently used, goes
    assert builds == ["a.txt", "b.txt", "c.txt"]
    assert cached_build("demo", [a], lambda: build(a), list) == ["a.txt"]
    assert builds == ["a.txt", "b.txt", "c.txt"]
    assert len(list(cache.glob("demo-*.pickle"))) == 2
