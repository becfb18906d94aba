"""Exports: the store's events in the formats the field reads. One module per family: ``gdelt`` (GDELT 2.0
event and mention files), ``plover`` (PLOVER/POLECAT JSON records), ``tables`` (the store's own tables as CSV,
JSON lines or Parquet); ``output`` writes atomically or to stdout; ``codes`` and ``data/`` hold the code
tables. ``export`` is the one entry point; docs/exports.md documents every format."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from typing import TextIO

from detente import datafiles
from detente.exports import gdelt, plover
from detente.exports.codes import PACKAGE
from detente.exports.output import STDOUT, text_output
from detente.exports.tables import TABLES, export_table
from detente.records import Mention, Report
from detente.store.db import Store
from detente.store.queries import EventQuery

# format → the tables it can write (GDELT and PLOVER formats have one shape each).
FORMATS: dict[str, tuple[str, ...]] = {
    "gdelt-events": ("events",),
    "gdelt-mentions": ("mentions",),
    "plover-json": ("events",),
    "csv": TABLES,
    "jsonl": TABLES,
    "parquet": TABLES,
}
TEXT_FORMATS = frozenset(FORMATS) - {"parquet"}


class ExportError(ValueError):
    """An export that cannot be made as asked (a format without that table, parquet to stdout)."""


def plover_schema() -> dict[str, object]:
    """The JSON Schema every ``plover-json`` record satisfies (shipped as package data)."""
    schema: dict[str, object] = datafiles.load(PACKAGE, plover.SCHEMA)
    return schema


def export(store: Store, fmt: str, out: str | os.PathLike[str], query: EventQuery | None = None, *,
           table: str | None = None, header: bool = False, stdout: TextIO | None = None) -> int:
    """Write the events ``query`` selects (their mentions, their documents) as ``fmt`` to ``out`` (a path, or
    ``-`` for stdout in the text formats); the number of records written. The file appears whole or not at
    all."""
    query = query or EventQuery()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    table = table or FORMATS[fmt][0]
    if table not in FORMATS[fmt]:
        raise ExportError(f"format {fmt} writes {' or '.join(FORMATS[fmt])}, not {table}")
    if os.fspath(out) == STDOUT and fmt not in TEXT_FORMATS:
        raise ExportError(f"{fmt} is a binary format: give a file with -o, not -")
    if header and not fmt.startswith("gdelt-"):
        raise ExportError("--header is for the GDELT formats (the others always name their columns)")
    if fmt in ("csv", "jsonl", "parquet"):
        return export_table(store, fmt, table, out, query, stdout)
    origins = store.event_origins(query, lead_sentences=gdelt.LEAD_SENTENCES)
    with text_output(out, stdout) as stream:
        reports = store.mention_reports(query)
        if fmt == "gdelt-events":
            sentences: dict[str, list[str]] = defaultdict(list)
            for mention, _ in reports:
                sentences[mention.event_id or ""].append(mention.sentence)
            rows = (gdelt.event_row(e, origins.get(e.event_id), sentences.get(e.event_id, []))
                    for e in store.events(query))
            return gdelt.write_rows(gdelt.EVENT_COLUMNS, rows, stream, header=header)
        if fmt == "gdelt-mentions":
            mentions = (gdelt.mention_row(m, r, origins.get(m.event_id or "")) for m, r in reports)
            return gdelt.write_rows(gdelt.MENTION_COLUMNS, mentions, stream, header=header)
        evidence: dict[str, list[tuple[Mention, Report]]] = defaultdict(list)
        for mention, report in reports:
            evidence[mention.event_id or ""].append((mention, report))
        count = 0
        for event in store.events(query):
            obj = plover.record(event, evidence.get(event.event_id, []), origins.get(event.event_id))
            stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
            count += 1
        return count
