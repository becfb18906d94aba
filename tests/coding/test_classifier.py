"""The statistical layer: its weights load, it scores deterministically, its threshold gates, and its proposal
becomes an event only through the rules' own participants (no country, no event)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

import pytest
from spacy.language import Language

from detente.coding import Coder
from detente.coding import classifier as layer
from detente.coding.cameo import load_cameo
from detente.coding.classifier import NONE, Model, features, load_model, model_from, propose, switch
from detente.coding.lexicon import load_lexicon
from detente.coding.modality import load_cues
from detente.datafiles import read_text
from detente.ontology import PLOVER_TYPES

LEXICON = load_lexicon()
CUES = load_cues()
# parsed (a trigger word and a leading pronoun pass the prefilter), yet the rules code nothing: nobody resolves
PRONOUN_ONLY = "They shipped medical supplies to the villagers."


def _model(type_: str, strength: float, threshold: float = 0.5, feature: str = "v:ship") -> Model:
    """A hand-made model: ``feature`` pushes ``type_`` by ``strength`` against NONE."""
    classes = (NONE, type_)
    return Model(classes=classes, weights={feature: (0.0, strength)}, bias=(0.0, 0.0), threshold=threshold,
                 cameo={type_: "070"}, enabled=True)


@pytest.fixture()
def forced(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The coder's layer on, with a model that reads every sentence with "supplies" in it as AID."""
    monkeypatch.setattr(layer, "default_model", lambda: _model("AID", 5.0, feature="w:supply"))
    yield


def test_bundled_weights_load() -> None:
    model = load_model()
    assert NONE in model.classes and len(model.classes) == 17
    assert set(model.classes) - {NONE} <= set(PLOVER_TYPES)
    assert 0.0 < model.threshold <= 1.0
    cameo = load_cameo()
    for t in model.classes:
        if t != NONE:
            assert cameo.goldstein(model.cameo[t]) is not None
    header = json.loads(read_text("detente.coding", "data/classifier.json"))
    assert "scripts/train_classifier.py" in header["about"] and "tune" in header["about"]
    assert header["cross_validation"] is None or header["cross_validation"]["threshold"] == model.threshold


def test_malformed_weights_name_the_file() -> None:
    with pytest.raises(ValueError, match="weights.json: .*do not agree"):
        model_from({"classes": [NONE, "AID"], "weights": {"v:x": [1.0]}, "bias": [0, 0], "cameo": {"AID": "070"},
                    "threshold": 0.5}, "weights.json")
    with pytest.raises(ValueError, match="weights.json: not a classifier"):
        model_from({"classes": [NONE]}, "weights.json")
    with pytest.raises(ValueError, match="do not agree"):
        model_from({"classes": ["AID"], "weights": {}, "bias": [0], "cameo": {"AID": "070"}, "threshold": 0.5}, "w")
    with pytest.raises(ValueError, match="unknown"):
        model_from({"classes": [NONE, "HUG"], "weights": {}, "bias": [0, 0], "cameo": {"HUG": "070"},
                    "threshold": 0.5}, "weights.json")


def test_scores_are_deterministic(nlp: Language) -> None:
    model = load_model()
    sent = nlp("Beijing accused Washington of meddling in its internal affairs on Tuesday.")[:]
    feats = features(sent, LEXICON)
    again = features(nlp("Beijing accused Washington of meddling in its internal affairs on Tuesday.")[:], LEXICON)
    assert feats == again == sorted(set(feats))
    assert "v:accuse" in feats and "subj:GPE" in feats
    assert model.probabilities(feats) == model.probabilities(list(reversed(feats)))
    assert abs(sum(model.probabilities(feats)) - 1.0) < 1e-9


