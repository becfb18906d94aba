"""Whether a batch's statements cost more in a writer *process* that has already written much, whatever the store:
the same first batches of the replay committed into a fresh empty store, then, after the process has ingested
``--between`` documents into another store, into a second fresh empty store; each statement timed (CPU) as in
``batch_sql.py``. Sequential, so the machine's load can differ between the two halves: read it beside the load.

    python bench/process_age.py [--batches 40] [--between 5000] [--mentions-from PATH]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import batch_sql  # noqa: E402
import replay_cli  # noqa: E402  (the command line these benches share)
import scale  # noqa: E402

from detente.store.db import Store  # noqa: E402


def timed(path: Path, batches: list[list], names: dict[str, str]) -> dict[str, list[float]]:
    """Every statement's CPU seconds per batch, for these batches into a new store at ``path``."""
    spent: dict[str, list[float]] = defaultdict(list)
    with Store(path, transient=True) as store:
        for batch in batches:
            batch_spent, _ = batch_sql._timed_batch(store, batch, names)
            for label, seconds in batch_spent.items():
                spent[label].append(seconds)
    return spent


def main() -> None:
    ap = replay_cli.parser(__doc__)
    ap.add_argument("--batches", type=int, default=40)
    ap.add_argument("--between", type=int, default=5000, help="documents ingested into another store in between")
    args, coded = replay_cli.parse(ap, cpu=True)
    names = batch_sql._names()
    first = list(scale._batched(scale.replayed(coded, batch_sql.BATCH * args.batches, 60), batch_sql.BATCH))
    with tempfile.TemporaryDirectory() as tmp:
        young, load_young = timed(Path(tmp) / "young.duckdb", first, names), os.getloadavg()[0]
        with Store(Path(tmp) / "between.duckdb", transient=True) as store:
            for batch in scale._batched(scale.replayed(coded, args.between, 60), batch_sql.BATCH):
                store.add_batch(batch)
            old, load_old = timed(Path(tmp) / "old.duckdb", first, names), os.getloadavg()[0]
    print(f"{'median CPU ms a batch':34s} {'young':>7s} {'old':>7s} {'x':>5s}   (load {load_young:.1f}, {load_old:.1f};"
          f" the old process holds a {args.between}-document store open)")
    for label in sorted(young, key=lambda label: -statistics.median(young[label])):
        a, b = statistics.median(young[label]) * 1000, statistics.median(old.get(label) or [0]) * 1000
        print(f"{label[:34]:34s} {a:7.1f} {b:7.1f} {b / a if a else float('nan'):5.2f}")


if __name__ == "__main__":
    main()
