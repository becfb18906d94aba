"""One event record from the mentions of one cluster: voted type, finest date and place, all actors."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from detente.clustering.blocks import UNDIRECTED_FAMILIES, family
from detente.clustering.features import PLACE_RANK, PRECISION_RANK, ClusterMention, norm
from detente.records import Actor, DatePrecision, Event, Location

# -- merged event records ---------------------------------------------------------------------------------


def event_id_for(first_mention_id: str) -> str:
    return hashlib.sha256(f"event\x00{first_mention_id}".encode()).hexdigest()[:16]


def _vote(pairs: Iterable[tuple[Hashable, float]]) -> Any:
    """The value with the most confidence behind it (ties: smallest as text); None when no value is given."""
    weights: dict[Hashable, float] = defaultdict(float)
    for value, weight in pairs:
        if value is not None:
            weights[value] += weight
    if not weights:
        return None
    return min(weights, key=lambda v: (-round(weights[v], 9), str(v)))


def _actor_key(actor: dict[str, Any]) -> tuple[str, str]:
    ident = actor.get("id")
    label = f"id:{ident}" if ident else f"name:{norm(actor.get('name') or actor.get('text'))}"
    return (label, actor.get("country") or "")


def _union_actors(lists: Iterable[list[dict[str, Any]]], skip: set[tuple[str, str]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for actors in lists:
        for actor in actors:
            key = _actor_key(actor)
            if key not in skip:
                skip.add(key)
                out.append(actor)
    return out


def _best(members: Sequence[ClusterMention], key: Callable[[ClusterMention], Any]) -> ClusterMention:
    return min(members, key=lambda m: (key(m), m.canonical))


def _merged_actors(by_confidence: Sequence[ClusterMention], undirected: bool) -> tuple[list[Any], list[Any]]:
    """Union of the members' actors and recipients, each actor once; in undirected families every member is
    first turned to face the way the most confident one does."""
    top = by_confidence[0]
    sides = []
    for m in by_confidence:
        src, tgt = m.source, m.target
        if (undirected and top.tgt_countries and m.src_countries & top.tgt_countries
                and not m.src_countries & top.src_countries):
            src, tgt = tgt, src
        sides.append((src, tgt))
    seen: set[tuple[str, str]] = set()
    return _union_actors((s for s, _ in sides), seen), _union_actors((t for _, t in sides), seen)


def _merged_date(members: Sequence[ClusterMention]) -> tuple[dt.date | None, dt.date | None, DatePrecision, str | None]:
    """The best-resolved date: finest precision, then most mentions, then most confidence, then earliest."""
    dated = [m for m in members if m.date is not None]
    if not dated:
        return None, None, "unresolved", None
    counts = Counter((m.date, m.date_end, m.precision) for m in dated)
    weight: dict[tuple[Any, ...], float] = defaultdict(float)
    for m in dated:
        weight[(m.date, m.date_end, m.precision)] += m.confidence
    date, end, precision = min(counts, key=lambda k: (
        PRECISION_RANK.get(k[2], 4), -counts[k], -round(weight[k], 9), k[0], k[1] or dt.date.max))
    said = _best([m for m in dated if (m.date, m.date_end, m.precision) == (date, end, precision)],
                 lambda m: -m.confidence)
    return date, end, precision, said.date_text


def _merged_place(members: Sequence[ClusterMention]) -> Location | None:
    """The best place: finest (place, city, region, country), then most mentions, then confidence."""
    placed = [m for m in members if m.location is not None]
    if not placed:
        return None

    def place_key(m: ClusterMention) -> tuple[str, str]:
        loc = m.location or {}
        return (norm(loc.get("name")), loc.get("country") or "")

    counts = Counter(place_key(m) for m in placed)
    where = _best(placed, lambda m: (PLACE_RANK.get(str((m.location or {}).get("precision")), 4),
                                     -counts[place_key(m)], -m.confidence, place_key(m)))
    return Location.from_dict(where.location) if where.location else None


def merge_event(members: Sequence[ClusterMention]) -> Event:
    """The event for one cluster (members in canonical order)."""
    by_confidence = sorted(members, key=lambda m: (-m.confidence, m.canonical))
    top = by_confidence[0]
    event_type = _vote((m.type, m.confidence) for m in members)
    cameo = _vote((m.cameo, m.confidence) for m in members)
    coded = _best([m for m in members if m.cameo == cameo] or list(members), lambda m: -m.confidence)
    source, target = _merged_actors(by_confidence, family(event_type) in UNDIRECTED_FAMILIES)
    date, date_end, precision, date_text = _merged_date(members)
    location = _merged_place(members)
    published = [m.published for m in members if m.published is not None]
    outlets = {norm(m.outlet) or f"\x00{m.doc_id}" for m in members}
    return Event(
        event_id=event_id_for(members[0].mention_id),
        type=event_type,
        mode=_vote((m.mode, m.confidence) for m in members),
        cameo=cameo,
        goldstein=coded.goldstein,
        quad_class=coded.quad_class,
        modality=top.modality,
        channel=_vote((m.channel, m.confidence) for m in members),
        source=[Actor.from_dict(a) for a in source],
        target=[Actor.from_dict(a) for a in target],
        date=date,
        date_end=date_end,
        date_precision=precision,
        date_text=date_text,
        location=location,
        sentence=top.sentence,
        confidence=top.confidence,
        mentions=len(members),
        sources=len(outlets),
        documents=len({m.doc_id for m in members}),
        first_reported=min(published) if published else None,
        last_reported=max(published) if published else None,
        document_ids=sorted({m.document_id for m in members if m.document_id}),
        urls=sorted({m.url for m in members if m.url}),
    )
