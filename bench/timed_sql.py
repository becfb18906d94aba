"""A DuckDB connection that times its statements, shared by ``batch_sql.py`` and ``scale.py --split``.

Its own module so that neither bench script imports the other both ways (``batch_sql`` replays ``scale``'s
documents; ``scale`` borrows this timer).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

# the clock every Timed connection reads: wall time by default; the scripts set it to time.process_time (this
# process's CPU, DuckDB's threads included) or time.thread_time (the calling thread's)
CLOCK: list[Callable[[], float]] = [time.perf_counter]


class Timed:
    """A connection that adds the seconds of each statement (and of fetching its rows) to ``spent`` and the
    rows fetched to ``fetched``."""

    def __init__(self, con: Any, spent: dict[str, float], fetched: dict[str, int], names: dict[str, str]) -> None:
        self._con, self._spent, self._fetched, self._names, self._label = con, spent, fetched, names, ""

    def tally(self, spent: dict[str, float], fetched: dict[str, int]) -> None:
        self._spent, self._fetched = spent, fetched

    def execute(self, sql: str, params: Any = None) -> Timed:
        self._label = self._names.get(sql) or (" ".join(sql.split()[:3]) if sql.startswith("INSERT") else sql[:40])
        t = CLOCK[0]()
        self._con.execute(sql, params or [])
        self._spent[self._label] += CLOCK[0]() - t
        return self

    def register(self, name: str, table: Any) -> None:
        """A table handed to DuckDB as arrays (the store's new link rows, ``index.neighbour_links``): timed under a
        label of its own, since the statement that reads it is timed apart."""
        self._label = f"register {name}"
        t = CLOCK[0]()
        self._con.register(name, table)
        self._spent[self._label] += CLOCK[0]() - t

    def unregister(self, name: str) -> None:
        self._con.unregister(name)

    def _fetch(self, how: str) -> Any:
        t = CLOCK[0]()
        out = getattr(self._con, how)()
        self._spent[self._label] += CLOCK[0]() - t
        self._fetched[self._label] += len(out) if how == "fetchall" else 1
        return out

    def fetchall(self) -> Any:
        return self._fetch("fetchall")

    def fetchone(self) -> Any:
        return self._fetch("fetchone")

    @property
    def description(self) -> Any:
        return self._con.description

    def close(self) -> None:
        self._con.close()
