"""``detente events``: real-world events with how many outlets reported them, and the sentences behind them.

Exit status: 0 on success (also when nothing matches), 1 when ``--id`` names no event or several, 2 when the
store cannot be used or the options contradict each other.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import json
import re
import sys
from typing import Any

from detente.cli.common import add_db_option, error
from detente.config import resolve_db_path
from detente.store.db import Store, StoreError

# Table cell widths; longer text is cut with "...". The sentence column gets what a terminal leaves over.
ID_WIDTH = 16
ACTORS_WIDTH = 34
PLACE_WIDTH = 16
SENTENCE_WIDTH = 70
TITLE_WIDTH = 60

_EVENT_ORDER = "ORDER BY date DESC NULLS LAST, last_reported DESC NULLS LAST, event_id"
# Filters are fixed SQL fragments joined as needed (--since is built in _where from the period rule); every
# value travels as a named parameter.
_FILTERS = {
    "type": "type = $type",
    "channel": "channel = $channel",
    "dyad": "list_contains(list_concat(source_countries, target_countries), $dyad_a) "
            "AND list_contains(list_concat(source_countries, target_countries), $dyad_b)",
    "until": "date IS NOT NULL AND date <= $until",
}
CSV_COLUMNS = (
    "event_id", "date", "date_end", "date_precision", "type", "mode", "cameo", "goldstein", "quad_class",
    "modality", "channel", "source", "target", "source_countries", "target_countries", "location",
    "location_country", "mentions", "sources", "documents", "first_reported", "last_reported", "confidence",
    "sentence",
)
MENTION_CSV_COLUMNS = (
    "mention_id", "event_id", "doc_id", "source_id", "title", "outlet", "published", "sentence_index", "type",
    "modality", "date", "date_precision", "confidence", "sentence",
)


def _dyad(value: str) -> tuple[str, str]:
    match = re.fullmatch(r"([A-Za-z]{3})-([A-Za-z]{3})", value.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"expected two country codes like CHN-USA, got {value!r}")
    return match.group(1).upper(), match.group(2).upper()


def _period(value: str) -> tuple[dt.date, dt.date]:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first and last day it covers."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day = dt.date.fromisoformat(value)
        return day, day
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}") from exc


def _since(value: str) -> dt.date:
    return _period(value)[0]


def _until(value: str) -> dt.date:
    return _period(value)[1]


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {value!r}") from exc
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {value!r}")
    return number


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "events", help="list events (clustered mentions) with their report counts",
        description="List real-world events: each is a cluster of coded sentences from one or more articles, "
        "with how many mentions, outlets and documents report it and when it was first and last reported. "
        "Newest events first.",
    )
    add_db_option(p)
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.add_argument("--dyad", type=_dyad, metavar="AAA-BBB",
                   help="events involving both countries, either direction (e.g. CHN-USA)")
    p.add_argument("--since", type=_since, metavar="DATE",
                   help="events whose period ends on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", type=_until, metavar="DATE",
                   help="events whose period starts on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--type", type=str.upper, metavar="TYPE", help="PLOVER type, e.g. CONSULT")
    p.add_argument("--channel", metavar="CH", help="channel, e.g. diplomatic, military, economic")
    p.add_argument("--limit", type=_positive, metavar="N", help="at most N events")
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
    path = resolve_db_path(args.db)
    try:
        if args.recluster:
            _recluster(path)
        with Store(path, read_only=True) as store:
            if args.id is not None:
                return _show_event(store, args)
            _list_events(store, args)
    except StoreError as exc:
        error(f"detente: {exc}")
        return 2
    return 0


def _recluster(path: Any) -> None:
    from detente.analysis.cluster import recluster

    with Store(path) as store:
        store.con.execute("BEGIN TRANSACTION")
        try:
            recluster(store.con)
            store.con.execute("COMMIT")
        except BaseException:
            store.con.execute("ROLLBACK")
            raise


# -- queries ----------------------------------------------------------------------------------------------


def _where(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    from detente.analysis.cluster import PERIOD_END_SQL, SEASON_MONTHS

    clauses: list[str] = []
    params: dict[str, Any] = {}
    if args.type:
        clauses.append(_FILTERS["type"])
        params["type"] = args.type
    if args.channel:
        clauses.append(_FILTERS["channel"])
        params["channel"] = args.channel
    if args.dyad:
        clauses.append(_FILTERS["dyad"])
        params["dyad_a"], params["dyad_b"] = args.dyad
    if args.since:
        clauses.append("date IS NOT NULL AND (" + PERIOD_END_SQL + ") >= $since")
        params["since"] = args.since
        params["season"] = SEASON_MONTHS
    if args.until:
        clauses.append(_FILTERS["until"])
        params["until"] = args.until
    return (" WHERE " + " AND ".join(f"({c})" for c in clauses) if clauses else ""), params


def _fetch(store: Store, sql: str, params: dict[str, Any] | list[Any]) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _list_events(store: Store, args: argparse.Namespace) -> None:
    where, params = _where(args)
    sql = "SELECT * FROM events" + where + " " + _EVENT_ORDER
    if args.limit:
        sql += " LIMIT $limit"
        params = {**params, "limit": args.limit}
    rows = _fetch(store, sql, params)
    if args.format == "jsonl":
        _write_jsonl(_event_json(r) for r in rows)
    elif args.format == "csv":
        _write_csv(CSV_COLUMNS, (_event_csv(r) for r in rows))
    else:
        total = len(rows)
        if args.limit and len(rows) == args.limit:
            where_params = {k: v for k, v in params.items() if k != "limit"}
            count = store.con.execute("SELECT count(*) FROM events" + where, where_params).fetchone()
            total = int(count[0]) if count else total
        _event_table(rows)
        shown = f"{len(rows)} events" + (f" of {total}" if total > len(rows) else "")
        sys.stdout.write(shown + "\n")


def _show_event(store: Store, args: argparse.Namespace) -> int:
    matches = _fetch(store, "SELECT * FROM events WHERE starts_with(event_id, ?) ORDER BY event_id LIMIT 2",
                     [args.id.strip()])
    if not matches:
        error(f"detente events: no event with id {args.id!r}")
        return 1
    if len(matches) > 1:
        error(f"detente events: {args.id!r} matches several events; give more of the id")
        return 1
    event = matches[0]
    mentions = _fetch(
        store,
        "SELECT m.mention_id, m.event_id, m.doc_id, d.source_id, d.title, d.outlet, d.published, "
        "m.sentence_index, m.type, m.modality, m.date, m.date_precision, m.confidence, m.sentence "
        "FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ? "
        "ORDER BY d.published NULLS LAST, m.doc_id, m.sentence_index, m.mention_id",
        [event["event_id"]],
    ) if args.mentions else []
    if args.format == "jsonl":
        _write_jsonl([_plain(m) for m in mentions] if args.mentions else [_event_json(event)])
    elif args.format == "csv":
        if args.mentions:
            _write_csv(MENTION_CSV_COLUMNS, (_plain(m) for m in mentions))
        else:
            _write_csv(CSV_COLUMNS, [_event_csv(event)])
    else:
        _event_card(event)
        if args.mentions:
            _mention_list(mentions)
    return 0


# -- shaping ----------------------------------------------------------------------------------------------


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def _event_json(row: dict[str, Any]) -> dict[str, Any]:
    out = _plain(row)
    out["source"] = json.loads(row["source"] or "[]")
    out["target"] = json.loads(row["target"] or "[]")
    out["location"] = json.loads(row["location"]) if row["location"] else None
    out["source_countries"] = list(row["source_countries"] or [])
    out["target_countries"] = list(row["target_countries"] or [])
    return out


def _names(actors_json: str | None) -> list[str]:
    return [a.get("name") or a.get("text") or a.get("country") or "?" for a in json.loads(actors_json or "[]")]


def _event_csv(row: dict[str, Any]) -> dict[str, Any]:
    out = _plain(row)
    location = json.loads(row["location"]) if row["location"] else {}
    out["source"] = "; ".join(_names(row["source"]))
    out["target"] = "; ".join(_names(row["target"]))
    out["source_countries"] = ";".join(row["source_countries"] or [])
    out["target_countries"] = ";".join(row["target_countries"] or [])
    out["location"] = location.get("name")
    out["location_country"] = location.get("country")
    return out


def _write_jsonl(objects: Any) -> None:
    for obj in objects:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _write_csv(columns: tuple[str, ...], rows: Any) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def _cut(text: str | None, width: int) -> str:
    text = re.sub(r"\s+", " ", text or "").strip() or "-"
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def date_label(row: dict[str, Any]) -> str:
    """The event date at the precision it is known: 2023-09-16..17, 2022-11, 2023, ~2023-09-30 (publication)."""
    date: dt.date | None = row["date"]
    end: dt.date | None = row["date_end"]
    if date is None:
        return "-"
    precision = row["date_precision"]
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


def actors_label(row: dict[str, Any]) -> str:
    source, target = list(dict.fromkeys(_names(row["source"]))), list(dict.fromkeys(_names(row["target"])))
    left = ", ".join(source) or ",".join(row["source_countries"] or []) or "?"
    return f"{left} -> {', '.join(target)}" if target else left


def _place(row: dict[str, Any]) -> str:
    location = json.loads(row["location"]) if row["location"] else None
    return (location.get("name") or "-") if location else "-"


def _event_table(rows: list[dict[str, Any]]) -> None:
    header = ("ID", "DATE", "TYPE", "MODALITY", "ACTORS", "PLACE", "MENT", "SRC", "DOCS", "FIRST", "LAST",
              "SENTENCE")
    lines = [header] + [
        (
            r["event_id"][:ID_WIDTH], date_label(r), r["type"], r["modality"], _cut(actors_label(r), ACTORS_WIDTH),
            _cut(_place(r), PLACE_WIDTH), str(r["mentions"]), str(r["sources"]), str(r["documents"]),
            r["first_reported"].isoformat() if r["first_reported"] else "-",
            r["last_reported"].isoformat() if r["last_reported"] else "-",
            _cut(r["sentence"], SENTENCE_WIDTH),
        )
        for r in rows
    ]
    if len(lines) == 1:
        return
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    numeric = {6, 7, 8}
    for line in lines:
        cells = [cell.rjust(w) if i in numeric else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(line, widths, strict=False))]
        sys.stdout.write("  ".join([*cells, line[-1]]).rstrip() + "\n")


def _event_card(row: dict[str, Any]) -> None:
    location = json.loads(row["location"]) if row["location"] else None
    where = f"{location.get('name')} ({location.get('country') or '?'})" if location else "-"
    fields = (
        ("event", row["event_id"]),
        ("type", " ".join(x for x in (row["type"], f"({row['mode']})" if row["mode"] else "") if x)),
        ("modality", row["modality"]),
        ("channel", row["channel"]),
        ("cameo", f"{row['cameo'] or '-'} (Goldstein {row['goldstein'] if row['goldstein'] is not None else '-'}, "
                  f"quad class {row['quad_class'] if row['quad_class'] is not None else '-'})"),
        ("actors", actors_label(row)),
        ("date", date_label(row) + (f'  "{row["date_text"]}"' if row["date_text"] else "")),
        ("place", where),
        ("reports", f"{row['mentions']} mentions, {row['sources']} sources, {row['documents']} documents"),
        ("reported", f"{row['first_reported'] or '-'} .. {row['last_reported'] or '-'}"),
        ("sentence", re.sub(r"\s+", " ", row["sentence"] or "-").strip()),
    )
    for name, value in fields:
        sys.stdout.write(f"{name:<9} {value}\n")


def _mention_list(mentions: list[dict[str, Any]]) -> None:
    for n, m in enumerate(mentions, 1):
        sys.stdout.write("\n")
        published = m["published"].isoformat() if m["published"] else "undated"
        document = m["source_id"] or m["doc_id"][:12]
        sys.stdout.write(f"[{n}] {published}  {m['outlet'] or '(no outlet)'}  document {document}  "
                         f"sentence {m['sentence_index']}\n")
        sys.stdout.write(f"    {_cut(m['title'], TITLE_WIDTH)}\n")
        sys.stdout.write("    " + re.sub(r"\s+", " ", m["sentence"]).strip() + "\n")
