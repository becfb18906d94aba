"""PLOVER JSON records: every record validates against the shipped JSON Schema, and says what the store says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import jsonschema  # type: ignore[import-untyped]
import pytest

import detente
from detente.exports import plover_schema
from detente.ontology import MODES, PLOVER_TYPES


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _valid_export(store: Path, tmp_path: Path, count: int) -> list[dict]:
    """The store's PLOVER JSON export, which must hold ``count`` records, each valid against the schema."""
    out = tmp_path / "events.jsonl"
    assert detente.export(store, "plover-json", out) == count
    records = _records(out)
    validator = jsonschema.Draft202012Validator(plover_schema())
    for record in records:
        validator.validate(record)
    return records


def test_schema_speaks_the_ontology() -> None:
    schema = plover_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    props: Any = schema["properties"]
    assert props["event"]["items"]["enum"] == list(PLOVER_TYPES)
    assert set(props["mode"]["items"]["enum"]) == {m for modes in MODES.values() for m in modes}


def test_records_validate_and_match_the_store(seeds_store: Path, tmp_path: Path) -> None:
    records = _valid_export(seeds_store, tmp_path, 33)  # 33 events: see tests/exports/test_gdelt.py
    con = duckdb.connect(str(seeds_store), read_only=True)
    stored = {r[0]: r for r in con.execute(
        "SELECT event_id, type, mode, quad_class, cameo, goldstein, date, mentions, documents, "
        "json_array_length(source), json_array_length(target) FROM events").fetchall()}
    evidence = dict(con.execute("SELECT event_id, count(*) FROM mentions GROUP BY event_id").fetchall())
    con.close()
    assert {r["id"] for r in records} == set(stored)
    for r in records:
        _, type_, mode, quad, cameo, goldstein, date, mentions, documents, n_source, n_target = stored[r["id"]]
        assert r["event"] == [type_] and r["mode"] == ([mode] if mode else [])
        assert (r["quad_code"], r["cameo"], r["goldstein"]) == (quad, cameo, goldstein)
        assert r["date"] == date.isoformat()
        assert (r["num_mentions"], r["num_articles"]) == (mentions, documents)
        assert (len(r["actor"]), len(r["recipient"])) == (n_source, n_target)
        assert len(r["text_info"]) == evidence[r["id"]] == mentions
        assert r["event_text"] and r["cite_info"]["citation"]
        for text in r["text_info"]:
            if text["start"] is not None:
                assert text["end"] - text["start"] == len(text["text"])
    located = [r for r in records if r["event_loc"] and r["event_loc"]["resolved_place"] == "Beijing"]
    assert located and located[0]["event_loc"]["geonameid"] == 1816670  # GeoNames: Beijing
    assert any(a["code"] == "USA" and a["sector"] == "GOV" and a["identifier_id"] for r in records
               for a in r["actor"])


def test_the_schema_can_fail(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    detente.export(seeds_store, "plover-json", out, type="CONSULT")
    record = _records(out)[0]
    validator = jsonschema.Draft202012Validator(plover_schema())
    for broken in ({**record, "event": ["MEET"]}, {**record, "quad_code": 7}, {**record, "date": "June 2023"},
                   {k: v for k, v in record.items() if k != "actor"}):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(broken)


def test_hostile_records_are_valid_json(hostile_store: Path, tmp_path: Path) -> None:
    records = _valid_export(hostile_store, tmp_path, 2)
    consult = next(r for r in records if r["event"] == ["CONSULT"])
    assert consult["text_info"][0]["text"].count("\t") == 1  # JSON keeps the text as it was
    assert consult["cite_info"]["title"].startswith("=HYPERLINK(")
    assert consult["context"] == ["diplomatic"]
