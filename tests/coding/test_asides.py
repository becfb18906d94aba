"""Meeting and offer words that name no act (coding/asides.py): each sentence here is coded with an event when
the screen is off (checked), so every test fails if its rule stops working. Sentences written for these tests,
not taken from the labelled set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.coding import Coder
from tests.coding.test_conventions import coded_types, reason_and_screen, types_unscreened

DROPPED = [
    # a meeting named in passing: what talks were about, who helped in them, who liked them
    ("The Indian minister said trade was the main focus of Monday's talks with Japan.", "CONSULT", "in passing"),
    ("Turkey was not supportive of the Security Council meeting on Syria.", "CONSULT", "in passing"),
    # a view, a detail or a prospect offered is no offer to act
    ("The Zimbabwean cabinet reshuffle offered little hope of an end to the land seizures, British officials said.",
     "AGREE", "no offer"),
    ("The Indian minister offered his view on the border talks with China on Monday.", "AGREE", "no offer"),
]

KEPT = [
    # an offer of help or of talks is an offer
    ("Japan offered China help to rebuild the port.", "AGREE"),
    ("Japan offered to hold talks with China on the islands.", "AGREE"),
    # a meeting at which something happened, or one that times an act, was held
    ("The Indian and Japanese ministers discussed trade at their talks in Tokyo on Monday.", "CONSULT"),
    ("Prior to the talks with Japan, the Indian minister met the Korean envoy in Seoul.", "CONSULT"),
]


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_asides_are_not_coded(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str, event_type: str,
                              reason: str) -> None:
    assert event_type in types_unscreened(coder, text, monkeypatch)  # the rules alone code it
    assert event_type not in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type"), KEPT)
def test_meetings_and_offers_are_kept(coder: Coder, text: str, event_type: str) -> None:
    assert event_type in coded_types(coder, text)


@pytest.mark.parametrize(("text", "event_type", "reason"), DROPPED)
def test_each_aside_names_its_reason(nlp: Language, text: str, event_type: str, reason: str) -> None:
    reason_and_screen(nlp, text, event_type, reason)
