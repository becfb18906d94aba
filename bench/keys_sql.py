"""What the store's primary keys (DuckDB ART indexes) and a few candidate indexes cost a batch as the store grows:
the same replayed batches committed, in one process and in turn, into an empty store and into a 20,000-document
store of each *variant* of the schema, every SQL statement of ``Store.add_batch`` timed (``batch_sql.py``'s
wrapper).

    python bench/keys_sql.py --stores DIR [--size 19936] [--batches 40] [--cpu] [--variants keys nokeys ...]

Variants (each an empty store and a copy of the large one, rebuilt table by table so that every variant's tables
are laid out alike; ``keys`` is the control, the schema as it ships):

- ``keys``: ``schema.sql`` as is (primary keys on ``documents.id``, ``mentions.mention_id``, ``events.event_id``);
- ``nokeys``: none of those three keys; ``nokey-documents``, ``nokey-mentions``, ``nokey-events``: one dropped;
- ``index``: the keys, plus ART indexes on the clustering index's join columns (``cluster_key_hashes.kb``,
  ``cluster_members.n``, ``cluster_members.segment``);
- ``index-kb``: the keys, plus an index on ``cluster_key_hashes.kb`` alone.

The large store is the first ``size - warm`` replayed documents (written once to DIR by ``batch_sql.build`` and
reused), then rebuilt per variant; each writer then ingests ``--warm`` documents untimed (its kept rows filled, as
in a long ingest) and the batches after that are timed, variant after variant, size after size, batch by batch.
Only ratios within one run mean anything on a shared machine (bench/README.md, "Scale").
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import batch_sql  # noqa: E402  (the timed batch and the built stores)
import replay_cli  # noqa: E402  (the command line these benches share)
import scale  # noqa: E402  (bench/scale.py: the replayed documents)
from variants import VARIANTS, make_variant  # noqa: E402  (the schemas compared)

from detente.store.db import Store  # noqa: E402


def main() -> None:
    ap = replay_cli.parser(__doc__, cpu_flag=True)
    ap.add_argument("--stores", type=Path, required=True, help="folder of the built large store (built if missing)")
    ap.add_argument("--size", type=int, default=19936)
    ap.add_argument("--batches", type=int, default=40)
    ap.add_argument("--warm", type=int, default=30 * 89)
    ap.add_argument("--variants", nargs="+", default=["keys", "nokeys"], choices=sorted(VARIANTS))
    args, coded = replay_cli.parse(ap)
    args.stores.mkdir(parents=True, exist_ok=True)
    base = args.size - min(args.warm, args.size)
    built = args.stores / f"{base}.duckdb"
    if not built.exists():
        batch_sql.build(built, coded, base)
    names = batch_sql._names()
    sizes = (0, args.size)
    runs = [(variant, size) for variant in args.variants for size in sizes]
    spent: dict[tuple[str, int], dict[str, list[float]]] = {run: defaultdict(list) for run in runs}
    with tempfile.TemporaryDirectory() as tmp:
        stores: dict[tuple[str, int], Store] = {}
        batches: dict[int, list[list[Any]]] = {}
        for size in sizes:
            replay = list(scale.replayed(coded, size + batch_sql.BATCH * args.batches, 60))
            batches[size] = list(scale._batched(iter(replay[size:]), batch_sql.BATCH))
            first = max(size - args.warm, 0)
            for variant in args.variants:
                path = Path(tmp) / f"{variant}-{size}.duckdb"
                if size:
                    shutil.copy(built, path)
                seconds = make_variant(path, variant)
                print(f"{variant} {size}: made in {seconds:.1f} s", file=sys.stderr, flush=True)
                store = stores[variant, size] = Store(path, transient=True)
                for batch in scale._batched(iter(replay[first:size]), batch_sql.BATCH):
                    batch_sql._timed_batch(store, batch, names)
        for k in range(args.batches):
            for run, store in stores.items():
                batch_spent, _ = batch_sql._timed_batch(store, batches[run[1]][k], names)
                for label, seconds in batch_spent.items():
                    spent[run][label].append(seconds)
        for store in stores.values():
            store.close()
    report(spent, args.variants, sizes, args.batches)


def report(spent: dict[tuple[str, int], dict[str, list[float]]], variants: list[str], sizes: tuple[int, int],
           batches: int) -> None:
    """Per statement and variant, the empty store's and the large one's median ms over the batches that ran it,
    their ratio, and the large store's mean ms a batch over every batch (what a statement run by some batches
    only adds to each)."""
    def median(run: tuple[str, int], label: str) -> float:
        return float(statistics.median(spent[run].get(label) or [0])) * 1000

    def per_batch(run: tuple[str, int], label: str) -> float:
        return sum(spent[run].get(label) or [0]) * 1000 / batches

    large = (variants[0], sizes[1])
    labels = sorted(set().union(*spent.values()), key=lambda label: -per_batch(large, label))
    print(f"{'ms a batch: median 0, large, x; mean':36s}"
          + "".join(f" | {v[:15]:>15s} {sizes[1]:>5d} {'x':>5s} {'mean':>5s}" for v in variants))
    for label in labels:
        cells = []
        for variant in variants:
            small, big = median((variant, sizes[0]), label), median((variant, sizes[1]), label)
            ratio = big / small if small else float("nan")
            cells.append(f" | {small:15.1f} {big:5.1f} {ratio:5.2f} {per_batch((variant, sizes[1]), label):5.1f}")
        print(f"{label[:36]:36s}" + "".join(cells))
    print(f"{batches} batches of {batch_sql.BATCH} per store, alternated", file=sys.stderr)


if __name__ == "__main__":
    main()
