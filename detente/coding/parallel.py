"""Coding on several cores: whole documents go to worker processes, each with its own copy of the coder.

spaCy's own ``n_process`` parallelizes only the parse; sentence splitting, the prefilter, argument reading and
date/place resolution would stay in one process and cap the speed-up. Here each worker codes whole chunks of
documents, so everything but the store runs in parallel. Workers are forked from a warmed coder, so the model
and the resolvers' tables are shared copy-on-write instead of loaded once per worker. Submission is bounded
and happens in the caller's thread, so the input iterator (which may read the store) is never touched by
another thread and memory stays flat on any input size.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING

from detente.records import Document, Mention

if TYPE_CHECKING:
    from detente.coding.coder import Coder

Coded = list[tuple[Document, list[Mention]]]
Records = list[list[Mention]]
_WORKER: Coder | None = None  # the forked copy of the coder, one per worker process


def _code_chunk(chunk: tuple[Document, ...]) -> tuple[Records, Counter[str], Counter[str]]:
    """Only the records travel back: the caller still holds the documents, and their text is most of the bytes."""
    coder = _WORKER
    assert coder is not None, "worker started without a coder"
    coder.stats.clear()
    coder.timings.clear()
    records = [recs for _doc, recs in coder.code_documents_serial(chunk)]
    return records, Counter(coder.stats), Counter(coder.timings)


def code_in_processes(coder: Coder, docs: Iterable[Document], processes: int,
                      chunk_size: int = 4) -> Iterator[tuple[Document, list[Mention]]]:
    """Each document with its records, in input order, coded by ``processes`` forked workers."""
    global _WORKER
    if "fork" not in multiprocessing.get_all_start_methods():  # no fork (Windows, macOS spawn): stay serial
        yield from coder.code_documents_serial(docs)
        return
    stats, timings = Counter(coder.stats), Counter(coder.timings)
    coder.warm()  # load once in the parent; forked workers share it
    coder.stats.update(stats)
    coder.timings.update(timings)
    _WORKER = coder
    # Enough chunks in flight that workers keep coding while the caller commits a batch to the store.
    window = 8 * processes
    pending: deque[tuple[tuple[Document, ...], AsyncResult[tuple[Records, Counter[str], Counter[str]]]]] = deque()

    def drain(item: tuple[tuple[Document, ...], AsyncResult[tuple[Records, Counter[str], Counter[str]]]]) -> Coded:
        chunk, result = item
        records, chunk_stats, chunk_timings = result.get()
        coder.stats.update(chunk_stats)
        coder.timings.update(chunk_timings)
        return list(zip(chunk, records, strict=True))

    with multiprocessing.get_context("fork").Pool(processes) as pool:
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) < chunk_size:
                continue
            submitted = tuple(chunk)
            pending.append((submitted, pool.apply_async(_code_chunk, (submitted,))))
            chunk = []
            while len(pending) >= window:
                yield from drain(pending.popleft())
        if chunk:
            submitted = tuple(chunk)
            pending.append((submitted, pool.apply_async(_code_chunk, (submitted,))))
        while pending:
            yield from drain(pending.popleft())
    _WORKER = None
