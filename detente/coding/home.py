"""The home country of a story: the one country its unnamed bodies belong to.

News written for a domestic audience rarely names its own country: a local outlet's story about its parliament,
police or unions says "the Government", "the Premier" and "Sydney", never "Australia". A sentence whose only
actors name no country ("Police arrested three protesters", "the Opposition leader accused the Government") is
parsed, and its actors given a country, only in a document whose home country is known (``selection.py``,
``participants.py``). The strict test (``selection.home_country``: named in three of the sentences worth parsing
and twice as often as any other) misses such a story; this module weighs wider evidence, in order of strength:

1. every sentence of the document, not only those worth parsing: the countries each names by name, demonym,
   capital, a place the gazetteer puts in one country ("Sydney", "Ontario", "Mumbai") or a person the knowledge
   base knows ("Prime Minister John Howard"), outlets left out ("told VOA" says who reports);
2. the dateline's place, once more: where the story was filed;
3. weakest: where the outlet is based (``data/home.yaml``, then a news body of the knowledge base). It decides
   a story that names no country, or one country in one sentence only (a passing mention, or a person's name
   the gazetteer reads as a place: "to Lindsay and myself", Canada), and counts once more for its country
   where that country leads the votes: a local outlet's story names its own country once, if at all ("Unions
   at Qantas ...", "the Federal Government"), while a story about abroad is left to the countries it names.

A story about two or more countries has no home unless one dominates (three times the sentences of any other):
there "the police" could be either's, and a wrong country costs precision.

Once known, the home is the country of the bodies and offices the story names without one (``participants.py``):
"the police", "the Opposition", and "the Prime Minister", who is then also the person holding that office of the
home country on the day (``office_at_home``: "the Prime Minister" of an Australian story of May 2000 is John
Howard, so "Mr Howard" later is the same person).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from detente import datafiles
from detente.records import Actor
from detente.resolve.places.gazetteer import _gazetteer, country_place, normalize_place

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB

# A story that names one country only (anywhere, its dateline counting as one more sentence) is about it when it
# names it twice: a local story names its cities and states, rarely its country, and one passing mention ("a rally
# in Kampala") is too little to make every body of the story that country's. Among other countries the home must
# be named in ``MIN_AMONG_OTHERS`` sentences and ``DOMINANCE`` times as many as the runner-up: the strict test's
# three parsed sentences and twice any other, scaled for counting every sentence (about half of a story's
# sentences are parsed: 1,444 of 2,744 on VOA) and its background paragraphs, which name other countries in passing.
MIN_ALONE = 2
MIN_AMONG_OTHERS = 6
DOMINANCE = 3
# runs of capitalized words, a leading "The" left out: the place names a sentence may hold ("near Nagpur")
_NAME_RUN = re.compile(r"\b(?:The\s+)?([A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)*)")
# sectors of the knowledge base's news bodies: an outlet resolved to one of these has a home
_PRESS_SECTORS = frozenset({"JRN", "MED"})


@dataclass(slots=True)
class HomeEvidence:
    """What a document says about where it is from: ``named``, the number of its sentences naming each country;
    ``dateline``, the country of its dateline's place; ``outlet``, the country its outlet is based in."""

    named: Counter[str] = field(default_factory=Counter)
    dateline: str | None = None
    outlet: str | None = None

    def add(self, countries: Iterable[str]) -> None:
        self.named.update(set(countries))


def wider_home(evidence: HomeEvidence) -> str | None:
    """The home country from the whole document (see the module's docstring), or None when nothing decides."""
    votes = Counter(evidence.named)
    if evidence.dateline:
        votes[evidence.dateline] += 1
    if not votes:
        return evidence.outlet
    if evidence.outlet and votes[evidence.outlet] == max(votes.values()):
        votes[evidence.outlet] += 1  # a local outlet's story names its own country once, if at all
    top = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    (country, n), rest = top[0], top[1:]
    if rest and n < DOMINANCE * rest[0][1]:
        return None  # about two countries: a body could be either's
    if n < (MIN_AMONG_OTHERS if rest else MIN_ALONE):
        # one passing mention ("to Lindsay and myself": a name the gazetteer puts in Canada) is weaker than a
        # local outlet: a local story names its own places, its country rarely
        return evidence.outlet if not rest and n == 1 else None
    return country


