"""Candidates read off clause structure with no trigger word of their own: conditional threats, and whom
"leading X to" makes act; a proposal refused beside its refusal."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.coding import Coder
from detente.coding import candidates as candidates_module
from detente.coding.candidates import Candidate
from tests.coding.test_accusations import _coded

Cands = Callable[[str], list[Candidate]]


def test_an_act_announced_against_a_negative_condition_is_a_threat(coder: Coder) -> None:
    assert _coded(coder, "Beijing will respond firmly unless Washington stops its arms sales to Taiwan.") == [
        ("THREATEN", ["CHN"], ["USA"])]
    assert _coded(coder, "If this happens, Turkey will not buy any more U.S. combat aircraft.") == [
        ("THREATEN", ["TUR"], ["USA"])]  # aimed at the one other country its clause names (participants.py)
    # a plain condition is no threat
    assert not [c for c in _coded(coder, "China will attend the talks if invited by the United States.")
                if c[0] == "THREATEN"]


def test_leading_someone_to_call_for_something_makes_them_ask(coder: Coder) -> None:
    text = ("Skepticism grew among U.S. allies over its deterrence commitment, leading South Korea to call for "
            "its own nuclear weapons.")
    assert ("REQUEST", ["KOR"], []) in _coded(coder, text)


def test_stopping_a_cooperative_act_reduces_relations(coder: Coder) -> None:
    text = "In May 2019, Iran stopped implementing its commitments under the nuclear deal."
    assert _coded(coder, text) == [("SANCTION", ["IRN"], [])]
    assert ("SANCTION", ["RUS"], ["UKR"]) in _coded(coder, "Russia ceased cooperating with Ukraine on grain exports.")
    # a stop with a noun object is no stop of an act ("stopped the march"); a stopped fight de-escalates
    assert not [c for c in _coded(coder, "Police in Tehran stopped the march of the Iranian protesters.")
                if c[0] == "SANCTION"]
    assert ("RETREAT", ["ISR"], ["LBN"]) in _coded(coder, "Israel stopped attacking Lebanon on Monday.")


def test_a_call_to_act_is_a_request_even_when_the_infinitive_hangs_on_the_verb(coder: Coder) -> None:
    assert _coded(coder, "US lawmakers renewed calls to impose sanctions on Turkey.") == [("REQUEST", ["USA"], ["TUR"])]
    assert _coded(coder, "US lawmakers issued calls to impose sanctions on Turkey.") == [("REQUEST", ["USA"], ["TUR"])]
    # the calls are no sanctions imposed
    assert not [c for c in _coded(coder, "The move added to calls in Congress to impose sanctions on Turkey.")
                if c[0] == "SANCTION"]


def test_wanting_another_actor_to_act_is_a_demand_on_it(coder: Coder) -> None:
    text = "Pakistan expects the Afghan government to uphold its responsibilities and deny use of its soil."
    assert _coded(coder, text) == [("REQUEST", ["PAK"], ["AFG"])]
    # wanting to act oneself stays a plan
    assert _coded(coder, "China hopes to visit the United States.") == [("AGREE", ["CHN"], ["USA"])]


def test_a_proposal_with_its_maker_named_is_made_beside_its_refusal(candidates: Cands) -> None:
    # session 12: the refusal and the act it refuses, when the text names who made it
    cands = candidates("Japan rejected China's proposal for joint patrols in the strait.")
    assert sorted(c.coded.type for c in cands) == ["AGREE", "REJECT"]
    offer = next(c for c in cands if c.coded.type == "AGREE")
    assert [a.token.text for a in offer.sources] == ["China"]


def test_a_proposal_by_a_named_maker_is_made_too(candidates: Cands) -> None:
    cands = candidates("Russia rejected a proposal by Ukraine for a prisoner exchange.")
    assert sorted(c.coded.type for c in cands) == ["AGREE", "REJECT"]


def test_a_proposal_nobody_is_said_to_make_is_only_refused(candidates: Cands) -> None:
    assert [c.coded.type for c in candidates("Japan rejected the proposal for joint patrols in the strait.")] == \
        ["REJECT"]


def _types_of(candidates: Cands, text: str) -> list[str]:
    return sorted(c.coded.type for c in candidates(text))


def test_an_order_to_ones_own_forces_is_the_order(candidates: Cands) -> None:
    # session 12: the guide codes a government's instruction to its own agency as REQUEST, not the act ordered
    assert _types_of(candidates, "The Malian government ordered its army to seal the border areas.") == \
        ["REQUEST"]
    assert _types_of(candidates, "The Kenyan president instructed the police to detain the strikers.") == \
        ["REQUEST"]


def test_an_order_on_another_party_is_the_act_done(candidates: Cands) -> None:
    # another party's forces, or a party that is no force of the orderer: the coercive act itself
    assert _types_of(candidates, "The government ordered Ethiopian troops to seal the border areas.") == \
        ["COERCE"]
    assert _types_of(candidates, "The Egyptian authorities ordered the newspaper to suspend publication.") != \
        ["REQUEST"]


def test_an_accusation_to_come_is_the_accusation(candidates: Cands) -> None:
    # session 12: an intent to condemn or to sue is no intent to cooperate (AGREE)
    cands = candidates("The Kenyan opposition intends to sue the electoral commission over the count.")
    assert [(c.coded.type, c.modality) for c in cands] == [("ACCUSE", "planned")]


def test_an_order_that_another_party_not_act_is_a_restriction(candidates: Cands) -> None:
    # session 12: forbidding another party to act restricts it; one's own forces are still ordered
    cands = candidates("The Egyptian ministry instructed newspapers not to publish anything without approval.")
    assert [(c.coded.type, c.coded.mode) for c in cands] == [("COERCE", "restrict")]
    assert _types_of(candidates, "The Kenyan government ordered its police not to arrest the strikers.") == \
        ["REQUEST"]


def test_an_investigation_asked_of_an_investigating_body_is_coded_beside_the_request(coder: Coder) -> None:
    # session 12: a referral sets the inquiry going; the guide codes both
    types = {(m.type, m.mode) for m in coder.code_text(
        "Kenyan opposition leaders asked the Kenyan police to investigate the killing of the activist.")}
    assert types == {("REQUEST", None), ("ACCUSE", "investigate")}
    # asking a government to investigate is one demand
    assert [m.type for m in coder.code_text(
        "Germany urged Russia to investigate the poisoning of the opposition leader.")] == ["REQUEST"]


def test_an_act_in_the_condition_is_not_the_speakers_threat(candidates: Cands, coder: Coder) -> None:
    # the act inside "if ..." is what the other party might do: its own type, hypothetical, never a THREATEN
    text = "Kenya said it would close the border if Somali militants attacked its soldiers again."
    assert [(c.coded.type, c.modality) for c in candidates(text) if c.token.text == "attacked"] == [
        ("ASSAULT", "hypothetical")]
    assert not _coded(coder, "The Kenyan president said he would be saddened if the journalist is executed by "
                             "the militants.")
    # the act the speaker holds out, beside the condition, is the threat
    text = "The official said Washington would impose sanctions if Ankara activated the system."
    assert [c.coded.type for c in candidates(text)] == ["THREATEN"]


def test_an_act_another_is_hoped_or_expected_to_do_is_no_plan(candidates: Cands) -> None:
    # session 14: a finite clause with a doer of its own under a wish or an expectation is a forecast or a wish
    assert not [c for c in candidates("The Kenyan minister said he expected the rival clans would reach an "
                                      "agreement on Tuesday.") if c.coded.type == "AGREE"]
    assert not [c for c in candidates("The coach says he hopes Mwangi arrives in Nairobi in time.")
                if c.coded.type == "AGREE"]
    # one's own plan stays a plan; so does a hope whose doer is a pronoun that may be the hoper
    assert [(c.coded.type, c.modality) for c in candidates("Kenya hopes to visit Somalia next month.")] == [
        ("AGREE", "planned")]
    assert [c.coded.type for c in candidates("The Kenyan minister said he hopes he will visit Somalia soon.")] == \
        ["AGREE"]


def test_willingness_denied_is_a_refusal(candidates: Cands) -> None:
    # session 14: "not prepared to negotiate" refuses talks (REJECT 124), asserted, not a negated agreement
    cands = candidates("Kenyan officials were not prepared to negotiate with the Somali rebels.")
    assert [(c.coded.type, c.coded.cameo, c.modality) for c in cands] == [("REJECT", "124", "asserted")]
    assert [(c.coded.type, c.modality) for c in candidates("Kenya said it was ready to negotiate with Somalia.")] == \
        [("AGREE", "asserted")]


def test_a_plan_found_out_after_the_fact_is_the_act_planned(candidates: Cands) -> None:
    # session 14: a conflictual plan told in the perfect or past progressive is a plot (the act, planned), not a
    # threat announced to its target
    cands = candidates("Kenyan police said two Somali men had been planning to attack a hotel in Nairobi.")
    assert [(c.coded.type, c.modality) for c in cands] == [("ASSAULT", "planned")]
    assert [c.coded.type for c in candidates("Police said Somali militants were planning to bomb the Kenyan "
                                             "embassy in Mogadishu.")] == ["ASSAULT"]
    # a plan told as present stays the intent: a threat for conflict, an agreement for cooperation
    assert [c.coded.type for c in candidates("Somalia is planning to attack Kenyan bases, its minister said.")] == \
        ["THREATEN"]
    assert [(c.coded.type, c.modality) for c in candidates("Kenya had been planning to visit Somalia.")] == [
        ("AGREE", "planned")]


def test_a_verbal_act_named_by_a_noun_with_its_doer_from_is_reported(candidates: Cands) -> None:
    # session 15: "a promise from X", "support from X": the "from" phrase names who made the act (a name)
    cands = candidates("Japan reacted with caution to a promise from the Chinese foreign minister to resume talks.")
    assert "AGREE" in [c.coded.type for c in cands]
    cands = candidates("The Kenyan president was overwhelmed by support from Ethiopia.")
    assert [c.coded.type for c in cands] == ["SUPPORT"]
    # plurals name dangers or habits, and a threat "from" someone is a danger, not a threat made
    assert not candidates("Analysts said the body would focus on threats from China and Russia.")
    assert "AGREE" not in [c.coded.type for c in candidates("Israel wants action, not promises from Iran.")]
    # no doer named, or only a common noun for people: a lone noun stays no event
    assert not candidates("There was strong support for the plan.")
    assert not candidates("The president was overwhelmed by support from ordinary people.")


def test_a_verbal_act_in_a_trailing_participle_is_a_second_act(coder: Coder) -> None:
    # session 15: the guide codes every act a sentence reports, participial background included
    text = ("The Egyptian foreign minister made a visit to Israeli Prime Minister Ariel Sharon, urging "
            "negotiation rather than confrontation.")
    assert [c[0] for c in _coded(coder, text)] == ["CONSULT", "REQUEST"]
    # a material act in such a participle stays the main act's detail
    text = "Israeli troops raided the Gaza Strip on Monday, killing three Palestinian gunmen."
    assert len(_coded(coder, text)) == 1


def test_agreeing_with_someone_with_nothing_agreed_upon_is_no_agreement(coder: Coder) -> None:
    """Sharing a view ("agrees with the president that ...", "agreed with him") commits no one to an act."""
    for text in ("The Canadian envoy agrees with the French president that the budget is too small.",
                 "Japan's prime minister agreed with him and said tariffs were wrong."):
        assert not [c for c in _coded(coder, text) if c[0] == "AGREE"], text


def test_agreeing_with_a_party_on_terms_stays_an_agreement(coder: Coder) -> None:
    assert ("AGREE", ["IRN"], ["FRA"]) in _coded(coder, "Iran agreed with France on a new inspection plan.")
    assert [c for c in _coded(coder, "Kenya agreed with Uganda to reopen the border crossing.") if c[0] == "AGREE"]


def test_an_offer_of_words_or_facts_is_no_agreement(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    """Evidence or a view offered commits no one to an act (candidates._offers_words)."""
    texts = ("Iran hasn't offered a shred of evidence backing up its claims against Israel.",
             "The Russian envoy offered his take on the talks with Ukraine.")
    monkeypatch.setattr(candidates_module, "_offers_words", lambda m: False)
    assert all([c for c in _coded(coder, t) if c[0] == "AGREE"] for t in texts)  # the rules alone read an offer
    monkeypatch.undo()
    for text in texts:
        assert not [c for c in _coded(coder, text) if c[0] == "AGREE"], text


def test_an_offer_of_talks_or_of_an_act_stays_an_agreement(coder: Coder) -> None:
    assert ("AGREE", ["IRN"], ["USA"]) in _coded(coder, "Iran offered talks to the United States on its nuclear "
                                                        "programme.")
    assert [c for c in _coded(coder, "Egypt offered to mediate between Israel and Hamas.") if c[0] == "AGREE"]


def test_a_measure_only_considered_is_that_measure_hypothetical(candidates: Cands, coder: Coder) -> None:
    # session 16: the guide codes a state "considering" an attack as the attack, hypothetical, no threat announced
    cands = candidates("Officials said Japan is considering imposing a naval blockade on North Korea.")
    assert [(c.coded.type, c.modality) for c in cands if c.coded.type == "THREATEN"] == []
    assert "hypothetical" in [c.modality for c in cands]
    # a hypothetical act nobody did is not coded
    assert not [c for c in _coded(coder, "Officials said Japan is considering imposing a naval blockade on North "
                                  "Korea.") if c[0] == "THREATEN"]
    # considering talks stays an intent to meet
    assert [c.coded.type for c in candidates("The Japanese government is considering talks with China.")] == [
        "AGREE"]
    # a plan announced stays a threat
    assert [c.coded.type for c in candidates("Somalia is planning to attack Kenyan bases, its minister said.")] == \
        ["THREATEN"]
