"""A side taken, told by a participle on a noun (coding/allegiances.py): each dropped sentence is coded with the
event when the screen is off (checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

from tests.coding.screen_cases import screen_tests

DROPPED = [
    ("Ivorian opposition figures supporting Gbagbo met in Abidjan on Monday.", "SUPPORT", "allegiance"),
    ("The Kenyan president met Somali clan elders supporting the government of Somalia.", "SUPPORT", "allegiance"),
]

KEPT = [
    # a support given, in a finite verb, is an act
    ("France supported the Ivorian president Alassane Ouattara on Monday.", "SUPPORT"),
]

test_sides_taken_are_not_coded, test_support_given_is_kept, test_a_side_taken_is_named = screen_tests(DROPPED, KEPT)
