"""Where an event happens and what the place says about it: a place acted on is a recipient, a meeting abroad
is a visit, an ethnic group belongs where it acts, and the place sets a meeting's mode."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from detente.coding import Coder
from detente.coding.candidates import Candidate
from detente.coding.compose import Coded
from detente.coding.lexicon import load_data, load_lexicon
from detente.coding.participants import Resolved, Sides
from detente.coding.places import Places, resident, separate_clause
from detente.records import Actor, Location

Candidates = Callable[[str], list[Candidate]]
US = Actor("Blinken", name="Antony Blinken", country="USA", id="person/usa/antony-blinken")
CN = Actor("Wang Yi", name="Wang Yi", country="CHN", id="person/chn/wang-yi")
MEETING = Coded("CONSULT", None, "040")


@pytest.fixture(scope="module")
def places(kb) -> Places:
    return Places(kb, tuple(str(w).lower() for w in load_data("triggers.yaml")["multilateral_cues"]),
                  load_lexicon())


def city(name: str, country: str) -> Location:
    return Location(text=name, name=name, country=country, lat=None, lon=None)


def sides(sources: list[Actor], targets: list[Actor] | None = None) -> Sides:
    targets = targets or []
    return Sides([], Resolved(sources, [a.text for a in sources]), Resolved(targets, [a.text for a in targets]))


def test_a_place_named_in_the_acts_clause_is_its_recipient(places: Places, candidates: Candidates) -> None:
    [cand] = candidates("Troops fired shells at targets in Jericho.")
    found = places.place_actor(None, cand)
    assert found is not None and (found.text, found.country) == ("Jericho", "PSE")
    s = sides([Actor("Troops", country="ISR")])
    places.place_sides(cand.coded, cand, None, s)
    assert [a.country for a in s.targets.actors] == ["PSE"]


def test_a_resolved_location_comes_first(places: Places, candidates: Candidates) -> None:
    [cand] = candidates("Troops fired shells at targets in Jericho.")
    found = places.place_actor(city("Gaza", "PSE"), cand)
    assert found is not None and found.text == "Gaza"


def test_where_only_excludes_places_gone_to(places: Places, candidates: Candidates) -> None:
    [cand] = candidates("Wang Yi flew to Washington.")
    assert places.place_actor(None, cand, where_only=True) is None
    found = places.place_actor(None, cand)
    assert found is not None and found.country == "USA"


def test_a_meeting_abroad_with_nobody_named_is_a_visit_to_that_country(places: Places,
                                                                       candidates: Candidates) -> None:
    [cand] = candidates("Wang Yi held talks in Washington.")
    s = sides([CN])
    places.place_sides(MEETING, cand, city("Washington", "USA"), s)
    assert [(a.text, a.country) for a in s.targets.actors] == [("Washington", "USA")]


def test_where_a_verbal_act_is_said_is_no_recipient(places: Places, candidates: Candidates) -> None:
    [cand] = candidates("Blinken criticized the policy in Geneva.")
    assert cand.coded.type == "ACCUSE"
    s = sides([US])
    places.place_sides(cand.coded, cand, city("Geneva", "CHE"), s)
    assert s.targets.actors == []


def test_an_ethnic_group_belongs_where_it_acts(places: Places, candidates: Candidates) -> None:
    [cand] = candidates("Ethnic Albanians demonstrated in Serbia.")
    s = Sides([], Resolved([Actor("Albanians", country="ALB")], ["Ethnic Albanians"]), Resolved([], []))
    places.place_sides(cand.coded, cand, city("Serbia", "SRB"), s)
    assert [a.country for a in s.sources.actors] == ["SRB"]


def test_only_an_ethnic_group_without_an_identity_moves() -> None:
    serbia = Actor("Serbia", name="Serbia", country="SRB")
    assert resident(Actor("Albanians", country="ALB"), "ethnic Albanians", serbia).country == "SRB"
    assert resident(Actor("Albanians", country="ALB"), "Albanian officials", serbia).country == "ALB"
    known = Actor("Albanians", country="ALB", id="body/alb/x")
    assert resident(known, "ethnic Albanians", serbia) is known


def test_meeting_modes(places: Places, nlp: Language) -> None:
    summit = nlp("Blinken met Wang Yi at the G20 summit in Bali.")[:]
    plain = nlp("Blinken met Wang Yi.")[:]
    assert places.consult_mode(MEETING, summit, city("Bali", "IDN"), [US], [CN]) == \
        Coded("CONSULT", "multilateral", "040")
    assert places.consult_mode(MEETING, plain, city("Beijing", "CHN"), [US], [CN]) == Coded("CONSULT", "visit", "042")
    assert places.consult_mode(MEETING, plain, city("Jakarta", "IDN"), [US], [CN]) == \
        Coded("CONSULT", "third-party", "044")
    assert places.consult_mode(MEETING, plain, city("Washington", "USA"), [US], [CN]) == MEETING
    assert places.consult_mode(MEETING, plain, None, [US], [CN]) == MEETING
    sanction = Coded("SANCTION", None, "163")
    assert places.consult_mode(sanction, summit, city("Bali", "IDN"), [US], [CN]) == sanction


def test_a_finite_clause_has_its_own_place_an_infinitive_does_not(nlp: Language) -> None:
    relative = nlp("Troops that were based in Jericho attacked the town.")
    infinitive = nlp("Troops came to Jericho to attack the town.")
    assert separate_clause(relative[3])  # "based"
    assert not separate_clause(infinitive[5])  # "attack"
    assert not separate_clause(relative[6])  # "attacked", the main verb


def test_a_dateline_after_title_lines_places_and_dates_the_lead(coder: Coder) -> None:
    """A scraped wire story opens with its title and byline; the dateline on the line after them still places
    the lead and dates it, and dates nothing by attachment."""
    import datetime as dt

    from detente.records import Document

    text = ("Blinken meets Xi in Beijing\nBy a Reporter\n\nBEIJING, June 19 (Reuters) - Chinese Foreign Minister Wang "
            "Yi criticized the United States. The United States imposed sanctions on China.")
    doc = Document(id="wire-after-title", text=text, published=dt.date(2023, 6, 22))
    records = next(iter(coder.code_documents([doc])))[1]
    lead = next(m for m in records if m.type == "ACCUSE")
    assert lead.location is not None and lead.location.name == "Beijing"
    assert (lead.date, lead.date_precision) == (dt.date(2023, 6, 19), "day")
    later = next(m for m in records if m.type == "SANCTION")
    assert later.date_precision == "unresolved"


def test_a_material_act_is_placed_where_its_patient_is_a_verbal_one_is_not(coder: Coder) -> None:
    """coding.places: an arrest (COERCE) happens where the people arrested are; condemning it (ACCUSE) does not."""
    [arrest] = coder.code_text("Chinese police announced the arrest of four American activists in the southern "
                               "city of Guangzhou.")
    assert arrest.type == "COERCE" and arrest.location is not None and arrest.location.name == "Guangzhou"
    said = [m for m in coder.code_text("The U.S. State Department condemned the arrest of four American activists "
                                       "in the southern city of Guangzhou.") if m.type == "ACCUSE"]
    assert said and all(m.location is None for m in said)


def test_a_meeting_at_a_named_venue_is_where_the_document_puts_it(coder: Coder) -> None:
    """coding.places.Places.venue_place: the sentence names the venue, another sentence its place."""
    import datetime as dt

    from detente.records import Document

    text = ("Chinese President Xi Jinping arrived for the APEC summit in San Francisco on Tuesday.\n\n"
            "Xi met U.S. President Joe Biden on the sidelines of the APEC summit on Wednesday.")
    records = next(iter(coder.code_documents([Document(id="venue", text=text, published=dt.date(2023, 11, 16))])))[1]
    met = next(m for m in records if m.type == "CONSULT" and m.sentence_index == 1)
    assert met.location is not None and met.location.name == "San Francisco"
