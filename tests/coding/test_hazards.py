"""Violent acts done by a hazard (coding/hazards.py): each dropped sentence is coded with the event when the screen
is off (checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

from tests.coding.screen_cases import screen_tests

DROPPED = [
    # a storm, a crash, a fire or an illness is no party
    ("Six Bangladeshi fishermen were killed when a cyclone struck the coast of Bangladesh.", "ASSAULT", "hazard"),
    ("Peru's transport ministry released its report into the crash, which killed twelve Peruvian miners.", "ASSAULT",
     "hazard"),
    ("Chilean firefighters battled the blaze near Valparaiso for six hours.", "ASSAULT", "hazard"),
    ("The former Kenyan minister had been battling cancer since March.", "ASSAULT", "hazard"),
]

KEPT = [
    # a weapon's fire, a shooting named by the trigger's own words, and attackers in the "when" clause
    ("Israeli tank fire killed three Hamas gunmen in Gaza.", "ASSAULT"),
    ("Pakistani troops opened fire on protesters in Karachi.", "ASSAULT"),
    ("Three Malian soldiers were killed when militants attacked a checkpoint in Mali.", "ASSAULT"),
]

(test_acts_of_hazards_are_not_coded, test_acts_of_parties_are_kept,
 test_an_act_of_a_hazard_is_named) = screen_tests(DROPPED, KEPT)
