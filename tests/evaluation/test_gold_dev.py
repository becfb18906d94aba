"""The PLOVER gold-standard development set, coded and scored in the suite; the floors sit just under what
the coder reaches, so a change that costs accuracy fails here."""

from __future__ import annotations

import pytest

from detente.coding import Coder
from detente.evaluation import EvaluationResult, evaluate, read_gold
from tests.conftest import GOLD_DEV


@pytest.fixture(scope="module")
def result(coder: Coder) -> EvaluationResult:
    if not GOLD_DEV.exists():
        pytest.skip(f"gold set not found at {GOLD_DEV}")
    return evaluate(read_gold(GOLD_DEV), coder)


def test_event_type_accuracy(result: EvaluationResult) -> None:
    assert result.scored == 128
    assert result.accuracy >= 0.90
    assert result.macro_f1 >= 0.90


def test_actor_country_accuracy(result: EvaluationResult) -> None:
    assert result.source_accuracy >= 0.90
    assert result.target_accuracy >= 0.80


def test_events_per_sentence(result: EvaluationResult) -> None:
    assert result.events_per_sentence <= 1.3


def test_every_gold_type_is_found(result: EvaluationResult) -> None:
    for type_, score in result.per_type.items():
        if score.support >= 2:
            assert score.recall > 0, type_
