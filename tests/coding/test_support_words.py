"""SUPPORT reported with words of PETRARCH2's SUPPORT and ACCLAIM groups and its nouns of esteem under a light
verb, not only with "praise" and "support"."""

from __future__ import annotations

from detente.coding import Coder
from tests.coding.test_statements import _coded, _types


def test_backing_a_party_or_its_plan_is_support(coder: Coder) -> None:
    assert ("SUPPORT", ["FRA"], ["DEU"]) in _coded(coder, "France backed Germany in the dispute over the budget.")
    # backing down is a concession, not support
    assert "SUPPORT" not in _types(coder, "Russia backed down after Japan protested.")


def test_admiring_or_rewarding_a_party_is_support(coder: Coder) -> None:
    assert ("SUPPORT", ["JPN"], ["IND"]) in _coded(coder, "Japan rewarded India with a new trade deal.")


def test_confidence_or_tribute_under_a_light_verb_is_support(coder: Coder) -> None:
    text = "The Canadian prime minister expressed confidence in the Mexican president."
    assert ("SUPPORT", ["CAN"], ["MEX"]) in _coded(coder, text)
    text = "The French president paid tribute to the German chancellor."
    assert ("SUPPORT", ["FRA"], ["DEU"]) in _coded(coder, text)
    # a confidence vote is no esteem
    assert "SUPPORT" not in _types(coder, "The Italian government held a confidence vote on Monday.")
