"""The actor knowledge base and the resolution of actor spans.

``resolve`` reads a noun phrase the way an event coder needs it read: one greedy longest-match pass finds every
known name, title, agent word and country word in the span, then a small decision picks the actor. A named person
wins (as of the event date: Wang Yi is foreign minister in 2022, director of the party's foreign affairs office
in spring 2023 and foreign minister again from July 2023); then a body; otherwise the actor is a group or an
office described by its words ("Chinese officials", "Norway's foreign minister"), whose holder the date names
when the knowledge base has one. The country comes from the span itself, never from a guess. That decision
lives in ``_decide`` and the modules it orders; this module loads the knowledge base and answers questions of it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from pathlib import Path

from ...records import Actor, ActorEntry
from ._cache import load_index
from ._countries import CountryFinder
from ._data import NON_STATE
from ._decide import Decider
from ._index import Entity, Index, Lex
from ._offices import holder
from ._span import Scanner
from ._standing import person_actor
from ._standing import term as term_on
from ._text import fold, key
from .context import DocumentActors

_WORD = re.compile(r"[A-Za-z0-9]+")
# Sectors (agents.yaml) of a state's organs and of armed groups: their agent words, with an office title, act for
# a country even when the sentence names none.
STATE_AGENT_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM", "REB", "UAF"})
_CONJ = frozenset({"and", "&", "or"})


class ActorKB:
    """Offline, time-aware knowledge of actors: countries, bodies, people with dated offices, agent words."""

    def __init__(self, index: Index) -> None:
        self._ix = index
        self._scanner = Scanner(index)
        self._countries = CountryFinder(index, self._scanner)
        self._decider = Decider(index)
        self._search_names: list[tuple[str, Entity]] | None = None

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> ActorKB:
        """The bundled knowledge base plus user files or directories (YAML or CSV) that add or replace entries.
        A bad entry raises ``ActorDataError("FILE:LINE: reason")``."""
        return cls(load_index(extra))

    @property
    def size(self) -> dict[str, int]:
        ix = self._ix
        return {
            "countries": sum(1 for c in ix.country_names if c not in NON_STATE),
            "people": sum(1 for e in ix.entities.values() if e.kind == "person"),
            "bodies": sum(1 for e in ix.entities.values() if e.kind == "body"),
            "terms": sum(len(e.terms) for e in ix.entities.values()),
            "aliases": ix.n_aliases,
        }

    def entity(self, ident: str) -> Entity | None:
        return self._ix.entities.get(ident)

    # ------------------------------------------------------------------ cheap questions
    @functools.cached_property
    def state_agent_words(self) -> frozenset[str]:
        """Lowercase one-word agent and office words of a state's organs or armed groups ("military", "court",
        "soldiers", "ministry", "militants"), not of people at large ("residents", "farmers"): a sentence acting
        through one of them and naming no country is about the country its story is about."""
        out: set[str] = set()
        for k, lexes in self._ix.lex.items():
            if " " in k:
                continue
            if any(lx.kind == "office" or (lx.kind == "agent" and lx.sector in STATE_AGENT_SECTORS)
                   for lx in lexes):
                out.add(k)
        return frozenset(out)

    @functools.lru_cache(maxsize=8)  # noqa: B019 -- a few sector sets, asked once per selector
    def agent_words(self, sectors: frozenset[str]) -> frozenset[str]:
        """Lowercase one-word agent words of the given ``sectors`` ("union", "party" for LAB, PTY)."""
        return frozenset(k for k, lexes in self._ix.lex.items()
                         if " " not in k and any(lx.kind == "agent" and lx.sector in sectors for lx in lexes))

    def is_candidate(self, sentence: str) -> bool:
        """Does the sentence mention any known actor word? Set lookups over its lowercase tokens, no alias loop."""
        ix = self._ix
        if ix.prefilter_cs is not None and ix.prefilter_cs.search(sentence):
            return True
        raw = _WORD.findall(fold(sentence))
        words = [w.lower() for w in raw]
        pairs = list(zip(words, words[1:], strict=False))
        if not ix.prefilter_uni.isdisjoint(words) or not ix.prefilter_bi.isdisjoint(pairs):
            return True
        caps = {w.lower() for w in raw if not w.islower()}
        if not caps:
            return False
        if not ix.prefilter_uni_proper.isdisjoint(caps):
            return True
        return any(p in ix.prefilter_bi_proper and (p[0] in caps or p[1] in caps) for p in pairs)

    def country_of_name(self, text: str) -> str | None:
        """ISO3 of a country name, alias or demonym: "China", "the US", "Chinese" -> "CHN"."""
        return self._whole(text, {"country", "demonym", "people"})

    def metonym_country(self, text: str) -> str | None:
        """Country whose capital or seat of government ``text`` names: "Beijing", "the White House"."""
        return self._whole(text, {"capital", "seat"})

    def readings(self, text: str) -> frozenset[str]:
        """The kinds of entry ``text``, whole, is a key of ("person", "surname", "country", "place", "agent" ...;
        none for a name the knowledge base does not hold). A dictionary look-up, no scan: cheap enough to ask of
        every full name of a document."""
        k = key(fold(text))
        return frozenset(lx.kind for table in (self._ix.lex, self._ix.lex_cs) for lx in table.get(k, ()))

    def _whole(self, text: str, kinds: set[str]) -> str | None:
        span = self._scanner.scan(text, None)
        items = [it for it in span.items if it.content]
        if len(items) != 1:
            return None
        codes = {lx.code for lx in items[0].lexes if lx.kind in kinds and lx.code}
        return codes.pop() if len(codes) == 1 else None

    def countries_in(self, text: str, press: bool = True) -> set[str]:
        """Countries a text mentions by name, demonym, capital, seat of government, place or a known full name.
        A body between a demonym and a title is a portfolio, not a mention ("Serbian Labour Minister": SRB only).
        Answered by ``CountryFinder``: the scan ``resolve`` uses, less what only resolution needs (the coder's
        prefilter asks this of nearly every sentence). ``press=False``: without the countries only a news outlet
        gives ("survivors told VOA", "Reuters reported"), which say who reports, not who takes part."""
        return self._countries.countries_in(text, press)

    def named_in(self, text: str, press: bool = True) -> tuple[set[str], set[str]]:
        """``countries_in`` and, from the same scan, the codes of the non-state actors the text names by name
        ("the UN Security Council", "NATO", "the IAEA": IGO): a sentence of theirs has an actor with a code."""
        return self._countries.named_in(text, press)

    def office_holder(self, country: str, offices: str | Sequence[str], on: dt.date | dt.datetime,
                      text: str = "") -> Actor | None:
        """The person holding an office of ``country`` (or of a body id) on ``on``: ``offices`` is an office name
        of ``agents.yaml`` ("president", "prime_minister", "monarch") or a list tried in order, the first office
        with exactly one holder on that date deciding (``["president", "monarch"]``: the head of state).
        ``text`` becomes the actor's ``text``. None when no office has a single holder then."""
        if isinstance(on, dt.datetime):
            on = on.date()
        for office in [offices] if isinstance(offices, str) else offices:
            office_holder = holder(self._ix, country, office, on)
            if office_holder is not None:
                lex = Lex("office", office=office, sector=self._ix.office_sectors.get(office))
                return person_actor(self._ix, text, office_holder, on, lex, False)
        return None

    # ------------------------------------------------------------------ search
    def search(self, text: str, on: dt.date | None = None, limit: int = 20) -> list[ActorEntry]:
        """People and bodies whose name or an alias has the words of ``text`` (any case, diacritics folded; the
        last word may be the start of one: "wang" finds Wang Yi and Wangchuck, not Ngawang), each as it stood on
        ``on``. Whole-word matches first, then those holding a term that day, then by name."""
        words = key(fold(text))
        if not words:
            return []
        pattern = re.compile(r"(?:^| )" + re.escape(words))
        whole = re.compile(r"(?:^| )" + re.escape(words) + r"(?: |$)")
        found: dict[str, tuple[Entity, bool]] = {}
        for name, e in self._names():
            if pattern.search(name):
                exact = bool(whole.search(name)) or found.get(e.id, (e, False))[1]
                found[e.id] = (e, exact)
        ranked = [(self._entry(e, on), exact) for e, exact in found.values()]
        ranked.sort(key=lambda x: (not x[1], x[0].standing not in ("active", "latest"), x[0].actor.name or "",
                                   x[0].actor.id or ""))
        return [entry for entry, _ in ranked[:limit]]

    def _names(self) -> list[tuple[str, Entity]]:
        """Every (lookup key, entity) pair: names and aliases; built on first search."""
        if self._search_names is None:
            pairs = {(key(fold(e.name)), e.id): e for e in self._ix.entities.values()}
            for table in (self._ix.lex, self._ix.lex_cs):
                for k, lexes in table.items():
                    for lx in lexes:
                        if lx.entity is not None:
                            pairs[(key(fold(k)), lx.entity.id)] = lx.entity
            self._search_names = [(name, e) for (name, _), e in pairs.items()]
        return self._search_names

    def _entry(self, e: Entity, on: dt.date | None) -> ActorEntry:
        term, how = term_on(e, on, None)
        if e.kind == "person":
            actor = person_actor(self._ix, e.name, e, on, None, False)
        else:
            actor = Actor(e.name, e.name, term.country if term else e.country, term.sector if term else e.sector,
                          e.id)
        if term is None:
            how = "active" if on is not None else "latest"
        return ActorEntry(actor=actor, kind=e.kind, title=term.title if term else None,
                          term_start=term.start if term else None, term_end=term.end if term else None,
                          standing=how)

    # ------------------------------------------------------------------ resolution
    def resolve(self, text: str, on: dt.date | None = None, context: DocumentActors | None = None) -> Actor | None:
        """The actor a noun phrase names as of ``on`` (the event date; None: its latest standing), or None when
        nothing about it is known. With ``context`` a bare surname can mean a person named earlier in the document,
        and every named person found is remembered there."""
        if isinstance(on, dt.datetime):
            on = on.date()
        if not text or not text.strip():
            return None
        span = self._scanner.scan(text, on)
        actor, entity = self._decider.decide(span, on, context)
        if actor is not None and context is not None:
            context.remember(actor, entity)
            if actor.country:
                context.countries.add(actor.country)
        return actor

    def resolve_all(self, text: str, on: dt.date | None = None, context: DocumentActors | None = None) -> list[Actor]:
        """Every actor of a coordinated span: "Beijing and Washington" -> [CHN GOV, USA GOV]; "Chinese and US
        officials" -> both GOV; "Israeli helicopters and tanks" -> one ISR MIL per conjunct."""
        span = self._scanner.scan(text, on)
        pieces: list[tuple[int, int]] = []
        start: int | None = None
        end = 0
        for it in span.items:
            if not it.lexes and it.low in _CONJ:
                if start is not None:
                    pieces.append((start, end))
                start = None
                continue
            if it.sep and it.low == "," and any(not x.lexes and x.low in _CONJ for x in span.items if x.i > it.i):
                if start is not None:
                    pieces.append((start, end))
                start = None
                continue
            if start is None:
                start = it.start
            end = it.end
        if start is not None:
            pieces.append((start, end))
        if len(pieces) < 2:
            actor = self.resolve(text, on, context)
            return [actor] if actor else []
        parts = [span.slice(a, b) for a, b in pieces]
        actors = [self.resolve(p, on, context) for p in parts]
        # a bare adjective takes the head noun after it ("Chinese, Russian and Iranian officials") ...
        for n in range(len(actors) - 2, -1, -1):
            actor, nxt = actors[n], actors[n + 1]
            if actor and nxt and actor.sector is None and nxt.sector and self.country_of_name(parts[n]):
                actors[n] = Actor(actor.text, None, actor.country, nxt.sector, None)
        # ... and a bare noun the country before it ("Israeli helicopters and tanks")
        for n in range(1, len(actors)):
            actor, prev = actors[n], actors[n - 1]
            if actor and prev and actor.country is None and prev.country:
                actors[n] = Actor(actor.text, actor.name, prev.country, actor.sector, actor.id)
        return [a for a in actors if a is not None]

@functools.cache
def default_kb() -> ActorKB:
    """The bundled knowledge base, loaded once per process."""
    return ActorKB.load()
