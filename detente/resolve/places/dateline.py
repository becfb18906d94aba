"""A wire story's dateline ("BEIJING, June 19 (Reuters) - ", "WASHINGTON — ", TASS's "MOSCOW, February 7.
/TASS/. ", the agency between slashes in place of the dash): where and when it was filed.

The place is the capitalized name before the dash, looked up in the gazetteer (inside the region or country
that follows it: "KYIV, Ukraine —"; that region or country itself when the gazetteer lacks the town: "MARANCHON,
SPAIN —"); the date, when there is one, is the day the story's "on Monday" and "last
week" count from and the day its lead happened on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from detente.readers.dates import MONTHS
from detente.records import Location
from detente.resolve.places.gazetteer import lookup_place

_MONTH = r"[A-Z][a-z]{2,8}\.?"
_DAY = rf"(?:(?P<month>{_MONTH}) (?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}}) (?P<month2>{_MONTH}))"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2}))?"
    rf"(?:,? {_DAY}(?:,? (?P<year>\d{{4}}))?)?"
    r"(?:(?: \([A-Za-z .&]+\))?\s*(?:-{1,2}|–|—)|\.? /[A-Z][A-Za-z-]*/\.?)\s")
# A dateline without a year is read in the year that puts it this many days before publication at most (a wire
# story is filed before it appears, rarely weeks before) or a day after (time zones); otherwise it is no date.
_FILED_BEFORE_DAYS = 31
_FILED_AFTER_DAYS = 1


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says: ``place`` (None when the gazetteer does not know it), the month and day it was
    filed and its year when written; ``length``: characters of the dateline, dash included."""

    place: Location | None
    month: int | None
    day: int | None
    year: int | None
    length: int
    date_text: str | None = None

    def date(self, published: dt.date | None) -> dt.date | None:
        """The day it was filed: its own year, else the year that puts it on or up to a month before
        ``published`` (a story is filed before it appears); None without a day, or without a year and a
        publication date to place it."""
        if self.month is None or self.day is None:
            return None
        years = [self.year] if self.year else [published.year, published.year - 1] if published else []
        for year in years:
            try:
                filed = dt.date(year, self.month, self.day)
            except ValueError:
                continue
            if self.year or (published and -_FILED_BEFORE_DAYS <= (filed - published).days <= _FILED_AFTER_DAYS):
                return filed
        return None


# A scraped story may open with a few lines of title, section, byline and publication time before the dateline
# ("OPINION / EDITORIAL", "Published: Jan 11, 2024"): the dateline opens one of its first lines.
_HEAD_LINES = 6
_HEAD_CHARS = 600


def read_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text`` or one of its first lines (after a title or byline), or None.
    ``length`` counts from the start of ``text``."""
    offset = 0
    for line in text[:_HEAD_CHARS].splitlines(keepends=True)[:_HEAD_LINES]:
        found = _read_at(text[offset:]) if line.strip() else None
        if found is not None:
            return found if offset == 0 else replace(found, length=found.length + offset)
        offset += len(line)
    return None


def _read_at(text: str) -> Dateline | None:
    match = _DATELINE.match(text)
    if match is None:
        return None
    region = match.group("region")
    context = []
    where = lookup_place(region.title()) if region else None
    if where is not None and where.country:
        context.append(where.country)
    found = lookup_place(match.group("place").title(), context)
    if found is not None and context and found.country not in context:
        found = None
    if found is None and where is not None:
        found = where  # "MARANCHON, SPAIN —": a town the gazetteer lacks was in the region or country after it
    month_name = match.group("month") or match.group("month2")
    month = MONTHS.get(month_name.lower().rstrip(".")) if month_name else None
    day_text = match.group("day") or match.group("day2")
    day = int(day_text) if day_text and month else None
    year = int(match.group("year")) if match.group("year") and day else None
    if found is None and day is None:
        return None
    date_text = None
    if day:
        start = match.start("month") if match.group("month") else match.start("day2")
        date_text = text[start : match.end("year") if year else match.end("day") if match.group("day") else
                         match.end("month2")]
    return Dateline(found, month if day else None, day, year, match.end(), date_text)


def dateline_place(text: str) -> Location | None:
    """The place a story's dateline names, found in the gazetteer; None without a dateline."""
    dateline = read_dateline(text)
    return dateline.place if dateline else None
