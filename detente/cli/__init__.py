"""The ``detente`` program: one subcommand per module in this package.

Each module exposes ``add_parser(sub)`` and ``run(args) -> int``; ``main`` only dispatches, so a command's
options, behaviour and tests live together.

Exit status, for every command: 0 ok; 1 some input was rejected (or, for ``events --id``, no such event); 2 a
usage, setup or store error, or the machine's (disk full, permission denied), as one line; 3 an internal error:
one line naming it and ``--debug``, which shows the traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from detente import __version__

# (module, command) in the order `detente --help` lists them.
COMMANDS = ("ingest", "documents", "code", "events", "export", "evaluate", "watch", "index", "quotes",
            "numbers", "upcoming", "tone", "serve", "brief")


def build_parser() -> argparse.ArgumentParser:
    from detente.cli.common import OneLineParser

    parser = OneLineParser(
        prog="detente",
        description="Turn news about two countries' relations into coded, resolved, deduplicated events.",
    )
    parser.add_argument("--version", action="version", version=f"detente {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"detente.cli.{name}")
        module.add_parser(sub)
    for command in sub.choices.values():  # also after the command; absent there, the global value stands
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    from detente.api import SetupError, StoreError

    try:
        status = int(args.run(args))
        sys.stdout.flush()  # a full disk under redirected output shows here, not at exit
        return status
    except (SetupError, StoreError) as exc:
        message = str(exc)
        # "detente: …" and "detente CMD: …" name the program already; "detente.duckdb: …" (a store) does not
        named = message.startswith(("detente:", "detente "))
        print(message if named else f"detente: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("detente: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _flush_or_silence()
        return 0
    except Exception as exc:
        return _failed(exc, debug=args.debug)


def _failed(exc: Exception, *, debug: bool) -> int:
    """2 and one line for the store's or the machine's errors, 3 and one line for anything else (a bug);
    ``--debug`` adds the traceback."""
    from detente.cli.common import fault_line

    if debug:
        traceback.print_exc()
    line = fault_line(exc)
    if line is None:
        print(f"detente: internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
              f"(run again with --debug for the traceback)", file=sys.stderr)
        return 3
    print(line, file=sys.stderr)
    _flush_or_silence()
    return 2


def _flush_or_silence() -> None:
    """Output that cannot be written (a closed pipe, a full disk) must not fail a second time when Python
    flushes it at exit, with a traceback: then standard output goes to the null device."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # an output without a file descriptor: nothing is flushed at exit
            pass
