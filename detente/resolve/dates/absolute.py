"""Absolute forms read by dateparser ("September 18", "Jan. 9, 2024", "2023-06-19", "2023"), with the year
inferred by tense when the text does not write it.

dateparser reads month names, abbreviations and numeric formats well, but it silently fills in a missing year;
``shape`` tells a written year from an inferred one, and ``place_year`` infers it the way the rules do.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from dateparser.date import DateDataParser

from detente.resolve.dates.arithmetic import Choice, choose, month_span, tense_choice, yearly
from detente.resolve.dates.result import UNANCHORED, Found, Result
from detente.resolve.dates.vocabulary import MONTH_RE, WEEKDAY_RE
from detente.syntax import Tense


@dataclass(frozen=True, slots=True)
class Shape:
    """What the text says of a calendar date: a day or month, with its year only if the text gives one."""

    month: int | None
    day: int | None
    year: int | None


@cache
def _dateparser(base_year: int) -> DateDataParser:
    settings = {
        "PREFER_DATES_FROM": "current_period",
        "RELATIVE_BASE": dt.datetime(base_year, 6, 15),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


NUMERIC_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_RELATIVE_WORDS = re.compile(r"\b(ago|last|next|this|past|coming|week|weekend|yesterday|today|tomorrow|recent)")


@lru_cache(maxsize=20_000)
def shape(t: str) -> Shape | None:
    """Parse an absolute form with dateparser. It is asked twice, around two leap years four years apart: a year
    that comes out the same both times was written in the text; one that moves was inferred, and ``place_year``
    infers it instead, by tense. Memoized: the answer depends on the text alone, dateparser is slow (about half
    the time spent reading events from parses) and news repeats its dates."""
    if _RELATIVE_WORDS.search(t) or len(t) > 40:
        return None
    if not (re.search(rf"\b({MONTH_RE})\b", t) or NUMERIC_DATE.fullmatch(t) or re.fullmatch(r"\d{4}", t)):
        return None
    t = re.sub(rf"^(?:{WEEKDAY_RE}),? (?=.*\d)", "", t)  # "Thursday, September 28"
    first, second = _dateparser(2000).get_date_data(t), _dateparser(2004).get_date_data(t)
    if first.date_obj is None:
        return None
    d, period = first.date_obj, first.period
    explicit = second.date_obj is not None and second.date_obj.year == d.year
    year = d.year if explicit else None
    if period == "year":
        if not explicit:
            return None
        return Shape(None, None, year)
    if period == "month":
        return Shape(d.month, None, year)
    return Shape(d.month, d.day, year)


def place_year(shape: Shape, pub: dt.date | None, choice: Choice) -> Result:
    if shape.month is None:
        assert shape.year is not None
        return Found(dt.date(shape.year, 1, 1), None, "year")
    month, day = shape.month, shape.day
    if shape.year is not None:
        if day is None:
            return Found(dt.date(shape.year, month, 1), None, "month")
        return Found(dt.date(shape.year, month, day), None, "day")
    if pub is None:
        return UNANCHORED
    if day is None:
        span = choose(yearly(pub, lambda y: month_span(y, month)), pub, choice)
        return Found(span[0], None, "month") if span else None
    # reach 8: the nearest leap year for February 29 lies within it in either direction
    span = choose(yearly(pub, lambda y: (dt.date(y, month, day),) * 2, reach=8), pub, choice)
    return Found(span[0], None, "day") if span else None


def absolute(t: str, pub: dt.date | None, tense: Tense) -> Result:
    found = shape(t)
    return None if found is None else place_year(found, pub, tense_choice(tense))
