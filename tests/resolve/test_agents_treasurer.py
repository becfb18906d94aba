"""Office words of Westminster-style governments the knowledge base must know as actor words."""

from __future__ import annotations

from detente.resolve.actors import ActorKB


def test_the_treasurer_is_a_government_office(kb: ActorKB) -> None:
    actor = kb.resolve("the Treasurer")
    assert actor is not None and actor.sector == "GOV"
    shadow = kb.resolve("the Shadow Treasurer")
    assert shadow is not None and shadow.sector == "OPP"
