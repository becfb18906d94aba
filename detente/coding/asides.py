"""Meeting and offer words that name no act of their own: a meeting noun that only qualifies another word ("the
focus of Tuesday's talks") and an offer of a view or a prospect ("offered little hope"). Two of the guide's
no-event conventions (``conventions``); the word classes are in ``data/conventions.yaml``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.syntax import child, lemma

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["in_passing", "no_offer"]


def in_passing(cand: Candidate, conv: Conventions) -> bool:
    """A meeting noun that only qualifies another word ("the primary focus of Tuesday's talks", "a constructive
    role in talks", "not supportive of Wednesday's council meeting"): the sentence says something about the
    talks (what they were about, who helped, who liked them), not that they were held; the act it reports, if
    any, is another. A meeting at which something happened ("at the meeting", "during talks") is left alone."""
    if cand.coded.type != "CONSULT" or not cand.mention.nominal:
        return False
    noun = cand.token
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return False
    gov = noun.head.head
    if gov.pos_ == "ADJ":
        return gov.lower_ not in conv.timing_adjectives  # "prior to the talks" dates an act at them
    return gov.pos_ == "NOUN" and lemma(gov) in conv.aspect_nouns


def no_offer(cand: Candidate, conv: Conventions) -> bool:
    """"Offered little hope of an end to the seizures", "offered no details", "offered his view": what is offered
    is a view, a piece of information or a prospect, not an act its giver commits to, so no AGREE."""
    verb = cand.mention.anchor
    if cand.coded.type != "AGREE" or lemma(verb) not in conv.offer_verbs:
        return False
    obj = child(verb, "dobj", "obj")
    return obj is not None and lemma(obj) in conv.unoffered_objects
