"""Blocks: the mentions that may merge at all (one type family, one modality), and what a family is.

A meeting (CONSULT) and the agreement reached at it (AGREE) are two events; a family is directed or not, a
statement or an act, and its modes name a setting or the act itself. docs/events.md, "Block" and "Compatible".
"""

from __future__ import annotations

from detente import datafiles

# Mentions merge only within one family. A type missing from this table is its own family, and so is every
# PLOVER type today: a meeting (CONSULT) and the agreement reached at it (AGREE) are two events, linked by
# actors and date but counted apart. Map close types to one family name here to let them merge.
TYPE_FAMILY: dict[str, str] = {}
# Families where actor/recipient order carries no identity: PLOVER lists all participants of a meeting as
# actors, or the visitor as actor and the host as recipient, so "A met B" and "B met A" are one meeting.
UNDIRECTED_FAMILIES = frozenset({"CONSULT", "COOPERATE"})
# Families whose PLOVER modes name the setting of one act (a meeting as a visit, multilateral, through a third
# party), which outlets tell differently; in every other family a mode names the act itself (ASSAULT aerial or
# firearms, COERCE seize or martial-law, RETREAT withdraw or release), so two known modes that differ are two acts.
SETTING_MODE_FAMILIES = frozenset({"CONSULT"})


def _statement_families() -> frozenset[str]:
    """The families whose event is a statement, which a different speaker makes a different event."""
    data = datafiles.load("detente.clustering", "data/statements.yaml")
    return frozenset(str(f) for f in data["statement_families"])


STATEMENT_FAMILIES = _statement_families()


def family(event_type: str) -> str:
    return TYPE_FAMILY.get(event_type, event_type)
