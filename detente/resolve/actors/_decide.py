"""The decision ``ActorKB.resolve`` makes once a span is scanned: which actor its items name.

A named person wins (as of the event date), then a body, otherwise an office holder, a group or a country
described by the span's words; the country always comes from the span itself. This module only orders the steps;
each lives in its own module (``_persons``, ``_bodies``, ``_described``) over what ``_reading`` reads of the span.
"""

from __future__ import annotations

import datetime as dt

from ._bodies import named_body, outlet_self_name
from ._described import described_actor
from ._index import COUNTRY_KINDS, Index
from ._names import unknown_name
from ._persons import named_person, recalled_person, surnamed_person
from ._reading import Decision, read_span
from ._span import Span
from ._standing import body_actor
from .context import DocumentActors


class Decider:
    """The decision over one index; stateless between calls."""

    def __init__(self, index: Index) -> None:
        self._ix = index

    def decide(self, span: Span, on: dt.date | None, ctx: DocumentActors | None) -> Decision:
        ix = self._ix
        items = [it for it in span.items if not it.sep]
        content = [it for it in items if it.content and not it.has("prep")]
        if not content:
            return None, None
        named = (*COUNTRY_KINDS, "person", "surname", "body", "local_body")
        if all(it.has("not_actor") and not it.has(*named) for it in content):
            return None, None
        if ctx is not None and ctx.outlet:
            text = span.text.strip()
            outlet = outlet_self_name(ix, text, ctx.outlet)
            if outlet is not None:
                return body_actor(text, outlet, on, [], None), outlet
        r = read_span(ix, span, items, on, ctx)
        # 1. a named person: a full name or alias, else a surname, else a name the document gave before
        found = named_person(ix, r) or surnamed_person(ix, r)
        if found is not None:
            return found
        name_run = unknown_name(ix, items)
        found = recalled_person(ix, r, name_run)
        if found is not None:
            return found
        # 2. a body; 3. an office holder, a group or a country, described by words
        return named_body(ix, r, name_run) or described_actor(ix, r, name_run)
