"""The learned check on the rules' events: its weights load, its features say what the coder knew, it scores
deterministically, the coder's hook drops and re-ranks as the model says, and off changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from spacy.language import Language

import detente.coding.coder as coder_module
from detente.coding import Coder, verifier
from detente.coding.verifier import Model, _determiner, features, load_model, model_from, switch
from detente.datafiles import read_text
from detente.records import Mention
from tests.conftest import script

TWO_ACTS = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday and signed an " \
           "energy agreement with him."
ONE_ACT = "China accused the United States of spying on Monday."


def _model(weights: dict[str, float], threshold: float = 0.0, rerank: bool = False) -> Model:
    return Model(weights=weights, bias=0.0, threshold=threshold, rerank=rerank, enabled=True)


@pytest.fixture()
def seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, float]]]:
    """The features of every record the coder's hook sees, the check itself left as it is."""
    found: list[dict[str, float]] = []
    kept = coder_module.check

    def spy(pairs: Any, records: list[Mention], lexicon: Any, model: Any = None) -> list[Mention]:
        cands = {id(rec): cand for cand, rec in pairs}
        found.extend(features(cands[id(r)], r, records, lexicon) for r in records if id(r) in cands)
        return kept(pairs, records, lexicon, model)

    monkeypatch.setattr(coder_module, "check", spy)
    yield found


