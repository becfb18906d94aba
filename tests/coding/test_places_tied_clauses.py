"""Places another clause of the sentence gives an act with none of its own (issue 12, session 17, places17):
coordinated clauses, clauses of what went on meanwhile, clauses describing a party; never what the act says or
asks, a clause of another time, or two places. Constructed sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.coding import Coder
from tests.conftest import place_of

MONDAY = dt.date(2017, 3, 27)


def placed(coder: Coder, text: str, event_type: str) -> str | None:
    return place_of(coder, text, event_type, MONDAY)


@pytest.mark.parametrize(
    ("text", "event_type", "where"),
    [
        ("Afghan commanders captured 40 Taliban fighters and were holding them at the nearby city of Jalalabad.",
         "COERCE", "Jalalabad"),
        ("An Afghan soldier was killed as Afghan troops fought a battle with Taliban fighters on the edge of the "
         "town of Kunduz.", "ASSAULT", "Kunduz"),
        ("A British sailor was shot dead by Somali pirates who boarded his yacht off the town of Kismayo.",
         "ASSAULT", "Kismayo"),
    ],
)  # fmt: skip
def test_a_tied_clause_places_the_act(coder: Coder, text: str, event_type: str, where: str) -> None:
    assert placed(coder, text, event_type) == where


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a clause of another time: the protest was in Kabul, the arrests need not be
        ("Afghan police arrested two Taliban fighters after a protest in Kabul.", "COERCE"),
        # what the act asks for happens elsewhere than the asking
        ("The Afghan president urged Pakistan to let Afghan refugees stay in Peshawar.", "REQUEST"),
        # two places: neither
        ("Afghan commanders captured 40 Taliban fighters and were holding them in Jalalabad and Kabul.", "COERCE"),
    ],
)  # fmt: skip
def test_no_place_from_another_time_the_content_or_two_places(coder: Coder, text: str, event_type: str) -> None:
    assert placed(coder, text, event_type) is None


def test_the_acts_own_place_comes_first(coder: Coder) -> None:
    text = "Afghan police arrested two Taliban fighters in Herat and were holding them in Kandahar."
    assert placed(coder, text, "COERCE") == "Herat"


# -- doers named by their town (resolve.places.event._town_named_doer) -------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "where"),
    [
        ("Several thousand Lyon dock workers went on strike on Friday in protest against the French government.",
         "PROTEST", "Lyon"),
        ("Anaheim police arrested two Mexican protesters on Sunday.", "COERCE", "Anaheim"),
    ],
)  # fmt: skip
def test_a_town_naming_the_doers_places_a_material_act(coder: Coder, text: str, event_type: str, where: str) -> None:
    assert placed(coder, text, event_type) == where


def test_a_country_naming_the_doers_places_nothing(coder: Coder) -> None:
    assert placed(coder, "US troops attacked Taliban positions on Monday.", "ASSAULT") is None


def test_a_town_naming_a_speaker_places_no_verbal_act(coder: Coder) -> None:
    assert placed(coder, "Beijing officials criticized Japan over the naval drills.", "ACCUSE") is None
