"""Calendar arithmetic, and which yearly or weekly repeat of a calendar name ("Thursday", "May") is meant.

The rules say what a name spans in a given year or week; this module says which of its repeats around the
publication date the text means, from a modifier ("last", "next", "this") or else the event's tense.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from detente.syntax import Tense

# How an occurrence is chosen among the yearly/weekly repeats of a calendar name.
Choice = Literal["past", "future", "nearest", "last", "next"]


def clip(year: int, month: int, day: int) -> dt.date:
    """The date, with a day past the month's end moved to its last day (Feb 29 → 28 in common years)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), clip(year, month, 31)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_start(day: dt.date) -> dt.date:
    """Weeks run Monday to Sunday (ISO 8601)."""
    return day - dt.timedelta(days=day.weekday())


def choose(
    spans: Iterable[tuple[dt.date, dt.date]], published: dt.date, choice: Choice
) -> tuple[dt.date, dt.date] | None:
    """Pick one repeat of a calendar name. past: latest that has started; future: earliest not yet over;
    last: latest already over; next: earliest not yet started; nearest: the one containing the publication date,
    else the closest (ties go to the earlier one)."""
    ordered = sorted(spans)
    if choice == "past":
        found = [s for s in ordered if s[0] <= published]
        return found[-1] if found else None
    if choice == "future":
        return next((s for s in ordered if s[1] >= published), None)
    if choice == "last":
        found = [s for s in ordered if s[1] < published]
        return found[-1] if found else None
    if choice == "next":
        return next((s for s in ordered if s[0] > published), None)

    def gap(span: tuple[dt.date, dt.date]) -> int:
        if span[0] <= published <= span[1]:
            return 0
        return min(abs((span[0] - published).days), abs((span[1] - published).days))

    return min(ordered, key=gap, default=None)


def yearly(
    published: dt.date, make: Callable[[int], tuple[dt.date, dt.date] | None], reach: int = 2
) -> Iterator[tuple[dt.date, dt.date]]:
    """``make(year)`` for the years around the publication year; years where the span does not exist are skipped
    (February 29 exists only in leap years, so ``reach`` must cover the nearest one)."""
    for year in range(published.year - reach, published.year + reach + 1):
        if dt.MINYEAR <= year <= dt.MAXYEAR - 1:
            try:
                span = make(year)
            except ValueError:
                continue
            if span is not None:
                yield span


def tense_choice(tense: Tense) -> Choice:
    choices: dict[Tense, Choice] = {"past": "past", "future": "future", "present": "nearest"}
    return choices[tense]


def modifier_choice(modifier: str | None, tense: Tense) -> Choice:
    if modifier in ("last", "past"):
        return "last"
    if modifier in ("next", "coming"):
        return "next"
    if modifier == "this":
        return "nearest"
    return tense_choice(tense)
