"""One expression that is not a range: the rules, in the order they are tried; the first that applies answers."""

from __future__ import annotations

import datetime as dt

from detente.resolve.dates.absolute import absolute
from detente.resolve.dates.periods import named_day, part_of, relative_month, season
from detente.resolve.dates.relative import ago, month_of_year, month_or_year, relative_day, week, weekday
from detente.resolve.dates.result import Result
from detente.syntax import Tense


def single(t: str, pub: dt.date | None, tense: Tense) -> Result:
    for rule in (relative_day, ago, month_or_year, month_of_year):
        found = rule(t, pub)
        if found is not None:
            return found
    for ruled in (named_day, week, weekday, season, relative_month, part_of, absolute):
        found = ruled(t, pub, tense)
        if found is not None:
            return found
    return None
