"""When did an event happen: temporal expressions resolved against the publication date and the event's tense.

News rarely writes full dates: "on Thursday", "last November", "over the summer" only mean something relative to
when the article appeared and whether the sentence looks back or ahead. dateparser reads the absolute forms well
(month names, abbreviations, numeric and ISO formats, explicit years); everything relative to the publication date
or the tense (weekdays, "last/next/this", seasons, parts of months and years, ranges, year inference) is ruled here,
with the vocabulary in ``date_data/calendar.yaml``. Conventions: docs/when_where.md.

The modules, from a sentence down to the calendar: ``finding`` (a sentence's date expressions), ``clauses``
(which clauses may hold an event's own date or place), ``event`` (one event's date), ``expression`` (one
expression resolved), ``ranges`` and ``single`` (ranges, and the rules in order), ``relative`` (counted from
publication), ``periods`` (named days, seasons, months, parts of months and years), ``absolute`` (dateparser's
forms, the year inferred by tense), ``result``, ``arithmetic`` (choosing a repeat) and ``vocabulary``.
"""

from detente.resolve.dates.arithmetic import Choice
from detente.resolve.dates.clauses import ClauseCandidate, ClauseRole, event_clauses
from detente.resolve.dates.event import event_tense, resolve_event_date
from detente.resolve.dates.expression import parse_date_expression
from detente.resolve.dates.finding import date_expressions, tells_its_own_time
from detente.syntax import Tense

__all__ = ["Choice", "ClauseCandidate", "ClauseRole", "Tense", "date_expressions", "event_clauses", "event_tense",
           "parse_date_expression", "resolve_event_date", "tells_its_own_time"]
