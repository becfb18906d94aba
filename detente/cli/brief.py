"""``detente brief``: the weekly brief of a dyad as Markdown or one self-contained HTML file; prints its path.
Exit status: 0 on success (also for a week with no events: the brief says so), 2 when the store, the week, the
dyad or the output file is unusable."""

from __future__ import annotations

import argparse
from pathlib import Path

from detente import api
from detente.cli.common import add_db_option, error, refused


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "brief", help="the weekly brief of a dyad (Markdown or self-contained HTML)",
        description="One week of a dyad's exchanges as a newsletter: what changed since last week, quote of the "
        "week, notable number, the relationship index against the weeks before, the exchanges by channel with "
        "their sources, outlet stance and what's next. See docs/analysis.md, \"Weekly brief\".",
    )
    add_db_option(p)
    p.add_argument("--week", required=True, metavar="YYYY-MM-DD", help="any day of the ISO week (Monday to Sunday)")
    p.add_argument("--dyad", default="CHN-USA", metavar="AAA-BBB", help="two country codes (default CHN-USA)")
    p.add_argument("--format", choices=("md", "html"), default="html")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="where to write it (default brief-DYAD-WEEK.md|html here); a Markdown brief's chart is "
                   "written beside it as FILE-index.svg")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from detente.analysis.brief import parse_week

        week = parse_week(args.week)
        dyad = "-".join(api.parse_dyad(args.dyad))
        path = Path(args.output or f"brief-{dyad}-{week.isoformat()}.{args.format}")
        api.brief(args.db, week=week, dyad=dyad, format=args.format, path=path)
    except (ValueError, api.StoreError) as exc:
        return refused("brief", exc)
    except OSError as exc:
        error(f"detente brief: {args.output or 'output'}: {exc.strerror or exc}")
        return 2
    print(path)
    return 0
