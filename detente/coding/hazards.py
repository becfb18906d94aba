"""A violent act done by a hazard is a misfortune, no event: "four people were killed when a fire broke out",
"were killed when a thunderstorm struck", "the crash, which killed eight people", "firefighters battled the blaze",
"had been battling cancer", "died from a heart attack". PLOVER's ASSAULT is one party using force on another; a
fire, a storm, an accident or an illness is no party, and the guide leaves weather, bushfires, accidents and
obituaries uncoded (docs/labelling.md, the sixth draw's decisions). One of the guide's no-event conventions
(``conventions``); the hazards are data (``hazard_nouns``, ``hazard_types`` in ``data/conventions.yaml``).

Where a hazard stands: the act's doer (its subject, a passive's "by" agent, the noun the act's clause modifies:
"the crash, which killed eight people", "the worst flooding to hit"; for an infinitive the subject above it), its
object ("battled the blaze"), what it happened in, during or by ("killed in a car crash"), the subject of a
"when"/"after"/"as" clause on the act or a verb coordinated with it ("were killed and others injured when a fire
broke out"), or the act's own noun ("a heart attack"). One screen and one word list since fold14: the lexicon's
refusal of a verb of force done by a force of nature (``triggers._causes``, ``natural_forces``) is this screen's.
Words of the trigger itself ("opened fire") are no hazard, and "fire" with a modifier is a weapon's ("tank fire
which killed three gunmen": ``weapon_hazards``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.syntax import agent, children, direct_object, lemma

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions
    from detente.coding.triggers import Trigger

__all__ = ["by_a_hazard", "hazard_act"]

_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def by_a_hazard(cand: Candidate, conv: Conventions) -> bool:
    """A violent act whose doer, object, cause clause or setting is a fire, a storm, an accident or an illness,
    or a warning a hazard names ("issued blizzard warnings": the weather's, no threat of a party)."""
    if cand.coded.type.lower() in conv.hazard_warning_types:
        return cand.token.pos_ == "NOUN" and any(_hazard(c, conv) for c in children(cand.token, "compound"))
    return cand.coded.type.lower() in conv.hazard_types and hazard_act(cand.mention, conv)


def hazard_act(mention: Trigger, conv: Conventions) -> bool:
    """Whether a hazard stands in the act's own noun ("a heart attack") or around its clause; the words of the
    trigger itself ("opened fire") are none."""
    if mention.token.pos_ == "NOUN" and _hazard(mention.token, conv):
        return True  # "a heart attack"; not "fired at the guards"
    own = {mention.token.i, mention.anchor.i}
    if mention.phrase is not None:
        own |= {t.i for t in mention.phrase}
    return any(t.i not in own and _hazard(t, conv) for t in _around(mention.anchor, conv))


def _around(verb: Token, conv: Conventions) -> Iterator[Token]:
    """What the act's verb may be the work of, or be fought against: its doers (subject, a passive's "by" agent,
    the noun it modifies: "the crash, which killed eight people", "the worst flooding to hit"; for an infinitive
    the subject of the verb above: "floods continued to hit"), its object ("battled the blaze"), what it happened
    in, during or by ("killed in a car crash"), and the subjects of the cause clauses on it or its conjuncts
    ("were killed when a thunderstorm struck") or their own verb ("trapped after a roof collapsed"), the nouns of a
    cause phrase ("injured as a result of the fires"), the object of an infinitive ("battled to put out a fire")
    and the compound of an object ("battling a fire band")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "dobj", "obj"):
            yield c
        elif c.dep_ in ("prep", "agent") and c.lower_ in conv.hazard_preps:
            yield from children(c, "pobj")
        elif c.dep_ == "prep" and c.lower_ in conv.cause_preps:
            yield from _cause_nouns(c)  # "injured as a result of the fires"
    for v in [verb, *children(verb, "xcomp")]:  # "battled to put out a fire"
        obj = direct_object(v)
        if obj is not None:
            yield obj
            yield from children(obj, "compound")  # "battling a fire band"
    by = agent(verb)
    if by is not None:
        yield by
    if verb.dep_ in ("acl", "relcl") and verb.head != verb:
        yield verb.head
    elif verb.dep_ == "xcomp" and verb.head != verb:
        yield from children(verb.head, "nsubj")
    linked = [verb, *children(verb, "conj")] + ([verb.head] if verb.dep_ == "conj" else [])
    for v in linked:
        for clause in children(v, "advcl"):
            if any(m.lower_ in conv.hazard_marks and m.dep_ in ("advmod", "mark") for m in clause.children):
                yield clause  # "trapped after a roof collapsed"
                yield from children(clause, "nsubj", "nsubjpass")


def _cause_nouns(prep: Token) -> Iterator[Token]:
    """The nouns a cause phrase names, down its prepositions only ("as a result of the fires", "due to the
    storm"): not into a clause inside it ("as forces charged in pursuit of gunmen who opened fire")."""
    for noun in children(prep, "pobj"):
        yield noun
        for inner in children(noun, "prep"):
            yield from children(inner, "pobj")
    for inner in children(prep, "prep"):  # "due to", "because of"
        yield from children(inner, "pobj")


def _hazard(tok: Token, conv: Conventions) -> bool:
    """A hazard, alone ("the blaze", "floods") or a noun with its compound ("heart attack"); a weapon's word
    ("fire") only unmodified ("a fire broke out", not "tank fire")."""
    if tok.pos_ == "NOUN":
        words = [c.lower_ for c in tok.children if c.dep_ == "compound"]
        if words and " ".join([*words, lemma(tok)]) in conv.hazard_nouns:
            return True
    if lemma(tok) not in conv.hazard_nouns:
        return False
    return lemma(tok) not in conv.weapon_hazards or not any(c.dep_ in _MODIFIERS for c in tok.children)
