"""The relationship index as a chart (matplotlib, rendered without a display): the weighted score with its
bootstrap band, the plain mean Goldstein of raw mentions dashed beside it, and the document volume as bars.
PNG or SVG by the file's suffix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from detente.analysis.index import IndexRow

CHART_SUFFIXES = (".png", ".svg")


def index_chart(rows: Sequence[IndexRow], path: str | Path, *, title: str | None = None,
                metadata: dict[str, Any] | None = None) -> Path:
    """Draw ``rows`` into ``path`` (.png or .svg) and return it; ``ValueError`` for another suffix. ``metadata``
    goes to matplotlib's savefig (``{"Date": None}``: an SVG without the time it was drawn)."""
    path = Path(path)
    if path.suffix.lower() not in CHART_SUFFIXES:
        raise ValueError(f"{path}: a chart is written as .png or .svg")
    from matplotlib.figure import Figure  # no pyplot: no global figure state, safe in a server's threads

    days = _days([r.period for r in rows])
    fig = Figure(figsize=(9, 4), dpi=110)
    ax = fig.subplots()
    volume = ax.twinx()
    width = max(1.0, (rows[1].period - rows[0].period).days * 0.8) if len(rows) > 1 else 1.0
    volume.bar(days, np.array([r.documents for r in rows], dtype=float), width=width, color="#d9d9d9",
               label="documents")
    volume.set_ylabel("documents behind the events")
    ax.set_zorder(volume.get_zorder() + 1)
    ax.patch.set_visible(False)
    scored = [r for r in rows if r.score is not None]
    ax.fill_between(_days([r.period for r in scored]), _values([r.low if r.low is not None else r.score
                                                               for r in scored]),
                    _values([r.high if r.high is not None else r.score for r in scored]), color="#9ecae1",
                    alpha=0.6, label="90% bootstrap band")
    ax.plot(_days([r.period for r in scored]), _values([r.score for r in scored]), marker="o", color="#08519c",
            label="detente index (events, weighted)")
    raw = [r for r in rows if r.gdelt is not None]
    ax.plot(_days([r.period for r in raw]), _values([r.gdelt for r in raw]), linestyle="--", marker=".",
            color="#e6550d", label="mean Goldstein of raw mentions")
    ax.axhline(0, color="#555555", linewidth=0.8)
    ax.set_ylim(-10, 10)
    ax.set_ylabel("cooperation (+) / conflict (-), Goldstein scale")
    dyad = rows[0].dyad if rows else None
    ax.set_title(title or f"Relationship index{' ' + dyad if dyad else ''} by {rows[0].by if rows else 'week'}")
    ax.legend(loc="lower left", fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=path.suffix.lower().lstrip("."), metadata=metadata)
    return path


def _days(days: Sequence[dt.date]) -> npt.NDArray[np.datetime64]:
    return np.array(days, dtype="datetime64[D]")


def _values(values: Sequence[float | None]) -> npt.NDArray[np.float64]:
    return np.array([np.nan if v is None else v for v in values], dtype=float)
