"""Test-only: ``detente ingest`` paced by its reader, for the gate test (``python -m tests.serve.paced_ingest
ACKS ingest ARGS…``).

The real command, with one seam: after each committed batch the writer waits, up to ``WAIT_S``, for the file
``ACKS/<n>`` (n: batches committed so far) that the test leaves once it has read that state through the server.
The wait sits where any ingest is between two batches (the transaction over, the file free to yield to a reader),
so the test still proves that readers get whole batches while an outside ingest runs, without betting on the
scheduler: on a loaded machine the writer's next commit can come before the reader's turn."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from detente.cli import main
from detente.store.db import BatchResult, Store

WAIT_S = 60.0  # a read that takes longer than this is a failure the test reports, not a hang


def pace(acks: Path) -> None:
    """Make every ``Store.add_batch`` in this process wait for the test's acknowledgement after it commits."""
    commit = Store.add_batch
    committed = 0

    def add_batch_then_wait(self: Store, *args: Any, **kwargs: Any) -> BatchResult:
        nonlocal committed
        result = commit(self, *args, **kwargs)
        committed += 1
        deadline = time.monotonic() + WAIT_S
        while not (acks / str(committed)).exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return result

    setattr(Store, "add_batch", add_batch_then_wait)  # noqa: B010 - mypy refuses assigning to a method


if __name__ == "__main__":
    pace(Path(sys.argv[1]))
    sys.exit(main(sys.argv[2:]))
