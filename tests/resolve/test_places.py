"""Places: the offline gazetteer, then each event place of the three seeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from detente import datafiles
from detente.records import Location
from detente.resolve.places import lookup_place, normalize_place, resolve_event_place
from tests.resolve.conftest import find

CHINA_US = ("USA", "CHN")


def located(found: Location | None) -> tuple[str, str | None, str]:
    assert found is not None
    return found.name, found.country, found.precision


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("Malta", (), ("Malta", "MLT", "country")),
        ("Washington", CHINA_US, ("Washington", "USA", "city")),
        ("Washington", ("GBR",), ("Washington", "USA", "city")),
        ("Washington, D.C.", (), ("Washington", "USA", "city")),
        ("Washington state", (), ("Washington State", "USA", "region")),
        ("New York", (), ("New York City", "USA", "city")),
        ("Beijing", (), ("Beijing", "CHN", "city")),
        ("the United States", (), ("United States", "USA", "country")),
        ("US", (), ("United States", "USA", "country")),
        ("U.S.", (), ("United States", "USA", "country")),
        ("California", (), ("California", "USA", "region")),
        ("Bali", (), ("Bali", "IDN", "region")),
        ("Xinjiang", (), ("Xinjiang", "CHN", "region")),
        ("Paris", ("USA",), ("Paris", "FRA", "city")),
        ("Georgia", ("USA",), ("Georgia", "USA", "region")),
        ("Georgia", (), ("Georgia", "GEO", "country")),
        ("New Delhi", (), ("New Delhi", "IND", "city")),
        ("Kiev", (), ("Kyiv", "UKR", "city")),
        ("Ürümqi", (), ("Ürümqi", "CHN", "city")),
        ("Urumqi", (), ("Ürümqi", "CHN", "city")),
        ("the White House", (), ("White House", "USA", "place")),
        ("Taiwan", CHINA_US, ("Taiwan", "TWN", "country")),
        ("Kosovo", (), ("Kosovo", "KOS", "country")),
    ],
)
def test_lookup(name: str, context: tuple[str, ...], expected: tuple[str, str, str]) -> None:
    found = lookup_place(name, context)
    assert located(found) == expected
    assert found is not None and found.text == name and found.lat is not None and found.lon is not None


@pytest.mark.parametrize("name", ["", "Apec", "the sidelines", "Xyzzyville"])
def test_unknown_names_are_none(name: str) -> None:
    assert lookup_place(name, CHINA_US) is None


def test_country_is_its_centroid_not_its_capital() -> None:
    malta = lookup_place("Malta")
    assert malta is not None and malta.lat is not None and malta.lon is not None
    assert 35.7 < malta.lat < 36.1 and 14.2 < malta.lon < 14.7
    usa = lookup_place("the US")
    assert usa is not None and usa.lat is not None and usa.lon is not None
    assert 30 < usa.lat < 45 and -105 < usa.lon < -85  # mid-continent, not Washington


def test_region_point_lies_in_the_region() -> None:
    cal = lookup_place("California")
    assert cal is not None and cal.lat is not None and cal.lon is not None
    assert 32.5 < cal.lat < 42 and -124.5 < cal.lon < -114


def test_normalize_place() -> None:
    assert normalize_place("the U.S.") == normalize_place("US") == "us"
    assert normalize_place("Ürümqi") == "urumqi"


_REGIONS: list[list[str]] = datafiles.load("detente.resolve", "place_data/regions.csv")


@pytest.mark.parametrize("row", [dict(zip(_REGIONS[0], r, strict=False)) for r in _REGIONS[1:]])
def test_every_curated_region_is_found_as_a_region_of_its_country(row: dict[str, str]) -> None:
    """Data integrity: no city or country of the gazetteer shadows a region the curated table lists."""
    found = lookup_place(row["name"], [row["country"]])
    assert found is not None and found.precision == "region" and found.country == row["country"]
    assert found.lat is not None and found.lon is not None


# ---------------------------------------------------------------- in sentences


PlaceOf = Callable[..., Location | None]


@pytest.fixture(scope="module")
def place_of(nlp: Language) -> PlaceOf:
    def run(text: str, trigger: str, context: tuple[str, ...] = CHINA_US) -> Location | None:
        doc = nlp(text)
        return resolve_event_place(doc[:], next(t for t in doc if t.text == trigger), context)

    return run


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Xi and Biden met at the Filoli estate in Woodside, California.", "met", ("Filoli", "USA", "place")),
        ("Blinken held talks at the Great Hall of the People in Beijing.", "held",
         ("Great Hall of the People", "CHN", "place")),
        ("The two leaders met in Paris, Texas.", "met", ("Paris", "USA", "city")),
        ("The two leaders met in Woodside, California.", "met", ("California", "USA", "region")),
        ("Talks were held in Washington on Friday.", "held", ("Washington", "USA", "city")),
        ("Blinken travelled to Beijing for talks.", "travelled", ("Beijing", "CHN", "city")),
        ("Sun Weidong met Daniel Kritenbrink in Washington on Thursday, officials in Beijing said.", "met",
         ("Washington", "USA", "city")),
        # the place hung on the person met is where the meeting was
        ("Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Monday.", "met",
         ("Beijing", "CHN", "city")),
        # a venue's own places, and failing those its host
        ("Xi met Biden at the APEC summit hosted by the United States in San Francisco.", "met",
         ("San Francisco", "USA", "city")),
        ("Xi met Biden at a summit hosted by Indonesia.", "met", ("Indonesia", "IDN", "country")),
        ("Wang Yi held talks with Blinken during the Indonesia-hosted ASEAN meeting.", "held",
         ("Indonesia", "IDN", "country")),
        ("Xi met Biden at a summit held in Bali.", "met", ("Bali", "IDN", "region")),
        # a capital named by its country, a place named after its kind
        ("Wang Yi met Jake Sullivan in the Austrian capital last month.", "met", ("Vienna", "AUT", "city")),
        ("Ukrainian and Russian officials met in the Turkish capital.", "met", ("Ankara", "TUR", "city")),
        ("Wang Yi met Jake Sullivan in China's capital.", "met", ("Beijing", "CHN", "city")),
        ("Wang Yi met Jake Sullivan in the Indian capital.", "met", ("New Delhi", "IND", "city")),
        ("Wang Yi met Jake Sullivan in the Swiss city of Geneva.", "met", ("Geneva", "CHE", "city")),
        ("Rebels attacked a convoy in the capital, Kabul, on Monday.", "attacked", ("Kabul", "AFG", "city")),
        # an attack named as the subject happened where it is placed
        ("An airstrike in Kandahar killed five militants.", "killed", ("Kandahār", "AFG", "city")),
        # a participle of saying under the act is the same act, at its place
        ("The minister rejected the warrant, telling reporters in Sarajevo on Wednesday that it was unfair.",
         "rejected", ("Sarajevo", "BIH", "city")),
        # a gerund under "in" is the act of the verb above
        ("In Washington, three senators led a group of lawmakers in calling on Rubio to act.", "calling",
         ("Washington", "USA", "city")),
    ],
)  # fmt: skip
def test_event_place(place_of: PlaceOf, text: str, trigger: str, expected: tuple[str, str, str]) -> None:
    assert located(place_of(text, trigger)) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Sun Weidong met Daniel Kritenbrink in Washington on Thursday, officials in Beijing said.", "said"),
        ("Wang, head of the party's office in Beijing, met Blinken.", "met"),
        ("Sullivan held talks with Wang covering Russia's war in Ukraine.", "held"),
        ("Beijing protested against the decision.", "protested"),
        ("The two ministers met on Thursday.", "met"),
        ("Officials from Japan met their counterparts.", "met"),
        ("Wang Yi met Jake Sullivan in the capital.", "met"),  # whose capital, the sentence does not say
        ("The Austrian capital's mayor met Blinken.", "met"),  # the capital qualifies a person
    ],
)
def test_no_place_is_no_guess(place_of: PlaceOf, text: str, trigger: str) -> None:
    assert place_of(text, trigger) is None


# ---------------------------------------------------------------- the seeds

# seed, phrase locating the sentence, trigger, (name, country, precision) or None
SEED_PLACES = [
    ("000", "visited Beijing over the summer", "visited", ("Beijing", "CHN", "city")),
    ("000", "Han Zheng also met Blinken", "met", ("New York City", "USA", "city")),
    ("000", "Jake Sullivan also held talks", "held", ("Malta", "MLT", "country")),
    ("000", "Jake Sullivan also held talks", "talks", ("Malta", "MLT", "country")),
    ("000", "Sun Weidong, China’s foreign", "met", ("Washington", "USA", "city")),
    ("000", "However, Chinese President Xi", "held", ("Bali", "IDN", "region")),
    ("000", "Xi was absent from the G20", "attended", ("New Delhi", "IND", "city")),
    ("000", "The Post reported earlier", "attending", ("San Francisco", "USA", "city")),
    ("000", "It also said Beijing and Washington", "visit", ("United States", "USA", "country")),
    ("000", "The last senior Chinese official to travel", "travel", ("Washington", "USA", "city")),
    ("000", "Wang Yi is planning a trip", "trip", None),
    ("000", "The Post reported earlier", "reported", None),
    ("001", "Coordination Talks were held", "held", ("Washington", "USA", "city")),
    ("001", "On Tuesday, Liu Jianchao", "visited", ("United States", "USA", "country")),
    ("001", "Meanwhile, the Peking University", "visit", ("United States", "USA", "country")),
    ("001", "After the San Francisco meeting", "meeting", ("San Francisco", "USA", "city")),
    ("001", "On the first day of the New Year", "exchanged", None),
    ("002", "Wang promised that", "comeback", ("California", "USA", "region")),
    ("002", "Wang promised that", "promised", ("California", "USA", "region")),
    ("002", "About to star in a beautiful program", "star", ("Hong Kong", "HKG", "country")),
]


@pytest.mark.parametrize(("seed", "phrase", "trigger", "expected"), SEED_PLACES)
def test_seed_event_place(
    seed_docs: dict[str, Doc], seed: str, phrase: str, trigger: str, expected: tuple[str, str, str] | None
) -> None:
    sent, tok = find(seed_docs[seed], phrase, trigger)
    found = resolve_event_place(sent, tok, CHINA_US)
    assert (located(found) if expected else found) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("BEIJING, June 19 (Reuters) - Chinese President Xi Jinping met", ("Beijing", "CHN")),
    ("WASHINGTON (AP) — The Senate voted", ("Washington", "USA")),
    ("NEW DELHI — India and Japan signed", ("New Delhi", "IND")),
    ("KYIV, Ukraine — Russian drones struck", ("Kyiv", "UKR")),
    ("The US said on Monday", None),
    ("NATO - the alliance", None),
])
def test_a_wire_storys_dateline_names_its_place(text: str, expected: tuple[str, str] | None) -> None:
    from detente.resolve.places import dateline_place

    found = dateline_place(text)
    assert (found.name, found.country) == expected if found else expected is None


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("BEIJING, June 19 (Reuters) - Chinese President Xi Jinping met", dt.date(2023, 6, 21),
     ("Beijing", dt.date(2023, 6, 19), "June 19")),
    ("WASHINGTON, D.C., Nov. 15, 2023 — President Biden hosted", None,
     ("Washington", dt.date(2023, 11, 15), "Nov. 15, 2023")),
    ("WASHINGTON, Dec. 31 (Xinhua) -- The foreign ministry said", dt.date(2024, 1, 2),  # filed the year before
     ("Washington", dt.date(2023, 12, 31), "Dec. 31")),
    ("GENEVA, 12 May (AFP) – Talks ended", dt.date(2025, 5, 12), ("Geneva", dt.date(2025, 5, 12), "12 May")),
    ("UNITED NATIONS, June 19 (Reuters) - The council met", dt.date(2023, 6, 19), (None, dt.date(2023, 6, 19),
                                                                                   "June 19")),
    ("BEIJING, June 19 (Reuters) - no publication date, no year", None, ("Beijing", None, "June 19")),
    ("BEIJING, June 25 (Reuters) - filed after it appeared", dt.date(2023, 6, 21), ("Beijing", None, "June 25")),
    ("WASHINGTON (AP) — The Senate voted", dt.date(2023, 6, 21), ("Washington", None, None)),
])
def test_a_datelines_day(text: str, published: dt.date | None,
                         expected: tuple[str | None, dt.date | None, str | None]) -> None:
    """The dateline's day is in the year that puts it on or just before publication; a day after publication or
    without any year to place it is no date."""
    from detente.resolve.places import read_dateline

    found = read_dateline(text)
    assert found is not None
    assert (found.place.name if found.place else None, found.date(published), found.date_text) == expected
    assert text[: found.length].rstrip().endswith(("-", "–", "—"))


@pytest.mark.parametrize(("name", "expected"), [
    ("Austrian", "Vienna"), ("American", "Washington"), ("U.S.", "Washington"), ("China", "Beijing"),
    ("Indian", "New Delhi"), ("Turkish", "Ankara"),
])
def test_capital_of_a_country_or_its_people(name: str, expected: str) -> None:
    from detente.resolve.places import capital_of

    found = capital_of(name)
    assert found is not None and found.name == expected and found.precision == "city"


def test_unknown_capitals_are_none() -> None:
    from detente.resolve.places import capital_of

    assert capital_of("Martian") is None and capital_of("Beijing") is None  # a city has no capital


def test_a_country_at_its_capital_keeps_its_name_and_precision() -> None:
    from detente.resolve.places import at_capital

    china = lookup_place("China")
    assert china is not None
    moved = at_capital(china)
    assert located(moved) == ("China", "CHN", "country")
    beijing = lookup_place("Beijing")
    assert beijing is not None and (moved.lat, moved.lon) == (beijing.lat, beijing.lon) != (china.lat, china.lon)
    assert at_capital(beijing) == beijing  # a city stays where it is


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("During the meeting, Blinken urged China to act.", "urged", True),
    ("At their talks, Wang criticized the United States.", "criticized", True),
    ("The talks focused on trade.", "talks", True),
    ("Blinken urged China to act during a meeting.", "urged", False),  # a meeting, not the one told before
    ("Blinken urged China to act.", "urged", False),
    ("Blinken urged China to act in the report.", "urged", False),
])
def test_an_act_hangs_on_the_meeting_told_before(nlp: Language, text: str, trigger: str, expected: bool) -> None:
    from detente.resolve.places import meeting_reference

    doc = nlp(text)
    assert meeting_reference(next(t for t in doc if t.text == trigger)) is expected
