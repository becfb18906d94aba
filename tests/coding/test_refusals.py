"""Refusal, demand and threat words that are none: "as opposed to", a thing that violates a rule, pushes or
threatens (coding/refusals.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.coding import Coder, refusals
from detente.coding.candidates import Candidate


def _types(coder: Coder, text: str) -> list[str]:
    return [m.type for m in coder.code_text(text)]


def test_as_opposed_to_is_a_contrast_not_a_refusal(coder: Coder) -> None:
    assert "REJECT" not in _types(coder, "Polish pilots will train in Seoul, as opposed to years of German training.")
    assert "REJECT" in _types(coder, "Poland opposed the German proposal to expand the training mission.")


def test_a_thing_that_violates_a_rule_refuses_nothing(coder: Coder) -> None:
    assert "REJECT" not in _types(coder, "Hungary's purchase of the rockets violated the European Union treaty.")
    # an actor breaking a rule, or people the parse hangs on a noun, still refuse it
    assert "REJECT" in _types(coder, "Hungary violated the European Union treaty.")
    assert "REJECT" in _types(coder, "Orban and other Hungarian populists have declined to participate in the "
                                     "European Union plan.")


def test_an_act_or_a_state_asks_and_threatens_nothing(coder: Coder, candidates: Callable[[str], list[Candidate]],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The illness of the Brazilian president is threatening to derail the trade talks with Argentina."
    monkeypatch.setattr(refusals, "thing_speaks", lambda c: False)
    assert "THREATEN" in _types(coder, text)  # the rules alone read a threat
    monkeypatch.undo()
    assert "THREATEN" not in _types(coder, text)
    # a demand word whose doer is an event, through a relative "that"
    pushed = [c for c in candidates("A surge in violence that has pushed Kenya to the third spot on the list "
                                    "worries officials in Nairobi.") if c.coded.type == "REQUEST"]
    assert pushed and all(refusals.thing_speaks(c) for c in pushed)


def test_parties_and_their_texts_still_ask_and_threaten(coder: Coder) -> None:
    assert "THREATEN" in _types(coder, "The Kenyan government threatened to close the border with Somalia.")
    assert "REQUEST" in _types(coder, "Kenya urged Somalia to close the border.")
    # a text speaks for its authors (a resolution, a report: WordNet's communication)
    assert "REQUEST" in _types(coder, "The UN resolution calls on Israel to withdraw from Lebanon.")


def test_a_negated_act_in_a_condition_or_a_wish_is_no_act(coder: Coder) -> None:
    # the condition of a threat: negated or not, the rounding-up is no event of its own
    conditional = _types(coder, "The Israeli government says if the militants on the list are not rounded up in "
                                "time, the army will resume its attacks on Palestinian targets.")
    assert "COERCE" not in conditional
    # what a commander tries to persuade others not to do is his request's content, not a negated act
    wanted = _types(coder, "We are trying to persuade the Taliban not to detonate their explosives and to "
                           "surrender their weapons, Afghan commander Jan said.")
    assert "ASSAULT" not in wanted and "RETREAT" not in wanted


def test_a_negated_act_reported_undone_stays(coder: Coder) -> None:
    # the guide's negated events: an act the text says did not happen, a missed deadline ("failed to")
    assert [(m.type, m.modality) for m in coder.code_text(
        "The Russian army did not attack Ukrainian positions on Monday.")] == [("ASSAULT", "negated")]
    assert ("RETREAT", "negated") in [(m.type, m.modality) for m in coder.code_text(
        "Israel failed to withdraw its troops from Lebanon by the deadline.")]
    assert ("ASSAULT", "negated") in [(m.type, m.modality) for m in coder.code_text(
        "No air strikes were launched on Afghanistan on Monday.")]


def test_the_coders_own_lexicon_says_which_verbs_report_speech(candidates: Callable[[str], list[Candidate]]) -> None:
    """``unreported`` reads the speech verbs of the lexicon it is given, not the bundled one: with "teach" made
    a verb of speech, what the Taliban are to be taught not to do is a report again ("persuade" and "convince"
    are request words of their own, whose content the act is)."""
    import dataclasses

    from detente.coding.lexicon import load_lexicon
    from detente.coding.modality import load_cues

    lexicon, cues = load_lexicon(), load_cues()
    [act] = [c for c in candidates("We are trying to teach the Taliban not to detonate their explosives.")
             if c.token.text == "detonate"]
    assert act.modality == "negated"
    assert refusals.unreported(act, lexicon, cues)
    speaking = dataclasses.replace(lexicon, speech_verbs=lexicon.speech_verbs | {"teach"})
    assert not refusals.unreported(act, speaking, cues)


def test_a_refusal_to_tell_refuses_no_party(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    told = "Egyptian police have refused to give further details of the charges against the Israeli diplomat."
    monkeypatch.setattr(refusals, "withheld", lambda c, cues: False)
    assert "REJECT" in _types(coder, told)  # the rules alone read a refusal
    monkeypatch.undo()
    assert "REJECT" not in _types(coder, told)
    assert "REJECT" not in _types(coder, "The Chinese spokesman declined to confirm that Iranian officials had "
                                         "visited Beijing.")
    assert "REJECT" not in _types(coder, "A Syrian official said Turkey detained two Syrians but refused to name "
                                         "them.")


def test_a_refusal_to_hand_over_or_to_act_stays_a_refusal(coder: Coder) -> None:
    assert "REJECT" in _types(coder, "Iran refused to release the British sailors.")
    assert "REJECT" in _types(coder, "China refused to sign the agreement with Japan.")
    assert "REJECT" in _types(coder, "Russia refused to give Ukraine any guarantees on gas prices.")


def test_a_measure_or_oneself_defended_against_a_challenge_is_a_rejection(coder: Coder) -> None:
    # the guide: a government defending its measure against a challenge is REJECT, not support
    assert "REJECT" in _types(coder, "The Japanese ministry will continue to defend its executive order in the "
                                     "courts against the Chinese lawsuit.")
    assert "REJECT" in _types(coder, "Russia defended itself against U.S. criticism of its economic ties with Iraq.")
    assert "SUPPORT" not in _types(coder, "Russia defended itself against U.S. criticism of its economic ties "
                                          "with Iraq.")


def test_a_ruling_or_rule_appealed_is_a_legal_challenge(coder: Coder) -> None:
    # the guide: a lawsuit or court filing is ACCUSE allege; an appeal to someone stays a request
    assert "ACCUSE" in _types(coder, "The Dutch firm said it would appeal the new Polish rule.")
    assert "REQUEST" not in _types(coder, "The Dutch firm said it would appeal the new Polish rule.")
    assert "ACCUSE" in _types(coder, "Belgium appealed the ruling of the French court.")
    assert "REQUEST" in _types(coder, "Chile appealed to Peru for help with the floods.")


def test_a_measure_argued_lawful_is_defended(coder: Coder) -> None:
    # the guide: a government defending its measure against a challenge is REJECT; the measure is no act here
    text = "Japanese government lawyers argued that the revised import ban is an extension of earlier rules."
    assert "REJECT" in _types(coder, text)
    assert "SANCTION" not in _types(coder, text)
    # a case against the measure stays the arguer's accusation, and the measure stays what it is
    assert "REJECT" not in _types(coder, "Korea argued that the Japanese import ban would harm its fishermen.")
