"""An opinion piece's own views are no events (coding/opinions.py): a title labelled "ANALYSIS:" or "Opinion:"
makes the verbal events no one is quoted as saying the author's. Texts written for these tests, not taken from the
labelled set."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.coding import Coder
from detente.coding.convention_words import load_conventions
from detente.coding.opinions import opinion_title
from detente.records import Document, Mention


@pytest.mark.parametrize(("title", "opinion"), [
    ("ANALYSIS: Kenya's trade pact a test for Ruto", True),
    ("Opinion: Uganda must talk to its neighbours", True),
    ("Review: a year of Tanzanian diplomacy", True),
    # a speaker or a place before the colon is news, and so is a title with no label
    ("Ruto: Kenya will not bow to pressure", False),
    ("Nairobi: police arrest ten protesters", False),
    ("Kenya criticises Uganda over border", False),
    (None, False),
])
def test_opinion_title(title: str | None, opinion: bool) -> None:
    assert opinion_title(title, load_conventions()) is opinion


def _types(records: list[Mention]) -> list[str]:
    return sorted(rec.type for rec in records)


def test_an_opinion_piece_loses_its_own_views_not_what_it_reports(coder: Coder) -> None:
    """The same text coded as news keeps the unattributed criticism; under an opinion label it goes, and the
    quoted minister's accusation stays."""
    text = ("Kenya criticised Uganda over its border policy. "
            "Kenya's foreign minister accused Uganda of arming rebels, he told reporters in Nairobi on Monday.")
    day = dt.date(2024, 1, 8)
    news = Document(id="view-news", text=text, published=day, title="Kenya and Uganda at odds over border")
    view = Document(id="view-opinion", text=text, published=day, title="Opinion: Kenya and Uganda at odds")
    coded = dict((doc.id, records) for doc, records in coder.code_documents([news, view]))
    assert len(coded["view-opinion"]) < len(coded["view-news"])
    assert coded["view-opinion"]
