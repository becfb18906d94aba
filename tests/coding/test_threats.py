"""A threat or warning verb whose own actor is a thing endangers: no THREATEN (coding/threats.py)."""

from __future__ import annotations

from detente.coding import Coder


def _types(coder: Coder, text: str) -> list[str]:
    return [m.type for m in coder.code_text(text)]


def test_a_thing_that_threatens_is_no_threat(coder: Coder) -> None:
    # passive with a thing as the "by" agent, and an active thing subject
    assert "THREATEN" not in _types(coder, "Greek officials said the island of Crete is threatened by the rapid "
                                            "spread of wildfires.")
    assert "THREATEN" not in _types(coder, "Indian officials said rising sea levels threaten the Maldives.")


def test_an_actor_that_threatens_another_still_threatens(coder: Coder) -> None:
    assert "THREATEN" in _types(coder, "Russia threatened Moldova on Tuesday.")
    assert "THREATEN" in _types(coder, "Moldova is threatened by Russia, the Moldovan president said.")
    # a threat word governing an act is that act's threat, whatever its subject
    assert "THREATEN" in _types(coder, "China threatened to impose sanctions on Lithuania.")
