"""A trial's parties (issue 12, session 13): the state of the court's place prosecutes, and what a trial is
"over" is the act tried, not who is accused. Constructed sentences."""

from __future__ import annotations

from detente.coding import Coder
from tests.coding.test_accusations import _coded


def _trials(coder: Coder, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [c for c in _coded(coder, text) if c[0] == "ACCUSE"]


def test_the_state_of_the_courts_place_prosecutes(coder: Coder) -> None:
    """The labelling guide gives a trial the prosecuting state: the country of the court's place, named on the
    trial's verb ("opened in Lyon") or on the court ("in a Dutch court", "at a court in Kyiv")."""
    assert _trials(coder, "A trial opened in Lyon on Monday against two Malian soldiers.") == \
        [("ACCUSE", ["FRA"], ["MLI"])]
    assert ("ACCUSE", ["NLD"], ["RUS"]) in _trials(coder, "Russian officials are facing trial in a Dutch court.")
    assert ("ACCUSE", ["UKR"], ["RUS"]) in _trials(coder, "Two Russian soldiers are facing trial at a court in Kyiv.")


def test_a_trial_with_no_place_keeps_an_empty_source(coder: Coder) -> None:
    """With no place named, the prosecutor may be a foreign or international court: no source is guessed."""
    assert ("ACCUSE", [], ["KEN"]) in _trials(coder, "Two Kenyan ministers are facing trial on charges of fraud.")
    assert _trials(coder, "A trial opened on Monday against two Ukrainian soldiers.") == [("ACCUSE", [], ["UKR"])]


def test_the_act_a_trial_is_over_is_no_accused(coder: Coder) -> None:
    """"A trial over the killing of Malian soldiers": the victims' country (or the country of the act's place) is
    not the accused, nor is the story's other side; with nobody named, the trial is against no one."""
    assert _trials(coder, "A trial opened in Lyon on Monday over the deaths of Malian soldiers.") == \
        [("ACCUSE", ["FRA"], [])]
    assert _trials(coder, "A trial opened in Paris over the bombing of a military base in Senegal.") == \
        [("ACCUSE", ["FRA"], [])]
    assert not _trials(coder, "A trial opened on Monday over the killing of two Malian soldiers.")
