"""When "threaten" is no threat: PLOVER's THREATEN is a coercive warning, an actor announcing what it will do to
another ("warned it would smash any independence plots", "threatened Taiwan"). News also uses the word for
endangering, where the one that "threatens" is a thing: "the province is threatened by the high consumption of
dog meat", "rising seas threaten the islands". A thing announces nothing and coerces nobody, so a threat or
warning word whose own actor (its subject, or a passive's "by" agent) names no actor is no event.

A threat word that governs an act the coder read ("threatened to impose sanctions") is that act's threat and is
left alone. Warnings *about* a danger ("officials warned of a possible resurgence") were measured too and are not
screened (docs/coding.md, "REQUEST, REJECT and THREATEN on unseen news").
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding.candidates import Candidate
from detente.coding.words import looks_like_actor
from detente.syntax import agent, is_passive, is_verbal, subject


def screen(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` without the endangerings read as threats."""
    return [c for c in candidates if not endangers(c)]


def endangers(cand: Candidate) -> bool:
    """A THREATEN read from a threat or warning verb alone (no governed act) whose own actor is a thing."""
    if cand.coded.type != "THREATEN" or cand.child is not None or cand.mention.sense.role != "threaten":
        return False
    verb = cand.token
    if not is_verbal(verb):
        return False  # a noun's threat is read through its light verb or its adjunct ("a warning to X")
    doer = threatener(verb)
    return doer is not None and not looks_like_actor(doer)


def threatener(verb: Token) -> Token | None:
    """Who or what threatens: the active subject, or a passive's "by" agent (none when unnamed)."""
    return agent(verb) if is_passive(verb) else subject(verb)
