"""Blocks, link components and clusters: which mentions are linked, and the clusters inside one component.

Mentions are split into *blocks* (type family and modality) and blocks into *link components* (mentions chained
by links the rule makes). No link crosses components, so clustering one component from scratch gives the same
result as clustering everything. Inside a component the result is a function of the set of mentions alone:
candidate links are sorted by strength and a canonical mention order, never by arrival. The wider *segments*
(mentions a key and a window might link: one document, a shared person or place with meeting dates, one day)
are no longer computed here; tests/clustering/segmenting.py keeps them as the over-estimate components lie in.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from detente.clustering.blocks import family
from detente.clustering.compatibility import DATE_TOLERANCE_DAYS, compatible
from detente.clustering.features import VAGUE_PRECISIONS, ClusterMention, evidence_keys, named_parts
from detente.clustering.links import strength_if_compatible

# -- segments and clusters --------------------------------------------------------------------------------

# A pair's verdict, memoised by its two mention ids in canonical order joined by NUL (a string, not a tuple: Python's
# collector tracks every new tuple, and a large event looks up thousands of pairs a batch): INCOMPATIBLE,
# UNLINKED (compatible, no evidence) or the link strength (never negative).
INCOMPATIBLE = -2
UNLINKED = -1


class PairMemo(Protocol):
    """Verdicts of pairs compared before: the rule is a function of the two mentions alone, so a writer that keeps
    them compares a new report of a large event with each member once, not every member with every other again
    (bench/README.md, "One more report of a large event")."""

    def get(self, key: str) -> int | None: ...
    def put(self, key: str, verdict: int) -> None: ...


def _verdict(a: ClusterMention, b: ClusterMention, memo: PairMemo | None) -> int:
    """The pair's verdict (``a`` first in canonical order), from ``memo`` when it has it."""
    if memo is None:
        return _judge(a, b)
    key = f"{a.mention_id}\x00{b.mention_id}"
    known = memo.get(key)
    if known is not None:
        return known
    verdict = _judge(a, b)
    memo.put(key, verdict)
    return verdict


def _judge(a: ClusterMention, b: ClusterMention) -> int:
    """The pair's verdict from the rule."""
    if not compatible(a, b):
        return INCOMPATIBLE
    strength = strength_if_compatible(a, b)
    return UNLINKED if strength is None else strength


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> int:
        ri, rj = self.find(i), self.find(j)
        root, child = min(ri, rj), max(ri, rj)
        self.parent[child] = root
        return root


class Windowed(Protocol):
    """What grouping reads of a mention, light or full."""

    @property
    def doc_id(self) -> str: ...
    @property
    def countries(self) -> tuple[str, ...]: ...
    @property
    def weak(self) -> bool: ...
    @property
    def day(self) -> bool: ...
    @property
    def lo(self) -> dt.date | None: ...
    @property
    def hi(self) -> dt.date | None: ...
    @property
    def keys(self) -> tuple[str, ...]: ...


@dataclass(slots=True)
class LightMention:
    """What segmenting needs of a mention, read without building the full record."""

    mention_id: str
    doc_id: str
    countries: tuple[str, ...]
    weak: bool
    day: bool
    lo: dt.date | None
    hi: dt.date | None
    keys: tuple[str, ...]
    block: tuple[str, str] = ("", "")  # (type family, modality): links never cross blocks


def light_mention(
    mention_id: str, doc_id: str, *, event_type: str, modality: str, countries: Iterable[str], weak: bool,
    precision: str, lo: dt.date | None, hi: dt.date | None, actors: Iterable[tuple[str | None, str | None, str | None]],
    place: str | None, place_precision: str | None, sentence_key: str,
) -> LightMention:
    """A light mention from plain values; ``actors`` are (id, name, country) of its source and target actors."""
    named = [n for n in (named_parts(ident or None, name, country or None) for ident, name, country in actors)
             if n is not None]
    vague = not weak and precision in VAGUE_PRECISIONS
    return LightMention(mention_id, doc_id, tuple(countries), weak, not weak and precision == "day", lo, hi,
                        evidence_keys(named, place, place_precision, vague, sentence_key),
                        (family(event_type), modality))



def _date(value: dt.date | None) -> dt.date:
    assert value is not None
    return value


