"""How an entity stands on a date: which of its terms describes it, and the actor it makes there.

A term of office carries the country and sector: Wang Yi is ``CHN GOV`` as foreign minister; a person after their
last term is former (``ELI`` where ``former_elite_sectors`` says so); a title the text gives is the evidence even
outside the recorded term ("Arab League Secretary General Chadli Klibi").
"""

from __future__ import annotations

import datetime as dt

from ...records import Actor
from ._data import NON_STATE
from ._index import Entity, Index, Lex, Term, pick_sector


def same_office(t: Term, office: Lex) -> bool:
    return t.office is not None and t.office.partition(">")[0] == office.office


def entity_country(e: Entity, on: dt.date | None) -> str | None:
    t = term(e, on, None)[0]
    return t.country if t else e.country


def term(e: Entity, on: dt.date | None, office: Lex | None, title_sector: str | None = None) -> tuple[Term | None, str]:
    """The term that describes ``e`` on the date, and how: "active", "titled" (the text names the office),
    "past" (after its last term), "future" (before its first) or "latest" (no date)."""
    if on is None:
        if office is not None:
            matching = [t for t in e.terms if same_office(t, office)]
            if matching:
                return max(matching, key=lambda t: t.start or dt.date.min), "latest"
        return e.latest(), "latest"
    active = e.terms_at(on)
    if office is not None:
        for t in active:
            if same_office(t, office):
                return t, "active"
        # the text gives the title ("Arab League Secretary General Chadli Klibi"): it is the evidence, even
        # when the date falls outside the recorded term
        titled = [t for t in e.terms if same_office(t, office)]
        if titled:
            return min(titled, key=lambda t: _distance(t, on)), "titled"
    if active:
        return active[0], "active"
    if title_sector is not None:
        sectored = [t for t in e.terms if t.sector == title_sector]
        if sectored:
            return min(sectored, key=lambda t: _distance(t, on)), "titled"
    past = [t for t in e.terms if t.end is not None and t.end < on]
    if past:
        return max(past, key=lambda t: t.end or dt.date.min), "past"
    future = [t for t in e.terms if t.start is not None and t.start > on]
    if future:
        return min(future, key=lambda t: t.start or dt.date.max), "future"
    return e.latest(), "latest"


def person_actor(
    ix: Index,
    text: str,
    e: Entity,
    on: dt.date | None,
    office: Lex | None,
    former: bool,
    title_sector: str | None = None,
) -> Actor:
    t, how = term(e, on, office, title_sector)
    country = t.country if t else e.country
    sector = t.sector if t else e.sector
    name = e.name
    if t is not None and t.body and how != "past":
        name = t.body
    if how == "past" and e.kind == "person":
        if country in NON_STATE:
            country = e.country if e.country not in NON_STATE else country
        if sector in ix.former_elite:
            sector = "ELI"
    elif how == "future" and office is not None and e.kind == "person":
        sector = office.sector or sector
    if former and e.kind == "person":
        sector = "ELI"
        if country in NON_STATE and e.country not in NON_STATE:
            country, name = e.country, e.name
    return Actor(text, name, country, sector, e.id)


def body_actor(text: str, e: Entity, on: dt.date | None, agents: list[Lex], person_name: str | None) -> Actor:
    t, _ = term(e, on, None)
    country = t.country if t else e.country
    sector = t.sector if t else e.sector
    strong = [a for a in agents if a.rank > 0]
    if strong:
        sector = pick_sector(strong) or sector
    if person_name and country not in NON_STATE:
        return Actor(text, person_name, country, sector, None)
    return Actor(text, e.name, country, sector, e.id)


def _distance(t: Term, on: dt.date) -> int:
    if t.start is not None and on < t.start:
        return (t.start - on).days
    if t.end is not None and on > t.end:
        return (on - t.end).days
    return 0
