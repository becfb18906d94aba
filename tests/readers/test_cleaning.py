from __future__ import annotations

import pytest

from detente.readers.cleaning import clean_article, normalize_space

BODY = (
    "Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich on Saturday.\n\n"
    "The two sides agreed to keep channels of communication open, officials said."
)


def test_normalize_space_collapses_every_kind_of_space() -> None:
    assert normalize_space(" Focus\u00a0This \n\n Week\t") == "Focus This Week"
    assert normalize_space("cafe\u0301") == "café"  # NFC


# --- header lines -------------------------------------------------------------------------------------------


def test_date_prefix_keeps_the_text_on_its_line() -> None:
    c = clean_article(" date 2023-09-30 Beijing and Washington have held talks.\n\nMore text follows here.")
    assert c.date_raw == "2023-09-30" and c.dropped == ["date 2023-09-30"]
    assert c.text.startswith("Beijing and Washington have held talks.\n\nMore text")
    assert c.title is None


@pytest.mark.parametrize(
    ("line", "raw"),
    [
        ("Published: Jan 11, 2024 12:27 AM", "Jan 11, 2024 12:27 AM"),
        ("Published on: 2024-01-11", "2024-01-11"),
        ("Posted Jan 11, 2024", "Jan 11, 2024"),
        ("Date: Thu, 11 Jan 2024 00:27:00 +0000", "Thu, 11 Jan 2024 00:27:00 +0000"),
        ("January 12, 2024", "January 12, 2024"),
        ("February 30, 2024", "February 30, 2024"),  # impossible, still the date line: the caller rejects it
        ("Published: sometime last week", "sometime last week"),  # labelled: the caller rejects it
    ],
)
def test_date_lines_are_found_and_removed(line: str, raw: str) -> None:
    c = clean_article(f"{line}\n{BODY}")
    assert c.date_raw == raw
    assert line not in c.text
    assert c.text == BODY


def test_first_date_line_wins_and_update_stamps_go() -> None:
    c = clean_article(f"Published: 2024-01-11\nUpdated: Jan 12, 2024 08:00 AM\nBy Jane Doe and John Roe\n{BODY}")
    assert c.date_raw == "2024-01-11"
    assert c.text == BODY


def test_title_line_becomes_the_title() -> None:
    c = clean_article(f"Wang and Blinken meet in Munich\n\n{BODY}")
    assert c.title == "Wang and Blinken meet in Munich"
    assert c.text == BODY


@pytest.mark.parametrize(
    "first",
    [
        "Dear Focus Reader,",  # a salutation
        "Beijing and Washington met again.",  # a sentence
        "Munich",  # one word: a place line or a section, not a headline
    ],
)
def test_lines_that_are_not_titles_stay_text(first: str) -> None:
    c = clean_article(f"{first}\n\n{BODY}")
    assert c.title is None
    assert c.text.startswith(first)


def test_a_lone_line_is_text_not_a_title() -> None:
    c = clean_article("Wang and Blinken meet in Munich")
    assert c.title is None and c.text == "Wang and Blinken meet in Munich"


def test_known_title_wins_and_its_repeat_is_removed() -> None:
    c = clean_article(f"Wang, Blinken meet\n{BODY}", title="Wang,  Blinken meet")
    assert c.title == "Wang,  Blinken meet"
    assert c.text == BODY
    other = clean_article(f"A kicker line here\n{BODY}", title="Wang, Blinken meet")
    assert other.text.startswith("A kicker line here")


def test_header_scan_stops_at_the_body() -> None:
    text = f"{BODY}\n\nJanuary 12, 2024\n\nSecond headline-like line"
    c = clean_article(text)
    assert c.date_raw is None and c.title is None
    assert "January 12, 2024" in c.text and "Second headline-like line" in c.text


# --- furniture ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Photo:VCG",
        "China US Photo:VCG",
        "File photo: Xinhua",
        "Language : English 简体 繁體",
        "English | 简体 | 繁體",
        "Read More",
        "Read more",
        "Read more: Xi and Biden agree to resume military talks",
        'Read more in "Navigating the Complex World of AI," by Li Zheng',
        "Watch Video",
        "Back to Top",
        "Discover More",
        "ADVERTISEMENT",
        "Subscribe to our China newsletter",
        "02:49 ‘China will not challenge or replace the US’, Xi tells Blinken at crucial meeting "
        "‘China will not challenge or replace the US’, Xi tells Blinken at crucial meeting",
        "1:02:49 Xi tells Blinken at crucial meeting",
    ],
)
def test_furniture_lines_are_removed_anywhere(line: str) -> None:
    first, second = BODY.split("\n\n")
    c = clean_article(f"{first}\n\n{line}\n\n{second}")
    assert c.text == BODY
    assert line in c.dropped