class _Groups:
    """The mentions of one block grouped so that every possible link lies inside a group: the same document;
    the same evidence key (dated with dated, undated with undated of one publication day, undated with dated);
    dated to the day with windows that meet. Shared by segmenting (light rows) and clustering (full rows)."""

    def __init__(self, items: Sequence[Windowed]) -> None:
        self.items = items
        by_doc: dict[str, list[int]] = defaultdict(list)
        by_key: dict[str, list[int]] = defaultdict(list)
        by_dyad: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, item in enumerate(items):
            by_doc[item.doc_id].append(i)
            if item.lo is None or item.hi is None:
                continue
            for key in item.keys:
                by_key[key].append(i)
            if item.day:
                by_dyad[item.countries].append(i)
        self.docs = list(by_doc.values())
        self.keys = list(by_key.values())
        self.days = list(by_dyad.values())  # dated to the day, one list per set of countries

    def by_start(self, idx: Iterable[int]) -> list[int]:
        return sorted(idx, key=lambda i: (self.items[i].lo, i))

    def end(self, i: int, slack: int) -> dt.date:
        item = self.items[i]
        return _date(item.hi) + dt.timedelta(days=slack if item.day else 0)

    def doc_parts(self, idx: list[int]) -> tuple[list[int], list[int]]:
        """A document's undated members (they may link to any member) and its dated ones sorted by start."""
        weak = [i for i in idx if self.items[i].weak or self.items[i].lo is None]
        return weak, self.by_start(i for i in idx if not (self.items[i].weak or self.items[i].lo is None))

    def split(self, idx: list[int]) -> tuple[list[int], list[list[int]]]:
        """Dated members sorted by start, and undated members grouped by publication day."""
        same_day: dict[dt.date, list[int]] = defaultdict(list)
        for i in idx:
            if self.items[i].weak:
                same_day[_date(self.items[i].hi)].append(i)
        return self.by_start(i for i in idx if not self.items[i].weak), list(same_day.values())

    def overlapping(self, ordered: list[int], slack: int) -> Iterator[tuple[int, int]]:
        """Pairs of dated members whose windows meet (sweep over start dates)."""
        for pos, i in enumerate(ordered):
            end = self.end(i, slack)
            for j in ordered[pos + 1:]:
                if _date(self.items[j].lo) > end:
                    break
                yield i, j

    def weak_dated(self, weak: Iterable[int], dated: list[int]) -> Iterator[tuple[int, int]]:
        """Undated members paired with the dated members (sorted by start) whose windows meet theirs."""
        if not dated:
            return
        starts = [_date(self.items[d].lo) for d in dated]
        longest = max(_date(self.items[d].hi) - _date(self.items[d].lo) for d in dated)
        for w in weak:
            lo, hi = _date(self.items[w].lo), _date(self.items[w].hi)
            for d in dated[bisect.bisect_left(starts, lo - longest):]:
                if _date(self.items[d].lo) > hi:
                    break
                if _date(self.items[d].hi) >= lo:
                    yield w, d


def _candidate_pairs(members: Sequence[ClusterMention]) -> set[tuple[int, int]]:
    """Every pair that could be linked (and a few more), found the way segments are."""
    pairs: set[tuple[int, int]] = set()
    groups = _Groups(members)

    def add(found: Iterable[tuple[int, int]]) -> None:
        pairs.update((min(i, j), max(i, j)) for i, j in found)

    for idx in groups.docs:
        weak, dated = groups.doc_parts(idx)
        add((w, i) for w in weak for i in idx if i != w)
        add(groups.overlapping(dated, 0))
    for idx in groups.days:
        add(groups.overlapping(groups.by_start(idx), 0))
    for idx in groups.keys:
        dated, undated_days = groups.split(idx)
        add(groups.overlapping(dated, DATE_TOLERANCE_DAYS))
        for same_day in undated_days:
            add((i, j) for i in same_day for j in same_day if i < j)
        add(groups.weak_dated((w for same_day in undated_days for w in same_day), dated))
    return pairs


def link_components(members: Sequence[ClusterMention], apart: Mapping[str, int] | None = None,
                    memo: PairMemo | None = None) -> list[list[str]]:
    """The connected components of the link graph of one block's mentions: the pairs the rule links
    (``link_strength`` is not None) among the candidate pairs clustering tries. Clusters only grow along links,
    so each component clusters on its own to what clustering every mention would give. They are much narrower
    than segments: a segment chains every mention a key and a window *might* link, a component only the ones that
    are linked (a vague or undated mention of a recurring person chains a segment through every later report of
    them; it links to few: bench/README.md, "Scale"). ``apart``: a label for members known to lie in unions of
    whole components (the store's older mentions); two members with different labels are not linked, so their
    pair is not tried. ``members`` in canonical order; ``memo``: verdicts of pairs compared before."""
    labels = [apart.get(m.mention_id) if apart else None for m in members]
    uf = _UnionFind(len(members))
    for i, j in _candidate_pairs(members):
        if labels[i] is not None and labels[j] is not None and labels[i] != labels[j]:
            continue
        if uf.find(i) != uf.find(j) and _verdict(members[i], members[j], memo) >= 0:
            uf.union(i, j)
    out: dict[int, list[str]] = defaultdict(list)
    for i, m in enumerate(members):
        out[uf.find(i)].append(m.mention_id)
    return list(out.values())


def cluster_mentions(mentions: Iterable[ClusterMention], memo: PairMemo | None = None) -> list[list[ClusterMention]]:
    """Cluster one segment: strongest links first, joining two clusters only when every cross pair is
    compatible, so a vague mention cannot chain two distinct meetings together. ``memo``: verdicts of pairs
    compared before."""
    members = sorted(mentions, key=lambda m: m.canonical)
    if len(members) < 2:  # most link components: one mention, one cluster
        return [members] if members else []
    edges: list[tuple[int, int, int, int]] = []
    cache: dict[tuple[int, int], bool] = {}
    for i, j in _candidate_pairs(members):
        strength = _verdict(members[i], members[j], memo)
        cache[(i, j)] = strength != INCOMPATIBLE  # asked again by the joins below
        if strength >= 0:
            a, b = members[i], members[j]
            # among equal links in one article, the nearer sentence first ("During the meeting, …")
            distance = abs(a.sentence_index - b.sentence_index) if a.doc_id == b.doc_id else 0
            edges.append((-strength, distance, i, j))
    edges.sort()
    uf = _UnionFind(len(members))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(members))}

    def ok(x: int, y: int) -> bool:
        key = (min(x, y), max(x, y))
        if key not in cache:
            cache[key] = _verdict(members[key[0]], members[key[1]], memo) != INCOMPATIBLE
        return cache[key]

    for _, _, i, j in edges:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or not all(ok(x, y) for x in groups[ri] for y in groups[rj]):
            continue
        root = uf.union(ri, rj)
        merged = sorted(groups.pop(ri) + groups.pop(rj))
        groups[root] = merged
    return [[members[i] for i in g] for _, g in sorted(groups.items())]
