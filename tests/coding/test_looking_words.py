"""Looking for help is seeking it, and looking to a party to act asks it to (REQUEST 020, PETRARCH2's LOOK +
(FOR HELP)); looking for opportunities or looking to do something oneself asks nobody."""

from __future__ import annotations

from detente.coding import Coder
from tests.coding.test_statements import _coded, _types


def test_looking_for_help_or_to_a_party_to_act_is_a_request(coder: Coder) -> None:
    text = "Turkey will be looking to the United States to block new sanctions against Ankara."
    assert ("REQUEST", ["TUR"], ["USA"]) in _coded(coder, text)
    text = "Pakistan is looking for help from China after the floods."
    assert ("REQUEST", ["PAK"], ["CHN"]) in _coded(coder, text)


def test_looking_for_a_thing_or_to_act_oneself_asks_nobody(coder: Coder) -> None:
    assert "REQUEST" not in _types(coder, "Japanese investors are looking for opportunities in India.")
    assert "REQUEST" not in _types(coder, "China is looking to expand its trade with Brazil.")
