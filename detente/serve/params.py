"""Query parameters to store queries: the HTTP names of the CLI's filters, shared by the JSON API and the pages.

A bad value raises ``BadParameter`` naming the parameter and what was expected; the app answers it with a 400.
A cursor is opaque to clients: the sort it belongs to and the last row's sort key, as URL-safe base64 JSON.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from detente.api import parse_dyad, parse_period
from detente.ontology import CHANNELS, MODALITIES, PLOVER_TYPES
from detente.store.queries import DOCUMENT_SORT, EVENT_SORTS, EventFilter, EventQuery, SortKey

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
MAX_TEXT = 200  # characters of a text search


class BadParameter(ValueError):
    """A query parameter that cannot be used: ``name`` and a one-line reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name


@dataclass(slots=True, frozen=True)
class EventSelection:
    """Which page of events a request asks for."""

    query: EventQuery
    extra: EventFilter
    form: dict[str, str]  # the filters as given (empty ones dropped), for links to the next page and forms


def _blank(value: str | None) -> str | None:
    value = value.strip() if value is not None else None
    return value or None


def _parsed(name: str, value: str | None, parse: Any) -> Any:
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as exc:
        raise BadParameter(name, str(exc)) from exc


def _one_of(name: str, value: str | None, allowed: tuple[str, ...] | list[str]) -> str | None:
    if value is not None and value not in allowed:
        raise BadParameter(name, f"expected one of {', '.join(allowed)}, got {value!r}")
    return value


def event_selection(*, dyad: str | None = None, since: str | None = None, until: str | None = None,
                    type: str | None = None, channel: str | None = None, modality: str | None = None,
                    outlet: str | None = None, q: str | None = None, sort: str | None = None,
                    limit: int | None = None, cursor: str | None = None) -> EventSelection:
    """The store query for these parameters (empty strings, as a form sends them, mean "not given")."""
    given = {"dyad": dyad, "since": since, "until": until, "type": type, "channel": channel, "modality": modality,
             "outlet": outlet, "q": q, "sort": sort}
    form = {k: v.strip() for k, v in given.items() if v is not None and v.strip()}
    dyad, since, until, type, channel = map(_blank, (dyad, since, until, type, channel))
    modality, outlet, q, sort = map(_blank, (modality, outlet, q, sort))
    sort = _one_of("sort", sort or "date", list(EVENT_SORTS)) or "date"
    if q is not None and len(q) > MAX_TEXT:
        raise BadParameter("q", f"at most {MAX_TEXT} characters")
    query = EventQuery(
        dyad=_parsed("dyad", dyad, parse_dyad),
        since=_parsed("since", since, lambda v: parse_period(v)[0]),
        until=_parsed("until", until, lambda v: parse_period(v)[1]),
        type=_one_of("type", type.upper() if type else None, PLOVER_TYPES),
        channel=_one_of("channel", channel, CHANNELS),
        limit=page_size(limit),
    )
    extra = EventFilter(modality=_one_of("modality", modality, MODALITIES), outlet=outlet, text=q, sort=sort,
                        after=decode_cursor(cursor, sort, EVENT_SORTS[sort]) if _blank(cursor) else None)
    return EventSelection(query=query, extra=extra, form=form)


def page_size(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_LIMIT
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter("limit", f"expected 1 to {MAX_LIMIT}, got {limit}")
    return limit


def document_after(cursor: str | None) -> tuple[Any, ...] | None:
    return decode_cursor(cursor, "documents", DOCUMENT_SORT) if _blank(cursor) else None


def day(name: str, value: str | None) -> dt.date | None:
    """An optional YYYY-MM-DD parameter."""
    value = _blank(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise BadParameter(name, f"expected YYYY-MM-DD, got {value!r}") from exc


# -- cursors ---------------------------------------------------------------------------------------------


def encode_cursor(sort: str, key: tuple[Any, ...]) -> str:
    values = [v.isoformat() if isinstance(v, dt.date) else v for v in key]
    raw = json.dumps({"s": sort, "k": values}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, sort: str, keys: tuple[SortKey, ...]) -> tuple[Any, ...]:
    """The sort key a cursor holds; it must come from a page in the same ``sort``."""
    bad = BadParameter("cursor", "not a cursor this server gave for this sort order")
    try:
        text = (cursor or "").strip()
        data = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        values = data["k"]
        if data["s"] != sort or not isinstance(values, list) or len(values) != len(keys):
            raise bad
        return tuple(_key_value(kind, value) for (_, _, kind), value in zip(keys, values, strict=True))
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise bad from exc


def _key_value(kind: str, value: Any) -> Any:
    if kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "str" and isinstance(value, str):
        return value
    raise ValueError(f"bad {kind} key")
