"""Modality (asserted, negated, planned, hypothetical) and what governing words make of an act."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Token

from detente.coding.candidates import Candidate
from detente.coding.lexicon import load_lexicon
from detente.coding.modality import Flags, dated_modality, negation_reported
from detente.records import DateResolution

Cands = Callable[[str], list[Candidate]]


def main(cands: list[Candidate]) -> Candidate:
    assert cands
    return max(cands, key=lambda c: c.weight * c.prominence)


@pytest.mark.parametrize(("text", "type_", "modality"), [
    ("Chinese and US officials held talks in Beijing on Monday.", "CONSULT", "asserted"),
    ("Xi and Biden have not met since November.", "CONSULT", "negated"),
    ("No talks were held between the two militaries last year.", "CONSULT", "negated"),
    ("Blinken will visit Beijing next week.", "AGREE", "planned"),
    ("Wang Yi is planning a trip to Washington in October.", "AGREE", "planned"),
    ("Xi is expected to attend the summit in San Francisco.", "AGREE", "planned"),
    ("Officials are preparing for the upcoming talks between Xi and Biden.", "AGREE", "planned"),
    # a commitment made is asserted, though what was committed to is to come
    ("China and the United States agreed on Tuesday to resume military talks.", "AGREE", "asserted"),
    ("Japan pledged to send relief supplies to Turkey.", "AGREE", "asserted"),
    ("France offered to host the next round of talks.", "AGREE", "asserted"),
    ("China will not agree to any inspection of its bases.", "REJECT", "asserted"),
    ("Ankara resents Washington's failure to sell Patriot missiles to Turkey.", "AID", "negated"),
    ("The two leaders could meet in Bali if the dispute is settled.", "CONSULT", "hypothetical"),
    ("If Beijing attacks Taiwan, Washington would respond.", "ASSAULT", "hypothetical"),
    ("The US imposed sanctions on three Chinese firms.", "SANCTION", "asserted"),
    ("The ministry said it would impose sanctions on the firms.", "THREATEN", "planned"),
])
def test_modality(candidates: Cands, text: str, type_: str, modality: str) -> None:
    c = main(candidates(text))
    assert (c.coded.type, c.modality) == (type_, modality), (c.trigger_text, c.notes)


def test_negation_does_not_reach_an_adverbial_clause(candidates: Cands) -> None:
    cands = candidates("Xi and Biden have not met since last November, when they held talks in Bali.")
    got = sorted((c.mention.token.lower_, c.modality) for c in cands)
    assert got == [("met", "negated"), ("talks", "asserted")]
    talks = next(c for c in cands if c.mention.token.lower_ == "talks")
    assert [a.token.text for a in talks.sources] == ["Xi", "Biden"]  # "they", resolved in the sentence


@pytest.mark.parametrize(("text", "type_", "cameo"), [
    ("Syria says it is willing to withdraw its troops from Lebanon.", "AGREE", "0357"),
    ("Putin offered to negotiate with the president of Armenia.", "AGREE", "036"),
    ("British Defence Secretary Tom King has promised to continue military aid to Mozambique.", "AGREE", "0332"),
    ("Pakistan has refused to deploy peacekeepers in Iraq.", "REJECT", "1212"),
    ("Syria says it will not accept any more refugees.", "REJECT", "122"),
    ("Iran threatened to shell Iraqi towns.", "THREATEN", "138"),
    ("Greece plans to impose restrictions on its labour market.", "THREATEN", "132"),
    ("The UN urged Israel to ease restrictions on workers.", "REQUEST", "024"),
    ("Washington demanded that Hamas release the hostages.", "REQUEST", "1053"),
    ("Amnesty International accused the United States of violating human rights.", "ACCUSE", "112"),
    ("Pakistan President Zia today rejected a fresh offer from Afghanistan for direct talks.", "REJECT", "124"),
    ("China reiterated its determination not to compromise on Taiwan.", "REJECT", "123"),
    ("The government ordered the newspaper to suspend publication.", "COERCE", "1721"),
])
def test_governing_words_compose_with_their_complement(candidates: Cands, text: str, type_: str,
                                                       cameo: str) -> None:
    c = main(candidates(text))
    assert (c.coded.type, c.coded.cameo) == (type_, cameo), (c.trigger_text, c.notes)


def test_a_refusal_is_asserted_not_planned(candidates: Cands) -> None:
    c = main(candidates("China reiterated its determination not to compromise on Taiwan."))
    assert c.modality == "asserted"


def test_deontic_clause_is_a_demand_of_the_speaker(candidates: Cands) -> None:
    c = main(candidates("Russia said on Tuesday that Sudan must return the helicopter."))
    assert c.coded.type == "REQUEST" and c.needs_speaker_source
    assert c.speaker is not None and c.speaker.token.text == "Russia"
    assert [a.token.text for a in c.targets] == ["Sudan"]
    editorial = main(candidates("The US must exercise caution and not cross red lines."))
    assert editorial.coded.type == "REQUEST" and editorial.needs_speaker_source and editorial.speaker is None
    assert [a.token.text for a in editorial.targets] == ["US"]


def test_would_is_planned_only_in_reported_speech() -> None:
    assert Flags(would=True).modality(reported=True) == "planned"
    assert Flags(would=True).modality(reported=False) == "hypothetical"
    assert Flags(future=True).modality(reported=False) == "planned"
    assert Flags(would=True, negated=True).modality(reported=True) == "negated"


PUB = dt.date(2024, 1, 11)


def _dated(day: dt.date) -> DateResolution:
    return DateResolution(day, None, "day", "on Tuesday")


def test_an_asserted_act_dated_after_publication_is_planned() -> None:
    assert dated_modality("asserted", _dated(dt.date(2024, 1, 16)), PUB) == "planned"
    assert dated_modality("asserted", _dated(dt.date(2024, 1, 12)), PUB) == "asserted"  # within a day
    assert dated_modality("asserted", _dated(dt.date(2024, 1, 9)), PUB) == "asserted"
    assert dated_modality("asserted", _dated(dt.date(2024, 1, 16)), None) == "asserted"  # nothing to compare
    assert dated_modality("asserted", DateResolution(PUB, None, "unresolved", None), PUB) == "asserted"


def test_dating_changes_only_asserted_acts_and_never_a_demand() -> None:
    later = _dated(dt.date(2024, 2, 1))
    assert dated_modality("negated", later, PUB) == "negated"
    assert dated_modality("hypothetical", later, PUB) == "hypothetical"
    assert dated_modality("asserted", later, PUB, demand=True) == "asserted"


@pytest.mark.parametrize(("text", "type_"), [
    ("Japan will deepen ties with NATO instead of calling for an Asian NATO.", "REQUEST"),
    # signing a deal is agreeing (docs/labelling.md), the act negated here
    ("Iran walked out without signing the deal with the United States.", "AGREE"),
    ("Seoul chose talks rather than imposing sanctions on Pyongyang.", "SANCTION"),
])
def test_an_act_done_instead_or_without_did_not_happen(candidates: Cands, text: str, type_: str) -> None:
    [c] = [c for c in candidates(text) if c.coded.type == type_]
    assert c.modality == "negated", c.notes


def test_a_modal_with_a_perfect_infinitive_demands_nothing(candidates: Cands) -> None:
    # "must have given": an inference about the past; "should have acted": a regret. Neither is a demand.
    for text in ("The Italian envoy said senior members of the junta must have given the orders.",
                 "The Italian envoy said the junta should have released the prisoners."):
        assert not [c for c in candidates(text) if c.coded.type == "REQUEST"], text
    # the same modal with a plain infinitive is one
    assert [c for c in candidates("The Italian envoy said the junta must release the prisoners.")
            if c.coded.type == "REQUEST"]


def test_a_negation_is_reported_unless_a_condition_or_a_wish(nlp: Language) -> None:
    speech = load_lexicon().speech_verbs

    def verb(text: str, word: str) -> Token:
        return next(t for t in nlp(text) if t.text == word)

    assert negation_reported(verb("The army did not attack the border posts.", "attack"), speech)
    assert negation_reported(verb("Israel failed to withdraw its troops by the deadline.", "withdraw"), speech)
    assert negation_reported(verb("The army attacked the border posts.", "attacked"), speech)  # nothing negated
    assert not negation_reported(verb("If the rebels do not disarm, the army will attack.", "disarm"), speech)
    assert not negation_reported(verb("They urged the rebels not to attack the convoy.", "attack"), speech)
