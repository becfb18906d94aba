"""When did an event happen: temporal expressions resolved against the publication date and the event's tense.

News rarely writes full dates: "on Thursday", "last November", "over the summer" only mean something relative to
when the article appeared and whether the sentence looks back or ahead. dateparser reads the absolute forms well
(month names, abbreviations, numeric and ISO formats, explicit years); everything relative to the publication date
or the tense (weekdays, "last/next/this", seasons, parts of months and years, ranges, year inference) is ruled here,
with the vocabulary in ``date_data/calendar.yaml``. Conventions: docs/when_where.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from detente import datafiles
from detente.readers.dates import MONTHS as _MONTHS  # the one month table, date_data/calendar.yaml's
from detente.records import DatePrecision, DateResolution
from detente.syntax import Tense, clause_head, clause_tense, path_to, tokens

# How an occurrence is chosen among the yearly/weekly repeats of a calendar name.
Choice = Literal["past", "future", "nearest", "last", "next"]

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(_WEEKDAYS)
_UNITS = ("day", "week", "month", "year", "decade")
# Clause links across which an event shares the time of the clause above it.
_SHARED_TIME = {"conj", "xcomp", "advcl"}


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved span before it becomes a DateResolution: ``end`` is None when the span is one unit."""

    start: dt.date
    end: dt.date | None
    precision: DatePrecision


class _Unanchored:
    """A real temporal expression that needs a publication date nobody gave."""


_UNANCHORED = _Unanchored()
_Result = _Found | _Unanchored | None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    seasons: dict[str, tuple[tuple[int, int], tuple[int, int]]]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[tuple[int, int], tuple[int, int], DatePrecision]]
    named_days: dict[str, tuple[int, int]]
    relative_days: dict[str, int]
    numbers: dict[str, int]
    day_times: tuple[str, ...]
    introducers: tuple[str, ...]
    ordering: tuple[str, ...]
    ordering_words: frozenset[str]
    future_lemmas: frozenset[str]
    commissive_lemmas: frozenset[str]
    simultaneous_markers: frozenset[str]
    own_time_words: frozenset[str]
    manner_participles: frozenset[str]


