"""Listing a party as terrorist is a sanction on it (SANCTION discontinue 163, as "designation" is), with the
verb of the noun or a verb of putting on a list of terrorists."""

from __future__ import annotations

from detente.coding import Coder
from tests.coding.test_statements import _coded, _types


def test_designating_a_group_terrorist_sanctions_it(coder: Coder) -> None:
    text = "Turkey has designated the Kurdish militia a terrorist group."
    assert "SANCTION" in _types(coder, text)
    # a person designated to a post is no listing
    assert "SANCTION" not in _types(coder, "France designated a new ambassador to Germany.")

