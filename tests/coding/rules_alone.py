"""The learned check pinned off, for the tests that test what the rules code (the decision between a sentence's
events, the screen's conventions): their sentences are written to show a rule, and whether the check (coding/
verifier.py) trusts the events is another question, asked in test_verifier. With the check pinned off here,
switching it on is one line in its data file."""

from __future__ import annotations

import pytest

from detente.coding import verifier


def rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The coder's learned check off for the rest of the test, whatever its data file or DETENTE_VERIFIER says."""
    monkeypatch.setattr(verifier, "default_model", lambda: None)
