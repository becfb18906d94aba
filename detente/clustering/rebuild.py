"""Which events change when mentions arrive, as a pure function: the store reads the inputs and writes the result.

Rebuilding only the link components that hold new mentions gives what clustering every mention again would,
because clusters only grow along links (see ``segments.link_components``). Events whose members did not change keep
their stored row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from detente.clustering.blocks import family
from detente.clustering.features import ClusterMention
from detente.clustering.merge import event_id_for, merge_event
from detente.clustering.segments import PairMemo, cluster_mentions, link_components
from detente.records import Event


@dataclass(slots=True)
class EventChanges:
    """What to write: events to delete, events to insert, and the event of each re-clustered mention."""

    stale: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    assignment: dict[str, str] = field(default_factory=dict)


def affected_components(mentions: Iterable[ClusterMention], focus: set[str] | None,
                        apart: Mapping[str, int] | None = None, memo: PairMemo | None = None) -> list[list[str]]:
    """The link components (lists of mention ids) holding a ``focus`` mention, or every component when ``focus``
    is None. ``mentions`` must hold whole components: with every member of a component, its links are all there.
    ``apart``: labels of older mentions, see ``segments.link_components``; ``memo``: verdicts of pairs compared
    before."""
    blocks: dict[tuple[str, str], list[ClusterMention]] = defaultdict(list)
    for m in mentions:
        blocks[(family(m.type), m.modality)].append(m)
    found: list[list[str]] = []
    for members in blocks.values():
        if focus is not None and not any(m.mention_id in focus for m in members):
            continue
        for component in link_components(sorted(members, key=lambda m: m.canonical), apart, memo):
            if focus is None or any(mid in focus for mid in component):
                found.append(component)
    return found


def rebuild(segs: Sequence[Sequence[str]], mentions: Mapping[str, ClusterMention],
            memo: PairMemo | None = None) -> EventChanges:
    """Cluster each group (link components, or any unions of them) again; ``mentions`` holds every member of them
    and nothing else, with the event each belonged to."""
    old_members: dict[str, set[str]] = defaultdict(set)
    for m in mentions.values():
        if m.old_event_id:
            old_members[m.old_event_id].add(m.mention_id)
    kept: set[str] = set()
    changes = EventChanges()
    for seg in segs:
        for members in cluster_mentions((mentions[mid] for mid in seg), memo):
            event_id = event_id_for(members[0].mention_id)
            if old_members.get(event_id) == {m.mention_id for m in members}:
                kept.add(event_id)  # same members, same id: the stored row is already this event
                continue
            changes.events.append(merge_event(members))
            changes.assignment.update((m.mention_id, event_id) for m in members)
    changes.stale = sorted(set(old_members) - kept)
    return changes

