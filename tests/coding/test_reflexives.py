"""Material conflict acts a doer does to itself (coding/reflexives.py): each dropped sentence is coded with the
event when the screen is off (checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.coding import Coder
from tests.coding.test_conventions import coded_types, reason_and_screen, types_unscreened

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


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_self_inflicted_acts_are_not_coded(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str,
                                           event_type: str, reason: str) -> None:
    assert event_type in types_unscreened(coder, text, monkeypatch)  # the rules alone code it
    assert event_type not in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type"), KEPT)
def test_acts_on_others_are_kept(coder: Coder, text: str, event_type: str) -> None:
    assert event_type in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_a_self_inflicted_act_is_named(nlp: Language, text: str, event_type: str, reason: str) -> None:
    reason_and_screen(nlp, text, event_type, reason)
