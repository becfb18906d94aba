"""Which person a span names: a full name or alias, else a surname, else a name the document gave before.

A surname means a person when the document named them before, or when the knowledge base has one candidate that
fits the span's country and title and holds a post on the date; very common surnames need the document or a title.
"""

from __future__ import annotations

import datetime as dt

from ...records import Actor
from ._cues import Cue
from ._index import COUNTRY_KINDS, Entity, Index, Lex
from ._names import attributive, former_before, name_neighbours, title_sector_before
from ._reading import Decision, Reading
from ._span import Item
from ._standing import entity_country, person_actor, same_office
from ._text import key
from .context import DocumentActors, retext


def named_person(ix: Index, r: Reading) -> Decision | None:
    """A head that is a known person's full name or alias."""
    for it in r.heads:
        if it.poss or attributive(r.items, it):
            continue
        persons = [lx.entity for lx in it.of("person") if lx.entity is not None]
        if persons:
            entity = persons[0] if len(persons) == 1 else choose(ix, persons, it, r.cues, r.office_lex, r.on, None)
            found = _named_at(ix, r, it, entity)
            if found is not None:
                return found
    return None


def surnamed_person(ix: Index, r: Reading) -> Decision | None:
    """A head that is a known surname, or a capitalised word the document named someone by."""
    for it in r.heads:
        if it.poss or attributive(r.items, it) or it.has(*COUNTRY_KINDS, "body", "local_body"):
            continue
        surnames = [lx.entity for lx in it.of("surname") if lx.entity is not None]
        if not surnames and not (it.cap and not it.lexes):
            continue
        neighbours = name_neighbours(ix, r.items, it)
        if neighbours:
            # "Aftab Ahmad Khan Sherpao": a surname inside an unknown full name is not that surname's owner,
            # unless the other words are that person's names too ("Vladimir V. Putin")
            if not surnames or it.low in ix.weak_surnames:
                continue
            surnames = [e for e in surnames if set(neighbours) <= set(key(e.name).split())]
            if not surnames:
                continue
        found = _named_at(ix, r, it, choose(ix, surnames, it, r.cues, r.office_lex, r.on, r.ctx))
        if found is not None:
            return found
    return None


def _named_at(ix: Index, r: Reading, it: Item, picked: Entity | Actor | None) -> Decision | None:
    """The person chosen for the name at ``it`` as the span's actor: a known one as of the date, with the title
    or "former" written before the name; an actor the document gave, under this span's text."""
    if isinstance(picked, Entity):
        actor = person_actor(ix, r.text, picked, r.on, r.office_lex, former_before(r.items, it),
                             title_sector_before(r.items, it))
        return actor, picked
    if isinstance(picked, Actor):
        return retext(picked, r.text), None
    return None


def recalled_person(ix: Index, r: Reading, name_run: list[Item] | None) -> Decision | None:
    """An unknown name the document used before ("Li Zheng" again, or "Zheng" alone)."""
    if name_run is None or r.ctx is None:
        return None
    run_key = " ".join(x.low for x in name_run)
    seen = r.ctx.recall(run_key) or (r.ctx.recall(name_run[-1].low) if len(name_run) == 1 else None)
    if seen is not None and seen.entity is not None:
        return person_actor(ix, r.text, seen.entity, r.on, r.office_lex, False, None), seen.entity
    if seen is not None:
        return retext(seen.actor, r.text), None
    return None


def choose(
    ix: Index,
    cands: list[Entity],
    it: Item,
    cues: list[Cue],
    office: Lex | None,
    on: dt.date | None,
    ctx: DocumentActors | None,
) -> Entity | Actor | None:
    """Which person a (sur)name means: one named earlier in the document, else the only candidate that fits
    the span's country and title and holds a post on the date."""
    codes = {c.code for c in cues if c.pri < 2}
    if ctx is not None and it.low not in ix.not_surnames:
        seen = ctx.recall(it.low)
        if seen is not None:
            if seen.entity is not None and _fits(seen.entity, codes, office):
                return seen.entity
            if seen.entity is None and (not codes or seen.actor.country in codes):
                return seen.actor
    if not cands:
        return None
    pool = cands
    if codes:
        pool = [e for e in pool if e.countries() & codes] or ([] if it.of("surname") else pool)
    if office is not None:
        titled = [e for e in pool if any(same_office(t, office) for t in e.terms)]
        pool = titled or pool
    if on is not None:
        active = [e for e in pool if e.terms_at(on)]
        pool = active or pool
    pool = list(dict.fromkeys(pool))
    weak = it.low in ix.weak_surnames and it.of("surname") and not it.of("person")
    if weak and not codes and office is None:
        return None
    if len(pool) == 1:
        return pool[0]
    if len(pool) > 1 and not weak:
        countries = {entity_country(e, on) for e in pool}
        if len(countries) == 1:
            sectors = {person_actor(ix, "", e, on, office, False).sector for e in pool}
            country = countries.pop()
            return Actor(it.low, None, country, sectors.pop() if len(sectors) == 1 else None, None)
    return None


def _fits(e: Entity, codes: set[str], office: Lex | None) -> bool:
    if codes and not e.countries() & codes:
        return False
    return office is None or any(same_office(t, office) for t in e.terms) or not any(t.office for t in e.terms)
