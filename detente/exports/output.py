"""Where an export goes: a file written whole or not at all, or stdout; and the cell cleaning that keeps
attacker-written article text from acting as a spreadsheet formula or breaking a tab-separated row."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from detente.textsafe import formula_safe

STDOUT = "-"
# What a GDELT TSV cell cannot hold: its field and row separators (and the other line breaks readers honour).
_TSV_BREAKS = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def neutralize(text: str) -> str:
    """``text`` as a spreadsheet shows it but never runs it: a leading single quote before a formula start
    (= + - @, tab, carriage return; OWASP "CSV injection"). The rule is ``detente.textsafe``'s, shared with the
    ``events`` command's CSV."""
    return formula_safe(text)


def tsv_cell(text: str) -> str:
    """``text`` on one line without tabs: each run of tabs and line breaks becomes one space."""
    return _TSV_BREAKS.sub(" ", text)


@contextlib.contextmanager
def atomic_path(out: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``out`` to write; renamed over ``out`` when the block succeeds, removed when it
    fails, so a failed export never leaves a half-written file (nor replaces a good one)."""
    target = Path(out)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def text_output(out: str | os.PathLike[str], stdout: TextIO | None = None) -> Iterator[TextIO]:
    """A text stream for ``out``: stdout for ``-``, else a file written through ``atomic_path`` (UTF-8, ``\\n``
    line ends)."""
    if os.fspath(out) == STDOUT:
        yield stdout or sys.stdout
        return
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8", newline="") as stream:
        yield stream
