"""DocumentActors: what one document has named lets later bare surnames and titles resolve."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.records import Actor
from detente.resolve.actors import ActorKB, DocumentActors, default_kb
from tests.conftest import present

DAY = dt.date(2023, 9, 30)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return default_kb()


def test_common_surname_needs_the_document(kb: ActorKB) -> None:
    assert kb.resolve("Wang", DAY) is None
    doc = DocumentActors()
    kb.resolve("Chinese Foreign Minister Wang Yi", DAY, doc)
    assert present(kb.resolve("Wang", DAY, doc)).name == "Wang Yi"


def test_latest_mention_wins(kb: ActorKB) -> None:
    doc = DocumentActors()
    kb.resolve("Wang Yi", DAY, doc)
    kb.resolve("Commerce Minister Wang Wentao", DAY, doc)
    assert present(kb.resolve("Wang", DAY, doc)).name == "Wang Wentao"


def test_surname_shared_across_countries(kb: ActorKB) -> None:
    # Han Zheng (China) and Han Duck-soo (South Korea) both held office in September 2023
    assert kb.resolve("Han", DAY) is None
    doc = DocumentActors()
    kb.resolve("Chinese Vice-president Han Zheng", DAY, doc)
    han = kb.resolve("Han", DAY, doc)
    assert han is not None and (han.country, han.name) == ("CHN", "Han Zheng")


def test_unknown_person_with_a_stated_role_is_remembered(kb: ActorKB) -> None:
    doc = DocumentActors()
    first = kb.resolve("Daniel Smithers, a senior US trade official", DAY, doc)
    assert first is not None and (first.country, first.sector, first.name, first.id) == (
        "USA",
        "GOV",
        "Daniel Smithers",
        None,
    )
    later = kb.resolve("Smithers", DAY, doc)
    assert later is not None and (later.text, later.country, later.name) == ("Smithers", "USA", "Daniel Smithers")
    assert kb.resolve("Smithers", DAY) is None


def test_observe_adds_actors_found_elsewhere(kb: ActorKB) -> None:
    doc = DocumentActors()
    doc.observe(Actor("Maria Lindqvist", "Maria Lindqvist", "SWE", "GOV", None))
    doc.observe(Actor("Sweden", "Sweden", "SWE", None, "country/SWE"))  # countries are not persons
    assert len(doc) == 1
    assert present(kb.resolve("Lindqvist", DAY, doc)).country == "SWE"


def test_pronouns_stay_unresolved(kb: ActorKB) -> None:
    doc = DocumentActors()
    kb.resolve("Chinese Vice-premier He Lifeng", DAY, doc)
    assert kb.resolve("He", DAY, doc) is None
    assert kb.resolve("he", DAY, doc) is None


def test_bare_title_after_its_holder_was_named(kb: ActorKB) -> None:
    doc = DocumentActors()
    kb.resolve("Kenyan President William Ruto", DAY, doc)
    president = kb.resolve("the president", DAY, doc)
    assert president is not None and president.name == "William Ruto"
    assert present(kb.resolve("the president", DAY)).country is None


def test_outlet_names_itself(kb: ActorKB) -> None:
    assert kb.resolve("The Post", DAY) is None
    post = kb.resolve("The Post", DAY, DocumentActors(outlet="South China Morning Post"))
    assert post is not None and (post.country, post.sector) == ("HKG", "JRN")
    assert kb.resolve("The Post", DAY, DocumentActors(outlet="Global Times")) is None


@pytest.mark.parametrize(("intro", "country", "sector"), [
    ("Ugandan opposition leader Tamsin Varleigh", "UGA", "OPP"),      # a nationality before the role
    ("Tamsin Varleigh, a journalist in Guatemala", "GTM", "JRN"),     # an apposition with a place
    ("Tamsin Varleigh, a Nairobi-based activist", "KEN", "CVL"),      # "X-based"
    ("Tamsin Varleigh of the Liberal Party of Honduras", "HND", None),  # "of the Z party of Country"
    ("Judge Tamsin Varleigh", None, "JUD"),                           # a role alone: a sector, no country
])
def test_an_unknown_persons_own_phrase_gives_their_country_and_a_later_surname_keeps_it(
        kb: ActorKB, intro: str, country: str | None, sector: str | None) -> None:
    doc = DocumentActors()
    first = present(kb.resolve(intro, DAY, doc))
    assert (first.name, first.country, first.sector, first.id) == ("Tamsin Varleigh", country, sector, None)
    again = present(kb.resolve("Varleigh", DAY, doc))
    assert (again.name, again.country, again.sector) == ("Tamsin Varleigh", country, sector)
    assert kb.resolve("Varleigh", DAY) is None  # without the document nobody knows the name


@pytest.mark.parametrize(("group", "country"), [
    ("a Guatemalan judge", "GTM"), ("the group, based in Kenya", "KEN"), ("a Nairobi-based group", "KEN"),
    ("a journalist", None), ("rebel fighters", None),
])
def test_a_described_group_or_role_has_the_country_its_phrase_gives(kb: ActorKB, group: str,
                                                                     country: str | None) -> None:
    actor = present(kb.resolve(group, DAY))
    assert actor.country == country
    assert actor.country is not None or actor.sector is not None  # no country: still an actor, with a sector


@pytest.mark.parametrize(("role", "country"), [
    ("a spokesman for the Turkish foreign ministry", "TUR"), ("a spokeswoman for the Kenyan police", "KEN"),
    ("a lawyer for the Ivorian government", "CIV"), ("an adviser to the Turkish president", "TUR"),
    ("a senior aide to Kenya's president", "KEN"),
    ("Tamsin Varleigh, a spokesman for the Turkish defense ministry", "TUR"),
    # other "for"/"to" phrases say what or whom, not whose
    ("the ambassador to China", None), ("the U.S. envoy for Afghanistan", "USA"),
])
def test_a_for_or_to_phrase_says_whose_a_serving_role_is(kb: ActorKB, role: str, country: str | None) -> None:
    actor = present(kb.resolve(role, DAY))
    assert actor.country == country
    assert actor.sector == ("JUD" if "lawyer" in role else "GOV") or country is None
