"""``scripts/tune_draws.py``: the one list of read draws the training scripts learn from, and how they read it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import script


def test_every_read_draw_is_listed_and_the_fresh_check_set_never() -> None:
    draws = script("tune_draws")
    assert [name for name, _, _ in draws.TUNE_SETS] == ["news", "d7", "d8", "d9"]
    assert all("lee" not in part or part in ("lee7", "lee8") for _, gold, docs in draws.TUNE_SETS
               for path in (gold, *docs) for part in path.parts)
    paths = [str(p) for _, gold, docs in draws.TUNE_SETS for p in (gold, *docs)]
    assert any(p.endswith("gold/outlets/tune/news.jsonl") for p in paths)
    assert not any("/outlets/check" in p or "labels_" in p or p.endswith("outlets/stories.jsonl") for p in paths)


def test_only_tune_rows_are_read(tmp_path: Path) -> None:
    rows = [{"doc": "a", "sentence_index": 0, "text": "One.", "split": "tune", "events": []},
            {"doc": "a", "sentence_index": 1, "text": "Two.", "split": "check", "events": []},
            {"doc": "b", "sentence_index": 0, "text": "Three.", "events": []}]  # no split: tune
    gold = tmp_path / "news.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert sorted(script("tune_draws").tune_gold(gold)) == [("a", 0), ("b", 0)]


def test_the_named_documents_are_read_once_from_the_files_that_exist(tmp_path: Path) -> None:
    body = " Police in Kenya questioned two British men on Monday after the attack on the embassy in Nairobi."
    stories = tmp_path / "stories.jsonl"
    stories.write_text("".join(json.dumps({"id": i, "text": t + body}) + "\n" for i, t in
                               (("a", "First telling."), ("b", "Another story."), ("a", "Second telling."))),
                       encoding="utf-8")
    found = script("tune_draws").documents_named(["a", "c"], [stories, tmp_path / "missing.jsonl"])
    assert list(found) == ["a"] and found["a"].text.startswith("First telling")
