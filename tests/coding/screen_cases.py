"""The three tests every file of the screen's conventions asks of its sentences (test_conventions,
test_recommendations, test_habits, test_asides, test_reflexives, test_allegiances, test_history): a dropped sentence
is coded by the rules alone yet not by the coder, and the screen names its reason; a kept one is coded. Written once
here, with the helpers they share, so that each file holds only its sentences, and a change to what "dropped" means
is made in one place."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from spacy.language import Language

from detente.coding import Coder
from detente.coding import coder as coder_module
from detente.coding.candidates import extract
from detente.coding.compose import load_composer
from detente.coding.conventions import commentator_names, load_conventions, screen, why_not
from detente.coding.lexicon import load_lexicon
from detente.coding.modality import load_cues
from detente.coding.statements import revise

Dropped = tuple[str, str, str]  # sentence, the event type the rules code for it, the reason the screen names
Kept = tuple[str, str]  # sentence, the event type the coder keeps
Test = Callable[..., None]


def coded_types(coder: Coder, text: str) -> set[str]:
    return {m.type for m in coder.code_text(text)}


def types_unscreened(coder: Coder, text: str, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """What the rules code with the screen off: the sentence must give the event for its test to mean much. The
    decision between a sentence's events (coding/decision.py) is off too: "asked the minister if he had met" is
    also the content of the asking, and these tests test the screen."""
    with monkeypatch.context() as m:
        m.setattr(coder_module, "screen", lambda sent, candidates, document="", title=None: candidates)
        m.setattr(coder_module, "decide", lambda pairs: [rec for _, rec in pairs])
        return coded_types(coder, text)


def reason_and_screen(nlp: Language, text: str, event_type: str, reason: str) -> None:
    """The screen names ``reason`` for the ``event_type`` candidate of ``text``'s last sentence and drops it."""
    lexicon, composer, cues = load_lexicon(), load_composer(), load_cues()
    conv = load_conventions()
    names = commentator_names(text)
    sent = nlp(list(nlp(text).sents)[-1].text)[:]  # the last sentence; the document names the commentators
    candidates = revise(sent, extract(sent, lexicon, composer, cues), lexicon, cues)
    reasons = {why_not(c, conv, names) for c in candidates if c.coded.type == event_type}
    assert reason in reasons
    assert not [c for c in screen(sent, candidates, text) if c.coded.type == event_type]


def screen_tests(dropped: Sequence[Dropped], kept: Sequence[Kept]) -> tuple[Test, Test, Test]:
    """The dropped, kept and reason tests over one file's cases, to be bound to ``test_*`` names there (pytest
    collects a module's functions by the name they are bound to)."""

    @pytest.mark.parametrize(("text", "event_type", "reason"), dropped)
    @pytest.mark.usefixtures("rules_alone")  # the screen is tested, not the learned check
    def dropped_test(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str, event_type: str,
                     reason: str) -> None:
        """The rules alone code it (else the test would mean little), and the screened coder does not."""
        unscreened = types_unscreened(coder, text, monkeypatch)
        assert event_type in unscreened, (text, unscreened)
        coded = coded_types(coder, text)
        assert event_type not in coded, (text, coded)

    @pytest.mark.parametrize(("text", "event_type"), kept)
    @pytest.mark.usefixtures("rules_alone")
    def kept_test(coder: Coder, text: str, event_type: str) -> None:
        """The screen leaves the act alone."""
        coded = coded_types(coder, text)
        assert event_type in coded, (text, coded)

    @pytest.mark.parametrize(("text", "event_type", "reason"), dropped)
    def reason_test(nlp: Language, text: str, event_type: str, reason: str) -> None:
        """The screen drops the candidate for this file's reason, not another rule's."""
        reason_and_screen(nlp, text, event_type, reason)

    return dropped_test, kept_test, reason_test
