"""What a date rule answers: a resolved span, an expression that needs a publication date nobody gave, or None
(the rule does not apply to the text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from detente.records import DatePrecision
from detente.resolve.dates.arithmetic import clip


@dataclass(frozen=True, slots=True)
class Found:
    """A resolved span before it becomes a DateResolution: ``end`` is None when the span is one unit."""

    start: dt.date
    end: dt.date | None
    precision: DatePrecision


class Unanchored:
    """A real temporal expression that needs a publication date nobody gave."""


UNANCHORED = Unanchored()
Result = Found | Unanchored | None


def trimmed(start: dt.date, end: dt.date | None, precision: DatePrecision) -> Found:
    """Keep ``end`` only where it says more than the precision already does."""
    natural = {
        "day": start,
        "month": clip(start.year, start.month, 31),
        "year": dt.date(start.year, 12, 31),
    }.get(precision)
    if precision == "month" and start.day != 1:
        natural = None
    if precision == "year" and (start.month, start.day) != (1, 1):
        natural = None
    return Found(start, None if end == natural else end, precision)