@pytest.mark.parametrize(
    "sentence",
    [
        "Readers can read more in the full report, which the ministry released on Monday.",
        "10:30 Officials arrived at the venue and the talks began.",  # a live-blog entry is a sentence
        "The photo: a handshake that both capitals wanted to be seen.",
        "Read more widely, the statement signals a thaw.",
    ],
)
def test_real_sentences_that_look_like_furniture_stay(sentence: str) -> None:
    c = clean_article(f"{BODY}\n\n{sentence}")
    assert c.text.endswith(sentence)


# --- paragraphs ---------------------------------------------------------------------------------------------


def test_blank_lines_separate_paragraphs_once() -> None:
    c = clean_article("First paragraph here.\n\n\n\n   \nSecond paragraph here.\r\nThird line here.")
    assert c.text == "First paragraph here.\n\nSecond paragraph here.\n\nThird line here."


def test_a_removed_line_still_separates_paragraphs() -> None:
    c = clean_article(f"{BODY}\nQuote of the Week\nRead More\nThe quote itself is here.")
    assert c.text == f"{BODY}\n\nQuote of the Week\n\nThe quote itself is here."


def test_mid_clause_line_breaks_join_only_before_lower_case() -> None:
    c = clean_article(f"{BODY}\nWang Yi met Antony Blinken in\nMunich on Saturday and the two\nagreed to talk again.")
    assert c.text.endswith("\n\nWang Yi met Antony Blinken in\n\nMunich on Saturday and the two agreed to talk again.")


def test_a_line_running_on_in_lower_case_is_not_a_title() -> None:
    c = clean_article(f"Wang Yi met Antony Blinken\nin Munich on Saturday.\n\n{BODY}")
    assert c.title is None
    assert c.text.startswith("Wang Yi met Antony Blinken in Munich on Saturday.\n\n")


def test_hard_wrapped_text_is_rejoined_into_paragraphs() -> None:
    wrapped = (
        "Chinese Foreign Minister Wang Yi met US Secretary of State Antony\n"
        "Blinken in Munich on Saturday, the first meeting between the two top\n"
        "diplomats since the leaders met in California in November last\n"
        "year.\n\n"
        "The two sides agreed to keep channels of communication open and to\n"
        "follow up on a fentanyl working group, according to officials.\n"
    )
    c = clean_article(wrapped)
    assert c.title is None
    first, second = c.text.split("\n\n")
    assert first.startswith("Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich")
    assert first.endswith("in November last year.")
    assert second.endswith("according to officials.")


def test_invisible_and_control_characters_are_dropped() -> None:
    c = clean_article("Wang\u200b Yi met\u00a0Blinken\x07 in Munich on Saturday.")
    assert c.text == "Wang Yi met Blinken in Munich on Saturday."


# --- genre and outlet ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (f"OPINION / EDITORIAL\n{BODY}", "editorial"),
        (f"Commentary\n{BODY}", "editorial"),
        (f"Why the thaw will last: China Daily editorial\n\n{BODY}", "editorial"),
        (f"{BODY}\n\nThe views expressed in this article are the author's own.", "editorial"),
        (f"{BODY}\n\nThe author is a senior fellow at the Hudson Institute.", "editorial"),
        (f"Focus This Week\n\n{BODY}", "newsletter"),
        (f"Dear Focus Reader,\n\n{BODY}", "newsletter"),
        (f"{BODY}\n\nForward this weekly newsletter to a friend.", "newsletter"),
        (f"Talks in Munich this week\n\n{BODY}", "news"),
        (f"{BODY}\n\nSign up for our daily newsletter to get the news first!", "news"),
        (BODY, "news"),
    ],
)
def test_genre_markers(text: str, genre: str) -> None:
    assert clean_article(text).genre == genre


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (f"Why the thaw will last: China Daily editorial\n\n{BODY}", "China Daily"),
        (f"{BODY}\n\nPrepared by China-US Focus editorial teams in Hong Kong.", "China-US Focus"),
        (f"{BODY}\n\nStay connected to China-US Focus by following us.", "China-US Focus"),
        (f"{BODY}\n\n© 2024 The Straits Times. All rights reserved.", "The Straits Times"),
        (f"{BODY}\n\nCopyright 2024 U.S. News & World Report", "U.S. News & World Report"),
        (f"{BODY}\n\nThe Wall Street Journal reported the talks first.", None),  # quoted, not itself
        (BODY, None),
    ],
)
def test_outlet_only_when_the_text_names_itself(text: str, outlet: str | None) -> None:
    assert clean_article(text).outlet == outlet
