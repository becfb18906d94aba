"""Places of events on nine outlets' news (issue 12, session 16, places16b): a material act is done where its
doers are, a verbal act where it is said, and a landmark is stood "on". Constructed sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.coding import Coder
from tests.conftest import place_of

MONDAY = dt.date(2017, 3, 27)


def placed(coder: Coder, text: str, event_type: str) -> str | None:
    return place_of(coder, text, event_type, MONDAY)


# -- doers placed by "in" (resolve.places.event._doer) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "where"),
    [
        ("Rebel fighters in northern Mali attacked an army checkpoint with rifles, killing six soldiers.", "ASSAULT",
         "Mali"),
        ("Hundreds of students in Lyon demonstrated against the French government on Sunday.", "PROTEST", "Lyon"),
        ("Police in Lyon arrested two French activists on Sunday.", "COERCE", "Lyon"),
    ],
)  # fmt: skip
def test_a_material_act_is_done_where_its_doers_are(coder: Coder, text: str, event_type: str, where: str) -> None:
    assert placed(coder, text, event_type) == where


def test_a_speaker_placed_by_in_does_not_place_a_verbal_act(coder: Coder) -> None:
    assert placed(coder, "Officials in Tokyo criticized China over the naval drills.", "ACCUSE") is None


# -- a verbal act said somewhere (coding.places.Places.said_place) -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "where"),
    [
        ("Japan supports the new sanctions against North Korea, the minister told reporters in Geneva.", "SUPPORT",
         "Geneva"),
        ("In Brussels, the European Union said it would work with the new government of Ukraine.", "AGREE",
         "Brussels"),
    ],
)  # fmt: skip
def test_a_verbal_act_is_done_where_it_is_said(coder: Coder, text: str, event_type: str, where: str) -> None:
    assert placed(coder, text, event_type) == where


# -- a landmark stood on (resolve.places.event._landmark, cues.yaml landmark_preps) -------------------------------


def test_on_before_a_landmark_places_the_act(coder: Coder) -> None:
    assert placed(coder, "The senator met the Chinese ambassador on Capitol Hill on Tuesday.", "CONSULT") == \
        "Capitol Hill"


def test_on_before_a_town_is_no_place(coder: Coder) -> None:
    assert placed(coder, "Washington imposed new sanctions on Moscow on Tuesday.", "SANCTION") is None
