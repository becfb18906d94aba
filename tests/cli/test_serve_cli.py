"""``detente serve`` as a user starts it: a real process on 127.0.0.1, read-only without ``DETENTE_TOKEN``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import ROOT
from tests.serve.conftest import free_port


@contextmanager
def serving(db: Path, token: str | None = None) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DETENTE_DB", "DETENTE_TOKEN")}
    if token:
        env["DETENTE_TOKEN"] = token
    proc = subprocess.Popen([sys.executable, "-m", "detente", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/api/stats", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.communicate()[1]
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
        assert "Traceback" not in err, err


def test_serve_read_only_by_default(seeds_db: Path) -> None:
    with serving(seeds_db) as url:
        assert url.startswith("http://127.0.0.1:")
        stats = httpx.get(url + "/api/stats").json()
        assert stats["writable"] is False and stats["counts"]["documents"] == 3
        assert httpx.post(url + "/api/documents", json={"text": "x"}).status_code == 403
        page = httpx.get(url + "/")
        assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]


def test_serve_with_a_token_accepts_documents(seeds_db_copy: Path) -> None:
    with serving(seeds_db_copy, token="s3cret") as url:
        assert httpx.get(url + "/api/stats").json()["writable"] is True
        assert httpx.post(url + "/api/documents", json={"text": "x"}).status_code == 401


def test_serve_without_a_store_exits_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DETENTE_DB", "DETENTE_TOKEN")}
    done = subprocess.run([sys.executable, "-m", "detente", "serve", "--db", str(tmp_path / "none.duckdb")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().endswith("no such store (run `detente ingest` first)")
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_cli_loads_the_web_stack_only_to_serve() -> None:
    code = ("import sys, detente.cli; detente.cli.build_parser(); "
            "print(sorted(m for m in ('fastapi', 'uvicorn', 'jinja2', 'starlette') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
