"""Notable numbers: units and what they count on hand-written sentences, then the seeds end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

import detente
from detente.analysis.numbers import numbers_in_sentence


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Leaders marked the 45th anniversary of the establishment of diplomatic relations.",
     [(45.0, "ordinal", "ordinal", "anniversary of the establishment of diplomatic relations")]),
    ("Then the 17th China-US Defense Policy Coordination Talks were held in Washington.",
     [(17.0, "ordinal", "ordinal", "China-US Defense Policy Coordination Talks")]),
    ("Tariffs of 25 percent on $200 billion of Chinese goods follow a 90-day truce.",
     [(25.0, "percent", "percent", None), (2e11, "USD", "money", "Chinese goods"), (90.0, "day", "duration", "truce")]),
    ("Trade fell 7.5% while 12 billion yuan in soybeans were sold.",
     [(7.5, "percent", "percent", None), (1.2e10, "CNY", "money", "soybeans")]),
    ("Officials from 28 countries signed it; four top officials visited.",
     [(28.0, None, "count", "countries"), (4.0, None, "count", "top officials")]),
])
def test_units_and_what_they_count(sentence: str, expected: list[tuple[float, str | None, str, str | None]]) -> None:
    got = [(value, unit, kind, counts) for value, unit, kind, counts, _ in numbers_in_sentence(sentence)]
    assert got == expected


@pytest.mark.parametrize("sentence", [
    "Talks were held on September 16 and 17 in Malta, from January 8 to 9, 2024.",
    "The clip runs 02:49 and mentions F-35 jets and the G20 in 2023.",
    "The two countries agreed; on the one hand they talk.",
])
def test_dates_times_names_and_the_dyad_are_not_numbers(sentence: str) -> None:
    assert numbers_in_sentence(sentence) == []


def test_numbers_on_the_seeds(seeds_store: Path) -> None:
    found = detente.numbers(seeds_store)
    by_text = {(n.outlet, n.text): n for n in found}
    gt = by_text[("Global Times", "45th")]
    assert gt.counts == "anniversary of the establishment of diplomatic relations" and gt.event_id is not None
    talks = by_text[("Global Times", "17th")]
    assert talks.counts == "China-US Defense Policy Coordination Talks"
    assert talks.event_id in {e.event_id for e in detente.events(seeds_store, dyad="CHN-USA")}
    assert by_text[("China-US Focus", "45")].counts == "years"
    assert {n.kind for n in detente.numbers(seeds_store, kind="ordinal")} == {"ordinal"}
    with pytest.raises(ValueError, match="kind"):
        detente.numbers(seeds_store, kind="weird")


def test_numbers_on_voa(voa_store: Path) -> None:
    found = detente.numbers(voa_store)
    kinds = {n.kind for n in found}
    assert {"money", "percent", "count"} <= kinds
    assert all(n.value > 0 for n in found)
    assert any(n.kind == "money" and n.unit == "USD" and n.value >= 1e6 for n in found)
