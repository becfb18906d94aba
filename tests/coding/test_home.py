"""The home country of a story from the whole document: places, datelines, known people, the outlet
(``detente/coding/home.py``), and what it decides (which sentences are parsed, whose the unnamed bodies are)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from detente.coding import Coder
from detente.coding.home import HomeEvidence, gazetteer_country, office_at_home, outlet_home, places_named, wider_home
from detente.coding.lexicon import load_lexicon
from detente.coding.modality import load_cues
from detente.coding.selection import SentenceSelector
from detente.records import Document

# a local outlet's story: it names its cities and states, never its own country
_SYDNEY = ("Nurses at hospitals across Sydney walked off the job for four hours on Monday. "
           "Hospitals in Parramatta cancelled surgery. "
           "The Government has rejected the union's demands for a pay rise. "
           "Police arrested three protesters outside parliament.")
_TWO = ("Nurses in Sydney and in Auckland walked off the job on Monday. "
        "Hospitals in Parramatta and in Hamilton cancelled surgery. "
        "The Government has rejected the union's demands for a pay rise. "
        "Police arrested three protesters outside parliament.")
_NOWHERE = ("Nurses walked off the job for four hours on Monday. "
            "Police arrested three protesters outside parliament.")


def _selector(kb) -> SentenceSelector:
    return SentenceSelector(kb, load_lexicon(), load_cues())


# -- the rule ---------------------------------------------------------------------------------------------


def test_the_one_country_a_story_names_twice_is_its_home() -> None:
    assert wider_home(HomeEvidence(Counter({"AUS": 2}))) == "AUS"
    # one passing mention ("a rally in Kampala") does not make every body of the story that country's
    assert wider_home(HomeEvidence(Counter({"AUS": 1}))) is None


def test_among_other_countries_the_home_dominates_by_far() -> None:
    assert wider_home(HomeEvidence(Counter({"IND": 6, "PAK": 2}))) == "IND"
    assert wider_home(HomeEvidence(Counter({"IND": 6, "PAK": 3}))) is None  # twice is not enough here
    assert wider_home(HomeEvidence(Counter({"IND": 3, "PAK": 1}))) is None  # too few sentences to tell


def test_the_dateline_counts_once_more() -> None:
    assert wider_home(HomeEvidence(Counter({"CAN": 1}), dateline="CAN")) == "CAN"
    assert wider_home(HomeEvidence(Counter({"CAN": 5, "USA": 2}), dateline="CAN")) == "CAN"
    assert wider_home(HomeEvidence(Counter({"CAN": 5, "USA": 2}))) is None


def test_the_outlet_decides_when_no_country_is_named() -> None:
    assert wider_home(HomeEvidence(Counter(), outlet="AUS")) == "AUS"
    assert wider_home(HomeEvidence(Counter({"NZL": 2}), outlet="AUS")) == "NZL"
    # one passing mention of one country (or a name the gazetteer reads as a place: "Lindsay", Canada) is
    # weaker than a local outlet (session 14, home14); without an outlet, or beside another country, nothing
    assert wider_home(HomeEvidence(Counter({"NZL": 1}), outlet="AUS")) == "AUS"
    assert wider_home(HomeEvidence(Counter({"NZL": 1}))) is None
    assert wider_home(HomeEvidence(Counter({"NZL": 1, "GBR": 1}), outlet="AUS")) is None
    assert wider_home(HomeEvidence(Counter({"NZL": 2}), dateline="NZL", outlet="AUS")) == "NZL"


def test_a_local_outlet_counts_once_for_its_country_where_that_leads() -> None:
    # a local story names its own country once, if at all: the outlet's country is the second mention
    assert wider_home(HomeEvidence(Counter({"AUS": 1}), outlet="AUS")) == "AUS"
    # it does not count for a country another one outnumbers, nor lift one tied with others past the bar
    assert wider_home(HomeEvidence(Counter({"NZL": 1, "AUS": 1, "GBR": 1}), outlet="AUS")) is None
    assert wider_home(HomeEvidence(Counter({"USA": 6, "AUS": 2}), outlet="AUS")) == "USA"
    assert wider_home(HomeEvidence(Counter({"USA": 6, "AUS": 2}))) == "USA"


def test_where_an_outlet_is_based(kb) -> None:
    assert outlet_home(kb, "The Sydney Morning Herald") == "AUS"
    assert outlet_home(kb, "the hindu") == "IND"
    assert outlet_home(kb, "The Times of India") == "IND"  # the data file before the knowledge base
    # an international broadcaster or a wire service is about anywhere
    assert outlet_home(kb, "Voice of America") is None
    assert outlet_home(kb, "Reuters") is None
    assert outlet_home(kb, None) is None
    assert outlet_home(kb, "Nobody's Weekly Newsletter") is None


# -- places the knowledge base does not know ------------------------------------------------------------


def test_a_place_the_gazetteer_puts_in_one_country_names_it() -> None:
    assert gazetteer_country("Nagpur") == "IND"
    assert gazetteer_country("Bendigo") == "AUS"
    assert gazetteer_country("Hamilton") is None  # Canada's, New Zealand's, Scotland's
    assert gazetteer_country("Punjab") is None  # India's and Pakistan's
    assert gazetteer_country("Georgia") is None  # a country's own name is the knowledge base's to read


def test_the_places_a_sentence_names(kb) -> None:
    assert places_named(kb, "Police detained 40 workers who tried to block the highway near Nagpur.") == {"IND"}
    # a word opening the sentence, or one the knowledge base knows, is no place ("Police" is a town in Poland)
    assert places_named(kb, "Police said nothing.") == set()
    assert places_named(kb, "Nurses said the Police had left.") == set()


# -- what it decides: which sentences are parsed ---------------------------------------------------------


def test_a_local_story_that_never_names_its_country_has_a_home(kb) -> None:
    found = _selector(kb).select(_SYDNEY)
    assert found.home == "AUS"
    assert "Police arrested three protesters outside parliament." in [s.text for s in found.selected]


def test_a_story_about_two_countries_has_none(kb) -> None:
    found = _selector(kb).select(_TWO)
    assert found.home is None
    assert "Police arrested three protesters outside parliament." not in [s.text for s in found.selected]


def test_a_town_the_knowledge_base_does_not_know_gives_the_home(kb) -> None:
    text = ("The Chief Minister announced a relief package for farmers in Surat on Monday. "
            "Police detained 40 workers who tried to block the highway near Nagpur.")
    found = _selector(kb).select(text)
    assert found.home == "IND"
    assert [s.index for s in found.selected] == [0, 1]


def test_a_dateline_gives_the_home(kb) -> None:
    found = _selector(kb).select("CHENNAI — " + _NOWHERE)
    assert found.home == "IND"


def test_a_local_outlet_and_one_mention_of_its_country_give_the_home(kb) -> None:
    text = ("Nurses walked off the job for four hours on Monday in Australia. "
            "Police arrested three protesters outside parliament.")
    assert _selector(kb).select(text, outlet="The Sydney Morning Herald").home == "AUS"
    assert _selector(kb).select(text, outlet="Voice of America").home is None


def test_an_organized_body_of_no_country_is_parsed_in_a_story_with_a_home(kb) -> None:
    text = ("Nurses at hospitals across Sydney walked off the job on Monday. "
            "Hospitals in Parramatta cancelled surgery. "
            "The unions have rejected the latest offer. "
            "Nurses rejected the latest offer too.")
    found = _selector(kb).select(text)
    assert found.home == "AUS"
    selected = [s.index for s in found.selected]
    assert 2 in selected  # the unions: a body of the home, held for it
    assert 3 not in selected  # people at large may be anyone's
    assert 2 not in [s.index for s in _selector(kb).select(text.replace("Sydney", "Sydney and Auckland")).selected]


def test_the_outlet_gives_the_home_of_a_story_that_names_no_place(kb) -> None:
    assert _selector(kb).select(_NOWHERE, outlet="The Hindu").home == "IND"
    assert _selector(kb).select(_NOWHERE, outlet="Voice of America").home is None
    assert _selector(kb).select(_NOWHERE).home is None


# -- what it decides: whose the bodies and offices with no country are -----------------------------------


def test_an_office_of_the_home_country_is_its_holder_on_the_day(kb) -> None:
    may_2000 = dt.date(2000, 5, 2)
    holder = office_at_home(kb, "the Prime Minister", "AUS", may_2000)
    assert holder is not None and holder.country == "AUS" and holder.id is not None
    assert holder.text == "the Prime Minister" and holder.id.startswith("person/aus/")
    # a state's or province's office is the home country's, but not its national office
    assert office_at_home(kb, "the Premier", "CAN", may_2000) is None
    assert office_at_home(kb, "the Chief Minister", "IND", may_2000) is None
    assert office_at_home(kb, "the Prime Minister", "AUS", None) is None  # no day, no holder


def _coded(coder: Coder, text: str, outlet: str | None = None) -> list[tuple[str, list[str | None],
                                                                              list[str | None]]]:
    doc = Document(id="home", text=text, published=dt.date(2024, 5, 2), outlet=outlet)
    [(_doc, records)] = list(coder.code_documents([doc]))
    return [(r.type, [a.country for a in r.source], [a.country for a in r.target]) for r in records]


def test_an_office_and_a_body_with_no_country_are_the_homes(coder: Coder) -> None:
    text = ("Nurses in Winnipeg walked off the job on Monday. Hospitals across Manitoba cancelled surgery. "
            "The Opposition leader accused the Government of abandoning the nurses. "
            "Police arrested three protesters outside parliament.")
    coded = _coded(coder, text)
    assert ("ACCUSE", ["CAN"], ["CAN"]) in coded
    assert any(kind == "COERCE" and source == ["CAN"] for kind, source, _t in coded)


def test_the_prime_minister_of_a_local_story_is_the_home_countrys(coder: Coder) -> None:
    text = ("Nurses in Brisbane walked off the job on Monday. Hospitals across Queensland cancelled surgery. "
            "The Prime Minister met the union's leaders on Friday.")
    doc = Document(id="pm", text=text, published=dt.date(2000, 5, 2))
    [(_doc, records)] = list(coder.code_documents([doc]))
    met = [r for r in records if r.type == "CONSULT"]
    assert met and met[0].source[0].country == "AUS"
    assert (met[0].source[0].id or "").startswith("person/aus/")


def test_an_office_with_no_country_is_nobodys_in_a_story_about_two(coder: Coder) -> None:
    text = ("Nurses in Winnipeg and in Chicago walked off the job. Hospitals in Manitoba and Illinois cancelled "
            "surgery. "
            "The Opposition leader accused the Government of abandoning the nurses.")
    assert not any(kind == "ACCUSE" for kind, _s, _t in _coded(coder, text))


def test_a_union_of_no_country_is_the_homes(coder: Coder) -> None:
    text = ("Nurses at hospitals across Sydney walked off the job on Monday. Hospitals in Parramatta cancelled "
            "surgery. The unions have rejected the hospitals' latest offer.")
    assert any(kind == "REJECT" and source == ["AUS"] for kind, source, _t in _coded(coder, text))



def _crowd_sources(coder: Coder, text: str, word: str = "protesters") -> list[str | None]:
    """The countries of the sources called ``word`` of the PROTEST events of ``text``."""
    doc = Document(id="crowd", text=text, published=dt.date(2024, 5, 2))
    [(_doc, records)] = list(coder.code_documents([doc]))
    return [a.country for r in records if r.type == "PROTEST" for a in r.source if word in a.text]


def test_a_crowd_protesting_in_a_story_with_a_home_is_the_homes(coder: Coder) -> None:
    text = ("Nurses at hospitals across Sydney walked off the job on Monday. Hospitals in Parramatta cancelled "
            "surgery. Thousands of protesters marched against the Government's hospital cuts.")
    assert _crowd_sources(coder, text) == ["AUS"]


def test_a_crowd_protesting_in_a_story_about_two_is_nobodys(coder: Coder) -> None:
    text = ("Nurses in Sydney and in Auckland walked off the job on Monday. Hospitals in Parramatta and in "
            "Hamilton cancelled surgery. Thousands of protesters marched against the Government's hospital cuts.")
    assert not any(_crowd_sources(coder, text))


_STOPPAGE = ("Nurses at hospitals across Sydney walked off the job on Monday. Hospitals in Parramatta cancelled "
             "surgery. About 6,000 bank staff will hold a national stoppage on Thursday.")


def test_a_crowds_act_by_people_of_no_country_is_parsed_in_a_story_with_a_home(kb) -> None:
    found = _selector(kb).select(_STOPPAGE)
    assert found.home == "AUS" and 2 in [s.index for s in found.selected]
    two = _selector(kb).select(_STOPPAGE.replace("Sydney", "Sydney and Auckland").replace(
        "Parramatta", "Parramatta and Hamilton"))
    assert two.home is None and 2 not in [s.index for s in two.selected]


def test_staff_striking_in_a_story_with_a_home_are_the_homes(coder: Coder) -> None:
    assert _crowd_sources(coder, _STOPPAGE, "bank staff") == ["AUS"]
