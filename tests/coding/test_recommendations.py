"""Acts named in a judgement of what is good or needed (coding/recommendations.py): each dropped sentence is coded
with the event when the screen is off (checked). Sentences written for these tests, not taken from the labelled
set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.coding import Coder
from tests.coding.test_conventions import coded_types, reason_and_screen, types_unscreened

DROPPED = [
    # "it is ADJ (for X) to VERB": a judgement of an act nobody did or announced
    ("It is necessary for Japan to hold regular talks with Vietnam and help them build their coast guard.",
     "CONSULT", "recommended"),
    ("It is necessary for Japan to hold regular talks with Vietnam and help them build their coast guard.",
     "AID", "recommended"),
    # the adjective's own subject: "deterrence was necessary to resist"
    ("Kishida told Marcos that stronger deterrence was essential to resist Chinese pressure in the South China "
     "Sea.", "REJECT", "recommended"),
    # a cooperative act judged good is an opinion, not a willingness (no commitment word): no AGREE planned
    ("The Japanese envoy told Li that it was good to maintain close engagement between the two countries.",
     "AGREE", "recommended"),
]

KEPT = [
    # the hedged demand itself is a demand that was made
    ("The minister said it might be necessary to renegotiate the trade deal with China.", "REQUEST"),
    # the speaker's charge in a word of it is an accusation made
    ("Kishida told Marcos that stronger deterrence was essential to resist China's aggression in the South China "
     "Sea.", "ACCUSE"),
    # a readiness to act is an offer (AGREE)
    ("Beijing said it was ready to resume talks with Washington.", "AGREE"),
    # an act done, judged afterwards, is still done
    ("Japan held talks with Vietnam on Monday, which both sides called important.", "CONSULT"),
]


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_recommended_acts_are_not_coded(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str, event_type: str,
                                        reason: str) -> None:
    assert event_type in types_unscreened(coder, text, monkeypatch)  # the rules alone code it
    assert event_type not in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type"), KEPT)
def test_demands_offers_and_acts_done_are_kept(coder: Coder, text: str, event_type: str) -> None:
    assert event_type in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_each_recommendation_names_its_reason(nlp: Language, text: str, event_type: str, reason: str) -> None:
    reason_and_screen(nlp, text, event_type, reason)
