"""Refusal words that refuse nothing: "as opposed to", a thing that violates a rule (coding/refusals.py)."""

from __future__ import annotations

from detente.coding import Coder


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
