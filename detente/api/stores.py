"""Opening the store: what every verb takes as ``db`` (a path, an open ``Store`` or None for the default)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from detente.config import resolve_db_path
from detente.store.db import Store

PathLike = str | os.PathLike[str]
DbArg = PathLike | Store | None


def open_store(db: PathLike | None = None, *, read_only: bool = False) -> Store:
    """The store at ``db`` (default ``DETENTE_DB``, else ./detente.duckdb): pass it as ``db`` to the other verbs.
    It holds the file only while a call runs (or inside ``store.session()``), so readers and one writer in other
    processes take turns: a writer between its batches, a reader between its queries (docs/DESIGN.md)."""
    return Store(resolve_db_path(os.fspath(db) if db is not None else None), read_only=read_only, transient=True)


@contextmanager
def opened(db: DbArg, *, read_only: bool = False) -> Iterator[Store]:
    """A store from a path (opened here, closed after) or an open ``Store`` (left open)."""
    if isinstance(db, Store):
        yield db
        return
    with open_store(db, read_only=read_only) as store:
        yield store
