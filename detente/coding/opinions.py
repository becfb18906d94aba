"""An opinion piece's own views are no events: the guide codes an op-ed's own demands and judgements `-`, and the
acts of others it reports (docs/labelling.md, the ninth draw's decisions: "op-eds' own demands `-`", "signed
columns of state media are op-eds (their judgements `-`)"). Nothing in a sentence of an analysis says whose voice
it is ("Retrospectives of the Obama presidency praise everything from her healthy food to her high fashion"); its
title does, where an outlet labels its genre before a colon ("ANALYSIS: ...", "Opinion: ...", "Review: ...").

In such a piece a verbal event (PLOVER's verbal cooperation or conflict: praise, demands, accusations) that no one
is quoted as saying is the author's own view, and is dropped; a quoted speaker's words and material acts stay."""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.coding.cameo import quad_class

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["authors_view", "opinion_title", "title_label"]

_VERBAL = frozenset({1, 3})  # PLOVER/CAMEO quad classes: verbal cooperation and verbal conflict


def title_label(title: str | None) -> str:
    """The genre label an outlet writes before a colon in a title ("ANALYSIS: ...", "Obituary: ..."), lowercased;
    "" when the title has none."""
    if not title or ":" not in title:
        return ""
    return title.split(":", 1)[0].strip().lower()


def opinion_title(title: str | None, conv: Conventions) -> bool:
    """Whether the title labels its story an opinion piece before a colon ("ANALYSIS: Michelle Obama a Tough Act")."""
    return title_label(title) in conv.opinion_labels


def authors_view(cand: Candidate) -> bool:
    """A verbal event that no quoted speaker says: in an opinion piece, the author's own view."""
    return cand.speaker is None and quad_class(cand.coded.cameo) in _VERBAL
