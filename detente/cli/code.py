"""``detente code PATH…``: documents in, one JSON event record per line out; the store is not touched.

Exit status as for ``ingest``: 1 when any input was rejected.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys

from detente.cli.common import add_coding_options
from detente.cli.pipeline import Tally, make_coder, read_batches


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("code", help="print coded events as JSON lines (stateless)",
                       description="Code documents and print one JSON event record per line; stores nothing.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_coding_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    tally = Tally()
    docs = itertools.chain.from_iterable(read_batches(args, tally))
    first = next(docs, None)
    if first is not None:
        out = sys.stdout
        for _doc, records in make_coder(args)(itertools.chain([first], docs)):
            for rec in records:
                out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    return 1 if tally.rejected else 0
