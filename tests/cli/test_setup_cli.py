"""Command setup from the command line: user actor files, bad actor files, bad model names, entity sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.cli import main
from tests.cli.conftest import detente, table

TEXT = "Norwegian envoy Ola Fjellheim met Chinese Foreign Minister Wang Yi in Beijing on Monday."


def _doc(tmp_path: Path) -> Path:
    doc = tmp_path / "doc.jsonl"
    doc.write_text(json.dumps({"id": "d", "text": TEXT, "published": "2024-03-06"}) + "\n")
    return doc


def _code(*options: str, tmp_path: Path) -> tuple[int, list[dict], str]:
    """``detente code`` in a subprocess: for runs that load a pipeline and code."""
    result = detente("code", *options, str(_doc(tmp_path)))
    return result.returncode, [json.loads(x) for x in result.stdout.splitlines()], result.stderr


def _refused(*options: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``detente code`` through ``main`` in this process, for setups refused before any text is coded: the
    argument parsing, the one-line report and the exit status are the command's own, without a process start."""
    try:
        rc = main(["code", *options, str(_doc(tmp_path))])
    except SystemExit as exc:  # argparse refuses a bad flag by exiting
        rc = int(exc.code or 0)
    out, err = capsys.readouterr()
    return rc, out, err


def test_user_actor_file_adds_a_person(tmp_path: Path) -> None:
    actors = tmp_path / "mine.csv"
    actors.write_text("name,country,title,sector,from,to,aliases\n"
                      "Ola Fjellheim,NOR,special envoy to China,GOV,2023-01,,\n")
    rc, records, stderr = _code("--actors", str(actors), tmp_path=tmp_path)
    assert rc == 0, stderr
    sources = [a for r in records for a in r["source"] + r["target"] if "Fjellheim" in a["text"]]
    assert sources and sources[0]["name"] == "Ola Fjellheim" and sources[0]["country"] == "NOR"


def test_bad_actor_file_is_one_line_naming_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    actors = tmp_path / "bad.csv"
    actors.write_text("name,country,title,sector,from,to,aliases\nSomeone,NOR,mayor,GOV,someday,,\n")
    rc, stdout, stderr = _refused("--actors", str(actors), tmp_path=tmp_path, capsys=capsys)
    assert rc == 2 and stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and f"{actors}:2" in lines[0] and "someday" in lines[0]


def test_unknown_model_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, stdout, stderr = _refused("--model", "no_such_model_xyz", tmp_path=tmp_path, capsys=capsys)
    assert rc == 2 and stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "no_such_model_xyz" in lines[0]


def test_entities_from_the_models_ner_on_request(tmp_path: Path) -> None:
    rc, records, stderr = _code("--entities", "model", tmp_path=tmp_path)
    assert rc == 0, stderr
    assert any(r["type"] == "CONSULT" and "CHN" in [a["country"] for a in r["source"] + r["target"]]
               for r in records)


def test_bad_entity_source_in_the_environment_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DETENTE_ENTITIES", "bogus")
    rc, stdout, stderr = _refused(tmp_path=tmp_path, capsys=capsys)
    assert rc == 2 and stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "DETENTE_ENTITIES" in lines[0] and "rules, model" in lines[0]


def test_bad_entity_source_flag_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, stdout, stderr = _refused("--entities", "bogus", tmp_path=tmp_path, capsys=capsys)
    assert rc == 2 and stdout == "" and "invalid choice" in stderr


def test_ingest_with_the_models_ner_stores_mentions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The flag wins over a bad environment value, so the variable is only read when the flag is absent.
    monkeypatch.setenv("DETENTE_ENTITIES", "bogus")
    doc = tmp_path / "doc.jsonl"
    doc.write_text(json.dumps({"id": "d", "text": TEXT, "published": "2024-03-06"}) + "\n")
    db = tmp_path / "store.duckdb"
    result = detente("ingest", "--entities", "model", str(doc), db=db)
    assert result.returncode == 0, result.stderr
    assert "ingested 1, duplicate 0, rejected 0" in result.stdout
    assert table(db, "SELECT count(*) FROM mentions")[0][0] >= 1
