"""Compiled tables kept on disk between runs, rebuilt whenever anything they were built from changes.

The actor knowledge base (two hundred YAML files) and the gazetteer (GeoNames' cities with their alternate
names) take about half a second and a second to compile; every run, and every worker started before the first
document, would pay it. The compiled copy is pickled under the user's cache directory (``$DETENTE_CACHE``,
else ``$XDG_CACHE_HOME/detente``, else ``~/.cache/detente``), keyed by the path, size and modification time of
every input file and of the code that compiles it. A cache that cannot be read or written is ignored;
``DETENTE_NO_CACHE=1`` turns it off. Only files this process wrote itself are ever unpickled, so the directory
must not be shared with untrusted users (it is the user's own by default).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")
_FORMAT = 1
# Compiled versions kept side by side, the least recently used dropped first. The key holds each input's path, so
# every checkout (a git worktree, a branch's copy) has its own version: with three kept, eight worktrees sharing
# one cache directory evicted each other's on every run and each run compiled again (about 1.5 s of serial
# start-up, session 11). A version is about 6 MB.
_KEEP = 8


def cache_dir() -> Path:
    base = os.environ.get("DETENTE_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "detente"


def cache_enabled() -> bool:
    return os.environ.get("DETENTE_NO_CACHE", "") in {"", "0"}


def fingerprint(inputs: Sequence[Path], salt: str = "") -> str:
    """A key that changes when any input file changes (path, size, modification time)."""
    h = hashlib.sha256(f"{_FORMAT}\0{salt}".encode())
    for p in inputs:
        st = p.stat()
        h.update(f"{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def _load_without_gc(fh: BinaryIO) -> object:
    """Unpickle with the cyclic garbage collector paused: the tables are hundreds of thousands of new containers,
    each allocation counting towards a collection that can find nothing to free (0.5 s -> 0.18 s for the
    gazetteer)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(fh)
    finally:
        if paused:
            gc.enable()


def _touch(path: Path) -> None:
    """Mark a version used now: versions are dropped by modification time, least recently used first."""
    try:
        os.utime(path)
    except OSError:
        pass


def cached_build(kind: str, inputs: Sequence[Path], build: Callable[[], T], expect: type[T], salt: str = "") -> T:
    """``build()``'s result, from ``cache_dir()/KIND-KEY.pickle`` when one was written for these very inputs."""
    if not cache_enabled():
        return build()
    path = cache_dir() / f"{kind}-{fingerprint(inputs, salt)}.pickle"
    try:
        with path.open("rb") as fh:
            found = _load_without_gc(fh)
        if isinstance(found, expect):
            _touch(path)
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        stale = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stale[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    return built
