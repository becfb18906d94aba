"""Exporting: the stored events, mentions or documents in the field's formats (docs/exports.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from detente.api.filters import event_query
from detente.api.stores import DbArg, PathLike, opened


def export(db: DbArg, format: str, path: PathLike, *, table: str | None = None, header: bool = False,
           dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
           until: str | dt.date | None = None, type: str | None = None, channel: str | None = None,
           stdout: Any = None) -> int:
    """Write the stored events (filtered as ``events`` filters them), their mentions or their documents as
    ``format``: gdelt-events, gdelt-mentions, plover-json, or csv / jsonl / parquet of ``table`` (events,
    mentions, documents). ``path`` ``-`` is stdout for the text formats. The file is written whole or not at
    all; returns the number of records. Bad options raise ``ValueError``; docs/exports.md."""
    from detente.exports import export as write_export

    query = event_query(dyad=dyad, since=since, until=until, type=type, channel=channel)
    with opened(db, read_only=True) as store:
        return write_export(store, format, path, query, table=table, header=header, stdout=stdout)
