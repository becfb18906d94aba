"""Exit status and one-line errors: 0 ok, 1 some input rejected, 2 usage, setup, store or machine error, 3 an
internal error (one line pointing at ``--debug``, which shows the traceback)."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from detente import api
from detente.cli import main
from detente.records import Document
from detente.store.db import Store
from tests.cli.conftest import table
from tests.conftest import ROOT

TEXT = "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Monday."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        rc = main(list(argv))
    except SystemExit as exc:  # argparse refuses a bad option by exiting
        rc = int(exc.code or 0)
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "one.duckdb"
    with Store(path) as store:
        store.add_batch([(Document(id="a" * 64, text=TEXT, source_id="a", published=dt.date(2024, 1, 2)), [])])
    return path


@pytest.fixture()
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps({"id": f"r{n}", "text": f"{TEXT} Report {n}."}) + "\n" for n in (1, 2)))
    return path


@pytest.mark.parametrize(("argv", "option"), [
    (["ingest", "x.jsonl", "--batch-size", "0"], "--batch-size"),
    (["ingest", "x.jsonl", "--batch-size", "-1"], "--batch-size"),
    (["ingest", "x.jsonl", "--max-bytes", "-5"], "--max-bytes"),
    (["ingest", "x.jsonl", "--processes", "0"], "--processes"),
    (["code", "x.jsonl", "--processes", "two"], "--processes"),
    (["events", "--limit", "-1"], "--limit"),
    (["evaluate", "gold.jsonl", "--misses", "-1"], "--misses"),
])
def test_bad_numbers_are_one_line_and_status_2(capsys: pytest.CaptureFixture[str], argv: list[str],
                                               option: str) -> None:
    rc, out, err = run(capsys, *argv)
    assert (rc, out) == (2, "")
    (line,) = err.splitlines()
    assert line.startswith(f"detente {argv[0]}: argument {option}: expected a whole number of at least")
    assert line.endswith(f"(see detente {argv[0]} --help)")


def test_an_unknown_option_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run(capsys, "documents", "--colour")
    assert rc == 2 and len(err.splitlines()) == 1 and "unrecognized arguments: --colour" in err


def test_an_internal_error_is_one_line_pointing_at_debug(db: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> list[Document]:
        raise RuntimeError("unexpected\nstate")

    monkeypatch.setattr(api, "documents", broken)
    rc, out, err = run(capsys, "documents", "--db", str(db))
    assert (rc, out) == (3, "")
    assert err.splitlines() == ["detente: internal error: RuntimeError: unexpected state "
                                "(run again with --debug for the traceback)"]
    for argv in (["--debug", "documents", "--db", str(db)], ["documents", "--db", str(db), "--debug"]):
        rc, out, err = run(capsys, *argv)
        assert rc == 3
        assert "Traceback (most recent call last)" in err and 'raise RuntimeError("unexpected\\nstate")' in err


def test_a_store_fault_mid_ingest_is_one_line_and_keeps_what_was_committed(
        jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up on the second batch: the first batch stays, the message names the cause."""
    real = Store.add_batch
    calls = []

    def fills_up(self: Store, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            try:
                raise duckdb.IOException('IO Error: Could not write file "s.duckdb.wal": No space left on device')
            finally:  # a failed rollback after the failed write: the first error must be the one reported
                self.con.execute("ROLLBACK")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "add_batch", fills_up)
    db = tmp_path / "s.duckdb"
    rc, out, err = run(capsys, "ingest", str(jsonl), "--db", str(db), "--batch-size", "1")
    assert rc == 2
    assert err.splitlines() == ['detente: store error: IO Error: Could not write file "s.duckdb.wal": No space '
                                'left on device']
    assert table(db, "SELECT source_id FROM documents") == [("r1",)]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_full_disk_under_the_output_is_one_line(db: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "detente", "documents", "--db", str(db)], cwd=ROOT,
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["detente: No space left on device"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root is never denied permission")
def test_a_store_in_a_folder_without_write_permission_is_one_line(jsonl: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        rc, out, err = run(capsys, "ingest", str(jsonl), "--db", str(locked / "s.duckdb"))
    finally:
        locked.chmod(0o700)
    assert rc == 2 and len(err.splitlines()) == 1 and "s.duckdb" in err


def test_permission_denied_is_one_line_even_as_root(jsonl: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The OS error as the store would raise it where permission is denied (root is never denied, so the
    error is raised here): one line naming the file, status 2."""
    def denied(*args: object, **kwargs: object) -> Store:
        raise PermissionError(errno.EACCES, "Permission denied", "/locked/s.duckdb")

    monkeypatch.setattr(api, "open_store", denied)
    rc, out, err = run(capsys, "ingest", str(jsonl), "--db", "/locked/s.duckdb")
    assert (rc, out) == (2, "")
    assert err.splitlines() == ["detente: Permission denied: /locked/s.duckdb"]
