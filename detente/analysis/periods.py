"""Calendar periods the analysis groups by: a day, an ISO week (Monday to Sunday) or a calendar month."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = ("day", "week", "month")


def period_start(day: dt.date, by: Period) -> dt.date:
    """The first day of the period ``day`` falls in."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def period_end(start: dt.date, by: Period) -> dt.date:
    """The last day of the period that begins on ``start``."""
    if by == "day":
        return start
    if by == "week":
        return start + dt.timedelta(days=6)
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def period_range(first: dt.date, last: dt.date, by: Period) -> list[dt.date]:
    """The starts of every period from the one holding ``first`` to the one holding ``last``, empty ones too."""
    out: list[dt.date] = []
    cur = period_start(first, by)
    while cur <= last:
        out.append(cur)
        cur = period_end(cur, by) + dt.timedelta(days=1)
    return out


# How fine a date must be to fall in a period: a day (or the publication day of an undated report) fits any
# period, a month only a month; a season or a year fits none of them.
_FINENESS = {"day": 0, "unresolved": 0, "month": 1, "season": 2, "year": 3}
_PERIOD_FINENESS: dict[Period, int] = {"day": 0, "week": 0, "month": 1}


def fits(precision: str, by: Period) -> bool:
    """Whether a date known to ``precision`` can be placed in one ``by`` period."""
    return _FINENESS.get(precision, 3) <= _PERIOD_FINENESS[by]


def parse_by(value: str) -> Period:
    """"week" → "week"; anything else raises ``ValueError`` naming the choices."""
    for name in PERIODS:
        if value == name:
            return name
    raise ValueError(f"expected a period of {', '.join(PERIODS)}, got {value!r}")
