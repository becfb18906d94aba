"""``detente index``: the relationship index of a dyad per day, week or month, as a table, CSV or JSONL, and a
chart. Exit status: 0 on success (also when nothing matches), 2 when the store or an option is unusable."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from detente import api
from detente.cli.common import add_db_option, error, refused
from detente.cli.formats import add_output_options, write_rows

if TYPE_CHECKING:
    from detente.analysis.index import IndexRow

EACH = "*"  # --channel with no name
TABLE = (
    ("period", "PERIOD", None), ("events", "EVENTS", None), ("verbal_cooperation", "VCOOP", None),
    ("material_cooperation", "MCOOP", None), ("verbal_conflict", "VCONF", None),
    ("material_conflict", "MCONF", None), ("score", "SCORE", None), ("low", "LOW", None), ("high", "HIGH", None),
    ("documents", "DOCS", None), ("mentions", "MENT", None), ("gdelt", "RAW_MEAN", None),
)
CSV_COLUMNS = (
    "period", "period_end", "by", "dyad", "channel", "events", "verbal_cooperation", "material_cooperation",
    "verbal_conflict", "material_conflict", "score", "low", "high", "weight", "documents", "mentions", "gdelt",
    "method",
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "index", help="the relationship index of a dyad per day, week or month",
        description="Per period: events by quad class, the confidence- and source-weighted Goldstein score of "
        "deduplicated events with a 90% bootstrap band, the documents behind them, and the plain mean "
        "Goldstein of raw mentions (the usual GDELT recipe) beside it. See docs/analysis.md.",
    )
    add_db_option(p)
    add_output_options(p)
    p.add_argument("--by", choices=("day", "week", "month"), default="week")
    p.add_argument("--channel", metavar="CH", nargs="?", const=EACH,
                   help="one channel (diplomatic, military, economic …); --channel alone: one series per channel")
    p.add_argument("--chart", metavar="FILE", help="also draw the index into FILE (.png or .svg)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.chart and args.channel == EACH:
        error("detente index: --chart draws one series; give --channel NAME, or no --channel")
        return 2
    try:
        each = args.channel == EACH
        rows = api.index(args.db, dyad=args.dyad, by=args.by, channel=None if each else args.channel,
                         since=args.since, until=args.until, by_channel=each)
    except (ValueError, api.StoreError) as exc:
        return refused("index", exc)
    if args.chart:
        from detente.analysis.chart import index_chart

        try:
            index_chart(rows, args.chart)
        except (ValueError, OSError) as exc:
            error(f"detente index: {exc}")
            return 2
    try:
        table = ((("channel", "CHANNEL", 16),) if each else ()) + TABLE
        write_rows([r.to_dict() for r in rows], args.format, table, CSV_COLUMNS, args.output)
    except OSError as exc:
        error(f"detente index: {args.output}: {exc.strerror or exc}")
        return 2
    if args.format == "table" and not args.output:
        sys.stdout.write(_summary(rows) + "\n")
    return 0


def _summary(rows: list[IndexRow]) -> str:
    events = sum(r.events for r in rows)
    return f"{len(rows)} periods, {events} events"
