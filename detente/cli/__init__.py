"""The ``detente`` program: one subcommand per module in this package.

Each module exposes ``add_parser(sub)`` and ``run(args) -> int``; ``main`` only dispatches, so a command's
options, behaviour and tests live together.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from detente import __version__

# (module, command) in the order `detente --help` lists them.
COMMANDS = ("ingest", "documents", "code", "events", "export", "evaluate", "watch")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="detente",
        description="Turn news about two countries' relations into coded, resolved, deduplicated events.",
    )
    parser.add_argument("--version", action="version", version=f"detente {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"detente.cli.{name}")
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    from detente.api import SetupError

    try:
        return int(args.run(args))
    except SetupError as exc:
        print(exc, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("detente: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
