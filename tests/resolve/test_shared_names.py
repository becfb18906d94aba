"""Names several countries' bodies share ("Labour", "the Greens", "Democrats"), and town names that are a person's
given name ("Aden Ridgeway"): neither says which country a story is about (docs/coding.md, issue 12, session 12).

Sentences are constructed for the test; the parties' countries are public facts.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente.resolve.actors import ActorKB, default_kb
from detente.resolve.actors.context import DocumentActors

ON = dt.date(2002, 8, 20)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return default_kb()


@pytest.mark.parametrize("name", ["Democrats", "the Democrats", "Greens", "the Greens", "Labor", "Labour",
                                  "Liberals", "the Nationals", "the Conservatives", "Tories", "the Coalition"])
def test_a_shared_party_name_alone_is_a_party_of_no_country(kb: ActorKB, name: str) -> None:
    actor = kb.resolve(name, on=ON)
    assert actor is not None
    assert (actor.country, actor.sector) == (None, "PTY")


@pytest.mark.parametrize("text", ["the Greens said on Tuesday", "Labor will vote against the bill",
                                  "Democrats leader said", "the Nationals walked out"])
def test_a_shared_party_name_names_no_country(kb: ActorKB, text: str) -> None:
    """It must not vote for a story's home: "Greens" is Germany's, Australia's, Canada's party alike."""
    assert kb.countries_in(text) == set()


@pytest.mark.parametrize(("text", "country"), [("Australian Democrats", "AUS"), ("US Democrats", "USA"),
                                               ("German Greens", "DEU"), ("Canadian Liberals", "CAN"),
                                               ("the British Labour Party", "GBR")])
def test_the_span_says_whose_party(kb: ActorKB, text: str, country: str) -> None:
    actor = kb.resolve(text, on=ON)
    assert actor is not None and actor.country == country


def test_the_documents_actors_say_whose_party(kb: ActorKB) -> None:
    """A story that has named New Zealanders means New Zealand's Labour Party."""
    ctx = DocumentActors()
    ctx.countries.add("NZL")
    actor = kb.resolve("Labour", on=ON, context=ctx)
    assert actor is not None and (actor.country, actor.sector) == ("NZL", "PTY")


def test_a_party_with_a_name_of_its_own_keeps_its_country(kb: ActorKB) -> None:
    actor = kb.resolve("One Nation", on=ON)
    assert actor is not None and actor.country == "AUS"
    assert kb.countries_in("Republicans blocked the bill") == {"USA"}


@pytest.mark.parametrize(("text", "sector", "country"), [("Chinese nationals", "CVL", "CHN"),
                                                          ("Serbian Labour Minister", "GOV", "SRB"),
                                                          ("Coalition forces", "MIL", None)])
def test_the_common_word_and_the_portfolio_stay(kb: ActorKB, text: str, sector: str, country: str | None) -> None:
    """Lowercase "nationals" are people; "Labour" before an office is a portfolio; a head noun after a shared
    name decides the sector."""
    actor = kb.resolve(text, on=ON)
    assert actor is not None and (actor.sector, actor.country) == (sector, country)


@pytest.mark.parametrize("text", ["deputy leader Aden Ridgeway met the senators",
                                  "the executive rejected Aden Ridgeway's bid",
                                  "Senator Aden Ridgeway said"])
def test_a_town_as_a_given_name_is_no_place(kb: ActorKB, text: str) -> None:
    assert kb.countries_in(text) == set()


@pytest.mark.parametrize("text", ["the port of Aden", "rebels attacked Aden on Monday", "a ship in Aden Harbour",
                                  "Aden Ridgeway said"])
def test_a_town_elsewhere_is_its_country(kb: ActorKB, text: str) -> None:
    """With no title before it nor possessive after it, the town's name stays a place (a name alone cannot tell)."""
    assert kb.countries_in(text) == {"YEM"}
