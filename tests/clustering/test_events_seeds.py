"""End to end on the seed articles: ingest, code, store, cluster."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from detente.coding import Coder
from detente.readers import document_from_text, iter_documents
from detente.records import Document, Mention
from detente.store.db import Store
from tests.clustering.eventdata import events, ingest, membership
from tests.conftest import EXAMPLES

BALI_2022 = (
    "Chinese President Xi Jinping and US President Joe Biden held talks in Bali, Indonesia, on Monday on the "
    "sidelines of the G20 summit, their first in-person meeting."
)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="module")
def seeds(coder: Coder) -> dict[str, tuple[Document, list[Mention]]]:
    """The three seeds coded once, by file prefix (000 SCMP news, 001 Global Times, 002 China-US Focus)."""
    docs = [d for d in iter_documents([str(EXAMPLES)]) if isinstance(d, Document)]
    return {str(doc.source_id)[:3]: (doc, records) for doc, records in coder.code_documents(docs)}


@pytest.fixture(scope="module")
def bali_report(coder: Coder) -> tuple[Document, list[Mention]]:
    doc = document_from_text(BALI_2022, origin="test", source_id="bali-2022",
                             meta={"published": "2022-11-14", "outlet": "Reuters", "title": "Xi and Biden meet"})
    assert isinstance(doc, Document)
    [item] = coder.code_documents([doc])
    return item


def _names(event: dict[str, Any]) -> set[str]:
    return {a["name"] for a in json.loads(event["source"]) + json.loads(event["target"]) if a.get("name")}


def _xi_biden_meetings(store: Store) -> list[dict[str, Any]]:
    return [e for e in events(store) if e["type"] == "CONSULT" and e["modality"] == "asserted"
            and {"Xi Jinping", "Joe Biden"} <= _names(e)]


def test_the_bali_meeting_recalled_in_2023_is_a_past_event(tmp_path: Path, seeds: dict) -> None:
    store = ingest(tmp_path / "s.duckdb", [seeds["000"]])
    bali = [e for e in _xi_biden_meetings(store) if e["location"] and json.loads(e["location"])["name"] == "Bali"]
    [event] = bali
    assert (event["date"], event["date_precision"]) == (dt.date(2022, 11, 1), "month")
    assert event["first_reported"] == dt.date(2023, 9, 30)


@pytest.mark.parametrize("order", ["report_first", "recollection_first"])
def test_the_bali_recollection_joins_the_reported_meeting(
    tmp_path: Path, seeds: dict, bali_report: tuple, order: str
) -> None:
    batches = [[bali_report], [seeds["000"]]] if order == "report_first" else [[seeds["000"]], [bali_report]]
    store = ingest(tmp_path / "s.duckdb", *batches)
    bali = [e for e in _xi_biden_meetings(store) if e["date"] and e["date"].year == 2022]
    [event] = bali
    assert (event["date"], event["date_precision"]) == (dt.date(2022, 11, 14), "day")
    assert (event["mentions"], event["sources"]) == (2, 2)
    assert (event["first_reported"], event["last_reported"]) == (dt.date(2022, 11, 14), dt.date(2023, 9, 30))


def test_seed_events_do_not_depend_on_order(tmp_path: Path, seeds: dict, bali_report: tuple) -> None:
    items = [seeds["000"], seeds["001"], seeds["002"], bali_report]
    forward = ingest(tmp_path / "f.duckdb", items)
    backward = ingest(tmp_path / "b.duckdb", *[[item] for item in reversed(items)])
    twice = ingest(tmp_path / "t.duckdb", items[:2], items[1:], items)
    expected = (events(forward), membership(forward))
    assert (events(backward), membership(backward)) == expected
    assert (events(twice), membership(twice)) == expected
    assert len(expected[0]) < sum(len(records) for _, records in items)


def test_the_anniversary_letters_from_the_editorial_stand_alone(tmp_path: Path, seeds: dict) -> None:
    """The Global Times's "leaders of the two countries exchanged congratulatory letters" on 1 January is an
    event of its own: the table-tennis visits three sentences later do not join it."""
    store = ingest(tmp_path / "s.duckdb", [seeds["001"]])
    letters = [e for e in events(store) if e["type"] == "SUPPORT" and e["date"] == dt.date(2024, 1, 1)]
    [event] = letters
    assert (event["mentions"], event["date_precision"]) == (1, "day")
    assert "congratulatory letters" in event["sentence"]


def test_the_anniversary_letters_are_one_event_with_two_sources(tmp_path: Path, seeds: dict) -> None:
    """The Global Times editorial and the China-US Focus newsletter both report the leaders' letters."""
    store = ingest(tmp_path / "s.duckdb", [seeds["001"], seeds["002"]])
    letters = [e for e in events(store) if e["type"] == "SUPPORT" and e["date"] == dt.date(2024, 1, 1)]
    [event] = letters
    assert (event["mentions"], event["documents"], event["sources"]) == (2, 2, 2)
