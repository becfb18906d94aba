"""Whether a batch's statements cost more in a writer process that holds much memory besides the store: the first
batches of the replay committed into a fresh empty store, each statement timed (CPU) as in ``batch_sql.py``, with
``--hold-mb`` MB of Python objects (strings in tuples, like a writer's kept rows) or ``--hold-duckdb-mb`` MB of rows
in another DuckDB database held beside it; also the minor page
faults a batch (``resource.getrusage``). Run two at once, one holding nothing, so that both see the same load:

    python bench/memory_beside.py --hold-mb 0 & python bench/memory_beside.py --hold-mb 1000
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import batch_sql  # noqa: E402
import duckdb  # noqa: E402
import replay_cli  # noqa: E402  (the command line these benches share)
import scale  # noqa: E402

from detente.store.db import Store  # noqa: E402

WARM = 8  # batches left out of the medians (one-time costs)


def hold(mb: int) -> list[tuple[str, ...]]:
    """About ``mb`` MB of small strings in tuples, each touched once."""
    return [tuple(f"{i}-{j}-" + "x" * 90 for j in range(10)) for i in range(mb * 1000)]


def hold_duckdb(mb: int) -> duckdb.DuckDBPyConnection:
    """About ``mb`` MB of rows in an in-memory DuckDB database of its own, beside the store's (DuckDB's allocator
    is the process's)."""
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE held AS SELECT i, repeat('x', 90) || i AS s FROM range($1) t(i)", [mb * 8000])
    return con


def main() -> None:
    ap = replay_cli.parser(__doc__)
    ap.add_argument("--hold-mb", type=int, default=0)
    ap.add_argument("--hold-duckdb-mb", type=int, default=0, help="MB of rows held in another DuckDB database")
    ap.add_argument("--flush-mb", type=int, default=0, help="between two batches (untimed), write this many MB of "
                    "fresh memory: the CPU caches then hold none of the store's state when a batch starts")
    ap.add_argument("--batches", type=int, default=60)
    args, coded = replay_cli.parse(ap, cpu=True)
    held = hold(args.hold_mb)
    beside = hold_duckdb(args.hold_duckdb_mb) if args.hold_duckdb_mb else None
    names = batch_sql._names()
    spent: dict[str, list[float]] = defaultdict(list)
    faults: list[int] = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.duckdb", transient=True) as store:
        for k, batch in enumerate(scale._batched(scale.replayed(coded, batch_sql.BATCH * args.batches, 60),
                                                 batch_sql.BATCH)):
            if args.flush_mb:
                flush = bytearray(args.flush_mb * 2**20)
                flush[::64] = b"x" * len(flush[::64])
                del flush
            before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            batch_spent, _ = batch_sql._timed_batch(store, batch, names)
            if k >= WARM:
                faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
                for label, seconds in batch_spent.items():
                    spent[label].append(seconds)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"held {args.hold_mb} MB ({len(held)} tuples), {args.hold_duckdb_mb} MB in DuckDB"
          f" ({beside is not None}), caches flushed between batches with {args.flush_mb} MB,"
          f" peak RSS {rss:.0f} MB, minor page faults a batch "
          f"{statistics.median(faults):.0f} (median)")
    for label in sorted(spent, key=lambda label: -statistics.median(spent[label]))[:12]:
        print(f"  {label[:34]:34s} {statistics.median(spent[label]) * 1000:7.1f} ms CPU (median)")


if __name__ == "__main__":
    main()
