"""A violent act named as what is ended, stopped or prevented is no act reported: "a promise to hunt down suicide
bombers and end armed attacks against Israeli targets", "is not working to foil terror attacks", "calling for an
end to mandatory detention". The sentence reports the promise, the failing or the call (and an ending declared is
a concession of its own); the attacks or the detention it names are a practice to stop, neither one act done nor
one to come. One of the guide's no-event conventions (``conventions``); the words are data (``ending_words``,
``ended_types`` in ``data/conventions.yaml``).

The act is a noun (a verb has a clause and a time of its own), reached from the ending word as its object, as the
object of its "to" or "of" ("an end to", "a halt to", "the cessation of"), or through a noun that lists such acts
("an end to its campaign of suicide bombings and other attacks")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.syntax import lemma

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["ended"]

_STEPS = 4  # links walked up from the act's noun


def ended(cand: Candidate, conv: Conventions) -> bool:
    """A violent act's noun that an ending word takes ("end armed attacks", "an end to detention")."""
    if cand.coded.type.lower() not in conv.ended_types or not cand.mention.nominal or cand.child is not None:
        return False
    tok = cand.token
    for _ in range(_STEPS):
        if tok.dep_ == "conj":
            tok = tok.head  # "bombings and other attacks"
        elif tok.dep_ in ("dobj", "obj"):
            return lemma(tok.head) in conv.ending_words  # "end armed attacks", "foil terror attacks"
        elif tok.dep_ == "pobj" and tok.head.lower_ in ("to", "of"):
            owner = tok.head.head
            if owner.pos_ == "NOUN" and lemma(owner) in conv.ending_words:
                return True  # "an end to", "the cessation of"
            if owner.pos_ != "NOUN":
                return False
            tok = owner  # "an end to its campaign of bombings"
        else:
            return False
    return False
