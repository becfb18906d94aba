"""Waiting until a ``detente serve`` started as another process answers: uvicorn binds its port seconds after the
process starts (longer on a loaded machine), and whoever starts one (the gate tests, ``bench/serve.py``) must not
send its first request before. Here, in the package, because both the tests and the benchmarks import it, and
neither may import the other."""

from __future__ import annotations

import subprocess
import time
from typing import Any

import httpx


def wait_until_serving(proc: subprocess.Popen[Any], port: int, seconds: float) -> None:
    """Return once ``127.0.0.1:port`` answers ``/api/stats``; after ``seconds`` without, kill ``proc`` and raise
    ``RuntimeError`` with what it wrote to its standard error (``stderr=PIPE``), the reason it did not start."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    err = proc.communicate()[1] or ""
    raise RuntimeError(f"detente serve did not start: {err.decode() if isinstance(err, bytes) else err}")
