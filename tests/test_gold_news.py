"""Integrity of gold/news.jsonl, the hand-labelled news evaluation set (docs/labelling.md).

Checks the data only: it never runs the coder. The ``check`` split is scored, never read to write rules.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import script
from tests.plover_manual import MANUAL_MODES

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "gold" / "news.jsonl"
LABELS = ROOT / "gold" / "labels.txt"
SKELETON = ROOT / "gold" / "skeleton.jsonl"
SEEDS = {p.stem for p in (ROOT / "examples").glob("*.txt")}
VOA = ROOT.parent / "shared" / "corpora" / "voa_stories.jsonl"
# the first draw (docs/labelling.md): its rows stay first and byte-identical so earlier figures stay comparable
FIRST_DRAW_ROWS = 432
FIRST_DRAW_SHA256 = "bad18cea0def7160ad57dfe8b599c8be1bc74e67ba5ab89e7a08142a77285ac4"
# the first two draws: the third (all ``check``) is appended after them and leaves them byte-identical
TWO_DRAWS_ROWS = 836
TWO_DRAWS_SHA256 = "e9cf29eb9533178e8c805d539c8369be62f87bcc54de8115e9c6c3dd1af763bb"
# the first three draws: the fourth (all ``tune``) is appended after them and leaves them byte-identical
THREE_DRAWS_ROWS = 1548
THREE_DRAWS_SHA256 = "847fc3b9ee87ef88826138258e11dc6d5b0df5a43610d1c5d803642102769d3b"
# the first four draws: the fifth (all ``check``) is appended after them and leaves them byte-identical
FOUR_DRAWS_ROWS = 1992
FOUR_DRAWS_SHA256 = "cf8fdd021403de1a8fa2fb43e73e633091858d053530a1b56005638e91515b5e"

TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
MODALITIES = {"asserted", "negated", "planned", "hypothetical"}
PRECISIONS = {"day", "month", "year", "unresolved"}
ROW_KEYS = {"doc", "published", "outlet", "sentence_index", "text", "split", "events"}
EVENT_KEYS = {"type", "mode", "modality", "source", "target", "date", "date_precision", "place", "place_country",
              "core"}
CODE = re.compile(r"^(?:[A-Z]{3}|IGO)$")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_size(rows):
    assert len(rows) >= 1992
    assert sum(bool(r["events"]) for r in rows) >= 850
    assert sum(len(r["events"]) for r in rows) >= 1090
    tune = [r for r in rows if r["split"] == "tune"]
    assert len(tune) >= 978 and sum(len(r["events"]) for r in tune) >= 521
    check = [r for r in rows if r["split"] == "check"]
    assert len(check) >= 1014 and sum(len(r["events"]) for r in check) >= 569


def test_first_draw_is_unchanged():
    """The first 432 lines of news.jsonl are those the first draw's figures were measured on, byte for byte."""
    lines = GOLD.read_bytes().splitlines(keepends=True)
    assert hashlib.sha256(b"".join(lines[:FIRST_DRAW_ROWS])).hexdigest() == FIRST_DRAW_SHA256


def test_first_two_draws_are_unchanged():
    """The first 836 lines (both earlier draws) are those their figures were measured on, byte for byte."""
    lines = GOLD.read_bytes().splitlines(keepends=True)
    assert hashlib.sha256(b"".join(lines[:TWO_DRAWS_ROWS])).hexdigest() == TWO_DRAWS_SHA256


def test_first_three_draws_are_unchanged():
    """The first 1548 lines (the first three draws) are those their figures were measured on, byte for byte."""
    lines = GOLD.read_bytes().splitlines(keepends=True)
    assert hashlib.sha256(b"".join(lines[:THREE_DRAWS_ROWS])).hexdigest() == THREE_DRAWS_SHA256


def test_first_four_draws_are_unchanged():
    """The first 1992 lines (the first four draws) are those their figures were measured on, byte for byte."""
    lines = GOLD.read_bytes().splitlines(keepends=True)
    assert hashlib.sha256(b"".join(lines[:FOUR_DRAWS_ROWS])).hexdigest() == FOUR_DRAWS_SHA256


def test_second_draw_is_whole_documents_split_a_third_to_check(rows):
    second = rows[FIRST_DRAW_ROWS:TWO_DRAWS_ROWS]
    assert len(second) >= 400
    assert not {r["doc"] for r in second} & {r["doc"] for r in rows[:FIRST_DRAW_ROWS]}
    assert all(r["outlet"] == "Voice of America" for r in second)
    share = sum(r["split"] == "check" for r in second) / len(second)
    assert 1 / 3 <= share <= 0.37, share


def test_third_draw_is_fresh_whole_documents_all_check(rows):
    third = rows[TWO_DRAWS_ROWS:THREE_DRAWS_ROWS]
    assert len(third) >= 712 and len({r["doc"] for r in third}) >= 24
    assert sum(len(r["events"]) for r in third) >= 406
    assert not {r["doc"] for r in third} & {r["doc"] for r in rows[:TWO_DRAWS_ROWS]}
    assert all(r["outlet"] == "Voice of America" and r["split"] == "check" for r in third)


def test_fourth_draw_is_unused_whole_documents_all_tune(rows):
    fourth = rows[THREE_DRAWS_ROWS:FOUR_DRAWS_ROWS]
    assert len(fourth) >= 444 and len({r["doc"] for r in fourth}) >= 15
    assert sum(bool(r["events"]) for r in fourth) >= 170 and sum(len(r["events"]) for r in fourth) >= 214
    assert not {r["doc"] for r in fourth} & {r["doc"] for r in rows[:THREE_DRAWS_ROWS]}
    assert all(r["outlet"] == "Voice of America" and r["split"] == "tune" for r in fourth)


