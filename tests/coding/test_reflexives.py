"""Material conflict acts a doer does to itself (coding/reflexives.py): each dropped sentence is coded with the
event when the screen is off (checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

from tests.coding.screen_cases import screen_tests

DROPPED = [
    # a suicide: the place the coder fills in for a target suffered nothing
    ("The Libyan intelligence chief said the rebel commander had shot and killed himself in Tripoli.", "ASSAULT",
     "self-inflicted"),
]

KEPT = [
    # the victims of a suicide attack are its targets: the act on them stays
    ("A suicide bomber blew himself up at a checkpoint in Kabul, killing 20 Afghan soldiers.", "ASSAULT"),
    # an act on another party, coordinated or not
    ("Iraqi police shot and killed a Kurdish activist in Baghdad on Monday.", "ASSAULT"),
]

(test_self_inflicted_acts_are_not_coded, test_acts_on_others_are_kept,
 test_a_self_inflicted_act_is_named) = screen_tests(DROPPED, KEPT)
