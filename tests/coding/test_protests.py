"""PROTEST vocabulary: labour's own words for a strike ("walked off the job", "downed tools", "a national
stoppage", "industrial action"), read as the codebook's strike mode, and their look-alikes that are none."""

from __future__ import annotations

from detente.coding import Coder
from detente.coding.triggers import Trigger
from tests.coding.conftest import Find


def _protests(found: list[Trigger]) -> list[tuple[str | None, str]]:
    return [(m.sense.mode, m.token.lemma_.lower()) for m in found if m.sense.type == "PROTEST"]


def test_walking_off_the_job_is_a_strike(find: Find) -> None:
    assert ("strike", "walk") in _protests(find("Dock workers in Lagos walked off the job on Monday."))
    assert ("strike", "walk") in _protests(find("Nurses will walk off the job this week over pay."))


def test_walking_off_a_stage_or_a_field_is_none(find: Find) -> None:
    assert _protests(find("The singer walked off the stage after one song.")) == []
    assert _protests(find("The players walked off the field at half time.")) == []


def test_downing_tools_is_a_strike(find: Find) -> None:
    assert ("strike", "down") in _protests(find("Miners at the copper mine downed tools over unpaid wages."))


def test_industrial_action_is_a_strike(find: Find) -> None:
    found = _protests(find("The rail union announced industrial action for next Tuesday."))
    assert [mode for mode, _ in found] == ["strike"]


def test_a_strike_told_as_strike_action_is_labour(find: Find) -> None:
    assert ("strike", "action") in _protests(find("The strike action closed every port in the country."))


def test_a_stoppage_is_a_strike_unless_of_aid_or_play(find: Find) -> None:
    assert ("strike", "stoppage") in _protests(find("Port staff began a national stoppage on Thursday."))
    assert _protests(find("The stoppage of aid deliveries hit the camps hard.")) == []
    assert _protests(find("The referee added four minutes of stoppage time.")) == []


def test_a_strike_with_its_strikers_country_is_coded(coder: Coder) -> None:
    text = "Nigerian dock workers walked off the job in Lagos on Monday."
    coded = [(m.type, m.mode) for m in coder.code_text(text)]
    assert ("PROTEST", "strike") in coded


def _types(found: list[Trigger], lem: str) -> list[str]:
    return [m.sense.type for m in found if m.token.lemma_.lower() == lem]


def test_a_crowd_that_protests_demonstrates(find: Find) -> None:
    assert _types(find("Dozens of students protested against the new tuition fees outside parliament."),
                  "protest") == ["PROTEST"]
    assert _types(find("Hundreds protested against the mine in the capital on Sunday."), "protest") == ["PROTEST"]


def test_a_government_that_protests_complains(find: Find) -> None:
    text = "The foreign ministry protested against the detention of dozens of its fishermen."
    assert _types(find(text), "protest") == ["ACCUSE"]
    assert _types(find("Spain protested against the new tariffs."), "protest") == ["ACCUSE"]


def test_several_hundred_marching_is_a_march(find: Find) -> None:
    assert ("demo", "march") in _protests(find("Several hundred people marched silently around the town hall."))
