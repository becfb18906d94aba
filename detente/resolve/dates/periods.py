"""Rules for named calendar periods placed by a modifier or the tense: named days ("New Year's Day"), seasons
("over the summer"), months ("last November"), and parts of months and years ("late May", "mid-2023", "by the
year's end").

Each rule takes the normalized text, the publication date and the event's tense, and answers a ``Result``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from detente.records import DatePrecision
from detente.resolve.dates.arithmetic import (
    Choice,
    add_months,
    choose,
    clip,
    modifier_choice,
    month_span,
    tense_choice,
    yearly,
)
from detente.resolve.dates.result import UNANCHORED, Found, Result, trimmed
from detente.resolve.dates.vocabulary import MONTH_RE, MONTHS, lexicon
from detente.syntax import Tense


def _in_year(
    make: Callable[[int], tuple[dt.date, dt.date]], year: str | None, pub: dt.date | None, choice: Choice,
    precision: DatePrecision,
) -> Result:
    """A period that recurs every year ("summer", "late May"): the written year's, else the repeat around the
    publication date that ``choice`` picks."""
    if year:
        start, end = make(int(year))
        return Found(start, end, precision)
    if pub is None:
        return UNANCHORED
    span = choose(yearly(pub, make), pub, choice)
    return Found(span[0], span[1], precision) if span else None


def named_day(t: str, pub: dt.date | None, tense: Tense) -> Result:
    m = re.fullmatch(r"(?:(last|next|this) )?(.+?)(?:,? (\d{4}))?", t)
    if not m or m.group(2) not in lexicon().named_days:
        return None
    month, day = lexicon().named_days[m.group(2)]
    if m.group(3):
        return Found(dt.date(int(m.group(3)), month, day), None, "day")
    if pub is None:
        return UNANCHORED
    span = choose(yearly(pub, lambda y: (dt.date(y, month, day),) * 2), pub, modifier_choice(m.group(1), tense))
    return Found(span[0], None, "day") if span else None


def season(t: str, pub: dt.date | None, tense: Tense) -> Result:
    seasons = lexicon().seasons
    m = re.fullmatch(
        rf"(?:(last|next|this|past|coming) )?(?:(?:early|late|mid) )?({'|'.join(seasons)})(?: of)?(?: (\d{{4}}))?",
        t,
    )
    if not m:
        return None
    (sm, sd), (em, ed) = seasons[m.group(2)]

    def span(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + 1 if (em, ed) < (sm, sd) else year
        return dt.date(year, sm, sd), clip(end_year, em, ed)

    return _in_year(span, m.group(3), pub, modifier_choice(m.group(1), tense), "season")


def relative_month(t: str, pub: dt.date | None, tense: Tense) -> Result:
    m = re.fullmatch(rf"(last|next|this|past|coming) ({MONTH_RE})", t)
    if not m:
        return None
    if pub is None:
        return UNANCHORED
    month = MONTHS[m.group(2)]
    span = choose(yearly(pub, lambda y: month_span(y, month)), pub, modifier_choice(m.group(1), tense))
    return Found(span[0], None, "month") if span else None


def part_of(t: str, pub: dt.date | None, tense: Tense) -> Result:
    """'late May', 'mid-2023', 'early next year', 'the end of the year'."""
    lex = lexicon()
    names = "|".join(sorted(set(lex.month_parts) | set(lex.year_parts), key=len, reverse=True))
    m = re.fullmatch(rf"(?:the )?({names})(?: of)? (?:the )?(.+)", t)
    if not m:
        return None
    part, anchor = m.group(1), m.group(2)
    month_m = re.fullmatch(rf"(?:(last|next|this|past|coming) )?({MONTH_RE})(?:,? (\d{{4}}))?", anchor)
    if month_m and part in lex.month_parts:
        first, last = lex.month_parts[part]
        month = MONTHS[month_m.group(2)]

        def month_part(year: int) -> tuple[dt.date, dt.date]:
            return clip(year, month, first), clip(year, month, last)

        return _in_year(month_part, month_m.group(3), pub, modifier_choice(month_m.group(1), tense), "month")
    if anchor in ("month", "this month", "next month", "last month") and part in lex.month_parts:
        if pub is None:
            return UNANCHORED
        first, last = lex.month_parts[part]
        year, month = add_months(pub.year, pub.month, {"next month": 1, "last month": -1}.get(anchor, 0))
        return Found(clip(year, month, first), clip(year, month, last), "month")
    year_m = re.fullmatch(r"(\d{4})|(?:(this|last|next|coming) )?year", anchor)
    if not year_m or part not in lex.year_parts:
        return None
    (sm, sd), (em, ed), precision = lex.year_parts[part]

    def year_part(year: int) -> tuple[dt.date, dt.date]:
        return clip(year, sm, sd), clip(year, em, ed)

    if year_m.group(1):
        start, end = year_part(int(year_m.group(1)))
        return Found(start, end, precision)
    if pub is None:
        return UNANCHORED
    which = year_m.group(2)
    if which is None:  # "the end of the year": the one the tense points at
        span = choose(yearly(pub, year_part), pub, tense_choice(tense))
    else:
        span = year_part(pub.year + {"last": -1, "next": 1, "coming": 1}.get(which, 0))
    return trimmed(span[0], span[1], precision) if span else None
