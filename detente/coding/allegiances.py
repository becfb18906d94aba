"""A side taken is no act: "opposition figures supporting former president Gbagbo", "militias backing the army"
describe who the figures or the militias are, not praise or endorsement given at a time (PLOVER SUPPORT is a
verbal act). The guide codes an act in a participle as a backgrounded event ("who seized power"); a participle of
support on a noun is a description of that noun's allegiance, and the guide does not code states. One of the
guide's no-event conventions (``conventions``); the types are data (``allegiance_types`` in
``data/conventions.yaml``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["allegiance"]


def allegiance(cand: Candidate, conv: Conventions) -> bool:
    """A SUPPORT read from a present participle that modifies a noun ("figures supporting Gbagbo")."""
    verb = cand.mention.anchor
    return cand.coded.type.lower() in conv.allegiance_types and verb.tag_ == "VBG" and verb.dep_ == "acl" and \
        verb.head.pos_ in ("NOUN", "PROPN")
