"""The gazetteer's derived classes of places (issue 12, session 13): every country's first-order subdivisions
(``provinces.csv``) and the areas no one country holds, seas, straits and disputed territories (``areas.csv``)."""

from __future__ import annotations

import pytest

from detente import datafiles
from detente.coding.home import gazetteer_country
from detente.resolve.places import lookup_place
from tests.resolve.conftest import PlaceOf


def _table(name: str) -> list[dict[str, str]]:
    rows: list[list[str]] = datafiles.load("detente.resolve", f"place_data/{name}")
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:]]


@pytest.mark.parametrize(
    ("name", "country"),
    [("Zamfara", "NGA"), ("Manipur", "IND"), ("Jammu and Kashmir", "IND"),
     ("Federally Administered Tribal Areas", "PAK"), ("Queensland", "AUS"), ("Somaliland", "SOM")],
)  # fmt: skip
def test_a_subdivision_is_a_region_of_its_country_at_a_point(name: str, country: str) -> None:
    found = lookup_place(name)
    assert found is not None and (found.name, found.country, found.precision) == (name, country, "region")
    assert found.lat is not None and found.lon is not None


@pytest.mark.parametrize(
    ("text", "name"),
    [("the South China Sea", "South China Sea"), ("the Taiwan Strait", "Taiwan Strait"),
     ("the Strait of Hormuz", "Strait of Hormuz"), ("the Red Sea", "Red Sea"), ("the Black Sea", "Black Sea"),
     ("the Golan Heights", "Golan Heights"), ("Kashmir", "Kashmir"), ("the Diaoyu Islands", "Senkaku Islands"),
     ("Bab al-Mandab", "Bab el-Mandeb")],
)  # fmt: skip
def test_an_area_no_country_holds_has_a_point_and_no_country(text: str, name: str) -> None:
    found = lookup_place(text)
    assert found is not None and (found.name, found.country, found.precision) == (name, None, "region")
    assert found.lat is not None and found.lon is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Central", "city"), ("Delta", "city"), ("Lagos", "city"), ("Kano", "city"), ("Niger", "country")],
)
def test_a_subdivision_never_shadows_a_city_or_country(name: str, expected: str) -> None:
    found = lookup_place(name)
    assert found is not None and found.precision == expected


@pytest.mark.parametrize(
    "name", ["Punjab", "Kerry", "Paul", "Bruce", "Has", "Rivers", "Plateau", "Bay", "Northern", "Atlantic"]
)
def test_a_word_a_person_or_a_shared_name_is_no_subdivision(name: str) -> None:
    found = lookup_place(name)
    assert found is None or found.precision != "region"


def test_an_actor_takes_a_country_from_a_subdivision_but_none_from_a_sea() -> None:
    assert gazetteer_country("Zamfara") == "NGA"
    assert gazetteer_country("South China Sea") is None
    assert gazetteer_country("Golan Heights") is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen attacked a village in Zamfara on Sunday.", "attacked", ("Zamfara", "NGA")),
        ("Chinese and Philippine vessels collided in the South China Sea.", "collided", ("South China Sea", None)),
        ("Iran held naval drills in the Strait of Hormuz.", "held", ("Strait of Hormuz", None)),
        ("A US destroyer sailed in the Taiwan Strait on Tuesday.", "sailed", ("Taiwan Strait", None)),
        ("Houthi rebels attacked a ship in the Red Sea.", "attacked", ("Red Sea", None)),
        ("Indian troops fired on protesters in Kashmir.", "fired", ("Kashmir", None)),
    ],
)
def test_an_event_is_placed_in_a_subdivision_or_at_sea(place_of: PlaceOf, text: str, trigger: str,
                                                        expected: tuple[str, str | None]) -> None:
    found = place_of(text, trigger)
    assert found is not None and (found.name, found.country) == expected


def test_tables_are_well_formed() -> None:
    provinces = _table("provinces.csv")
    assert len(provinces) > 2000 and all(len(r["country"]) == 3 for r in provinces)
    areas = _table("areas.csv")
    assert all(-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180 for r in areas)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The prince met with Rubio in the Red Sea port city of Jeddah.", "met", ("Jeddah", "SAU")),
        ("The ministers met in the Black Sea resort of Sochi.", "met", ("Sochi", "RUS")),
    ],
)
def test_a_place_that_says_where_a_named_place_lies_is_not_the_place(place_of: PlaceOf, text: str, trigger: str,
                                                                     expected: tuple[str, str | None]) -> None:
    found = place_of(text, trigger)
    assert found is not None and (found.name, found.country) == expected
