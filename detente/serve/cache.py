"""Finished responses kept by request until the store changes.

A read-only server's store cannot change while it runs (DuckDB lets no other process write a file that is
open), and a writable server changes it only through its own ingest queue, which clears this cache after each
batch commits. So a response computed once is the right answer until then: repeated timeline pages and
popular events cost a dictionary lookup instead of queries.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class ResponseCache:
    """Up to ``size`` response bodies by key, least recently used dropped first; ``clear`` after a write."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The body for ``key``, made (outside the lock) when missing. A body made while the store changed is
        returned but not kept."""
        if self.size <= 0:
            return make()
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
            generation = self._generation
        body = make()
        with self._lock:
            if generation == self._generation:
                self._items[key] = body
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return body

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
