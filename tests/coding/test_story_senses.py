"""A measure noun read in the sense its story gave it (coding/story_senses.py). Sentences written for these
tests, not taken from the labelled sets."""

from __future__ import annotations

import datetime as dt

from detente.coding import Coder
from detente.coding.story_senses import MEASURE_NOUNS, RULING_NOUNS

DAY = dt.date(2024, 3, 1)


def _types(coder: Coder, text: str, word: str) -> list[str]:
    """The types of the records of ``text`` whose trigger is ``word`` alone."""
    return [r.type for r in coder.code_text(text, on=DAY) if r.trigger == word]


def test_the_measure_words_are_listed() -> None:
    assert {"ban", "embargo", "sanction", "order", "restriction"} <= MEASURE_NOUNS


def test_a_bare_ban_alone_is_a_restriction_at_home(coder: Coder) -> None:
    assert _types(coder, "Iraq said the ban hurts its people.", "ban") == ["COERCE"]


def test_a_bare_ban_after_a_travel_ban_is_that_sanction(coder: Coder) -> None:
    text = ("Iran banned the entry of refugees from Iraq on Monday. "
            "Iraq said the ban hurts its people.")
    assert _types(coder, text, "ban") == ["SANCTION"]


def test_a_ban_imposed_with_its_cue_settles_the_sense(coder: Coder) -> None:
    text = ("The United States imposed a ban on travel by citizens of Iran and Syria on Monday. "
            "Iran said the ban hurts its people.")
    assert _types(coder, text, "ban") == ["SANCTION"]


def test_a_judge_blocking_the_ban_says_nothing_of_what_the_ban_is(coder: Coder) -> None:
    text = ("A federal judge blocked the ban on Monday. "
            "Iran said the ban hurts its people.")
    assert _types(coder, text, "ban") == ["COERCE"]


def test_the_sense_stays_in_its_story(coder: Coder) -> None:
    first = "Iran banned the entry of refugees from Iraq on Monday."
    coder.code_text(first, on=DAY)
    assert _types(coder, "Iraq said the ban hurts its people.", "ban") == ["COERCE"]


def test_a_threatened_measure_settles_nothing(coder: Coder) -> None:
    text = ("The United States threatened to ban Iranian oil on Monday. "
            "Iraq said the ban hurts its people.")
    assert _types(coder, text, "ban") == ["COERCE"]


def _rulings(coder: Coder, text: str) -> list[tuple[str, str | None, list[str | None], list[str | None]]]:
    """The ruling-noun records of ``text``: type, mode, source and target countries."""
    return [(r.type, r.mode, [a.country for a in r.source], [a.country for a in r.target])
            for r in coder.code_text(text, on=DAY) if r.trigger == "ruling"]


def test_the_ruling_nouns_are_listed() -> None:
    assert {"ruling", "injunction"} <= RULING_NOUNS


def test_a_ruling_after_a_court_blocked_a_measure_is_that_act(coder: Coder) -> None:
    text = ("A federal judge in Texas blocked the government's new travel ban on Monday. "
            "The ruling by U.S. District Judge John Smith prevents the order from taking effect.")
    assert _rulings(coder, text) == [("SANCTION", "convict", ["USA"], ["USA"])]


def test_a_ruling_the_story_reported_no_court_act_for_is_no_event(coder: Coder) -> None:
    assert _rulings(coder, "The ruling by U.S. District Judge John Smith prevents the order from taking effect.") == []


def test_the_court_act_stays_in_its_story(coder: Coder) -> None:
    coder.code_text("A federal judge in Texas blocked the government's new travel ban on Monday.", on=DAY)
    assert _rulings(coder, "The ruling by U.S. District Judge John Smith prevents the order from taking effect.") == []


def test_a_judge_issuing_a_restraining_order_rules_against_its_party(coder: Coder) -> None:
    records = coder.code_text("A court in Kenya issued a restraining order against a Kenyan man on Monday.", on=DAY)
    assert [(r.type, r.mode) for r in records if r.trigger == "issued"] == [("SANCTION", "convict")]


def test_a_government_issuing_an_order_is_no_court_act(coder: Coder) -> None:
    records = coder.code_text("The government of Kenya issued an order on Monday.", on=DAY)
    assert [r for r in records if r.mode == "convict"] == []


def test_a_ruling_after_a_court_issued_an_order_is_that_act(coder: Coder) -> None:
    text = ("A federal judge in Texas on Monday issued a temporary restraining order on the government's new travel "
            "ban. The ruling by U.S. District Judge John Smith prevents the order from taking effect.")
    assert _rulings(coder, text) == [("SANCTION", "convict", ["USA"], ["USA"])]


def test_the_measure_a_court_blocked_keeps_its_own_sense(coder: Coder) -> None:
    text = ("A federal judge in Texas blocked the government's new travel ban on Monday. "
            "U.S. District Judge John Smith said the ban would hurt Iran.")
    assert _types(coder, text, "ban") == ["SANCTION"]


def test_the_measure_a_court_order_is_on_keeps_its_own_sense(coder: Coder) -> None:
    text = ("A federal judge in Texas issued a temporary restraining order on the government's new travel ban. "
            "U.S. District Judge John Smith said the ban would hurt Iran.")
    assert _types(coder, text, "ban") == ["SANCTION"]
