"""Violent acts named as what is ended or prevented (coding/endings.py): each dropped sentence is coded with the
event when the screen is off (checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

from tests.coding.screen_cases import screen_tests

DROPPED = [
    ("Thai officials called for an end to the arrests of Thai journalists in Myanmar.", "COERCE", "ended"),
    ("Egypt said Hamas had done little to prevent rocket attacks on Israel.", "ASSAULT", "ended"),
]

KEPT = [
    # the act itself, and an act that stopped nothing
    ("Kenyan troops attacked an al-Shabab camp in Somalia on Monday.", "ASSAULT"),
    ("The attack on the Kenyan base did not stop the talks between Kenya and Somalia.", "ASSAULT"),
]

(test_ended_acts_are_not_coded, test_acts_done_are_kept,
 test_an_ended_act_is_named) = screen_tests(DROPPED, KEPT)