def test_clear_type_gets_it(nlp: Language) -> None:
    """A sentence of an unmistakable type, in words the lexicon does not need to know: the bundled weights."""
    model = load_model()
    type_, p = model.best(features(nlp("Beijing accused Washington of meddling in its affairs.")[:], LEXICON))
    assert type_ == "ACCUSE"
    assert p > max(q for c, q in zip(model.classes, model.probabilities(
        features(nlp("Beijing accused Washington of meddling in its affairs.")[:], LEXICON)), strict=True)
        if c not in (NONE, "ACCUSE"))


def test_threshold_gates(nlp: Language) -> None:
    sent = nlp("China shipped medical supplies to Italy.")[:]
    p = _model("AID", 1.0).best(features(sent, LEXICON))[1]  # e / (1 + e) = 0.731
    assert p == pytest.approx(0.7311, abs=1e-4)
    below = propose(sent, LEXICON, CUES, model=_model("AID", 1.0, threshold=0.74))
    above = propose(sent, LEXICON, CUES, model=_model("AID", 1.0, threshold=0.73))
    assert below is None
    assert above is not None and above.coded.type == "AID" and above.token.lower_ == "shipped"
    assert [a.texts[0] for a in above.sources] == ["China"] and [a.texts[0] for a in above.targets] == ["Italy"]
    assert above.modality == "asserted" and above.coded.cameo == "070"


def test_layer_off_proposes_nothing(monkeypatch: pytest.MonkeyPatch, nlp: Language) -> None:
    monkeypatch.setattr(layer, "default_model", lambda: None)
    assert propose(nlp("China shipped medical supplies to Italy.")[:], LEXICON, CUES) is None


def test_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_CLASSIFIER", "on")
    assert switch() is True
    monkeypatch.setenv("DETENTE_CLASSIFIER", "OFF")
    assert switch() is False
    monkeypatch.delenv("DETENTE_CLASSIFIER")
    assert switch() is None
    monkeypatch.setenv("DETENTE_CLASSIFIER", "maybe")
    with pytest.raises(ValueError, match="DETENTE_CLASSIFIER='maybe'"):
        switch()


def test_no_event_without_a_resolved_country(coder: Coder, forced: None, nlp: Language) -> None:
    """The layer proposes AID for the sentence, but nobody in it resolves to a country: no event."""
    proposed = propose(nlp(PRONOUN_ONLY)[:], LEXICON, CUES, model=layer.default_model())
    assert proposed is not None and proposed.coded.type == "AID"
    parsed = coder.stats["parsed"]
    assert coder.code_text(PRONOUN_ONLY) == []
    assert coder.stats["parsed"] == parsed + 1  # it was parsed and scored, and dropped


def test_coder_uses_the_layer_only_where_the_rules_found_nothing(coder: Coder, forced: None) -> None:
    # the rules code nothing here (no trigger sense of "receive" fits): the layer's AID, on the root's clause
    records = coder.code_text("Italy received medical supplies shipped by China.")
    assert [(r.type, r.trigger, r.cameo, [a.country for a in r.source]) for r in records] == \
        [("AID", "received", "070", ["ITA"])]
    assert records[0].confidence < 0.9
    # where the rules code an event, the layer is not asked
    ruled = coder.code_text("China shipped medical supplies to Italy.")
    assert [r.type for r in ruled] == ["AID"] and all(r.confidence > 0.5 for r in ruled)


def test_the_layers_proposal_is_screened_like_a_rules(coder: Coder, forced: None) -> None:
    """The labelling guide's no-event conventions (coding/conventions.py) hold for the layer's proposals too: an
    analyst's prediction is no event whoever proposes it."""
    assert [r.type for r in coder.code_text("Italy received medical supplies shipped by China.")] == ["AID"]
    assert coder.code_text("Italy could receive medical supplies shipped by China, an analyst said.") == []
    assert coder.code_text("Italy could receive medical supplies shipped by China.") == []


