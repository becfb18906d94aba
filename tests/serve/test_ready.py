"""Waiting for a server process (detente/serve/ready.py): it returns once the port answers and leaves the process
running; a process that never serves is killed, and what it wrote to stderr says why."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from detente.serve.ready import wait_until_serving
from tests.serve.conftest import free_port


class _Stats(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self.send_response(200 if self.path == "/api/stats" else 404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


@pytest.fixture()
def answering_port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stats)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()
    server.server_close()


def _idle(stderr: str = "", text: bool = True) -> subprocess.Popen[str] | subprocess.Popen[bytes]:
    """A process that has written ``stderr`` (it says so on stdout before this returns) and waits, serving nothing."""
    code = (f"import sys, time; sys.stderr.write({stderr!r}); sys.stderr.flush(); print('ready', flush=True); "
            "time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=text)
    assert proc.stdout is not None and proc.stdout.readline().strip() in ("ready", b"ready")
    return proc


def test_returns_once_the_port_answers_and_leaves_the_process_running(answering_port: int) -> None:
    proc = _idle()
    try:
        wait_until_serving(proc, answering_port, seconds=30)
        assert proc.poll() is None
    finally:
        proc.kill()
        proc.communicate()


@pytest.mark.parametrize("text", [True, False])
def test_a_process_that_never_serves_is_killed_and_its_stderr_told(text: bool) -> None:
    proc = _idle("no store at /nowhere.duckdb", text=text)
    with pytest.raises(RuntimeError, match=r"detente serve did not start: no store at /nowhere\.duckdb"):
        wait_until_serving(proc, free_port(), seconds=1)
    assert proc.returncode is not None
