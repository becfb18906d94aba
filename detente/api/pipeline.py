"""Coding: the ``Pipeline`` (a loaded coder and its settings) that codes text and documents, and ingesting
(read, code, store in batches, each batch one transaction)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from detente.api.errors import SetupError
from detente.api.knowledge import load_actor_kb
from detente.api.reading import accepted, as_paths, log_rejection, read_items
from detente.api.stores import DbArg, PathLike, opened
from detente.config import DEFAULT_MAX_BYTES, EntitySource, resolve_actor_paths, resolve_entities
from detente.config import resolve_model as _resolve_model
from detente.records import Document, Mention, RunReport
from detente.store.db import BatchResult, Store

if TYPE_CHECKING:
    from detente.coding import Coder
    from detente.readers import Rejection


def load(*, model: str | None = None, actors: Sequence[PathLike] | None = None,
         entities: EntitySource | None = None, processes: int = 1, lazy: bool = False) -> Pipeline:
    """Load the knowledge base (bundled, plus ``actors`` files) and the spaCy model once. ``model``, ``actors``
    and ``entities`` default to ``DETENTE_MODEL``, ``DETENTE_ACTORS`` and ``DETENTE_ENTITIES``, then to the
    bundled model and rule-based entities; ``processes`` > 1 codes in forked worker processes. With ``lazy``
    the settings are checked now but the tables and model load on first use (a run with nothing new to code
    never pays for them). A bad setting raises ``SetupError``."""
    if processes < 1:
        raise SetupError(f"detente: processes must be at least 1, got {processes}")
    try:
        source = resolve_entities(entities)
    except ValueError as exc:
        raise SetupError(f"detente: {exc}") from exc
    pipe = Pipeline(model=_resolve_model(model), actors=resolve_actor_paths([os.fspath(p) for p in actors or ()]),
                    entities=source, processes=processes)
    if not lazy:
        pipe.coder  # noqa: B018 - load now: a bad actor file or model fails before any work
    return pipe


class Pipeline:
    """A coder and its settings: text or documents in, mentions out; or straight into a store."""

    def __init__(self, *, model: str, actors: Sequence[str] = (), entities: EntitySource = "rules",
                 processes: int = 1) -> None:
        self.model = model
        self.actors = list(actors)
        self.entities: EntitySource = entities
        self.processes = processes
        self._coder: Coder | None = None

    @property
    def coder(self) -> Coder:
        """The loaded coder (knowledge base and spaCy model), built on first use."""
        if self._coder is None:
            from detente.coding import Coder

            kb = load_actor_kb(self.actors)
            coder = Coder(kb=kb, model=self.model, n_process=self.processes, entities=self.entities)
            try:
                coder.nlp  # noqa: B018 - load now, so a bad model name fails before any work
            except (OSError, ImportError, ValueError) as exc:
                raise SetupError(f"detente: cannot load spaCy model {self.model!r}: {exc}") from exc
            self._coder = coder
        return self._coder

    def code(self, text: str, *, published: dt.date | str | None = None, title: str | None = None,
             outlet: str | None = None, url: str | None = None, document_id: str | None = None) -> list[Mention]:
        """The mentions in ``text`` (taken as given, not cleaned: use ``read`` for scraped pages), as if
        published on ``published`` (a date or a date string): relative dates and office holders resolve to it."""
        from detente.readers import content_id
        from detente.readers.dates import parse_date
        from detente.textsafe import without_surrogates as safe

        day = parse_date(published) if isinstance(published, str) else published
        text = safe(text)  # a lone surrogate cannot be hashed or stored: U+FFFD, as the readers do
        doc = Document(id=content_id(text), text=text, source_id=document_id and safe(document_id), published=day,
                       title=title and safe(title), outlet=outlet and safe(outlet), url=url and safe(url))
        return next(iter(self.coder.code_documents([doc])))[1]

    def code_documents(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
        """Each document with its mentions, in input order, streaming. The model loads only when there is a
        first document: a run with nothing new to code never pays for it."""
        it = iter(docs)
        first = next(it, None)
        if first is None:
            return iter(())
        return self.coder.code_documents(itertools.chain([first], it))

    def ingest(self, items: Iterable[Document | Rejection], db: DbArg = None, *, batch_size: int = 32,
               inputs: Sequence[str] = (), on_reject: Callable[[Rejection], None] | None = None,
               on_batch: Callable[[BatchResult], None] | None = None, engine: str = "local",
               workers: int | None = None, ray_address: str | None = None) -> RunReport:
        """Code and store documents not yet in the store, one transaction per ``batch_size`` documents; events
        are clustered in the same transaction. Rejections are counted and passed to ``on_reject``. ``engine``
        "ray" codes in ``workers`` Ray actors (at ``ray_address``) and commits here the same way
        (docs/scaleout.md)."""
        if batch_size < 1:
            raise SetupError(f"detente: batch size must be at least 1, got {batch_size}")
        coded = self._engine(engine, workers, ray_address)
        with opened(db) as store:
            report = RunReport(run_id=store.start_run("ingest", inputs), db=str(store.path))

            def rejected(item: Rejection) -> None:
                report.rejected += 1
                report.rejections.append(item.message())
                (on_reject or log_rejection)(item)

            status = "failed"
            try:
                fresh = _fresh(_batched(accepted(items, rejected), batch_size), store, report)
                # One coding stream for the whole run (worker processes start once); commits are grouped in
                # batches behind it.
                for chunk in _batched(coded(fresh), batch_size):
                    result = store.add_batch(chunk, run_id=report.run_id)
                    report.ingested += len(result.added)
                    report.duplicates += len(result.duplicates)
                    report.mentions += result.mentions
                    if on_batch is not None:
                        on_batch(result)
                status = "done"
            finally:
                store.finish_run(report.run_id, ingested=report.ingested, duplicates=report.duplicates,
                                 rejected=report.rejected, mentions=report.mentions, status=status)
            report.totals = store.counts()
        return report

    def _engine(self, engine: str, workers: int | None,
                address: str | None) -> Callable[[Iterable[Document]], Iterator[tuple[Document, list[Mention]]]]:
        """The coding stream of ``engine``, checked before anything is read: a bad choice is a setup error."""
        if workers is not None and workers < 1:
            raise SetupError(f"detente: workers must be at least 1, got {workers}")
        if engine == "local":
            return self.code_documents
        if engine != "ray":
            raise SetupError(f"detente: unknown engine {engine!r} (expected local or ray)")
        from detente.scaleout.ray_engine import CoderSettings, RayUnavailable, code_on_ray, require_ray

        try:
            require_ray()
        except RayUnavailable as exc:
            raise SetupError(f"detente: {exc}") from exc
        settings = CoderSettings(model=self.model, actors=tuple(os.path.abspath(a) for a in self.actors),
                                 entities=self.entities)

        def coded(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
            try:
                yield from code_on_ray(docs, settings, workers=workers, address=address)
            except RayUnavailable as exc:
                raise SetupError(f"detente: {exc}") from exc

        return coded


def ingest(paths: PathLike | Iterable[PathLike], db: DbArg = None, *, model: str | None = None,
           actors: Sequence[PathLike] | None = None, entities: EntitySource | None = None, processes: int = 1,
           batch_size: int = 32, max_bytes: int = DEFAULT_MAX_BYTES,
           on_reject: Callable[[Rejection], None] | None = None, engine: str = "local",
           workers: int | None = None, ray_address: str | None = None) -> RunReport:
    """Read, code and store ``paths`` into the store ``db`` (default ``DETENTE_DB``, else ./detente.duckdb).
    The same article twice is one document; a killed run, rerun, loses and duplicates nothing. ``engine``
    "ray" codes on a Ray cluster (``workers`` actors, ``ray_address``); reading and the store stay here."""
    items = as_paths(paths)
    # With the ray engine the model loads in the actors, not here.
    pipe = load(model=model, actors=actors, entities=entities, processes=processes, lazy=engine == "ray")
    return pipe.ingest(read_items(items, max_bytes=max_bytes), db, batch_size=batch_size,
                       inputs=[os.fspath(p) for p in items], on_reject=on_reject, engine=engine, workers=workers,
                       ray_address=ray_address)


def _fresh(batches: Iterable[list[Document]], store: Store, report: RunReport) -> Iterator[Document]:
    """Documents not yet stored (by content hash) and not seen earlier in this run; the rest are counted as
    duplicates before any coding is spent on them."""
    seen: set[str] = set()
    for batch in batches:
        known = store.known_ids(d.id for d in batch)
        for doc in batch:
            if doc.id in known or doc.id in seen:
                report.duplicates += 1
                continue
            seen.add(doc.id)
            yield doc


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
