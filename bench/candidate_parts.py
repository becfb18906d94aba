"""Where ``CANDIDATE_NUMBERS_SQL``'s time goes and which part grows with the store: the statement a few real batches
run (their new link rows captured while they are added to a copy of ``--large``) timed whole and cut after each of its
parts (the probes built, the link rows found, their segments), against ``--large`` and ``--small``.

    python bench/candidate_parts.py --large STORE --small STORE --next N [--mentions-from PATH]

``--next N``: the documents ``--large`` holds (the batches replayed are the next three of ``scale.py``'s replay).
The stores are read, never written (the large one is copied first).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

import replay_cli  # noqa: E402  (the command line these benches share)
import scale  # noqa: E402

from detente.store import queries as q  # noqa: E402
from detente.store.db import Store  # noqa: E402

PARTS = {
    "probes built": q.CANDIDATE_NUMBERS_SQL.split("), found AS")[0] + ") SELECT count(*) FROM probe",
    "link rows found": q.CANDIDATE_NUMBERS_SQL.split("), seg AS")[0] + ") SELECT count(*) FROM found",
    "their segments": q.CANDIDATE_NUMBERS_SQL.split("SELECT n, segment FROM cluster_members")[0]
    + "SELECT count(*) FROM seg",
    "whole": q.CANDIDATE_NUMBERS_SQL,
}


class _Capture:
    """A connection that keeps the new link rows (the table registered as ``q.NEW_LINKS``) of every candidate query
    it runs."""

    def __init__(self, con: Any, out: list[Any]) -> None:
        self._con, self._out = con, out

    def register(self, name: str, table: Any) -> None:
        if name == q.NEW_LINKS:
            self._out.append(table)
        self._con.register(name, table)

    def execute(self, sql: str, params: Any = None) -> _Capture:
        self._con.execute(sql, params or [])
        return self

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def captured(large: Path, coded: scale.Coded, after: int, tmp: Path) -> list[Any]:
    copy = tmp / "large.duckdb"
    shutil.copy(large, copy)
    out: list[Any] = []
    with Store(copy, transient=True) as store, store.session():
        setattr(store, "_con", _Capture(store.con, out))  # noqa: B010 - a capturing stand-in for these batches
        for batch in scale._batched(iter(list(scale.replayed(coded, after + 96, 60))[after:]), 32):
            store.add_batch(batch)
    return out


def main() -> None:
    ap = replay_cli.parser(__doc__)
    ap.add_argument("--large", type=Path, required=True)
    ap.add_argument("--small", type=Path, required=True)
    ap.add_argument("--next", type=int, required=True)
    ap.add_argument("--repeat", type=int, default=7)
    args, coded = replay_cli.parse(ap)
    with tempfile.TemporaryDirectory() as tmp:
        tables = captured(args.large, coded, args.next, Path(tmp))
        for name, path in (("small", args.small), ("large", Path(tmp) / "large.duckdb")):
            with duckdb.connect(str(path), read_only=True) as con:
                rows = con.execute("SELECT count(*) FROM cluster_key_hashes").fetchall()[0]  # read to the end
                for part, sql in PARTS.items():
                    spent = []
                    for table in tables:
                        for _ in range(args.repeat):
                            t = time.process_time()  # the table's registration counted, as a batch pays it
                            con.register(q.NEW_LINKS, table)
                            con.execute(sql).fetchall()
                            con.unregister(q.NEW_LINKS)
                            spent.append(time.process_time() - t)
                    print(f"{name} ({rows[0] if rows else 0} link rows) {part:16s} "
                          f"{statistics.median(spent) * 1000:6.2f} ms CPU (median)", flush=True)


if __name__ == "__main__":
    main()
