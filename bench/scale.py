"""Cost of ingest as the store grows: docs/s and store seconds per batch at each 2k-document step.

Synthetic news: copies of the VOA corpus, each with its own ids, its dates shifted by ``--shift-days`` times the
copy number and two words swapped in every text (so contents and sentences hash differently), ingested in
batches of ``--batch-size`` into a fresh store.

    python bench/scale.py [--docs 20000] [--no-code] [--mentions-from PATH] [--shift-days 60]

Two modes (bench/README.md):

- default: every synthetic document is read, coded and stored through ``Pipeline.ingest`` (the real cost;
  hours for 20,000 documents on two shared cores);
- ``--no-code``: the corpus is coded once (or loaded from ``--mentions-from``, written there the first time) and
  its mentions are replayed, with shifted dates and fresh ids, into the store through ``Store.add_batch``: the
  store and clustering cost alone, in minutes.

Each mode runs in a child process so the peak RSS is the store's, not the coder's; ``events --recluster`` on the
full store runs in another. The last line is one JSON object with the slope (last step's docs/s ÷ first
step's), the seconds to add one document to the full store and both peak RSS figures.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import datetime as dt
import gc
import hashlib
import json
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from detente.records import Document, Mention

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "voa_stories.jsonl"
Coded = list[tuple[Document, list[Mention]]]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def swap_words(text: str, copy: int) -> str:
    """Two neighbouring words swapped at a place chosen by the copy number: another hash, the same story."""
    words = text.split(" ")
    if copy == 0 or len(words) < 3:
        return text
    i = copy % (len(words) - 1)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def _shift(day: dt.date | None, days: int) -> dt.date | None:
    return day + dt.timedelta(days=days) if day else None


def synthetic_records(corpus: Path, n_docs: int, shift_days: int) -> Iterator[dict[str, Any]]:
    """JSONL records for the coding mode: copies with their own ids, publication dates shifted into the past (the
    reader rejects a date after today, so forward copies would be refused: session 18 found a 20k run that stored
    1,932), swapped words."""
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n in range(n_docs):
        copy, rec = divmod(n, len(records))
        r = dict(records[rec])
        r["id"] = f"{r['id']}-s{copy}"
        r["text"] = swap_words(r["text"], copy)
        published = dt.date.fromisoformat(str(r["published"])[:10])
        r["published"] = (published - dt.timedelta(days=copy * shift_days)).isoformat()
        yield r


def replayed(coded: Coded, n_docs: int, shift_days: int, same_dates: bool = False
             ) -> Iterator[tuple[Document, list[Mention]]]:
    """Coded documents copied with fresh ids, dates shifted by ``shift_days`` per copy and swapped words. With
    ``same_dates`` the mentions keep their event dates (only the publication date moves): every copy reports the
    same events again, as outlets carrying one story do, so events grow by one member a copy."""
    for n in range(n_docs):
        copy, pos = divmod(n, len(coded))
        doc, mentions = coded[pos]
        days = copy * shift_days
        event_days = 0 if same_dates else days
        doc_id = hashlib.sha256(f"{doc.id}\x00{copy}".encode()).hexdigest()
        new_doc = dataclasses.replace(doc, id=doc_id, source_id=f"{doc.source_id}-s{copy}",
                                      published=_shift(doc.published, days), text=swap_words(doc.text, copy))
        yield new_doc, [dataclasses.replace(
            m, mention_id=f"{m.mention_id}-s{copy}", doc_id=doc_id, document_id=new_doc.source_id,
            sentence=swap_words(m.sentence, copy), date=_shift(m.date, event_days),
            date_end=_shift(m.date_end, event_days),
        ) for m in mentions]


def load_coded(corpus: Path, cache: Path | None) -> Coded:
    """The corpus coded once; with ``cache``, read from it or written to it (a pickle this bench wrote)."""
    if cache is not None and cache.exists():
        coded: Coded = pickle.loads(cache.read_bytes())
        return coded
    import detente

    pipe = detente.load()
    coded = list(pipe.code_documents(detente.read(corpus, max_bytes=50_000_000)))
    if cache is not None:
        cache.write_bytes(pickle.dumps(coded))
    return coded


class GcTimer:
    """CPU seconds spent in the garbage collector, by generation, through ``gc.callbacks``: whether full
    collections of a growing heap are what slows a long-running writer (bench/README.md, session 11)."""

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.runs = [0, 0, 0]
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds[info["generation"]] += time.process_time() - self._start
            self.runs[info["generation"]] += 1

    def take(self) -> tuple[list[float], list[int]]:
        """What was spent since the last call, and the collections of each generation."""
        out = (self.seconds, self.runs)
        self.seconds, self.runs = [0.0, 0.0, 0.0], [0, 0, 0]
        return out


class Steps:
    """Docs/s and store seconds per batch, printed at each step, with what a loaded machine sways less: the
    process's CPU seconds per batch (DuckDB's threads included) and the checkpoints that landed in the step (the
    write-ahead log ``wal`` shrank after a batch), since one checkpoint at 20,000 documents costs about as much CPU
    as ten batches (bench/README.md, "Scale"). Each step also splits its CPU: the median CPU of a batch that paid
    no checkpoint, and what the batches that did paid beyond that median (the step's checkpoints, in place)."""

    def __init__(self, step: int, wal: Path | None = None, log: Path | None = None) -> None:
        self.step = step
        self.wal = wal
        self.batch_log = log.open("w", encoding="utf-8") if log is not None else None  # one JSON line a batch
        self.batch_cpu = time.process_time()
        self.rows: list[dict[str, Any]] = []
        self.done = 0
        self.mark = 0
        self.t = time.perf_counter()
        self.cpu = time.process_time()
        self.store_s: list[float] = []
        self.batch_cpus: list[tuple[float, bool]] = []  # (CPU seconds, checkpointed) of each batch in the step
        self.log = self._log_size()
        self.checkpoints = 0
        self.gc = GcTimer()
        self.sql: collections.defaultdict[str, float] = collections.defaultdict(float)  # --split: SQL CPU by label
        self.sql_rows: collections.defaultdict[str, int] = collections.defaultdict(int)
        self.sql_mark = 0.0
        self.sql_last: dict[str, float] = {}
        self.sql_rows_last: dict[str, int] = {}
        self.gc_step = [0.0, 0.0, 0.0]
        self.gc_runs = [0, 0, 0]

    def _log_size(self) -> int:
        try:
            return self.wal.stat().st_size if self.wal is not None else 0
        except FileNotFoundError:
            return 0

    def batch(self, docs: int, store_seconds: float) -> None:
        self.done += docs
        self.store_s.append(store_seconds)
        log = self._log_size()
        checkpointed = log < self.log
        self.checkpoints += checkpointed
        cpu = time.process_time()
        self.batch_cpus.append((cpu - self.batch_cpu, checkpointed))
        gc_s, gc_runs = self.gc.take()
        sql_now = sum(self.sql.values())
        sql_s, self.sql_mark = sql_now - self.sql_mark, sql_now
        self.gc_step = [a + b for a, b in zip(self.gc_step, gc_s, strict=True)]
        self.gc_runs = [a + b for a, b in zip(self.gc_runs, gc_runs, strict=True)]
        if self.batch_log is not None:
            self.batch_log.write(json.dumps({"docs": self.done, "store_s": round(store_seconds, 4),
                                             "cpu_s": round(cpu - self.batch_cpu, 4), "checkpoint": checkpointed,
                                             "wal_mb": round(log / 2**20, 2),
                                             "sql_s": round(sql_s, 4), "gc_s": [round(x, 4) for x in gc_s],
                                             "gc_runs": gc_runs,
                                             "gc_count": gc.get_count()}) + "\n")
        self.batch_cpu = cpu
        self.log = log
        if self.done - self.mark >= self.step:
            self.flush()

    def flush(self) -> None:
        if self.batch_log is not None:
            self.batch_log.flush()
        if self.done == self.mark:
            return
        now, cpu = time.perf_counter(), time.process_time()
        plain = sorted(c for c, checkpointed in self.batch_cpus if not checkpointed) or [0.0]
        median = plain[len(plain) // 2]
        row = {"docs": self.done, "docs_per_s": (self.done - self.mark) / (now - self.t),
               "store_s_per_batch": sum(self.store_s) / len(self.store_s), "max_store_s": max(self.store_s),
               "cpu_s_per_batch": (cpu - self.cpu) / len(self.store_s), "checkpoints": self.checkpoints,
               "median_cpu_s_no_checkpoint": median,
               "checkpoint_cpu_s": sum(c - median for c, checkpointed in self.batch_cpus if checkpointed),
               "load": os.getloadavg()[0], "rss_mb": peak_rss_mb(),
               "gc_s_per_batch": sum(self.gc_step) / len(self.store_s), "gc_runs": self.gc_runs,
               "gc_full_s": self.gc_step[2], "objects": len(gc.get_objects())}
        self.rows.append(row)
        print(f"{self.done:7d} docs  {row['docs_per_s']:8.1f} docs/s  store {row['store_s_per_batch']:.3f} s/batch"
              f" (max {row['max_store_s']:.3f})  CPU {row['cpu_s_per_batch']:.3f} s/batch (median without a"
              f" checkpoint {median:.3f})  checkpoints {self.checkpoints} ({row['checkpoint_cpu_s']:.2f} s CPU)"
              f"  load {row['load']:.1f}  peak RSS {row['rss_mb']:.0f} MB"
              f"  gc {row['gc_s_per_batch'] * 1000:.1f} ms/batch"
              f" (full {self.gc_step[2]:.2f} s in {self.gc_runs[2]})  objects {row['objects']}",
              file=sys.stderr, flush=True)
        self.snapshot()
        if self.sql:  # --split: each statement's CPU ms a batch in this step
            n = len(self.store_s)
            spent = {k: (v - self.sql_last.get(k, 0.0)) * 1000 / n for k, v in self.sql.items()}
            print("    SQL ms/batch: " + ", ".join(f"{' '.join(k.split())[:40]} {v:.1f}" for k, v in
                                                   sorted(spent.items(), key=lambda kv: -kv[1]) if v >= 0.3),
                  file=sys.stderr, flush=True)
            rows = {k: (v - self.sql_rows_last.get(k, 0)) / n for k, v in self.sql_rows.items()}
            print("    rows fetched a batch: " + ", ".join(f"{' '.join(k.split())[:40]} {v:.0f}" for k, v in
                                                          sorted(rows.items(), key=lambda kv: -kv[1]) if v >= 1),
                  file=sys.stderr, flush=True)
            self.sql_last, self.sql_rows_last = dict(self.sql), dict(self.sql_rows)
        self.mark, self.t, self.checkpoints = self.done, now, 0
        self.cpu = self.batch_cpu = time.process_time()  # what the counting above cost is no batch's
        self.store_s, self.gc_step, self.gc_runs = [], [0.0, 0.0, 0.0], [0, 0, 0]
        self.batch_cpus = []

    def snapshot(self) -> None:
        """With ``DETENTE_TRACEMALLOC`` set (tracemalloc started at the child's start), the allocation sites that
        grew most since the first step, on stderr."""
        import tracemalloc

        if not tracemalloc.is_tracing():
            return
        snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
        if not hasattr(self, "first_snap"):
            self.first_snap = snap
            return
        for stat in snap.compare_to(self.first_snap, "lineno")[:12]:
            print(f"    {stat}", file=sys.stderr)
        print(f"    traced now {tracemalloc.get_traced_memory()[0] / 2**20:.1f} MB", file=sys.stderr, flush=True)


def _batched(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _time_sql(store: Any, steps: Steps) -> None:
    """Wrap the store's connection (once per connection) so each statement's CPU seconds add to the step's SQL
    time (``timed_sql.Timed``); the rest of a batch's CPU is Python's."""
    import timed_sql
    from timed_sql import Timed

    timed_sql.CLOCK[0] = time.process_time
    with store.session():
        con = store.con
        if not isinstance(con, Timed):
            con = Timed(con, steps.sql, steps.sql_rows, {})
            setattr(store, "_con", con)  # noqa: B010 - a timing stand-in, kept while the connection is


class Profiles:
    """cProfile on the CPU clock over ``batches`` batches from each of ``at`` (documents stored): which Python
    functions (and which C calls: DuckDB's ``execute``, ``fetchall``, ``register``) a batch spends more in at 20k
    than at 2k, in one process (bench/README.md, session 18)."""

    def __init__(self, at: list[int], batches: int) -> None:
        self.at = sorted(at)
        self.batches = batches
        self.stats: list[Any] = []
        self.current: Any = None
        self.left = 0

    def before(self, stored: int) -> None:
        import cProfile

        if self.current is None and self.at and stored >= self.at[0]:
            self.at.pop(0)
            self.current, self.left = cProfile.Profile(time.process_time), self.batches
        if self.current is not None:
            self.current.enable()

    def after(self) -> None:
        import pstats

        if self.current is None:
            return
        self.current.disable()
        self.left -= 1
        if self.left == 0:
            self.stats.append(pstats.Stats(self.current).stats)  # type: ignore[attr-defined]
            self.current = None

    def report(self, top: int = 25) -> None:
        """Each function's CPU ms a batch (own, then with what it calls) and calls a batch in every window, the
        functions whose own CPU grew most first: more calls is more work, the same calls dearer is each call's."""
        if len(self.stats) < 2:
            return
        n = self.batches
        tables = [{f"{Path(k[0]).name}:{k[1]}:{k[2]}": (v[2] * 1000 / n, v[3] * 1000 / n, v[1] / n)
                   for k, v in st.items()} for st in self.stats]
        names = sorted(set().union(*tables), key=lambda m: tables[0].get(m, (0.0,))[0] - tables[-1].get(m, (0.0,))[0])
        print(f"    profile (CPU ms a batch own / cumulative, calls a batch; {len(tables)} windows of {n} batches; "
              "grown most first):", file=sys.stderr)
        for name in names[:top]:
            cells = [t.get(name, (0.0, 0.0, 0.0)) for t in tables]
            print("      " + " | ".join(f"{own:6.2f} {cum:7.2f} {calls:7.0f}" for own, cum, calls in cells)
                  + f"  {name}", file=sys.stderr)
        print("      total own CPU ms a batch " + " / ".join(f"{sum(c[0] for c in t.values()):.1f}" for t in tables),
              file=sys.stderr, flush=True)


def child_ingest(args: argparse.Namespace) -> dict[str, Any]:
    import detente
    from detente.store.db import BatchResult

    pipe = None if args.no_code else detente.load()  # loaded before the clock starts
    if args.gc_threshold:
        gc.set_threshold(*(int(x) for x in args.gc_threshold.split(",")))
    steps = Steps(args.step, Path(f"{args.db}.wal"), args.batch_log)
    profiles = Profiles([int(x) for x in args.profile_at.split(",")] if args.profile_at else [],
                        args.profile_batches)
    if args.no_code:
        coded = load_coded(args.corpus, args.mentions_from)
        if args.recent is not None:
            from detente.store import clustered

            clustered.RECENT_MENTIONS = args.recent  # read when a writer first keeps rows
        store = detente.open_store(args.db)
        try:
            for k, batch in enumerate(_batched(replayed(coded, args.docs, args.shift_days, args.same_dates),
                                              args.batch_size)):
                if (args.reopen_every and k and k % args.reopen_every == 0) or (
                        args.reopen_after_checkpoint and steps.batch_cpus and steps.batch_cpus[-1][1]):
                    store.close()  # a fresh connection (and empty kept rows): what a new writer process starts with
                    store = detente.open_store(args.db)
                if args.split:
                    _time_sql(store, steps)
                profiles.before(steps.done)
                result = store.add_batch(batch)
                profiles.after()
                if args.gc_freeze:
                    gc.freeze()  # what survived the batch (kept rows, caches) is never walked again
                steps.batch(len(result.added), result.seconds)
        finally:
            store.close()
        steps.flush()
        profiles.report()
        extra = next(replayed(coded, len(coded) * (args.docs // len(coded) + 1) + 1, args.shift_days,
                              args.same_dates))
        extra_doc = dataclasses.replace(extra[0], id=hashlib.sha256(b"one more").hexdigest())
        extra_mentions = [dataclasses.replace(m, mention_id=f"{m.mention_id}-one", doc_id=extra_doc.id)
                          for m in extra[1]]
        t = time.perf_counter()
        with detente.open_store(args.db) as store:
            store.add_batch([(extra_doc, extra_mentions)])
        one = time.perf_counter() - t
    else:
        assert pipe is not None
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "scale.jsonl"
            with src.open("w", encoding="utf-8") as fh:
                for rec in synthetic_records(args.corpus, args.docs + 1, args.shift_days):
                    fh.write(json.dumps(rec) + "\n")
            lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
            src.write_text("".join(lines[:-1]), encoding="utf-8")
            (Path(tmp) / "one.jsonl").write_text(lines[-1], encoding="utf-8")

            def committed(result: BatchResult) -> None:
                steps.batch(len(result.added), result.seconds)

            pipe.ingest(detente.read(src, max_bytes=50_000_000), args.db, batch_size=args.batch_size,
                        on_batch=committed)
            steps.flush()
            t = time.perf_counter()
            pipe.ingest(detente.read(Path(tmp) / "one.jsonl"), args.db)
            one = time.perf_counter() - t
    with detente.open_store(args.db, read_only=True) as store:
        counts = store.counts()
    return {"steps": steps.rows, "one_doc_s": one, "peak_rss_mb": peak_rss_mb(), "counts": counts}


def child_recluster(args: argparse.Namespace) -> dict[str, Any]:
    import detente

    t = time.perf_counter()
    detente.recluster(args.db)
    return {"seconds": time.perf_counter() - t, "peak_rss_mb": peak_rss_mb()}


def spawn(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, "--db", str(args.db), "--docs", str(args.docs),
           "--batch-size", str(args.batch_size), "--corpus", str(args.corpus), "--step", str(args.step),
           "--shift-days", str(args.shift_days)]
    if args.no_code:
        cmd.append("--no-code")
    if args.mentions_from:
        cmd += ["--mentions-from", str(args.mentions_from)]
    if args.reopen_every:
        cmd += ["--reopen-every", str(args.reopen_every)]
    if args.split:
        cmd.append("--split")
    if args.same_dates:
        cmd.append("--same-dates")
    if args.gc_threshold:
        cmd += ["--gc-threshold", args.gc_threshold]
    if args.gc_freeze:
        cmd.append("--gc-freeze")
    if args.reopen_after_checkpoint:
        cmd.append("--reopen-after-checkpoint")
    if args.recent is not None:
        cmd += ["--recent", str(args.recent)]
    if args.profile_at and kind == "ingest":
        cmd += ["--profile-at", args.profile_at, "--profile-batches", str(args.profile_batches)]
    if args.batch_log and kind == "ingest":
        cmd += ["--batch-log", str(args.batch_log)]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--step", type=int, default=2000, help="report every N documents")
    ap.add_argument("--shift-days", type=int, default=60, help="days between two copies of the corpus")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--no-code", action="store_true", help="replay mentions coded once instead of coding each copy")
    ap.add_argument("--same-dates", action="store_true", help="with --no-code: replayed mentions keep their event "
                    "dates (copies report the same events, which grow a member a copy: the cost of a story many "
                    "outlets carry)")
    ap.add_argument("--mentions-from", type=Path, help="with --no-code: coded corpus cache (written if missing)")
    ap.add_argument("--keep-store", type=Path, help="copy the full store here after the ingest (before recluster), "
                    "to time batches at that size again without rebuilding it (bench/README.md, \"Scale\")")
    ap.add_argument("--reopen-every", type=int, default=0, help="with --no-code: close and reopen the store every "
                    "N batches (a fresh connection): whether what grows is the long-running connection's")
    ap.add_argument("--reopen-after-checkpoint", action="store_true", help="with --no-code: close and reopen the "
                    "store after each batch whose commit checkpointed (the log is empty then: a cheap reopen)")
    ap.add_argument("--gc-freeze", action="store_true", help="with --no-code: gc.freeze() after every batch "
                    "(whether the collector's growth is its walks of what earlier batches left)")
    ap.add_argument("--gc-threshold", help="the ingest child's gc.set_threshold, e.g. 10000,10,10")
    ap.add_argument("--split", action="store_true", help="with --no-code: time each statement's CPU (the batch "
                    "log's sql_s; the rest of cpu_s is Python's, gc_s the collector's)")
    ap.add_argument("--recent", type=int, help="with --no-code: keep this many mentions' rows in the writer instead "
                    "of clustered.RECENT_MENTIONS (whether a writer's kept rows, filling up over its first ~3,000 "
                    "documents, are what makes its statements dearer)")
    ap.add_argument("--schema-variant", help="make the store as this variant of the schema before the ingest "
                    "(bench/variants.py: e.g. nokeys, without the primary keys; keys is the schema as it ships)")
    ap.add_argument("--no-recluster", action="store_true", help="skip the recluster of the full store (0 s)")
    ap.add_argument("--batch-log", type=Path, help="write one JSON line a batch here: store and CPU seconds, whether "
                    "a checkpoint landed in it (the log shrank), the log's size; what a checkpoint costs in place")
    ap.add_argument("--profile-at", help="with --no-code: cProfile (CPU clock) the batches from these document "
                    "counts, e.g. 2000,19000, and print each function's CPU ms a batch in every window")
    ap.add_argument("--profile-batches", type=int, default=30, help="batches in each --profile-at window")
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--child", choices=("ingest", "recluster"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        if os.environ.get("DETENTE_TRACEMALLOC"):
            import tracemalloc

            tracemalloc.start(int(os.environ["DETENTE_TRACEMALLOC"]))
        print(json.dumps(child_ingest(args) if args.child == "ingest" else child_recluster(args), default=str))
        return
    if args.docs < 1 or args.batch_size < 1 or args.step < 1:
        sys.exit("bench: --docs, --batch-size and --step must be at least 1")
    if not args.corpus.exists():
        sys.exit(f"bench: corpus not found: {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        args.db = Path(tmp) / "scale.duckdb"
        if args.no_code and args.mentions_from is None:
            args.mentions_from = Path(tmp) / "coded.pickle"
        if args.no_code:
            load_coded(args.corpus, args.mentions_from)  # coded here, once, so the child's RSS is the store's
        mode = "replayed mentions (--no-code)" if args.no_code else "read, code and store"
        print(f"scale: {args.docs} documents from {args.corpus.name}, {mode}, batches of {args.batch_size}, "
              f"{os.cpu_count()} cores", file=sys.stderr, flush=True)
        if args.schema_variant:
            from variants import make_variant

            make_variant(args.db, args.schema_variant)
        ingest = spawn("ingest", args)
        if args.keep_store:
            shutil.copyfile(args.db, args.keep_store)  # closed and checkpointed: the file is the whole store
        recluster = {"seconds": 0.0, "peak_rss_mb": 0.0} if args.no_recluster else spawn("recluster", args)
    stored = ingest["counts"]["documents"]
    if stored != args.docs + 1:  # the step figures would be of another run than the one asked for
        sys.exit(f"bench: {stored} documents stored of {args.docs + 1} given (rejected: see the lines above)")
    steps = ingest["steps"]
    slope = steps[-1]["docs_per_s"] / steps[0]["docs_per_s"]
    cpu_slope = steps[0]["cpu_s_per_batch"] / steps[-1]["cpu_s_per_batch"]
    print(f"one more document into the full store: {ingest['one_doc_s']:.3f} s; store {ingest['counts']}")
    print(f"recluster of the full store: {recluster['seconds']:.1f} s, peak RSS {recluster['peak_rss_mb']:.0f} MB")
    print(json.dumps({
        "mode": "no-code" if args.no_code else "code", "schema_variant": args.schema_variant or "",
        "recent": args.recent,
        "docs": args.docs, "batch_size": args.batch_size,
        "shift_days": args.shift_days, "same_dates": args.same_dates,
        "slope": round(slope, 3), "cpu_slope": round(cpu_slope, 3),
        "first_docs_per_s": round(steps[0]["docs_per_s"], 1), "last_docs_per_s": round(steps[-1]["docs_per_s"], 1),
        "first_store_s_per_batch": round(steps[0]["store_s_per_batch"], 4),
        "last_store_s_per_batch": round(steps[-1]["store_s_per_batch"], 4),
        "first_cpu_s_per_batch": round(steps[0]["cpu_s_per_batch"], 4),
        "last_cpu_s_per_batch": round(steps[-1]["cpu_s_per_batch"], 4),
        "checkpoints_first_last": [steps[0]["checkpoints"], steps[-1]["checkpoints"]],
        "checkpoint_cpu_s_first_last": [round(steps[0]["checkpoint_cpu_s"], 3),
                                        round(steps[-1]["checkpoint_cpu_s"], 3)],
        "cpu_slope_without_checkpoints": round(steps[0]["median_cpu_s_no_checkpoint"]
                                               / steps[-1]["median_cpu_s_no_checkpoint"], 3),
        "one_doc_s": round(ingest["one_doc_s"], 3), "ingest_peak_rss_mb": round(ingest["peak_rss_mb"], 1),
        "recluster_s": round(recluster["seconds"], 2), "recluster_peak_rss_mb": round(recluster["peak_rss_mb"], 1),
    }))


if __name__ == "__main__":
    main()
