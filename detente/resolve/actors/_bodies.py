"""Which body a span names: "the Peking University Table Tennis Team", "UN peacekeepers", "China's Defense
Ministry", "The Post" in the Post's own story.

A generic name needs its country in the span or among the document's actors; a strong agent word after the body
gives the sector ("UN peacekeepers" -> IGO MIL); a body's office on a date names its holder ("UN
Secretary-General").
"""

from __future__ import annotations

from ._cues import Cue
from ._data import NON_STATE
from ._index import Entity, Index, Lex
from ._offices import holder, subordinate
from ._reading import Decision, Reading
from ._span import Item
from ._standing import body_actor, person_actor
from ._text import key
from .context import DocumentActors


def named_body(ix: Index, r: Reading, name_run: list[Item] | None) -> Decision | None:
    """The first head naming a body, as the actor (or its office holder on the date)."""
    items, office_lex, on = r.items, r.office_lex, r.on
    for it in r.heads:
        if it.poss:
            continue
        for ent in bodies(it, r.cues, r.ctx):
            agents = [a for x in items if x.seg == it.seg and not x.mod and x is not it for a in x.of("agent")]
            person = name_run if name_run and (name_run[0].seg != it.seg or name_run[0].i > it.i) else None
            person_name = r.span.slice(person[0].start, person[-1].end) if person else None
            titles = [x for x in items if x.seg == it.seg and not x.mod and x.i > it.i and x.has("office")]
            if titles and office_lex is not None and not subordinate(items, titles[0]):
                # "UN Secretary-General", "NATO chief": the office holder of the body on that date
                office_holder = holder(ix, ent.id, office_lex.office or "", on) if on and office_lex.office else None
                if office_holder is not None:
                    return person_actor(ix, r.text, office_holder, on, office_lex, False), office_holder
                agents = agents + [Lex("agent", sector=office_lex.sector, rank=1)]
            return body_actor(r.text, ent, on, agents, person_name), ent
    return None


def bodies(it: Item, cues: list[Cue], ctx: DocumentActors | None) -> list[Entity]:
    """The body an item names. A generic name ("Foreign Ministry", "Democratic Party") needs its country in
    the span or, failing that, among the document's actors; one alias shared by bodies of several countries
    ("RSF": Sudan's Rapid Support Forces or Reporters Without Borders) is settled the same way or not at all."""
    codes = {c.code for c in cues}
    own = {c.code for c in cues if c.pri == 0}
    seen = ctx.countries if ctx is not None else set()
    found: list[Entity] = []
    local: list[Entity] = []
    for lx in it.of("body", "local_body"):
        ent = lx.entity
        if ent is None:
            continue
        if own and ent.country not in own and ent.country not in NON_STATE:
            continue  # "Serbian Labour Minister": the body only qualifies a title of another country
        (local if lx.kind == "local_body" else found).append(ent)
    found += [e for e in local if e.country in codes] or ([] if found else [e for e in local if e.country in seen])
    if len({e.country for e in found}) > 1:
        narrowed = [e for e in found if e.country in codes] or [e for e in found if e.country in seen]
        found = narrowed if len({e.country for e in narrowed}) == 1 else []
    return found[:1]


def outlet_self_name(ix: Index, text: str, outlet: str) -> Entity | None:
    """The outlet itself when ``text`` is one of its self-names ("The Post" in the South China Morning Post)."""
    k = key(text).removeprefix("the ")
    owners = ix.self_names.get(k)
    if not owners:
        return None
    outlet_key = key(outlet).removeprefix("the ")
    for e in owners:
        lexes = ix.lex.get(outlet_key, []) + ix.lex_cs.get(outlet.strip(), [])
        if any(lx.entity is e for lx in lexes) or key(e.name).removeprefix("the ") == outlet_key:
            return e
    return None
