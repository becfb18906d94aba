"""The relationship index: per period, how cooperative or hostile a dyad's exchanges were, from deduplicated
events rather than raw mentions.

For the events ``E`` of one period (asserted ones: a planned, hypothetical or denied act did not happen), each
with Goldstein value ``g``, coder confidence ``c`` and ``s`` independent outlets reporting it::

    w(e)  = c · log2(1 + s)                 one outlet weighs 1, three weigh 2, seven weigh 3
    score = Σ w(e) · g(e) / Σ w(e)           on the Goldstein scale, -10 (conflict) .. +10 (cooperation)

The band is a bootstrap over the period's events (resampled with replacement, ``samples`` times, a seed fixed
per period so a rerun gives the same band), its 5th and 95th percentiles. Beside it the usual GDELT recipe,
the plain mean Goldstein of every raw mention, is kept for comparison (docs/analysis.md).
"""

from __future__ import annotations

import datetime as dt
import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

from detente.analysis.periods import Period, fits, period_end, period_range, period_start
from detente.records import IndexEvent, IndexMention

METHOD = "detente.index.v1"  # a changed formula gets a new name, so saved figures say what produced them
SAMPLES = 1000
SEED = 13
BAND = (5.0, 95.0)
COUNTED_MODALITIES = frozenset({"asserted"})
QUAD_NAMES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(slots=True)
class IndexRow:
    """One period of the index. ``score`` is None when no counted event has a Goldstein value; ``low``/``high``
    is its bootstrap band; ``gdelt`` the plain mean Goldstein of the period's raw mentions."""

    period: dt.date
    period_end: dt.date
    by: Period
    dyad: str | None
    channel: str | None
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    score: float | None
    low: float | None
    high: float | None
    weight: float
    documents: int
    mentions: int
    gdelt: float | None
    method: str = METHOD

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["period"] = self.period.isoformat()
        d["period_end"] = self.period_end.isoformat()
        return d


def event_weight(event: IndexEvent) -> float:
    """Confidence times log2(1 + independent outlets): a widely reported event counts more, with diminishing
    returns, so one story syndicated everywhere cannot swamp a period."""
    return max(event.confidence, 0.0) * math.log2(1 + max(event.sources, 1))


def weighted_score(goldstein: Sequence[float], weights: Sequence[float]) -> float | None:
    total = float(sum(weights))
    if not goldstein or total <= 0:
        return None
    return float(sum(g * w for g, w in zip(goldstein, weights, strict=True)) / total)


def bootstrap_band(goldstein: Sequence[float], weights: Sequence[float], *, samples: int = SAMPLES,
                   seed: int = SEED) -> tuple[float, float] | None:
    """The 5th–95th percentile of the weighted score over ``samples`` resamplings of the events."""
    n = len(goldstein)
    if n == 0 or sum(weights) <= 0:
        return None
    g = np.asarray(goldstein, dtype=float)
    w = np.asarray(weights, dtype=float)
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, n, size=(samples, n))
    den = w[pick].sum(axis=1)
    num = (w[pick] * g[pick]).sum(axis=1)
    stats = num[den > 0] / den[den > 0]
    if stats.size == 0:
        return None
    low, high = np.percentile(stats, BAND)
    return float(low), float(high)


def period_seed(seed: int, start: dt.date) -> int:
    """A seed per period: the band of one week does not change when other weeks are added to the store."""
    return seed + zlib.crc32(start.isoformat().encode())


def relationship_index(events: Iterable[IndexEvent], mentions: Iterable[IndexMention] = (), *, by: Period = "week",
                       dyad: str | None = None, channel: str | None = None, samples: int = SAMPLES,
                       seed: int = SEED, span: tuple[dt.date, dt.date] | None = None) -> list[IndexRow]:
    """One row per period from the first to the last dated event or mention, empty periods included. Events and
    mentions dated more coarsely than the period (a month by week, a season or a year) are left out of both
    series: "45 years ago" is no week's event. ``span`` (first, last day) widens the range, so several series
    share their periods."""
    counted: dict[dt.date, list[IndexEvent]] = defaultdict(list)
    raw: dict[dt.date, list[IndexMention]] = defaultdict(list)
    days: list[dt.date] = []
    for e in events:
        if not fits(e.date_precision, by):
            continue
        days.append(e.date)
        if e.modality in COUNTED_MODALITIES:
            counted[period_start(e.date, by)].append(e)
    for m in mentions:
        if not fits(m.date_precision, by):
            continue
        days.append(m.date)
        raw[period_start(m.date, by)].append(m)
    if span is not None:
        days.extend(span)
    if not days:
        return []
    rows: list[IndexRow] = []
    for start in period_range(min(days), max(days), by):
        evs = counted.get(start, [])
        scored = [e for e in evs if e.goldstein is not None]
        g = [float(e.goldstein) for e in scored if e.goldstein is not None]
        w = [event_weight(e) for e in scored]
        band = bootstrap_band(g, w, samples=samples, seed=period_seed(seed, start))
        quads = [sum(1 for e in evs if e.quad_class == q) for q in (1, 2, 3, 4)]
        raw_g = [float(m.goldstein) for m in raw.get(start, []) if m.goldstein is not None]
        score = weighted_score(g, w)
        rows.append(IndexRow(
            period=start, period_end=period_end(start, by), by=by, dyad=dyad, channel=channel, events=len(evs),
            verbal_cooperation=quads[0], material_cooperation=quads[1], verbal_conflict=quads[2],
            material_conflict=quads[3], score=_round(score), low=_round(band[0]) if band else None,
            high=_round(band[1]) if band else None, weight=round(sum(w), 3),
            documents=len({d for e in evs for d in e.doc_ids}), mentions=len(raw.get(start, [])),
            gdelt=_round(sum(raw_g) / len(raw_g)) if raw_g else None,
        ))
    return rows


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def index_by_channel(events: Sequence[IndexEvent], mentions: Sequence[IndexMention] = (), *, by: Period = "week",
                     dyad: str | None = None, samples: int = SAMPLES, seed: int = SEED) -> list[IndexRow]:
    """One index per channel (diplomatic, military, economic …) over the same periods, channel by channel."""
    days = [e.date for e in events if fits(e.date_precision, by)] + \
        [m.date for m in mentions if fits(m.date_precision, by)]
    if not days:
        return []
    span = (min(days), max(days))
    rows: list[IndexRow] = []
    for channel in sorted({e.channel for e in events} | {m.channel for m in mentions if m.channel}):
        rows += relationship_index([e for e in events if e.channel == channel],
                                   [m for m in mentions if m.channel == channel], by=by, dyad=dyad,
                                   channel=channel, samples=samples, seed=seed, span=span)
    return rows
