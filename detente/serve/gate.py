"""A read-only server's turns with outside writers: it holds its store while no writer wants the file, and
reads per request while one does.

DuckDB lets one process write a file and no other process hold it meanwhile. Holding the file (one read-only
connection, a cursor per request thread) makes requests cheap and keeps the store still, so answers can be
kept (``cache``). But a held file would make an outside ``detente ingest`` wait and stop. So a writer that finds
the file held leaves ``PATH.write-request`` (``Store._ask_for_turn``); a watcher thread here sees it within
``poll_s``, lets the requests in progress finish, drops every kept answer, and closes the file. From then on
each request opens the store read-only for itself (a transient ``Store`` session: one state of the store per
request, whole batches only, the writer asked for a turn through ``PATH.read-request`` when it holds the file)
and nothing is kept. When no writer has asked for ``hold_after_s``, the watcher tries to hold the file again,
without asking anyone to yield; a writer still at work asks again on its next batch. Docs: docs/serve.md,
"Writing while reading".
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from detente.store.db import YIELD_POLL_S, Store, StoreError, writer_waiting

READ_THREADS = 1  # DuckDB threads per query: requests already run side by side (queries.THREADS_SQL)


class StoreGate:
    """Read access to one store for the threads of a read-only server (see the module docstring)."""

    def __init__(self, path: Path, *, on_change: Callable[[], None], poll_s: float = YIELD_POLL_S,
                 hold_after_s: float = 2.0) -> None:
        self.path = path
        self.on_change = on_change  # the store may change from now on: drop every kept answer
        self.poll_s = poll_s
        self.hold_after_s = hold_after_s
        self._cond = threading.Condition()
        self._local = threading.local()
        self._readers = 0  # requests reading the held file now
        self._epoch = 0  # changes with every hold and drop: a thread's cursor belongs to one hold
        self._cursors: list[Store] = []
        self._transients: list[Store] = []
        self._stopped = threading.Event()
        # a missing or broken store fails here, once
        Store(path, read_only=True, transient=True, threads=READ_THREADS).close()
        self._held: Store | None = None
        self._released_at = 0.0
        self._hold()
        self._watcher = threading.Thread(target=self._watch, name="detente-serve-gate", daemon=True)
        self._watcher.start()

    @property
    def held(self) -> bool:
        return self._held is not None

    @contextmanager
    def reading(self) -> Iterator[tuple[Store, bool]]:
        """A store to read one request from, and whether it is the held file (the store cannot change while
        the request reads; its answer may be kept) or a per-request turn (it may not)."""
        with self._cond:
            held = self._held
            if held is not None:
                self._readers += 1
                epoch = self._epoch
        if held is None:
            store = self._transient()
            with store.session():
                yield store, False
            return
        try:
            yield self._cursor(held, epoch), True
        finally:
            with self._cond:
                self._readers -= 1
                if self._readers == 0:
                    self._cond.notify_all()

    def _cursor(self, held: Store, epoch: int) -> Store:
        if getattr(self._local, "epoch", None) != epoch:
            with self._cond:
                cursor = held.cursor()
                self._cursors.append(cursor)
            self._local.cursor, self._local.epoch = cursor, epoch
        found: Store = self._local.cursor
        return found

    def _transient(self) -> Store:
        store: Store | None = getattr(self._local, "transient", None)
        if store is None:
            store = Store(self.path, read_only=True, transient=True, threads=READ_THREADS)
            with self._cond:
                self._transients.append(store)
            self._local.transient = store
        return store

    def _hold(self) -> bool:
        """Hold the file if no one else does, asking no one to yield."""
        try:
            store = Store(self.path, read_only=True, lock_wait=0, ask_turn=False, threads=READ_THREADS)
        except StoreError:
            self._released_at = time.monotonic()  # a writer has it: try again later
            return False
        with self._cond:
            self._held = store
            self._epoch += 1
        self.on_change()
        return True

    def release(self) -> None:
        """Let a writer in: wait for the requests reading the held file, drop kept answers, close it."""
        with self._cond:
            held, self._held = self._held, None  # requests from now on read in turns
            if held is None:
                return
            self._epoch += 1
            while self._readers:
                self._cond.wait()
            cursors, self._cursors = self._cursors, []
            self.on_change()
            for cursor in cursors:
                cursor.close()
            held.close()
            self._released_at = time.monotonic()

    def _watch(self) -> None:
        while not self._stopped.wait(self.poll_s):
            if self._held is not None:
                if writer_waiting(self.path):
                    self.release()
            elif writer_waiting(self.path):
                self._released_at = time.monotonic()  # a writer is still at work: keep reading in turns
            elif time.monotonic() - self._released_at >= self.hold_after_s:
                self._hold()

    def close(self) -> None:
        self._stopped.set()
        self._watcher.join(5)
        self.release()
        with self._cond:
            transients, self._transients = self._transients, []
        for store in transients:
            store.close()
