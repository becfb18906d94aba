"""The command line the one-off replay benches share (``batch_sql``, ``keys_sql``, ``candidate_parts``,
``checkpoint_state``, ``memory_beside``, ``process_age``): the script's docstring as its help, the corpus and
``scale.py``'s coded cache as options, and the coded corpus loaded once the arguments are read. Each script had
written these lines out again."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import scale
from timed_sql import CLOCK


def parser(doc: str | None, *, cpu_flag: bool = False) -> argparse.ArgumentParser:
    """A replay bench's parser, its own options still to add; ``cpu_flag``: it offers ``--cpu`` too."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=scale.DEFAULT_CORPUS)
    ap.add_argument("--mentions-from", type=Path, help="the coded corpus cache of bench/scale.py")
    if cpu_flag:
        ap.add_argument("--cpu", action="store_true", help="CPU seconds of this process instead of wall seconds "
                        "(less swayed by other jobs on a shared machine)")
    return ap


def parse(ap: argparse.ArgumentParser, *, cpu: bool = False) -> tuple[argparse.Namespace, scale.Coded]:
    """The arguments and the coded corpus. The timing wrapper (``timed_sql.CLOCK``) counts this process's CPU
    seconds when ``cpu`` is set or ``--cpu`` was given: a loaded machine sways them less than wall seconds."""
    args = ap.parse_args()
    if cpu or getattr(args, "cpu", False):
        CLOCK[0] = time.process_time
    return args, scale.load_coded(args.corpus, args.mentions_from)
