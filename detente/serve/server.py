"""What one running server holds: the store, the reading access of its request threads, the ingest queue, the
token, the kept answers.

Without a token the server is read-only and shares its store with outside writers (``gate.StoreGate``: it holds
the file while no writer wants it, and reads per request while one does). With a token it owns the writer:
the store is opened for writing, posted batches go through its queue, and requests read through
``Store.cursor`` connections to that one open database, one per thread (a DuckDB connection serves one thread
at a time), made from a spawning connection the writer never uses.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from detente.api import Pipeline, load
from detente.config import DEFAULT_MAX_BYTES, resolve_actor_paths, resolve_db_path
from detente.resolve.actors import ActorKB, default_kb
from detente.serve.cache import Cached, ResponseCache
from detente.serve.gate import StoreGate
from detente.serve.ingest import IngestQueue
from detente.serve.readmodel import PageModels
from detente.store.db import Store

MAX_BODY = 20 * 1024 * 1024  # bytes of one POST
MODEL_WAIT_S = 120.0  # how long a starting server waits for its first read model (the store path answers after)


class Server:
    """The store and everything around it for one app."""

    def __init__(self, db: str | os.PathLike[str] | None, *, token: str | None = None,
                 pipeline: Pipeline | None = None, kb: ActorKB | None = None, max_body: int = MAX_BODY,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_documents: int = 1000, cache_size: int = 2048,
                 read_model: bool = True) -> None:
        self.token = token or None
        self.path = Path(resolve_db_path(os.fspath(db) if db is not None else None))
        self.max_body = max_body
        self.max_documents = max_documents
        self.cache: ResponseCache[Cached] = ResponseCache(cache_size)
        self._local = threading.local()
        self._readers: list[Store] = []
        self._lock = threading.Lock()
        self._kb = kb
        self.store: Store | None = None
        self.gate: StoreGate | None = None
        self.ingests: IngestQueue | None = None
        # the timeline's and events' read model (readmodel.py), built now and again whenever the store may change
        self.pages = PageModels(self.reading, enabled=read_model)
        if self.token is None:
            self.gate = StoreGate(self.path, on_change=self._changed)
        else:
            self.store = Store(self.path)
            self._spawner = self.store.cursor()
            self.ingests = IngestQueue(self.store, pipeline or load(lazy=True), max_bytes=max_bytes,
                                       on_write=self._changed)
        self.pages.start()
        self.pages.wait(MODEL_WAIT_S)  # a fresh server answers cold pages from the model from its first request

    def _changed(self) -> None:
        """The store may have changed (or may from now on): drop kept answers and the read model."""
        self.pages.invalidate()  # first: an answer made from the old model is then never kept (fastpath.py)
        self.cache.clear()

    @property
    def writable(self) -> bool:
        return self.ingests is not None

    @contextmanager
    def reading(self) -> Iterator[tuple[Store, bool]]:
        """A store for one request to read, and whether its answer may be kept until the store changes."""
        if self.gate is not None:
            with self.gate.reading() as found:
                yield found
            return
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            with self._lock:
                store = self._spawner.cursor()
                self._readers.append(store)
            self._local.store = store
        yield store, True  # the queue clears kept answers after each batch

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
        self.pages.close()
        if self.gate is not None:
            self.gate.close()
        if self.ingests is not None:
            self.ingests.close()
        with self._lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
        if self.store is not None:
            self._spawner.close()
            self.store.close()
