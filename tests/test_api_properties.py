"""Property tests of the pipeline: any text codes without raising, and an ingest of random JSON Lines stores the
good records beside the hostile ones (strategies in tests/hostile.py; the session's loaded pipeline)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

import detente
from detente.api import read_items
from detente.records import Mention
from tests.cli.conftest import table
from tests.hostile import GOOD, hostile_text, jsonl_lines, slow


@slow
@given(hostile_text, st.one_of(st.none(), hostile_text))
@example("Wang Yi met Antony Blinken \x1b[2J\u202e\ud800 in Beijing. " * 100, "T\ud800")
def test_any_text_codes_without_raising(pipeline: detente.Pipeline, text: str, title: str | None) -> None:
    mentions = pipeline.code(text, published="2024-01-15", title=title, document_id="x\udfff")
    for mention in mentions:
        assert isinstance(mention, Mention)
        json.dumps(mention.to_dict(), ensure_ascii=False).encode("utf-8")  # what `detente code` prints


@slow
@given(st.lists(jsonl_lines, min_size=1, max_size=6))
def test_an_ingest_of_random_jsonl_stores_the_good_records(pipeline: detente.Pipeline, lines: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as top:
        dump = Path(top) / "dump.jsonl"
        good = json.dumps({"id": "good", "text": GOOD}).encode()
        dump.write_bytes(b"\n".join([good, *lines, json.dumps({"id": "also-good", "text": GOOD + " Again."}).encode()]))
        db = Path(top) / "s.duckdb"
        report = pipeline.ingest(read_items([dump]), db, batch_size=2, on_reject=lambda r: None)
        stored = {row[0] for row in table(db, "SELECT source_id FROM documents")}
        assert {"good", "also-good"} <= stored
        assert report.ingested + report.duplicates + report.rejected == len(lines) + 2 - _blank(lines)


def _blank(lines: list[bytes]) -> int:
    """Lines the reader skips without a word: blank ones are not records."""
    return sum(1 for line in lines if not line.strip())
