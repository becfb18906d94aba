"""Rows and parameters of the clustering index (``cluster_members``, ``cluster_key_hashes``): how a light mention
is stored so that its candidate links are found by equality joins on integers and date ranges, and how segments
are labelled.

The relation the index answers is the one ``clustering.segments`` chains mentions by, minus the same-document
part (a document's mentions all arrive in one batch): in one block, the same evidence key with windows that
meet (two undated mentions: the same publication day), or both dated to the day, the same countries and
overlapping windows. So the segments holding a batch's neighbours, with the batch, are closed under it.

Every column a batch's joins scan is an integer or a date: a mention's number ``n`` (its place in the index,
unique), its segment (the smallest number among the segment's members), and 64-bit hashes of the join keys
(evidence key with block; block with countries). Scanning such a column costs about a millisecond per million
rows, where the string keys, labels and lists this replaced cost tens of milliseconds per batch at 20,000
documents (bench/README.md, "Scale").
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from detente.clustering import LightMention
from detente.clustering.rule import DATE_TOLERANCE_DAYS


def key_hash(*parts: str) -> int:
    """A signed 64-bit hash of these strings, the same in every process (blake2b, not Python's ``hash``). A
    collision can only add a candidate: its whole segment is clustered again, to the events it already has."""
    text = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big", signed=True)


def evidence_hash(light: LightMention, key: str) -> int:
    """The hash an evidence key is joined on: the key within the mention's block."""
    return key_hash(key, *light.block)


def day_hash(light: LightMention) -> int | None:
    """The hash day-dated mentions of one block and the same countries share (None for other mentions)."""
    if not light.day or light.lo is None or light.hi is None:
        return None
    return key_hash(*light.block, "\x1e".join(light.countries))


def reach(light: LightMention) -> dt.date | None:
    """The last day a dated mention's key links can reach: one day of slack for mentions dated to the day."""
    if light.hi is None:
        return None
    return light.hi + dt.timedelta(days=DATE_TOLERANCE_DAYS if light.day else 0)


def rows(lights: Iterable[LightMention], numbers: Mapping[str, int], segments: Mapping[str, int],
         row_at: Mapping[str, int]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``cluster_members`` rows (``numbers``: each mention's number; ``segments``: its segment's label;
    ``row_at``: its rowid in ``mentions``) and ``cluster_key_hashes`` rows."""
    members: list[tuple[Any, ...]] = []
    keys: list[tuple[Any, ...]] = []
    for light in lights:
        family, modality = light.block
        n = numbers[light.mention_id]
        members.append((n, light.mention_id, light.doc_id, family, modality, list(light.countries), light.weak,
                        light.day, light.lo, light.hi, list(light.keys), day_hash(light),
                        segments[light.mention_id], row_at[light.mention_id]))
        if light.lo is not None and light.hi is not None:
            keys.extend((evidence_hash(light, key), light.weak, light.lo, light.hi, reach(light), n)
                        for key in light.keys)
    return members, keys


def _keyed(lights: Sequence[LightMention]) -> list[LightMention]:
    return [light for light in lights if light.lo is not None and light.hi is not None and light.keys]


def _days(lights: Sequence[LightMention]) -> list[LightMention]:
    return [light for light in lights if light.day and light.lo is not None and light.hi is not None]


def has_links(lights: Sequence[LightMention]) -> bool:
    """Whether any of these mentions can link outside its own document."""
    return bool(_keyed(lights) or _days(lights))


def neighbour_params(lights: Sequence[LightMention]) -> dict[str, Any]:
    """The parameters of ``queries.CANDIDATE_SEGMENTS_SQL`` for these new mentions: their key rows, their day
    rows and the span of all their windows."""
    keyed = [(light, key) for light in _keyed(lights) for key in light.keys]
    days = _days(lights)
    spans = [(light.lo, reach(light)) for light in [*_keyed(lights), *days]]
    return {
        "kh": [evidence_hash(light, key) for light, key in keyed], "weak": [light.weak for light, _ in keyed],
        "klo": [light.lo for light, _ in keyed], "khi": [light.hi for light, _ in keyed],
        "kreach": [reach(light) for light, _ in keyed],
        "dh": [day_hash(light) for light in days], "dlo": [light.lo for light in days],
        "dhi": [light.hi for light in days],
        "lo": min(lo for lo, _ in spans if lo is not None), "reach": max(r for _, r in spans if r is not None),
    }


def light_of(row: dict[str, Any]) -> LightMention:
    """The light mention an index row holds (no JSON to parse, no date rule to apply again)."""
    return LightMention(row["mention_id"], row["doc_id"], tuple(row["countries"]), bool(row["weak"]),
                        bool(row["day"]), row["lo"], row["hi"], tuple(row["keys"]), (row["family"], row["modality"]))


def labels(segs: Iterable[Sequence[str]], numbers: Mapping[str, int], current: Mapping[str, int]) -> dict[str, int]:
    """The segment label (the smallest number among its members) of every mention whose label changes; a
    mention missing from ``current`` is new and always gets one."""
    out: dict[str, int] = {}
    for seg in segs:
        label = min(numbers[mid] for mid in seg)
        out.update((mid, label) for mid in seg if current.get(mid) != label)
    return out
