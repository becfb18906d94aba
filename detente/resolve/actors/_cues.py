"""Which country a span ties its actor to: every country cue it gives, best first, and the one that wins.

The head's own words come first ("Chinese officials"), then other apposition parts, then a modifier after
"of"/"in"/"from" ("president of Armenia"), or "for"/"to" after a role of someone acting for another ("a
spokesman for the Turkish foreign ministry"). A possessor known by surname says whose ("Xi's government"); a
country before "-backed" is the backer and a city before "-based" only a location.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ._data import NON_STATE
from ._index import COUNTRY_KINDS, Index
from ._names import place_first_names
from ._span import Item
from ._standing import entity_country


@dataclass(slots=True)
class Cue:
    code: str
    kind: str
    pri: int  # 0: the head of the first part, 1: other parts' heads, 2: after "of"/"in"/"from"
    pos: int


def country_cues(ix: Index, items: list[Item], on: dt.date | None, owner_end: dict[int, int]) -> list[Cue]:
    """Countries the span ties the actor to, best first."""
    cues: list[Cue] = []
    prev: Item | None = None
    following = {it.i: nxt for it, nxt in zip(items, items[1:], strict=False) if nxt.i == it.j}
    first_names = place_first_names(items)
    backed = {i for i, nxt in following.items() if any(lx.code == "backer" for lx in nxt.of("modifier"))}
    located = {i for i, nxt in following.items() if any(lx.code == "located" for lx in nxt.of("modifier"))}
    for it in items:
        if it.i in backed or it.i in first_names:
            prev = it
            continue
        if it.ptype == "other" and it.mod and not _serving(ix, items, it):
            prev = it
            continue
        pri = 2 if it.mod else (0 if it.seg == 0 else 1)
        blocked = prev is not None and any(lx.code in {"stance", "ethnic"} for lx in prev.of("modifier"))
        owner = it.poss or it.mod or it.i <= owner_end.get(it.seg, -1)
        if owner and not it.has(*COUNTRY_KINDS, "person", "body"):
            # "Xi's government", "Putin's spokesman": a possessor known by surname says whose
            countries = {entity_country(lx.entity, on) for lx in it.of("surname") if lx.entity}
            if len(countries) == 1 and it.low not in ix.weak_surnames:
                code = countries.pop()
                if code and code not in NON_STATE:
                    cues.append(Cue(code, "person", pri, it.i))
        for lx in it.lexes:
            if lx.kind in COUNTRY_KINDS and lx.code and not (blocked and lx.kind in {"demonym", "people"}):
                cues.append(Cue(lx.code, "place" if it.i in located else lx.kind, pri, it.i))
            elif lx.kind in {"person", "body"} and lx.entity is not None and owner:
                c = entity_country(lx.entity, on)
                if c and c not in NON_STATE:
                    cues.append(Cue(c, lx.kind, pri, it.i))
            elif lx.kind == "body" and lx.entity is not None and it.seg > 0:
                c = entity_country(lx.entity, on)
                if c and c not in NON_STATE:
                    cues.append(Cue(c, lx.kind, pri, it.i))
        prev = it
    # a country named once is one cue, however often it recurs
    seen: set[tuple[str, int]] = set()
    out: list[Cue] = []
    for cue in sorted(cues, key=lambda cue: (cue.pri, cue.pos)):
        if (cue.code, cue.pri) not in seen:
            seen.add((cue.code, cue.pri))
            out.append(cue)
    return out


def _serving(ix: Index, items: list[Item], it: Item) -> bool:
    """Does a "for"/"to" phrase say whose the head is ("a spokesman for the Turkish foreign ministry", "an adviser
    to the Kenyan president")? Only after a role of someone who acts for another (``serving_roles``)."""
    roles = ix.serving.get(it.prep or "")
    if not roles:
        return False
    head = next((x for x in reversed(items) if x.seg == it.seg and not x.mod and x.i < it.i and x.content), None)
    return head is not None and head.low.rsplit(" ", 1)[-1] in roles


def actor_country(cues: list[Cue], items: list[Item]) -> str | None:
    """The country of a described actor: the head's, unless the head is a people named by where they live."""
    if not cues:
        return None
    head = [c for c in cues if c.pri == 0]
    where = [c for c in cues if c.pri == 2 and c.kind in {"country", "place", "city", "capital", "seat"}]
    ethnic = any(lx.code == "ethnic" for it in items if not it.mod for lx in it.of("modifier"))
    if head and all(c.kind == "people" for c in head) and where:
        return where[0].code  # "Albanians of southern Serbia", "Palestinians living in the West Bank"
    if head and ethnic and all(c.kind in {"people", "demonym"} for c in head):
        return where[0].code if where else None
    people = [c for c in head if c.kind == "people"]
    if people and people[-1].pos > head[0].pos:
        return people[-1].code  # "Chinese Americans", "Palestinian Americans": the people noun is the head
    return cues[0].code
