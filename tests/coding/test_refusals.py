"""Refusal, demand and threat words that are none: "as opposed to", a thing that violates a rule, pushes or
threatens (coding/refusals.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.coding import Coder, refusals
from detente.coding.candidates import Candidate


def _types(coder: Coder, text: str) -> list[str]:
    return [m.type for m in coder.code_text(text)]


def test_as_opposed_to_is_a_contrast_not_a_refusal(coder: Coder) -> None:
    assert "REJECT" not in _types(coder, "Polish pilots will train in Seoul, as opposed to years of German training.")
    assert "REJECT" in _types(coder, "Poland opposed the German proposal to expand the training mission.")


def test_a_thing_that_violates_a_rule_refuses_nothing(coder: Coder) -> None:
    assert "REJECT" not in _types(coder, "Hungary's purchase of the rockets violated the European Union treaty.")
    # an actor breaking a rule, or people the parse hangs on a noun, still refuse it
    assert "REJECT" in _types(coder, "Hungary violated the European Union treaty.")
    assert "REJECT" in _types(coder, "Orban and other Hungarian populists have declined to participate in the "
                                     "European Union plan.")


def test_an_act_or_a_state_asks_and_threatens_nothing(coder: Coder, candidates: Callable[[str], list[Candidate]],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The illness of the Brazilian president is threatening to derail the trade talks with Argentina."
    monkeypatch.setattr(refusals, "thing_speaks", lambda c: False)
    assert "THREATEN" in _types(coder, text)  # the rules alone read a threat
    monkeypatch.undo()
    assert "THREATEN" not in _types(coder, text)
    # a demand word whose doer is an event, through a relative "that"
    pushed = [c for c in candidates("A surge in violence that has pushed Kenya to the third spot on the list "
                                    "worries officials in Nairobi.") if c.coded.type == "REQUEST"]
    assert pushed and all(refusals.thing_speaks(c) for c in pushed)


def test_parties_and_their_texts_still_ask_and_threaten(coder: Coder) -> None:
    assert "THREATEN" in _types(coder, "The Kenyan government threatened to close the border with Somalia.")
    assert "REQUEST" in _types(coder, "Kenya urged Somalia to close the border.")
    # a text speaks for its authors (a resolution, a report: WordNet's communication)
    assert "REQUEST" in _types(coder, "The UN resolution calls on Israel to withdraw from Lebanon.")
