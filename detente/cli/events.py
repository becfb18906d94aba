"""``detente events``: real-world events with how many outlets reported them, and the sentences behind them.

Exit status: 0 on success (also when nothing matches), 1 when ``--id`` names no event or several, 2 when the
store cannot be used or the options contradict each other.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from detente import api
from detente.analysis.dyads import unknown_codes
from detente.cli.common import add_db_option, add_event_filters, cell, error, name_cell, positive_int, refused
from detente.cli.formats import write_csv, write_jsonl
from detente.records import Actor, Document, Event, Mention, iso_date
from detente.store.db import Store, StoreError

# Table cell widths; longer text is cut with "...". The sentence column gets what a terminal leaves over.
ID_WIDTH = 16
ACTORS_WIDTH = 34
PLACE_WIDTH = 16
SENTENCE_WIDTH = 70
TITLE_WIDTH = 60

CSV_COLUMNS = (
    "event_id", "date", "date_end", "date_precision", "type", "mode", "cameo", "goldstein", "quad_class",
    "modality", "channel", "source", "target", "source_countries", "target_countries", "location",
    "location_country", "mentions", "sources", "documents", "first_reported", "last_reported", "confidence",
    "sentence", "document_ids", "urls",
)
MENTION_CSV_COLUMNS = (
    "mention_id", "event_id", "doc_id", "source_id", "title", "outlet", "published", "sentence_index", "type",
    "modality", "date", "date_precision", "confidence", "sentence",
)




def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "events", help="list events (clustered mentions) with their report counts",
        description="List real-world events: each is a cluster of coded sentences from one or more articles, "
        "with how many mentions, outlets and documents report it and when it was first and last reported. "
        "Newest events first.",
    )
    add_db_option(p)
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    add_event_filters(p)
    p.add_argument("--limit", type=positive_int, metavar="N", help="at most N events")
    p.add_argument("--id", metavar="ID", help="one event (a unique prefix of its id is enough)")
    p.add_argument("--mentions", action="store_true",
                   help="with --id: the evidence sentences with their documents and outlets")
    p.add_argument("--recluster", action="store_true",
                   help="first rebuild every event from the stored mentions (after the clustering rule changed)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.mentions and args.id is None:
        error("detente events: --mentions needs --id ID")
        return 2
    try:
        if args.recluster:
            api.recluster(args.db)
        with api.open_store(args.db, read_only=True) as store:
            if args.id is not None:
                return _show_event(store, args)
            _list_events(store, args)
    except StoreError as exc:
        return refused("events", exc)
    return 0


def _list_events(store: Store, args: argparse.Namespace) -> None:
    query = api.event_query(dyad=args.dyad, since=args.since, until=args.until, type=args.type,
                            channel=args.channel, limit=args.limit)
    found = store.events(query)
    if not found and query.dyad and (unknown := unknown_codes(query.dyad)):
        error(f"detente events: no event matched; {', '.join(repr(c) for c in unknown)} is no country or "
              f"non-state code (IGO, NGO, ...)")
    if args.format == "jsonl":
        write_jsonl((e.to_dict() for e in found), sys.stdout)
    elif args.format == "csv":
        write_csv((_event_csv(e) for e in found), CSV_COLUMNS, sys.stdout)
    else:
        total = len(found)
        if args.limit and len(found) == args.limit:
            total = store.count_events(query)
        _event_table(found)
        shown = f"{len(found)} events" + (f" of {total}" if total > len(found) else "")
        sys.stdout.write(shown + "\n")


def _show_event(store: Store, args: argparse.Namespace) -> int:
    try:
        event = api.event(store, args.id)
    except LookupError as exc:
        error(f"detente events: {exc}")
        return 1
    evidence = store.evidence(event.event_id) if args.mentions else []
    if args.format == "jsonl":
        write_jsonl([_mention_row(m, d) for m, d in evidence] if args.mentions else [event.to_dict()], sys.stdout)
    elif args.format == "csv":
        if args.mentions:
            write_csv((_mention_row(m, d) for m, d in evidence), MENTION_CSV_COLUMNS, sys.stdout)
        else:
            write_csv([_event_csv(event)], CSV_COLUMNS, sys.stdout)
    else:
        _event_card(event)
        if args.mentions:
            _mention_list(evidence)
    return 0


# -- shaping ----------------------------------------------------------------------------------------------


def _mention_row(m: Mention, d: Document) -> dict[str, Any]:
    return {
        "mention_id": m.mention_id, "event_id": m.event_id, "doc_id": m.doc_id, "source_id": d.source_id,
        "title": d.title, "outlet": d.outlet, "published": iso_date(d.published), "sentence_index": m.sentence_index,
        "type": m.type, "modality": m.modality, "date": iso_date(m.date), "date_precision": m.date_precision,
        "confidence": m.confidence, "sentence": m.sentence,
    }


def _names(actors: list[Actor]) -> list[str]:
    return [a.name or a.text or a.country or "?" for a in actors]


def _event_csv(e: Event) -> dict[str, Any]:
    out = e.to_dict()
    out["source"] = "; ".join(_names(e.source))
    out["target"] = "; ".join(_names(e.target))
    out["source_countries"] = ";".join(e.source_countries)
    out["target_countries"] = ";".join(e.target_countries)
    out["location"] = e.location.name if e.location else None
    out["location_country"] = e.location.country if e.location else None
    out["document_ids"] = ";".join(e.document_ids)
    out["urls"] = " ".join(e.urls)
    return out


def date_label(e: Event) -> str:
    """The event date at the precision it is known: 2023-09-16..17, 2022-11, 2023, ~2023-09-30 (publication)."""
    date, end = e.date, e.date_end
    if date is None:
        return "-"
    precision = e.date_precision
    if precision == "unresolved":
        return "~" + date.isoformat()
    if precision == "year":
        return str(date.year)
    if precision == "month" and end is None:
        return f"{date:%Y-%m}"
    if precision == "season":
        last = end or date + dt.timedelta(days=80)
        return f"{date:%Y-%m}..{last:%m}" if last.year == date.year else f"{date:%Y-%m}..{last:%Y-%m}"
    if end is None or end == date:
        return date.isoformat()
    if end.year == date.year and end.month == date.month:
        return f"{date.isoformat()}..{end:%d}"
    return f"{date.isoformat()}..{end.isoformat()}"


def actors_label(e: Event) -> str:
    source, target = list(dict.fromkeys(_names(e.source))), list(dict.fromkeys(_names(e.target)))
    left = ", ".join(source) or ",".join(e.source_countries) or "?"
    return f"{left} -> {', '.join(target)}" if target else left


def _event_table(found: list[Event]) -> None:
    header = ("ID", "DATE", "TYPE", "MODALITY", "ACTORS", "PLACE", "MENT", "SRC", "DOCS", "FIRST", "LAST",
              "SENTENCE")
    lines = [header] + [
        (
            name_cell(e.event_id, ID_WIDTH), date_label(e), cell(e.type), cell(e.modality),
            cell(actors_label(e), ACTORS_WIDTH),
            cell(e.location.name if e.location else "-", PLACE_WIDTH), str(e.mentions), str(e.sources),
            str(e.documents), iso_date(e.first_reported) or "-", iso_date(e.last_reported) or "-",
            cell(e.sentence, SENTENCE_WIDTH),
        )
        for e in found
    ]
    if len(lines) == 1:
        return
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    numeric = {6, 7, 8}
    for line in lines:
        cells = [cell.rjust(w) if i in numeric else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(line, widths, strict=False))]
        sys.stdout.write("  ".join([*cells, line[-1]]).rstrip() + "\n")


def _event_card(e: Event) -> None:
    where = f"{e.location.name} ({e.location.country or '?'})" if e.location else "-"
    fields = (
        ("event", e.event_id),
        ("type", " ".join(x for x in (e.type, f"({e.mode})" if e.mode else "") if x)),
        ("modality", e.modality),
        ("channel", e.channel),
        ("cameo", f"{e.cameo or '-'} (Goldstein {e.goldstein if e.goldstein is not None else '-'}, "
                  f"quad class {e.quad_class if e.quad_class is not None else '-'})"),
        ("actors", actors_label(e)),
        ("date", date_label(e) + (f'  "{e.date_text}"' if e.date_text else "")),
        ("place", where),
        ("reports", f"{e.mentions} mentions, {e.sources} sources, {e.documents} documents"),
        ("reported", f"{e.first_reported or '-'} .. {e.last_reported or '-'}"),
        ("sentence", e.sentence),
    )
    for name, value in fields:
        sys.stdout.write(f"{name:<9} {cell(value)}\n")


def _mention_list(evidence: list[tuple[Mention, Document]]) -> None:
    for n, (m, d) in enumerate(evidence, 1):
        sys.stdout.write("\n")
        published = d.published.isoformat() if d.published else "undated"
        document = name_cell(d.source_id or m.doc_id[:12])
        sys.stdout.write(f"[{n}] {published}  {cell(d.outlet or '(no outlet)')}  document {document}  "
                         f"sentence {m.sentence_index}\n")
        sys.stdout.write(f"    {cell(d.title, TITLE_WIDTH)}\n")
        sys.stdout.write(f"    {cell(m.sentence)}\n")
