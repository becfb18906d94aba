"""Demands read from what a speaker says when no trigger word names them: an act declared necessary, a deontic
copula on another actor, telling or proposing that another actor act, and a demand's "they" put on the addressee."""

from __future__ import annotations

from detente.coding import Coder
from detente.coding.candidates import extract
from detente.coding.statements import revise
from tests.coding.test_statements import _coded, _types


def test_declaring_an_act_necessary_is_a_demand(coder: Coder) -> None:
    text = "The French foreign minister said it was necessary to renegotiate the agreement with Germany."
    assert "REQUEST" in _types(coder, text)
    # a description ("any measures necessary") is no demand
    text = "The French foreign minister said France will take any measures necessary to protect Germany."
    assert "REQUEST" not in _types(coder, text)


def test_a_deontic_copula_on_another_actor_is_a_demand_on_it(coder: Coder) -> None:
    text = '"The Security Council must be united," the French ambassador said.'
    assert ("REQUEST", ["FRA"], ["IGO"]) in _coded(coder, text)


def test_a_demand_told_to_an_addressee_is_on_the_addressee_not_the_speaker(coder: Coder) -> None:
    text = "Chinese officials told the Japanese government that they should not close the border."
    assert ("REQUEST", ["CHN"], ["JPN"]) in _coded(coder, text)


def test_telling_an_actor_to_act_is_a_demand_on_it(coder: Coder) -> None:
    text = "The Chinese foreign minister told the United States to lift its sanctions on Chinese firms."
    coded = [(m.type, m.cameo, [a.country for a in m.source], [a.country for a in m.target])
             for m in coder.code_text(text)]
    # the demanded act gives the mode and code (025: ease sanctions), and is no event of its own
    assert coded == [("REQUEST", "025", ["CHN"], ["USA"])]
    # telling reporters something, or not telling anyone to act, demands nothing
    assert "REQUEST" not in _types(coder, "The Chinese foreign minister told reporters that the sanctions were lifted.")
    assert "REQUEST" not in _types(coder, "The Chinese foreign minister did not tell the United States to lift "
                                          "its sanctions on Chinese firms.")


def test_proposing_what_another_actor_should_do_is_a_demand_on_it(coder: Coder) -> None:
    assert ("REQUEST", ["FRA"], ["DEU"]) in _coded(coder, "The French minister proposed that Germany should pay "
                                                         "for the repairs.")
    text = "The Turkish foreign minister suggested that the United States could sell Patriot missiles to Turkey."
    assert ("REQUEST", ["TUR"], ["USA"]) in _coded(coder, text)


def test_a_suggestion_of_fact_or_of_ones_own_act_is_no_demand(coder: Coder) -> None:
    # a claim, a guess or a forecast, not a proposal
    assert "REQUEST" not in _types(coder, "The Pakistani minister suggested that India was behind the attack.")
    assert "REQUEST" not in _types(coder, "The Pakistani minister suggested that India might be behind the attack.")
    assert "REQUEST" not in _types(coder, "The Pakistani minister suggested that India could have sent the drones.")
    assert "REQUEST" not in _types(coder, "The Pakistani minister suggested that India will attack soon.")
    # the proposer's own country: an offer stays one
    assert _types(coder, "The Japanese prime minister proposed that Japan should host a summit.") == {"AGREE"}


def test_saying_another_actor_needed_to_act_is_a_demand_on_it_and_its_act_no_event(coder: Coder) -> None:
    # the small model makes the infinitive of this "needed to" a complement; the act is the demand's content
    coded = _coded(coder, "The Chinese foreign minister said Japan needed to stop the visits to the shrine.")
    assert coded == [("REQUEST", ["CHN"], ["JPN"])]


def test_a_need_denied_ones_own_or_unsaid_is_no_demand(coder: Coder) -> None:
    assert "REQUEST" not in _types(coder, "The Chinese foreign minister said Japan did not need to stop the visits.")
    assert "REQUEST" not in _types(coder, "The Chinese foreign minister said we needed to stop the visits.")
    assert "REQUEST" not in _types(coder, "Japan needed to import more rice from Thailand last year.")


def test_a_needed_act_the_parser_made_a_purpose_clause_is_still_demanded(coder: Coder) -> None:
    # read off the parse ("explain" hangs on "needed" as advcl): the prefilter parses such a sentence only for a
    # word of its own
    text = "Beijing needed to explain its military build-up, the Japanese defence minister has said."
    sent = coder.nlp(text)[:]
    assert [t.dep_ for t in sent if t.text == "explain"] == ["advcl"]
    found = revise(sent, extract(sent, coder.lexicon, coder.composer, coder.cues), coder.lexicon, coder.cues)
    assert [(c.coded.type, c.token.text, [t.token.text for t in c.targets], c.speaker and c.speaker.token.text)
            for c in found] == [("REQUEST", "needed", ["Beijing"], "minister")]


def test_pressing_or_persuading_a_party_to_act_is_a_request_to_it(coder: Coder) -> None:
    text = "Mexican victims' groups have pressed the Mexican authorities to excavate the sites."
    assert "REQUEST" in _types(coder, text)
    text = "Pakistan is trying to persuade the Taliban to stop attacks on India, the minister said."
    assert ("REQUEST", ["PAK"], ["AFG"]) in _coded(coder, text)
    # troops or a thing pushed: nobody is asked to act
    assert "REQUEST" not in _types(coder, "Russia pushed its troops into Ukraine on Monday.")


def test_pressuring_or_convincing_a_party_to_act_is_a_request_to_it(coder: Coder) -> None:
    assert ("REQUEST", ["USA"], ["CAN"]) in _coded(coder, "The American president said he is pressuring Canada to "
                                                         "curb the flow of migrants.")
    assert ("REQUEST", ["JPN"], ["KOR"]) in _coded(coder, "Japan convinced South Korea to join the talks.")
    # pressure as a noun, or a conviction held, asks nobody
    assert "REQUEST" not in _types(coder, "The Chinese minister was convinced that Russia would attack Ukraine.")
    assert "REQUEST" not in _types(coder, "China is under pressure from the United States.")
