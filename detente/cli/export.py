"""``detente export``: the stored events in the field's formats (GDELT 2.0 events and mentions, PLOVER JSON)
or the store's tables as CSV, JSON lines or Parquet. docs/exports.md.

Exit status: 0 on success (also when nothing matches), 1 when the file cannot be written, 2 when the store
cannot be used or the options do not fit together.
"""

from __future__ import annotations

import argparse

from detente import api
from detente.cli.common import add_db_option, add_event_filters, error, refused
from detente.exports import FORMATS, TABLES, ExportError
from detente.store.db import StoreError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write events, mentions or documents as GDELT, PLOVER JSON, CSV, JSON lines or Parquet",
        description="Write the stored events (or their mentions, or the documents reporting them) in one of the "
        "field's formats. The file is written whole or not at all; -o - writes text formats to stdout.",
    )
    add_db_option(p)
    p.add_argument("--format", required=True, choices=tuple(FORMATS), help="gdelt-events, gdelt-mentions and "
                   "plover-json have one shape each; csv, jsonl and parquet write --table")
    p.add_argument("--table", choices=TABLES, help="for csv, jsonl, parquet: events (default), mentions or "
                   "documents")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="file to write, or - for stdout")
    p.add_argument("--header", action="store_true", help="GDELT formats: a first line naming the columns "
                   "(GDELT's own files have none)")
    add_event_filters(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        count = api.export(args.db, args.format, args.output, table=args.table, header=args.header, dyad=args.dyad,
                           since=args.since, until=args.until, type=args.type, channel=args.channel)
    except (StoreError, ExportError) as exc:
        return refused("export", exc)
    except OSError as exc:
        error(f"detente export: {args.output}: cannot write: {exc.strerror or exc}")
        return 1
    if args.output != "-":
        error(f"wrote {count} {_unit(args)} to {args.output}")
    return 0


def _unit(args: argparse.Namespace) -> str:
    if args.format == "gdelt-mentions":
        return "mentions"
    return args.table or "events"
