"""Text safe where it goes: each rule checked against hand-written expectations."""

from __future__ import annotations

import pytest

from detente.textsafe import for_csv, for_terminal, without_surrogates


def test_lone_surrogates_become_the_replacement_character() -> None:
    assert without_surrogates("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert without_surrogates("a\ud800b").encode("utf-8") == b"a\xef\xbf\xbdb"
    assert without_surrogates("中文 😀 ok") == "中文 😀 ok"  # real astral characters are not surrogates in Python


@pytest.mark.parametrize(("raw", "shown"), [
    ("title\x1b]0;pwned\x07", "title\\x1b]0;pwned\\x07"),  # OSC: sets the window title
    ("\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"),  # clears the screen
    ("line\nbreak\r\ttab", "line\\nbreak\\r\\ttab"),
    ("nul\x00del\x7fc1\x9b", "nul\\x00del\\x7fc1\\x9b"),
    ("abc\u202edcba\u202c", "abc\\u202edcba\\u202c"),  # right-to-left override and pop
    ("\u2066isolate\u2069 \u200fmark", "\\u2066isolate\\u2069 \\u200fmark"),
    ("sep\u2028arator", "sep\\u2028arator"),
    ("lone\ud800", "lone\\ud800"),
])
def test_terminal_escapes_what_could_move_the_cursor_or_reorder_the_line(raw: str, shown: str) -> None:
    assert for_terminal(raw) == shown


def test_terminal_keeps_ordinary_text() -> None:
    text = "Wang Yi 王毅 met Blinken — «café» عربي 😀"
    assert for_terminal(text) == text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_start_like_a_formula_are_shown_as_text(start: str) -> None:
    assert for_csv(start + 'HYPERLINK("http://evil","x")') == "'" + start + 'HYPERLINK("http://evil","x")'


def test_csv_leaves_other_cells_and_numbers_alone() -> None:
    assert for_csv("China met the US") == "China met the US"
    assert for_csv("a=b") == "a=b"
    assert for_csv(-4.0) == -4.0
    assert for_csv(None) is None
