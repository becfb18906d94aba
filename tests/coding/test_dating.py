"""What an event's date says: long ago means its actors are looked up as of then; after publication means it has
not happened yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from detente.coding.candidates import Candidate
from detente.coding.compose import load_composer
from detente.coding.dating import as_dated, far_from_publication
from detente.records import DateResolution

PUBLISHED = dt.date(2024, 3, 1)


def day(d: dt.date, precision: str = "day") -> DateResolution:
    return DateResolution(date=d, date_end=None, precision=precision, text=None)  # type: ignore[arg-type]


def test_an_event_half_a_year_from_publication_is_far() -> None:
    assert far_from_publication(day(dt.date(2023, 1, 1)), PUBLISHED)
    assert far_from_publication(day(dt.date(2025, 1, 1)), PUBLISHED)
    assert not far_from_publication(day(dt.date(2024, 1, 1)), PUBLISHED)
    assert not far_from_publication(day(dt.date(2023, 1, 1), "unresolved"), PUBLISHED)
    assert not far_from_publication(day(dt.date(2023, 1, 1)), None)


def test_a_meeting_dated_after_publication_is_an_intention(candidates: Callable[[str], list[Candidate]]) -> None:
    [cand] = candidates("Blinken met Wang Yi.")
    composer = load_composer()
    coded, modality = as_dated(cand, day(dt.date(2024, 3, 10)), PUBLISHED, composer)
    # compose.yaml: the intent to CONSULT is AGREE, CAMEO 036
    assert (coded.type, coded.cameo, modality) == ("AGREE", "036", "planned")


def test_a_day_of_slack_and_unresolved_dates_change_nothing(candidates: Callable[[str], list[Candidate]]) -> None:
    [cand] = candidates("Blinken met Wang Yi.")
    composer = load_composer()
    assert as_dated(cand, day(dt.date(2024, 3, 2)), PUBLISHED, composer) == (cand.coded, "asserted")
    assert as_dated(cand, day(dt.date(2024, 3, 10), "unresolved"), PUBLISHED, composer) == (cand.coded, "asserted")
    assert as_dated(cand, day(dt.date(2024, 3, 10)), None, composer) == (cand.coded, "asserted")


def test_a_conflict_dated_after_publication_is_planned_but_keeps_its_type(
        candidates: Callable[[str], list[Candidate]]) -> None:
    [cand] = candidates("Russia expelled two British diplomats.")
    coded, modality = as_dated(cand, day(dt.date(2024, 3, 10)), PUBLISHED, load_composer())
    assert (coded, modality) == (cand.coded, "planned")
