"""``detente quotes``: direct quotations with their speakers, outlets, dates and events. Exit status: 0 on
success (also when nothing matches), 2 when the store or an option is unusable."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from detente import api
from detente.cli.common import add_db_option
from detente.cli.formats import add_output_options, listing, record_rows

if TYPE_CHECKING:
    from detente.analysis.quotes import Quote

TABLE = (
    ("published", "DATE", None), ("outlet", "OUTLET", 18), ("speaker", "SPEAKER", 24), ("title", "TITLE", 28),
    ("country", "CTRY", None), ("event", "EVENT", 10), ("text", "QUOTE", 90),
)
CSV_COLUMNS = (
    "published", "outlet", "document_id", "url", "speaker", "title", "country", "speaker_id", "speaker_text",
    "text", "sentence_index", "event_id", "mention_id", "doc_id", "sentence",
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "quotes", help="direct quotations with their speakers",
        description="Direct quotations in the stored documents: speaker resolved through the actor knowledge "
        "base as of the date (a title written in the text wins), outlet, date and the event of the sentence.",
    )
    add_db_option(p)
    add_output_options(p, default_dyad=None)
    p.add_argument("--speaker", metavar="NAME", help="only quotations whose speaker's name, title or id has NAME")
    p.set_defaults(run=run)


def row(q: Quote) -> dict[str, Any]:
    s = q.speaker
    return {
        "published": q.published.isoformat() if q.published else None, "outlet": q.outlet,
        "document_id": q.document_id, "url": q.url, "speaker": (s.name or s.text) if s else None,
        "title": s.title if s else None, "country": s.country if s else None, "speaker_id": s.id if s else None,
        "speaker_text": s.text if s else None, "text": q.text, "sentence_index": q.sentence_index,
        "event_id": q.event_id, "event": q.event_id[:10] if q.event_id else None, "mention_id": q.mention_id,
        "doc_id": q.doc_id, "sentence": q.sentence,
    }


def run(args: argparse.Namespace) -> int:
    return listing("quotes", lambda: api.quotes(args.db, dyad=args.dyad, since=args.since, until=args.until,
                                                speaker=args.speaker),
                   record_rows(args.format, row), args.format, TABLE, CSV_COLUMNS, args.output)
