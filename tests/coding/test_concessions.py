"""Resignations and apologies typed by the PLOVER manual (triggers.yaml): a resignation, a stepping down or a
withdrawn nomination is RETREAT `resign`; an apology, an expression of regret, is CONCEDE."""

from __future__ import annotations

from detente.coding import Coder


def _coded(coder: Coder, text: str) -> list[tuple[str, str | None]]:
    return [(m.type, m.mode) for m in coder.code_text(text)]


def test_a_resignation_is_a_retreat(coder: Coder) -> None:
    assert _coded(coder, "The Afghan interior minister stepped down on Monday.") == [("RETREAT", "resign")]
    assert _coded(coder, "The Nepali foreign minister resigned on Friday.") == [("RETREAT", "resign")]


def test_a_withdrawn_nomination_is_a_resignation(coder: Coder) -> None:
    assert _coded(coder, "The Afghan nominee for defence minister withdrew his nomination on Monday.") == \
        [("RETREAT", "resign")]


def test_troops_withdrawn_stay_a_military_withdrawal(coder: Coder) -> None:
    assert _coded(coder, "The Afghan army withdrew its troops from Kunduz.") == [("RETREAT", "withdraw")]


def test_a_resignation_announced_for_later_is_an_intent(coder: Coder) -> None:
    assert [t for t, _ in _coded(coder, "The Pakistani prime minister said he will resign next month.")] == ["AGREE"]


def test_an_apology_is_a_concession(coder: Coder) -> None:
    assert [t for t, _ in _coded(coder, "Japan apologized to South Korea on Monday.")] == ["CONCEDE"]
