from __future__ import annotations

import dataclasses

import pytest

from detente.readers import Rejection
from detente.readers.errors import over_size_limit


def test_message_is_origin_then_reason_on_one_line() -> None:
    assert Rejection("data/a.jsonl:3", "record has no text").message() == "data/a.jsonl:3: record has no text"
    assert Rejection("-:1", "invalid JSON:\n  Expecting value").message() == "-:1: invalid JSON: Expecting value"


def test_rejection_is_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Rejection("a.txt", "empty file").reason = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("size", "limit", "reason"),
    [
        (7_200_000, 5_000_000, "over size limit (7.2 MB > 5.0 MB)"),
        (1_500, 1_000, "over size limit (1.5 kB > 1.0 kB)"),
        (120, 100, "over size limit (120 bytes > 100 bytes)"),
    ],
)
def test_size_reason_uses_readable_units(size: int, limit: int, reason: str) -> None:
    assert over_size_limit(size, limit) == reason
