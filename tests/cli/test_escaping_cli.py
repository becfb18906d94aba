"""Hostile text in the store never reaches the terminal raw nor a spreadsheet as a formula.

Every table (``documents``, ``events``, ``events --id``, ``events --mentions``, evaluate's misses) goes through
one helper; the oracle here is independent of it: no character that moves the cursor, changes the terminal or
reorders the line may appear in what a command prints, each row stays one line, and the escaped forms are
there to read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from detente.cli import main
from detente.records import Actor, Document, Mention
from detente.store.db import Store

# C0 but the newline ending each printed line, DEL, C1, bidi embeddings/overrides/isolates/marks, separators
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
FORMULA = ("=", "+", "-", "@", "\t", "\r")

SOURCE_ID = "id\nwith\x1b[2Jnewline"
OUTLET = "Evil\x1b]0;pwned\x07 News"
TITLE = "\u202eTitle read backwards \x9b31m red"
SENTENCE = '=HYPERLINK("http://evil.example","click") Wang Yi met Antony Blinken.\x1b[2J'
URL = "=cmd|' /C calc'!A0"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.duckdb"
    wang = Actor(text="Wang Yi", name="Wang\x1b[31m Yi", country="CHN", sector="GOV", id="person/chn/wang-yi")
    blinken = Actor(text="Antony Blinken", name="@Blinken", country="USA", sector="GOV", id="person/usa/blinken")
    doc = Document(id="d" * 64, text=SENTENCE, source_id=SOURCE_ID, published=dt.date(2023, 6, 19), outlet=OUTLET,
                   title=TITLE, url=URL)
    mention = Mention(
        mention_id="m1", doc_id=doc.id, sentence=SENTENCE, sentence_index=0, type="CONSULT", mode=None,
        cameo="040", goldstein=1.0, quad_class=1, modality="asserted", channel="diplomatic", source=[wang],
        target=[blinken], date=dt.date(2023, 6, 19), date_precision="day", confidence=0.9,
        document_id=SOURCE_ID, url=URL,
    )
    with Store(path) as store:
        store.add_batch([(doc, [mention])])
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert not RAW_CONTROL.search(err)
    return out


def assert_safe(out: str) -> None:
    assert not RAW_CONTROL.search(out), repr(RAW_CONTROL.search(out))


def test_documents_table(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "documents", "--db", str(db))
    assert_safe(out)
    header, row, total = out.splitlines()  # the newline in the id did not break the row
    assert row.startswith("id\\nwith\\x1b[2Jnewline")
    assert "Evil\\x1b]0;pwned\\..." in row and "\\u202eTitle read backwards \\x9b31m red" in row
    assert total == "1 documents"


def test_events_table(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "events", "--db", str(db))
    assert_safe(out)
    header, row, total = out.splitlines()
    assert "Wang\\x1b[31m Yi -> @Blinken" in row


def test_event_card_and_its_mentions(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event_id = json.loads(run(capsys, "events", "--db", str(db), "--format", "jsonl"))["event_id"]
    card = run(capsys, "events", "--db", str(db), "--id", event_id)
    assert_safe(card)
    assert "actors    Wang\\x1b[31m Yi -> @Blinken" in card.splitlines()
    out = run(capsys, "events", "--db", str(db), "--id", event_id, "--mentions")
    assert_safe(out)
    evidence = out.split("\n\n", 1)[1].splitlines()
    assert evidence[0] == ("[1] 2023-06-19  Evil\\x1b]0;pwned\\x07 News  document id\\nwith\\x1b[2Jnewline  "
                           "sentence 0")
    assert evidence[1].strip() == "\\u202eTitle read backwards \\x9b31m red"
    assert evidence[2].strip().endswith("Antony Blinken.\\x1b[2J")


def _csv_cells(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def _assert_no_formula(rows: list[dict[str, str]]) -> None:
    for row in rows:
        for column, value in row.items():
            if value.startswith(FORMULA):
                float(value)  # only a number (a negative Goldstein value) may start with "-"; else ValueError
                assert column in ("goldstein",), (column, value)


def test_csv_cells_are_never_formulas(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _csv_cells(run(capsys, "events", "--db", str(db), "--format", "csv"))
    _assert_no_formula(rows)
    (row,) = rows
    assert row["sentence"] == "'" + SENTENCE
    assert row["urls"] == "'" + URL
    assert row["target"] == "'@Blinken"
    event_id = row["event_id"]
    mentions = _csv_cells(run(capsys, "events", "--db", str(db), "--id", event_id, "--mentions", "--format", "csv"))
    _assert_no_formula(mentions)
    assert mentions[0]["sentence"] == "'" + SENTENCE and mentions[0]["source_id"] == SOURCE_ID


def test_jsonl_keeps_the_text_exact(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Machine formats carry the data as stored; JSON escapes C0 controls itself."""
    (line,) = run(capsys, "documents", "--db", str(db), "--format", "jsonl").splitlines()
    record = json.loads(line)
    assert (record["source_id"], record["outlet"], record["title"]) == (SOURCE_ID, OUTLET, TITLE)


def test_evaluate_misses_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "g\x1b[2J1", "date": "2023-06-19", "plover2021_via_cameo": "ACCUSE\x1b]0;x\x07",
        "text": "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing.\u202e\x1b[2J",
        "source": [{"text": "Wang Yi", "code": "CHN"}], "target": [{"text": "Antony Blinken", "code": "USA"}],
    }) + "\n")
    out = run(capsys, "evaluate", str(gold), "--misses", "5")
    assert_safe(out)
    assert "Antony Blinken in Beijing.\\u202e\\x1b[2J" in out
    assert "ACCUSE\\x1b]0;x\\x07" in out
