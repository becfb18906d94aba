"""Violent acts done by a hazard (coding/hazards.py): each dropped sentence is coded with the event when the screen
is off (checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest

from detente.coding import Coder
from tests.coding.screen_cases import coded_types, screen_tests

DROPPED = [
    # a fire, a disaster or an illness is no party: as the subject of the "when" clause, as the act's own noun
    ("Four Kenyan tourists were killed when a fire broke out at a hotel in Nairobi.", "ASSAULT", "hazard"),
    ("A Chilean court heard evidence about the tragedy which killed 21 Chilean miners.", "ASSAULT", "hazard"),
]

# the same kind that the lexicon already refuses (``triggers._causes``, material14): no event at all, so the screen
# never sees it; kept here so that a change to either place that lets them through fails
NEVER_CODED = [
    "Six Bangladeshi fishermen were killed when a cyclone struck the coast of Bangladesh.",
    "Peru's transport ministry released its report into the crash, which killed twelve Peruvian miners.",
    "Chilean firefighters battled the blaze near Valparaiso for six hours.",
    "The former Kenyan minister had been battling cancer since March.",
]

KEPT = [
    # a weapon's fire, a shooting named by the trigger's own words, and attackers in the "when" clause
    ("Israeli tank fire killed three Hamas gunmen in Gaza.", "ASSAULT"),
    ("Pakistani troops opened fire on protesters in Karachi.", "ASSAULT"),
    ("Three Malian soldiers were killed when militants attacked a checkpoint in Mali.", "ASSAULT"),
]

(test_acts_of_hazards_are_not_coded, test_acts_of_parties_are_kept,
 test_an_act_of_a_hazard_is_named) = screen_tests(DROPPED, KEPT)


@pytest.mark.parametrize("text", NEVER_CODED)
def test_acts_of_hazards_the_lexicon_refuses_are_not_coded(coder: Coder, text: str) -> None:
    assert "ASSAULT" not in coded_types(coder, text)
