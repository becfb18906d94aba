"""Docs/s of `detente ingest --engine ray` with 1 and with 2 Ray coding workers, on one local Ray cluster.

The machines are noisy and shared, so the figure that counts is the ratio of the runs taken here one after the
other on identical input (each into a fresh store). Each run's time includes starting its actors, which load
the model; ``steady_docs_per_s`` leaves out everything up to the first committed batch.

    python bench/ray_scale.py [--docs 100] [--workers 1,2] [--batch-size 16] [--corpus PATH]

Prints one line per run, then one JSON line with each run's figures and the ratios to the first run.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "voa_stories.jsonl"


def take(src: Path, n_docs: int, dest: Path) -> int:
    """The first ``n_docs`` records of the corpus as a JSONL file of their own."""
    with src.open(encoding="utf-8") as lines:
        records = list(itertools.islice((line for line in lines if line.strip()), n_docs))
    dest.write_text("".join(records), encoding="utf-8")
    return len(records)


def run(corpus: Path, workers: int, batch_size: int, db: Path) -> dict[str, Any]:
    """One ingest with ``workers`` Ray actors through the public API; the model loads in the actors only."""
    import detente
    from detente.store.db import BatchResult

    pipe = detente.load(lazy=True)
    first: list[float] = []
    committed: list[int] = []

    def on_batch(result: BatchResult) -> None:
        committed.append(len(result.added))
        if len(first) == 0:
            first.append(time.perf_counter())

    t0 = time.perf_counter()
    report = pipe.ingest(detente.api.read_items([corpus]), db, batch_size=batch_size, on_batch=on_batch,
                         engine="ray", workers=workers)
    seconds = time.perf_counter() - t0
    after_first = sum(committed[1:])
    steady = after_first / (t0 + seconds - first[0]) if first and after_first else 0.0
    return {"workers": workers, "docs": report.ingested, "mentions": report.mentions, "seconds": round(seconds, 2),
            "docs_per_s": round(report.ingested / seconds, 2), "first_batch_s": round(first[0] - t0, 2) if first
            else None, "steady_docs_per_s": round(steady, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts, one run each")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"ray_scale: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    try:
        import ray
    except ImportError:
        print("ray_scale: Ray is not installed (pip install 'detente[ray]')", file=sys.stderr)
        return 2
    counts = [int(w) for w in args.workers.split(",")]
    ray.init(num_cpus=max(counts), include_dashboard=False, log_to_driver=False)
    results: list[dict[str, Any]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus.jsonl"
            n = take(args.corpus, args.docs, corpus)
            for workers in counts:
                result = run(corpus, workers, args.batch_size, Path(tmp) / f"ray{workers}.duckdb")
                results.append(result)
                print(f"{workers} worker(s): {result['docs']}/{n} docs in {result['seconds']} s = "
                      f"{result['docs_per_s']} docs/s (first batch after {result['first_batch_s']} s, then "
                      f"{result['steady_docs_per_s']} docs/s)", flush=True)
    finally:
        ray.shutdown()
    base = results[0]
    for result in results:
        result["ratio"] = round(result["docs_per_s"] / base["docs_per_s"], 2) if base["docs_per_s"] else None
        result["steady_ratio"] = (round(result["steady_docs_per_s"] / base["steady_docs_per_s"], 2)
                                  if base["steady_docs_per_s"] else None)
    print(json.dumps({"bench": "ray_scale", "cpus": max(counts), "runs": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
