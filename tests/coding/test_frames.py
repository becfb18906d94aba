"""Accusations carried by a frame (``frames.py``): naming, responsibility, criticism drawn; and "stands accused"."""

from __future__ import annotations

from detente.coding import Coder

Coded = tuple[str, list[str | None], list[str | None]]


def _coded(coder: Coder, text: str) -> list[Coded]:
    return [(m.type, [a.country for a in m.source], [a.country for a in m.target]) for m in coder.code_text(text)]


def _types(coder: Coder, text: str) -> set[str]:
    return {c[0] for c in _coded(coder, text)}


def test_naming_another_actor_or_its_thing_a_judgement_accuses_it(coder: Coder) -> None:
    text = "The Chinese spokesman called the U.S. sanctions a serious mistake."
    assert ("ACCUSE", ["CHN"], ["USA"]) in _coded(coder, text)
    assert ("ACCUSE", ["JPN"], ["CHN"]) in _coded(coder, "Japan described China as a threat to regional stability.")


def test_naming_no_judgement_or_nobodys_thing_accuses_nobody(coder: Coder) -> None:
    assert "ACCUSE" not in _types(coder, "The Chinese spokesman called the U.S. visit a success.")
    assert "ACCUSE" not in _types(coder, "The Chinese spokesman called its own sanctions a serious mistake.")


def test_an_actor_said_or_held_responsible_for_a_harm_is_blamed(coder: Coder) -> None:
    assert ("ACCUSE", ["IND"], ["PAK"]) in _coded(coder, "India said Pakistan was responsible for the attack.")
    text = "Iran holds the United States responsible for the assassination."
    assert ("ACCUSE", ["IRN"], ["USA"]) in _coded(coder, text)
    assert ("ACCUSE", ["RUS"], ["UKR"]) in _coded(coder, "Russia said Ukraine was behind the drone attack.")


def test_responsible_for_a_duty_or_for_ones_own_side_blames_nobody(coder: Coder) -> None:
    assert "ACCUSE" not in _types(coder, "The Chinese minister said China was responsible for security in the region.")
    assert "ACCUSE" not in _types(coder, "Pakistan was responsible for the attack.")  # nobody says it


def test_criticism_drawn_from_an_actor_is_that_actors_accusation(coder: Coder) -> None:
    assert ("ACCUSE", ["CHN"], ["USA"]) in _coded(coder, "Washington's decision drew sharp criticism from Beijing.")
    assert ("ACCUSE", ["KOR"], ["JPN"]) in _coded(coder, "Japan faced criticism from South Korea over the textbooks.")
    text = "China's criticism of the United States intensified this week."
    assert ("ACCUSE", ["CHN"], ["USA"]) in _coded(coder, text)


def test_praise_drawn_or_criticism_of_nobodys_thing_accuses_nobody(coder: Coder) -> None:
    assert "ACCUSE" not in _types(coder, "Washington's decision drew praise from Beijing.")
    assert "ACCUSE" not in _types(coder, "The plan drew criticism from Beijing.")


def test_who_stands_accused_is_the_accused_not_the_accuser(coder: Coder) -> None:
    coded = _coded(coder, "The former Pakistani prime minister stands accused of leaking state secrets.")
    assert ("ACCUSE", [], ["PAK"]) in coded
    assert not any(c[0] == "ACCUSE" and c[1] == ["PAK"] for c in coded)
