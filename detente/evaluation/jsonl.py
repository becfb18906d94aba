"""Reading a gold file: JSON Lines, one record a line, a bad line refused with the file and line it is on.

Both gold formats (PLOVER gold-standard records, labelled news sentences) are read this way; each says how a
line becomes its record and which errors mean a malformed line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

Record = TypeVar("Record")


def read_records(path: str | Path, parse: Callable[[Any], Record], what: str,
                 errors: tuple[type[Exception], ...]) -> list[Record]:
    """``parse`` of every non-blank line's JSON value; a line that fails with one of ``errors`` raises
    ``ValueError("PATH:LINE: not WHAT: reason")``."""
    out: list[Record] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(parse(json.loads(line)))
            except errors as exc:
                raise ValueError(f"{path}:{n}: not {what}: {exc}") from exc
    return out
