"""Integrity of gold/outlets/ and gold/outlets10/, the ninth and tenth draws: nine outlets' news of 2016–17
(docs/labelling.md, "The ninth draw", "The tenth draw").

The draw's honesty rests on its order: stories were taken by a seeded order, one of each outlet a round, the
halves by round, and only a prefix of the order is labelled, so that neither what was labelled nor which half a
story went to was chosen by anyone. These tests check that on the committed files and on constructed data.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import jsonl_rows, script

GOLD = Path(__file__).resolve().parents[1] / "gold" / "outlets"


@pytest.fixture(scope="module")
def module():
    return script("build_outlets")


@pytest.fixture(params=[9, 10])
def drawn(module, request):
    """The folder of one draw, with the script pointed at it (and back at the ninth afterwards)."""
    module.use_draw(request.param)
    yield module.FOLDER
    module.use_draw(9)


def test_order_lists_the_written_stories(module, drawn):
    stories = jsonl_rows(drawn / "stories.jsonl")
    order = [line.split() for line in (drawn / "order.txt").read_text(encoding="utf-8").splitlines()]
    assert [doc for _, doc, _ in order] == [s["id"] for s in stories]
    assert all(s["published"] and s["outlet"] in module.OUTLETS.values() for s in stories)


def test_each_round_holds_one_story_of_each_outlet_and_the_halves_alternate(module, drawn):
    stories, ordered = jsonl_rows(drawn / "stories.jsonl"), module.ordered()
    width = len(module.OUTLETS)
    assert len(stories) == module.ROUNDS * width
    for start in range(0, len(stories), width):
        assert sorted(s["outlet"] for s in stories[start:start + width]) == sorted(module.OUTLETS.values())
        assert {split for _, split in ordered[start:start + width]} == {module.SPLITS[(start // width) % 2]}


def test_the_tenth_draw_continues_the_ninths_order_with_other_stories(module):
    ninth, tenth = (jsonl_rows(GOLD.parent / folder / "stories.jsonl") for folder in ("outlets", "outlets10"))
    assert not {s["id"] for s in ninth} & {s["id"] for s in tenth}
    assert not {s["text"] for s in ninth} & {s["text"] for s in tenth}
    module.use_draw(10)
    try:
        assert (module.DRAW, module.FIRST_ROUND, module.half(0), module.half(9)) == (10, 16, "tune", "check")
    finally:
        module.use_draw(9)


def _article(number: int, site: str, text: str, date: str = "2017/3/1") -> dict:
    return {"article_id": str(number), "publish_date": date, "article_source_link": f"http://www.{site}/a/{number}",
            "title": f"t{number}", "text": text}


def test_population_keeps_dated_short_unique_articles_of_the_nine_outlets(module):
    articles = [_article(1, "cnn.com", "China met the US."), _article(2, "cnn.com", "China met the US."),
                _article(3, "tass.com", "x" * (module.MAX_CHARS + 1)), _article(4, "dw.com", "Undated.", "       "),
                _article(5, "example.com", "Elsewhere."), _article(6, "rte.ie", "  ")]
    kept = module.population(articles)
    assert [(s["id"], s["outlet"], s["published"]) for s in kept] == [("na-1", "CNN", "2017-03-01")]


def test_stubs_the_reader_rejects_are_skipped_after_the_shuffle(module, monkeypatch):
    """Skipping after the shuffle keeps every other story where it was: a draw made before the test does not
    change."""
    articles = [_article(n, "cnn.com", f"Story {n} says China met the United States today.") for n in range(6)]
    stories = module.population([*articles, _article(99, "cnn.com", "Too short.")])
    drawn = [s["id"] for s in module.draw_order(stories, rounds=7)]
    monkeypatch.setattr(module, "_readable", lambda story: True)
    unfiltered = [s["id"] for s in module.draw_order(stories, rounds=7)]
    assert "na-99" in unfiltered and drawn == [doc for doc in unfiltered if doc != "na-99"]


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


def test_gold_matches_its_labels(module, drawn):
    if not (drawn / "tune" / "news.jsonl").exists():
        pytest.skip("the draw is not labelled yet")
    built = module.news_rows()
    for split in module.SPLITS:
        assert jsonl_rows(drawn / split / "news.jsonl") == built[split][1]
        assert jsonl_rows(drawn / split / "stories.jsonl") == built[split][0]


def test_no_story_is_repeated_across_the_halves_and_outlets_are_alike(drawn):
    """A repeated story (the same article twice, or an update of it) would share most of its sentences; an outlet's
    boilerplate lines ("Do you have information you want to share with the Huffington Post?", "How will Trump's
    first 100 days impact you?") stand in unrelated stories of both halves. So no check story may share more than
    a tenth of its sentences (and at least one) with any tune story."""
    if not (drawn / "tune" / "news.jsonl").exists():
        pytest.skip("the draw is not labelled yet")
    tune, check = jsonl_rows(drawn / "tune" / "news.jsonl"), jsonl_rows(drawn / "check" / "news.jsonl")
    seen = {r["text"]: r["doc"] for r in tune if len(r["text"]) >= 40}
    shared = Counter((seen[r["text"]], r["doc"]) for r in check if r["text"] in seen)
    size = Counter(r["doc"] for r in check)
    assert all(n <= max(1, size[doc] // 10) for (_, doc), n in shared.items())
    outlets = [Counter(s["outlet"] for s in jsonl_rows(drawn / split / "stories.jsonl")) for split in ("tune", "check")]
    assert all(abs(outlets[0][o] - outlets[1][o]) <= 1 for o in outlets[0] | outlets[1])
