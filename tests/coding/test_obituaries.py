"""An obituary is no news of events (coding/obituaries.py): a story whose first sentence reports a death in its main
clause with no violence, custody or accident. Texts written for these tests, not taken from the labelled set."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.coding import Coder
from detente.coding.convention_words import load_conventions
from detente.coding.obituaries import obituary
from detente.records import Document

LIFE = ("Kenyan vice-president Moses Kamau has died in Nairobi aged 88. Kamau visited Beijing and met Chinese "
        "Premier Zhou Enlai in 1965. Kamau later thanked Tanzania for its support.")


@pytest.mark.parametrize(("document", "dead"), [
    (LIFE, True),
    ("The death has occurred of the former Irish ambassador to France, Sean Byrne. He was 90.", True),
    # a death by violence, in custody or in an accident is news
    ("A Kenyan journalist has died in police custody in Nairobi, his lawyer said. Rights groups condemned it.", False),
    ("Three Malian soldiers died when gunmen attacked their convoy. Mali blamed jihadists.", False),
    # a death told in a relative clause, or later in the story, is no obituary
    ("Thousands mourned the Kenyan activist who died last week. Police arrested ten mourners.", False),
    ("Kenya and Uganda signed a trade deal on Monday. The former Ugandan president died in 2003.", False),
    ("", False),
])
def test_obituary(document: str, dead: bool) -> None:
    assert obituary(document, load_conventions()) is dead


def test_an_obituary_codes_nothing_though_its_life_has_acts(coder: Coder) -> None:
    """The same life's acts are coded in a story that opens on news, and not in the obituary."""
    news = LIFE.replace("has died in Nairobi aged 88", "spoke in Nairobi on Monday")
    assert [m for m in coder.code_text(news) if m.sentence_index > 0]
    assert not coder.code_text(LIFE)


@pytest.mark.parametrize(("title", "dead"), [
    ("Obituary: Moses Kamau", True),
    ("In memoriam: a Kenyan statesman", True),
    ("Kenyan statesman Moses Kamau dies aged 88", True),
    ("Former Kenyan Vice-President Moses Kamau Dead At 88", True),
    # a death with no age, or by violence, is news; a label that is no obituary's says nothing
    ("Kenya says rebel leader is dead", False),
    ("Kenyan journalist dies in custody aged 31", False),
    ("Two dead in Nairobi building fire", False),
    ("Minister: Kenya should stand out", False),
])
def test_an_obituary_by_its_title(title: str, dead: bool) -> None:
    """The title names an obituary whose first sentence opens on the life, not its end."""
    opening = "Moses Kamau visited Beijing in 1965 and met Chinese Premier Zhou Enlai."
    assert obituary(opening, load_conventions(), title) is dead


def test_a_life_under_an_obituary_title_codes_nothing(coder: Coder) -> None:
    """The screen reads the title the coder passes it: the same text is coded as news without it."""
    life = ("Moses Kamau led Kenya's delegation to Beijing in 1965. Kamau met Chinese Premier Zhou Enlai in Beijing. "
            "Kamau later thanked Tanzania for its support.")
    news = Document(id="life-news", text=life, published=dt.date(2024, 1, 8))
    obit = Document(id="life-obit", text=life, published=dt.date(2024, 1, 8), title="Obituary: Moses Kamau")
    coded = dict((doc.id, records) for doc, records in coder.code_documents([news, obit]))
    assert coded["life-news"] and not coded["life-obit"]