def test_training_script_picks_the_lowest_threshold_that_keeps_precision(monkeypatch: pytest.MonkeyPatch) -> None:
    """``scripts/train_classifier.py``: proposals are counted only where the rules coded nothing, and the
    threshold is the lowest from which on every threshold keeps the precision asked for."""
    pytest.importorskip("sklearn")
    from tests.conftest import script as load_script

    script = load_script("train_classifier", monkeypatch)  # its dataclasses look their module up
    row = script.Row
    scored = [(row([], ["ACCUSE"], "d1", True), "ACCUSE", 0.9),
              (row([], [NONE], "d1", True), "ACCUSE", 0.5),
              (row([], ["AID"], "d2", True), "AID", 0.3),
              (row([], ["SUPPORT"], "d2", False), "AID", 0.95)]  # the rules coded it: never the layer's
    table = {e["threshold"]: e for e in script.threshold_table(scored)}
    assert (table[0.3]["proposals"], table[0.3]["right"]) == (3, 2)
    assert (table[0.5]["proposals"], table[0.5]["right"]) == (2, 1)
    assert (table[0.95]["proposals"], table[0.95]["precision"]) == (0, None)
    assert script.choose(script.threshold_table(scored), 0.65) == 0.525
    assert script.choose(script.threshold_table(scored), 0.5) == 0.2


# demands written for the test in the manner of the tune sentences the layer learnt REQUEST from; no trigger word
# of the rules in them, so only the layer codes them. The shipped threshold (0.9, session 15) lies between the two:
# the first is read at 0.93 and proposed, the second at 0.78 and not
PROPOSED_REQUEST = "Washington must meet Beijing halfway."
UNPROPOSED_REQUEST = "Washington should meet Beijing halfway."
UNTRIGGERED_REQUESTS = {PROPOSED_REQUEST: "USA", UNPROPOSED_REQUEST: "USA"}


