"""Rows and parameters of the clustering index (``cluster_index``, ``cluster_keys``): how a light mention is
stored so that its candidate links are found by equality joins and date ranges, and how segments are labelled.

The relation the index answers is the one ``clustering.segments`` chains mentions by, minus the same-document
part (a document's mentions all arrive in one batch): in one block, the same evidence key with windows that
meet (two undated mentions: the same publication day), or both dated to the day, the same countries and
overlapping windows. So the segments holding a batch's neighbours, with the batch, are closed under it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from detente.clustering import LightMention
from detente.clustering.rule import DATE_TOLERANCE_DAYS


def reach(light: LightMention) -> dt.date | None:
    """The last day a dated mention's key links can reach: one day of slack for mentions dated to the day."""
    if light.hi is None:
        return None
    return light.hi + dt.timedelta(days=DATE_TOLERANCE_DAYS if light.day else 0)


def rows(lights: Iterable[LightMention], row_at: dict[str, int]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``cluster_index`` rows (each mention its own segment until labelled; ``row_at``: its rowid in
    ``mentions``) and ``cluster_keys`` rows."""
    index: list[tuple[Any, ...]] = []
    keys: list[tuple[Any, ...]] = []
    for light in lights:
        family, modality = light.block
        index.append((light.mention_id, light.doc_id, family, modality, list(light.countries), light.weak,
                      light.day, light.lo, light.hi, list(light.keys), light.mention_id, row_at[light.mention_id]))
        if light.lo is not None and light.hi is not None:
            keys.extend((key, family, modality, light.weak, light.lo, light.hi, reach(light), light.mention_id)
                        for key in light.keys)
    return index, keys


def _keyed(lights: Sequence[LightMention]) -> list[LightMention]:
    return [light for light in lights if light.lo is not None and light.hi is not None and light.keys]


def _days(lights: Sequence[LightMention]) -> list[LightMention]:
    return [light for light in lights if light.day and light.lo is not None and light.hi is not None]


def has_links(lights: Sequence[LightMention]) -> bool:
    """Whether any of these mentions can link outside its own document."""
    return bool(_keyed(lights) or _days(lights))


def neighbour_params(lights: Sequence[LightMention]) -> dict[str, Any]:
    """The parameters of ``queries.NEIGHBOURS_SQL`` for these new mentions: their key rows, their day rows and
    the span of all their windows."""
    keyed = [(light, key) for light in _keyed(lights) for key in light.keys]
    days = _days(lights)
    spans = [(light.lo, reach(light)) for light in [*_keyed(lights), *days]]
    return {
        "key": [key for _, key in keyed], "family": [light.block[0] for light, _ in keyed],
        "modality": [light.block[1] for light, _ in keyed], "weak": [light.weak for light, _ in keyed],
        "klo": [light.lo for light, _ in keyed], "khi": [light.hi for light, _ in keyed],
        "kreach": [reach(light) for light, _ in keyed],
        "dfamily": [light.block[0] for light in days], "dmodality": [light.block[1] for light in days],
        "dcountries": [list(light.countries) for light in days], "dlo": [light.lo for light in days],
        "dhi": [light.hi for light in days],
        "lo": min(lo for lo, _ in spans if lo is not None), "reach": max(r for _, r in spans if r is not None),
    }


def light_of(row: dict[str, Any]) -> LightMention:
    """The light mention an index row holds (no JSON to parse, no date rule to apply again)."""
    return LightMention(row["mention_id"], row["doc_id"], tuple(row["countries"]), bool(row["weak"]),
                        bool(row["day"]), row["lo"], row["hi"], tuple(row["keys"]), (row["family"], row["modality"]))


def labels(segs: Iterable[Sequence[str]], current: dict[str, str]) -> dict[str, str]:
    """The new segment label (its smallest mention id) of every mention whose label changes; a mention missing
    from ``current`` is new and labelled by its own id."""
    out: dict[str, str] = {}
    for seg in segs:
        label = min(seg)
        out.update((mid, label) for mid in seg if current.get(mid, mid) != label)
    return out
