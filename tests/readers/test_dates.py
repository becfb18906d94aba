from __future__ import annotations

import datetime as dt

import pytest

from detente.readers.dates import DateError, parse_date

TODAY = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        ("2023-09-30", "2023-09-30"),
        ("2025-03-14 20:30:26Z", "2025-03-14"),  # the VOA corpus: the date as written, no zone shift
        ("2023-11-15T23:30:00-05:00", "2023-11-15"),
        ("2024/01/12", "2024-01-12"),
        ("Jan 11, 2024 12:27 AM", "2024-01-11"),
        ("January 12, 2024", "2024-01-12"),
        ("Sept. 5, 2023", "2023-09-05"),
        ("Thursday, January 11, 2024 at 9:30 p.m. EST", "2024-01-11"),
        ("Thu, 11 Jan 2024 00:27:00 +0000", "2024-01-11"),  # RFC 2822, as feeds write it
        ("12 January 2024", "2024-01-12"),
        ("  January   12,\n2024 ", "2024-01-12"),
    ],
)
def test_accepted_shapes(raw: str, date: str) -> None:
    assert parse_date(raw, today=TODAY).isoformat() == date


@pytest.mark.parametrize("raw", ["xyz", "", "01/02/2024", "May 2024", "Foo 11, 2024", "2024-01-12 news", "1704931620"])
def test_no_guessing_unparseable(raw: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(raw, today=TODAY)
    assert info.value.kind == "unparseable"
    assert info.value.reason.startswith("unparseable date '")


@pytest.mark.parametrize(
    ("raw", "detail"),
    [
        ("2023-02-30", "day is out of range"),
        ("February 30, 2024", "day is out of range"),
        ("2023-13-01", "month must be in 1..12"),
        ("1850-06-01", "before 1900"),
        ("2025-06-04", "in the future"),
        ("2024-01-11 25:00", "no such time"),
        ("Jan 11, 2024 13:27 PM", "1-12"),
    ],
)
def test_impossible_dates(raw: str, detail: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(raw, today=TODAY)
    assert info.value.kind == "impossible"
    assert info.value.reason.startswith(f"impossible date '{raw}'")
    assert detail in info.value.reason


def test_two_days_ahead_is_still_allowed() -> None:
    assert parse_date("2025-06-03", today=TODAY) == dt.date(2025, 6, 3)


def test_default_today_is_the_real_one() -> None:
    with pytest.raises(DateError, match="in the future"):
        parse_date((dt.date.today() + dt.timedelta(days=10)).isoformat())