def test_bundled_weights_propose_where_the_rules_find_no_trigger(
        coder: Coder, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped weights (whatever their ``enabled``) read the type of sentences the rules leave without a
    trigger. At their own threshold they propose the first, which the coder turns into an event, and not the
    second, for which the coder codes nothing; under a lower threshold the second is an event too, so the threshold
    alone keeps it out. (Session 12: the threshold chosen out of fold rose from 0.575 to 0.925; session 14, with
    tune d8 and thresholds judged on 20 or more proposals, it fell to 0.775, under "The United States must respect
    China's core interests." (0.84), which was the second sentence until then; session 15, with tune d9 and C = 3,
    it rose to 0.9, over both sentences of session 14, so the pair is now "must" / "should" of one demand, read at
    0.93 and 0.78. A retrained model that moves either sentence across its threshold changes this test, saying
    why: the test does not take the split from the model it checks.)"""
    model = load_model()
    monkeypatch.setattr(layer, "default_model", lambda: None)
    assert [coder.code_text(s) for s in UNTRIGGERED_REQUESTS] == [[], []]
    read = {s: model.best(features(nlp(s)[:], LEXICON)) for s in UNTRIGGERED_REQUESTS}
    assert all(type_ == "REQUEST" and p >= 0.55 for type_, p in read.values()), read
    assert read[PROPOSED_REQUEST][1] >= model.threshold > read[UNPROPOSED_REQUEST][1], (model.threshold, read)
    monkeypatch.setattr(layer, "default_model", lambda: model)
    _one_request_by(coder, PROPOSED_REQUEST, "USA")
    assert coder.code_text(UNPROPOSED_REQUEST) == []
    lower = replace(model, threshold=0.55)
    monkeypatch.setattr(layer, "default_model", lambda: lower)
    for s, country in UNTRIGGERED_REQUESTS.items():
        _one_request_by(coder, s, country)


def _one_request_by(coder: Coder, text: str, country: str) -> None:
    """The layer's REQUEST, its source found by the rules' own participants, at the layer's lower confidence."""
    records = coder.code_text(text)
    assert [(r.type, [a.country for a in r.source]) for r in records] == [("REQUEST", [country])], text
    assert records[0].confidence <= 0.9


def test_training_script_ignores_thresholds_with_too_few_proposals(monkeypatch: pytest.MonkeyPatch) -> None:
    """One wrong proposal near the top vetoes every threshold below it unless thresholds with fewer than
    ``min_proposals`` proposals are left unjudged."""
    pytest.importorskip("sklearn")
    from tests.conftest import script as load_script

    script = load_script("train_classifier", monkeypatch)  # its dataclasses look their module up
    row = script.Row
    scored = [(row([], [NONE], "d0", True), "ACCUSE", 0.9)]  # the top proposal, wrong
    scored += [(row([], ["ACCUSE"], f"d{k}", True), "ACCUSE", 0.5) for k in range(1, 4)]
    scored += [(row([], [NONE], "d4", True), "ACCUSE", 0.45)]
    table = script.threshold_table(scored)
    assert script.choose(table, 0.65) == 0.925  # 0 / 1 from 0.525 to 0.9 vetoes all below
    assert script.choose(table, 0.65, 2) == 0.475  # 3 / 4 at 0.475-0.5 passes, 3 / 5 at 0.45 does not
    assert script.choose(table, 0.6, 2) == 0.2
    assert script.choose(table, 0.65, 6) == 0.925  # none has 6: every threshold judged


def test_features_say_what_the_lexicon_knows_of_the_event_word_and_its_object(nlp: Language) -> None:
    """Classes shared across words: a trigger verb's types, a speech or light verb, a noun trigger as object,
    and "unknown" for a word the lexicon has no sense of."""
    accused = features(nlp("Beijing accused Washington of meddling.")[:], LEXICON)
    assert "vc:ACCUSE" in accused and "vc:unknown" not in accused
    talks = features(nlp("The two ministers held talks in Geneva.")[:], LEXICON)
    assert "vc:light" in talks and "oc:CONSULT" in talks
    painted = features(nlp("The children painted a fence.")[:], LEXICON)
    assert "vc:unknown" in painted and "oc:unknown" in painted
    said = features(nlp("The minister said nothing.")[:], LEXICON)
    assert "vc:speech" in said


def test_training_script_drops_content_lemmas_of_few_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """A content lemma found in fewer tune documents than asked is left out; the dev records and the manual do
    not count as documents, and only ``w:`` features are ever dropped."""
    pytest.importorskip("sklearn")
    from tests.conftest import script as load_script

    script = load_script("train_classifier", monkeypatch)
    row = script.Row
    rows = [row(["w:troop", "w:zanzibar", "v:send"], ["MOBILIZE"], "d1"),
            row(["w:troop", "v:send"], [NONE], "d2"),
            row(["w:zanzibar", "v:rare"], ["AID"], "dev"),
            row(["w:zanzibar"], ["AID"], "manual")]
    assert script.rare_words(rows, 2) == {"w:zanzibar"}
    assert script.rare_words(rows, 1) == set()
    assert script.rare_words(rows, 3) == {"w:zanzibar", "w:troop"}
    kept = script.without(rows, {"w:zanzibar"})
    assert [r.features for r in kept] == [["w:troop", "v:send"], ["w:troop", "v:send"], ["v:rare"], []]
    assert [(r.labels, r.group) for r in kept] == [(r.labels, r.group) for r in rows]


def test_training_script_reads_every_tune_draw_and_never_the_fresh_check_set(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sklearn")
    from tests.conftest import script as load_script

    script = load_script("train_classifier", monkeypatch)
    golds = [gold for _, gold, _ in script.TUNE_SETS]
    drawn = script.ROOT / "gold"
    assert drawn / "news.jsonl" in golds and drawn / "lee7" / "news.jsonl" in golds and \
        drawn / "lee8" / "news.jsonl" in golds and drawn / "outlets" / "tune" / "news.jsonl" in golds
    assert all("lee" not in part or part in ("lee7", "lee8") for _, gold, docs in script.TUNE_SETS
               for path in (gold, *docs) for part in path.parts)
    assert not any("check" in path.parts for _, gold, docs in script.TUNE_SETS for path in (gold, *docs))


def test_transfer_scores_a_draw_with_a_model_that_never_saw_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--transfer``: the held-out draw's rows neither train the model nor choose its threshold, so a type only
    that draw shows is never proposed right, while what the other draws teach carries over."""
    pytest.importorskip("sklearn")
    from tests.conftest import script as load_script

    script = load_script("train_classifier", monkeypatch)
    row = script.Row
    rows = [row(["v:send", "w:troop"], ["MOBILIZE"], f"a{k}", True, "a") for k in range(6)]
    rows += [row(["v:say"], [NONE], f"a{k}", True, "a") for k in range(6)]
    rows += [row(["v:send", "w:troop"], ["MOBILIZE"], "b0", True, "b"),
             row(["v:zap"], ["ACCUSE"], "b1", True, "b"), row(["v:say"], [NONE], "b1", True, "b")]
    out = script.transfer(rows, "b", 0.65, 1, 1.0)
    assert out["draw"] == "b" and out["top_right"] == 1  # MOBILIZE, learnt from a; ACCUSE never seen
    assert out["chosen"]["empty_with_event"] == 2
    assert all(e["right"] <= 1 for e in out["fixed"])
    with pytest.raises(SystemExit):
        script.transfer(rows, "c", 0.65, 1, 1.0)


def test_bundled_weights_have_one_weight_per_class_and_name_every_tune_draw() -> None:
    """The file's shape: a weight per class for every feature, a bias per class, and a header that says it was
    trained on every tune draw, d8 and d9 included, with its out-of-fold figures."""
    data = json.loads(read_text("detente.coding", "data/classifier.json"))
    n = len(data["classes"])
    assert len(data["bias"]) == n and data["weights"]
    assert all(len(row) == n for row in data["weights"].values())
    # every feature is a prefixed string ("v:accuse") or one of the parse's flags
    assert all(":" in f or f in ("neg", "passive", "reported") for f in data["weights"])
    assert "gold/lee8/news.jsonl" in data["about"] and "gold/lee/" not in data["about"]
    assert "gold/outlets/tune/news.jsonl" in data["about"] and "outlets/check" not in data["about"]
    assert data["rows"]["tune"] > 2000  # d8 more than doubled the tune rows (602 before), d9 added 769


def test_layer_is_off_by_default(monkeypatch: pytest.MonkeyPatch, coder: Coder) -> None:
    """Shipped off: with no ``DETENTE_CLASSIFIER`` the coder asks no model, though the weights would propose."""
    monkeypatch.delenv("DETENTE_CLASSIFIER", raising=False)
    layer.default_model.cache_clear()
    try:
        assert load_model().enabled is False
        assert layer.default_model() is None
        assert coder.code_text(PROPOSED_REQUEST) == []
    finally:
        layer.default_model.cache_clear()


def test_training_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trained twice on the same rows, the script writes the same weights, threshold and table."""
    pytest.importorskip("sklearn")
    from tests.conftest import script as load_script

    script = load_script("train_classifier", monkeypatch)
    row = script.Row
    rows = [row(["v:send", "w:troop"], ["MOBILIZE"], f"d{k}", k % 2 == 0) for k in range(6)]
    rows += [row(["v:say", "w:troop"], [NONE], f"d{k}", True) for k in range(6)]
    rows += [row(["v:accuse", "w:meddle"], ["ACCUSE"], f"d{k}", k % 3 == 0) for k in range(6)]
    rows += [row(["v:accuse"], ["ACCUSE"], "dev"), row(["v:send"], ["MOBILIZE"], "manual")]
    first = script.train(rows, LEXICON, 0.65, 1, False, 1.0)
    second = script.train(rows, LEXICON, 0.65, 1, False, 1.0)
    first.pop("about"), second.pop("about")
    assert first == second
    assert first["classes"] == ["ACCUSE", "MOBILIZE", NONE] and first["enabled"] is False
