"""Build the index from the data files, reusing a compiled copy when no file has changed.

Parsing two hundred YAML files and compiling some 13,000 aliases takes about half a second; the compiled bundled
knowledge base is kept by ``detente.cache``, keyed by every data file and by this package's code, so an edit to
either rebuilds it. Loads with user files are compiled afresh: they are small and change often.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from detente.cache import cache_enabled, cached_build

from ._data import bundled_files, expand, read_all
from ._index import Index, compile_index


def load_index(extra: Sequence[str | Path] = (), use_cache: bool | None = None) -> Index:
    files = bundled_files() + expand(extra)
    if use_cache is None:
        # only the bundled knowledge base is cached: user files change often and are compiled with it each time
        use_cache = not extra and cache_enabled()
    if not use_cache:
        return compile_index(read_all(files))
    code = sorted(Path(__file__).parent.glob("*.py"))
    return cached_build("actors", [*code, *files], lambda: compile_index(read_all(files)), Index)
