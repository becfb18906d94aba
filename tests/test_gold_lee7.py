"""Integrity of gold/lee7/, the seventh draw of the labelled news (docs/labelling.md, "The seventh draw").

Checks the data only: it never runs the coder. Two annotators label alternate positions of the order at once
(``labels_a.txt`` the odd ones, ``labels_b.txt`` the even ones) and ``news.jsonl`` is built once both files are
in, so until then the rows checked are those of the stories labelled so far, built story by story.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from detente.readers import iter_documents
from detente.records import Document
from tests.conftest import jsonl_rows, script
from tests.test_gold_news import CODE, EVENT_KEYS, ROW_KEYS, TYPES

LEE7 = Path(__file__).resolve().parents[1] / "gold" / "lee7"
DRAW = 7
# where ``pip download gensim`` + ``unzip`` of the one file leaves the corpus (the brief's recipe), or $LEE_COR
CORPUS_PLACES = [os.environ.get("LEE_COR", ""), "/tmp/lee7/gensim/test/test_data/lee.cor",
                 "/tmp/corp/x/gensim/test/test_data/lee.cor"]


@pytest.fixture(scope="module")
def module():
    return script("build_lee")


@pytest.fixture(scope="module")
def order(module) -> list[list[dict]]:
    return module.order(DRAW)


@pytest.fixture(scope="module")
def labelled(module) -> dict[str, dict[int, list[dict]]]:
    return module.labels(DRAW)


@pytest.fixture(scope="module")
def rows(module, order, labelled) -> list[dict]:
    """``news.jsonl`` once built; before, every labelled story's rows built on their own, in the order."""
    if (LEE7 / "news.jsonl").exists():
        return jsonl_rows(LEE7 / "news.jsonl")
    return [r for story in order if story[0]["doc"] in labelled for r in module.build(story, {
        story[0]["doc"]: labelled[story[0]["doc"]]})]


def test_stories_are_the_corpus_one_document_a_line():
    docs = [d for d in iter_documents([str(LEE7 / "stories.jsonl")]) if isinstance(d, Document)]
    assert [d.source_id for d in docs] == [f"lee7-{n:02d}" for n in range(1, 51)]
    assert {(d.outlet, d.published) for d in docs} == {("ABC News (Australia)", None)}


def test_stories_file_is_what_the_script_writes_from_the_corpus(module):
    corpus = next((Path(p) for p in CORPUS_PLACES if p and Path(p).is_file()), None)
    if corpus is None:
        pytest.skip("lee.cor not here (pip download gensim --no-deps; unzip gensim/test/test_data/lee.cor)")
    assert module.story_records(corpus, DRAW) == jsonl_rows(LEE7 / "stories.jsonl")


def test_the_corpus_is_read_as_utf8_or_else_latin1(module, tmp_path):
    """lee.cor has a pound sign as the latin-1 byte A3; lee_background.cor is UTF-8 and must read as before."""
    latin = tmp_path / "latin.cor"
    latin.write_bytes("A fine of \u00a3500 was set.\n\n  Second story.  \n".encode("latin-1"))
    utf8 = tmp_path / "utf8.cor"
    utf8.write_bytes("Caf\u00e9 talks \u2014 agreed.\n".encode())
    assert module.read_corpus(latin) == ["A fine of \u00a3500 was set.", "Second story."]
    assert module.read_corpus(utf8) == ["Caf\u00e9 talks \u2014 agreed."]
    assert [r["id"] for r in module.story_records(latin, DRAW)] == ["lee7-01", "lee7-02"]
    assert [r["id"] for r in module.story_records(latin)] == ["lee-001", "lee-002"]


def test_the_draw_flag(module):
    assert module._draw(["build_lee.py", "--draw", "7", "--order"]) == 7
    assert module._draw(["build_lee.py", "--order"]) == 6
    with pytest.raises(SystemExit, match="no draw 5"):
        module._draw(["build_lee.py", "--draw", "5"])


def test_order_is_every_story_once_and_order_txt_is_its_listing(module, order):
    assert sorted(story[0]["doc"] for story in order) == [f"lee7-{n:02d}" for n in range(1, 51)]
    assert (LEE7 / "order.txt").read_text(encoding="utf-8") == module.order_listing(DRAW)


def test_the_seventh_draw_is_seeded_apart_from_the_sixth(module):
    assert module.DRAWS[7].seed == module.DRAW7_SAMPLE_SEED == 1777
    assert module.DRAWS[6].seed == module.DRAW6_SAMPLE_SEED


def test_each_annotator_labels_their_positions(module, order):
    """a takes the odd positions of the order (all of them), b the even ones."""
    parse = script("build_gold").parse_labels
    position = {story[0]["doc"]: i for i, story in enumerate(order, 1)}
    mine = set(parse(LEE7 / "labels_a.txt"))
    assert {position[d] for d in mine} == set(range(1, 51, 2))
    if (LEE7 / "labels_b.txt").exists():
        assert all(position[d] % 2 == 0 for d in parse(LEE7 / "labels_b.txt"))


def test_every_labelled_story_is_labelled_whole(module, order, labelled):
    """Every sentence once, none beyond the last: ``build`` refuses otherwise."""
    for story in order:
        doc = story[0]["doc"]
        if doc in labelled:
            assert len(module.build(story, {doc: labelled[doc]})) == len(story)


def test_gold_matches_its_sources(module, labelled):
    """news.jsonl is built from the labels: it must not drift from them by hand edits."""
    if not (LEE7 / "news.jsonl").exists():
        if (LEE7 / "labels_b.txt").exists():
            pytest.fail("both label files are in: build news.jsonl (python scripts/build_lee.py --draw 7)")
        pytest.skip("news.jsonl is built once labels_b.txt is in")
    assert module.build(module.skeleton(set(labelled), DRAW), labelled) == jsonl_rows(LEE7 / "news.jsonl")


def test_labelled_stories_are_a_prefix_of_the_seeded_order(order):
    """What news.jsonl keeps must be an unbiased prefix of the order, whoever labelled it."""
    if not (LEE7 / "news.jsonl").exists():
        pytest.skip("news.jsonl is built once labels_b.txt is in")
    kept = list(dict.fromkeys(r["doc"] for r in jsonl_rows(LEE7 / "news.jsonl")))
    assert len(kept) >= 20
    assert kept == [story[0]["doc"] for story in order[: len(kept)]]


def test_whole_stories_all_tune_in_the_seventh_draw(rows, order):
    by_doc = {story[0]["doc"]: story for story in order}
    for doc in dict.fromkeys(r["doc"] for r in rows):
        mine = [r for r in rows if r["doc"] == doc]
        assert [r["sentence_index"] for r in mine] == list(range(len(by_doc[doc])))
        assert [r["text"] for r in mine] == [r["text"] for r in by_doc[doc]]
    assert all(r["split"] == "tune" and r["draw"] == 7 and r["published"] is None for r in rows)
    assert all(r["outlet"] == "ABC News (Australia)" and set(r) == ROW_KEYS | {"draw"} for r in rows)


def test_event_fields(rows):
    events = [e for r in rows for e in r["events"]]
    assert len(events) >= 40
    for e in events:
        assert set(e) == EVENT_KEYS and e["type"] in TYPES
        assert all(CODE.match(c) for c in e["source"] + e["target"]), e
        assert e["date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", e["date"]), e


def test_a_gap_in_the_order_is_refused(module, order):
    """A story labelled while the one before it in the order is not would bias the sample."""
    with pytest.raises(SystemExit, match="prefix"):
        module.skeleton({order[1][0]["doc"]}, DRAW)
