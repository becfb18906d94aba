"""Whether inserting into a table with a primary key (a DuckDB ART index on a VARCHAR key) costs more as the table
grows, isolated from the store: batches of ``--rows`` rows with fresh ids like the replay's mention ids, one
connection, one transaction each (as ``Store.add_batch``), into a table with the key and into one without.

    python bench/art_insert.py [--batches 800] [--rows 250] [--dir DIR]

Prints, per table, the median CPU ms of an insert over the first and the last tenth of the batches.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

INSERT_SQL = "INSERT INTO t SELECT unnest(CAST($1 AS VARCHAR[])), unnest(CAST($2 AS VARCHAR[]))"


def _ids(batch: int, rows: int) -> list[str]:
    return [hashlib.sha256(f"{batch}-{i}".encode()).hexdigest()[:16] + f"-s{batch}" for i in range(rows)]


def run(folder: Path, *, batches: int, rows: int) -> dict[bool, list[float]]:
    """CPU seconds of each batch's insert (its transaction) into the keyed and the unkeyed table, in turn, batch by
    batch, so that both see the same load."""
    cons = {}
    for keyed in (True, False):
        con = cons[keyed] = duckdb.connect(str(folder / f"{keyed}.duckdb"))
        con.execute(f"CREATE TABLE t (id VARCHAR{' PRIMARY KEY' if keyed else ''}, v VARCHAR)")
        con.execute("SET checkpoint_threshold = '64MB'")  # the store's writer's (queries.TRANSIENT_WRITER_SQL)
    spent: dict[bool, list[float]] = {True: [], False: []}
    for b in range(batches):
        ids = _ids(b, rows)
        for keyed, con in cons.items():
            t = time.process_time()
            con.execute("BEGIN TRANSACTION")
            con.execute(INSERT_SQL, [ids, ["x" * 200] * rows])
            con.execute("COMMIT")
            spent[keyed].append(time.process_time() - t)
    for con in cons.values():
        con.close()
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batches", type=int, default=800)
    ap.add_argument("--rows", type=int, default=250, help="rows a batch (a 32-document batch has about 250 mentions)")
    ap.add_argument("--dir", type=Path, help="where the two stores go (a temporary folder by default)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        spent = run(Path(tmp), batches=args.batches, rows=args.rows)
    tenth = max(args.batches // 10, 1)
    for keyed, seconds in spent.items():
        first, last = statistics.median(seconds[:tenth]) * 1000, statistics.median(seconds[-tenth:]) * 1000
        print(f"{'primary key' if keyed else 'no key':12s} first tenth {first:.2f} ms, last tenth {last:.2f} ms "
              f"(x{last / first:.2f}), {args.batches * args.rows} rows at the end", flush=True)


if __name__ == "__main__":
    main()
