"""Issue 5's target, measured end to end: the dates and places the coder gives the seed events whose text
states them. Each row: (seed, sentence fragment, event type, date, date_end, precision, place name fragment,
place country). The share right must stay at or above 90% for dates and for places."""

from __future__ import annotations

import datetime as dt

from detente.records import Mention

D = dt.date
CASES: list[tuple[str, str, str, D, D | None, str, str | None, str | None]] = [
    ("000", "visited Beijing over the summer", "CONSULT", D(2023, 6, 1), D(2023, 8, 31), "season", "Beijing", "CHN"),
    ("000", "met Blinken on September 18", "CONSULT", D(2023, 9, 18), None, "day", "New York", "USA"),
    ("000", "Blinken’s June visit", "CONSULT", D(2023, 6, 1), None, "month", None, None),
    ("000", "September 16 and 17 in Malta", "CONSULT", D(2023, 9, 16), D(2023, 9, 17), "day", "Malta", "MLT"),
    ("000", "met Daniel Kritenbrink", "CONSULT", D(2023, 9, 28), None, "day", "Washington", "USA"),
    ("000", "have not met since last November", "CONSULT", D(2022, 11, 1), None, "month", "Bali", "IDN"),
    ("000", "planning a trip in October", "AGREE", D(2023, 10, 1), None, "month", None, None),
    ("000", "who visited in late May", "CONSULT", D(2023, 5, 21), None, "month", "Washington", "USA"),
    ("001", "exchanged congratulatory letters", "SUPPORT", D(2024, 1, 1), None, "day", None, None),
    ("001", "Defense Policy Coordination Talks", "CONSULT", D(2024, 1, 8), D(2024, 1, 9), "day", "Washington", "USA"),
    ("001", "On Tuesday, Liu Jianchao", "CONSULT", D(2024, 1, 9), None, "day", "United States", "USA"),
    ("002", "by the year's end", "AGREE", D(2024, 12, 1), None, "month", "California", "USA"),
]


def _find(records: list[Mention], fragment: str, type_: str) -> list[Mention]:
    return [r for r in records if fragment in r.sentence and r.type == type_]


def test_seed_dates_and_places_reach_the_target(seeds) -> None:
    dates_right = places_right = places_total = 0
    wrong: list[str] = []
    for seed, fragment, type_, date, date_end, precision, place, country in CASES:
        found = _find(seeds[seed][1], fragment, type_)
        date_ok = any(r.date == date and r.date_precision == precision
                      and (date_end is None or r.date_end == date_end) for r in found)
        dates_right += date_ok
        if not date_ok:
            wrong.append(f"date {seed} {fragment!r}: {[(r.date, r.date_end, r.date_precision) for r in found]}")
        if place is not None:
            places_total += 1
            place_ok = any(r.location is not None and place in r.location.name and r.location.country == country
                           for r in found)
            places_right += place_ok
            if not place_ok:
                wrong.append(f"place {seed} {fragment!r}: {[r.location for r in found]}")
    date_share, place_share = dates_right / len(CASES), places_right / places_total
    print(f"seed dates right: {dates_right}/{len(CASES)}; places right: {places_right}/{places_total}")
    assert date_share >= 0.9 and place_share >= 0.9, wrong
