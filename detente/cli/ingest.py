"""``detente ingest PATH…``: read, code and store documents.

Exit status: 0 when every input was stored or was already there, 1 when at least one input was rejected
(each rejection is one ``PATH[:LINE]: reason`` line on stderr), 2 when the store or the setup cannot be used.
"""

from __future__ import annotations

import argparse
import sys

from detente import api
from detente.cli.common import (
    add_coding_options,
    add_db_option,
    error,
    load_pipeline,
    positive_int,
    read_inputs,
    refused,
)
from detente.store.db import BatchResult, StoreError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read, code and store documents",
                       description="Read articles (.txt/.md/.html/.jsonl, directories, - for JSONL on stdin), "
                       "code their events and store everything in the DuckDB store.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_db_option(p)
    add_coding_options(p)
    p.add_argument("-v", "--verbose", action="store_true", help="report each committed batch on stderr")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="code here (local, default) or in Ray actors on a cluster (ray: needs detente[ray]; "
                   "reading and the store stay here; docs/scaleout.md)")
    p.add_argument("--ray-address", metavar="ADDR", help="Ray cluster to join with --engine ray (default: "
                   "$RAY_ADDRESS, else a local cluster on this machine)")
    p.add_argument("--workers", type=positive_int, metavar="N",
                   help="Ray coding actors with --engine ray (default: one per CPU of the cluster)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.engine != "ray" and (args.workers is not None or args.ray_address is not None):
        error("detente ingest: --workers and --ray-address need --engine ray")
        return 2
    pipe = load_pipeline(args)

    def committed(result: BatchResult) -> None:
        error(f"committed batch: {len(result.added)} documents, {result.mentions} mentions")

    try:
        store = api.open_store(args.db)
    except StoreError as exc:
        return refused("ingest", exc)
    with store:
        report = pipe.ingest(read_inputs(args), store, batch_size=args.batch_size, inputs=args.paths,
                             on_reject=lambda r: error(r.message()), on_batch=committed if args.verbose else None,
                             engine=args.engine, workers=args.workers, ray_address=args.ray_address)
    totals = report.totals
    print(f"ingested {report.ingested}, duplicate {report.duplicates}, rejected {report.rejected}; "
          f"{report.mentions} new mentions")
    print(f"store {report.db}: {totals['documents']} documents, {totals['mentions']} mentions, "
          f"{totals['events']} events")
    sys.stdout.flush()
    return 1 if report.rejected else 0
