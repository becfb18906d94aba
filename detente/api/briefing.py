"""The weekly brief: the week's exchanges, the index, quotes, numbers, stance and what's next for one dyad,
gathered through the other verbs and rendered as Markdown or one HTML file (docs/analysis.md)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from detente.api.analyses import index, numbers, quotes, tone, upcoming
from detente.api.filters import parse_dyad
from detente.api.knowledge import actor_kb
from detente.api.stored import events, evidence
from detente.api.stores import DbArg, PathLike, opened

if TYPE_CHECKING:
    from detente.analysis.brief import Brief


def brief(db: DbArg = None, *, week: str | dt.date, dyad: str | tuple[str, str] = "CHN-USA", format: str = "html",
          path: PathLike | None = None, actors: Sequence[PathLike] | None = None) -> str:
    """The weekly brief of ``dyad`` for the ISO week holding ``week``, as Markdown ("md") or one self-contained
    HTML file ("html"): the week's exchanges by channel with their sources, the index against the weeks before,
    quote of the week, notable number, outlet stance, what's next and what changed (docs/analysis.md). Returns
    the text; with ``path`` also writes it there (a Markdown brief's chart beside it, ``<stem>-index.svg``).
    An unknown dyad, week or format raises ``ValueError``."""
    from pathlib import Path

    from detente.analysis import brief as br

    fmt = br.parse_format(format)
    built = brief_data(db, week=week, dyad=dyad, actors=actors)
    if fmt == "md":
        chart = None
        if path is not None and built.index:
            target = Path(path)
            chart = br.write_chart(built, target.with_name(f"{target.stem}-index.svg")).name
        text = br.render(built, fmt, chart=chart)
    else:
        text = br.render(built, fmt)
    if path is not None:
        _write_text(Path(path), text)
    return text


def brief_data(db: DbArg = None, *, week: str | dt.date, dyad: str | tuple[str, str] = "CHN-USA",
               actors: Sequence[PathLike] | None = None) -> Brief:
    """What ``brief`` renders, before rendering (the dashboard's brief page shows it in its own layout)."""
    from detente.analysis import brief as br
    from detente.analysis.dyads import check_dyad

    start = br.parse_week(week)
    pair = parse_dyad(dyad) if isinstance(dyad, str) else dyad
    check_dyad(pair)
    end = start + dt.timedelta(days=6)
    last = start - dt.timedelta(days=7)
    lookback = start - dt.timedelta(weeks=br.settings().history_weeks)
    ahead = end + dt.timedelta(weeks=br.settings().upcoming_weeks)
    with opened(db, read_only=True) as store:
        these = list(events(store, dyad=pair, since=start, until=end))
        before = list(events(store, dyad=pair, since=last, until=last + dt.timedelta(days=6)))
        proof = {e.event_id: [d for _, d in evidence(store, e.event_id)] for e in these if br.in_week(e, start, end)}
        tones = tone(store, dyad=pair, since=start, until=end)
        return br.build(
            dyad=pair, week=start, events=these, previous=before, evidence=proof,
            index=index(store, dyad=pair, by="week", since=lookback, until=end),
            quotes=quotes(store, dyad=pair, since=start, until=end, actors=actors),
            earlier_quotes=quotes(store, dyad=pair, since=lookback, until=start - dt.timedelta(days=1), actors=actors),
            numbers=numbers(store, dyad=pair, since=start, until=end),
            earlier_numbers=numbers(store, dyad=pair, since=lookback, until=start - dt.timedelta(days=1)),
            stance=tones.stance, frames=tones.events,
            upcoming=upcoming(store, dyad=pair, since=start, until=ahead, undated=True),
            all_events=list(events(store, dyad=pair, since=lookback, until=ahead)),
            countries_in=actor_kb(actors).countries_in,
        )


def _write_text(path: os.PathLike[str], text: str) -> None:
    """Write whole or not at all: a temporary file beside the target, renamed over it."""
    from pathlib import Path

    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
