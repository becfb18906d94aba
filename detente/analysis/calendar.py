"""What comes next: announced exchanges (modality planned, dated in the future of the article that announced
them) as a calendar, each marked planned, held, cancelled or postponed from what later articles report.

A planned event is held when a later-reported asserted event shares a named actor with it (a person or a body,
by knowledge-base id, else by name) and is dated inside its window (with ``slack_days`` either side) and not
before the announcement. It is cancelled or postponed when a later report of the same kind of act (the
clustering's type family) sharing a named actor says so (``calendar.yaml`` words in its sentence) before the
window is over. Pure functions over stored ``Event`` records.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from detente import datafiles
from detente.clustering.rule import SEASON_MONTHS, family
from detente.records import Actor, Event

Status = Literal["planned", "held", "cancelled", "postponed"]


@dataclass(slots=True)
class Upcoming:
    """One announced exchange: the planned event, when it was announced, its window, and what became of it
    (``status``, with the later event that says so and its first report)."""

    event: Event
    announced: dt.date | None
    start: dt.date | None
    end: dt.date | None
    status: Status = "planned"
    outcome_event_id: str | None = None
    outcome_date: dt.date | None = None
    outcome_reported: dt.date | None = None
    outcome_sentence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        e = self.event
        return {
            "event_id": e.event_id, "type": e.type, "status": self.status,
            "start": _iso(self.start), "end": _iso(self.end), "date_text": e.date_text,
            "announced": _iso(self.announced), "actors": [a.name or a.text for a in [*e.source, *e.target]],
            "place": e.location.name if e.location else None, "sentence": e.sentence,
            "document_ids": list(e.document_ids), "outcome_event_id": self.outcome_event_id,
            "outcome_date": _iso(self.outcome_date), "outcome_reported": _iso(self.outcome_reported),
            "outcome_sentence": self.outcome_sentence,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(slots=True, frozen=True)
class _Cues:
    cancelled: re.Pattern[str]
    postponed: re.Pattern[str]
    slack: dt.timedelta
    undated: dt.timedelta


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    raw: dict[str, Any] = datafiles.load("detente.analysis", "data/calendar.yaml")

    def words(key: str) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in raw[key]) + r")\b", re.IGNORECASE)

    return _Cues(words("cancelled"), words("postponed"), dt.timedelta(days=int(raw["slack_days"])),
                 dt.timedelta(days=int(raw["undated_window_days"])))


def window(e: Event) -> tuple[dt.date, dt.date] | None:
    """The days an event's date covers: a month, a season, a year, a range, a day; None when undated or its
    date is only the publication day (precision unresolved)."""
    if e.date is None or e.date_precision == "unresolved":
        return None
    if e.date_end is not None:
        return e.date, max(e.date, e.date_end)
    if e.date_precision == "month":
        return e.date, e.date.replace(day=cal.monthrange(e.date.year, e.date.month)[1])
    if e.date_precision == "season":
        month = e.date.month - 1 + SEASON_MONTHS
        first_after = dt.date(e.date.year + month // 12, month % 12 + 1, 1)
        return e.date, first_after - dt.timedelta(days=1)
    if e.date_precision == "year":
        return e.date, dt.date(e.date.year, 12, 31)
    return e.date, e.date


def _keys(actors: Iterable[Actor]) -> set[str]:
    """Named actors (people and bodies, not whole countries) by id, else by name."""
    out: set[str] = set()
    for a in actors:
        if a.kind in ("person", "body"):
            out.add(a.id or "")
        elif a.id is None and a.name and len(a.name.split()) >= 2:
            out.add(a.name.lower())
    out.discard("")
    return out


def is_upcoming(e: Event) -> bool:
    """Planned, with a date or window that ends on or after the day it was first reported."""
    span = window(e)
    return e.modality == "planned" and span is not None and \
        (e.first_reported is None or span[1] >= e.first_reported)


def about_dyad(events: Sequence[Event], dyad: tuple[str, str]) -> set[str]:
    """Ids of the events that concern ``dyad``: both countries take part, or one does and a document reporting
    it also reports an exchange between the two ("Wang Yi is planning a trip in October" in an article on
    China–US exchanges)."""
    pair = set(dyad)

    def countries(e: Event) -> set[str]:
        return set(e.source_countries) | set(e.target_countries)

    both = [e for e in events if pair <= countries(e)]
    docs = {d for e in both for d in e.document_ids}
    return {e.event_id for e in both} | {e.event_id for e in events if countries(e) & pair
                                         and docs.intersection(e.document_ids)}


def upcoming(events: Sequence[Event], *, undated: bool = False, dyad: tuple[str, str] | None = None) -> list[Upcoming]:
    """The calendar: every announced exchange among ``events`` (with ``undated``, also planned ones with no date
    of their own, looked for within ``undated_window_days`` of the announcement; with ``dyad``, only those about
    it), by start date, each with the outcome later reports give it (from any of ``events``)."""
    cues = _cues()
    wanted = about_dyad(events, dyad) if dyad else None
    out: list[Upcoming] = []
    for p in events:
        if p.modality != "planned" or (wanted is not None and p.event_id not in wanted):
            continue
        span = window(p)
        if span is None or not is_upcoming(p):
            if not undated or p.first_reported is None or span is not None:
                continue
            span = (p.first_reported, p.first_reported + cues.undated)
        item = Upcoming(event=p, announced=p.first_reported, start=span[0], end=span[1])
        _outcome(item, p, span, events, cues)
        out.append(item)
    out.sort(key=lambda u: (u.start or dt.date.max, u.event.event_id))
    return out


def _outcome(item: Upcoming, p: Event, span: tuple[dt.date, dt.date], events: Sequence[Event], cues: _Cues) -> None:
    keys = _keys([*p.source, *p.target])
    if not keys or p.first_reported is None:
        return
    announced = p.first_reported
    for e in sorted(events, key=lambda x: (x.first_reported or dt.date.min, x.event_id)):
        if e.event_id == p.event_id or not keys & _keys([*e.source, *e.target]):
            continue
        reported = e.first_reported or e.date
        if reported is None or reported <= announced:
            continue
        text = e.sentence or ""
        said: Status | None = "cancelled" if cues.cancelled.search(text) else \
            "postponed" if cues.postponed.search(text) else None
        if said is not None and family(e.type) == family(p.type) and reported <= span[1] + cues.slack:
            _set(item, said, e)
            return
        held = window(e)
        if e.modality == "asserted" and held is not None and held[0] >= announced \
                and span[0] - cues.slack <= held[0] <= span[1] + cues.slack:
            _set(item, "held", e)
            return


def _set(item: Upcoming, status: Status, e: Event) -> None:
    item.status = status
    item.outcome_event_id = e.event_id
    item.outcome_date = e.date
    item.outcome_reported = e.first_reported
    item.outcome_sentence = e.sentence


def in_period(items: Iterable[Upcoming], since: dt.date | None, until: dt.date | None) -> list[Upcoming]:
    """The entries whose window overlaps [since, until]."""
    return [u for u in items if (since is None or (u.end or dt.date.max) >= since)
            and (until is None or (u.start or dt.date.min) <= until)]
