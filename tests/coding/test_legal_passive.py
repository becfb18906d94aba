"""A state's legal step in the passive with no agent (issue 12, session 14): the guide's prosecuting state is the
source, the sentence's one country or the story's home. Constructed sentences."""

from __future__ import annotations

from detente.coding import Coder
from tests.coding.test_accusations import _coded


def _charges(coder: Coder, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [c for c in _coded(coder, text) if c[0] == "ACCUSE"]


def test_a_charge_in_the_passive_is_the_sentences_one_states(coder: Coder) -> None:
    assert ("ACCUSE", ["KEN"], ["KEN"]) in _charges(coder, "A Kenyan minister was charged with fraud on Monday.")
    assert ("ACCUSE", ["PAK"], ["PAK"]) in _charges(coder, "Two Pakistani officials have been indicted for bribery.")


def test_a_charge_as_a_participle_is_the_states_too(coder: Coder) -> None:
    assert ("ACCUSE", ["KEN"], ["KEN"]) in \
        _charges(coder, "Two Kenyan ministers are to appear in court tomorrow charged with fraud.")


def test_a_charge_with_its_agent_or_an_accusation_keeps_its_own_source(coder: Coder) -> None:
    # "accused of" is anyone's accusation: no state is guessed
    assert ("ACCUSE", [], ["KEN"]) in _charges(coder, "A Kenyan minister was accused of fraud on Monday.")
    # two countries named: whose prosecutors charged is not told
    assert not any(source for _k, source, _t in
                   _charges(coder, "A Kenyan minister was charged with smuggling arms to Uganda."))


def test_a_state_act_in_the_passive_is_the_state_it_happened_in(coder: Coder) -> None:
    """Naming several countries, an arrest reported in the passive is the state's where it happened (the guide:
    "was arrested in the United States" USA)."""
    coded = _coded(coder, "A Kenyan man was arrested in Uganda last month for smuggling weapons to Somalia.")
    assert any(kind == "COERCE" and source == ["UGA"] for kind, source, _t in coded)
    assert ("ACCUSE", ["FRA"], ["MLI"]) in \
        _charges(coder, "A Malian soldier was charged in France with the killing of two Ivorian civilians.")


# -- a court's sentence in the passive (issue 12, session 15) ----------------------------------------------------


def _sanctions(coder: Coder, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [c for c in _coded(coder, text) if c[0] == "SANCTION"]


def test_a_sentence_or_a_conviction_in_the_passive_is_the_sentences_one_states(coder: Coder) -> None:
    assert ("SANCTION", ["KEN"], ["KEN"]) in \
        _sanctions(coder, "A Kenyan man was sentenced to life in prison for the murder.")
    assert ("SANCTION", ["KEN"], ["KEN"]) in _sanctions(coder, "The Kenyan man has been found guilty of murder.")


def test_a_sentence_handed_down_as_a_noun_is_the_states_against_whom_it_is_given(coder: Coder) -> None:
    # the noun names the act; the passive verb that takes it says who received it
    assert ("SANCTION", ["KEN"], ["KEN"]) in \
        _sanctions(coder, "The Kenyan teenager was given a four-year jail sentence for theft.")


def test_a_sentence_with_its_court_named_keeps_the_court(coder: Coder) -> None:
    assert ("SANCTION", ["UGA"], ["KEN"]) in \
        _sanctions(coder, "A Ugandan court sentenced a Kenyan man to life in prison.")
