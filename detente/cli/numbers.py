"""``detente numbers``: notable numbers with their units, what they count, their sentences and events. Exit
status: 0 on success (also when nothing matches), 2 when the store or an option is unusable."""

from __future__ import annotations

import argparse

from detente import api
from detente.analysis.numbers import KINDS
from detente.cli.common import add_db_option
from detente.cli.formats import add_output_options, listing

TABLE = (
    ("published", "DATE", None), ("outlet", "OUTLET", 18), ("text", "NUMBER", 18), ("kind", "KIND", None),
    ("unit", "UNIT", None), ("counts", "COUNTS", 40), ("sentence", "SENTENCE", 90),
)
CSV_COLUMNS = ("published", "outlet", "document_id", "text", "value", "unit", "kind", "counts", "sentence_index",
               "event_id", "doc_id", "sentence")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "numbers", help="notable numbers with what they count",
        description="Numbers in the stored documents with their unit and what they count ($200 billion, 25 "
        "percent, the 45th anniversary, a 90-day pause, 28 countries), their sentence and its event.",
    )
    add_db_option(p)
    add_output_options(p, default_dyad=None)
    p.add_argument("--kind", choices=KINDS, help="only numbers of this kind")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return listing("numbers", lambda: api.numbers(args.db, dyad=args.dyad, since=args.since, until=args.until,
                                                  kind=args.kind),
                   lambda found: [n.to_dict() for n in found], args.format, TABLE, CSV_COLUMNS, args.output)
