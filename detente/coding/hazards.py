"""A violent act done by a hazard is a misfortune, no event: "four people were killed when a fire broke out",
"were killed when a thunderstorm struck", "the crash, which killed eight people", "firefighters battled the blaze",
"had been battling cancer", "died from a heart attack". PLOVER's ASSAULT is one party using force on another; a
fire, a storm, an accident or an illness is no party, and the guide leaves weather, bushfires, accidents and
obituaries uncoded (docs/labelling.md, the sixth draw's decisions). One of the guide's no-event conventions
(``conventions``); the hazards are data (``hazard_nouns``, ``hazard_types`` in ``data/conventions.yaml``).

Where a hazard stands: the act's doer (its subject, a passive's "by" agent, the noun a relative "which" stands for),
its object ("battled the blaze"), the subject of a "when"/"after"/"as" clause on the act or a verb coordinated with
it ("were killed and others injured when a fire broke out"), or the act's own noun ("a heart attack"). Words of the
trigger itself ("opened fire") are no hazard, and "fire" with a modifier is a weapon's ("tank fire which killed
three gunmen": ``weapon_hazards``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.syntax import agent, child, children, lemma

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["by_a_hazard"]

_RELATIVE_PRONOUNS = frozenset({"which", "that"})
_CAUSE_MARKS = frozenset({"when", "after", "as"})
_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def by_a_hazard(cand: Candidate, conv: Conventions) -> bool:
    """A violent act whose doer, object or cause clause is a fire, a storm, an accident or an illness."""
    if cand.coded.type.lower() not in conv.hazard_types:
        return False
    own: set[int] = set()
    if cand.mention.phrase is not None:
        own = {t.i for t in cand.mention.phrase}
    own |= {cand.token.i, cand.mention.anchor.i}
    if _hazard(cand.token, conv):
        return True  # "a heart attack"
    return any(t.i not in own and _hazard(t, conv) for t in _around(cand.mention.anchor))


def _around(verb: Token) -> Iterator[Token]:
    """The doer and object of the act's verb, and the subjects of the cause clauses on it or its conjuncts."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "dobj", "obj"):
            yield c
    by = agent(verb)
    if by is not None:
        yield by
    if verb.dep_ == "relcl" and any(c.lower_ in _RELATIVE_PRONOUNS and c.dep_.startswith("nsubj")
                                    for c in verb.children):
        yield verb.head  # "the crash, which killed eight people"
    linked = [verb, *children(verb, "conj")] + ([verb.head] if verb.dep_ == "conj" else [])
    for v in linked:
        for clause in children(v, "advcl"):
            if any(m.lower_ in _CAUSE_MARKS and m.dep_ in ("advmod", "mark") for m in clause.children):
                subj = child(clause, "nsubj", "nsubjpass")
                if subj is not None:
                    yield subj


def _hazard(tok: Token, conv: Conventions) -> bool:
    """A hazard noun, alone ("the blaze") or with its compound ("heart attack"); a weapon's word ("fire") only
    unmodified ("a fire broke out", not "tank fire")."""
    if tok.pos_ != "NOUN":
        return False
    words = [c.lower_ for c in tok.children if c.dep_ == "compound"]
    if words and " ".join([*words, lemma(tok)]) in conv.hazard_nouns:
        return True
    if lemma(tok) not in conv.hazard_nouns:
        return False
    return lemma(tok) not in conv.weapon_hazards or not any(c.dep_ in _MODIFIERS for c in tok.children)
