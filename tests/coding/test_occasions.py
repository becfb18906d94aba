"""A meeting named as the occasion of a done act is a second event of the sentence, not background."""

from __future__ import annotations

from collections.abc import Callable

from detente.coding.candidates import Candidate
from detente.coding.occasions import meeting_occasion

Candidates = Callable[[str], list[Candidate]]


def _meetings(candidates: Candidates, text: str) -> list[bool]:
    """For each CONSULT noun candidate of ``text``: is it the occasion of a done act?"""
    return [meeting_occasion(c.mention, c.coded) for c in candidates(text)
            if c.coded.type == "CONSULT" and c.mention.nominal]


def test_a_meeting_during_which_an_act_was_done_is_its_occasion(candidates: Candidates) -> None:
    assert _meetings(candidates, "Israel rejected the Egyptian proposal during a security cabinet meeting with "
                                 "Jordanian envoys.") == [True]
    assert _meetings(candidates, "The factions reached agreement after seven days of talks with the Pakistani "
                                 "envoy.") == [True]


def test_talks_to_come_or_a_meeting_in_a_place_are_no_occasion(candidates: Candidates) -> None:
    # the act is hoped for: the talks are yet to come
    assert True not in _meetings(candidates, "Rubio hopes to resolve the pause in aid during talks with "
                                             "Ukrainian officials on Tuesday.")
    # "at" and "in" alone say where, not on what occasion
    assert True not in _meetings(candidates, "The French minister spoke at the meeting in Beijing.")


def test_a_meeting_with_someone_in_which_an_act_was_done_is_its_occasion(candidates: Candidates) -> None:
    assert _meetings(candidates, "In a meeting with the Afghan president, the Pakistani envoy said the border "
                                 "would reopen.") == [True]


def test_a_phone_call_named_is_held_and_the_occasion_of_what_was_said_in_it(candidates: Candidates) -> None:
    # a phone call stands alone as talks do; in it, or during it, something was said
    assert _meetings(candidates, "During a phone call last month, the American defence secretary told his German "
                                 "counterpart that the alliance stood.") == [True]
    assert _meetings(candidates, "Merkel told Putin in a telephone call that the sanctions would stay.") == [True]
    # a call for something is no phone call
    assert _meetings(candidates, "The Chinese minister renewed his call for talks with Japan.") == []