def test_fifth_draw_is_unused_whole_documents_all_check(rows):
    fifth = rows[FOUR_DRAWS_ROWS:]
    assert not {r["doc"] for r in fifth} & {r["doc"] for r in rows[:FOUR_DRAWS_ROWS]}
    assert all(r["outlet"] == "Voice of America" and r["split"] == "check" for r in fifth)


@pytest.mark.skipif(not VOA.exists(), reason="needs ../shared/corpora/voa_stories.jsonl")
def test_fifth_draw_is_a_prefix_of_its_seeded_order(rows):
    """Two annotators label the fifth draw at once; what is kept must still be an unbiased prefix of its order."""
    module = script("build_gold")
    sampler = module._sampler()
    order = [story[0]["doc"] for story in module.fifth_draw_order({r["doc"] for r in rows[:FOUR_DRAWS_ROWS]}, sampler)]
    kept = list(dict.fromkeys(r["doc"] for r in rows[FOUR_DRAWS_ROWS:]))
    assert kept == order[: len(kept)]


def test_row_fields(rows):
    for number, r in enumerate(rows):
        # the later draws' rows name their draw, so each is scored on its own; older rows do not
        assert set(r) == (ROW_KEYS | {"draw"} if number >= TWO_DRAWS_ROWS else ROW_KEYS), r
        draw = 3 if number < THREE_DRAWS_ROWS else 4 if number < FOUR_DRAWS_ROWS else 5
        assert number < TWO_DRAWS_ROWS or r["draw"] == draw, r
        assert isinstance(r["doc"], str) and r["doc"]
        assert isinstance(r["outlet"], str) and r["outlet"]
        assert isinstance(r["text"], str) and r["text"].strip()
        assert isinstance(r["sentence_index"], int) and r["sentence_index"] >= 0
        assert r["split"] in {"tune", "check"}
        dt.date.fromisoformat(r["published"])
        assert isinstance(r["events"], list)


def test_event_fields(rows):
    for r in rows:
        published = dt.date.fromisoformat(r["published"])
        where = f"{r['doc']}:{r['sentence_index']}"
        for e in r["events"]:
            assert set(e) == EVENT_KEYS, where
            assert e["type"] in TYPES, where
            assert e["mode"] is None or e["mode"] in MANUAL_MODES.get(e["type"], set()), (where, e["mode"])
            assert e["modality"] in MODALITIES, where
            assert isinstance(e["core"], bool), where
            for side in ("source", "target"):
                assert isinstance(e[side], list), where
                assert all(isinstance(c, str) and CODE.match(c) for c in e[side]), (where, e[side])
                assert len(set(e[side])) == len(e[side]), (where, e[side])
            assert e["source"] or e["target"], f"{where}: an event with neither side"
            assert e["date_precision"] in PRECISIONS, where
            if e["date"] is None:
                assert e["date_precision"] == "unresolved", where
            else:
                assert e["date_precision"] != "unresolved", where
                day = dt.date.fromisoformat(e["date"])
                assert day <= published + dt.timedelta(days=2 * 366), where
                if e["date_precision"] == "month":
                    assert day.day == 1, where
                if e["date_precision"] == "year":
                    assert (day.month, day.day) == (1, 1), where
                if e["modality"] == "asserted" and e["date_precision"] == "day":
                    assert day <= published, f"{where}: an asserted event after publication"
            assert e["place"] is None or (isinstance(e["place"], str) and e["place"].strip()), where
            assert e["place_country"] is None or CODE.match(e["place_country"]), where


def test_sentence_indexes_contiguous_and_in_order(rows):
    by_doc: dict[str, list[int]] = defaultdict(list)
    order: list[str] = []
    for r in rows:
        if r["doc"] not in by_doc:
            order.append(r["doc"])
        elif order[-1] != r["doc"]:
            pytest.fail(f"document {r['doc']} is not one block")
        by_doc[r["doc"]].append(r["sentence_index"])
    for doc, indexes in by_doc.items():
        assert indexes == list(range(len(indexes))), doc


def test_document_metadata_is_constant(rows):
    seen: dict[str, tuple] = {}
    for r in rows:
        key = (r["published"], r["outlet"], r["split"])
        assert seen.setdefault(r["doc"], key) == key, r["doc"]


def test_split_by_document_and_share(rows):
    splits: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        splits[r["doc"]].add(r["split"])
    assert all(len(s) == 1 for s in splits.values())
    # the first two draws hold a third in check; the third draw is all check, the fourth all tune (own tests)
    earlier = rows[:TWO_DRAWS_ROWS]
    share = sum(r["split"] == "check" for r in earlier) / len(earlier)
    assert 0.25 <= share <= 0.40, share


def test_seeds_are_never_check(rows):
    docs = {r["doc"] for r in rows}
    assert SEEDS and SEEDS <= docs, "the three seed articles belong in the tuning part"
    assert all(r["split"] == "tune" for r in rows if r["doc"] in SEEDS)
    assert any(r["split"] == "check" for r in rows)


def test_gold_matches_its_sources(rows):
    """news.jsonl is built from the skeleton and labels.txt: it must not drift from them by hand edits."""
    module = script("build_gold")
    assert module.build() == rows


@pytest.mark.skipif(not VOA.exists(), reason="needs ../shared/corpora/voa_stories.jsonl")
def test_skeleton_is_rebuilt_by_the_seeded_draws():
    """``build_gold.py --skeleton`` redraws the four samples from the corpus: the committed skeleton is their output."""
    module = script("build_gold")
    committed = [json.loads(line) for line in SKELETON.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert module.skeleton() == committed
