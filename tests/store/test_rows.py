"""Rows and records: a record written as a row and read back is the same record (the store's writes and reads,
and the server's snapshot, all go through ``detente.store.rows``)."""

from __future__ import annotations

import datetime as dt

from detente.records import Actor, Document, Event, Location, Mention
from detente.store import queries as q
from detente.store.rows import document_from_row, event_from_row, event_row, mention_from_row, mention_in, mention_row


def _columns(names: str, row: tuple[object, ...]) -> dict[str, object]:
    keys = [n.strip() for n in names.split(",")]
    assert len(keys) == len(row)  # the row follows the column list
    return dict(zip(keys, row, strict=True))


CHN = Actor(text="Beijing", country="CHN")
USA = Actor(text="Washington", country="USA", name="United States")
GENEVA = Location(text="in Geneva", name="Geneva", country="CHE", lat=46.2, lon=6.15)


def test_a_mention_read_back_from_its_row_is_the_same_mention() -> None:
    mention = Mention(mention_id="m1", doc_id="d1", sentence="Beijing met Washington in Geneva.", sentence_index=2,
                      type="CONSULT", mode="meet", cameo="043", goldstein=2.8, quad_class=1, modality="asserted",
                      channel="diplomatic", source=[CHN], target=[USA], speaker=USA, trigger="met",
                      date=dt.date(2024, 3, 1), date_end=None, date_precision="day", date_text="Friday",
                      location=GENEVA, confidence=0.8, document_id="src-1", url="https://example.org/a")
    row = _columns(q.MENTION_COLUMNS, mention_row("d1", mention))
    back = mention_in(row | {"event_id": None}, {"source_id": "src-1", "url": "https://example.org/a"})
    assert back == mention
    assert mention_from_row(row | {"source_id": None, "url": None, "event_id": "e1"}).event_id == "e1"


def test_an_event_read_back_from_its_row_is_the_same_event() -> None:
    event = Event(event_id="e1", type="AGREE", mode=None, cameo="057", goldstein=8.0, quad_class=1,
                  modality="asserted", channel="economic", source=[CHN], target=[USA], date=dt.date(2024, 3, 1),
                  date_end=dt.date(2024, 3, 2), date_precision="day", date_text="March 1", location=None,
                  sentence="They signed.", confidence=0.7, mentions=3, sources=2, documents=2,
                  first_reported=dt.date(2024, 3, 1), last_reported=dt.date(2024, 3, 3))
    back = event_from_row(_columns(q.EVENT_COLUMNS, event_row(event)))
    assert back == event and back.document_ids == [] and back.urls == []


def test_a_document_row_names_its_id_either_way_and_defaults_to_english() -> None:
    row = {"id": "d1", "text": "Text.", "source_id": "src-1", "origin": "a.jsonl", "published": dt.date(2024, 3, 1),
           "published_raw": "2024-03-01", "title": "T", "outlet": "VOA", "url": None, "language": None, "genre": None}
    doc = document_from_row(row)
    assert doc == Document(id="d1", text="Text.", source_id="src-1", origin="a.jsonl", published=dt.date(2024, 3, 1),
                           published_raw="2024-03-01", title="T", outlet="VOA", url=None, language="en", genre=None)
    assert document_from_row(row | {"doc_id": "d2"}).id == "d2"  # a joined row names it doc_id
