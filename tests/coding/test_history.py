"""Acts dated to an age (coding/history.py): each dropped sentence is coded with the event when the screen is off
(checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.coding import Coder
from tests.coding.test_conventions import coded_types, reason_and_screen, types_unscreened

DROPPED = [
    ("A Korean museum showed photographs of the Japanese occupation of Korea in the early 20th century.", "COERCE",
     "history"),
]

KEPT = [
    # an act of the story's own time, in a year, is coded
    ("Japan occupied the disputed Korean islet in 2024.", "COERCE"),
]


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_acts_of_an_age_are_not_coded(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str, event_type: str,
                                      reason: str) -> None:
    assert event_type in types_unscreened(coder, text, monkeypatch)  # the rules alone code it
    assert event_type not in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type"), KEPT)
def test_acts_of_the_news_are_kept(coder: Coder, text: str, event_type: str) -> None:
    assert event_type in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_an_act_of_an_age_is_named(nlp: Language, text: str, event_type: str, reason: str) -> None:
    reason_and_screen(nlp, text, event_type, reason)
