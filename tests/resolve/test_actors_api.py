"""The ActorKB questions other stages ask: names, metonyms, prefilter, country sets, coordinated spans."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.resolve.actors import ActorKB, default_kb
from tests.conftest import present

DAY = dt.date(2024, 1, 12)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return default_kb()


def test_default_kb_is_loaded_once() -> None:
    assert default_kb() is default_kb()


def test_size_covers_every_country(kb: ActorKB) -> None:
    size = kb.size
    assert size["countries"] >= 195
    assert size["people"] > 1500 and size["bodies"] > 1000 and size["aliases"] > 10000


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("China", "CHN"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("PRC", "CHN"),
        ("mainland China", "CHN"),
        ("Indonesia", "IDN"),
        ("Chinese", "CHN"),
        ("Americans", "USA"),
        ("Taiwan", "TWN"),
        ("Hong Kong", "HKG"),
        ("the Philippines", "PHL"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Kosovo", "KOS"),
        ("Palestinian", "PSE"),
        ("Britain's", "GBR"),
        ("Soviet", "RUS"),
        ("South Korea", "KOR"),
        ("North Korean", "PRK"),
    ],
)
def test_country_of_name(kb: ActorKB, text: str, code: str) -> None:
    assert kb.country_of_name(text) == code


@pytest.mark.parametrize("text", ["Beijing", "Chinese officials", "Xi Jinping", "us", "Pacific", ""])
def test_country_of_name_rejects_non_names(kb: ActorKB, text: str) -> None:
    assert kb.country_of_name(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Beijing", "CHN"),
        ("the White House", "USA"),
        ("the Pentagon", "USA"),
        ("Zhongnanhai", "CHN"),
        ("Foggy Bottom", "USA"),
        ("the Kremlin", "RUS"),
        ("Downing Street", "GBR"),
        ("Taipei", "TWN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
    ],
)
def test_metonym_country(kb: ActorKB, text: str, code: str) -> None:
    assert kb.metonym_country(text) == code


@pytest.mark.parametrize("text", ["China", "Shanghai", "New York", "the Pentagon officials"])
def test_metonym_country_is_only_capitals_and_seats(kb: ActorKB, text: str) -> None:
    assert kb.metonym_country(text) is None


def test_readings_are_the_kinds_of_entry_a_whole_text_is_a_key_of(kb: ActorKB) -> None:
    assert "person" in kb.readings("Antony Blinken")
    assert kb.readings("South Korea") == {"country"}
    assert kb.readings("Wang") == {"surname"}  # a surname alone, of several people
    assert kb.readings("Tamsin Varleigh") == frozenset()  # a name nobody entered
    assert kb.readings("Blinken met Wang Yi") == frozenset()  # a key as a whole, not a scan


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing and Washington have conducted a series of senior official exchanges.",
        "The U.S. wished the people peace.",
        "Blinken told Han that it was good to maintain engagement.",
        "Police fired tear gas at protesters.",
        "The Apec summit opens in November.",
        "Xinhua said the talks were candid.",
    ],
)
def test_is_candidate_accepts_actor_sentences(kb: ActorKB, sentence: str) -> None:
    assert kb.is_candidate(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["It rained heavily on Tuesday.", "Let us know what you think.", "The number is 45.", ""],
)
def test_is_candidate_rejects_sentences_without_actors(kb: ActorKB, sentence: str) -> None:
    assert not kb.is_candidate(sentence)


def test_countries_in(kb: ActorKB) -> None:
    text = (
        "Chinese Foreign Minister Wang Yi said Washington and Beijing must insist on peaceful coexistence, "
        "while Taiwanese voters head to the polls and the European Union watches. Let us see."
    )
    assert kb.countries_in(text) == {"CHN", "USA", "TWN"}
    assert kb.countries_in("Blinken met Lavrov") == {"USA", "RUS"}
    assert kb.countries_in("nothing here") == set()


def test_countries_in_reads_a_portfolio_between_demonym_and_office(kb: ActorKB) -> None:
    """ "Serbian Labour Minister": the demonym says whose minister; Labour is the portfolio, not Britain's party."""
    assert kb.countries_in("a bill signed by Serbian Labour Minister Dragan Milovanovic") == {"SRB"}
    assert kb.countries_in("Australian Labor Minister") == {"AUS"}
    assert kb.countries_in("British Labour Minister") == {"GBR"}
    assert kb.countries_in("Keir Starmer's Labour Party") == {"GBR"}  # not a portfolio: no office after it


