"""``scripts/train_detector.py``: the cheap detector measured on the sentences the prefilter refuses."""

from __future__ import annotations

from types import ModuleType

import pytest

from detente.coding.selection import Selection
from detente.nlp.prefilter import Verdict
from detente.nlp.sentences import split_sentences
from tests.conftest import script


@pytest.fixture
def det(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The script as a module in ``sys.modules`` (its dataclasses look their module up)."""
    return script("train_detector", monkeypatch)


def _row(det: ModuleType, draw: str, doc: str, index: int, types: list[str], word: str = "x") -> object:
    return det.Row(draw, doc, index, "no trigger word", {f"w:{word}": 1.0}, types)


def test_features_hold_only_what_the_prefilter_already_has(det: ModuleType) -> None:
    text = 'The minister said the plan was "dead", 3 days later.'
    tokens = [t.lower() for t in text.replace('"', " ").replace(",", " ").replace(".", " ").split()]
    feats = det.features(tokens, text, 0, "no candidate actor", True, False, 0)
    assert feats["w:minister"] == 1.0 and "w:3" not in feats  # words only, lowercase
    assert feats["verdict:no candidate actor"] == 1.0 and feats["partial"] == 1.0 and feats["actor"] == 0.0
    assert feats["quote"] == 1.0 and feats["digit"] == 1.0
    assert feats["pos:<1"] == 1.0 and feats["len:<20"] == 1.0 and feats["countries:0"] == 1.0
    plain = det.features(["they", "met"], "They met.", 20, "no trigger word", False, True, 5)
    assert plain["quote"] == 0.0 and plain["digit"] == 0.0 and plain["pos:>=16"] == 1.0
    assert plain["countries:2"] == 1.0  # two or more countries share one feature


def test_a_word_that_needs_a_partner_is_half_a_trigger(det: ModuleType) -> None:
    near = {"lifted": frozenset({"sanctions"})}
    paired = {"concerned": frozenset({"said"})}
    assert det.partial_trigger(["they", "lifted", "the", "ban"], near, paired)
    assert det.partial_trigger(["Concerned", "citizens"], near, paired)
    assert not det.partial_trigger(["they", "met"], near, paired)


def test_the_model_scores_in_plain_python(det: ModuleType) -> None:
    model = det.Model({"w:attack": 2.0, "quote": -1.0}, 0.0)
    assert model.score({}) == pytest.approx(0.5)
    assert model.score({"w:attack": 1.0}) > 0.85 > model.score({"w:attack": 1.0, "quote": 1.0}) > 0.5
    assert model.score({"w:unknown": 1.0}) == pytest.approx(0.5)


def test_rare_words_are_left_out_but_never_the_other_features(det: ModuleType) -> None:
    rows = [det.Row("d", doc, 0, "no trigger word", {"w:talks": 1.0, f"w:name{doc}": 1.0, "quote": 1.0}, [])
            for doc in ("a", "b", "c")]
    words = det.common_words(rows, 3)
    assert words == {"w:talks"}
    assert det.kept(rows[0].feats, words) == {"w:talks": 1.0, "quote": 1.0}


def test_by_draw_a_draw_is_scored_by_a_model_that_never_saw_it(det: ModuleType) -> None:
    rows = [_row(det, "d8", "a", 0, ["ACCUSE"]), _row(det, "d8", "b", 1, []), _row(det, "d9", "c", 0, []),
            _row(det, "news", "d", 2, [])]
    seen: list[set[str]] = []

    def train(part: list[object]) -> object:
        draws = {r.draw for r in part}  # type: ignore[attr-defined]
        seen.append(draws)
        return det.Model({}, float(len(draws)))

    scores = det.out_of_fold(rows, [r.draw for r in rows], train)  # type: ignore[attr-defined]
    assert sorted(map(sorted, seen)) == [["d8", "d9"], ["d8", "news"], ["d9", "news"]]
    assert all(0.0 < s < 1.0 for s in scores)
    by_doc = det.out_of_fold(rows, [r.doc for r in rows], train, folds=2)  # type: ignore[attr-defined]
    assert len(by_doc) == len(rows)


def test_precision_at_k_and_the_threshold_table(det: ModuleType) -> None:
    rows = [_row(det, "d", "a", i, ["ACCUSE"] if i % 2 == 0 else []) for i in range(4)]
    scores = [0.9, 0.8, 0.1, 0.35]
    assert det.precision_at(rows, scores, 2) == (1, 2)
    assert det.precision_at(rows, scores, 1) == (1, 1)
    out = det.table(rows, scores)
    assert out["events"] == 2 and out["at_k"] == {}  # no k of TOP_K fits four rows
    assert out["thresholds"][0.3] == {"taken": 3, "with_event": 1, "precision": 0.333, "recall": 0.5}
    assert out["thresholds"][0.7]["taken"] == 0 or out["thresholds"][0.7]["precision"] is not None


def test_widening_parses_the_picked_refused_sentences_of_that_document_alone(det: ModuleType) -> None:
    sentences = split_sentences("Russia attacked Ukraine. The weather was mild. Rain fell in the north.")
    refused = {1: Verdict.NO_TRIGGER, 2: Verdict.NO_TRIGGER}
    sel = Selection(sentences, [sentences[0]], {"RUS"}, refused=refused)
    wide = det.widen(sel, "doc1", {("doc1", 2), ("doc2", 1)})
    assert [s.index for s in wide.selected] == [0, 2]
    assert dict(wide.refused) == {1: Verdict.NO_TRIGGER}
    assert det.widen(sel, "doc3", {("doc1", 2)}) is sel


def test_training_fits_a_detector_when_scikit_learn_is_there(det: ModuleType) -> None:
    pytest.importorskip("sklearn")
    rows = [_row(det, "d", f"doc{i}", 0, ["ASSAULT"] if i % 2 else [], "shelled" if i % 2 else "weather")
            for i in range(12)]
    model = det.fit(rows, 1.0, 3)
    assert model.score({"w:shelled": 1.0}) > 0.5 > model.score({"w:weather": 1.0})
