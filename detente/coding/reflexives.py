"""A material conflict act its doer does to itself is no event: "Abu Nidal had shot and killed himself", "the
gunmen barricaded themselves inside". PLOVER codes acts of one party on another; a suicide or a self-inflicted act
has no target, and the place or the bystander the coder may fill in for one did not suffer it. One of the guide's
no-event conventions (``conventions``); the pronouns are data (``reflexive_pronouns`` in
``data/conventions.yaml``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.coding.cameo import quad_class
from detente.syntax import child, coordinated_verbs, is_verbal

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["self_inflicted"]


def self_inflicted(cand: Candidate, conv: Conventions) -> bool:
    """A material conflict act (quad class 4) whose verb's object is a reflexive pronoun, or, for a verb with no
    object of its own, whose coordinated verb's is ("shot and killed himself": both done to himself)."""
    if quad_class(cand.coded.cameo) != 4:
        return False
    verb = cand.mention.anchor
    if not is_verbal(verb):
        return False
    obj = child(verb, "dobj", "obj")
    if obj is not None:
        return obj.lower_ in conv.reflexive_pronouns
    return any(_reflexive_object(v, conv) for v in coordinated_verbs(verb))


def _reflexive_object(verb: Token, conv: Conventions) -> bool:
    obj = child(verb, "dobj", "obj")
    return obj is not None and obj.lower_ in conv.reflexive_pronouns
