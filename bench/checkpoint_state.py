"""Whether a store that has been checkpointed makes a batch's statements dearer than one that never was (the first
step of ``scale.py --no-code`` is the only one before the writer's first checkpoint): the same first batches of the
replay committed, in turn and in one process, into two empty stores, one of them checkpointed after every
``--every`` batches (the checkpoints themselves are not timed).

    python bench/checkpoint_state.py [--every 4] [--batches 60] [--mentions-from PATH]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import batch_sql  # noqa: E402
import replay_cli  # noqa: E402  (the command line these benches share)
import scale  # noqa: E402

from detente.store import queries as q  # noqa: E402
from detente.store.db import Store  # noqa: E402

WARM = 8  # batches left out of the medians: the first ones pay one-time costs (column types, the index check)


def main() -> None:
    ap = replay_cli.parser(__doc__)
    ap.add_argument("--every", type=int, default=4)
    ap.add_argument("--batches", type=int, default=60)
    args, coded = replay_cli.parse(ap, cpu=True)
    names = batch_sql._names()
    batches = list(scale._batched(scale.replayed(coded, batch_sql.BATCH * args.batches, 60), batch_sql.BATCH))
    spent: dict[bool, dict[str, list[float]]] = {False: defaultdict(list), True: defaultdict(list)}
    with tempfile.TemporaryDirectory() as tmp:
        stores = {checkpointed: Store(Path(tmp) / f"{checkpointed}.duckdb", transient=True)
                  for checkpointed in (False, True)}
        for k, batch in enumerate(batches):
            for checkpointed, store in stores.items():
                batch_spent, _ = batch_sql._timed_batch(store, batch, names)
                if k >= WARM:
                    for label, seconds in batch_spent.items():
                        spent[checkpointed][label].append(seconds)
                if checkpointed and (k + 1) % args.every == 0:
                    with store.session():
                        store.con.execute(q.CHECKPOINT_SQL)
        for store in stores.values():
            store.close()
    print(f"{'median CPU ms a batch':34s} {'never':>7s} {'every ' + str(args.every):>8s} {'x':>5s}")
    for label in sorted(spent[False], key=lambda label: -statistics.median(spent[False][label])):
        a = statistics.median(spent[False][label]) * 1000
        b = statistics.median(spent[True].get(label) or [0]) * 1000
        print(f"{label[:34]:34s} {a:7.1f} {b:8.1f} {b / a if a else float('nan'):5.2f}")


if __name__ == "__main__":
    main()
