"""Integrity of gold/outlets/, the ninth draw: nine outlets' news of 2016–17 (docs/labelling.md, "The ninth
draw").

The draw's honesty rests on its order: stories were taken by a seeded order, one of each outlet a round, the
halves by round, and only a prefix of the order is labelled, so that neither what was labelled nor which half a
story went to was chosen by anyone. These tests check that on the committed files and on constructed data.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import script

GOLD = Path(__file__).resolve().parents[1] / "gold" / "outlets"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def module():
    return script("build_outlets")


def test_order_lists_the_written_stories(module):
    stories = _lines(GOLD / "stories.jsonl")
    order = [line.split() for line in (GOLD / "order.txt").read_text(encoding="utf-8").splitlines()]
    assert [doc for _, doc, _ in order] == [s["id"] for s in stories]
    assert all(s["published"] and s["outlet"] in module.OUTLETS.values() for s in stories)


def test_each_round_holds_one_story_of_each_outlet_and_the_halves_alternate(module):
    stories, ordered = _lines(GOLD / "stories.jsonl"), module.ordered()
    width = len(module.OUTLETS)
    for start in range(0, len(stories), width):
        assert sorted(s["outlet"] for s in stories[start:start + width]) == sorted(module.OUTLETS.values())
        assert {split for _, split in ordered[start:start + width]} == {module.SPLITS[(start // width) % 2]}


def _article(number: int, site: str, text: str, date: str = "2017/3/1") -> dict:
    return {"article_id": str(number), "publish_date": date, "article_source_link": f"http://www.{site}/a/{number}",
            "title": f"t{number}", "text": text}


def test_population_keeps_dated_short_unique_articles_of_the_nine_outlets(module):
    articles = [_article(1, "cnn.com", "China met the US."), _article(2, "cnn.com", "China met the US."),
                _article(3, "tass.com", "x" * (module.MAX_CHARS + 1)), _article(4, "dw.com", "Undated.", "       "),
                _article(5, "example.com", "Elsewhere."), _article(6, "rte.ie", "  ")]
    kept = module.population(articles)
    assert [(s["id"], s["outlet"], s["published"]) for s in kept] == [("na-1", "CNN", "2017-03-01")]


def test_draw_order_takes_outlets_in_turn_and_is_seeded(module):
    articles = [_article(n, site, f"Story {n} about {'China' if n % 2 else 'weather'}.")
                for n, site in enumerate(sorted(module.OUTLETS) * 3)]
    first = module.draw_order(module.population(articles), rounds=3)
    assert first == module.draw_order(module.population(articles), rounds=3)
    assert [s["outlet"] for s in first[:len(module.OUTLETS)]] == sorted(module.OUTLETS.values())
    assert len(first) == 3 * len(module.OUTLETS)
    assert [module.half(i) for i in (0, 8, 9, 17, 18)] == ["tune", "tune", "check", "check", "tune"]


def test_labels_must_be_a_prefix_of_the_order(module, tmp_path, monkeypatch):
    stories = [{"id": f"na-{n}", "outlet": "CNN", "published": "2017-03-01", "title": "", "url": "",
                "text": "Russia accused Ukraine of shelling. Nothing else happened."} for n in (1, 2)]
    (tmp_path / "stories.jsonl").write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    (tmp_path / "order.txt").write_text("  1 na-1 tune\n  2 na-2 check\n", encoding="utf-8")
    monkeypatch.setattr(module, "FOLDER", tmp_path)
    monkeypatch.setattr(module, "STORIES", tmp_path / "stories.jsonl")
    monkeypatch.setattr(module, "ORDER", tmp_path / "order.txt")
    (tmp_path / "labels_a.txt").write_text("@ na-2\n0: ACCUSE a RUS>UKR\n1: -\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="prefix"):
        module.news_rows()
    (tmp_path / "labels_b.txt").write_text("@ na-1\n0: ACCUSE a RUS>UKR\n1: -\n", encoding="utf-8")
    built = module.news_rows()
    assert [(r["doc"], r["split"], r["draw"], len(r["events"])) for r in built["tune"][1]] == [
        ("na-1", "tune", 9, 1), ("na-1", "tune", 9, 0)]
    assert [s["id"] for s in built["check"][0]] == ["na-2"]


@pytest.mark.skipif(not (GOLD / "tune" / "news.jsonl").exists(), reason="the ninth draw is not labelled yet")
def test_gold_matches_its_labels(module):
    built = module.news_rows()
    for split in module.SPLITS:
        assert _lines(GOLD / split / "news.jsonl") == built[split][1]
        assert _lines(GOLD / split / "stories.jsonl") == built[split][0]


@pytest.mark.skipif(not (GOLD / "tune" / "news.jsonl").exists(), reason="the ninth draw is not labelled yet")
def test_no_story_is_repeated_across_the_halves_and_outlets_are_alike():
    """A repeated story would share many sentences; an outlet's boilerplate line ("Do you have information you want
    to share with the Huffington Post?") may stand in stories of both halves."""
    tune, check = _lines(GOLD / "tune" / "news.jsonl"), _lines(GOLD / "check" / "news.jsonl")
    seen = {r["text"]: r["doc"] for r in tune if len(r["text"]) >= 40}
    shared = Counter((seen[r["text"]], r["doc"]) for r in check if r["text"] in seen)
    assert max(shared.values(), default=0) <= 1
    outlets = [Counter(s["outlet"] for s in _lines(GOLD / split / "stories.jsonl")) for split in ("tune", "check")]
    assert all(abs(outlets[0][o] - outlets[1][o]) <= 1 for o in outlets[0] | outlets[1])