def _by_length(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = datafiles.load("detente.resolve", "date_data/calendar.yaml")
    named = {name: (row["month"], row["day"]) for row in raw["named_days"] for name in row["names"]}
    return _Lexicon(
        seasons={k: (tuple(v["start"]), tuple(v["end"])) for k, v in raw["seasons"].items()},
        month_parts={k: tuple(v) for k, v in raw["month_parts"].items()},
        year_parts={k: (tuple(v["start"]), tuple(v["end"]), v["precision"]) for k, v in raw["year_parts"].items()},
        named_days={_strip_the(k): v for k, v in named.items()},
        relative_days={_strip_the(k): v for k, v in raw["relative_days"].items()},
        numbers=raw["numbers"],
        day_times=_by_length(raw["day_times"]),
        introducers=_by_length(raw["introducers"]),
        ordering=_by_length(raw["ordering"]),
        ordering_words=frozenset(raw["ordering_words"]),
        future_lemmas=frozenset(raw["future_lemmas"]),
        commissive_lemmas=frozenset(raw["commissive_lemmas"]),
        simultaneous_markers=frozenset(raw["simultaneous_markers"]),
        own_time_words=frozenset(raw["own_time_words"]),
        manner_participles=frozenset(raw["manner_participles"]),
    )


def _strip_the(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


# ---------------------------------------------------------------- calendar arithmetic


def _clip(year: int, month: int, day: int) -> dt.date:
    """The date, with a day past the month's end moved to its last day (Feb 29 → 28 in common years)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _clip(year, month, 31)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week_start(day: dt.date) -> dt.date:
    """Weeks run Monday to Sunday (ISO 8601)."""
    return day - dt.timedelta(days=day.weekday())


def _choose(
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


def _yearly(
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


def _tense_choice(tense: Tense) -> Choice:
    choices: dict[Tense, Choice] = {"past": "past", "future": "future", "present": "nearest"}
    return choices[tense]


def _modifier_choice(modifier: str | None, tense: Tense) -> Choice:
    if modifier in ("last", "past"):
        return "last"
    if modifier in ("next", "coming"):
        return "next"
    if modifier == "this":
        return "nearest"
    return _tense_choice(tense)


def _found(start: dt.date, end: dt.date | None, precision: DatePrecision) -> _Found:
    """Keep ``end`` only where it says more than the precision already does."""
    natural = {
        "day": start,
        "month": _clip(start.year, start.month, 31),
        "year": dt.date(start.year, 12, 31),
    }.get(precision)
    if precision == "month" and start.day != 1:
        natural = None
    if precision == "year" and (start.month, start.day) != (1, 1):
        natural = None
    return _Found(start, None if end == natural else end, precision)


# ---------------------------------------------------------------- normalising an expression


def _normalize(text: str) -> str:
    t = text.replace("’", "'").replace("‘", "'").lower()
    t = re.sub(r"[()\"“”\[\]]", " ", t)
    t = re.sub(rf"\b({_MONTH_RE})\.", r"\1", t)
    t = re.sub(r"\s+", " ", t).strip(" ,.;:!?")
    t = re.sub(r"'s$", "", t)  # "next week's"
    t = re.sub(r"\b(?:the )?(year|month)'s end\b", r"the end of the \1", t)
    t = re.sub(r"\b(?:year[- ]end|end[- ]year)\b", "the end of the year", t)
    t = re.sub(r"\bmid-", "mid ", t)
    return t


def _strip_leading(text: str, words: tuple[str, ...]) -> tuple[str, str | None]:
    for word in words:
        if text == word:
            return "", word
        if text.startswith(word + " "):
            return text[len(word) + 1 :], word
    return text, None


def _strip_introducers(text: str) -> str:
    while True:
        text, word = _strip_leading(text, _lexicon().introducers)
        if word is None:
            return text


# ---------------------------------------------------------------- the rules


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _lexicon().numbers.get(word)


def _relative_day(t: str, pub: dt.date | None) -> _Result:
    offset = _lexicon().relative_days.get(t)
    if offset is None:
        return None
    if pub is None:
        return _UNANCHORED
    day = pub + dt.timedelta(days=offset)
    return _Found(day, None, "day")


def _named_day(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    m = re.fullmatch(r"(?:(last|next|this) )?(.+?)(?:,? (\d{4}))?", t)
    if not m or m.group(2) not in _lexicon().named_days:
        return None
    month, day = _lexicon().named_days[m.group(2)]
    if m.group(3):
        return _Found(dt.date(int(m.group(3)), month, day), None, "day")
    if pub is None:
        return _UNANCHORED
    span = _choose(_yearly(pub, lambda y: (dt.date(y, month, day),) * 2), pub, _modifier_choice(m.group(1), tense))
    return _Found(span[0], None, "day") if span else None


def _ago(t: str, pub: dt.date | None) -> _Result:
    m = re.fullmatch(rf"(.+?) ({'|'.join(_UNITS)})s? ago", t)
    if not m:
        return None
    count = _number(m.group(1))
    if count is None:
        return None
    if pub is None:
        return _UNANCHORED
    unit = m.group(2)
    if unit == "day":
        return _Found(pub - dt.timedelta(days=count), None, "day")
    if unit == "week":
        start = _week_start(pub - dt.timedelta(weeks=count))
        return _Found(start, start + dt.timedelta(days=6), "day")
    if unit == "month":
        year, month = _add_months(pub.year, pub.month, -count)
        return _Found(dt.date(year, month, 1), None, "month")
    years = count * (10 if unit == "decade" else 1)
    return _Found(dt.date(pub.year - years, 1, 1), None, "year")


def _week(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    m = re.fullmatch(r"(this|last|next|past|coming|earlier this|later this)? ?(week|weekend)", t)
    if not m:
        return None
    if pub is None:
        return _UNANCHORED
    which, unit = m.group(1), m.group(2)
    monday = _week_start(pub)
    if unit == "weekend":
        if which is None:  # "over the weekend": the weekend the tense points at
            weekends = ((s, s + dt.timedelta(days=1)) for s in _saturdays(pub))
            span = _choose(weekends, pub, _tense_choice(tense))
            return _Found(span[0], span[1], "day") if span else None
        shift = {"last": -7, "past": -7, "next": 7, "coming": 0}.get(which, 0)
        saturday = monday + dt.timedelta(days=5 + shift)
        return _Found(saturday, saturday + dt.timedelta(days=1), "day")
    if which == "past":
        return _Found(pub - dt.timedelta(days=7), pub, "day")
    if which == "earlier this":
        return _Found(monday, max(monday, pub - dt.timedelta(days=1)), "day")
    sunday = monday + dt.timedelta(days=6)
    if which == "later this":
        return _Found(min(pub + dt.timedelta(days=1), sunday), sunday, "day")
    shift = {"last": -7, "next": 7, "coming": 7}.get(which or "this", 0)
    return _Found(monday + dt.timedelta(days=shift), sunday + dt.timedelta(days=shift), "day")


def _saturdays(pub: dt.date) -> Iterator[dt.date]:
    first = _week_start(pub) + dt.timedelta(days=5)
    return (first + dt.timedelta(weeks=k) for k in range(-2, 3))


def _month_or_year(t: str, pub: dt.date | None) -> _Result:
    m = re.fullmatch(r"(this|last|next|past|coming|earlier this|later this) (month|year)", t)
    if not m:
        return None
    if pub is None:
        return _UNANCHORED
    which, unit = m.group(1), m.group(2)
    if unit == "year":
        first, last = dt.date(pub.year, 1, 1), dt.date(pub.year, 12, 31)
        if which == "earlier this":
            return _Found(first, pub, "year")
        if which == "later this":
            return _Found(pub, last, "year")
        if which == "past":
            return None  # "the past year" is a period up to now, not when something happened
        shift = {"last": -1, "next": 1, "coming": 1}.get(which, 0)
        return _Found(dt.date(pub.year + shift, 1, 1), None, "year")
    first, last = _month_span(pub.year, pub.month)
    if which == "earlier this":
        return _Found(first, pub, "month")
    if which == "later this":
        return _Found(pub, last, "month")
    if which == "past":
        return None
    shift = {"last": -1, "next": 1, "coming": 1}.get(which, 0)
    year, month = _add_months(pub.year, pub.month, shift)
    return _Found(dt.date(year, month, 1), None, "month")


def _weekday(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    times = "|".join(re.escape(x) for x in _lexicon().day_times)
    m = re.fullmatch(rf"(?:(last|next|this|past|coming) )?({_WEEKDAY_RE})(?:,? (?:{times}))*", t)
    if not m:
        return None
    if pub is None:
        return _UNANCHORED
    weekday = _WEEKDAYS[m.group(2)]
    base = pub - dt.timedelta(days=14)
    days = (base + dt.timedelta(days=k) for k in range(29))
    spans = ((d, d) for d in days if d.weekday() == weekday)
    span = _choose(spans, pub, _modifier_choice(m.group(1), tense))
    return _Found(span[0], None, "day") if span else None


def _season(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    seasons = _lexicon().seasons
    m = re.fullmatch(
        rf"(?:(last|next|this|past|coming) )?(?:(?:early|late|mid) )?({'|'.join(seasons)})(?: of)?(?: (\d{{4}}))?",
        t,
    )
    if not m:
        return None
    (sm, sd), (em, ed) = seasons[m.group(2)]

    def span(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + 1 if (em, ed) < (sm, sd) else year
        return dt.date(year, sm, sd), _clip(end_year, em, ed)

    if m.group(3):
        start, end = span(int(m.group(3)))
        return _Found(start, end, "season")
    if pub is None:
        return _UNANCHORED
    chosen = _choose(_yearly(pub, span), pub, _modifier_choice(m.group(1), tense))
    return _Found(chosen[0], chosen[1], "season") if chosen else None


def _relative_month(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    m = re.fullmatch(rf"(last|next|this|past|coming) ({_MONTH_RE})", t)
    if not m:
        return None
    if pub is None:
        return _UNANCHORED
    month = _MONTHS[m.group(2)]
    span = _choose(_yearly(pub, lambda y: _month_span(y, month)), pub, _modifier_choice(m.group(1), tense))
    return _Found(span[0], None, "month") if span else None


def _part(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    """'late May', 'mid-2023', 'early next year', 'the end of the year'."""
    lex = _lexicon()
    names = "|".join(sorted(set(lex.month_parts) | set(lex.year_parts), key=len, reverse=True))
    m = re.fullmatch(rf"(?:the )?({names})(?: of)? (?:the )?(.+)", t)
    if not m:
        return None
    part, anchor = m.group(1), m.group(2)
    month_m = re.fullmatch(rf"(?:(last|next|this|past|coming) )?({_MONTH_RE})(?:,? (\d{{4}}))?", anchor)
    if month_m and part in lex.month_parts:
        first, last = lex.month_parts[part]
        month = _MONTHS[month_m.group(2)]

        def month_part(year: int) -> tuple[dt.date, dt.date]:
            return _clip(year, month, first), _clip(year, month, last)

        if month_m.group(3):
            start, end = month_part(int(month_m.group(3)))
            return _Found(start, end, "month")
        if pub is None:
            return _UNANCHORED
        span = _choose(_yearly(pub, month_part), pub, _modifier_choice(month_m.group(1), tense))
        return _Found(span[0], span[1], "month") if span else None
    if anchor in ("month", "this month", "next month", "last month") and part in lex.month_parts:
        if pub is None:
            return _UNANCHORED
        first, last = lex.month_parts[part]
        year, month = _add_months(pub.year, pub.month, {"next month": 1, "last month": -1}.get(anchor, 0))
        return _Found(_clip(year, month, first), _clip(year, month, last), "month")
    year_m = re.fullmatch(r"(\d{4})|(?:(this|last|next|coming) )?year", anchor)
    if not year_m or part not in lex.year_parts:
        return None
    (sm, sd), (em, ed), precision = lex.year_parts[part]

    def year_part(year: int) -> tuple[dt.date, dt.date]:
        return _clip(year, sm, sd), _clip(year, em, ed)

    if year_m.group(1):
        start, end = year_part(int(year_m.group(1)))
        return _Found(start, end, precision)
    if pub is None:
        return _UNANCHORED
    which = year_m.group(2)
    if which is None:  # "the end of the year": the one the tense points at
        span = _choose(_yearly(pub, year_part), pub, _tense_choice(tense))
    else:
        span = year_part(pub.year + {"last": -1, "next": 1, "coming": 1}.get(which, 0))
    return _found(span[0], span[1], precision) if span else None


# ---------------------------------------------------------------- absolute forms: dateparser


@dataclass(frozen=True, slots=True)
class _Shape:
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


_NUMERIC_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_RELATIVE_WORDS = re.compile(r"\b(ago|last|next|this|past|coming|week|weekend|yesterday|today|tomorrow|recent)")


@lru_cache(maxsize=20_000)
def _shape(t: str) -> _Shape | None:
    """Parse an absolute form with dateparser. It is asked twice, around two leap years four years apart: a year
    that comes out the same both times was written in the text; one that moves was inferred, and ``_place_year``
    infers it instead, by tense. Memoized: the answer depends on the text alone, dateparser is slow (about half
    the time spent reading events from parses) and news repeats its dates."""
    if _RELATIVE_WORDS.search(t) or len(t) > 40:
        return None
    if not (re.search(rf"\b({_MONTH_RE})\b", t) or _NUMERIC_DATE.fullmatch(t) or re.fullmatch(r"\d{4}", t)):
        return None
    t = re.sub(rf"^(?:{_WEEKDAY_RE}),? (?=.*\d)", "", t)  # "Thursday, September 28"
    first, second = _dateparser(2000).get_date_data(t), _dateparser(2004).get_date_data(t)
    if first.date_obj is None:
        return None
    d, period = first.date_obj, first.period
    explicit = second.date_obj is not None and second.date_obj.year == d.year
    year = d.year if explicit else None
    if period == "year":
        if not explicit:
            return None
        return _Shape(None, None, year)
    if period == "month":
        return _Shape(d.month, None, year)
    return _Shape(d.month, d.day, year)


def _place_year(shape: _Shape, pub: dt.date | None, choice: Choice) -> _Result:
    if shape.month is None:
        assert shape.year is not None
        return _Found(dt.date(shape.year, 1, 1), None, "year")
    month, day = shape.month, shape.day
    if shape.year is not None:
        if day is None:
            return _Found(dt.date(shape.year, month, 1), None, "month")
        return _Found(dt.date(shape.year, month, day), None, "day")
    if pub is None:
        return _UNANCHORED
    if day is None:
        span = _choose(_yearly(pub, lambda y: _month_span(y, month)), pub, choice)
        return _Found(span[0], None, "month") if span else None
    # reach 8: the nearest leap year for February 29 lies within it in either direction
    span = _choose(_yearly(pub, lambda y: (dt.date(y, month, day),) * 2, reach=8), pub, choice)
    return _Found(span[0], None, "day") if span else None


def _absolute(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    shape = _shape(t)
    return None if shape is None else _place_year(shape, pub, _tense_choice(tense))


# ---------------------------------------------------------------- ranges

_CONNECTOR = re.compile(r"\s+(?:to|and|through|thru|until|till|-)\s+|\s*[–—]\s*|(?<=\d)-(?=\d)")
_BARE_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?")


def _range(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    """'September 16 and 17', 'from January 8 to 9', '16-17 September', 'Dec 30, 2023 to Jan 2, 2024',
    'Monday and Tuesday'. The first half is placed by the tense; the second half follows it."""
    if _NUMERIC_DATE.fullmatch(t):
        return None
    body = re.sub(r"^(?:from|between) ", "", t)
    for m in _CONNECTOR.finditer(body):
        left, right = body[: m.start()].strip(" ,"), body[m.end() :].strip(" ,")
        if left and right:
            found = _range_halves(left, right, pub, tense)
            if found is not None:
                return found
    return None


def _range_halves(left: str, right: str, pub: dt.date | None, tense: Tense) -> _Result:
    lday, rday = _BARE_DAY.fullmatch(left), _BARE_DAY.fullmatch(right)
    lshape = None if lday else _shape(left)
    rshape = None if rday else _shape(right)
    if lday and rshape and rshape.day is not None:
        lshape = _Shape(rshape.month, int(lday.group(1)), rshape.year)
    if rday and lshape and lshape.day is not None:
        year = int(rday.group(2)) if rday.group(2) else lshape.year
        rshape = _Shape(lshape.month, int(rday.group(1)), year)
    if lshape and rshape and lshape.month and rshape.month:
        return _calendar_range(lshape, rshape, pub, tense)
    if lshape or rshape or lday or rday:
        return None
    first, second = _single(left, pub, tense), _single(right, pub, tense)
    if not isinstance(first, _Found) or not isinstance(second, _Found):
        return _UNANCHORED if _UNANCHORED in (first, second) and None not in (first, second) else None
    if left in _WEEKDAYS and right in _WEEKDAYS:  # "Monday to Wednesday": the second follows the first
        end = first.start + dt.timedelta(days=(_WEEKDAYS[right] - _WEEKDAYS[left]) % 7)
        return _Found(first.start, end, "day")
    end = second.end or second.start
    if end < first.start or first.precision != second.precision:
        return None
    return _Found(first.start, end, first.precision)


def _calendar_range(left: _Shape, right: _Shape, pub: dt.date | None, tense: Tense) -> _Result:
    lmonth, rmonth = left.month, right.month
    assert lmonth is not None and rmonth is not None
    precision: DatePrecision = "day" if left.day and right.day else "month"
    lkey, rkey = (lmonth, left.day or 1), (rmonth, right.day or 1)
    if left.year is None and right.year is not None:
        left = _Shape(lmonth, left.day, right.year if lkey <= rkey else right.year - 1)
    if left.year is None:
        placed = _place_year(_Shape(lmonth, left.day, None), pub, _tense_choice(tense))
        if not isinstance(placed, _Found):
            return placed
        left = _Shape(lmonth, left.day, placed.start.year)
    assert left.year is not None
    if right.year is None:
        right = _Shape(rmonth, right.day, left.year if rkey >= lkey else left.year + 1)
    assert right.year is not None
    start = dt.date(left.year, lmonth, left.day or 1)
    end = dt.date(right.year, rmonth, right.day) if right.day else _clip(right.year, rmonth, 31)
    if end < start:
        return None
    return _found(start, end, precision)


# ---------------------------------------------------------------- entry points


def _single(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    for rule in (_relative_day, _ago, _month_or_year):
        found = rule(t, pub)
        if found is not None:
            return found
    for ruled in (_named_day, _week, _weekday, _season, _relative_month, _part, _absolute):
        found = ruled(t, pub, tense)
        if found is not None:
            return found
    return None


def _expression(t: str, pub: dt.date | None, tense: Tense) -> _Result:
    found = _range(t, pub, tense) if _CONNECTOR.search(t) else None
    return found if found is not None else _single(t, pub, tense)


def _as_date(published: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    return published


# "in the last year", "over the past few weeks": a period running up to publication, not a date
_PERIOD = re.compile(r"\bthe (?:last|past)(?: (?:few|several|couple of|\d+|[a-z]+))? (?:day|week|month|year)s?\b")


def parse_date_expression(
    text: str, published: dt.date | None, *, tense: Literal["past", "present", "future"] = "past"
) -> DateResolution | None:
    """Resolve one temporal expression ("on Thursday", "last November", "September 16 and 17") against the
    publication date. ``tense`` decides which repeat of a calendar name is meant: past → the latest one that has
    begun, future → the earliest not yet over, present → the nearest. Returns None for text that names no date
    (or only orders the event around one: "before Thursday"); a relative expression without a publication date
    gives precision ``unresolved`` with ``date`` None."""
    if not text or not text.strip():
        return None
    t = _normalize(text)
    rest, ordering = _strip_leading(t, _lexicon().ordering)
    if ordering is not None or _PERIOD.search(t):
        return None
    t = _strip_introducers(rest)
    if not t:
        return None
    pub = _as_date(published)
    label = text.strip()
    try:
        found = _expression(t, pub, tense)
        # "on September 18 in New York": a date followed by a place or an occasion
        cuts = [m.start() for m in re.finditer(r" (?:in|at|on|during|for|with) ", t)]
        for cut in reversed(cuts) if found is None else ():
            found = _expression(_strip_introducers(t[:cut]), pub, tense)
            if found is not None:
                break
    except (ValueError, OverflowError):  # a publication date at the calendar's edge: no date, but no crash
        return DateResolution(None, None, "unresolved", label)
    if found is None:
        return None
    if isinstance(found, _Unanchored):
        return DateResolution(None, None, "unresolved", label)
    found = _found(found.start, found.end, found.precision)
    return DateResolution(found.start, found.end, found.precision, label)


# ---------------------------------------------------------------- finding the event's own expression

# Prepositions a date expression is widened to: "on Thursday", "by the year's end", "after May 3" (which the
# parser then refuses, the event being ordered against the date rather than on it).
_PREPOSITIONS = frozenset(
    "on in at by since from during over until till before after through throughout between around within".split()
)
# Entities a month or weekday word inside is part of a name, never a date.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT"})
_LEFT_MODIFIERS = {"early", "late", "mid", "last", "next", "this", "the", "earlier", "later", "coming", "past"}


def date_expressions(sent: Span) -> list[Span]:
    """Candidate temporal expressions of a sentence: spaCy's DATE entities, widened to their preposition ("on
    Thursday"), their "of the New Year" tail and a range's second half, plus month, weekday and season words the
    small model leaves untagged ("Blinken's June visit")."""
    doc = sent.doc
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        spans.append(_widen(doc, sent, ent.start, ent.end))
        taken.update(range(ent.start, ent.end))
    seasons = _lexicon().seasons
    for tok in tokens(sent):
        if tok.i in taken:
            continue
        low = tok.lower_.rstrip(".")
        if _in_name(tok):
            continue  # the "Jun" of Dong Jun, the "May" of Theresa May
        is_month = low in _MONTHS and tok.tag_ == "NNP" and len(low) > 2 and tok.is_title
        is_weekday = low in _WEEKDAYS and tok.is_title
        is_season = low in seasons and tok.i > sent.start and doc[tok.i - 1].lower_ in _LEFT_MODIFIERS | {"over"}
        if not (is_month or is_weekday or is_season):
            continue
        start, end = tok.i, tok.i + 1
        while start > sent.start and doc[start - 1].lower_ in _LEFT_MODIFIERS | {"-"}:
            start -= 1
        while end < sent.end and (doc[end].like_num or doc[end].lower_ == ","):
            if doc[end].lower_ == "," and not (end + 1 < sent.end and doc[end + 1].like_num):
                break
            end += 1
        spans.append(_widen(doc, sent, start, end))
        taken.update(range(start, end))
    unique = sorted(set(spans))
    return [doc[s:e] for s, e in unique]


def tells_its_own_time(sent: Span) -> bool:
    """Does the sentence say when things happened, whether or not that resolves to a date: a temporal
    expression, or a word of time ("days later", "again", "has repeatedly")? Its events do not take a date told
    in an earlier sentence."""
    words = _lexicon().own_time_words
    return any(tok.lower_ in words for tok in tokens(sent)) or bool(date_expressions(sent))


def _in_name(tok: Token) -> bool:
    """A word inside a longer name, next to another word of it ("Dong Jun", "Theresa May", "June Smith"); a
    possessor before it is no part of its name ("Blinken's June visit", which a model may tag as one name)."""
    if tok.ent_type_ not in _NAME_LABELS or tok.ent_iob_ not in ("B", "I"):
        return False
    doc = tok.doc
    before = doc[tok.i - 1] if tok.ent_iob_ == "I" else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I" else None
    return any(t is not None and t.pos_ == "PROPN" and t.tag_ != "POS" for t in (before, after))


def _widen(doc: Doc, sent: Span, start: int, end: int) -> tuple[int, int]:
    """Token bounds of a date expression grown to its full phrase."""
    # a range's second half the entity missed: "January 8" + "to 9"
    while end + 1 < sent.end and doc[end].lower_ in ("to", "and", "-", "–", "through") and doc[end + 1].like_num:
        end += 2
    # "the first day" + "of the New Year"
    if end + 1 < sent.end and doc[end].lower_ == "of":
        tail = end + 1
        while tail < sent.end and doc[tail].lower_ in ("the", "this", "next", "last"):
            tail += 1
        if tail < sent.end and (
            doc[tail].ent_type_ in ("DATE", "EVENT")
            or doc[tail].lower_.rstrip(".") in _MONTHS
            or doc[tail].lower_ in ("year", "month", "week", "new")
        ):
            end = tail + 1
            while end < sent.end and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == doc[tail].ent_type_:
                end += 1
            if doc[tail].lower_ == "new" and end < sent.end and doc[end].lower_ == "year":
                end += 1
    while start > sent.start and doc[start - 1].lower_ in ("the", "this", "last", "next"):
        start -= 1
    if start > sent.start and doc[start - 1].lower_ in _PREPOSITIONS:
        start -= 1
    return start, end


def _orders(path: list[Token]) -> bool:
    """The expression dates something the event is ordered against ("after a deep freeze earlier this year",
    "speaking ahead of Wednesday's hearing")."""
    words = _lexicon().ordering_words
    return any(tok.lower_ in words and tok.dep_ in ("prep", "mark", "advmod", "amod") for tok in path)


@dataclass(slots=True)
class ClauseCandidate:
    """An expression (a date here, a place in places/event.py) found near an event's trigger: where it attaches,
    in which clause, how many clause hops and tokens away; the resolvers rank candidates by these."""

    span: Span
    attach: Token
    clause: Token
    hops: int
    distance: int


def _candidates(sent: Span, trigger: Token, skip_to: int = 0) -> list[ClauseCandidate]:
    found = []
    for span in date_expressions(sent):
        if span.start <= trigger.i < span.end or span.start_char - sent.start_char < skip_to:
            continue
        root = span.root
        attach = root.head
        clause = clause_head(attach)
        path = path_to(attach, clause)
        if _orders(path):
            continue
        hops = 0 if attach.i == trigger.i or any(t.i == trigger.i for t in path) else len(path)
        found.append(ClauseCandidate(span, attach, clause, hops, abs(span.start - trigger.i)))
    return found


def _in_clause(candidates: list[ClauseCandidate], clause: Token) -> list[ClauseCandidate]:
    return sorted((c for c in candidates if c.clause.i == clause.i), key=lambda c: (c.hops, c.distance))


def _marker(clause: Token) -> str | None:
    for child in clause.children:
        if child.dep_ in ("mark", "advmod") and child.tag_ in ("IN", "WRB"):
            return child.lower_
    return None


ClauseRole = Literal["own", "simultaneous", "promised", "shared", "antecedent"]


def event_clauses(trigger: Token) -> Iterator[tuple[Token, ClauseRole]]:
    """Clauses whose modifiers (a date, a place) may belong to the trigger's event, best first: its own clause;
    a simultaneous "as/when" clause under it; the content of a commissive ("promised that by the year's end
    pandas would …": ``promised``, hence future); then, through "and", infinitives and non-ordering adverbial
    clauses, the clause above (``shared``), and from a gerund under a preposition that orders nothing ("led a
    group in calling on Rubio") the clause of the preposition's head; a bare participle of saying under the
    clause ("rejected the warrant, telling journalists in Banja Luka on Wednesday") is simultaneous. A relative
    clause ends with its antecedent ("in November, when they met"). Reported content (ccomp) never borrows its
    reporting verb's modifiers."""
    lex = _lexicon()
    clause = clause_head(trigger)
    for _ in range(len(trigger.sent)):
        yield clause, "own" if clause.i == clause_head(trigger).i else "shared"
        for child in clause.children:
            if child.dep_ == "advcl" and _marker(child) in lex.simultaneous_markers:
                yield child, "simultaneous"
            elif child.dep_ == "advcl" and child.tag_ == "VBG" and _marker(child) is None and \
                    child.lemma_.lower() in lex.manner_participles:
                yield child, "simultaneous"  # "rejected the warrant, telling journalists in Banja Luka on Wednesday"
            if child.dep_ in ("ccomp", "xcomp") and clause.lemma_.lower() in lex.commissive_lemmas:
                yield child, "promised"
        head = clause.head
        if head.i == clause.i:
            return
        if clause.dep_ == "relcl":
            yield head, "antecedent"
            return
        if clause.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ not in lex.ordering_words:
            clause = clause_head(head.head)  # "led a group in calling on Rubio": the gerund is the leading's act
            continue
        if clause.dep_ not in _SHARED_TIME or _marker(clause) in lex.ordering:
            return
        clause = clause_head(head)


def _ordered_candidates(sent: Span, trigger: Token, skip_to: int = 0) -> Iterator[tuple[ClauseCandidate, bool]]:
    """Date expressions that may date the trigger, best first; the flag marks a commissive's content (future)."""
    candidates = _candidates(sent, trigger, skip_to)
    for clause, role in event_clauses(trigger):
        if role == "antecedent":  # "in November, when they met"; "the summit this year, which Biden attended"
            on_it = (c for c in candidates if c.span.start <= clause.i < c.span.end or c.attach.i == clause.i)
            yield from ((c, False) for c in on_it)
        else:
            yield from ((c, role == "promised") for c in _in_clause(candidates, clause))


def event_tense(trigger: Token) -> Tense:
    """Tense of the trigger's clause, for choosing which Thursday or May a date means: the grammar's
    ``clause_tense`` with this module's planning words ("is planning a trip", "is expected to visit")."""
    return clause_tense(trigger, _lexicon().future_lemmas)


def resolve_event_date(sent: Span, trigger: Token, published: dt.date | None, skip_to: int = 0) -> DateResolution:
    """The date of the event whose trigger (verb or event noun) is ``trigger``: the temporal expression of the
    trigger's own clause, not the reporting verb's ("met Kritenbrink on Thursday, officials said on Friday" →
    Thursday). Clauses joined by "and", infinitives and "when/as" clauses share their head's date. Nothing found:
    the publication date with precision ``unresolved``. The sentence's first ``skip_to`` characters (a wire
    story's dateline, "BEIJING, June 19 (Reuters) -") are no part of its grammar and date nothing in it."""
    pub = _as_date(published)
    tense = event_tense(trigger)
    unanchored: str | None = None
    for cand, promised in _ordered_candidates(sent, trigger, skip_to):
        resolution = parse_date_expression(cand.span.text, pub, tense="future" if promised else tense)
        if resolution is None:
            continue
        if resolution.date is None:
            unanchored = unanchored or resolution.text
            continue
        return resolution
    return DateResolution(pub, None, "unresolved", unanchored)
