"""Same-event scoring: reading the labels, matching stored mentions to labelled events, and the scores, computed
by hand on constructed reports; and the real label file checked against the labelled news it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.evaluation.news import GoldEvent, GoldSentence, match_one_to_one, read_news_gold
from detente.evaluation.same_events import (
    Report,
    format_same_events,
    label_problems,
    match_reports,
    read_same_events,
    score_same_events,
)
from detente.records import Mention
from tests.conftest import ROOT

LABELS = ROOT / "gold" / "same_events.tsv"
NEWS = ROOT / "gold" / "news.jsonl"


def _event(type_: str) -> GoldEvent:
    return GoldEvent(type=type_, modality="asserted", source=frozenset({"CHN"}), target=frozenset({"USA"}),
                     date=None, date_precision="unresolved", place=None, place_country=None)


def _row(doc: str, index: int, *types: str, split: str = "tune") -> GoldSentence:
    return GoldSentence(doc=doc, published=None, sentence_index=index, text="s", split=split,
                        events=[_event(t) for t in types])


def _mention(type_: str, index: int, conf: float) -> Mention:
    return Mention(mention_id=f"{type_}{index}{conf}", doc_id="h", sentence="s", sentence_index=index, type=type_,
                   mode=None, cameo=None, goldstein=None, quad_class=None, modality="asserted", channel="diplomatic",
                   confidence=conf)


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "same.tsv"
    path.write_text("doc\tsentence_index\tevent\tgroup\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_reads_groups_and_refuses_repeats_and_bad_rows(tmp_path: Path) -> None:
    assert read_same_events(_write(tmp_path, "a\t0\t0\tmeet", "b\t3\t1\tmeet")) == {("a", 0, 0): "meet",
                                                                                    ("b", 3, 1): "meet"}
    with pytest.raises(ValueError, match="listed twice"):
        read_same_events(_write(tmp_path, "a\t0\t0\tmeet", "a\t0\t0\tother"))
    with pytest.raises(ValueError, match=":2:"):
        read_same_events(_write(tmp_path, "a\tzero\t0\tmeet"))
    with pytest.raises(ValueError, match="no group"):
        read_same_events(_write(tmp_path, "a\t0\t0\t "))


def test_label_problems_name_events_that_are_not_labelled_tune_events() -> None:
    gold = [_row("a", 0, "CONSULT"), _row("c", 0, "CONSULT", split="check")]
    assert label_problems({("a", 0, 0): "g"}, gold) == []
    assert label_problems({("a", 0, 1): "g", ("c", 0, 0): "g"}, gold) == ["a:0.1: no labelled tune event",
                                                                          "c:0.0: no labelled tune event"]


def test_mentions_match_events_of_their_sentence_by_type_most_confident_first() -> None:
    gold = [_row("a", 0, "CONSULT", "CONSULT", "ACCUSE"), _row("a", 1, "AID")]
    groups = {("a", 0, 0): "g1", ("a", 0, 1): "g2", ("a", 0, 2): "g3"}  # sentence 1 not listed: never matched
    stored = [("a", _mention("CONSULT", 0, 0.4), "e2"), ("a", _mention("CONSULT", 0, 0.9), "e1"),
              ("a", _mention("CONSULT", 0, 0.3), "e3"),  # a third CONSULT: no free event left
              ("a", _mention("REJECT", 0, 0.9), "e4"),  # no labelled event of its type
              ("a", _mention("AID", 1, 0.9), "e5"), ("b", _mention("ACCUSE", 0, 0.9), "e6")]  # other document
    assert match_reports(groups, gold, stored) == [Report("a", 0, 0, "g1", "e1"), Report("a", 0, 1, "g2", "e2")]


def test_one_matcher_pairs_any_events_and_mentions_most_confident_first() -> None:
    # the news scores and the same-event scores share it: events and mentions of any shape, a fit and a confidence
    events = ["CONSULT", "ACCUSE", "CONSULT"]
    mentions = [("CONSULT", 0.2), ("CONSULT", 0.9), ("ACCUSE", 0.5), ("CONSULT", 0.4), ("AID", 1.0)]
    pairs = match_one_to_one(events, mentions, lambda e, m: e == m[0], lambda m: m[1])
    assert pairs == [("CONSULT", ("CONSULT", 0.9)), ("ACCUSE", ("ACCUSE", 0.5)), ("CONSULT", ("CONSULT", 0.4))]
    by_position = match_one_to_one([0, 1], ["x", "y"], lambda i, m: True, lambda m: 0.5)
    assert by_position == [(0, "x"), (1, "y")]  # equal confidence: the mentions' own order, the first free event


def test_scores_computed_by_hand() -> None:
    reports = [
        # group m: three reports, two documents; a and b joined in e1, c alone in e2 -> split, across
        Report("a", 0, 0, "m", "e1"), Report("b", 0, 0, "m", "e1"), Report("b", 4, 0, "m", "e2"),
        # group s: two reports of one document, joined in e3 -> together, within
        Report("a", 2, 0, "s", "e3"), Report("a", 5, 0, "s", "e3"),
        # group t: one report, wrongly merged into e3 from the same document -> a within wrong merge
        Report("a", 7, 0, "t", "e3"),
        # group u: one report wrongly merged into e1, from a third document -> an across wrong merge
        Report("c", 1, 0, "u", "e1"),
    ]
    r = score_same_events(reports, labelled=9)
    assert r["labelled_events"] == 9 and r["matched_events"] == 7
    assert r["groups"] == {"all": 2, "within": 1, "across": 1}
    assert r["together"] == {"all": 0.5, "within": 1.0, "across": 0.0}
    # pairs of a group: m: (a0,b0) across joined, (a0,b4) across apart, (b0,b4) within apart; s: within joined
    assert r["pair_recall"] == {"all": 0.5, "within": 0.5, "across": 0.5}
    assert r["split_groups"] == ["m"]
    # e1 holds m, m, u (across only); e3 holds s, s, t (within only); e2 holds one report
    assert r["stored_events"] == 2
    assert r["wrong_merges"] == {"all": 2, "within": 1, "across": 1}
    assert r["wrong_merge_events"] == ["e1", "e3"]
    # pairs of a stored event: e1: (a0,b0) right across, (a0,c1) wrong across, (b0,c1) wrong across;
    # e3: (a2,a5) right, (a2,a7) wrong, (a5,a7) wrong, all within
    assert r["pair_precision"] == {"all": round(2 / 6, 4), "within": round(1 / 3, 4), "across": round(1 / 3, 4)}
    text = format_same_events(r)
    assert "7 of 9 labelled events matched" in text and "split groups: m" in text
    assert next(line for line in text.splitlines() if "all in one stored event" in line).split()[-3:] == \
        ["0.500", "1.000", "0.000"]


def test_nothing_to_score_gives_no_rates() -> None:
    r = score_same_events([Report("a", 0, 0, "m", "e1")])
    assert r["groups"]["all"] == 0 and r["together"]["all"] is None and r["pair_precision"]["all"] is None
    assert r["wrong_merges"]["all"] == 0


def test_the_real_labels_name_labelled_tune_events_only() -> None:
    groups = read_same_events(LABELS)
    gold = read_news_gold(NEWS)
    assert label_problems(groups, gold) == []
    tune = {(g.doc, g.sentence_index, i) for g in gold if g.split == "tune" for i in range(len(g.events))}
    assert set(groups) == tune  # every labelled tune event is listed, a singleton or in a group
    sizes: dict[str, set[str]] = {}
    for (doc, _, _), group in groups.items():
        sizes.setdefault(group, set()).add(doc)
    members = [list(groups.values()).count(g) for g in sizes]
    assert sum(1 for n in members if n >= 2) >= 50
    assert sum(1 for docs in sizes.values() if len(docs) >= 2) >= 3  # groups reported by 2+ documents
