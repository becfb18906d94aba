"""Variants of the store's schema for the benches that compare them (``keys_sql.py``, ``scale.py
--schema-variant``): the primary keys (DuckDB ART indexes) dropped, or indexes added on the clustering index's join
columns. A variant is made on a store file before a writer opens it: ``schema.sql``'s ``CREATE TABLE IF NOT EXISTS``
then leaves its tables as they are."""

from __future__ import annotations

import re
import time
from pathlib import Path

import duckdb

from detente import datafiles

KEYED = ("documents", "mentions", "events")
INDEXES = {
    "kb": "CREATE INDEX IF NOT EXISTS cluster_key_hashes_kb ON cluster_key_hashes (kb)",
    "n": "CREATE INDEX IF NOT EXISTS cluster_members_n ON cluster_members (n)",
    "segment": "CREATE INDEX IF NOT EXISTS cluster_members_segment ON cluster_members (segment)",
}
# variant: (tables whose primary key is dropped, indexes added)
VARIANTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "keys": ((), ()),
    "nokeys": (KEYED, ()),
    "nokey-documents": (("documents",), ()),
    "nokey-mentions": (("mentions",), ()),
    "nokey-events": (("events",), ()),
    "index": ((), ("kb", "n", "segment")),
    "index-kb": ((), ("kb",)),
}


def table_ddl(unkeyed: tuple[str, ...]) -> dict[str, str]:
    """Each table's CREATE statement from ``schema.sql``, without its primary key for the tables in ``unkeyed``."""
    schema = datafiles.read_text("detente.store", "schema.sql")
    out = {}
    for match in re.finditer(r"CREATE TABLE IF NOT EXISTS (\w+) \((.*?)\n\);", schema, re.DOTALL):
        name, body = match.group(1), match.group(2)
        body = re.sub(r"--[^\n]*", "", body)
        if name in unkeyed:
            body = body.replace(" PRIMARY KEY", "")
        out[name] = f"CREATE TABLE {name} ({body}\n)"
    return out


def make_variant(path: Path, variant: str) -> float:
    """Rebuild (or create, for a missing file) the store at ``path`` as ``variant``: each table of ``KEYED`` and
    the clustering index's re-created and refilled in rowid order (mentions keep their rowids: the index's hints
    stay true), then the variant's indexes. Returns the seconds it took."""
    unkeyed, indexes = VARIANTS[variant]
    ddl = table_ddl(unkeyed)
    t = time.perf_counter()
    con = duckdb.connect(str(path))
    try:
        present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        for name, create in ddl.items():
            if name not in present:
                con.execute(create)
            elif name in (*KEYED, "cluster_members", "cluster_key_hashes"):
                con.execute(f"ALTER TABLE {name} RENAME TO {name}_old")
                con.execute(create)
                con.execute(f"INSERT INTO {name} SELECT * FROM {name}_old ORDER BY rowid")
                con.execute(f"DROP TABLE {name}_old")
        for name in indexes:
            con.execute(INDEXES[name])
        rows, top = con.execute("SELECT count(*), coalesce(max(rowid), -1) + 1 FROM mentions").fetchone() or (0, 0)
        if rows != top:
            raise SystemExit(f"{path}: mentions' rowids are not dense after the rebuild ({rows} rows, {top})")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return time.perf_counter() - t
