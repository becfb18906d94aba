"""Where a batch's store time goes as the store grows: each SQL statement of ``Store.add_batch`` timed, for the
batches that come next in ``bench/scale.py --no-code``'s replay, committed alternately into stores of each size.

    python bench/batch_sql.py --stores DIR [--sizes 979 19936] [--batches 8] [--warm 2670] [--mentions-from PATH]

The sizes default to multiples of the corpus's 89 stories, so both stores take the same stories next (their
next copy: later dates, fresh ids); scale.py's slope compares its first step (stores of 0–2,000 documents) with
its last (18,000–20,000). A store of N documents is the first N - W replayed documents, written to
DIR/(N - W).duckdb when missing (and reused after: copied, never written), then the next W documents (W:
``--warm``, at most N) replayed through the writer that is measured, so that what a writer keeps between batches
(``index.RecentRows``) is what it holds in one long ingest: the default, 30 copies of the corpus, reaches back
five years of shifted dates, as far as a new story's links do. The table gives, per statement (named by its
constant in ``detente.store.queries``), the median milliseconds per batch at each size (over the batches that
ran it), their ratio, the mean (a checkpoint lands in one commit out of several: the median leaves it out, the
mean spreads it), the median rows fetched and in how many batches it ran; "(outside SQL)" is the rest of the
batch: building rows, segmenting and clustering in Python. ``--cpu`` times this process's CPU seconds instead
of wall seconds, which other jobs on a shared machine sway less (``--thread-cpu``: the calling thread's alone, so
the difference is what DuckDB's worker threads spend); ``--sizes 0 19936 --batches 62`` compares
scale.py's first 2,000 documents with 2,000 documents at 20,000, batch by batch, in one process.
Caveat (bench/README.md, "Scale", session 9): the stores share one process, so the small store's batches run
beside the large store's writer and its memory, and 62 batches hold no checkpoint: the growth this reports
(×1.09 in session 8) is smaller than that of a store growing alone in its process (×1.36–1.41 in CPU, measured
as scale.py runs); use it to compare statements and codes side by side, not for the slope.
``--checkpoint-threshold 4MB`` runs the writers with another threshold than ``queries.TRANSIENT_WRITER_SQL``'s; the
last line times the checkpoint each writer still owes when the batches end (what its close, or a reader's turn,
pays), spread over the batches, since a larger threshold moves checkpoints out of the commits into it.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import replay_cli  # noqa: E402  (the command line these benches share)
import scale  # noqa: E402  (bench/scale.py: the replayed documents)
from timed_sql import CLOCK, Timed  # noqa: E402  (--cpu: CLOCK[0] = time.process_time; --thread-cpu: thread_time)

from detente.store import queries as q  # noqa: E402
from detente.store.db import Store  # noqa: E402

BATCH = 32
TOTAL = "batch (add_batch)"
OUTSIDE = "(outside SQL)"


def _names() -> dict[str, str]:
    names = {value: name for name, value in vars(q).items() if isinstance(value, str) and name.isupper()}
    for name, value in vars(q).items():
        if isinstance(value, tuple) and name.isupper():
            names.update((v, f"{name}[{i}]") for i, v in enumerate(value) if isinstance(v, str))
    return names


def build(path: Path, coded: scale.Coded, n_docs: int) -> None:
    t = time.perf_counter()
    with Store(path, transient=True) as store:
        for batch in scale._batched(scale.replayed(coded, n_docs, 60), BATCH):
            store.add_batch(batch)
    print(f"built {path} ({n_docs} documents) in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)


def _timed_batch(store: Store, batch: list[Any], names: dict[str, str]) -> tuple[dict[str, float], dict[str, int]]:
    """One batch with its statements timed. The store's connection is wrapped once (the writer keeps rows for
    the connection they were committed through) and the wrapper's tallies are reset per batch."""
    spent: dict[str, float] = defaultdict(float)
    fetched: dict[str, int] = defaultdict(int)
    with store.session():
        con: Any = store.con
        if not isinstance(con, Timed):
            con = Timed(con, spent, fetched, names)
            setattr(store, "_con", con)  # noqa: B010 - a timing stand-in, kept while the connection is
        con.tally(spent, fetched)
        t = CLOCK[0]()
        store.add_batch(batch)
        seconds = CLOCK[0]() - t
    spent[OUTSIDE] = seconds - sum(spent.values())
    spent[TOTAL] = seconds
    return spent, fetched


