"""What one CHECKPOINT of a large store spends its time on (bench/README.md, "Scale": issue 16, session 10).

A checkpoint that folds the same ~58 MB write-ahead log into a 20,000-document store costs about three times
its cost in a fresh store. This bench separates the causes with plain DuckDB:

    python bench/checkpoint.py record --store FULL.duckdb --mentions-from CODED.pickle --out WRITES.pickle
    python bench/checkpoint.py replay --store FULL.duckdb --writes WRITES.pickle [--tables mentions,events]
        [--rebuild all:keys|all:nokeys|TABLE,...:keys|nokeys] [--every N] [--vacuum-tasks 0]
        [--vacuum-every K] [--compress COLUMN=METHOD,...] [--set NAME=VALUE] [--groups TABLE,...]

``record`` replays ``--batches`` batches of ``scale.py``'s synthetic documents into a copy of the store through
``Store.add_batch`` (no checkpoint on the way), times the ``CHECKPOINT`` owed at the end, and saves every write
statement each batch ran, with its parameters (the batches' writes are self-contained lists: no reads needed).
``replay`` runs those statements again on another copy, one transaction a batch as the store does, optionally
only those of some tables, after optionally rebuilding tables (``keys``: the same DDL, rows copied in, so the
same fresh layout; ``nokeys``: ``CREATE TABLE AS SELECT``, the same rows without PRIMARY KEY constraints), then
times the ``CHECKPOINT``: process CPU (DuckDB's threads included) and wall, with the load average, the log's
size and the file's blocks; ``--every`` checkpoints along the way too, ``--vacuum-tasks 0`` stops DuckDB merging
row groups at a checkpoint. Each run is one process, so every variant starts with a cold buffer pool.

``--vacuum-every K`` lets only every K-th of those checkpoints merge, ``--compress`` sets ``USING COMPRESSION`` on
columns of the rebuilt tables, ``--set`` any DuckDB setting, ``--groups`` prints rows per row group after each
checkpoint; every replay ends with each table's row groups, the file's blocks and the CPU of three reads.

What it found (bench/README.md): not the primary keys' indexes, but the checkpoint's vacuum merging the
under-filled row groups that earlier checkpoints left at each table's end, rewriting their old rows (session
10); its merges rewrite two nearly full groups whenever they and the tail fit in two, and neither a vacuum every
K-th checkpoint nor ZSTD for the rewritten columns lowers the total (session 11)."""

from __future__ import annotations

import argparse
import itertools
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # noqa: E402  (bench/scale.py: the same synthetic documents)

WRITE = re.compile(r"^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+(\w+)", re.IGNORECASE)
TABLES = ("documents", "mentions", "events", "cluster_members", "cluster_key_hashes")
Statement = tuple[str, Any]


class Recorder:
    """A connection that passes everything through and keeps the write statements it runs."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self.writes: list[Statement] = []

    def execute(self, sql: str, params: Any = None) -> Any:
        if WRITE.match(sql):
            self.writes.append((sql, params))
        return self._con.execute(sql, params) if params is not None else self._con.execute(sql)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _remove(db: Path) -> None:
    """A store copy and its write-ahead log."""
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)


def _fresh_copy(src: Path, dst: Path) -> None:
    _remove(dst)
    shutil.copyfile(src, dst)


def _checkpoint(con: duckdb.DuckDBPyConnection, db: Path, perf: Path | None = None) -> dict[str, Any]:
    """Times one CHECKPOINT; with ``perf``, samples it with Linux perf (call graphs) into that file."""
    wal = Path(f"{db}.wal")
    log_mb = wal.stat().st_size / 2**20 if wal.exists() else 0.0
    load = os.getloadavg()[0]
    sampler = None
    if perf is not None:
        sampler = subprocess.Popen(["perf", "record", "-q", "-F", "1999", "-g", "-p", str(os.getpid()), "-o",
                                    str(perf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)  # perf attached
    wall, cpu = time.perf_counter(), time.process_time()
    con.execute("CHECKPOINT")
    if sampler is not None:
        sampler.send_signal(signal.SIGINT)
        sampler.wait()
    return {"ckpt_cpu_ms": round(1000 * (time.process_time() - cpu)),
            "ckpt_wall_ms": round(1000 * (time.perf_counter() - wall)), "log_mb": round(log_mb, 1),
            "load": round(load, 2)}


def _blocks(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT used_blocks FROM pragma_database_size()").fetchone()
    return int(row[0]) if row else -1


def _art_mb(con: duckdb.DuckDBPyConnection) -> float:
    """Memory DuckDB's buffer manager holds for ART indexes (the primary keys' indexes, once loaded)."""
    row = con.execute("SELECT memory_usage_bytes FROM duckdb_memory() WHERE tag = 'ART_INDEX'").fetchone()
    return round(int(row[0]) / 2**20, 1) if row else -1.0


def _group_rows(con: duckdb.DuckDBPyConnection, table: str) -> list[int]:
    """Rows in each row group of ``table``, in order (what the vacuum looks at)."""
    sql = (f"SELECT row_group_id, sum(count) FROM pragma_storage_info('{table}') WHERE column_path = '[0]' "
           "GROUP BY 1 ORDER BY 1")
    return [int(n) for _, n in con.execute(sql).fetchall()]


def _row_groups(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row groups per table: what the vacuum keeps few."""
    out = {}
    for t in TABLES:
        row = con.execute(f"SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('{t}')").fetchone()
        out[t] = int(row[0]) if row else -1
    return out


