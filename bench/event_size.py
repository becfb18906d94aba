"""Cost of one more report of an event as the event grows: one story replayed as copy after copy into a store.

Each copy keeps its mentions' event dates (``scale.replayed`` with ``same_dates``), so copy k is the k-th report of
the story's events and every event of the story has k members. The bench prints the store seconds of each copy's
``add_batch`` and, with ``--profile``, the functions that a copy at the last size spends most in.

    PYTHONPATH=.:bench python bench/event_size.py [--copies 120] [--story N] [--every 10] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

from scale import DEFAULT_CORPUS, load_coded, replayed

import detente


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=120)
    ap.add_argument("--story", type=int, help="position of the story in the corpus (default: most mentions)")
    ap.add_argument("--every", type=int, default=10, help="print every N copies")
    ap.add_argument("--profile", action="store_true", help="cProfile the last copy's batch")
    ap.add_argument("--mentions-from", type=Path, help="coded corpus cache (scale.py's --mentions-from)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    coded = load_coded(args.corpus, args.mentions_from)
    pos = args.story if args.story is not None else max(range(len(coded)), key=lambda i: len(coded[i][1]))
    story = [coded[pos]]
    print(f"story {pos}: {len(story[0][1])} mentions a copy", file=sys.stderr)
    copies = list(replayed(story, args.copies, shift_days=1, same_dates=True))
    with tempfile.TemporaryDirectory() as tmp, detente.open_store(Path(tmp) / "e.duckdb") as store:
        for k, item in enumerate(copies, 1):
            prof = cProfile.Profile(time.process_time) if args.profile and k == len(copies) else None
            if prof is not None:
                prof.enable()
            result = store.add_batch([item])
            if prof is not None:
                prof.disable()
                pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(18)
            if k % args.every == 0 or k == 1:
                print(f"copy {k:4d}: store {result.seconds * 1000:8.1f} ms", flush=True)
        print(f"events {store.counts()}", file=sys.stderr)


if __name__ == "__main__":
    main()
