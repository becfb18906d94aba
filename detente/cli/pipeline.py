"""The path every document takes from input to coded records, shared by ``ingest`` and ``code``.

Readers yield documents and rejections; documents are grouped into batches so the parser sees many
sentences at once and the store commits once per batch.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from detente.cli.common import error, progress
from detente.config import resolve_actor_paths, resolve_entities, resolve_model
from detente.records import Document, Mention


@dataclass(slots=True)
class Tally:
    ingested: int = 0
    duplicates: int = 0
    rejected: int = 0
    mentions: int = 0


def read_batches(args: argparse.Namespace, tally: Tally) -> Iterator[list[Document]]:
    """Documents from the command's inputs in batches; each rejection is reported on one stderr line."""
    from detente.ingest import Rejection, iter_documents

    batch: list[Document] = []
    stdin = sys.stdin.buffer if "-" in args.paths else None
    items = iter_documents(args.paths, max_bytes=args.max_bytes, stdin=stdin)
    for item in progress(items, desc="documents"):
        if isinstance(item, Rejection):
            tally.rejected += 1
            error(item.message())
            continue
        batch.append(item)
        if len(batch) >= args.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


CodeBatch = Callable[[Iterable[Document]], Iterator[tuple[Document, list[Mention]]]]


class SetupError(RuntimeError):
    """A problem with the command's setup (actor files, model): reported in one line, exit status 2."""


def make_coder(args: argparse.Namespace) -> CodeBatch:
    """Load the knowledge base and the spaCy model once; return the batch coding function."""
    from detente.coding import Coder
    from detente.resolve.actors import ActorDataError, ActorKB

    try:
        kb = ActorKB.load(resolve_actor_paths(args.actors))
    except (ActorDataError, OSError) as exc:
        raise SetupError(f"detente: actor knowledge base: {exc}") from exc
    model = resolve_model(args.model)
    try:
        entities = resolve_entities(args.entities)
    except ValueError as exc:
        raise SetupError(f"detente: {exc}") from exc
    coder = Coder(kb=kb, model=model, n_process=args.processes, entities=entities)
    try:
        coder.nlp  # noqa: B018 - load now, so a bad model name fails before any work
    except (OSError, ImportError, ValueError) as exc:
        raise SetupError(f"detente: cannot load spaCy model {model!r}: {exc}") from exc
    return coder.code_documents
