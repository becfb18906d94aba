"""One temporal expression resolved against the publication date: normalized, refused when it only orders the
event around a date ("before Thursday") or names a period up to now ("over the past few weeks"), then read as a
range or as a single expression."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from detente.records import DateResolution
from detente.resolve.dates.ranges import CONNECTOR, date_range
from detente.resolve.dates.result import Result, Unanchored, trimmed
from detente.resolve.dates.single import single
from detente.resolve.dates.vocabulary import MONTH_RE, lexicon
from detente.syntax import Tense


def _normalize(text: str) -> str:
    t = text.replace("’", "'").replace("‘", "'").lower()
    t = re.sub(r"[()\"“”\[\]]", " ", t)
    t = re.sub(rf"\b({MONTH_RE})\.", r"\1", t)
    t = re.sub(r"\s+", " ", t).strip(" ,.;:!?")
    t = re.sub(r"'s$", "", t)  # "next week's"
    t = re.sub(r"\b(?:the )?(year|month)'s end\b", r"the end of the \1", t)
    t = re.sub(r"\b(?:year[- ]end|end[- ]year)\b", "the end of the year", t)
    t = re.sub(r"\bmid-", "mid ", t)
    return t


def _strip_leading(text: str, words: tuple[str, ...]) -> tuple[str, str | None]:
    for word in words:
        if text == word:
            return "", word
        if text.startswith(word + " "):
            return text[len(word) + 1 :], word
    return text, None


def _strip_introducers(text: str) -> str:
    while True:
        text, word = _strip_leading(text, lexicon().introducers)
        if word is None:
            return text


def _expression(t: str, pub: dt.date | None, tense: Tense) -> Result:
    found = date_range(t, pub, tense) if CONNECTOR.search(t) else None
    return found if found is not None else single(t, pub, tense)


def as_date(published: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    return published


# "in the last year", "over the past few weeks": a period running up to publication, not a date
_PERIOD = re.compile(r"\bthe (?:last|past)(?: (?:few|several|couple of|\d+|[a-z]+))? (?:day|week|month|year)s?\b")


def parse_date_expression(
    text: str, published: dt.date | None, *, tense: Literal["past", "present", "future"] = "past"
) -> DateResolution | None:
    """Resolve one temporal expression ("on Thursday", "last November", "September 16 and 17") against the
    publication date. ``tense`` decides which repeat of a calendar name is meant: past → the latest one that has
    begun, future → the earliest not yet over, present → the nearest. Returns None for text that names no date
    (or only orders the event around one: "before Thursday"); a relative expression without a publication date
    gives precision ``unresolved`` with ``date`` None."""
    if not text or not text.strip():
        return None
    t = _normalize(text)
    rest, ordering = _strip_leading(t, lexicon().ordering)
    if ordering is not None or _PERIOD.search(t):
        return None
    t = _strip_introducers(rest)
    if not t:
        return None
    pub = as_date(published)
    label = text.strip()
    try:
        found = _expression(t, pub, tense)
        # "on September 18 in New York": a date followed by a place or an occasion
        cuts = [m.start() for m in re.finditer(r" (?:in|at|on|during|for|with) ", t)]
        for cut in reversed(cuts) if found is None else ():
            found = _expression(_strip_introducers(t[:cut]), pub, tense)
            if found is not None:
                break
    except (ValueError, OverflowError):  # a publication date at the calendar's edge: no date, but no crash
        return DateResolution(None, None, "unresolved", label)
    if found is None:
        return None
    if isinstance(found, Unanchored):
        return DateResolution(None, None, "unresolved", label)
    found = trimmed(found.start, found.end, found.precision)
    return DateResolution(found.start, found.end, found.precision, label)
