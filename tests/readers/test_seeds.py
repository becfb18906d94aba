"""The three seed articles end to end: real scraped text with its metadata in header lines."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.readers import iter_documents
from detente.records import Document
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    found = list(iter_documents([str(EXAMPLES)]))
    docs = [d for d in found if isinstance(d, Document) and d.source_id is not None]
    assert docs == found, found
    return {str(d.source_id)[:3]: d for d in docs}


def paragraphs(doc: Document) -> list[str]:
    return doc.text.split("\n\n")


def test_all_three_in_order(seeds: dict[str, Document]) -> None:
    assert list(seeds) == ["000", "001", "002"]
    assert len({d.id for d in seeds.values()}) == 3


def test_dates_genres_titles_outlets(seeds: dict[str, Document]) -> None:
    got = {k: (d.published, d.genre, d.title, d.outlet) for k, d in seeds.items()}
    assert got == {
        "000": (dt.date(2023, 9, 30), "news", None, None),
        "001": (dt.date(2024, 1, 11), "editorial",
                "China-US close exchanges in many fields off to a good start for 2024: Global Times editorial",
                "Global Times"),
        "002": (dt.date(2024, 1, 12), "newsletter", "Focus This Week", "China-US Focus"),
    }
    assert [d.published_raw for d in seeds.values()] == ["2023-09-30", "Jan 11, 2024 12:27 AM", "January 12, 2024"]


def test_news_report_keeps_its_first_sentence_and_loses_the_video_caption(seeds: dict[str, Document]) -> None:
    d = seeds["000"]
    assert paragraphs(d)[0] == ("Beijing and Washington have conducted a series of senior official exchanges in "
                                "recent months after a deep freeze earlier this year.")
    assert "02:49" not in d.text and "Xi tells Blinken at crucial meeting" not in d.text
    assert "date 2023" not in d.text
    assert len(paragraphs(d)) == 12
    assert "The Post reported earlier this week" in d.text
    assert paragraphs(d)[-1] == ("The last senior Chinese official to travel to Washington was Commerce Minister "
                                 "Wang Wentao, who visited in late May.")


def test_editorial_loses_its_header_and_photo_credits(seeds: dict[str, Document]) -> None:
    d = seeds["001"]
    for gone in ("OPINION", "EDITORIAL", "Published:", "Photo:VCG", "Global Times editorial", "12:27 AM"):
        assert gone not in d.text
    assert paragraphs(d)[0].startswith("China-US exchanges in various fields got off to a good start in 2024.")
    assert len(paragraphs(d)) == 7
    assert d.text.endswith("Without this foundation, meaningful discussions become impossible.")


def test_newsletter_loses_switcher_and_buttons_but_keeps_its_content(seeds: dict[str, Document]) -> None:
    d = seeds["002"]
    paras = paragraphs(d)
    for gone in ("Language", "简体", "繁體", "Read More", "Read more", "Watch Video", "Back to Top", "Discover More",
                 "January 12, 2024"):
        assert gone not in d.text, gone
    assert paras[0] == "A community space to discuss the China-U.S. relationship and beyond."
    assert "Dear Focus Reader," in paras
    for kept in (
        "In a recent speech about the anniversary, Chinese Foreign Minister Wang Yi said that Washington and Beijing",
        "U.S. President Joe Biden also commemorated the anniversary in a letter to President Xi Jinping",
        "Ning Feng is a highly acclaimed violinist",  # "January 17, 2024" inside a sentence stays
        "Prepared by China-US Focus editorial teams in Hong Kong and New York",
    ):
        assert kept in d.text
    assert "on January 17, 2024" in d.text
    assert "Quote of the Week" in paras and "Richard Weitz" in paras  # headings and names are their own lines


def test_no_stray_whitespace(seeds: dict[str, Document]) -> None:
    for d in seeds.values():
        assert "\n\n\n" not in d.text and "\u00a0" not in d.text and d.text == d.text.strip()
        assert all(p == " ".join(p.split()) for p in paragraphs(d))
