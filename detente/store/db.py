"""The embedded DuckDB store: the only place that runs SQL or opens a transaction.

``Store`` is one object over four modules, each with one job: ``session`` (the connection, the lock and the
turns a transient store takes with other processes, transactions), ``writes`` (documents, mentions and runs, one
transaction a batch), ``clustered`` (the events and clustering index a batch changes, and ``recluster``) and
``reads`` (typed records out, ``detente.records``). Other packages import the store from here.
"""

from __future__ import annotations

from detente.store.reads import Reads
from detente.store.session import LOCK_WAIT_S, YIELD_POLL_S, StoreError, writer_waiting
from detente.store.writes import BatchHook, BatchResult, Writes

__all__ = ["LOCK_WAIT_S", "YIELD_POLL_S", "BatchHook", "BatchResult", "Store", "StoreError", "writer_waiting"]


class Store(Writes, Reads):
    """A DuckDB file holding documents, mentions, events and runs (how it is shared between processes:
    ``session.Session``; docs/DESIGN.md, "Readers during an ingest")."""
