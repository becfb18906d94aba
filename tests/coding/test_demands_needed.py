"""A thing said to be needed is a demand (``demands.necessity``): "further explanation is needed", "there is a need
to act", as an act declared necessary is."""

from __future__ import annotations

from detente.coding import Coder
from tests.coding.test_statements import _types


def test_saying_a_thing_is_needed_or_there_is_a_need_is_a_demand(coder: Coder) -> None:
    # the passive of need or require with a thing as subject, and the existential "need to / for"
    for text in ("The French foreign minister said a new agreement with Germany is urgently needed.",
                 "More German aid for the flooded towns is required, the French foreign minister said.",
                 "The French foreign minister said there is a need to renegotiate the agreement with Germany."):
        assert "REQUEST" in _types(coder, text), text


def test_an_actor_needed_a_denied_need_or_a_pronoun_is_no_demand(coder: Coder) -> None:
    for text in ("The French foreign minister said German troops will not be needed.",
                 "The French foreign minister said French soldiers are needed in Mali.",
                 "The French foreign minister said German help is required by law.",
                 "The French foreign minister said German deployments will happen as they are required."):
        assert "REQUEST" not in _types(coder, text), text
