"""The code tables exports translate through, all data files in ``data/``: ISO 3166 alpha-3 → FIPS 10-4 and
country name (``countries.tsv``, from GeoNames), → CAMEO country code where CAMEO differs from ISO
(``cameo_countries.tsv``); PLOVER sector → CAMEO type (``cameo_types.tsv``); intergovernmental bodies → CAMEO
codes (``igo_cameo.tsv``); detente channel → PLOVER context (``plover_contexts.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from detente import datafiles

PACKAGE = "detente.exports"
# PLOVER's non-state "country" codes (the knowledge base writes IGO, NGO, IMG and MNC): CAMEO uses them alike.
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "UNO", "EUR", "ISM"})


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    fips: str | None
    name: str


def _table(name: str) -> list[dict[str, str]]:
    rows: list[list[str]] = datafiles.load(PACKAGE, f"data/{name}")
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@cache
def _countries() -> dict[str, Country]:
    return {r["iso3"]: Country(r["iso3"], r["iso2"], r["fips"] or None, r["name"]) for r in _table("countries.tsv")}


@cache
def _pairs(name: str, key: str, value: str) -> dict[str, str]:
    return {r[key]: r[value] for r in _table(name)}


def country(iso3: str | None) -> Country | None:
    """The country an ISO alpha-3 code names; None for no code, a non-state code or one GeoNames lacks."""
    return _countries().get(iso3) if iso3 else None


def fips(iso3: str | None) -> str | None:
    found = country(iso3)
    return found.fips if found else None


def cameo_country(code: str | None) -> str | None:
    """The CAMEO country code: ISO alpha-3 but for the few codes CAMEO kept from before ISO changed them; the
    non-state codes (IGO, NGO, ...) as they are; None for no code."""
    if not code:
        return None
    return _pairs("cameo_countries.tsv", "iso3", "cameo").get(code, code)


def cameo_type(sector: str | None) -> str | None:
    """The CAMEO type (agent) code of a PLOVER sector; None where CAMEO has none (PRM, PRE, ...)."""
    return _pairs("cameo_types.tsv", "sector", "cameo").get(sector) if sector else None


def igo_code(actor_id: str | None) -> tuple[str, str] | None:
    """(full CAMEO code, known-group code) of an intergovernmental body the table lists: ("IGOUNO", "UNO")."""
    if not actor_id:
        return None
    row = _igo().get(actor_id)
    return (row["cameo"], row["group"]) if row else None


@cache
def _igo() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in _table("igo_cameo.tsv")}


def plover_context(channel: str | None) -> str | None:
    """The PLOVER context a detente channel falls under; None for people-to-people and other."""
    return (_pairs("plover_contexts.tsv", "channel", "context").get(channel) or None) if channel else None


@cache
def admin1_not_fips() -> frozenset[str]:
    """ISO alpha-2 codes of countries whose GeoNames admin1 codes are not FIPS 10-4 codes."""
    return frozenset(datafiles.entries(PACKAGE, "data/geonames_admin1_not_fips.txt"))


@cache
def columns(name: str) -> tuple[tuple[str, str], ...]:
    """(column, type) of a GDELT table in order (``gdelt_events.tsv``: the 61 event columns)."""
    return tuple((r["column"], r["type"]) for r in _table(name))
