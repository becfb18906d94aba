"""Ranges: 'September 16 and 17', 'from January 8 to 9', '16-17 September', 'Dec 30, 2023 to Jan 2, 2024',
'Monday and Tuesday'. The first half is placed by the tense; the second half follows it."""

from __future__ import annotations

import datetime as dt
import re

from detente.records import DatePrecision
from detente.resolve.dates.absolute import NUMERIC_DATE, Shape, place_year, shape
from detente.resolve.dates.arithmetic import clip, tense_choice
from detente.resolve.dates.result import UNANCHORED, Found, Result, trimmed
from detente.resolve.dates.single import single
from detente.resolve.dates.vocabulary import WEEKDAYS
from detente.syntax import Tense

CONNECTOR = re.compile(r"\s+(?:to|and|through|thru|until|till|-)\s+|\s*[–—]\s*|(?<=\d)-(?=\d)")
_BARE_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?")


def date_range(t: str, pub: dt.date | None, tense: Tense) -> Result:
    """The first split at a connector whose two halves make a range, else None."""
    if NUMERIC_DATE.fullmatch(t):
        return None
    body = re.sub(r"^(?:from|between) ", "", t)
    for m in CONNECTOR.finditer(body):
        left, right = body[: m.start()].strip(" ,"), body[m.end() :].strip(" ,")
        if left and right:
            found = _range_halves(left, right, pub, tense)
            if found is not None:
                return found
    return None


def _range_halves(left: str, right: str, pub: dt.date | None, tense: Tense) -> Result:
    lday, rday = _BARE_DAY.fullmatch(left), _BARE_DAY.fullmatch(right)
    lshape = None if lday else shape(left)
    rshape = None if rday else shape(right)
    if lday and rshape and rshape.day is not None:
        lshape = Shape(rshape.month, int(lday.group(1)), rshape.year)
    if rday and lshape and lshape.day is not None:
        year = int(rday.group(2)) if rday.group(2) else lshape.year
        rshape = Shape(lshape.month, int(rday.group(1)), year)
    if lshape and rshape and lshape.month and rshape.month:
        return _calendar_range(lshape, rshape, pub, tense)
    if lshape or rshape or lday or rday:
        return None
    first, second = single(left, pub, tense), single(right, pub, tense)
    if not isinstance(first, Found) or not isinstance(second, Found):
        return UNANCHORED if UNANCHORED in (first, second) and None not in (first, second) else None
    if left in WEEKDAYS and right in WEEKDAYS:  # "Monday to Wednesday": the second follows the first
        end = first.start + dt.timedelta(days=(WEEKDAYS[right] - WEEKDAYS[left]) % 7)
        return Found(first.start, end, "day")
    end = second.end or second.start
    if end < first.start or first.precision != second.precision:
        return None
    return Found(first.start, end, first.precision)


def _calendar_range(left: Shape, right: Shape, pub: dt.date | None, tense: Tense) -> Result:
    lmonth, rmonth = left.month, right.month
    assert lmonth is not None and rmonth is not None
    precision: DatePrecision = "day" if left.day and right.day else "month"
    lkey, rkey = (lmonth, left.day or 1), (rmonth, right.day or 1)
    if left.year is None and right.year is not None:
        left = Shape(lmonth, left.day, right.year if lkey <= rkey else right.year - 1)
    if left.year is None:
        placed = place_year(Shape(lmonth, left.day, None), pub, tense_choice(tense))
        if not isinstance(placed, Found):
            return placed
        left = Shape(lmonth, left.day, placed.start.year)
    assert left.year is not None
    if right.year is None:
        right = Shape(rmonth, right.day, left.year if rkey >= lkey else left.year + 1)
    assert right.year is not None
    start = dt.date(left.year, lmonth, left.day or 1)
    end = dt.date(right.year, rmonth, right.day) if right.day else clip(right.year, rmonth, 31)
    if end < start:
        return None
    return trimmed(start, end, precision)
