"""Store behaviour that does not need the coder: identity, transactions, runs."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from detente.records import Actor, Document, Location, Mention
from detente.store.db import Store, StoreError


def _doc(text: str, source_id: str = "a") -> Document:
    import hashlib

    return Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, source_id=source_id,
                    published=dt.date(2023, 9, 30), outlet="Wire", title="T")


def _mention(doc: Document, idx: int = 0) -> Mention:
    return Mention(
        mention_id=f"{doc.id[:8]}-{idx}", doc_id=doc.id, sentence="Wang Yi met Blinken.", sentence_index=idx,
        type="CONSULT", mode="visit", cameo="042", goldstein=1.9, quad_class=1, modality="asserted",
        channel="diplomatic", source=[Actor("Wang Yi", "Wang Yi", "CHN", "GOV")],
        target=[Actor("Blinken", "Antony Blinken", "USA", "GOV")], date=dt.date(2023, 9, 28),
        date_precision="day", location=Location("Washington", "Washington, D.C.", "USA", 38.9, -77.0),
    )


def test_add_batch_stores_documents_and_mentions(tmp_path):
    doc = _doc("Wang Yi met Blinken in Washington on Thursday.")
    with Store(tmp_path / "s.duckdb") as store:
        result = store.add_batch([(doc, [_mention(doc)])], run_id=1)
        assert result.added == [doc.id] and result.mentions == 1
        row = store.con.execute(
            "SELECT type, source_countries, target_countries, location FROM mentions").fetchone()
    assert row[0] == "CONSULT" and row[1] == ["CHN"] and row[2] == ["USA"]
    assert json.loads(row[3])["country"] == "USA"


def test_same_document_twice_is_one_document(tmp_path):
    doc = _doc("Same article.")
    with Store(tmp_path / "s.duckdb") as store:
        first = store.add_batch([(doc, [_mention(doc)]), (doc, [_mention(doc)])])
        second = store.add_batch([(doc, [_mention(doc)])])
        assert first.added == [doc.id] and first.duplicates == [doc.id]
        assert second.added == [] and second.duplicates == [doc.id]
        assert store.counts()["documents"] == 1 and store.counts()["mentions"] == 1


def test_failed_batch_rolls_back_everything(tmp_path):
    kept, lost = _doc("Kept article."), _doc("Lost article.")

    def failing_hook(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
        raise RuntimeError("clustering failed")

    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([(kept, [_mention(kept)])])
        with pytest.raises(RuntimeError):
            store.add_batch([(lost, [_mention(lost)])], after_insert=failing_hook)
        assert store.counts()["documents"] == 1
        assert store.known_ids([kept.id, lost.id]) == {kept.id}


def test_runs_are_recorded(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run("ingest", ["examples/"])
        store.finish_run(run_id, ingested=3, duplicates=1, rejected=2, mentions=9)
        row = store.con.execute("SELECT command, ingested, rejected, status FROM runs").fetchone()
    assert row == ("ingest", 3, 2, "done")


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_text_is_stored_verbatim_not_interpreted_as_sql(tmp_path):
    nasty = _doc("Robert'); DROP TABLE documents; -- said nothing.")
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([(nasty, [])])
        assert store.con.execute("SELECT text FROM documents").fetchone()[0] == nasty.text

