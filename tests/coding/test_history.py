"""Acts dated to an age (coding/history.py): each dropped sentence is coded with the event when the screen is off
(checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.coding import Coder
from tests.coding.screen_cases import coded_types, reason_and_screen, screen_tests

DROPPED = [
    ("A Korean museum showed photographs of the Japanese occupation of Korea in the early 20th century.", "COERCE",
     "history"),
    # a past event the story names by its date, with nobody doing it: a landmark, not a report
    ("The changed security situation since the attacks in Nairobi on August 7 worries Kenyan officials.", "ASSAULT",
     "named by date"),
    # a definite act after "since", and a violent act named by its calendar day (the lexicon's until fold14,
    # ``triggers.dates_another`` and ``named_by_its_date``)
    ("Security in Nairobi has been tight since the 1998 bombing of the U.S. embassy.", "ASSAULT", "named by date"),
    ("It was the first visit to Manila since the September 11 attacks on the United States.", "ASSAULT",
     "named by date"),
]

# the same kind, in sentences whose candidates the screen is asked about directly (they name no party)
LANDMARKS = [
    "Tensions between the two countries have soared since the raid.",
    "Leaders reflected on the impact of the September 11 terrorist attacks.",
    "The terrible attacks of September 11 shook the world.",
    "Tourism in Bali has not recovered since the October 12 bombings of two nightclubs in Kuta.",
]

# after "since" with the date before the noun: no event at all
NEVER_CODED = [
    "Security in Nairobi has been tight since the 1998 bombing of the U.S. embassy.",
    "Tourism in Bali has not recovered since the October 12 bombings of two nightclubs in Kuta.",
]

KEPT = [
    # an act of the story's own time, in a year, is coded
    ("Japan occupied the disputed Korean islet in 2024.", "COERCE"),
    # dated with no number, or done by a party named: the story's own events
    ("Thursday's attack on the embassy in Nairobi killed five guards.", "ASSAULT"),
    ("Kenyan police said Somali militants carried out the October 12 bombing of the border post in Mandera.",
     "ASSAULT"),
]

(test_acts_of_an_age_are_not_coded, test_acts_of_the_news_are_kept,
 test_an_act_of_an_age_is_named) = screen_tests(DROPPED, KEPT)


@pytest.mark.parametrize("text", NEVER_CODED)
def test_landmarks_the_lexicon_refuses_are_not_coded(coder: Coder, text: str) -> None:
    assert "ASSAULT" not in coded_types(coder, text)


@pytest.mark.parametrize("text", LANDMARKS)
def test_a_landmark_is_named_and_dropped(nlp: Language, text: str) -> None:
    reason_and_screen(nlp, text, "ASSAULT", "named by date")


def test_a_date_a_phrase_down_names_a_landmark(nlp: Language) -> None:
    """"in the winter of 1942": the date is the object of a phrase under the noun's own phrase (read through
    ``syntax.prep_objects``)."""
    reason_and_screen(nlp, "Survivors of the bombing in the winter of 1942 gathered in the city.", "ASSAULT",
                      "named by date")
