"""Strict parsing of publication dates.

A publication date anchors every relative date in the article ("on Thursday", "last November"), so a wrong
one silently shifts every event. Only unambiguous shapes are accepted; anything else is an error the caller
turns into a rejection rather than a guess. ``01/02/2024`` is refused on purpose: day or month first?
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from detente.datafiles import DataFileError, load

EARLIEST_YEAR = 1900
FUTURE_SLACK = dt.timedelta(days=2)  # time zones and scheduled posts put honest dates a little ahead of us

CALENDAR = ("detente.resolve", "date_data/calendar.yaml")


def _month_forms() -> tuple[tuple[str, ...], ...]:
    """The month table of ``date_data/calendar.yaml``: (name, *abbreviations) for January to December. Every
    stage that reads month names reads it here, so "Sept" cannot be a month to one and a word to another."""
    months = load(*CALENDAR).get("months")
    if not isinstance(months, dict) or len(months) != 12 or any(
            not isinstance(v, list) or not all(isinstance(a, str) for a in v) for v in months.values()):
        raise DataFileError(f"{'/'.join(CALENDAR)}: months must map the twelve month names to abbreviation lists")
    return tuple((str(name).lower(), *(a.lower() for a in abbrs)) for name, abbrs in months.items())


MONTH_FORMS = _month_forms()  # MONTH_FORMS[0] is January's (name, *abbreviations)
MONTHS = {form: number for number, forms in enumerate(MONTH_FORMS, 1) for form in forms}
_MONTHS = MONTHS
_WEEKDAYS = {name.lower() for name in (*calendar.day_name, *calendar.day_abbr)}

_TIME = r"(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
_AMPM = r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
_ZONE = r"(?:\s*(?P<zone>z|utc|gmt|(?-i:[A-Z]{2,5})|[+-]\d{2}:?\d{2}))?"
_WEEKDAY = r"(?:(?P<weekday>[a-z]{3,9})\.?,?\s+)?"

_SHAPES = (
    # 2023-09-30, 2025-03-14 20:30:26Z, 2023-11-15T18:00:00+08:00, 2024/01/12
    re.compile(rf"(?P<year>\d{{4}})(?P<sep>[-/])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})"
               rf"(?:(?:t|\s+){_TIME}{_ZONE})?", re.IGNORECASE),
    # Jan 11, 2024 12:27 AM; January 12, 2024; Thursday, January 11, 2024 at 9:30 p.m. EST
    re.compile(rf"{_WEEKDAY}(?P<monthname>[a-z]{{3,9}})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               rf"(?P<year>\d{{4}})(?:,?\s+(?:at\s+)?{_TIME}{_AMPM})?{_ZONE}", re.IGNORECASE),
    # Thu, 11 Jan 2024 00:27:00 +0000 (RFC 2822, as feeds use); 12 January 2024
    re.compile(rf"{_WEEKDAY}(?P<day>\d{{1,2}})\s+(?P<monthname>[a-z]{{3,9}})\.?,?\s+(?P<year>\d{{4}})"
               rf"(?:,?\s+(?:at\s+)?{_TIME}{_AMPM})?{_ZONE}", re.IGNORECASE),
)


class DateError(ValueError):
    """``kind`` tells a string that is no date at all from a date that cannot exist."""

    def __init__(self, raw: str, kind: Literal["unparseable", "impossible"], detail: str | None = None) -> None:
        self.raw = raw
        self.kind = kind
        self.detail = detail
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        text = f"{self.kind} date '{self.raw}'"
        return f"{text} ({self.detail})" if self.detail else text


def parse_date(raw: str, *, today: dt.date | None = None) -> dt.date:
    """The calendar date ``raw`` names, as written (no time-zone shift: the outlet's own date is the one
    readers saw). Raises ``DateError``."""
    text = " ".join(raw.split())
    for shape in _SHAPES:
        m = shape.fullmatch(text)
        if m is None:
            continue
        parts = m.groupdict()
        if parts.get("weekday") and parts["weekday"].lower() not in _WEEKDAYS:
            continue
        if parts.get("monthname") is not None:
            month = _MONTHS.get(parts["monthname"].lower())
            if month is None:
                continue
        else:
            month = int(parts["month"])
        return _checked(text, int(parts["year"]), month, int(parts["day"]), parts.get("time"),
                        parts.get("ampm"), today or dt.date.today())
    raise DateError(text, "unparseable")


def _checked(raw: str, year: int, month: int, day: int, time: str | None, ampm: str | None,
             today: dt.date) -> dt.date:
    try:
        date = dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(raw, "impossible", str(exc)) from exc
    if time is not None:
        hour, minute, *rest = time.split(":")
        h, mi, s = int(hour), int(minute), float(rest[0]) if rest else 0.0
        if ampm is not None and not 1 <= h <= 12:
            raise DateError(raw, "impossible", "hour must be 1-12 with AM/PM")
        if h > 23 or mi > 59 or s >= 60:
            raise DateError(raw, "impossible", "no such time of day")
    if year < EARLIEST_YEAR:
        raise DateError(raw, "impossible", f"before {EARLIEST_YEAR}")
    if date > today + FUTURE_SLACK:
        raise DateError(raw, "impossible", "in the future")
    return date
