"""Integrity of gold/lee8/, the eighth draw: the read half of the sixth draw's stories (docs/labelling.md,
"The eighth draw").

Checks the data only. The point of the split is that reading one half shows nothing of the other, so the test
that matters is that no sentence of a read story is found in a check story.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.readers import iter_documents
from detente.records import Document
from tests.conftest import jsonl_rows, script

GOLD = Path(__file__).resolve().parents[1] / "gold"


@pytest.fixture(scope="module")
def read_rows() -> list[dict]:
    return jsonl_rows(GOLD / "lee8" / "news.jsonl")


def test_gold_matches_its_sources(read_rows):
    assert script("build_lee").news_rows(8) == read_rows


def test_rows_are_tune_of_the_eighth_draw(read_rows):
    assert len({r["doc"] for r in read_rows}) == 150
    assert all(r["split"] == "tune" and r["draw"] == 8 for r in read_rows)


def test_stories_are_the_read_half_in_corpus_order(read_rows):
    docs = [d for d in iter_documents([str(GOLD / "lee8" / "stories.jsonl")]) if isinstance(d, Document)]
    ids = [d.source_id for d in docs]
    assert ids == sorted(ids) and set(ids) == {r["doc"] for r in read_rows}
    assert set(ids) == script("build_lee").read_half()


def test_no_sentence_of_a_read_story_is_in_a_check_story(read_rows):
    """The corpus repeats a few stories; a repeated story goes to one half with its copy."""
    check = {r["text"] for r in jsonl_rows(GOLD / "lee" / "news.jsonl") if len(r["text"]) >= 40}
    assert not [r["text"] for r in read_rows if r["text"] in check]


def test_shared_sentences_join_stories_into_one_group():
    module = script("build_lee")
    stories = [[{"doc": "a", "text": "x" * 50}], [{"doc": "b", "text": "y" * 50}],
               [{"doc": "c", "text": "short"}, {"doc": "c", "text": "x" * 50}], [{"doc": "d", "text": "short"}]]
    assert module.story_groups(stories) == [["a", "c"], ["b"], ["d"]]
