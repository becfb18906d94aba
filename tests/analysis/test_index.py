"""The relationship index: the formula on hand-computed events, determinism, and the seeds end to end."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

import detente
from detente.analysis.index import bootstrap_band, event_weight, relationship_index
from detente.records import IndexEvent, IndexMention

MON = dt.date(2024, 1, 8)


def _event(eid: str, day: dt.date, g: float | None, conf: float, sources: int, quad: int | None = 1,
           modality: str = "asserted", docs: tuple[str, ...] = ("d1",)) -> IndexEvent:
    return IndexEvent(event_id=eid, date=day, goldstein=g, quad_class=quad, confidence=conf, sources=sources,
                      channel="diplomatic", modality=modality, doc_ids=docs)  # type: ignore[arg-type]


def test_weight_is_confidence_times_log_sources() -> None:
    assert event_weight(_event("a", MON, 1.0, 1.0, 1)) == 1.0
    assert event_weight(_event("a", MON, 1.0, 0.5, 3)) == 1.0
    assert event_weight(_event("a", MON, 1.0, 0.9, 7)) == pytest.approx(2.7)


def test_week_score_counts_and_volume_by_hand() -> None:
    events = [
        _event("a", MON, 4.0, 1.0, 1, quad=1, docs=("d1",)),                     # weight 1
        _event("b", MON + dt.timedelta(days=6), -2.0, 0.5, 3, quad=3, docs=("d1", "d2")),  # weight 1
        _event("c", MON + dt.timedelta(days=2), 10.0, 1.0, 9, modality="planned", docs=("d3",)),  # not held
        _event("d", MON + dt.timedelta(days=7), -5.0, 1.0, 1, quad=4, docs=("d4",)),  # the next week
    ]
    mentions = [IndexMention("m1", MON, 4.0, "d1", "asserted"), IndexMention("m2", MON, 4.0, "d2", "asserted"),
                IndexMention("m3", MON, 10.0, "d3", "planned")]
    rows = relationship_index(events, mentions, by="week", dyad="CHN-USA")
    assert [r.period for r in rows] == [MON, MON + dt.timedelta(days=7)]
    first, second = rows
    assert first.score == 1.0  # (1·4 + 1·(-2)) / 2
    assert (first.events, first.verbal_cooperation, first.verbal_conflict, first.material_conflict) == (2, 1, 1, 0)
    assert first.documents == 2  # d1 and d2; the planned event's d3 does not count
    assert first.mentions == 3 and first.gdelt == 6.0  # the raw recipe: (4 + 4 + 10) / 3
    assert first.low is not None and first.high is not None and -2.0 <= first.low <= 1.0 <= first.high <= 4.0
    assert second.score == -5.0 and second.low == second.high == -5.0 and second.gdelt is None


def test_empty_periods_are_rows_and_months_group() -> None:
    events = [_event("a", dt.date(2024, 1, 31), 1.0, 1, 1), _event("b", dt.date(2024, 3, 1), 3.0, 1, 1)]
    rows = relationship_index(events, by="month")
    assert [(r.period, r.events, r.score) for r in rows] == [
        (dt.date(2024, 1, 1), 1, 1.0), (dt.date(2024, 2, 1), 0, None), (dt.date(2024, 3, 1), 1, 3.0)]
    assert rows[1].period_end == dt.date(2024, 2, 29)


def test_bootstrap_is_deterministic_and_inside_the_range() -> None:
    g, w = [-8.0, 1.0, 3.0, 7.0], [1.0, 2.0, 1.0, 0.5]
    assert bootstrap_band(g, w, seed=5) == bootstrap_band(g, w, seed=5)
    low, high = bootstrap_band(g, w, seed=5) or (math.nan, math.nan)
    assert -8.0 <= low < high <= 7.0
    assert bootstrap_band([], []) is None


def test_index_on_the_seeds(seeds_store: Path) -> None:
    rows = detente.index(seeds_store, dyad="CHN-USA", by="month", since="2023-09", until="2024-01")
    by_month = {r.period: r for r in rows}
    assert set(by_month) == {dt.date(2023, m, 1) for m in (9, 10, 11, 12)} | {dt.date(2024, 1, 1)}
    jan = by_month[dt.date(2024, 1, 1)]
    assert jan.events > 0 and jan.documents == 2 and jan.score is not None
    assert jan.low is not None and jan.high is not None and jan.low <= jan.score <= jan.high
    events = [e for e in detente.events(seeds_store, dyad="CHN-USA", since="2024-01", until="2024-01")
              if e.modality == "asserted" and e.date and e.date.month == 1 and e.date.year == 2024]
    assert jan.events == len(events)
    assert jan.mentions >= jan.events  # raw mentions are not deduplicated
    assert detente.index(seeds_store, dyad="CHN-USA", by="month", since="2023-09", until="2024-01") == rows
    with pytest.raises(ValueError, match="period"):
        detente.index(seeds_store, by="year")


def test_one_series_per_channel_over_the_same_periods(seeds_store: Path) -> None:
    overall = detente.index(seeds_store, dyad="CHN-USA", by="month", since="2023-09")
    split = detente.index(seeds_store, dyad="CHN-USA", by="month", since="2023-09", by_channel=True)
    channels = {r.channel for r in split}
    assert "diplomatic" in channels and len(channels) > 1 and None not in channels
    periods = {c: [r.period for r in split if r.channel == c] for c in channels}
    assert all(p == [r.period for r in overall] for p in periods.values())
    assert sum(r.events for r in split) == sum(r.events for r in overall)
    assert sum(r.mentions for r in split) == sum(r.mentions for r in overall)
    only = detente.index(seeds_store, dyad="CHN-USA", by="month", since="2023-09", channel="diplomatic")
    assert [(r.events, r.score) for r in only] == [(r.events, r.score) for r in split if r.channel == "diplomatic"]


def test_index_on_voa(voa_store: Path) -> None:
    db = voa_store
    rows = detente.index(db, by="month")
    assert sum(r.events for r in rows) == sum(1 for e in detente.events(db) if e.modality == "asserted" and e.date
                                              and e.date_precision in ("day", "month", "unresolved"))
    scored = [r for r in rows if r.score is not None]
    assert scored and all(-10 <= r.score <= 10 for r in scored if r.score is not None)


def test_coarse_dates_stay_out_of_finer_periods() -> None:
    events = [
        IndexEvent("y", dt.date(1979, 1, 1), 5.0, 1, 1.0, 1, "diplomatic", "asserted", ("d",), "year"),
        IndexEvent("m", dt.date(2024, 1, 1), 3.0, 1, 1.0, 1, "diplomatic", "asserted", ("d",), "month"),
        IndexEvent("d", dt.date(2024, 1, 10), -1.0, 3, 1.0, 1, "diplomatic", "asserted", ("d",), "day"),
        IndexEvent("u", dt.date(2024, 1, 12), 1.0, 1, 1.0, 1, "diplomatic", "asserted", ("d",), "unresolved"),
    ]
    weekly = relationship_index(events, by="week")
    assert [(r.period, r.events) for r in weekly] == [(dt.date(2024, 1, 8), 2)]
    monthly = relationship_index(events, by="month")
    assert [(r.period, r.events, r.score) for r in monthly] == [(dt.date(2024, 1, 1), 3, 1.0)]


def test_verbs_share_one_open_store(seeds_store: Path) -> None:
    with detente.open_store(seeds_store, read_only=True) as store:
        assert detente.index(store, dyad="CHN-USA", by="month", since="2024-01") == \
            detente.index(seeds_store, dyad="CHN-USA", by="month", since="2024-01")
        assert detente.quotes(store, speaker="Weitz") and detente.numbers(store, kind="ordinal")
        assert detente.upcoming(store) and detente.tone(store).stance
