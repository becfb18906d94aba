"""The three tests every file of the screen's conventions asks of its sentences (test_habits, test_asides,
test_reflexives, test_allegiances, test_history): a dropped sentence is coded by the rules alone yet not by the
coder, and the screen names its reason; a kept one is coded. Written once here so that each file holds only its
sentences, and a change to what "dropped" means is made in one place."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from spacy.language import Language

from detente.coding import Coder
from tests.coding.test_conventions import coded_types, reason_and_screen, types_unscreened

Dropped = tuple[str, str, str]  # sentence, the event type the rules code for it, the reason the screen names
Kept = tuple[str, str]  # sentence, the event type the coder keeps
Test = Callable[..., None]


def screen_tests(dropped: Sequence[Dropped], kept: Sequence[Kept]) -> tuple[Test, Test, Test]:
    """The dropped, kept and reason tests over one file's cases, to be bound to ``test_*`` names there (pytest
    collects a module's functions by the name they are bound to)."""

    @pytest.mark.parametrize(("text", "event_type", "reason"), dropped)
    def dropped_test(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str, event_type: str,
                     reason: str) -> None:
        """The rules alone code it (else the test would mean little), and the screened coder does not."""
        unscreened = types_unscreened(coder, text, monkeypatch)
        assert event_type in unscreened, (text, unscreened)
        coded = coded_types(coder, text)
        assert event_type not in coded, (text, coded)

    @pytest.mark.parametrize(("text", "event_type"), kept)
    def kept_test(coder: Coder, text: str, event_type: str) -> None:
        """The screen leaves the act alone."""
        coded = coded_types(coder, text)
        assert event_type in coded, (text, coded)

    @pytest.mark.parametrize(("text", "event_type", "reason"), dropped)
    def reason_test(nlp: Language, text: str, event_type: str, reason: str) -> None:
        """The screen drops the candidate for this file's reason, not another rule's."""
        reason_and_screen(nlp, text, event_type, reason)

    return dropped_test, kept_test, reason_test
