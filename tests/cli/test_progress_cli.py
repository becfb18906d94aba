"""A progress bar on a terminal, nothing extra when output is piped (the CLI tests run piped)."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT


def _run_on_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run with stdout and stderr on a pseudo-terminal and return everything it printed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    proc = subprocess.Popen([sys.executable, "-m", "detente", *args], cwd=ROOT, env=env,
                            stdin=subprocess.DEVNULL, stdout=follower, stderr=follower)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed when the process exited
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_and_silence_when_piped(
    tmp_path: Path, seeds_ingest: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    env = {**os.environ, "DETENTE_DB": str(tmp_path / "tty.duckdb")}
    shown = _run_on_terminal(["ingest", str(EXAMPLES)], env)
    assert "\rdocuments:" in shown and "doc" in shown, shown
    piped = seeds_ingest[1]  # the same ingest, piped (tests/cli/conftest.py)
    assert piped.returncode == 0
    assert piped.stderr == "" and "documents:" not in piped.stdout
