"""JSON Lines: one document per line, fields as in DESIGN.md.

A dump can be large and a single bad line must not cost the others, so the stream is read line by line, each
line checked on its own, and the size limit applies to a line rather than the file. Lines must be UTF-8 as
the JSON Lines format requires; there is no charset guessing per line.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO, Any

from detente.readers.document import document_from_text
from detente.readers.errors import Rejection, over_size_limit
from detente.records import Document

_SKIP_CHUNK = 1 << 20
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}


def iter_jsonl(stream: IO[bytes], *, name: str, max_bytes: int) -> Iterator[Document | Rejection]:
    """Documents and rejections from ``stream``; origins are ``NAME:LINE`` with 1-based line numbers."""
    records = 0
    for number, line, size in _capped_lines(stream, max_bytes):
        origin = f"{name}:{number}"
        if line is None:
            records += 1
            yield Rejection(origin, over_size_limit(size, max_bytes))
            continue
        if number == 1:
            if b"\x00" in line:  # a compressed or binary file: one rejection, not one per "line"
                yield Rejection(name, "binary file")
                return
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue  # blank lines, a trailing newline: not records
        records += 1
        yield record_to_document(line, origin=origin)
    if records == 0:
        yield Rejection(name, "empty input" if name == "-" else "empty file")


def record_to_document(line: bytes, *, origin: str) -> Document | Rejection:
    """One JSONL line to a document; the record's ``id`` becomes ``source_id``."""
    try:
        record: Any = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return Rejection(origin, "undecodable bytes (JSON Lines must be UTF-8)")
    except json.JSONDecodeError as exc:
        return Rejection(origin, f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return Rejection(origin, "invalid JSON: nested too deeply")
    except ValueError:  # Python's cap on the digits of an integer (4,300): not a JSON error, still unreadable
        return Rejection(origin, "invalid JSON: a number too long to read")
    if not isinstance(record, dict):
        kind = "null" if record is None else _JSON_TYPES.get(type(record), type(record).__name__)
        return Rejection(origin, f"record is not a JSON object (got {kind})")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        return Rejection(origin, "field 'text' is not a string")
    if not text or not text.strip():
        return Rejection(origin, "record has no text")
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int | float)):
        return Rejection(origin, "field 'id' is not a string or number")
    source_id = None if raw_id is None else str(raw_id)
    return document_from_text(text, origin=origin, source_id=source_id, meta=record)


def _capped_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, line, size)``; the line is None when it runs past ``limit`` bytes, and is then skipped
    without being held in memory."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if line.endswith(b"\n") or len(line) <= limit:  # readline stopped at the newline, not the cap
            yield number, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        yield number, None, size - 1 if line.endswith(b"\n") else size
