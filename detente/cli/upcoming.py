"""``detente upcoming``: the calendar of announced exchanges, each planned, held, cancelled or postponed. Exit
status: 0 on success (also when nothing matches), 2 when the store or an option is unusable."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from detente import api
from detente.cli.common import add_db_option
from detente.cli.formats import add_output_options, listing, record_rows

if TYPE_CHECKING:
    from detente.analysis.calendar import Upcoming

TABLE = (
    ("start", "FROM", None), ("end", "TO", None), ("status", "STATUS", None), ("type", "TYPE", None),
    ("actors", "ACTORS", 34), ("place", "PLACE", 16), ("announced", "ANNOUNCED", None),
    ("outcome", "OUTCOME", 18), ("sentence", "SENTENCE", 80),
)
CSV_COLUMNS = ("event_id", "start", "end", "date_text", "status", "type", "actors", "place", "announced",
               "outcome_event_id", "outcome_date", "outcome_reported", "sentence", "outcome_sentence",
               "document_ids")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "upcoming", help="announced exchanges as a calendar, with what became of them",
        description="Planned exchanges dated after the article that announced them, by date; an exchange a "
        "later article reports as having happened is marked held (cancelled or postponed when a later report "
        "says so), with the event that says it.",
    )
    add_db_option(p)
    add_output_options(p)
    p.add_argument("--undated", action="store_true",
                   help="also planned exchanges with no date of their own (looked for in the 90 days after)")
    p.set_defaults(run=run)


def _row(u: Upcoming) -> dict[str, Any]:
    d = u.to_dict()
    d["actors"] = "; ".join(d["actors"])
    d["outcome"] = f"{u.outcome_date or '-'} {u.outcome_event_id[:8]}" if u.outcome_event_id else None
    return d


def run(args: argparse.Namespace) -> int:
    return listing("upcoming", lambda: api.upcoming(args.db, dyad=args.dyad, since=args.since, until=args.until,
                                                    undated=args.undated),
                   record_rows(args.format, _row), args.format, TABLE, CSV_COLUMNS, args.output)
