"""``detente export`` as a user runs it: files, stdout, exit status and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import detente


def test_export_writes_a_file_and_says_so(seeds_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = detente("export", "--format", "gdelt-events", "-o", str(out), "--dyad", "CHN-USA", db=seeds_db)
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    assert result.stderr.strip() == f"wrote {len(lines)} events to {out}" and result.stdout == ""


def test_stdout_for_text_formats(seeds_db: Path) -> None:
    result = detente("export", "--format", "jsonl", "--table", "documents", "-o", "-", db=seeds_db)
    assert result.returncode == 0, result.stderr
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 3
    headed = detente("export", "--format", "gdelt-mentions", "--header", "-o", "-", "--type", "CONSULT",
                     db=seeds_db)
    assert headed.returncode == 0 and headed.stdout.splitlines()[0].startswith("GLOBALEVENTID\tEventTimeDate")


def test_bad_options_exit_2_with_one_line(seeds_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x"
    for args in (["--format", "parquet", "-o", "-"], ["--format", "plover-json", "--table", "mentions", "-o", str(out)],
                 ["--format", "csv", "--header", "-o", str(out)]):
        result = detente("export", *args, db=seeds_db)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, args
    bad_date = detente("export", "--format", "csv", "--since", "June", "-o", str(out), db=seeds_db)
    assert bad_date.returncode == 2 and "YYYY" in bad_date.stderr
    missing = detente("export", "--format", "csv", "-o", str(out), db=tmp_path / "none.duckdb")
    assert missing.returncode == 2 and "no such store" in missing.stderr
    assert not out.exists()


def test_unwritable_path_exits_1_and_leaves_nothing(seeds_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing-dir" / "events.parquet"
    result = detente("export", "--format", "parquet", "-o", str(out), db=seeds_db)
    assert result.returncode == 1 and result.stderr.startswith(f"detente export: {out}: cannot write")
    assert not out.parent.exists()
