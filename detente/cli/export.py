"""``detente export``: the stored events in the field's formats (GDELT 2.0 events and mentions, PLOVER JSON)
or the store's tables as CSV, JSON lines or Parquet. docs/exports.md.

Exit status: 0 on success (also when nothing matches), 1 when the file cannot be written, 2 when the store
cannot be used or the options do not fit together.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

from detente import api
from detente.cli.common import add_db_option, error
from detente.exports import FORMATS, TABLES, ExportError
from detente.store.db import StoreError

T = TypeVar("T")


def _checked(parse: Callable[[str], T]) -> Callable[[str], T]:
    def convert(value: str) -> T:
        try:
            return parse(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from exc
    return convert


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
    p.add_argument("--dyad", type=_checked(api.parse_dyad), metavar="AAA-BBB",
                   help="events involving both countries, either direction (e.g. CHN-USA)")
    p.add_argument("--since", type=_checked(lambda v: api.parse_period(v)[0]), metavar="DATE",
                   help="events whose period ends on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", type=_checked(lambda v: api.parse_period(v)[1]), metavar="DATE",
                   help="events whose period starts on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--type", type=str.upper, metavar="TYPE", help="PLOVER type, e.g. CONSULT")
    p.add_argument("--channel", metavar="CH", help="channel, e.g. diplomatic, military, economic")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        count = api.export(args.db, args.format, args.output, table=args.table, header=args.header, dyad=args.dyad,
                           since=args.since, until=args.until, type=args.type, channel=args.channel)
    except StoreError as exc:
        error(f"detente: {exc}")
        return 2
    except ExportError as exc:
        error(f"detente export: {exc}")
        return 2
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