def places_named(kb: ActorKB, text: str) -> set[str]:
    """The countries of the places a sentence names that the knowledge base does not know but the gazetteer puts
    in one country only ("Nagpur", "Parramatta", "Bendigo"). A word opening the sentence is no place ("Police
    said": Police is a town in Poland), nor is a word the knowledge base knows as anything ("Police", a person's
    surname): the knowledge base's own reading of the sentence (``named_in``) has already counted those."""
    out: set[str] = set()
    for m in _NAME_RUN.finditer(text):
        name = m.group(1)
        if m.start() == 0 and " " not in name or kb.readings(name):
            continue
        country = gazetteer_country(name)
        if country is not None:
            out.add(country)
    return out


# capitalized runs of every sentence are looked up: a long-running ingest meets new ones without end, so the
# memo is bounded (as the knowledge base's per-text memo is)
@lru_cache(maxsize=1 << 16)
def gazetteer_country(name: str) -> str | None:
    """The one country a name is in, by the gazetteer: a region, or a city called by that very name whose every
    namesake is in the same country; None for a country's own name, a venue, a name of several countries'
    places ("Hamilton": Canada, New Zealand, Scotland) or one listed only as another city's alternate name."""
    gaz = _gazetteer()
    k = normalize_place(name)
    if not k or k in gaz.unplaced or k in gaz.countries or k in gaz.forced or k in gaz.landmarks:
        return None
    region = gaz.regions.get(k)
    cities = gaz.cities.get(k, [])
    found = {e.country for e in cities} | ({region.country} if region is not None else set())
    if len(found) != 1 or None in found:
        return None
    if region is None and not any(normalize_place(e.name) == k for e in cities):
        return None
    return found.pop()


def _key(name: str) -> str:
    return " ".join(name.casefold().removeprefix("the ").split())


def _data() -> dict[str, Any]:
    data: dict[str, Any] = datafiles.load("detente.coding", "data/home.yaml")
    return data


@cache
def held_sectors() -> frozenset[str]:
    """Sectors whose bodies of no country a story with a home holds for parsing (``held_sectors``)."""
    return frozenset(_data()["held_sectors"])


@cache
def crowd_acts() -> frozenset[str]:
    """Event types whose source, people at large of no country, is of the story's home (``crowd_acts``)."""
    return frozenset(_data()["crowd_acts"])


@cache
def _subnational() -> re.Pattern[str]:
    words = sorted(_data()["subnational_titles"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def office_at_home(kb: ActorKB, title: str, home: str, on: dt.date | None) -> Actor | None:
    """The person holding the office ``title`` names ("the Prime Minister", "the Treasurer") in the ``home``
    country on ``on``, when the knowledge base knows exactly one; None for a title of a state's or province's
    office (``subnational_titles``), a phrase longer than a title, or an office it does not know then."""
    if on is None or len(title.split()) > 4 or _subnational().search(title):
        return None
    country = country_place(home)
    if country is None:
        return None
    found = kb.resolve(f"{title} of {country.name}", on=on)
    if found is None or found.country != home or not (found.id or "").startswith("person/"):
        return None
    return Actor(title, found.name, home, found.sector, found.id)


@cache
def _outlet_table() -> dict[str, str | None]:
    table = _data()["outlets"]
    return {_key(name): (code or None) for name, code in table.items()}


def outlet_home(kb: ActorKB, outlet: str | None) -> str | None:
    """Where ``outlet`` is based: the data file's answer (null for an outlet whose stories are about anywhere),
    else the country of the news body the knowledge base resolves the whole name to."""
    if not outlet:
        return None
    table = _outlet_table()
    k = _key(outlet)
    if k in table:
        return table[k]
    actor = kb.resolve(outlet)
    if actor is None or actor.sector not in _PRESS_SECTORS or not actor.id or not actor.id.startswith("body/"):
        return None
    return actor.country
