"""Which office a span names and who holds it on the date.

"US Secretary of State" in 2023 is Blinken, "Chinese ambassador to the US" the ambassador then; "Vice Foreign
Minister" is a subordinate of the office, not its holder; "the foreign minister" with no country is the one the
document named last.
"""

from __future__ import annotations

import datetime as dt

from ._cues import Cue
from ._data import NON_STATE
from ._index import COUNTRY_KINDS, Entity, Index, Lex
from ._span import Item
from ._standing import same_office
from .context import DocumentActors


def named_office(heads: list[Item], cues: list[Cue]) -> tuple[Item | None, Lex | None]:
    """The first head naming an office, and which office: one scoped to a country of the span, else a generic one."""
    for it in heads:
        if it.poss:
            continue
        offices = it.of("office")
        if offices:
            codes = {c.code for c in cues}
            scoped = [lx for lx in offices if lx.scopes and lx.scopes & codes]
            generic = [lx for lx in offices if not lx.scopes]
            return it, (scoped or generic or offices)[0]
    return None, None


def subordinate(items: list[Item], office_item: Item | None) -> bool:
    """ "Vice Foreign Minister", "assistant secretary of state": a subordinate of the office, not its holder."""
    if office_item is None:
        return False
    for it in items:
        if it.seg == office_item.seg and it.mod == office_item.mod and it.i < office_item.i:
            if any(lx.code == "subordinate" for lx in it.of("modifier")):
                return True
    nxt = next((it for it in items if it.i == office_item.j), None)
    return nxt is not None and any(lx.code == "subordinate" for lx in nxt.of("modifier"))


def holder_for(
    ix: Index,
    office: Lex,
    country: str | None,
    items: list[Item],
    on: dt.date | None,
    ctx: DocumentActors | None,
) -> Entity | None:
    """ "US Secretary of State" in 2023 -> Blinken; "Chinese ambassador to the US" -> the ambassador then."""
    if office.office is None:
        return None
    scope: str | None = None
    for it in items:
        if not it.mod or it.ptype != "other":
            for lx in it.of("body"):
                if lx.entity is not None and lx.entity.country in NON_STATE:
                    scope = lx.entity.id
    scope = scope or country
    if scope is None and office.code != "adhoc" and office.scopes and len(office.scopes) == 1:
        scope = next(iter(office.scopes))
    unknown_words = any(not it.lexes and it.cap for it in items)
    if scope is None:
        if ctx is not None and on is not None and not unknown_words:
            for seen in ctx.recent():
                e = seen.entity
                if e is not None and any(same_office(t, office) and t.scope == t.country for t in e.terms_at(on)):
                    return e
        return None
    if on is None:
        return None
    target = None
    for it in items:
        if it.mod and it.prep == "to":
            target = next((lx.code for lx in it.lexes if lx.kind in COUNTRY_KINDS), None) or target
    name = office.office if target is None else f"{office.office}>{target}"
    return holder(ix, scope, name, on)


def holder(ix: Index, scope: str, office: str, on: dt.date) -> Entity | None:
    """The one holder of ``office`` of a country or body on the date; None when there are none or several (a
    handover day goes to the successor)."""
    terms = ix.holders.get((scope, office), [])
    active = [(t, e) for t, e in terms if t.active(on)]
    if len({e.id for _, e in active}) > 1:
        starting = [(t, e) for t, e in active if t.start == on]
        if len({e.id for _, e in starting}) == 1:
            active = starting
    ents = {e.id: e for _, e in active}
    return next(iter(ents.values())) if len(ents) == 1 else None
