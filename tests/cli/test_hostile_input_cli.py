"""The inputs that crashed whole runs (issue 16), through the real command: each is at most one line on stderr,
the good records beside them are stored, and the run ends with status 1 (some input rejected), never a
traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import table
from tests.conftest import EXAMPLES, ROOT

SEED = EXAMPLES / "000_69b6d8408b5211e1.txt"
GOOD = "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Monday."
EVENT = "China and the United States met. "
PAGE = ('<html><head><meta property="og:site_name" content="Evil<script>alert(1)</script>">'
        '<meta property="og:title" content="Talks &lt;b&gt;held&lt;/b&gt;<img src=x onerror=alert(1)>"></head>'
        f"<body><article><p>{GOOD.replace('Monday', 'Sunday')}</p><p>{GOOD.replace('Monday', 'Saturday')}</p>"
        "</article></body></html>")


def ingest(*paths: Path | str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_DB"}
    # a timeout far under the helper's: a named pipe that is opened blocks for ever
    return subprocess.run([sys.executable, "-m", "detente", "ingest", "--db", str(db), *map(str, paths)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """One ingest of every crasher beside good records: the store, the inputs folder and what was printed."""
    top = tmp_path_factory.mktemp("hostile")
    folder = top / "folder"
    folder.mkdir()
    (folder / "a_seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
        os.mkfifo(top / "pipe.jsonl")
    records = [
        {"id": "surrogate", "title": "Talks\ud800", "text": GOOD + " Lone \udfff surrogate."},
        {"id": "paragraph", "text": EVENT * (1_000_000 // len(EVENT) + 100)},  # one paragraph > 1,000,000 chars
        {"id": "good", "text": GOOD.replace("Monday", "Tuesday")},
    ]
    dump = top / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    wide = top / "wide.txt"
    wide.write_bytes((GOOD.replace("Monday", "Friday") + " Both sides called the talks candid.").encode("utf-16-le"))
    db = top / "s.duckdb"
    paths: list[Path | str] = [folder, dump, wide]
    if hasattr(os, "mkfifo"):
        paths.append(top / "pipe.jsonl")
    if os.path.exists("/dev/zero"):
        paths.append("/dev/zero")
    return db, top, ingest(*paths, db=db)


def test_no_traceback_and_status_1(run: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    _db, _top, result = run
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr


def test_each_crasher_is_one_line(run: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    _db, top, result = run
    expected = [f"{top / 'folder' / 'loop.txt'}: cannot read (symbolic link loop)"]
    if hasattr(os, "mkfifo"):
        expected += [f"{top / 'folder' / 'pipe.txt'}: not a regular file (a named pipe)",
                     f"{top / 'pipe.jsonl'}: not a regular file (a named pipe)"]
    if os.path.exists("/dev/zero"):
        expected.append("/dev/zero: not a regular file (a character device)")
    assert result.stderr.splitlines() == expected


def test_the_good_records_beside_them_are_stored(run: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    db, _top, _result = run
    stored = dict(table(db, "SELECT source_id, title FROM documents"))
    assert set(stored) == {"a_seed", "page", "surrogate", "paragraph", "good", "wide"}
    assert stored["surrogate"] == "Talks\ufffd"
    (text,) = table(db, "SELECT text FROM documents WHERE source_id = 'surrogate'")[0]
    assert "Lone \ufffd surrogate." in text
    counts = dict(table(db, "SELECT d.source_id, count(m.mention_id) FROM documents d "
                            "LEFT JOIN mentions m ON m.doc_id = d.id GROUP BY d.source_id"))
    assert counts["good"] >= 1 and counts["wide"] >= 1
    assert 0 < counts["paragraph"] <= 2 * 400  # the coding budget, not 30,000 sentences' worth


def test_a_rerun_adds_nothing_and_does_not_crash(run: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    db, top, _result = run
    again = ingest(top / "dump.jsonl", db=db)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("ingested 0, duplicate 3, rejected 0")


def test_outlet_and_title_from_html_metadata_are_plain_text(
        run: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    db, _top, _result = run
    assert table(db, "SELECT outlet, title FROM documents WHERE source_id = 'page'") == [("Evil", "Talks held")]
