"""Output shapes shared by the analysis commands (index, quotes, numbers, tone, upcoming): an aligned table on
the terminal, CSV or JSONL, to stdout or a file (``detente events`` writes its CSV and JSONL here too). Article
text is attacker-controlled: table cells go through the CLI's one cell helper (control characters shown as
escapes, cut to a width) and CSV cells through ``textsafe.for_csv`` (a formula start gets a leading apostrophe)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar

from detente import api
from detente.cli.common import add_scope_options, cell, error, refused
from detente.textsafe import for_csv

FORMATS = ("table", "csv", "jsonl")
Found = TypeVar("Found")


class Record(Protocol):
    """A record an analysis command lists: it says itself whole, as the API gives it."""

    def to_dict(self) -> dict[str, Any]: ...


Listed = TypeVar("Listed", bound=Record)


def clean_cell(value: Any, width: int | None = None) -> str:
    """A table cell: None as "-", a float to two places, text through ``common.cell`` (whitespace collapsed,
    control characters and bidi overrides escaped, cut to ``width``)."""
    if value is None:
        return "-"
    return cell(f"{value:.2f}" if isinstance(value, float) else str(value), width)


def write_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str, int | None]],
                out: IO[str]) -> None:
    """``columns``: (key, header, width or None); numbers right-aligned, the last column left unpadded."""
    cells = [[clean_cell(r.get(key), width) for key, _, width in columns] for r in rows]
    header = [h for _, h, _ in columns]
    numeric = [all(isinstance(r.get(key), int | float) or r.get(key) is None for r in rows)
               and any(isinstance(r.get(key), int | float) for r in rows) for key, _, _ in columns]
    widths = [max([len(header[i])] + [len(c[i]) for c in cells]) for i in range(len(columns))]
    for line in [header, *cells]:
        parts = [(cell.rjust(w) if numeric[i] else cell.ljust(w)) if i < len(columns) - 1 else cell
                 for i, (cell, w) in enumerate(zip(line, widths, strict=True))]
        out.write("  ".join(parts).rstrip() + "\n")


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: for_csv(_flat(v)) for k, v in row.items()})


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def _flat(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_rows(rows: Sequence[dict[str, Any]], fmt: str, table: Sequence[tuple[str, str, int | None]],
               csv_columns: Sequence[str], path: str | None = None) -> None:
    """``rows`` in ``fmt`` to ``path`` (UTF-8) or stdout."""
    if path and path != "-":
        with Path(path).open("w", encoding="utf-8", newline="") as fh:
            _write(rows, fmt, table, csv_columns, fh)
    else:
        _write(rows, fmt, table, csv_columns, sys.stdout)


def _write(rows: Sequence[dict[str, Any]], fmt: str, table: Sequence[tuple[str, str, int | None]],
           csv_columns: Sequence[str], out: IO[str]) -> None:
    if fmt == "csv":
        write_csv(rows, csv_columns, out)
    elif fmt == "jsonl":
        write_jsonl(rows, out)
    else:
        write_table(rows, table, out)


def add_output_options(parser: Any, *, default_dyad: str | None = "CHN-USA") -> None:
    """--dyad, --since, --until, --format and -o, as every analysis command takes them."""
    add_scope_options(parser, default_dyad=default_dyad)
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def record_rows(fmt: str, flat: Callable[[Listed], dict[str, Any]]
                ) -> Callable[[Sequence[Listed]], list[dict[str, Any]]]:
    """The rows of a listing whose records are too nested for a table: JSON lines carry each record whole (its
    lists and parts kept), the table and CSV the command's ``flat`` row of it."""

    def rows(found: Sequence[Listed]) -> list[dict[str, Any]]:
        return [r.to_dict() for r in found] if fmt == "jsonl" else [flat(r) for r in found]

    return rows


def listing(command: str, fetch: Callable[[], Found], rows: Callable[[Found], Sequence[dict[str, Any]]],
            fmt: str, table: Sequence[tuple[str, str, int | None]], csv_columns: Sequence[str],
            output: str | None) -> int:
    """One analysis command's run: ``fetch`` the records (a bad option or store is one line, exit 2), shape them
    into ``rows`` and write them in ``fmt`` (a file that cannot be written is one line, exit 2)."""
    try:
        found = fetch()
    except (ValueError, api.StoreError) as exc:
        return refused(command, exc)
    try:
        write_rows(rows(found), fmt, table, csv_columns, output)
    except OSError as exc:
        error(f"detente {command}: {output}: {exc.strerror or exc}")
        return 2
    return 0
