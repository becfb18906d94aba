"""Segments, for tests: the over-estimate of which mentions could ever link, that link components must lie inside.

A segment chains every mention of one block that a shared document, evidence key or day-dated window of the
same countries *might* link (the relation the store's clustering index answers: store/index.py, queries.py);
a link component chains only the ones the rule does link. The pipeline labels the index by components now and
never computes segments, so this lives here, kept for two facts the tests check against it: every link
component lies inside one segment (clustering's candidate pairs never reach past that relation;
tests/clustering/test_segments.py), and a store labelled by segments, as stores written before components were,
still clusters to the same events (tests/store/test_index.py). It sweeps the same groups clustering does
(``_Groups``), so the check is of clustering's own sweeps, chained rather than paired.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from detente.clustering import LightMention
from detente.clustering.compatibility import DATE_TOLERANCE_DAYS
from detente.clustering.segments import _date, _Groups, _UnionFind


def _merge(groups: _Groups, ordered: list[int], slack: int, uf: _UnionFind) -> list[tuple[dt.date, dt.date, int]]:
    """Union members whose windows chain together; return the merged windows (start, end, a member)."""
    merged: list[tuple[dt.date, dt.date, int]] = []
    for i in ordered:
        lo, end = _date(groups.items[i].lo), groups.end(i, slack)
        if merged and lo <= merged[-1][1]:
            start, reach, rep = merged[-1]
            uf.union(rep, i)
            merged[-1] = (start, max(reach, end), rep)
        else:
            merged.append((lo, end, i))
    return merged


def segments(rows: Sequence[LightMention]) -> list[list[str]]:
    """Split one block into groups such that no link can join a mention inside to one outside: clustering
    each group alone gives what clustering the whole block would."""
    uf = _UnionFind(len(rows))
    groups = _Groups(rows)
    for idx in groups.docs:
        weak, dated = groups.doc_parts(idx)
        for i in idx if weak else ():
            uf.union(weak[0], i)
        _merge(groups, dated, 0, uf)
    for idx in groups.days:
        _merge(groups, groups.by_start(idx), 0, uf)
    for idx in groups.keys:
        dated, undated_days = groups.split(idx)
        merged = _merge(groups, dated, DATE_TOLERANCE_DAYS, uf)
        reaches = [reach for _, reach, _ in merged]
        for same_day in undated_days:
            for w in same_day:
                uf.union(same_day[0], w)
                lo, hi = _date(rows[w].lo), _date(rows[w].hi)
                for start, _, rep in merged[bisect.bisect_left(reaches, lo):]:
                    if start > hi:
                        break
                    uf.union(rep, w)
    out: dict[int, list[str]] = defaultdict(list)
    for i, r in enumerate(rows):
        out[uf.find(i)].append(r.mention_id)
    return list(out.values())


