"""Sport news is no event (coding/sport.py): two different sport words in a sentence or within two sentences of
it. Texts written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest

from detente.coding import Coder
from detente.coding.convention_words import load_conventions
from detente.coding.sport import amid_sport

GAME = ("New Zealand's cricket team arrived in Perth on Monday. Opening batsman Tom Reid was out for a duck. "
        "Kenyan runner Paul Tergat beat Ethiopian champion Haile Gebre in the final. "
        "The crowd cheered the home side.")
NEWS = ("Kenyan troops attacked al-Shabab bases in southern Somalia on Monday. The army said 20 militants died. "
        "Officials said the raid followed a bombing in Mandera.")


@pytest.mark.parametrize(("sentence", "document", "sport"), [
    ("Kenyan runner Paul Tergat beat Ethiopian champion Haile Gebre in the final.", GAME, True),
    ("Kenyan troops attacked al-Shabab bases in southern Somalia on Monday.", NEWS, False),
    # one sport word, however often, is no sport news: an exchange of table tennis teams is diplomacy
    ("The Chinese table tennis team's visit to the US followed a table tennis match in Beijing.", "", False),
    # a plural is the same word: one word, not two
    ("Two yachts retired from the yacht race off Tasmania.", "Two yachts retired from the yacht race off Tasmania. "
     "The yachts sailed on to Hobart.", False),
    ("Two yachts retired from the regatta off Tasmania.", "Two yachts retired from the regatta off Tasmania. "
     "The yachts sailed on to Hobart.", True),
    # one sentence naming a game is no sport passage: the act it reports may be politics
    ("Police jailed 12 separatists for playing in a football tournament.",
     "Police jailed 12 separatists for playing in a football tournament.", False),
    ("The bowler was banned after the cricket Test.", "", False),
    # the Games are politics too: a boycott named beside the athletes is coded
    ("The United States announced a diplomatic boycott of the Beijing Winter Olympics.",
     "The United States announced a diplomatic boycott of the Beijing Winter Olympics. American athletes will "
     "still compete for medals in the Games.", False),
])
def test_amid_sport(sentence: str, document: str, sport: bool) -> None:
    assert amid_sport(sentence, document, load_conventions()) is sport


def test_a_game_codes_nothing(coder: Coder) -> None:
    """"beat" in a race report is a win, not an assault; the same verb in the news beside it stays."""
    assert not [m for m in coder.code_text(GAME) if m.type == "ASSAULT"]
    assert "ASSAULT" in {m.type for m in coder.code_text(NEWS)}


def test_a_jailing_over_a_game_is_coded(coder: Coder) -> None:
    """Sport words in the sentence alone do not silence it: "jailed ... for playing in a football tournament"."""
    text = "Nigerian police jailed 12 Biafran separatists in Lagos for playing in a football tournament."
    assert "COERCE" in {m.type for m in coder.code_text(text)}


def test_sport_further_away_leaves_the_news(coder: Coder) -> None:
    """A document that turns from a game to other news codes the news: the window is two sentences."""
    quiet = " ".join(["The weather in Nairobi was mild."] * 3)
    mixed = f"{GAME} {quiet} {NEWS}"
    assert "ASSAULT" in {m.type for m in coder.code_text(mixed)}
