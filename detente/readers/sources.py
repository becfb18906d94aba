"""Paths to readers: files by extension, directories recursively, ``-`` for JSON Lines on stdin, URLs and feed
files (``online.py``).

Everything a caller names yields something: a document, or a rejection saying why not. Files inside a
directory whose extension is not one of ours are skipped silently (a folder of articles also holds images,
notes, the store itself); a file named explicitly is read as plain text whatever its extension, since the
caller asked for it, and binary content is still caught by decoding.
"""

from __future__ import annotations

import errno
import os
import stat
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
            continue
        if looks_like_url(given) and not os.path.exists(given):
            from detente.readers.online import read_url  # brings in the HTTP client: only when needed

            yield from read_url(given, max_bytes=max_bytes)  # an article or a feed
            continue
        try:
            mode = os.stat(given).st_mode
        except OSError as exc:
            yield Rejection(given, _os_reason(exc))
            continue
        if stat.S_ISDIR(mode):
            yield from _read_directory(given, max_bytes)
        else:
            yield from _read_file(given, max_bytes, explicit=True)


def _read_directory(top: str, max_bytes: int) -> Iterator[Item]:
    readable = 0
    for entry in _walk(top):
        readable += 1
        if isinstance(entry, Rejection):
            yield entry
        else:
            yield from _read_file(entry, max_bytes, explicit=False)
    if readable == 0:
        kinds = ", ".join(sorted(READABLE_SUFFIXES))
        yield Rejection(top, f"no readable files (looked for {kinds})")


def _walk(directory: str) -> Iterator[str | Rejection]:
    """Files with a readable extension under ``directory``, in sorted path order; hidden files and folders
    skipped, symlinked folders not followed (no cycles). An entry that looks like an article but cannot be one
    (a symlink loop or a dangling link, a named pipe, a device) is a rejection, and the walk goes on."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(directory, f"cannot read directory ({_strerror(exc)})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path)
                continue
            if Path(entry.name).suffix.lower() not in READABLE_SUFFIXES:
                continue
            mode = entry.stat().st_mode  # follows a symlink: its target is what would be read
        except OSError as exc:
            yield Rejection(entry.path, _os_reason(exc))
            continue
        unreadable = _not_a_regular_file(mode)
        yield Rejection(entry.path, unreadable) if unreadable else entry.path


def _read_file(path: str, max_bytes: int, *, explicit: bool) -> Iterator[Item]:
    suffix = Path(path).suffix.lower()
    if suffix in FEED_SUFFIXES or (explicit and suffix == ".xml"):
        from detente.readers.online import read_feed_file

        yield from read_feed_file(path, max_bytes=max_bytes)
        return
    if explicit and suffix == ".json":
        yield Rejection(path, "unsupported file type '.json' (one JSON record per line: name it .jsonl)")
        return
    try:
        opened = _open_regular(path)
        if isinstance(opened, Rejection):
            yield opened
            return
        with opened as stream:
            if suffix in JSONL_SUFFIXES:
                yield from iter_jsonl(stream, name=path, max_bytes=max_bytes)
                return
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                yield Rejection(path, over_size_limit(size, max_bytes))
                return
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        yield Rejection(path, _os_reason(exc))
        return
    if len(data) > max_bytes:  # grew between stat and read
        yield Rejection(path, over_size_limit(len(data), max_bytes))
        return
    yield _document_from_bytes(data, path=path, html=suffix in HTML_SUFFIXES)


def _open_regular(path: str) -> IO[bytes] | Rejection:
    """``path`` opened for reading when it is a regular file. Anything else is refused from its ``stat`` without
    being opened (a named pipe would block until a writer comes, a device may have effects on open); the file
    is opened non-blocking and checked again, so one swapped in between cannot block either."""
    unreadable = _not_a_regular_file(os.stat(path).st_mode)
    if unreadable:
        return Rejection(path, unreadable)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        unreadable = _not_a_regular_file(os.fstat(fd).st_mode)
    except OSError:
        os.close(fd)
        raise
    if unreadable:
        os.close(fd)
        return Rejection(path, unreadable)
    return os.fdopen(fd, "rb")


_NOT_REGULAR = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_a_regular_file(mode: int) -> str | None:
    """The rejection reason for a file mode that is not a regular file, else None."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _NOT_REGULAR if test(mode)), "a special file")
    return f"not a regular file ({kind})"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno == errno.ELOOP:
        return "cannot read (symbolic link loop)"
    return f"cannot read ({_strerror(exc)})"


def _strerror(exc: OSError) -> str:
    return exc.strerror or str(exc)


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
