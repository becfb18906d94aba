"""Where in the parse a candidate's act is told: the clauses whose tense, modals and adverbs say whether it
happened. Shared by the guide's no-event conventions (``conventions``) and the habit frame (``habits``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.syntax import clause_head, controlling_verbs

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate

__all__ = ["act_anchors", "clause_chain"]


def clause_chain(tok: Token) -> list[Token]:
    """``tok``'s clause head and the heads of the clauses it is coordinated with or controlled by."""
    head = clause_head(tok)
    return [head, *controlling_verbs(head)]


def act_anchors(cand: Candidate) -> list[Token]:
    """The tokens whose clause says whether the act happened: the trigger, its light verb, a composed act."""
    out = [cand.token]
    if cand.mention.anchor != cand.token:
        out.append(cand.mention.anchor)
    if cand.child is not None:
        out.append(cand.child.token)
    return out
