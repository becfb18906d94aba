"""Which sentences are parsed, and the countries they name."""

from __future__ import annotations

from detente.coding.lexicon import load_lexicon
from detente.coding.modality import load_cues
from detente.coding.selection import SentenceSelector


def selector(kb) -> SentenceSelector:  # type: ignore[no-untyped-def]
    return SentenceSelector(kb, load_lexicon(), load_cues())


def test_sentences_with_a_trigger_and_an_actor_are_selected(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Russia's economy grew. Blinken visited Beijing. Prices rose in Shanghai. Wang met Blinken."
    found = selector(kb).select(text)
    assert len(found.sentences) == 4
    assert [s.text for s in found.selected] == ["Blinken visited Beijing.", "Wang met Blinken."]
    # the context countries come from the sentences worth parsing only: not Russia's economy
    assert "CHN" in found.countries and "RUS" not in found.countries


def test_a_demand_needs_no_trigger_word_of_its_own(kb) -> None:  # type: ignore[no-untyped-def]
    found = selector(kb).select("The US must not cross red lines.")
    assert [s.text for s in found.selected] == ["The US must not cross red lines."]


def test_each_document_starts_with_no_countries(kb) -> None:  # type: ignore[no-untyped-def]
    s = selector(kb)
    s.select("Blinken visited Beijing.")
    assert "CHN" not in s.select("The weather was mild.").countries
