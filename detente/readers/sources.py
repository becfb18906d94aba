"""Paths to readers: files by extension, directories recursively, ``-`` for JSON Lines on stdin, URLs and feed
files (``online.py``).

Everything a caller names yields something: a document, or a rejection saying why not. Files inside a
directory whose extension is not one of ours are skipped silently (a folder of articles also holds images,
notes, the store itself); a file named explicitly is read as plain text whatever its extension, since the
caller asked for it, and binary content is still caught by decoding.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from detente.config import DEFAULT_MAX_BYTES
from detente.readers.decoding import DecodeError, decode_bytes
from detente.readers.document import document_from_text
from detente.readers.errors import Rejection, over_size_limit
from detente.readers.feeds import FEED_SUFFIXES
from detente.readers.html import document_from_html
from detente.readers.jsonl import iter_jsonl
from detente.readers.urls import looks_like_url
from detente.records import Document

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

Item = Document | Rejection


def iter_documents(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Documents and rejections from ``paths``, in order; directories in sorted path order.

    ``max_bytes`` caps each file, and each line of a JSONL file or stdin. ``-`` reads JSONL from ``stdin``
    (default: the process's standard input).
    """
    if isinstance(paths, str):
        raise TypeError("paths must be a sequence of paths, not one string")
    for given in paths:
        if given == "-":
            yield from iter_jsonl(stdin or sys.stdin.buffer, name="-", max_bytes=max_bytes)
        elif looks_like_url(given) and not os.path.exists(given):
            from detente.readers.online import read_url  # brings in the HTTP client: only when needed

            yield from read_url(given, max_bytes=max_bytes)  # an article or a feed
        elif os.path.isdir(given):
            yield from _read_directory(given, max_bytes)
        elif os.path.exists(given):
            yield from _read_file(given, max_bytes, explicit=True)
        else:
            yield Rejection(given, "no such file or directory")


def _read_directory(top: str, max_bytes: int) -> Iterator[Item]:
    readable = 0
    for entry in _walk(top):
        if isinstance(entry, Rejection):
            yield entry
            continue
        readable += 1
        yield from _read_file(entry, max_bytes, explicit=False)
    if readable == 0:
        kinds = ", ".join(sorted(READABLE_SUFFIXES))
        yield Rejection(top, f"no readable files (looked for {kinds})")


def _walk(directory: str) -> Iterator[str | Rejection]:
    """Readable files under ``directory`` in sorted path order; hidden files and folders skipped, symlinked
    folders not followed (no cycles)."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(directory, f"cannot read directory ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file() and Path(entry.name).suffix.lower() in READABLE_SUFFIXES:
            yield entry.path


def _read_file(path: str, max_bytes: int, *, explicit: bool) -> Iterator[Item]:
    suffix = Path(path).suffix.lower()
    if suffix in FEED_SUFFIXES or (explicit and suffix == ".xml"):
        from detente.readers.online import read_feed_file

        yield from read_feed_file(path, max_bytes=max_bytes)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as stream:
                yield from iter_jsonl(stream, name=path, max_bytes=max_bytes)
            return
        if explicit and suffix == ".json":
            yield Rejection(path, "unsupported file type '.json' (one JSON record per line: name it .jsonl)")
            return
        size = os.stat(path).st_size
        if size > max_bytes:
            yield Rejection(path, over_size_limit(size, max_bytes))
            return
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        yield Rejection(path, f"cannot read ({exc.strerror or exc})")
        return
    if len(data) > max_bytes:  # grew between stat and read
        yield Rejection(path, over_size_limit(len(data), max_bytes))
        return
    yield _document_from_bytes(data, path=path, html=suffix in HTML_SUFFIXES)


def _document_from_bytes(data: bytes, *, path: str, html: bool) -> Item:
    if not data.strip():
        return Rejection(path, "empty file")
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        return Rejection(path, str(exc))
    if not text.strip():
        return Rejection(path, "empty file")
    source_id = Path(path).stem
    if html:
        return document_from_html(text, origin=path, source_id=source_id)
    return document_from_text(text, origin=path, source_id=source_id)
