"""The prefilter parses only sentences with a candidate trigger and a candidate actor."""

from __future__ import annotations

from detente.coding.lexicon import load_lexicon
from detente.nlp import Prefilter, split_sentences


def _actor(text: str) -> bool:
    return any(w in text for w in ("China", "Blinken", "Beijing"))


def test_needs_both_a_trigger_and_an_actor() -> None:
    pf = Prefilter(load_lexicon().surface_forms(), _actor)
    text = ("Blinken visited Beijing in June. The weather was fine in June. "
            "Officials visited the museum. China's economy grew 5 percent.")
    kept = [s.text for s in pf.select(split_sentences(text))]
    assert kept == ["Blinken visited Beijing in June."]


def test_inflected_and_irregular_forms_pass() -> None:
    pf = Prefilter(load_lexicon().surface_forms(), lambda _t: True)
    for text in ("China held talks.", "Blinken met Wang.", "Beijing was sanctioned.", "They withdrew troops.",
                 "China is negotiating.", "Beijing agreed."):
        assert pf(split_sentences(text)[0]), text


def test_selection_keeps_document_indices() -> None:
    pf = Prefilter(frozenset({"visited"}), _actor)
    sents = split_sentences("Nothing here. Blinken visited Beijing. Nor here.")
    assert [s.index for s in pf.select(sents)] == [1]
