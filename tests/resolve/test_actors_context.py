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
