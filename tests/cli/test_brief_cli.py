"""`detente brief` end to end: the seeds store ingested by the real CLI, both formats, the default file name,
an empty week, and one-line errors with status 2."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import detente as run_detente


def test_brief_html_and_markdown(seeds_db: Path, tmp_path: Path) -> None:
    page = tmp_path / "out" / "brief.html"
    page.parent.mkdir()
    result = run_detente("brief", "--week", "2024-01-08", "--format", "html", "-o", str(page), db=seeds_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(page) and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    md = tmp_path / "brief.md"
    result = run_detente("brief", "--week", "2024-01-10", "--dyad", "usa-chn", "--format", "md", "-o", str(md),
                         db=seeds_db)
    assert result.returncode == 0, result.stderr
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# USA–CHN weekly brief") and "](brief-index.svg)" in text
    assert (tmp_path / "brief-index.svg").is_file()


def test_brief_default_path_and_empty_week(seeds_db: Path, tmp_path: Path) -> None:
    result = run_detente("brief", "--week", "2021-03-03", "--format", "md", "-o", str(tmp_path / "empty.md"),
                         db=seeds_db)
    assert result.returncode == 0, result.stderr
    assert "No exchanges between CHN and USA are recorded for the week of 2021-03-01" in \
        (tmp_path / "empty.md").read_text(encoding="utf-8")
    # in a folder of its own: `make demo` leaves this very file in the checkout
    here = tmp_path / "here"
    here.mkdir()
    default = here / "brief-CHN-USA-2024-01-08.html"
    result = run_detente("brief", "--week", "2024-01-08", db=seeds_db, cwd=here)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == default.name and default.is_file()


def test_brief_errors_are_one_line(seeds_db: Path, tmp_path: Path) -> None:
    for args, message in [
        (("--dyad", "CHN-XYZ"), "detente brief: unknown country code 'XYZ' in dyad CHN-XYZ"),
        (("--dyad", "CHINA"), "detente brief: expected two country codes like CHN-USA, got 'CHINA'"),
        (("--week", "2024-13-01"), "detente brief: expected a week as YYYY-MM-DD (any day of it), got '2024-13-01'"),
        (("-o", str(tmp_path / "missing" / "b.html")), "No such file or directory"),
    ]:
        result = run_detente("brief", "--week", "2024-01-08", *args, db=seeds_db)
        assert result.returncode == 2, (args, result.stdout)
        assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr
        assert result.stdout == ""
    missing = run_detente("brief", "--week", "2024-01-08", db=tmp_path / "nope" / "none.duckdb")
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1
