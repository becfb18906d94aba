"""Reading: documents and rejections from paths, and the documents among them (a bad input never stops the rest)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from detente.api.stores import PathLike
from detente.config import DEFAULT_MAX_BYTES
from detente.records import Document

if TYPE_CHECKING:
    from detente.readers import Rejection

log = logging.getLogger("detente")


def read_items(paths: PathLike | Iterable[PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: Any = None) -> Iterator[Document | Rejection]:
    """Documents and rejections from files, directories, JSONL and ``-`` (JSONL on ``stdin``), in order."""
    from detente.readers import iter_documents

    return iter_documents([os.fspath(p) for p in as_paths(paths)], max_bytes=max_bytes, stdin=stdin)


def read(paths: PathLike | Iterable[PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES,
         on_reject: Callable[[Rejection], None] | None = None) -> Iterator[Document]:
    """Cleaned documents from ``paths`` (.txt/.md/.html/.jsonl files and directories). A bad input never stops
    the rest: it goes to ``on_reject`` (default: a warning on the ``detente`` logger naming it and why)."""
    return accepted(read_items(paths, max_bytes=max_bytes), on_reject)


def accepted(items: Iterable[Document | Rejection],
             on_reject: Callable[[Rejection], None] | None = None) -> Iterator[Document]:
    """The documents among ``items``; each rejection goes to ``on_reject`` (default: a logged warning)."""
    from detente.readers import Rejection

    for item in items:
        if isinstance(item, Rejection):
            (on_reject or log_rejection)(item)
        else:
            yield item


def as_paths(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    """One path or several, as a list (a string is one path, not its characters)."""
    if isinstance(paths, str | os.PathLike):
        return [paths]
    return list(paths)


def log_rejection(rejection: Rejection) -> None:
    """Where a rejection goes when the caller gives no ``on_reject``: a warning on the ``detente`` logger."""
    log.warning("%s", rejection.message())
