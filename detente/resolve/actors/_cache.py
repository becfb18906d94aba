"""Build the index from the data files, reusing a compiled copy when no file has changed.

Parsing two hundred YAML files and compiling some 13,000 aliases takes about half a second; the compiled bundled
knowledge base is pickled under the user's cache directory (``$DETENTE_CACHE``, else ``$XDG_CACHE_HOME/detente``,
else ``~/.cache/detente``), keyed by every data file's path, size and modification time and by the code's own
files, so an edit to either rebuilds it. Loads with user files are compiled afresh: they are small and change
often. A cache that cannot be read or written is ignored; ``DETENTE_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from ._data import bundled_files, expand, read_all
from ._index import Index, compile_index

_FORMAT = 1
_KEEP = 3  # compiled versions kept side by side (checkouts or branches sharing one cache directory)


def cache_dir() -> Path:
    base = os.environ.get("DETENTE_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "detente"


def _fingerprint(files: Sequence[Path]) -> str:
    h = hashlib.sha256(str(_FORMAT).encode())
    code = sorted(Path(__file__).parent.glob("*.py"))
    for p in [*code, *files]:
        st = p.stat()
        h.update(f"{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def load_index(extra: Sequence[str | Path] = (), use_cache: bool | None = None) -> Index:
    files = bundled_files() + expand(extra)
    if use_cache is None:
        # only the bundled knowledge base is cached: user files change often and are compiled with it each time
        use_cache = not extra and os.environ.get("DETENTE_NO_CACHE", "") in {"", "0"}
    if not use_cache:
        return compile_index(read_all(files))
    path = cache_dir() / f"actors-{_fingerprint(files)}.pickle"
    try:
        with path.open("rb") as fh:
            index = pickle.load(fh)
        if isinstance(index, Index):
            return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    index = compile_index(read_all(files))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        stale = sorted(path.parent.glob("actors-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stale[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    return index
