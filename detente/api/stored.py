"""The stored records read back: events (filtered), one event, its evidence, the documents; and the one write
besides ingesting, rebuilding the events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from detente.api.filters import event_query
from detente.api.stores import DbArg, opened
from detente.records import Document, Event, Mention


def events(db: DbArg = None, *, dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
           until: str | dt.date | None = None, type: str | None = None, channel: str | None = None,
           limit: int | None = None) -> Iterator[Event]:
    """Stored events, newest first. ``dyad``: "CHN-USA" (both countries, either direction); ``since``/``until``:
    YYYY, YYYY-MM, YYYY-MM-DD or a date (an event counts when its period overlaps); ``type``: a PLOVER type."""
    query = event_query(dyad=dyad, since=since, until=until, type=type, channel=channel, limit=limit)
    with opened(db, read_only=True) as store:
        found = store.events(query)
    return iter(found)


def event(db: DbArg, event_id: str) -> Event:
    """One event by its id or a unique prefix of it; ``LookupError`` when none or several match."""
    with opened(db, read_only=True) as store:
        matches = store.events_by_prefix(event_id.strip())
    if not matches:
        raise LookupError(f"no event with id {event_id!r}")
    if len(matches) > 1:
        raise LookupError(f"{event_id!r} matches several events; give more of the id")
    return matches[0]


def evidence(db: DbArg, event_id: str) -> list[tuple[Mention, Document]]:
    """The sentences behind one event: each mention with its document, oldest report first."""
    with opened(db, read_only=True) as store:
        return store.evidence(event_id)


def documents(db: DbArg = None) -> list[Document]:
    """Stored documents, oldest first."""
    with opened(db, read_only=True) as store:
        return store.documents()


def recluster(db: DbArg = None) -> None:
    """Rebuild every event from the stored mentions (after the clustering rule changed)."""
    with opened(db) as store:
        store.recluster()
