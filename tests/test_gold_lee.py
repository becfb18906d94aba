"""Integrity of gold/lee/, the sixth draw of the labelled news (docs/labelling.md, "The sixth draw").

Checks the data only: it never runs the coder, whose output on these stories nobody reads.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.readers import iter_documents
from detente.records import Document
from tests.conftest import jsonl_rows, script
from tests.test_gold_news import CODE, EVENT_KEYS, ROW_KEYS, TYPES

LEE = Path(__file__).resolve().parents[1] / "gold" / "lee"


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return jsonl_rows(LEE / "news.jsonl")


@pytest.fixture(scope="module")
def order() -> list[list[dict]]:
    return script("build_lee").order()


def test_stories_are_the_corpus_one_document_a_line():
    docs = list(iter_documents([str(LEE / "stories.jsonl")]))
    assert len(docs) == 300 and all(isinstance(d, Document) for d in docs)
    assert [d.source_id for d in docs if isinstance(d, Document)] == [f"lee-{n:03d}" for n in range(1, 301)]
    assert {(d.outlet, d.published) for d in docs if isinstance(d, Document)} == {("ABC News (Australia)", None)}


def test_gold_matches_its_sources(rows):
    """news.jsonl is built from the labels: it must not drift from them by hand edits."""
    assert script("build_lee").news_rows() == rows


def test_every_story_of_the_order_is_labelled(order):
    """Two annotators labelled alternate stories at once; the whole order is labelled, so neither half of the
    split (the read eighth draw, the never-read sixth) is a biased pick."""
    module = script("build_lee")
    labelled = module.labels()
    assert [story[0]["doc"] for story in order] == [d for d in (s[0]["doc"] for s in order) if d in labelled]
    assert len(labelled) == 300


def test_the_check_half_is_the_stories_not_read(rows):
    kept = set(r["doc"] for r in rows)
    read = script("build_lee").read_half()
    assert len(kept) == 150 and not kept & read and len(kept | read) == 300


def test_whole_stories_all_check_in_the_sixth_draw(rows, order):
    by_doc = {story[0]["doc"]: story for story in order}
    for doc in dict.fromkeys(r["doc"] for r in rows):
        mine = [r for r in rows if r["doc"] == doc]
        assert [r["sentence_index"] for r in mine] == list(range(len(by_doc[doc])))
        assert [r["text"] for r in mine] == [r["text"] for r in by_doc[doc]]
    assert all(r["split"] == "check" and r["draw"] == 6 and r["published"] is None for r in rows)
    assert all(set(r) == ROW_KEYS | {"draw"} for r in rows)


def test_event_fields(rows):
    events = [e for r in rows for e in r["events"]]
    assert len(events) >= 50
    for e in events:
        assert set(e) == EVENT_KEYS and e["type"] in TYPES
        assert all(CODE.match(c) for c in e["source"] + e["target"]), e
        assert e["date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", e["date"]), e


def test_a_gap_in_the_order_is_refused(order):
    """A story labelled while the one before it in the order is not would bias the sample."""
    with pytest.raises(SystemExit, match="prefix"):
        script("build_lee").skeleton({order[1][0]["doc"]})


def test_a_sentence_left_out_is_refused(rows):
    module = script("build_lee")
    labelled = module.labels()
    first = rows[0]["doc"]
    labelled[first] = {i: e for i, e in labelled[first].items() if i != 0}
    with pytest.raises(SystemExit, match="not labelled"):
        module.build(module.skeleton(set(labelled)), labelled)
