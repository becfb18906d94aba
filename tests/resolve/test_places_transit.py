"""Places of transits and of statements (issue 12, item 5, session 13): the sea or strait a ship goes through,
the place a bare participle of visiting names, the place of the audience a statement is made to."""

from __future__ import annotations

import pytest

from tests.resolve.conftest import PlaceOf


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The destroyer sailed through the Taiwan Strait on Tuesday.", "sailed", "Taiwan Strait"),
        ("The frigate passed through the Taiwan Strait.", "passed", "Taiwan Strait"),
        ("Two warships sailed through the Strait of Hormuz, the navy said.", "sailed", "Strait of Hormuz"),
        ("A navy destroyer transited the Taiwan Strait on Tuesday.", "transited", "Taiwan Strait"),
        ("The navy sent a destroyer through the Taiwan Strait.", "sent", "Taiwan Strait"),
    ],
)  # fmt: skip
def test_a_transit_happens_in_the_strait_it_goes_through(place_of: PlaceOf, text: str, trigger: str,
                                                         expected: str) -> None:
    found = place_of(text, trigger)
    assert found is not None and found.name == expected and found.country is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The deal was reached through talks in Qatar.", "reached"),  # the way it was reached, not where
        ("Weapons were smuggled through Iran to the rebels.", "smuggled"),  # a route, no transit head
    ],
)
def test_through_places_only_a_transit(place_of: PlaceOf, text: str, trigger: str) -> None:
    assert place_of(text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Visiting Beijing, Blinken urged China to curb its support for Russia.", "urged", ("Beijing", "CHN")),
        ("Visiting Beijing on Monday, the minister criticized the new rules.", "criticized", ("Beijing", "CHN")),
        ("Visiting Beijing, Blinken met Xi Jinping.", "met", ("Beijing", "CHN")),
    ],
)  # fmt: skip
def test_a_bare_participle_of_visiting_places_its_clause(place_of: PlaceOf, text: str, trigger: str,
                                                         expected: tuple[str, str]) -> None:
    found = place_of(text, trigger)
    assert found is not None and (found.name, found.country) == expected


def test_a_visit_before_the_act_does_not_place_it(place_of: PlaceOf) -> None:
    """"Having visited Beijing" is over before the act: the act's own place decides, or none."""
    found = place_of("Having visited Beijing, Blinken flew to Tokyo.", "flew")
    assert found is not None and found.name == "Tokyo"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Speaking to journalists in Tokyo, Blinken criticized China.", "criticized", ("Tokyo", "JPN")),
        ("Lavrov told a crowd in Moscow that the West had failed.", "told", ("Moscow", "RUS")),
        ("Blinken criticized China in comments to reporters in Tokyo.", "criticized", ("Tokyo", "JPN")),
    ],
)  # fmt: skip
def test_a_statement_is_made_where_its_audience_is(place_of: PlaceOf, text: str, trigger: str,
                                                   expected: tuple[str, str]) -> None:
    found = place_of(text, trigger)
    assert found is not None and (found.name, found.country) == expected


def test_the_speakers_place_is_still_no_statements_place(place_of: PlaceOf) -> None:
    """Audiences only: who speaks may be anywhere ("officials in Beijing said")."""
    assert place_of("Officials in Beijing criticized the new rules.", "criticized") is None
