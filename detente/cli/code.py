"""``detente code PATH…``: documents in, one JSON record per coded mention out; the store is not touched.

Exit status as for ``ingest``: 1 when any input was rejected.
"""

from __future__ import annotations

import argparse
import json
import sys

from detente import api
from detente.cli.common import add_coding_options, error, load_pipeline, read_inputs
from detente.readers import Rejection


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("code", help="print coded mentions as JSON lines (stateless)",
                       description="Code documents and print one JSON record per coded mention; stores nothing.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_coding_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    pipe = load_pipeline(args)
    rejected: list[Rejection] = []

    def reject(item: Rejection) -> None:
        rejected.append(item)
        error(item.message())

    out = sys.stdout
    for _doc, records in pipe.code_documents(api.accepted(read_inputs(args), reject)):
        for rec in records:
            out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    return 1 if rejected else 0
