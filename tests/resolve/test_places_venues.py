"""A named venue's place from the whole document (resolve/places/venues.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.resolve.places.venues import named_venue_place, venue_name


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Xi met Biden on the sidelines of the APEC summit.", "met", "APEC summit"),
        ("Han met Blinken during the UN General Assembly.", "met", "UN General Assembly"),
        ("Wang criticized Washington at the G20 meetings on Friday.", "criticized", "G20 meetings"),
        ("Xi met Biden on the sidelines of the summit.", "met", None),  # an unnamed venue names nothing to find
        ("Xi met Biden after the APEC summit.", "met", None),  # ordered against it, not at it
    ],
)  # fmt: skip
def test_the_named_venue_an_event_hangs_on(nlp: Language, text: str, trigger: str, expected: str | None) -> None:
    doc = nlp(text)
    assert venue_name(next(t for t in doc if t.text == trigger)) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Xi will attend the APEC summit in San Francisco in November.", "APEC summit", ("San Francisco", "USA")),
        ("They last met at the Group of Twenty (G20) meetings in Bali, Indonesia.", "G20 meetings", ("Bali", "IDN")),
        ("the APEC summit hosted by the United States in San Francisco", "APEC summit", ("San Francisco", "USA")),
        ("the APEC summit hosted by the United States", "APEC summit", ("United States", "USA")),
    ],
)  # fmt: skip
def test_where_the_document_puts_a_venue(text: str, name: str, expected: tuple[str, str]) -> None:
    found = named_venue_place(text, name)
    assert found is not None and (found.name, found.country) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Xi will attend the APEC summit later this year.",  # never placed
        "Xi will travel to the APEC summit next week. He will meet Biden in Woodside.",  # another sentence's place
        "The G7 summit in Italy and the APEC meeting were discussed.",  # another venue's place
    ],
)
def test_a_venue_the_document_does_not_place_has_no_place(text: str) -> None:
    assert named_venue_place(text, "APEC summit") is None
