"""The filters the verbs take (a dyad, a period, a type, a channel, a limit), checked and turned into the
store's ``EventQuery``: a malformed value raises ``ValueError`` saying what was expected."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from detente.store.queries import EventQuery


def event_query(*, dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
                until: str | dt.date | None = None, type: str | None = None, channel: str | None = None,
                limit: int | None = None) -> EventQuery:
    """The store query for these filters; a malformed value raises ``ValueError`` saying what was expected."""
    if limit is not None and limit < 1:
        raise ValueError(f"expected a positive limit, got {limit!r}")
    return EventQuery(
        dyad=parse_dyad(dyad) if isinstance(dyad, str) else dyad,
        since=parse_period(since)[0] if isinstance(since, str) else since,
        until=parse_period(until)[1] if isinstance(until, str) else until,
        type=type.upper() if type else None,
        channel=channel or None,
        limit=limit,
    )


def parse_dyad(value: str) -> tuple[str, str]:
    """"CHN-USA" → ("CHN", "USA")."""
    match = re.fullmatch(r"([A-Za-z]{3})-([A-Za-z]{3})", value.strip())
    if not match:
        raise ValueError(f"expected two country codes like CHN-USA, got {value!r}")
    return match.group(1).upper(), match.group(2).upper()


def parse_period(value: str) -> tuple[dt.date, dt.date]:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first and last day it covers."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day = dt.date.fromisoformat(value)
        return day, day
    except ValueError as exc:
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}") from exc
