"""``detente documents``: what the store holds, one document per line."""

from __future__ import annotations

import argparse
import json
import sys

from detente import api
from detente.cli.common import add_db_option, cell, name_cell, refused
from detente.store.db import StoreError

JSONL_FIELDS = ("id", "source_id", "published", "outlet", "genre", "title", "origin")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("documents", help="list stored documents")
    add_db_option(p)
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        docs = api.documents(args.db)
    except StoreError as exc:
        return refused("documents", exc)
    if args.format == "jsonl":
        for doc in docs:
            row = doc.to_dict()
            sys.stdout.write(json.dumps({k: row[k] for k in JSONL_FIELDS}, ensure_ascii=False) + "\n")
        return 0
    header = ("ID", "DATE", "OUTLET", "GENRE", "TITLE")
    lines = [header] + [
        (
            name_cell(d.source_id or d.id[:12], 24),
            d.published.isoformat() if d.published else "-",
            cell(d.outlet, 20),
            cell(d.genre),
            cell(d.title, 70),
        )
        for d in docs
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    for line in lines:
        cells = [cell.ljust(w) for cell, w in zip(line, widths, strict=False)] + [line[-1]]
        sys.stdout.write("  ".join(cells).rstrip() + "\n")
    sys.stdout.write(f"{len(docs)} documents\n")
    return 0