READS = {  # what readers and a batch scan: every event with its documents, the documents' text, the index
    "events_ms": "SELECT count(*), sum(length(e.sentence)) FROM ({events}) e",
    "text_ms": "SELECT sum(length(text)) FROM documents",
    "keys_ms": "SELECT count(*) FROM cluster_key_hashes WHERE kb % 7 = 3",
}


def _reads(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """CPU ms of a few reads after the checkpoint (the best of three): what a fragmented layout would cost."""
    from detente.store import queries as q

    out: dict[str, float] = {}
    for name, sql in READS.items():
        best = float("inf")
        for _ in range(3):
            cpu = time.process_time()
            con.execute(sql.format(events=q.EVENTS_SQL.format(where=""))).fetchall()
            best = min(best, time.process_time() - cpu)
        out[name] = round(1000 * best, 1)
    return out


def record(args: argparse.Namespace) -> None:
    import detente

    db = args.work / "record.duckdb"
    _fresh_copy(args.store, db)
    coded = scale.load_coded(scale.DEFAULT_CORPUS, args.mentions_from)
    gen = scale._batched(scale.replayed(coded, args.start + args.size * args.batches, 60), args.size)
    batches = list(itertools.islice(gen, args.start // args.size, None))  # the store holds the first ones
    writes: list[list[Statement]] = []
    with detente.open_store(db) as store:
        with store.session() as con:
            con.execute("SET checkpoint_threshold = '100GB'")
        rec = Recorder(store.con)
        store._con = rec  # type: ignore[assignment]  # the bench's own wrapper, never in detente
        cpu = time.process_time()
        for batch in batches:
            rec.writes = []
            store.add_batch(batch)
            writes.append(rec.writes)
        per_batch = 1000 * (time.process_time() - cpu) / len(batches)
        store._con = rec._con
        with store.session() as con:
            out = _checkpoint(con, db)
    args.out.write_bytes(pickle.dumps(writes))
    print({"variant": "record (Store.add_batch)", "batches": len(batches), "batch_cpu_ms": round(per_batch, 1),
           "statements": sum(map(len, writes)), **out}, flush=True)
    _remove(db)


def _with_compression(ddl: str, table: str, methods: dict[str, str]) -> str:
    """``ddl`` with ``USING COMPRESSION`` on the columns ``methods`` names (``column`` or ``table.column``)."""
    for name, method in methods.items():
        tab, _, col = name.rpartition(".")
        if tab and tab != table:
            continue
        ddl, n = re.subn(rf"([(,]\s*{col} [A-Z]+(?:\[\])?)", rf"\1 USING COMPRESSION {method}", ddl)
        assert n <= 1, (table, name)
    return ddl


def _rebuild(con: duckdb.DuckDBPyConnection, table: str, keys: bool, methods: dict[str, str] | None = None) -> None:
    """The table's rows in fresh row groups, with its DDL (``keys``; ``methods``: per-column compression) or
    without any constraint."""
    con.execute("BEGIN TRANSACTION")
    if keys:
        row = con.execute("SELECT sql FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone()
        assert row is not None, table
        con.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
        con.execute(_with_compression(row[0], table, methods or {}))
        con.execute(f"INSERT INTO {table} SELECT * FROM {table}_old")
    else:
        con.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM {table}_old")
    con.execute(f"DROP TABLE {table}_old")
    con.execute("COMMIT")


def replay(args: argparse.Namespace) -> None:
    writes: list[list[Statement]] = pickle.loads(args.writes.read_bytes())[: args.batches]
    db = args.work / "replay.duckdb"
    _fresh_copy(args.store, db)
    con = duckdb.connect(str(db))
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    con.execute("SET checkpoint_threshold = '100GB'")
    rebuilt = ""
    if args.rebuild:
        which, _, mode = args.rebuild.partition(":")
        tables = TABLES if which == "all" else tuple(which.split(","))
        methods = dict(kv.split("=", 1) for kv in args.compress.split(",")) if args.compress else {}
        for table in tables:
            _rebuild(con, table, mode == "keys", methods)
        con.execute("CHECKPOINT")  # the rebuild's own, not timed
        rebuilt = f"{which}:{mode}"
    blocks = _blocks(con)
    for setting in args.set or []:  # e.g. force_compression=uncompressed: what each checkpoint may choose
        name, _, value = setting.partition("=")
        con.execute(f"SET {name} = '{value}'")
    if args.vacuum_tasks is not None:
        con.execute(f"SET max_vacuum_tasks = {int(args.vacuum_tasks)}")
    only = set(args.tables.split(",")) if args.tables else None
    cpu, n = time.process_time(), 0
    earlier: list[int] = []
    for k, batch in enumerate(writes, 1):
        con.execute("BEGIN TRANSACTION")
        for sql, params in batch:
            m = WRITE.match(sql)
            if only is None or (m and m.group(1) in only):
                con.execute(sql, params)
                n += 1
        con.execute("COMMIT")
        if args.every and k % args.every == 0 and k < len(writes):
            if args.vacuum_every:  # this checkpoint merges row groups only if it is the K-th
                vacuum = (len(earlier) + 1) % args.vacuum_every == 0
                con.execute(f"SET max_vacuum_tasks = {100 if vacuum else 0}")
            earlier.append(_checkpoint(con, db)["ckpt_cpu_ms"])
            if args.groups:
                print({"checkpoint": len(earlier), "cpu_ms": earlier[-1],
                       **{t: _group_rows(con, t) for t in args.groups.split(",")}}, flush=True)
    per_batch = 1000 * (time.process_time() - cpu - sum(earlier) / 1000) / max(len(writes), 1)
    art = _art_mb(con)
    if args.vacuum_every:
        vacuum = (len(earlier) + 1) % args.vacuum_every == 0
        con.execute(f"SET max_vacuum_tasks = {100 if vacuum else 0}")
    out = _checkpoint(con, db, args.perf)
    print({"variant": f"replay tables={args.tables or 'all'} rebuild={rebuilt or 'no'}", "batches": len(writes),
           "statements": n, "batch_cpu_ms": round(per_batch, 1), **out,
           "earlier_ckpt_cpu_ms": earlier, "vacuum_tasks": args.vacuum_tasks,
           "blocks_before": blocks, "blocks_after": _blocks(con),
           "art_mb_before_ckpt": art, "art_mb_after": _art_mb(con), "compress": args.compress,
           "vacuum_every": args.vacuum_every, "set": args.set, "row_groups": _row_groups(con), **_reads(con)},
          flush=True)
    con.close()
    _remove(db)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("record", "replay"))
    ap.add_argument("--store", type=Path, required=True, help="the full store (scale.py --keep-store); copied")
    ap.add_argument("--work", type=Path, default=Path("/tmp"), help="folder for the copies")
    ap.add_argument("--batches", type=int, default=80)
    ap.add_argument("--size", type=int, default=32, help="documents a batch")
    ap.add_argument("--start", type=int, default=20_000, help="documents in the store (record)")
    ap.add_argument("--mentions-from", type=Path, help="scale.py's coded corpus cache (record)")
    ap.add_argument("--out", type=Path, help="where record saves the write statements")
    ap.add_argument("--writes", type=Path, help="what record saved (replay)")
    ap.add_argument("--tables", help="replay only these tables' statements (comma-separated)")
    ap.add_argument("--rebuild", help="TABLES:keys|nokeys before the replay (TABLES: all or comma-separated)")
    ap.add_argument("--every", type=int, help="replay: a CHECKPOINT after every N batches too (their CPU listed)")
    ap.add_argument("--vacuum-tasks", type=int, help="replay: SET max_vacuum_tasks (0: no row-group merges)")
    ap.add_argument("--vacuum-every", type=int, help="replay with --every: only every K-th checkpoint (the last "
                    "one counted) merges row groups; the others run with max_vacuum_tasks = 0")
    ap.add_argument("--compress", help="with --rebuild ...:keys: COLUMN=METHOD,... (or TABLE.COLUMN=METHOD), "
                    "USING COMPRESSION in the rebuilt tables' DDL (zstd, uncompressed, fsst, dictionary, ...)")
    ap.add_argument("--groups", help="replay with --every: print these tables' rows per row group after each "
                    "checkpoint (comma-separated)")
    ap.add_argument("--set", action="append", help="replay: NAME=VALUE, a DuckDB setting before the batches "
                    "(repeatable; e.g. disabled_compression_methods=fsst)")
    ap.add_argument("--perf", type=Path, help="replay: sample the CHECKPOINT with perf into this file")
    args = ap.parse_args()
    (record if args.mode == "record" else replay)(args)


if __name__ == "__main__":
    main()