def main() -> None:
    ap = replay_cli.parser(__doc__, cpu_flag=True)
    ap.add_argument("--stores", type=Path, required=True, help="folder of the stores of each size (built if missing)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[979, 19936])
    ap.add_argument("--batches", type=int, default=8)
    ap.add_argument("--warm", type=int, default=30 * 89, help="documents each writer ingests before it is timed")
    ap.add_argument("--thread-cpu", action="store_true", help="CPU seconds of the calling thread only: with --cpu's "
                    "figure, what DuckDB's worker threads (parallel scans, checkpoints) spend is the difference")
    ap.add_argument("--checkpoint-threshold", help="the writers' checkpoint_threshold (e.g. 4MB) instead of "
                    "queries.TRANSIENT_WRITER_SQL's: the log size at which a commit checkpoints")
    args, coded = replay_cli.parse(ap)
    if args.checkpoint_threshold:
        pragma, _ = q.TRANSIENT_WRITER_SQL
        q.TRANSIENT_WRITER_SQL = (pragma, f"SET checkpoint_threshold = '{args.checkpoint_threshold}'")
    if args.thread_cpu:
        CLOCK[0] = time.thread_time
    args.stores.mkdir(parents=True, exist_ok=True)
    names = _names()
    spent: dict[int, dict[str, list[float]]] = {size: defaultdict(list) for size in args.sizes}
    fetched: dict[int, dict[str, list[int]]] = {size: defaultdict(list) for size in args.sizes}
    with tempfile.TemporaryDirectory() as tmp:
        stores: dict[int, Store] = {}
        batches: dict[int, list[list[Any]]] = {}
        for size in args.sizes:
            base = size - min(args.warm, size)
            full = args.stores / f"{base}.duckdb"
            if base and not full.exists():
                build(full, coded, base)
            if base:
                shutil.copy(full, Path(tmp) / full.name)
            stores[size] = Store(Path(tmp) / full.name, transient=True)
            replay = list(scale.replayed(coded, size + BATCH * args.batches, 60))
            for batch in scale._batched(iter(replay[base:size]), BATCH):
                _timed_batch(stores[size], batch, names)  # warm, on the wrapped connection it keeps rows for
            batches[size] = list(scale._batched(iter(replay[size:]), BATCH))
        for k in range(args.batches):
            for size, store in stores.items():
                batch_spent, batch_rows = _timed_batch(store, batches[size][k], names)
                for label, seconds in batch_spent.items():
                    spent[size][label].append(seconds)
                    fetched[size][label].append(batch_rows.get(label, 0))
        closing: dict[int, float] = {}
        for size, store in stores.items():  # the checkpoint a writer's close (or a reader's turn) leaves to do
            with store.session():
                t = CLOCK[0]()
                store.con.execute(q.CHECKPOINT_SQL)
                closing[size] = CLOCK[0]() - t
            store.close()

    def median(table: dict[int, dict[str, list[Any]]], size: int, label: str) -> float:
        return float(statistics.median(table[size].get(label) or [0]))

    def mean(size: int, label: str) -> float:
        return float(statistics.fmean(spent[size].get(label) or [0]))

    small, large = args.sizes[0], args.sizes[-1]
    labels = sorted(set().union(*(spent[size] for size in args.sizes)), key=lambda label: -median(spent, large, label))
    print(f"{'median per batch, ms':40s}" + "".join(f" {size:>9d}" for size in args.sizes)
          + f" {'x':>6s}" + "".join(f" {'mean ' + str(size):>11s}" for size in args.sizes)
          + "".join(f" {'rows ' + str(size):>11s}" for size in args.sizes)
          + "".join(f" {'ran ' + str(size):>10s}" for size in args.sizes))
    for label in labels:
        ms = [median(spent, size, label) * 1000 for size in args.sizes]
        ratio = ms[-1] / ms[0] if ms[0] else float("nan")
        print(f"{label:40s}" + "".join(f" {m:9.1f}" for m in ms) + f" {ratio:6.2f}"
              + "".join(f" {mean(size, label) * 1000:11.1f}" for size in args.sizes)
              + "".join(f" {median(fetched, size, label):11.0f}" for size in args.sizes)
              + "".join(f" {len(spent[size].get(label) or []):10d}" for size in args.sizes))
    print(f"{'CHECKPOINT_SQL at close, per batch':40s}" + "".join(f" {closing[size] * 1000 / args.batches:9.1f}"
                                                                for size in args.sizes)
          + "".join(f" {closing[size] * 1000:11.1f}" for size in args.sizes) + "  (the whole checkpoint: 'mean')")
    print(f"stores of {small} and {large} documents, {args.batches} batches of {BATCH} each, writers warmed by "
          f"{min(args.warm, small)} and {min(args.warm, large)} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
