"""Where a batch's store time goes, at an empty store and at a full one: each SQL statement of ``Store.add_batch``
timed, for the same 32-document batches committed alternately into an empty store and into a copy of a full one.

    python bench/batch_sql.py --full PATH [--build 20000] [--batches 8] [--mentions-from PATH]

``--build N`` first writes a store of N replayed documents at PATH (``bench/scale.py --no-code``'s documents) when
PATH does not exist. Each store is opened once (as an ingest holds it) and warmed by one batch; the batches that
follow are the next documents of the same replay (later dates, as an ingest that goes on would bring), each
given fresh ids so both stores take the same ones. The table gives, per statement (named by its constant in
``detente.store.queries``), the median milliseconds per batch in each store and their ratio.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # noqa: E402  (bench/scale.py: the replayed documents)

from detente.store import queries as q  # noqa: E402
from detente.store.db import Store  # noqa: E402

BATCH = 32


def _names() -> dict[str, str]:
    names = {value: name for name, value in vars(q).items() if isinstance(value, str) and name.isupper()}
    for name, value in vars(q).items():
        if isinstance(value, tuple) and name.isupper():
            names.update((v, f"{name}[{i}]") for i, v in enumerate(value) if isinstance(v, str))
    return names


class Timed:
    """A connection that adds the seconds of each statement (and of fetching its rows) to ``spent``."""

    def __init__(self, con: Any, spent: dict[str, float], fetched: dict[str, int], names: dict[str, str]) -> None:
        self._con, self._spent, self._fetched, self._names, self._label = con, spent, fetched, names, ""

    def execute(self, sql: str, params: Any = None) -> Timed:
        self._label = self._names.get(sql) or (" ".join(sql.split()[:3]) if sql.startswith("INSERT") else sql[:40])
        t = time.perf_counter()
        self._con.execute(sql, params or [])
        self._spent[self._label] += time.perf_counter() - t
        return self

    def _fetch(self, how: str) -> Any:
        t = time.perf_counter()
        out = getattr(self._con, how)()
        self._spent[self._label] += time.perf_counter() - t
        self._fetched[self._label] += len(out) if how == "fetchall" else 1
        return out

    def fetchall(self) -> Any:
        return self._fetch("fetchall")

    def fetchone(self) -> Any:
        return self._fetch("fetchone")

    @property
    def description(self) -> Any:
        return self._con.description

    def close(self) -> None:
        self._con.close()


def build(path: Path, coded: scale.Coded, n_docs: int) -> None:
    t = time.perf_counter()
    with Store(path, transient=True) as store:
        for batch in scale._batched(scale.replayed(coded, n_docs, 60), BATCH):
            store.add_batch(batch)
    print(f"built {path} ({n_docs} documents) in {time.perf_counter() - t:.0f} s", file=sys.stderr)


def fresh(items: list[tuple[Any, list[Any]]], tag: str) -> list[tuple[Any, list[Any]]]:
    out = []
    for doc, mentions in items:
        doc_id = hashlib.sha256(f"{doc.id}\x00{tag}".encode()).hexdigest()
        out.append((dataclasses.replace(doc, id=doc_id),
                    [dataclasses.replace(m, mention_id=f"{m.mention_id}-{tag}", doc_id=doc_id) for m in mentions]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full", type=Path, required=True, help="the full store (copied, never written)")
    ap.add_argument("--build", type=int, default=20000, help="documents to write at --full when it is missing")
    ap.add_argument("--batches", type=int, default=8)
    ap.add_argument("--corpus", type=Path, default=scale.DEFAULT_CORPUS)
    ap.add_argument("--mentions-from", type=Path, help="the coded corpus cache of bench/scale.py")
    args = ap.parse_args()
    coded = scale.load_coded(args.corpus, args.mentions_from)
    if not args.full.exists():
        build(args.full, coded, args.build)
    tail = list(scale.replayed(coded, args.build + BATCH * (args.batches + 1), 60))[args.build:]
    names = _names()
    spent: dict[str, dict[str, list[float]]] = {"empty": defaultdict(list), "full": defaultdict(list)}
    fetched: dict[str, dict[str, list[int]]] = {"empty": defaultdict(list), "full": defaultdict(list)}
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(args.full, Path(tmp) / "full.duckdb")
        stores = {"empty": Store(Path(tmp) / "empty.duckdb", transient=True),
                  "full": Store(Path(tmp) / "full.duckdb", transient=True)}
        for kind, store in stores.items():
            store.add_batch(fresh(tail[:BATCH], f"warm-{kind}"))
        for k in range(1, args.batches + 1):
            for kind, store in stores.items():
                batch_spent: dict[str, float] = defaultdict(float)
                batch_rows: dict[str, int] = defaultdict(int)
                with store.session():
                    con = store.con
                    setattr(store, "_con", Timed(con, batch_spent, batch_rows, names))  # noqa: B010 - a stand-in
                    try:
                        result = store.add_batch(fresh(tail[k * BATCH:(k + 1) * BATCH], f"ab{k}"))
                    finally:
                        setattr(store, "_con", con)  # noqa: B010
                batch_spent["(outside SQL)"] = result.seconds - sum(batch_spent.values())
                batch_spent["batch (BatchResult.seconds)"] = result.seconds
                for label, seconds in batch_spent.items():
                    spent[kind][label].append(seconds)
                    fetched[kind][label].append(batch_rows.get(label, 0))
        for store in stores.values():
            store.close()

    def median(kind: str, label: str, table: dict[str, dict[str, list[Any]]]) -> float:
        return float(statistics.median(table[kind].get(label) or [0]))

    labels = sorted(set(spent["empty"]) | set(spent["full"]), key=lambda label: -median("full", label, spent))
    print(f"{'median per batch':40s} {'empty ms':>9s} {'full ms':>9s} {'x':>6s} {'rows empty':>11s} {'rows full':>10s}")
    for label in labels:
        empty, full = median("empty", label, spent) * 1000, median("full", label, spent) * 1000
        print(f"{label:40s} {empty:9.1f} {full:9.1f} {full / empty if empty else float('nan'):6.2f} "
              f"{median('empty', label, fetched):11.0f} {median('full', label, fetched):10.0f}")

if __name__ == "__main__":
    main()
