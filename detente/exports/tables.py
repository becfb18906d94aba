"""The store's own tables as files: events, mentions or documents as CSV, JSON lines or Parquet.

The three formats write the same columns (``queries.EXPORT_TABLE_SQL``). Parquet is DuckDB's own writer and
keeps the column types (dates, lists); CSV flattens lists to ``;``-joined text and neutralizes cells that a
spreadsheet would run as formulas; JSON lines turn the actor and location columns back into objects."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Iterable
from typing import Any, TextIO

from detente.exports.output import atomic_path, neutralize, text_output
from detente.store.db import Store
from detente.store.queries import EXPORT_JSON_COLUMNS, EventQuery

TABLES = ("events", "mentions", "documents")


def csv_cell(value: Any) -> str | int | float:
    """One CSV cell: numbers as they are, dates ISO, lists ``;``-joined, text with formulas neutralized."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, dt.date):  # datetime too
        return value.isoformat()
    if isinstance(value, list | tuple):
        return neutralize(";".join("" if v is None else str(v) for v in value))
    return neutralize(str(value))


def json_value(column: str, value: Any) -> Any:
    if value is None:
        return None
    if column in EXPORT_JSON_COLUMNS and isinstance(value, str):
        return json.loads(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def write_csv(columns: list[str], rows: Iterable[tuple[Any, ...]], stream: TextIO) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
        count += 1
    return count


def write_jsonl(columns: list[str], rows: Iterable[tuple[Any, ...]], stream: TextIO) -> int:
    count = 0
    for row in rows:
        obj = {c: json_value(c, v) for c, v in zip(columns, row, strict=True)}
        stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_table(store: Store, fmt: str, table: str, out: str | os.PathLike[str], query: EventQuery,
                 stdout: TextIO | None = None) -> int:
    """Write ``table`` (events, mentions or documents) as ``fmt`` (csv, jsonl or parquet); the number of rows."""
    if fmt == "parquet":  # a file only: ``export`` refuses stdout for it
        with atomic_path(out) as tmp:
            return store.copy_table(table, query, tmp, "parquet")
    writer = {"csv": write_csv, "jsonl": write_jsonl}[fmt]
    with store.table_rows(table, query) as (columns, rows), text_output(out, stdout) as stream:
        return writer(columns, rows, stream)
