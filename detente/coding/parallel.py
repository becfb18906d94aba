"""Coding on several cores: whole documents go to worker processes, each with its own copy of the coder.

spaCy's own ``n_process`` parallelizes only the parse; sentence splitting, the prefilter, argument reading and
date/place resolution would stay in one process and cap the speed-up. Here each worker codes whole chunks of
documents, so everything but the store runs in parallel. Workers are forked, and the function that codes
documents serially reaches them through the fork (never pickled): a warmed coder's bound method brings its model
and the resolvers' tables along, shared copy-on-write instead of loaded once per worker. Submission is bounded
and happens in the caller's thread, so the input iterator (which may read the store) is never touched by
another thread and memory stays flat on any input size.

Nothing here knows the coder: it runs any ``CodeSerially`` callable and adds up the counters it keeps.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult

from detente.records import Document, Mention

Coded = list[tuple[Document, list[Mention]]]
Records = list[list[Mention]]
# Codes documents in one process: each document with its records, in input order.
CodeSerially = Callable[[Iterable[Document]], Iterable[tuple[Document, list[Mention]]]]
Result = tuple[Records, list[Counter[str]]]


@dataclass(slots=True)
class _Worker:
    """What a forked worker process codes with: the serial coding function and the counters it updates."""

    code: CodeSerially
    counters: Sequence[Counter[str]]


_worker: _Worker | None = None  # set in each worker process by ``_install``; never in the parent


def _install(code: CodeSerially, counters: Sequence[Counter[str]]) -> None:
    """Pool initializer: runs in the forked worker, where ``code`` and ``counters`` arrived by fork."""
    global _worker
    _worker = _Worker(code, counters)


def _code_chunk(chunk: tuple[Document, ...]) -> Result:
    """Only the records travel back: the caller still holds the documents, and their text is most of the bytes."""
    worker = _worker
    assert worker is not None, "worker started without a coding function"
    for counter in worker.counters:
        counter.clear()
    records = [recs for _doc, recs in worker.code(chunk)]
    return records, [Counter(c) for c in worker.counters]


def can_fork() -> bool:
    """Workers need fork (no fork on Windows; macOS defaults to spawn): without it coding stays serial."""
    return "fork" in multiprocessing.get_all_start_methods()


def code_in_processes(code: CodeSerially, docs: Iterable[Document], processes: int,
                      counters: Sequence[Counter[str]] = (),
                      chunk_size: int = 4) -> Iterator[tuple[Document, list[Mention]]]:
    """Each document with its records, in input order, coded by ``code`` in ``processes`` forked workers;
    ``counters`` (the statistics ``code`` updates) receive the workers' counts."""
    if not can_fork():
        yield from code(docs)
        return
    # The loaded model and tables move to the collector's permanent generation before the fork: the workers'
    # collections then never walk (and so never copy-on-write) the pages the parent shares with them.
    gc.freeze()
    try:
        yield from _pooled(code, docs, processes, counters, chunk_size)
    finally:
        gc.unfreeze()


def _pooled(code: CodeSerially, docs: Iterable[Document], processes: int, counters: Sequence[Counter[str]],
            chunk_size: int) -> Iterator[tuple[Document, list[Mention]]]:
    # Enough chunks in flight that workers keep coding while the caller commits a batch to the store.
    window = 8 * processes
    pending: deque[tuple[tuple[Document, ...], AsyncResult[Result]]] = deque()

    def drain(item: tuple[tuple[Document, ...], AsyncResult[Result]]) -> Coded:
        chunk, result = item
        records, counts = result.get()
        for counter, count in zip(counters, counts, strict=True):
            counter.update(count)
        return list(zip(chunk, records, strict=True))

    with multiprocessing.get_context("fork").Pool(processes, initializer=_install, initargs=(code, counters)) as pool:
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
