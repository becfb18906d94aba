"""``detente documents``: what the store holds, one document per line."""

from __future__ import annotations

import argparse
import json
import sys

from detente.cli.common import add_db_option, error
from detente.config import resolve_db_path
from detente.store.db import Store, StoreError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("documents", help="list stored documents")
    add_db_option(p)
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        with Store(resolve_db_path(args.db), read_only=True) as store:
            rows = store.documents()
    except StoreError as exc:
        error(f"detente: {exc}")
        return 2
    if args.format == "jsonl":
        for row in rows:
            row["published"] = row["published"].isoformat() if row["published"] else None
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    header = ("ID", "DATE", "OUTLET", "GENRE", "TITLE")
    lines = [header] + [
        (
            str(r["source_id"] or r["id"][:12])[:24],
            r["published"].isoformat() if r["published"] else "-",
            (r["outlet"] or "-")[:20],
            r["genre"] or "-",
            (r["title"] or "-")[:70],
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    for line in lines:
        cells = [cell.ljust(w) for cell, w in zip(line, widths, strict=False)] + [line[-1]]
        sys.stdout.write("  ".join(cells).rstrip() + "\n")
    sys.stdout.write(f"{len(rows)} documents\n")
    return 0
