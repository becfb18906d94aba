"""What one running server holds: the open store, a reader connection per thread, the ingest queue, the token.

Reads go through ``Store.cursor`` connections to the one open database, one per worker thread (a DuckDB
connection serves one thread at a time), made from a spawning connection the writer never uses. Without a
token the store is opened read-only and nothing can be posted.
"""

from __future__ import annotations

import hmac
import os
import threading
from pathlib import Path

from detente.api import Pipeline, load
from detente.config import DEFAULT_MAX_BYTES, resolve_actor_paths, resolve_db_path
from detente.resolve.actors import ActorKB, default_kb
from detente.serve.cache import ResponseCache
from detente.serve.ingest import IngestQueue
from detente.store.db import Store

MAX_BODY = 20 * 1024 * 1024  # bytes of one POST


class Server:
    """The store and everything around it for one app."""

    def __init__(self, db: str | os.PathLike[str] | None, *, token: str | None = None,
                 pipeline: Pipeline | None = None, kb: ActorKB | None = None, max_body: int = MAX_BODY,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_documents: int = 1000, cache_size: int = 2048) -> None:
        self.token = token or None
        self.path = Path(resolve_db_path(os.fspath(db) if db is not None else None))
        self.max_body = max_body
        self.max_documents = max_documents
        self.store = Store(self.path, read_only=self.token is None)
        self._spawner = self.store.cursor()
        self._local = threading.local()
        self._readers: list[Store] = []
        self._lock = threading.Lock()
        self._kb = kb
        self.cache = ResponseCache(cache_size)
        self.ingests: IngestQueue | None = None
        if self.token is not None:
            self.ingests = IngestQueue(self.store, pipeline or load(lazy=True), max_bytes=max_bytes,
                                       on_write=self.cache.clear)

    @property
    def writable(self) -> bool:
        return self.ingests is not None

    def reader(self) -> Store:
        """This thread's reading connection."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            with self._lock:
                store = self._spawner.cursor()
                self._readers.append(store)
            self._local.store = store
        return store

    def kb(self) -> ActorKB:
        """The actor knowledge base, loaded on first use (bundled plus ``DETENTE_ACTORS``)."""
        if self._kb is None:
            with self._lock:
                if self._kb is None:
                    paths = resolve_actor_paths(None)
                    self._kb = ActorKB.load(paths) if paths else default_kb()
        return self._kb

    def token_matches(self, given: str) -> bool:
        """Constant-time comparison with the configured token."""
        return self.token is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def close(self) -> None:
        if self.ingests is not None:
            self.ingests.close()
        with self._lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
        self._spawner.close()
        self.store.close()