@pytest.fixture()
def forced(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Set the coder's check to a hand-made model."""
    def use(model: Model | None) -> None:
        monkeypatch.setattr(verifier, "default_model", lambda: model)
    yield use


def test_bundled_weights_load() -> None:
    model = load_model()
    assert 0.0 <= model.threshold < 1.0
    header = json.loads(read_text("detente.coding", "data/verifier.json"))
    assert "scripts/train_verifier.py" in header["about"] and "never a check" in header["about"]
    assert header["weights"] and all(isinstance(w, float) for w in header["weights"].values())


def test_malformed_weights_name_the_file() -> None:
    with pytest.raises(ValueError, match="w.json: not a verifier"):
        model_from({"weights": {"type:ACCUSE": 1.0}, "bias": 0.0}, "w.json")
    with pytest.raises(ValueError, match="w.json: threshold"):
        model_from({"weights": {}, "bias": 0.0, "threshold": 1.5, "rerank": False}, "w.json")


def test_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    for value, want in (("on", True), ("OFF", False), ("", None)):
        monkeypatch.setenv(verifier.ENV, value)
        assert switch() is want
    monkeypatch.setenv(verifier.ENV, "maybe")
    with pytest.raises(ValueError, match="DETENTE_VERIFIER"):
        switch()


def test_off_switch_gives_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(verifier.ENV, "off")
    verifier.default_model.cache_clear()
    try:
        assert verifier.default_model() is None
    finally:
        verifier.default_model.cache_clear()


def test_features_say_what_the_coder_knew(coder: Coder, seen: list[dict[str, float]]) -> None:
    coder.code_text(ONE_ACT)
    (found,) = seen
    assert {"type:ACCUSE", "lemma:accuse", "lt:accuse:ACCUSE", "pos:VERB", "dep:ROOT", "modality:asserted",
            "src:country", "tgt:country", "records:1"} <= set(found)
    assert any(f.startswith("how:") for f in found) and any(f.startswith("cameo:11") for f in found)
    assert 0.0 < found["conf"] <= 1.0
    assert all(v == 1.0 for k, v in found.items() if k != "conf")


def test_features_see_the_other_candidates(coder: Coder, seen: list[dict[str, float]]) -> None:
    coder.code_text(TWO_ACTS)
    by_type = {next(k for k in f if k.startswith("type:")): f for f in seen}
    assert set(by_type) == {"type:CONSULT", "type:AGREE"}
    assert "beside:AGREE" in by_type["type:CONSULT"] and "beside:CONSULT" in by_type["type:AGREE"]
    assert "records:2" in by_type["type:AGREE"]
    assert ("top" in by_type["type:CONSULT"]) != ("top" in by_type["type:AGREE"])


def test_scores_are_deterministic() -> None:
    model = _model({"a": 0.1, "b": 1e-17, "c": -0.3, "conf": 2.0})
    one = {"a": 1.0, "b": 1.0, "c": 1.0, "conf": 0.7}
    other = dict(reversed(list(one.items())))
    assert model.probability(one) == model.probability(other)
    assert model.probability({}) == 0.5


def test_the_check_drops_an_event_it_does_not_trust(coder: Coder, forced: Any) -> None:
    forced(_model({"type:AGREE": -10.0}, threshold=0.5))
    assert [r.type for r in coder.code_text(TWO_ACTS)] == ["CONSULT"]
    forced(_model({"type:AGREE": -10.0}, threshold=0.0))
    assert sorted(r.type for r in coder.code_text(TWO_ACTS)) == ["AGREE", "CONSULT"]


def test_the_check_makes_the_trusted_event_the_answer(coder: Coder, forced: Any) -> None:
    forced(None)
    records = coder.code_text(TWO_ACTS)
    assert max(records, key=lambda r: r.confidence).type == "CONSULT"
    forced(_model({"type:AGREE": 3.0}, rerank=True))
    records = coder.code_text(TWO_ACTS)
    assert max(records, key=lambda r: r.confidence).type == "AGREE"
    assert sorted(r.confidence for r in records) == sorted(r.confidence for r in coder.code_text(TWO_ACTS))


def test_a_dropped_record_still_serves_a_later_sentence(coder: Coder, forced: Any) -> None:
    """The check drops the verb's attack from the output, yet the next sentence's "the attack", which names no
    side of its own, still takes the sides of the attack reported before it."""
    text = ("Russian troops attacked Ukrainian positions near Kharkiv on Tuesday. The attack marked an escalation "
            "in the war in Ukraine.")
    forced(None)
    off = coder.code_text(text)
    assert [(r.sentence_index, r.type) for r in off] == [(0, "ASSAULT"), (1, "ASSAULT")]
    forced(_model({"pos:VERB": -10.0}, threshold=0.5))
    (later,) = coder.code_text(text)
    assert (later.sentence_index, later.type) == (1, "ASSAULT")
    assert [a.country for a in later.source] == ["RUS"] and [a.country for a in later.target] == ["UKR"]
    assert later.to_dict() == off[1].to_dict()


def test_dropped_records_are_left_out_of_the_count(coder: Coder, forced: Any) -> None:
    forced(_model({"type:AGREE": -10.0}, threshold=0.5))
    before = coder.stats["events"]
    coder.code_text(TWO_ACTS)
    assert coder.stats["events"] - before == 1 and not coder._dropped  # nothing held once the story is done


def test_off_changes_nothing(coder: Coder, forced: Any) -> None:
    forced(None)
    off = [r.to_dict() for r in coder.code_text(TWO_ACTS)]
    forced(_model({}, threshold=0.0))  # on, but trusting every event alike: the same records
    assert [r.to_dict() for r in coder.code_text(TWO_ACTS)] == off


# -- the training script ----------------------------------------------------------------------------------


def test_training_script_reads_the_read_draws_and_never_the_fresh_check_set(
        monkeypatch: pytest.MonkeyPatch) -> None:
    tv = script("train_verifier", monkeypatch)  # its dataclasses look their module up
    paths = [str(gold) for _, gold, _ in tv.TUNE_SETS]
    assert any(p.endswith("gold/lee8/news.jsonl") for p in paths)
    assert any(p.endswith("gold/lee7/news.jsonl") for p in paths)
    assert not any("/gold/lee/" in p for p in paths)


def test_training_script_reads_the_ninth_draws_read_half_only(monkeypatch: pytest.MonkeyPatch) -> None:
    tv = script("train_verifier", monkeypatch)
    names = [name for name, _, _ in tv.SETS]
    assert names[:len(tv.TUNE_SETS)] == [name for name, _, _ in tv.TUNE_SETS] and "d9" in names
    paths = [str(p) for _, gold, docs in tv.SETS for p in (gold, *docs)]
    assert any(p.endswith("gold/outlets/tune/news.jsonl") for p in paths)
    assert not any("/outlets/check" in p or "/gold/lee/" in p or "labels_" in p for p in paths)


def test_training_script_simulates_an_answers_own_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    tv = script("train_verifier", monkeypatch)
    key = ("x", "doc", 0)
    answer = tv.Event({"type:A": 1.0}, False, "A", 0.9, key)
    extra = tv.Event({"type:B": 1.0}, False, "B", 0.6, key)
    sentences = [tv.Sentence(key, "tune", [])]
    probs = [0.05, 0.3]
    assert tv.simulate([answer, extra], probs, sentences, 0.4, False, secondary=True)["all"]["coded"] == 1
    assert tv.simulate([answer, extra], probs, sentences, 0.4, False, True, floor=0.1)["all"]["coded"] == 0
    assert tv.simulate([answer, extra], probs, sentences, 0.4, False, True, floor=0.01)["all"]["coded"] == 1


def test_training_script_simulates_the_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    tv = script("train_verifier", monkeypatch)
    key = ("x", "doc", 0)
    right = tv.Event({"type:A": 1.0}, True, "A", 0.6, key)
    wrong = tv.Event({"type:B": 1.0}, False, "B", 0.9, key)
    sentences = [tv.Sentence(key, "tune", ["A"])]
    off = tv.simulate([right, wrong], [0.8, 0.1], sentences, 0.0, False)["all"]
    assert (off["type"], off["precision"], off["coded"]) == (0.0, 0.5, 2)
    dropped = tv.simulate([right, wrong], [0.8, 0.1], sentences, 0.2, False)["all"]
    assert (dropped["type"], dropped["precision"], dropped["coded"]) == (1.0, 1.0, 1)
    kept_first = tv.simulate([right, wrong], [0.8, 0.1], sentences, 0.2, False, secondary=True)["all"]
    assert kept_first["coded"] == 2  # the most confident event is never dropped
    reranked = tv.simulate([right, wrong], [0.8, 0.1], sentences, 0.0, True)["all"]
    assert reranked["type"] == 1.0


def test_training_script_leaves_out_lemmas_of_few_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    tv = script("train_verifier", monkeypatch)
    events = [tv.Event({"lemma:rare": 1.0, "lemma:common": 1.0, "type:A": 1.0}, True, "A", 0.5, ("x", "d1", 0))]
    events += [tv.Event({"lemma:common": 1.0}, True, "A", 0.5, ("x", f"d{n}", 0)) for n in (2, 3)]
    assert tv.lexical_rare(events, 3) == {"lemma:rare"}


def test_keep_first_never_drops_the_answer(coder: Coder, forced: Any) -> None:
    forced(Model(weights={"type:CONSULT": -10.0, "type:AGREE": -10.0}, bias=0.0, threshold=0.5, rerank=False,
                 enabled=True, keep_first=True))
    assert [r.type for r in coder.code_text(TWO_ACTS)] == ["CONSULT"]  # the answer stays, the other goes


def test_bundled_weights_leave_every_answer(coder: Coder, forced: Any) -> None:
    """Shipped with ``keep_first``: whatever it drops, a sentence's most confident event stays its answer."""
    texts = (TWO_ACTS, ONE_ACT, "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday, and Ukraine "
             "accused Moscow of war crimes.")
    forced(None)
    off = [max(coder.code_text(t), key=lambda r: r.confidence).type for t in texts]
    model = load_model()
    assert model.keep_first and not model.rerank
    forced(model)
    assert [max(coder.code_text(t), key=lambda r: r.confidence).type for t in texts] == off


def test_a_noun_triggers_determiner_is_a_feature(coder: Coder, seen: list[dict[str, float]]) -> None:
    coder.code_text("Russia's invasion of Ukraine drew a protest from France on Monday.")
    dets = {next(k for k in f if k.startswith("lemma:")): {k for k in f if k.startswith("det:")} for f in seen}
    assert dets["lemma:invasion"] == {"det:poss"} and dets["lemma:protest"] == {"det:ind"}
    seen.clear()
    coder.code_text("France protested against Russia's invasion of Ukraine on Monday.")
    verbs = [f for f in seen if "pos:VERB" in f]
    assert verbs and not any(k.startswith("det:") for f in verbs for k in f)  # a verb has no determiner


def test_determiner_kinds_come_from_the_parsers_morphology(nlp: Language) -> None:
    for text, want in (("The ban was lifted.", "det:def"), ("A ban was lifted.", "det:ind"),
                       ("This ban was lifted.", "det:dem"), ("Every ban was lifted.", "det:other"),
                       ("Bans were lifted.", "det:none")):
        noun = next(t for t in nlp(text) if t.pos_ == "NOUN")
        assert _determiner(noun) == [want], text


def test_answer_threshold_drops_an_answer_only_under_its_own_floor(coder: Coder, forced: Any) -> None:
    weights = {"type:CONSULT": -2.0, "type:AGREE": -10.0}  # CONSULT, the answer, at about 0.12
    forced(Model(weights=weights, bias=0.0, threshold=0.5, rerank=False, enabled=True, keep_first=True,
                 answer_threshold=0.1))
    assert [r.type for r in coder.code_text(TWO_ACTS)] == ["CONSULT"]
    forced(Model(weights=weights, bias=0.0, threshold=0.5, rerank=False, enabled=True, keep_first=True,
                 answer_threshold=0.2))
    assert coder.code_text(TWO_ACTS) == []


def test_answer_threshold_above_the_threshold_is_refused() -> None:
    with pytest.raises(ValueError, match="w.json: answer_threshold"):
        model_from({"weights": {}, "bias": 0.0, "threshold": 0.2, "rerank": False, "keep_first": True,
                    "answer_threshold": 0.3}, "w.json")
