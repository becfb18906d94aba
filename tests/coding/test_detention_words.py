"""A party put or kept in detention is arrested (COERCE) though no verb of arresting names it: PETRARCH2's
PLACE / KEEP + (IN &DETENTION) patterns, its detention class for the nouns."""

from __future__ import annotations

from detente.coding import Coder
from tests.coding.test_statements import _coded, _types


def test_taking_or_holding_a_party_in_custody_is_an_arrest(coder: Coder) -> None:
    text = "Turkish police took two German journalists into custody on Monday."
    assert ("COERCE", ["TUR"], ["DEU"]) in _coded(coder, text)
    text = "Egyptian authorities are holding three Canadian citizens in detention."
    assert ("COERCE", ["EGY"], ["CAN"]) in _coded(coder, text)


def test_holding_talks_or_taking_part_is_no_arrest(coder: Coder) -> None:
    assert "COERCE" not in _types(coder, "Egypt and Canada held talks in Cairo on Monday.")
    assert "COERCE" not in _types(coder, "The Turkish minister took part in the meeting.")
