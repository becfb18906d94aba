"""When two mentions can be one event: the pairwise rule, assembled from the modules that hold its parts.

- ``blocks``: type families and what each is (directed, a statement, modes naming a setting);
- ``features``: the mention as clustering sees it (``ClusterMention``) and the identity features the rule reads;
- ``acts``: what a trigger says about its act (a kind of act, one act word);
- ``compatibility``: ``compatible``, the refusals (medium, countries, dates, places, sides, voices, acts);
- ``links``: ``link_strength``, the evidence that two compatible mentions are one event.

The names other packages import from here stay here (the store's windows, the calendar's family). The rule and
every threshold are explained in docs/events.md.
"""

from __future__ import annotations

from detente.clustering.blocks import TYPE_FAMILY, family
from detente.clustering.compatibility import DATE_TOLERANCE_DAYS, compatible
from detente.clustering.features import (
    SEASON_MONTHS,
    UNRESOLVED_WINDOW_BY_GENRE,
    UNRESOLVED_WINDOW_DAYS,
    ClusterMention,
    named_actor,
)
from detente.clustering.links import link_strength

__all__ = [
    "DATE_TOLERANCE_DAYS",
    "SEASON_MONTHS",
    "TYPE_FAMILY",
    "UNRESOLVED_WINDOW_BY_GENRE",
    "UNRESOLVED_WINDOW_DAYS",
    "ClusterMention",
    "compatible",
    "family",
    "link_strength",
    "named_actor",
]
