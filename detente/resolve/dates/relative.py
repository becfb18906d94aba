"""Rules for expressions counted from the publication date: "yesterday", "three weeks ago", "last week", "the
coming weekend", "next month", "earlier this year", "on Thursday".

Each rule takes the normalized text, the publication date and the event's tense, and answers a ``Result``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from detente.resolve.dates.arithmetic import add_months, choose, modifier_choice, month_span, tense_choice, week_start
from detente.resolve.dates.result import UNANCHORED, Found, Result
from detente.resolve.dates.vocabulary import MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS, lexicon
from detente.syntax import Tense

_UNITS = ("day", "week", "month", "year", "decade")


def number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return lexicon().numbers.get(word)


def relative_day(t: str, pub: dt.date | None) -> Result:
    offset = lexicon().relative_days.get(t)
    if offset is None:
        return None
    if pub is None:
        return UNANCHORED
    day = pub + dt.timedelta(days=offset)
    return Found(day, None, "day")


def ago(t: str, pub: dt.date | None) -> Result:
    m = re.fullmatch(rf"(.+?) ({'|'.join(_UNITS)})s? ago", t)
    if not m:
        return None
    count = number(m.group(1))
    if count is None:
        return None
    if pub is None:
        return UNANCHORED
    unit = m.group(2)
    if unit == "day":
        return Found(pub - dt.timedelta(days=count), None, "day")
    if unit == "week":
        start = week_start(pub - dt.timedelta(weeks=count))
        return Found(start, start + dt.timedelta(days=6), "day")
    if unit == "month":
        year, month = add_months(pub.year, pub.month, -count)
        return Found(dt.date(year, month, 1), None, "month")
    years = count * (10 if unit == "decade" else 1)
    return Found(dt.date(pub.year - years, 1, 1), None, "year")


def week(t: str, pub: dt.date | None, tense: Tense) -> Result:
    m = re.fullmatch(r"(this|last|next|past|coming|earlier this|later this)? ?(week|weekend)", t)
    if not m:
        return None
    if pub is None:
        return UNANCHORED
    which, unit = m.group(1), m.group(2)
    monday = week_start(pub)
    if unit == "weekend":
        if which is None:  # "over the weekend": the weekend the tense points at
            weekends = ((s, s + dt.timedelta(days=1)) for s in _saturdays(pub))
            span = choose(weekends, pub, tense_choice(tense))
            return Found(span[0], span[1], "day") if span else None
        shift = {"last": -7, "past": -7, "next": 7, "coming": 0}.get(which, 0)
        saturday = monday + dt.timedelta(days=5 + shift)
        return Found(saturday, saturday + dt.timedelta(days=1), "day")
    if which == "past":
        return Found(pub - dt.timedelta(days=7), pub, "day")
    if which == "earlier this":
        return Found(monday, max(monday, pub - dt.timedelta(days=1)), "day")
    sunday = monday + dt.timedelta(days=6)
    if which == "later this":
        return Found(min(pub + dt.timedelta(days=1), sunday), sunday, "day")
    shift = {"last": -7, "next": 7, "coming": 7}.get(which or "this", 0)
    return Found(monday + dt.timedelta(days=shift), sunday + dt.timedelta(days=shift), "day")


def _saturdays(pub: dt.date) -> Iterator[dt.date]:
    first = week_start(pub) + dt.timedelta(days=5)
    return (first + dt.timedelta(weeks=k) for k in range(-2, 3))


def month_or_year(t: str, pub: dt.date | None) -> Result:
    m = re.fullmatch(r"(this|last|next|past|coming|earlier this|later this) (month|year)", t)
    if not m:
        return None
    if pub is None:
        return UNANCHORED
    which, unit = m.group(1), m.group(2)
    if unit == "year":
        first, last = dt.date(pub.year, 1, 1), dt.date(pub.year, 12, 31)
        if which == "earlier this":
            return Found(first, pub, "year")
        if which == "later this":
            return Found(pub, last, "year")
        if which == "past":
            return None  # "the past year" is a period up to now, not when something happened
        shift = {"last": -1, "next": 1, "coming": 1}.get(which, 0)
        return Found(dt.date(pub.year + shift, 1, 1), None, "year")
    first, last = month_span(pub.year, pub.month)
    if which == "earlier this":
        return Found(first, pub, "month")
    if which == "later this":
        return Found(pub, last, "month")
    if which == "past":
        return None
    shift = {"last": -1, "next": 1, "coming": 1}.get(which, 0)
    year, month = add_months(pub.year, pub.month, shift)
    return Found(dt.date(year, month, 1), None, "month")


def month_of_year(t: str, pub: dt.date | None) -> Result:
    """"May this year", "in March last year", "October of next year": a month of the year counted from
    publication."""
    m = re.fullmatch(rf"({MONTH_RE}) (?:of )?(this|last|next) year", t)
    if not m:
        return None
    if pub is None:
        return UNANCHORED
    shift = {"last": -1, "next": 1}.get(m.group(2), 0)
    return Found(dt.date(pub.year + shift, MONTHS[m.group(1)], 1), None, "month")


def weekday(t: str, pub: dt.date | None, tense: Tense) -> Result:
    """"on Thursday", "last Friday", "Tuesday night", "late Friday" (``day_edges``: early or late on that day)."""
    times = "|".join(re.escape(x) for x in lexicon().day_times)
    edges = "|".join(re.escape(x) for x in lexicon().day_edges)
    m = re.fullmatch(rf"(?:(?:{edges})(?: on)? )?(?:(last|next|this|past|coming) )?({WEEKDAY_RE})(?:,? (?:{times}))*",
                     t)
    if not m:
        return None
    if pub is None:
        return UNANCHORED
    day_of_week = WEEKDAYS[m.group(2)]
    base = pub - dt.timedelta(days=14)
    days = (base + dt.timedelta(days=k) for k in range(29))
    spans = ((d, d) for d in days if d.weekday() == day_of_week)
    span = choose(spans, pub, modifier_choice(m.group(1), tense))
    return Found(span[0], None, "day") if span else None
