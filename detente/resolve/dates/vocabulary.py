"""The calendar vocabulary event dates are read with: ``date_data/calendar.yaml`` and the month and weekday names.

The words are data (seasons, parts of months and years, named days, planning and ordering words); every rule of
this package reads them through ``lexicon()``, loaded once.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from detente import datafiles
from detente.readers.dates import MONTHS  # the one month table, date_data/calendar.yaml's
from detente.records import DatePrecision

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(WEEKDAYS)


@dataclass(frozen=True, slots=True)
class Lexicon:
    seasons: dict[str, tuple[tuple[int, int], tuple[int, int]]]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[tuple[int, int], tuple[int, int], DatePrecision]]
    named_days: dict[str, tuple[int, int]]
    relative_days: dict[str, int]
    numbers: dict[str, int]
    day_times: tuple[str, ...]
    day_edges: tuple[str, ...]
    introducers: tuple[str, ...]
    ordering: tuple[str, ...]
    ordering_words: frozenset[str]
    future_lemmas: frozenset[str]
    commissive_lemmas: frozenset[str]
    simultaneous_markers: frozenset[str]
    own_time_words: frozenset[str]
    manner_participles: frozenset[str]
    onset_participles: frozenset[str]
    means_participles: frozenset[str]


def _by_length(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def lexicon() -> Lexicon:
    raw: dict[str, Any] = datafiles.load("detente.resolve", "date_data/calendar.yaml")
    named = {name: (row["month"], row["day"]) for row in raw["named_days"] for name in row["names"]}
    return Lexicon(
        seasons={k: (tuple(v["start"]), tuple(v["end"])) for k, v in raw["seasons"].items()},
        month_parts={k: tuple(v) for k, v in raw["month_parts"].items()},
        year_parts={k: (tuple(v["start"]), tuple(v["end"]), v["precision"]) for k, v in raw["year_parts"].items()},
        named_days={_strip_the(k): v for k, v in named.items()},
        relative_days={_strip_the(k): v for k, v in raw["relative_days"].items()},
        numbers=raw["numbers"],
        day_times=_by_length(raw["day_times"]),
        day_edges=_by_length(raw["day_edges"]),
        introducers=_by_length(raw["introducers"]),
        ordering=_by_length(raw["ordering"]),
        ordering_words=frozenset(raw["ordering_words"]),
        future_lemmas=frozenset(raw["future_lemmas"]),
        commissive_lemmas=frozenset(raw["commissive_lemmas"]),
        simultaneous_markers=frozenset(raw["simultaneous_markers"]),
        own_time_words=frozenset(raw["own_time_words"]),
        manner_participles=frozenset(raw["manner_participles"]),
        onset_participles=frozenset(raw["onset_participles"]),
        means_participles=frozenset(raw["means_participles"]),
    )


def _strip_the(text: str) -> str:
    return text[4:] if text.startswith("the ") else text
