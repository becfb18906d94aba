"""Coding in Ray actors: the documents are read by the caller, coded on a Ray cluster, and stored by the caller.

Each actor loads the knowledge base and the spaCy model once and codes chunks of whole documents, the way
``detente.coding.parallel`` does with forked processes on one machine; only the records travel back, since the
caller still holds the documents. Chunks are submitted from the caller's thread with a bounded number in flight,
so the input may be any stream (memory stays flat) and the results come back in input order: the caller commits
them exactly as it commits locally coded ones. Ray Data's ``map_batches`` would need the whole input as a
dataset up front and returns blocks out of the caller's reach until they are done; a plain actor set keeps the
stream and the order.

Ray is imported only when a run starts (``import detente`` never loads it); without it, or without a cluster to
join, a run fails before anything is read, with ``RayUnavailable``.
"""

from __future__ import annotations

import logging
import os
import socket
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from detente.config import EntitySource
from detente.records import Document, Mention

log = logging.getLogger("detente")

INSTALL_HINT = "pip install 'detente[ray]'"
CONNECT_TIMEOUT_S = 10.0


class RayUnavailable(RuntimeError):
    """Ray is not installed, the cluster cannot be joined, or a coding actor cannot start."""


@dataclass(frozen=True, slots=True)
class CoderSettings:
    """What an actor needs to build the same coder as the caller's: this travels to the workers, so the
    model package and any extra actor files must exist on every node (at the same path)."""

    model: str
    actors: tuple[str, ...] = ()
    entities: EntitySource = "rules"


class CodingWorker:
    """The body of one Ray actor: one coder, loaded when the actor starts, coding chunk after chunk."""

    def __init__(self, settings: CoderSettings) -> None:
        from detente.coding import Coder
        from detente.resolve.actors import ActorKB

        self.coder = Coder(kb=ActorKB.load(settings.actors), model=settings.model, entities=settings.entities)
        self.coder.nlp  # noqa: B018 - load the model now: a bad model fails at start, not on the first chunk

    def ready(self) -> bool:
        return True

    def code(self, chunk: Sequence[Document]) -> list[list[Mention]]:
        return [records for _doc, records in self.coder.code_documents_serial(chunk)]


def require_ray() -> Any:
    """The ``ray`` module, or ``RayUnavailable`` saying how to install it."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailable(f"the ray engine needs Ray, which is not installed ({INSTALL_HINT})") from exc
    return ray


def code_on_ray(docs: Iterable[Document], settings: CoderSettings, *, workers: int | None = None,
                address: str | None = None, chunk_size: int = 4,
                window: int = 4) -> Iterator[tuple[Document, list[Mention]]]:
    """Each document with its records, in input order, coded by ``workers`` Ray actors (default: one per CPU
    of the cluster). Joins the running Ray session, else the cluster at ``address`` (default ``RAY_ADDRESS``,
    else a new local one), and leaves a session it started when done. Nothing starts before the first
    document. ``window`` chunks per actor are in flight so the actors keep coding while the caller commits."""
    it = iter(docs)
    first = next(it, None)
    if first is None:
        return
    ray = require_ray()
    started = _connect(ray, address)
    try:
        actors = _start_actors(ray, settings, workers)
        try:
            yield from _stream(ray, actors, _chunks(first, it, chunk_size), window * len(actors))
        finally:
            for actor in actors:
                ray.kill(actor)
    finally:
        if started:
            ray.shutdown()


def _connect(ray: Any, address: str | None) -> bool:
    """Join the session or cluster; True when this call started it (and so must shut it down)."""
    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS") or None
    if address:
        _check_reachable(address)
    try:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = address or "RAY_ADDRESS or a new local cluster"
        raise RayUnavailable(f"cannot join the Ray cluster at {where}: {exc}") from exc
    return True


def _check_reachable(address: str) -> None:
    """A head that does not answer makes ``ray.init`` retry for minutes: a plain ``HOST:PORT`` is tried first
    with a short timeout (``auto`` and ``ray://`` addresses are left to Ray)."""
    host, sep, port = address.rpartition(":")
    if not sep or "://" in address or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise RayUnavailable(f"cannot reach the Ray head at {address}: {exc.strerror or exc}") from exc


def _start_actors(ray: Any, settings: CoderSettings, workers: int | None) -> list[Any]:
    cpus = int(ray.cluster_resources().get("CPU", 1))
    count = workers or max(1, cpus)
    if count > cpus:
        log.warning("detente: %d Ray workers asked for but the cluster has %d CPUs: some wait for CPUs to join",
                    count, cpus)
    actor_class = ray.remote(num_cpus=1)(CodingWorker)
    actors = [actor_class.remote(settings) for _ in range(count)]
    try:
        ray.get([actor.ready.remote() for actor in actors])
    except ray.exceptions.RayError as exc:
        for actor in actors:
            ray.kill(actor)
        first = " ".join(str(exc).split())[:300]
        raise RayUnavailable(f"a Ray coding worker could not start: {first}") from exc
    return actors


def _chunks(first: Document, rest: Iterator[Document], size: int) -> Iterator[tuple[Document, ...]]:
    chunk = [first]
    for doc in rest:
        if len(chunk) >= size:
            yield tuple(chunk)
            chunk = []
        chunk.append(doc)
    yield tuple(chunk)


def _stream(ray: Any, actors: list[Any], chunks: Iterable[tuple[Document, ...]],
            limit: int) -> Iterator[tuple[Document, list[Mention]]]:
    """Each chunk goes to the actor with the fewest chunks in flight; results are taken in submission order."""
    load = [0] * len(actors)
    pending: deque[tuple[tuple[Document, ...], int, Any]] = deque()

    def drain() -> Iterator[tuple[Document, list[Mention]]]:
        chunk, index, ref = pending.popleft()
        records = ray.get(ref)
        load[index] -= 1
        return zip(chunk, records, strict=True)

    for chunk in chunks:
        index = min(range(len(actors)), key=load.__getitem__)
        pending.append((chunk, index, actors[index].code.remote(chunk)))
        load[index] += 1
        while len(pending) >= limit:
            yield from drain()
    while pending:
        yield from drain()
