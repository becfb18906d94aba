"""Habits, policies and counts over a period (coding/habits.py): each sentence here is coded with an event
when the screen is off (checked), so every test fails if its rule stops working. Sentences written for these tests,
not taken from the labelled set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.coding import Coder
from tests.coding.test_conventions import coded_types, reason_and_screen, types_unscreened

DROPPED = [
    # habits
    ("Rebels regularly attack villages in the Central African Republic.", "ASSAULT", "habitual"),
    ("The former Malaysian prime minister seldom criticized China.", "ACCUSE", "habitual"),
    ("North Korea tested missiles 10 times last year.", "MOBILIZE", "habitual"),
    # the habit a coordinated verb's adverb states, and the "when" clause it times
    # a material act in the simple present: a policy, a habit, what a law permits
    ("The United States gives military support to China's rivals in Asia.", "AID", "habitual"),
    ("The new Sudanese law allows the government to seize the assets of the former ruling party.", "CONCEDE",
     "habitual"),
    ("Sudanese rebels seize villages on the Chadian border and routinely escape to Chad when attacked by Sudanese "
     "troops.", "COERCE", "habitual"),
    ("Sudanese rebels seize villages on the Chadian border and routinely escape to Chad when attacked by Sudanese "
     "troops.", "ASSAULT", "habitual"),
    # a material act done for years is a relation that holds, not one act
    ("The Turkish defence minister said Turkey has worked with Pakistan on drones for decades.", "COOPERATE",
     "habitual"),
]

KEPT = [
    # a noun the parser took for the verb of a sentence whose verb it missed is no simple present
    ("U.S. airstrikes on Houthi targets in Yemen continued on Monday.", "ASSAULT"),
    # acts done several times in one incident; a verbal act reported as habitual was still made
    ("Chinese vessels fired water cannon at Philippine ships several times on Saturday.", "ASSAULT"),
    ("Afghan officials routinely deny that Pakistan's militants find shelter in Afghanistan.", "REJECT"),
    # an operation that lasted weeks is one act
    ("Chinese and Russian troops held joint exercises for two weeks in August.", "COOPERATE"),
]


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_habits_are_not_coded(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str, event_type: str,
                              reason: str) -> None:
    assert event_type in types_unscreened(coder, text, monkeypatch)  # the rules alone code it
    assert event_type not in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type"), KEPT)
def test_single_acts_are_kept(coder: Coder, text: str, event_type: str) -> None:
    assert event_type in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_each_habit_names_its_reason(nlp: Language, text: str, event_type: str, reason: str) -> None:
    reason_and_screen(nlp, text, event_type, reason)
