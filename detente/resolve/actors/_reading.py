"""What every step of the span decision reads: the span's heads, its country cues and the office it names.

Worked out once per span, before the steps (a named person, a body, a described actor) look at it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...records import Actor
from ._cues import Cue, country_cues
from ._index import Entity, Index, Lex
from ._offices import named_office
from ._span import Item, Span
from .context import DocumentActors

# what a step decides: the actor, and the knowledge-base entity behind it when there is one
Decision = tuple[Actor | None, Entity | None]


@dataclass(slots=True)
class Reading:
    span: Span
    text: str
    items: list[Item]  # the span's items without separators
    heads: list[Item]  # items that are neither a modifier nor a possessor (or before one)
    cues: list[Cue]
    office_item: Item | None
    office_lex: Lex | None
    on: dt.date | None
    ctx: DocumentActors | None


def read_span(ix: Index, span: Span, items: list[Item], on: dt.date | None, ctx: DocumentActors | None) -> Reading:
    # a possessor and what precedes it only say whose: "U.S. President Donald Trump's special envoy" is the
    # envoy; "Norway's foreign minister" is the minister
    owner_end = {it.seg: it.i for it in items if it.poss and not it.mod}
    heads = [it for it in items if not it.mod and it.i > owner_end.get(it.seg, -1)]
    cues = country_cues(ix, items, on, owner_end)
    office_item, office_lex = named_office(heads, cues)
    return Reading(span, span.text.strip(), items, heads, cues, office_item, office_lex, on, ctx)
