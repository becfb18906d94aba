"""End to end through the real command: ingest, documents, code, bad input, idempotence, SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import detente, table
from tests.conftest import EXAMPLES, ROOT

SEED_DATES = {
    "000_69b6d8408b5211e1": "2023-09-30",
    "001_f0cbdb990b61ab6f": "2024-01-11",
    "002_aaa8e36048052d9a": "2024-01-12",
}
SEED_000 = EXAMPLES / "000_69b6d8408b5211e1.txt"
STDIN_TEXT = "US Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing."


def test_seeds_ingest_reports_its_counts(seeds_ingest: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    assert "ingested 3, duplicate 0, rejected 0" in seeds_ingest[1].stdout


def test_seeds_are_stored_with_dates_genres_and_mentions(seeds_db: Path) -> None:
    rows = table(seeds_db, "SELECT source_id, published, genre FROM documents ORDER BY source_id")
    assert {r[0]: r[1].isoformat() for r in rows} == SEED_DATES
    assert [r[2] for r in rows] == ["news", "editorial", "newsletter"]
    assert table(seeds_db, "SELECT count(*) FROM mentions")[0][0] >= 10
    (status,) = table(seeds_db, "SELECT status FROM runs")[0]
    assert status == "done"


def test_reingest_is_a_no_op_reported_as_duplicates(seeds_db_copy: Path) -> None:
    db = seeds_db_copy
    before = table(db, "SELECT count(*) FROM documents")[0][0], table(db, "SELECT count(*) FROM mentions")
    result = detente("ingest", str(EXAMPLES), db=db)
    assert result.returncode == 0
    assert "ingested 0, duplicate 3, rejected 0" in result.stdout
    after = table(db, "SELECT count(*) FROM documents")[0][0], table(db, "SELECT count(*) FROM mentions")
    assert before == after


def test_documents_command_lists_what_is_stored(seeds_db: Path) -> None:
    result = detente("documents", "--db", str(seeds_db))
    assert result.returncode == 0
    assert "2024-01-11" in result.stdout and "editorial" in result.stdout and "3 documents" in result.stdout
    jsonl = detente("documents", "--db", str(seeds_db), "--format", "jsonl")
    assert len(jsonl.stdout.splitlines()) == 3
    assert {json.loads(line)["published"] for line in jsonl.stdout.splitlines()} == set(SEED_DATES.values())


def test_bad_inputs_are_reported_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"id": "ok", "text": "Chinese Foreign Minister Wang Yi met Antony Blinken in Beijing on Monday.",
                    "published": "2023-06-20"}) + "\n{broken json\n"
        + json.dumps({"id": "notext", "published": "2023-06-20"}) + "\n"
        + json.dumps({"id": "baddate", "text": "Xi Jinping met Joe Biden in Bali.", "published": "2023-02-30"})
        + "\n"
    )
    db = tmp_path / "bad.duckdb"
    result = detente("ingest", str(tmp_path), db=db)
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert any(line.startswith(f"{tmp_path / 'empty.txt'}:") for line in errors)
    assert any(line.startswith(f"{tmp_path / 'binary.txt'}:") for line in errors)
    assert any(line.startswith(f"{good}:2:") for line in errors)
    assert any(line.startswith(f"{good}:3:") for line in errors)
    assert any(line.startswith(f"{good}:4:") for line in errors)
    assert "ingested 1, duplicate 0, rejected 5" in result.stdout
    assert table(db, "SELECT source_id FROM documents") == [("ok",)]


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One ``detente code`` run over a seed file and a JSONL line on stdin (both tests below read it), with
    ``DETENTE_DB`` pointing at a store that must not come into being."""
    never = tmp_path_factory.mktemp("code") / "never.duckdb"
    line = json.dumps({"text": STDIN_TEXT, "published": "2023-06-19"})
    result = detente("code", str(SEED_000), "-", db=never, stdin=line + "\n")
    assert result.returncode == 0, result.stderr
    return result, never


def test_code_prints_event_records_and_touches_no_store(coded: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, never = coded
    records = [json.loads(line) for line in result.stdout.splitlines()]
    from_file = [r for r in records if r["document_id"] == SEED_000.stem]
    assert from_file and all(r["doc_id"] and r["type"] and r["sentence"] for r in from_file)
    assert not never.exists()


def test_code_reads_jsonl_from_stdin(coded: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    records = [json.loads(x) for x in coded[0].stdout.splitlines()]
    from_stdin = [r for r in records if r["document_id"] != SEED_000.stem]
    assert from_stdin and all(r["sentence"] == STDIN_TEXT for r in from_stdin)
    assert any(r["type"] == "CONSULT" for r in from_stdin)


def _kill_after_commits(cmd: list[str], env: dict[str, str], commits: int) -> int:
    """Start an ingest and SIGKILL it once it has committed some batches; returns how many it reported."""
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("committed batch"):
            seen += 1
            if seen >= commits:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    return seen


def test_sigkill_mid_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path: Path, voa_path: Path) -> None:
    corpus = tmp_path / "voa30.jsonl"
    corpus.write_text("".join(voa_path.read_text(encoding="utf-8").splitlines(keepends=True)[:30]))
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    assert detente("ingest", "--batch-size", "3", str(corpus), db=clean).returncode == 0

    env = {**os.environ, "DETENTE_DB": str(killed)}
    cmd = [sys.executable, "-m", "detente", "ingest", "-v", "--batch-size", "3", str(corpus)]
    assert _kill_after_commits(cmd, env, commits=2) == 2
    partial = table(killed, "SELECT count(*) FROM documents")[0][0]
    assert 6 <= partial < 30, "the kill must land mid-ingest"
    assert table(killed, "SELECT status FROM runs") == [("running",)]

    rerun = detente("ingest", "--batch-size", "3", str(corpus), db=killed)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested {30 - partial}, duplicate {partial}" in rerun.stdout
    for sql in ("SELECT id FROM documents ORDER BY id",
                "SELECT mention_id, doc_id, type FROM mentions ORDER BY mention_id",
                "SELECT event_id, mentions, documents FROM events ORDER BY event_id"):
        assert table(killed, sql) == table(clean, sql), sql


def test_voa_corpus_ingests_with_dates_and_titles(tmp_path: Path, voa_path: Path) -> None:
    db = tmp_path / "voa.duckdb"
    result = detente("ingest", str(voa_path), db=db)
    assert result.returncode == 0, result.stderr
    stored = {r[0]: (r[1].isoformat(), r[2]) for r in table(db, "SELECT source_id, published, title FROM documents")}
    expected = {}
    for line in voa_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        expected[str(rec["id"])] = (rec["published"][:10], rec["title"])
    assert stored == expected
