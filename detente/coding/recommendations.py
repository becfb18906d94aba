"""Acts named in a judgement of what is good or needed are no events: "it is necessary for India to have constant
engagement with Mauritius", "deterrence was necessary to resist China's aggression". The speaker judges or
recommends an act; nobody did it or announced it. The guide codes a hedged demand ("it might be necessary to
renegotiate Schengen") as the demand, REQUEST, and the content of a demand is no event of its own
(docs/labelling.md, "Several events", "Speech"); a cooperative act judged good ("it was good to maintain
engagements") is an opinion, no AGREE: the guide's willingness needs a commitment word ("ready", "willing"), which
is no recommending adjective. One of the guide's no-event conventions (``conventions``); the adjectives are data
(``recommending_adjectives`` in ``data/conventions.yaml``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.coding.anchors import act_anchors, clause_chain
from detente.syntax import has_to_marker, lemma

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["recommended"]

# How an infinitive hangs under its judgement: "good to maintain" (xcomp of the copula or of the adjective),
# "necessary for India to have" (an adverbial clause of the copula).
_INFINITIVE_DEPS = frozenset({"xcomp", "advcl", "ccomp"})


def recommended(cand: Candidate, conv: Conventions) -> bool:
    """An act in the infinitive under an adjective of what is good or needed: a judgement, not an act; the
    hedged demand itself, a warning and a charge stay (``recommendation_acts``)."""
    if cand.coded.type.lower() in conv.recommendation_acts:
        return False
    return any(_under_recommendation(verb, conv) for anchor in act_anchors(cand) for verb in clause_chain(anchor))


def _under_recommendation(verb: Token, conv: Conventions) -> bool:
    """``verb`` is a "to" infinitive whose governor is a recommending adjective, or a copula that has one."""
    if verb.dep_ not in _INFINITIVE_DEPS or not has_to_marker(verb) or verb.head == verb:
        return False
    gov = verb.head
    if gov.pos_ == "ADJ":
        return gov.lower_ in conv.recommending_adjectives
    return lemma(gov) == "be" and any(c.dep_ == "acomp" and c.lower_ in conv.recommending_adjectives
                                      for c in gov.children)
