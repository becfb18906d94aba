"""Clustering: mentions of one real-world exchange, from one or many documents, become one event.

One meeting told three times in an article and again by two other outlets is one event with five mentions and
three sources. Everything here is a pure function of mentions; the store reads them and writes the result in the
same transaction as the documents they come from (``Store.add_batch``). The rule and its thresholds:
docs/events.md.

- ``rule``: when two mentions can be one event (the pairwise rule), assembled from ``blocks`` (type families),
  ``features`` (the mention as clustering sees it), ``acts`` (what a trigger says), ``compatibility`` (the
  refusals) and ``links`` (the evidence and its strength);
- ``segments``: blocks, link components (the mentions the rule actually links; what the store's index labels)
  and the clusters inside one of them;
- ``merge``: one ``Event`` from the mentions of one cluster;
- ``rebuild``: which events change when mentions arrive.
"""

from detente.clustering.merge import event_id_for, merge_event
from detente.clustering.rebuild import EventChanges, affected_components, rebuild
from detente.clustering.rule import TYPE_FAMILY, ClusterMention, compatible, family, link_strength, named_actor
from detente.clustering.segments import LightMention, cluster_mentions, light_mention, link_components

__all__ = [
    "TYPE_FAMILY",
    "ClusterMention",
    "EventChanges",
    "LightMention",
    "affected_components",
    "cluster_mentions",
    "compatible",
    "event_id_for",
    "family",
    "light_mention",
    "link_components",
    "link_strength",
    "merge_event",
    "named_actor",
    "rebuild",
]
