"""A side taken, told by a participle on a noun (coding/allegiances.py): each dropped sentence is coded with the
event when the screen is off (checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.coding import Coder
from tests.coding.test_conventions import coded_types, reason_and_screen, types_unscreened

DROPPED = [
    ("Ivorian opposition figures supporting Gbagbo met in Abidjan on Monday.", "SUPPORT", "allegiance"),
    ("The Kenyan president met Somali clan elders supporting the government of Somalia.", "SUPPORT", "allegiance"),
]

KEPT = [
    # a support given, in a finite verb, is an act
    ("France supported the Ivorian president Alassane Ouattara on Monday.", "SUPPORT"),
]


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_sides_taken_are_not_coded(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str, event_type: str,
                                   reason: str) -> None:
    assert event_type in types_unscreened(coder, text, monkeypatch)  # the rules alone code it
    assert event_type not in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type"), KEPT)
def test_support_given_is_kept(coder: Coder, text: str, event_type: str) -> None:
    assert event_type in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_a_side_taken_is_named(nlp: Language, text: str, event_type: str, reason: str) -> None:
    reason_and_screen(nlp, text, event_type, reason)
