"""The decision ``ActorKB.resolve`` makes once a span is scanned: which actor its items name.

A named person wins (as of the event date), then a body, otherwise an office holder, a group or a country
described by the span's words; the country always comes from the span itself. Kept apart from ``kb`` (loading,
cheap questions, search) because it is the one part that reasons over a scanned span's items.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...records import Actor
from ._data import NON_STATE
from ._index import COUNTRY_KINDS, Entity, Index, Lex, Term, pick_sector
from ._span import Item, Span
from ._text import key
from .context import DocumentActors, retext


@dataclass(slots=True)
class _Cue:
    code: str
    kind: str
    pri: int  # 0: the head of the first part, 1: other parts' heads, 2: after "of"/"in"/"from"
    pos: int


class Decider:
    """The decision over one index; stateless between calls."""

    def __init__(self, index: Index) -> None:
        self._ix = index

    # ------------------------------------------------------------------ deciding
    def decide(self, span: Span, on: dt.date | None, ctx: DocumentActors | None) -> tuple[Actor | None, Entity | None]:
        items = [it for it in span.items if not it.sep]
        text = span.text.strip()
        content = [it for it in items if it.content and not it.has("prep")]
        if not content:
            return None, None
        named = (*COUNTRY_KINDS, "person", "surname", "body", "local_body")
        if all(it.has("not_actor") and not it.has(*named) for it in content):
            return None, None
        if ctx is not None and ctx.outlet:
            outlet = self._outlet(text, ctx.outlet)
            if outlet is not None:
                return self._body_actor(text, outlet, on, [], None), outlet
        # a possessor and what precedes it only say whose: "U.S. President Donald Trump's special envoy" is the
        # envoy; "Norway's foreign minister" is the minister
        owner_end = {it.seg: it.i for it in items if it.poss and not it.mod}
        heads = [it for it in items if not it.mod and it.i > owner_end.get(it.seg, -1)]
        cues = self._cues(items, on, owner_end)
        office_item, office_lex = self._office(heads, cues)
        # 1. a named person
        for it in heads:
            if it.poss or self._attributive(items, it):
                continue
            persons = [lx.entity for lx in it.of("person") if lx.entity is not None]
            if persons:
                entity = persons[0] if len(persons) == 1 else self._choose(persons, it, cues, office_lex, on, None)
                if isinstance(entity, Entity):
                    actor = self.person_actor(
                        text, entity, on, office_lex, self._former(items, it), self._title_sector(items, it)
                    )
                    return actor, entity
                if isinstance(entity, Actor):
                    return retext(entity, text), None
        for it in heads:
            if it.poss or self._attributive(items, it) or it.has(*COUNTRY_KINDS, "body", "local_body"):
                continue
            surnames = [lx.entity for lx in it.of("surname") if lx.entity is not None]
            if not surnames and not (it.cap and not it.lexes):
                continue
            neighbours = self._name_neighbours(items, it)
            if neighbours:
                # "Aftab Ahmad Khan Sherpao": a surname inside an unknown full name is not that surname's owner,
                # unless the other words are that person's names too ("Vladimir V. Putin")
                if not surnames or it.low in self._ix.weak_surnames:
                    continue
                surnames = [e for e in surnames if set(neighbours) <= set(key(e.name).split())]
                if not surnames:
                    continue
            picked = self._choose(surnames, it, cues, office_lex, on, ctx)
            if isinstance(picked, Entity):
                actor = self.person_actor(
                    text, picked, on, office_lex, self._former(items, it), self._title_sector(items, it)
                )
                return actor, picked
            if isinstance(picked, Actor):
                return retext(picked, text), None
        name_run = self._unknown_name(items)
        if name_run is not None and ctx is not None:
            run_key = " ".join(x.low for x in name_run)
            seen = ctx.recall(run_key) or (ctx.recall(name_run[-1].low) if len(name_run) == 1 else None)
            if seen is not None and seen.entity is not None:
                return self.person_actor(text, seen.entity, on, office_lex, False, None), seen.entity
            if seen is not None:
                return retext(seen.actor, text), None
        # 2. a body ("the Peking University Table Tennis Team", "UN peacekeepers", "China's Defense Ministry")
        for it in heads:
            if it.poss:
                continue
            for ent in self._bodies(it, cues, ctx):
                agents = [a for x in items if x.seg == it.seg and not x.mod and x is not it for a in x.of("agent")]
                person = name_run if name_run and (name_run[0].seg != it.seg or name_run[0].i > it.i) else None
                person_name = span.slice(person[0].start, person[-1].end) if person else None
                titles = [x for x in items if x.seg == it.seg and not x.mod and x.i > it.i and x.has("office")]
                if titles and office_lex is not None and not self._subordinate(items, titles[0]):
                    # "UN Secretary-General", "NATO chief": the office holder of the body on that date
                    holder = self.holder(ent.id, office_lex.office or "", on) if on and office_lex.office else None
                    if holder is not None:
                        return self.person_actor(text, holder, on, office_lex, False), holder
                    agents = agents + [Lex("agent", sector=office_lex.sector, rank=1)]
                return self._body_actor(text, ent, on, agents, person_name), ent
        # 3. an office holder, a group or a country, described by words
        return self._described(span, items, heads, cues, office_item, office_lex, name_run, on, ctx)

    def _described(
        self,
        span: Span,
        items: list[Item],
        heads: list[Item],
        cues: list[_Cue],
        office_item: Item | None,
        office_lex: Lex | None,
        name_run: list[Item] | None,
        on: dt.date | None,
        ctx: DocumentActors | None,
    ) -> tuple[Actor | None, Entity | None]:
        text = span.text.strip()
        country = self._country(cues, items)
        seg0 = [it for it in heads if it.seg == 0 and not it.poss]
        agents = self._agents(seg0) or self._agents([it for it in heads if not it.poss])
        former = any(lx.code == "former" for it in seg0 for lx in it.of("modifier"))
        if office_lex is not None and not former and not self._subordinate(items, office_item):
            holder = self._holder_for(office_item, office_lex, cues, country, items, on, ctx)
            if holder is not None:
                return self.person_actor(text, holder, on, office_lex, False), holder
        sector = pick_sector(agents)
        seats = [lx.sector for it in seg0 for lx in it.of("seat") if lx.sector]
        if seats and agents and all(a.rank == 0 for a in agents):
            sector = seats[0]  # "Pentagon officials": the seat's sector, as with a body
        if sector is None and office_lex is not None:
            sector = office_lex.sector
        if country is None:
            defaults = [lx.code for it in heads for lx in it.of("default_country")]
            if defaults and not any(c.pri < 2 for c in cues):
                country = defaults[0]
        name = span.slice(name_run[0].start, name_run[-1].end) if name_run else None
        if country is None and office_lex is not None and office_lex.code != "adhoc" and office_lex.scopes:
            if len(office_lex.scopes) == 1:  # "Secretary of State", "Treasury Secretary": only the US says so
                country = next(iter(office_lex.scopes))
        if sector is None and not agents:
            kinds = {c.kind for c in cues if c.code == country and c.pri == 0} or {
                c.kind for c in cues if c.code == country
            }
            sector = self._country_sector(kinds, items, country)
            if any(c.kind == "people" and c.pri == 0 for c in cues):
                sector = "CVL"  # "Albanians of southern Serbia": people, wherever they live
                kinds.discard("country")
            if country and name is None and kinds & {"country", "capital", "seat", "demonym"}:
                return Actor(text, self._ix.country_names.get(country), country, sector, f"country/{country}"), None
            if country and name is None and kinds & {"place", "city"}:
                places = (lx.name for it in items for lx in it.lexes if lx.kind in kinds and lx.code == country)
                place = next(places, None) or self._ix.country_names.get(country)
                return Actor(text, place, country, sector, None), None
        if former and (sector is None or sector in self._ix.former_elite):
            sector = "ELI"
        if country is None and sector is None:
            return None, None
        if country is None and name is None and not agents and office_lex is None:
            return None, None
        return Actor(text, name, country, sector, None), None

    # ------------------------------------------------------------------ pieces of the decision
    def _cues(self, items: list[Item], on: dt.date | None, owner_end: dict[int, int]) -> list[_Cue]:
        """Countries the span ties the actor to, best first."""
        cues: list[_Cue] = []
        prev: Item | None = None
        following = {it.i: nxt for it, nxt in zip(items, items[1:], strict=False) if nxt.i == it.j}
        first_names = _place_first_names(items)
        backed = {i for i, nxt in following.items() if any(lx.code == "backer" for lx in nxt.of("modifier"))}
        located = {i for i, nxt in following.items() if any(lx.code == "located" for lx in nxt.of("modifier"))}
        for it in items:
            if it.i in backed or it.i in first_names:
                prev = it
                continue
            if it.ptype == "other" and it.mod:
                prev = it
                continue
            pri = 2 if it.mod else (0 if it.seg == 0 else 1)
            blocked = prev is not None and any(lx.code in {"stance", "ethnic"} for lx in prev.of("modifier"))
            owner = it.poss or it.mod or it.i <= owner_end.get(it.seg, -1)
            if owner and not it.has(*COUNTRY_KINDS, "person", "body"):
                # "Xi's government", "Putin's spokesman": a possessor known by surname says whose
                countries = {self._entity_country(lx.entity, on) for lx in it.of("surname") if lx.entity}
                if len(countries) == 1 and it.low not in self._ix.weak_surnames:
                    code = countries.pop()
                    if code and code not in NON_STATE:
                        cues.append(_Cue(code, "person", pri, it.i))
            for lx in it.lexes:
                if lx.kind in COUNTRY_KINDS and lx.code and not (blocked and lx.kind in {"demonym", "people"}):
                    cues.append(_Cue(lx.code, "place" if it.i in located else lx.kind, pri, it.i))
                elif lx.kind in {"person", "body"} and lx.entity is not None and owner:
                    c = self._entity_country(lx.entity, on)
                    if c and c not in NON_STATE:
                        cues.append(_Cue(c, lx.kind, pri, it.i))
                elif lx.kind == "body" and lx.entity is not None and it.seg > 0:
                    c = self._entity_country(lx.entity, on)
                    if c and c not in NON_STATE:
                        cues.append(_Cue(c, lx.kind, pri, it.i))
            prev = it
        # a country named once is one cue, however often it recurs
        seen: set[tuple[str, int]] = set()
        out: list[_Cue] = []
        for cue in sorted(cues, key=lambda cue: (cue.pri, cue.pos)):
            if (cue.code, cue.pri) not in seen:
                seen.add((cue.code, cue.pri))
                out.append(cue)
        return out

    def _country(self, cues: list[_Cue], items: list[Item]) -> str | None:
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

    @staticmethod
    def _agents(items: list[Item]) -> list[Lex]:
        out: list[Lex] = []
        for it in items:
            offices = it.of("office")
            # "chief executive" is a business word, but "Hong Kong's chief executive" is an office
            out += [Lex("agent", sector=lx.sector, rank=1) for lx in offices] if offices else it.of("agent")
            out += [Lex("agent", sector=lx.sector, rank=0) for lx in it.of("marker") if lx.sector and it.cap]
        return out

    @staticmethod
    def _country_sector(kinds: set[str], items: list[Item], country: str | None) -> str | None:
        if "seat" in kinds:
            return next((lx.sector for it in items for lx in it.of("seat") if lx.code == country), "GOV")
        if "capital" in kinds:
            return "GOV"
        if kinds & {"city", "people"}:
            return "CVL"
        return None

    def _office(self, heads: list[Item], cues: list[_Cue]) -> tuple[Item | None, Lex | None]:
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

    @staticmethod
    def _subordinate(items: list[Item], office_item: Item | None) -> bool:
        """ "Vice Foreign Minister", "assistant secretary of state": a subordinate of the office, not its holder."""
        if office_item is None:
            return False
        for it in items:
            if it.seg == office_item.seg and it.mod == office_item.mod and it.i < office_item.i:
                if any(lx.code == "subordinate" for lx in it.of("modifier")):
                    return True
        nxt = next((it for it in items if it.i == office_item.j), None)
        return nxt is not None and any(lx.code == "subordinate" for lx in nxt.of("modifier"))

    @staticmethod
    def _bodies(it: Item, cues: list[_Cue], ctx: DocumentActors | None) -> list[Entity]:
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

    def _name_neighbours(self, items: list[Item], it: Item) -> list[str]:
        """Name words next to ``it`` (across particles such as "al" or "bin"): the rest of a name it is part of
        ("Anwar al-Bunni" is not Anwar Ibrahim, "Hector Paul Joseph" is not Arnel Joseph)."""
        out: list[str] = []
        by_start = {x.i: x for x in items}
        by_end = {x.j: x for x in items}
        for forward in (True, False):
            other = by_start.get(it.j) if forward else by_end.get(it.i)
            while other is not None and not other.lexes and other.low in self._ix.particles.joins:
                other = by_start.get(other.j) if forward else by_end.get(other.i)
            if other is None or other.seg != it.seg or other.mod != it.mod or not other.cap:
                continue
            if not other.lexes or all(lx.kind == "surname" for lx in other.lexes):
                out.append(other.low)
        return out

    @staticmethod
    def _title_sector(items: list[Item], target: Item) -> str | None:
        """Sector of the title words just before a name ("General Michel Aoun" -> MIL)."""
        sector = None
        for it in items:
            if it.seg != target.seg or it.mod != target.mod or it.i >= target.i:
                continue
            for lx in it.lexes:
                if lx.kind in {"marker", "agent"} and lx.sector and it.cap:
                    sector = lx.sector
        return sector

    @staticmethod
    def _former(items: list[Item], target: Item) -> bool:
        return any(
            lx.code == "former"
            for it in items
            if it.seg == target.seg and it.mod == target.mod and it.i < target.i
            for lx in it.of("modifier")
        )

    @staticmethod
    def _attributive(items: list[Item], it: Item) -> bool:
        """ "Biden administration", "Trump supporters", "Putin spokesman Peskov": the name modifies a noun after it."""
        for later in items:
            if later.i < it.j or later.seg != it.seg or later.mod != it.mod:
                continue
            if later.i == it.j and not later.lexes and later.cap:
                return True  # "Queen Elizabeth Central Hospital", "Xi Jinping Thought": a longer name
            if later.has("agent", "body", "local_body", "person", "default_country"):
                return True
            if later.has("office") and not later.has("marker"):
                return True
        return False

    def _unknown_name(self, items: list[Item]) -> list[Item] | None:
        """An unknown person's name: capitalised words that no entry explains ("Daniel Kritenbrink", "Li Zheng")."""
        runs: list[list[Item]] = []
        cur: list[Item] = []
        first_names = _place_first_names(items)
        for it in items:
            namelike = not it.lexes or all(lx.kind == "surname" for lx in it.lexes) or it.i in first_names
            unknown = namelike and not it.sep and (it.cap or bool(cur and it.low in self._ix.particles.joins))
            if unknown and (not cur or (cur[-1].seg == it.seg and cur[-1].mod == it.mod and cur[-1].j == it.i)):
                cur.append(it)
                if it.poss:
                    runs.append(cur)
                    cur = []
                continue
            if cur:
                runs.append(cur)
            cur = [it] if unknown else []
        if cur:
            runs.append(cur)
        for run in runs:
            while run and not run[-1].cap:
                run.pop()
            if not run or run[-1].poss or run[0].mod:
                continue
            nxt = next((x for x in items if x.i == run[-1].j), None)
            if nxt is not None and nxt.seg == run[-1].seg and nxt.has("agent", "body", "local_body", "office"):
                continue
            prev = next((x for x in items if x.j == run[0].i), None)
            # one word is a name only after a title ("President Bouteflicka", "spokesman Kalin"), not after a
            # capitalised word of a longer name ("National Day")
            titled = (
                prev is not None
                and prev.seg == run[0].seg
                and (prev.has("marker", "office") or (prev.has("agent") and not prev.cap))
            )
            if len(run) >= 2 or titled:
                return run
        return None

    def _choose(
        self,
        cands: list[Entity],
        it: Item,
        cues: list[_Cue],
        office: Lex | None,
        on: dt.date | None,
        ctx: DocumentActors | None,
    ) -> Entity | Actor | None:
        """Which person a (sur)name means: one named earlier in the document, else the only candidate that fits
        the span's country and title and holds a post on the date."""
        codes = {c.code for c in cues if c.pri < 2}
        if ctx is not None and it.low not in self._ix.not_surnames:
            seen = ctx.recall(it.low)
            if seen is not None:
                if seen.entity is not None and self._fits(seen.entity, codes, office, on):
                    return seen.entity
                if seen.entity is None and (not codes or seen.actor.country in codes):
                    return seen.actor
        if not cands:
            return None
        pool = cands
        if codes:
            pool = [e for e in pool if e.countries() & codes] or ([] if it.of("surname") else pool)
        if office is not None:
            titled = [e for e in pool if any(self._same_office(t, office) for t in e.terms)]
            pool = titled or pool
        if on is not None:
            active = [e for e in pool if e.terms_at(on)]
            pool = active or pool
        pool = list(dict.fromkeys(pool))
        weak = it.low in self._ix.weak_surnames and it.of("surname") and not it.of("person")
        if weak and not codes and office is None:
            return None
        if len(pool) == 1:
            return pool[0]
        if len(pool) > 1 and not weak:
            countries = {self._entity_country(e, on) for e in pool}
            if len(countries) == 1:
                sectors = {self.person_actor("", e, on, office, False).sector for e in pool}
                country = countries.pop()
                return Actor(it.low, None, country, sectors.pop() if len(sectors) == 1 else None, None)
        return None

    def _fits(self, e: Entity, codes: set[str], office: Lex | None, on: dt.date | None) -> bool:
        if codes and not e.countries() & codes:
            return False
        return (
            office is None or any(self._same_office(t, office) for t in e.terms) or not any(t.office for t in e.terms)
        )

    @staticmethod
    def _same_office(t: Term, office: Lex) -> bool:
        return t.office is not None and t.office.partition(">")[0] == office.office

    def _holder_for(
        self,
        office_item: Item | None,
        office: Lex,
        cues: list[_Cue],
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
                    if e is not None and any(
                        self._same_office(t, office) and t.scope == t.country for t in e.terms_at(on)
                    ):
                        return e
            return None
        if on is None:
            return None
        target = None
        for it in items:
            if it.mod and it.prep == "to":
                target = next((lx.code for lx in it.lexes if lx.kind in COUNTRY_KINDS), None) or target
        name = office.office if target is None else f"{office.office}>{target}"
        return self.holder(scope, name, on)

    def holder(self, scope: str, office: str, on: dt.date) -> Entity | None:
        terms = self._ix.holders.get((scope, office), [])
        active = [(t, e) for t, e in terms if t.active(on)]
        if len({e.id for _, e in active}) > 1:
            starting = [(t, e) for t, e in active if t.start == on]
            if len({e.id for _, e in starting}) == 1:
                active = starting
        ents = {e.id: e for _, e in active}
        return next(iter(ents.values())) if len(ents) == 1 else None

    def _entity_country(self, e: Entity, on: dt.date | None) -> str | None:
        term = self.term(e, on, None)[0]
        return term.country if term else e.country

    def term(
        self, e: Entity, on: dt.date | None, office: Lex | None, title_sector: str | None = None
    ) -> tuple[Term | None, str]:
        """The term that describes ``e`` on the date, and how: "active", "titled" (the text names the office),
        "past" (after its last term), "future" (before its first) or "latest" (no date)."""
        if on is None:
            if office is not None:
                matching = [t for t in e.terms if self._same_office(t, office)]
                if matching:
                    return max(matching, key=lambda t: t.start or dt.date.min), "latest"
            return e.latest(), "latest"
        active = e.terms_at(on)
        if office is not None:
            for t in active:
                if self._same_office(t, office):
                    return t, "active"
            # the text gives the title ("Arab League Secretary General Chadli Klibi"): it is the evidence, even
            # when the date falls outside the recorded term
            titled = [t for t in e.terms if self._same_office(t, office)]
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
        self,
        text: str,
        e: Entity,
        on: dt.date | None,
        office: Lex | None,
        former: bool,
        title_sector: str | None = None,
    ) -> Actor:
        term, how = self.term(e, on, office, title_sector)
        country = term.country if term else e.country
        sector = term.sector if term else e.sector
        name = e.name
        if term is not None and term.body and how != "past":
            name = term.body
        if how == "past" and e.kind == "person":
            if country in NON_STATE:
                country = e.country if e.country not in NON_STATE else country
            if sector in self._ix.former_elite:
                sector = "ELI"
        elif how == "future" and office is not None and e.kind == "person":
            sector = office.sector or sector
        if former and e.kind == "person":
            sector = "ELI"
            if country in NON_STATE and e.country not in NON_STATE:
                country, name = e.country, e.name
        return Actor(text, name, country, sector, e.id)

    def _body_actor(
        self, text: str, e: Entity, on: dt.date | None, agents: list[Lex], person_name: str | None
    ) -> Actor:
        term, _ = self.term(e, on, None)
        country = term.country if term else e.country
        sector = term.sector if term else e.sector
        strong = [a for a in agents if a.rank > 0]
        if strong:
            sector = pick_sector(strong) or sector
        if person_name and country not in NON_STATE:
            return Actor(text, person_name, country, sector, None)
        return Actor(text, e.name, country, sector, e.id)

    def _outlet(self, text: str, outlet: str) -> Entity | None:
        k = key(text).removeprefix("the ")
        owners = self._ix.self_names.get(k)
        if not owners:
            return None
        outlet_key = key(outlet).removeprefix("the ")
        for e in owners:
            lexes = self._ix.lex.get(outlet_key, []) + self._ix.lex_cs.get(outlet.strip(), [])
            if any(lx.entity is e for lx in lexes) or key(e.name).removeprefix("the ") == outlet_key:
                return e
        return None


def _place_first_names(items: list[Item]) -> set[int]:
    """Places that start a person's name ("Florence Ozor", "Georgia Meloni"): a city or region word followed by
    a capitalised word nothing explains."""
    out = set()
    for it, nxt in zip(items, items[1:], strict=False):
        if (
            nxt.i == it.j
            and nxt.cap
            and not nxt.lexes
            and it.lexes
            and all(lx.kind in {"city", "place"} for lx in it.lexes)
            and nxt.seg == it.seg
            and nxt.mod == it.mod
        ):
            out.add(it.i)
    return out


def _distance(t: Term, on: dt.date) -> int:
    if t.start is not None and on < t.start:
        return (t.start - on).days
    if t.end is not None and on > t.end:
        return (on - t.end).days
    return 0
