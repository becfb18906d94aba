"""Finished responses kept by request (path and query) until the store changes.

The store changes only when the server lets it: a read-only server holds its file while no writer wants it
(DuckDB then lets no other process write), and drops every answer when it lets a writer in (``gate``); while
an outside writer works, answers are read per request and not kept. A writable server changes the store only
through its own ingest queue, which clears this cache after each batch. So a response kept here is the right
answer until then: repeated timeline pages and popular events cost a dictionary lookup instead of queries, and
the server answers them before routing (``app.CachedResponses``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar


@dataclass(slots=True, frozen=True)
class Cached:
    """One finished 200 response: its body, media type and any headers of its own."""

    body: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()


V = TypeVar("V")


class ResponseCache(Generic[V]):
    """Up to ``size`` responses (``Cached`` in the server) by key, least recently used dropped first; ``clear``
    when the store changes."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0

    def peek(self, key: Hashable) -> V | None:
        """The kept response for ``key``, if any."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def get(self, key: Hashable, make: Callable[[], V], *, keep: bool = True) -> V:
        """The response for ``key``, made (outside the lock) when missing, and kept when ``keep``. One made
        while the store changed (``clear`` ran meanwhile) is returned but not kept."""
        found = self.peek(key) if self.size > 0 else None
        if found is not None:
            return found
        with self._lock:
            generation = self._generation
        made = make()
        if keep and self.size > 0:
            with self._lock:
                if generation == self._generation:
                    self._items[key] = made
                    while len(self._items) > self.size:
                        self._items.popitem(last=False)
        return made

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
