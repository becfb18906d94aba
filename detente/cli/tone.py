"""``detente tone``: the outlet-stance table (default), or the tone of documents, mentions, or of one event as
several outlets told it. Exit status: 0 on success (also when nothing matches), 2 when the store or an option is
unusable."""

from __future__ import annotations

import argparse
from typing import Any

from detente import api
from detente.cli.common import add_db_option
from detente.cli.formats import add_output_options, listing

VIEWS: dict[str, tuple[tuple[tuple[str, str, int | None], ...], tuple[str, ...]]] = {
    "stance": ((("outlet", "OUTLET", 24), ("country", "CTRY", None), ("tone", "TONE", None),
                ("mentions", "MENT", None), ("documents", "DOCS", None), ("genres", "GENRES", 50)),
               ("outlet", "country", "tone", "mentions", "documents", "genres")),
    "documents": ((("published", "DATE", None), ("outlet", "OUTLET", 24), ("genre", "GENRE", None),
                   ("tone", "TONE", None), ("sentences", "SENT", None), ("title", "TITLE", 70)),
                  ("doc_id", "document_id", "published", "outlet", "genre", "tone", "sentences", "title")),
    "mentions": ((("published", "DATE", None), ("outlet", "OUTLET", 20), ("tone", "TONE", None),
                  ("countries", "CTRY", 12), ("event", "EVENT", 10), ("sentence", "SENTENCE", 90)),
                 ("mention_id", "event_id", "doc_id", "published", "outlet", "genre", "countries", "tone",
                  "sentence")),
    "events": ((("event", "EVENT", 16), ("outlet", "OUTLET", 24), ("tone", "TONE", None),
                ("mentions", "MENT", None), ("sentence", "SENTENCE", 90)),
               ("event_id", "outlet", "tone", "mentions", "sentence")),
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "tone", help="tone of outlets, documents and mentions (VADER with diplomacy words)",
        description="Tone from -1 (hostile) to +1 (warm). --view stance: per outlet, its mean tone toward each "
        "country of the dyad and its genre mix; documents; mentions; events: one event told by several outlets, "
        "their tones side by side. See docs/analysis.md for the method and its validation.",
    )
    add_db_option(p)
    add_output_options(p)
    p.add_argument("--view", choices=tuple(VIEWS), default="stance")
    p.set_defaults(run=run)


def _rows(report: Any, view: str) -> list[dict[str, Any]]:
    items = {"stance": report.stance, "documents": report.documents, "mentions": report.mentions,
             "events": report.events}[view]
    rows = [x.to_dict() for x in items]
    for r in rows:
        if "event_id" in r:
            r["event"] = (r["event_id"] or "")[:16] or None
        if view == "stance":
            r["genres"] = ", ".join(f"{g} {n}" for g, n in sorted(r["genres"].items()))
    return rows


def run(args: argparse.Namespace) -> int:
    table, columns = VIEWS[args.view]
    return listing("tone", lambda: api.tone(args.db, dyad=args.dyad, since=args.since, until=args.until),
                   lambda report: _rows(report, args.view), args.format, table, columns, args.output)