def test_office_holder_names_the_holder_on_the_date(kb: ActorKB) -> None:
    xi = kb.office_holder("CHN", "president", dt.date(2024, 1, 1), "leaders")
    assert xi is not None and (xi.name, xi.country, xi.sector, xi.text) == ("Xi Jinping", "CHN", "GOV", "leaders")
    biden = kb.office_holder("USA", ["president", "monarch"], dt.datetime(2024, 1, 1, 12))
    assert biden is not None and biden.id == "person/usa/joe-biden"
    obama = kb.office_holder("USA", "president", dt.date(2012, 6, 1))
    assert obama is not None and obama.name == "Barack Obama"
    assert kb.office_holder("USA", "monarch", dt.date(2024, 1, 1)) is None
    # the first office in the list with a holder decides: the US has no monarch, so its president
    fallback = kb.office_holder("USA", ["monarch", "president"], dt.date(2024, 1, 1))
    assert fallback is not None and fallback.name == "Joe Biden"


def test_resolve_all_splits_coordinated_spans(kb: ActorKB) -> None:
    both = kb.resolve_all("Beijing and Washington", DAY)
    assert [(a.country, a.sector) for a in both] == [("CHN", "GOV"), ("USA", "GOV")]
    shared_head = kb.resolve_all("Chinese and US officials", DAY)
    assert [(a.country, a.sector) for a in shared_head] == [("CHN", "GOV"), ("USA", "GOV")]
    shared_country = kb.resolve_all("Israeli helicopters and tanks", DAY)
    assert [(a.country, a.sector) for a in shared_country] == [("ISR", "MIL"), ("ISR", "MIL")]
    listed = kb.resolve_all("Chinese, Russian and Iranian officials", DAY)
    assert [(a.country, a.sector) for a in listed] == [("CHN", "GOV"), ("RUS", "GOV"), ("IRN", "GOV")]
    names = kb.resolve_all("Trinidad and Tobago", DAY)
    assert [a.country for a in names] == ["TTO"]


def test_resolve_never_guesses_a_country(kb: ActorKB) -> None:
    for text in ["a senior official", "the spokesman", "Judge Alejandro Rivera", "ethnic Albanians", "the president"]:
        actor = kb.resolve(text, DAY)
        assert actor is None or actor.country is None, text


def test_misspelled_names_one_edit_away(kb: ActorKB) -> None:
    assert present(kb.resolve("Ethopia", DAY)).country == "ETH"
    assert present(kb.resolve("Phillippines military", DAY)).country == "PHL"
    assert present(kb.resolve("President Bouteflicka", dt.date(2005, 1, 1))).name == "Abdelaziz Bouteflika"
    assert present(kb.resolve("Nigerien", DAY)).country == "NER"  # a known word is never "corrected"


def test_resolve_accepts_datetimes_and_no_date(kb: ActorKB) -> None:
    at = kb.resolve("Chinese Foreign Minister", dt.datetime(2023, 3, 15, 12, 0))
    assert at is not None and at.name == "Qin Gang"
    undated = kb.resolve("Wang Yi")
    assert undated is not None and (undated.country, undated.sector) == ("CHN", "GOV")
    assert present(kb.resolve("US Secretary of State")).name is None  # no date, no holder


def test_the_state_department_with_its_article_is_the_body(kb) -> None:
    # "the state" (the government) must not swallow the start of a body's name
    for text in ("the State Department", "The State Department", "said the State Department"):
        actor = kb.resolve(text, on=dt.date(2024, 1, 1))
        assert actor is not None and (actor.country, actor.name) == ("USA", "State Department"), text
    assert kb.resolve("the state", on=dt.date(2024, 1, 1)).sector == "GOV"


def test_state_agent_words_are_a_states_organs_and_armed_groups(kb) -> None:
    words = kb.state_agent_words
    assert {"army", "military", "court", "police", "ministry", "militants", "minister"} <= words
    assert not {"residents", "farmers", "students", "people"} & words
