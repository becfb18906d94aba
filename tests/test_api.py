"""The public Python API end to end: load, code, read, ingest, events, evidence, documents."""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

import detente
from tests.conftest import EXAMPLES, ROOT

MALTA_DOC = "000_69b6d8408b5211e1"  # the seed whose last paragraph is the Sullivan–Wang Yi talks in Malta


@pytest.fixture(scope="module")
def pipe() -> detente.Pipeline:
    return detente.load()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, pipe: detente.Pipeline) -> Path:
    db = tmp_path_factory.mktemp("api") / "store.duckdb"
    report = pipe.ingest(detente.api.read_items([EXAMPLES]), db)
    assert (report.ingested, report.duplicates, report.rejected) == (3, 0, 0)
    return db


def test_importing_detente_loads_neither_spacy_nor_the_knowledge_base() -> None:
    code = "import sys, detente; print(sorted(m for m in ('spacy', 'detente.coding') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_code_one_sentence(pipe: detente.Pipeline) -> None:
    mentions = pipe.code("Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing "
                         "on Monday.", published="2023-06-21", document_id="note-7", url="https://example.org/7")
    [meeting] = [m for m in mentions if m.type == "CONSULT"]
    countries = {a.country for a in meeting.source + meeting.target}
    assert countries == {"CHN", "USA"}
    assert meeting.date == dt.date(2023, 6, 19)  # the Monday before a Wednesday publication
    assert meeting.location is not None and meeting.location.name == "Beijing"
    assert (meeting.document_id, meeting.url) == ("note-7", "https://example.org/7")
    assert json.loads(json.dumps(meeting.to_dict()))["document_id"] == "note-7"


def test_read_reports_a_bad_input_and_goes_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    for src in EXAMPLES.glob("*.txt"):
        (tmp_path / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    rejected: list[str] = []
    docs = list(detente.read(tmp_path, on_reject=lambda r: rejected.append(r.message())))
    assert sorted(d.source_id or "" for d in docs) == sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    assert len(rejected) == 1 and rejected[0].startswith(str(tmp_path / "empty.txt") + ": ")
    with caplog.at_level(logging.WARNING, logger="detente"):
        assert len(list(detente.read([tmp_path]))) == 3
    assert "empty.txt" in caplog.text


def test_events_carry_the_callers_document_ids(store: Path) -> None:
    found = list(detente.events(store, dyad="CHN-USA"))
    assert found and all(isinstance(e, detente.Event) for e in found)
    assert all({"CHN", "USA"} <= set(e.source_countries + e.target_countries) for e in found)
    stems = {p.stem for p in EXAMPLES.glob("*.txt")}
    assert all(e.document_ids and set(e.document_ids) <= stems for e in found)
    malta = [e for e in found if e.location is not None and e.location.name == "Malta"]
    assert len(malta) == 1 and malta[0].document_ids == [MALTA_DOC]
    assert malta[0].date == dt.date(2023, 9, 16) and malta[0].date_end == dt.date(2023, 9, 17)


def test_filters_and_lookup(store: Path) -> None:
    everything = list(detente.events(store))
    consults = list(detente.events(store, type="consult"))
    assert consults and {e.type for e in consults} == {"CONSULT"} and len(consults) < len(everything)
    assert [e.event_id for e in detente.events(store, limit=2)] == [e.event_id for e in everything[:2]]
    september = list(detente.events(store, since="2023-09", until="2023-09"))
    assert september and all(e.date is not None and e.date <= dt.date(2023, 9, 30) for e in september)
    one = everything[0]
    assert detente.event(store, one.event_id[:10]) == one
    with pytest.raises(LookupError, match="no event"):
        detente.event(store, "no-such-event")
    with pytest.raises(ValueError, match="YYYY-MM"):
        list(detente.events(store, since="June"))
    with pytest.raises(ValueError, match="CHN-USA"):
        list(detente.events(store, dyad="China and the US"))


def test_evidence_joins_mentions_to_documents(store: Path) -> None:
    event = next(e for e in detente.events(store) if e.mentions > 1)
    evidence = detente.evidence(store, event.event_id)
    assert len(evidence) == event.mentions
    assert all(m.event_id == event.event_id and m.doc_id == d.id and m.document_id == d.source_id
               for m, d in evidence)
    assert all(m.sentence in d.text for m, d in evidence)


def test_documents_and_a_second_ingest(store: Path, pipe: detente.Pipeline) -> None:
    docs = detente.documents(store)
    assert sorted(d.source_id or "" for d in docs) == sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    report = detente.ingest([EXAMPLES], db=store)
    assert (report.ingested, report.duplicates, report.rejected, report.mentions) == (0, 3, 0, 0)
    assert report.totals["documents"] == 3


def test_a_bad_setup_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "actors.yaml"
    bad.write_text("persons:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(detente.SetupError, match="actors.yaml"):
        detente.load(actors=[bad])
    with pytest.raises(detente.SetupError, match="no_such_model_xyz"):
        detente.load(model="no_such_model_xyz")
    with pytest.raises(detente.SetupError, match="batch size"):
        detente.load(lazy=True).ingest([], tmp_path / "s.duckdb", batch_size=0)
    with pytest.raises(detente.StoreError, match="no such store"):
        list(detente.events(tmp_path / "missing.duckdb"))
