"""The real command in a subprocess, and the stores the CLI tests read, ingested once per session.

Each ``python -m detente`` run that codes text loads spaCy and the knowledge base (seconds), so tests that only
read what an ingest printed or stored share one run; a test that writes to a store gets its own copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import EXAMPLES, ROOT


def detente(*args: str, db: Path | None = None, stdin: str | None = None,
            cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m detente ARGS`` from ``cwd`` (the repository root), piped, with ``DETENTE_DB`` set to ``db`` or
    unset."""
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_DB"}
    if db is not None:
        env["DETENTE_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "detente", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=600)


def table(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def ingest_examples(tmp_path_factory: pytest.TempPathFactory,
                    folder: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """``detente ingest examples/``, piped, into a fresh store in a new temporary ``folder``: the store and what
    the command printed (the CLI and export tests' session stores)."""
    db = tmp_path_factory.mktemp(folder) / "seeds.duckdb"
    result = detente("ingest", str(EXAMPLES), db=db)
    assert result.returncode == 0, result.stderr
    return db, result


@pytest.fixture(scope="session")
def seeds_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """``detente ingest examples/`` once: the store and what the command printed. Read it only;
    ``seeds_db_copy`` is for tests that write."""
    return ingest_examples(tmp_path_factory, "seeds")


@pytest.fixture()
def seeds_db(seeds_ingest: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    return seeds_ingest[0]


@pytest.fixture()
def seeds_db_copy(seeds_ingest: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path) -> Path:
    """A private copy of the seeds store (DuckDB keeps it in one file once the command has closed it)."""
    source = seeds_ingest[0]
    assert not source.with_name(source.name + ".wal").exists()
    return Path(shutil.copy(source, tmp_path / source.name))
