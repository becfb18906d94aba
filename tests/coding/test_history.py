"""Acts dated to an age (coding/history.py): each dropped sentence is coded with the event when the screen is off
(checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

from tests.coding.screen_cases import screen_tests

DROPPED = [
    ("A Korean museum showed photographs of the Japanese occupation of Korea in the early 20th century.", "COERCE",
     "history"),
]

KEPT = [
    # an act of the story's own time, in a year, is coded
    ("Japan occupied the disputed Korean islet in 2024.", "COERCE"),
]

(test_acts_of_an_age_are_not_coded, test_acts_of_the_news_are_kept,
 test_an_act_of_an_age_is_named) = screen_tests(DROPPED, KEPT)
