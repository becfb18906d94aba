"""Text that is safe where it goes: article text and metadata are attacker-controlled.

Three places need it, each with its own rule, and every command uses the one helper for its place:

- **In**: ``without_surrogates`` — a lone surrogate (``"\\ud800"`` from a JSON escape, or an undecodable file
  name) cannot be encoded as UTF-8, so it would crash hashing, the store and printing. It becomes U+FFFD, the
  replacement character, as a decoder would have made of the bytes.
- **A terminal**: ``for_terminal`` — control characters (C0, DEL, C1, so ESC sequences that set window titles
  or clear the screen), bidirectional overrides and isolates (text that reads in another order than it is
  stored), line and paragraph separators, newlines in file names, and lone surrogates are shown as visible
  escapes (``\\x1b``, ``\\u202e``, ``\\n``), never sent raw; one table row stays one line.
- **A spreadsheet**: ``for_csv`` (``formula_safe`` for a string; the exports use it too) — a cell starting with
  ``= + - @`` (or tab, carriage return) is a formula to Excel, LibreOffice and Google Sheets
  (``=HYPERLINK(…)``); it gets a leading apostrophe, as OWASP's CSV-injection advice says, so the cell shows the
  text as written.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls (tab and newline included: they break a row), DEL, C1 controls; bidi embeddings, overrides,
# isolates and marks; line and paragraph separators; lone surrogates.
_UNSAFE_FOR_TERMINAL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it encodes as UTF-8."""
    return _SURROGATE.sub(REPLACEMENT, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT_ESCAPES.get(char)
    if short:
        return short
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` with every character that could move the cursor, change the terminal or reorder the line shown
    as a visible escape: ``"Evil\\x1b]0;pwned\\x07"`` prints as ``Evil\\x1b]0;pwned\\x07``."""
    return _UNSAFE_FOR_TERMINAL.sub(_escape, text)


def formula_safe(text: str) -> str:
    """``text`` as a spreadsheet shows it but never runs it: a leading ``'`` before a formula start."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def for_csv(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: strings that start like a formula get a leading ``'``;
    numbers and everything else pass unchanged (a negative Goldstein value stays a number)."""
    return formula_safe(value) if isinstance(value, str) else value
