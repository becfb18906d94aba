"""Who acts in a clause: its subject, a passive's agent, or the actor it inherits from the clause above.

Relative clauses take the noun they modify, infinitives of object-control verbs their object, other infinitives
and coordinated verbs the subject of the verb they depend on. Grammar comes from ``detente.syntax``; which
nouns can act and which verbs pass on their object are word classes (``words``).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding.words import OBJECT_CONTROL, looks_like_actor
from detente.syntax import (
    agent,
    child,
    is_nominal,
    is_passive,
    is_pronoun,
    is_relative_pronoun,
    is_verbal,
    lemma,
    passive_subject,
    prep_objects,
    subject,
)


def clause_subject(verb: Token) -> tuple[Token | None, str]:
    """The actor of ``verb``'s clause: subject, passive agent, or the subject it inherits.

    Relative clauses take the noun they modify ("Wang Wentao, who visited"), infinitives of object-control
    verbs the object ("urged Israel to withdraw"), other infinitives and coordinated verbs the subject of the
    verb they depend on.
    """
    if is_passive(verb):
        a = agent(verb)
        return (a, "agent") if a is not None else (None, "passive")
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        a = agent(verb)
        if a is not None:
            return a, "agent"  # a participle on a noun: in "books banned by the Taliban" the Taliban ban
    s = subject(verb)
    if s is not None:
        if is_relative_pronoun(s) and verb.dep_ in ("relcl", "acl", "advcl"):
            return verb.head, "relcl"
        if s.dep_ == "expl" or s.lower_ in ("there",):
            return None, "expl"
        return s, "subj"
    dep = verb.dep_
    head = verb.head
    if head == verb:
        return None, ""
    if dep in ("relcl", "acl") and is_nominal(head):
        same = _copula_identity(head)
        if same is not None:
            return same, "relcl"
        if dep == "relcl" or looks_like_actor(head):
            return head, "relcl" if dep == "relcl" else "acl"
        # "the right of Russian troops to fire": whose right it is
        owner = child(head, "poss") or next((o for _p, o in prep_objects(head, ("of",)) if looks_like_actor(o)), None)
        if owner is not None and dep == "acl" and not is_pronoun(owner):
            return owner, "acl"
    if dep == "xcomp" and is_passive(head):
        s = passive_subject(head)
        if s is not None:
            return s, "control"  # "was invited to deliver a speech": the invitee speaks
    if dep == "xcomp":
        obj = child(head, "dobj", "obj")
        if obj is not None and lemma(head) in OBJECT_CONTROL and looks_like_actor(obj):
            return obj, "control"
        for _p, o in prep_objects(head, ("on", "upon")):
            if lemma(head) in OBJECT_CONTROL:
                return o, "control"
    for anc in verb.ancestors:
        if is_verbal(anc) or anc.pos_ == "ADJ":
            if is_passive(anc):
                a = agent(anc)
                if a is not None:
                    return a, "inherited"
                continue
            s = subject(anc)
            if s is not None and s.lower_ == "it" and lemma(anc) == "be" and child(anc, "acomp", "attr"):
                return None, "extraposed"  # "it was good to maintain ...": nobody is "it"
            if s is not None and s.dep_ != "expl":
                if is_relative_pronoun(s) and anc.dep_ == "relcl":
                    return anc.head, "relcl"
                return s, "inherited"
        if anc.dep_ in ("ROOT",):
            break
    return None, ""


def _copula_identity(noun: Token) -> Token | None:
    """"The last official to travel there was Wang Wentao": the subject of a copula is its attribute."""
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and lemma(verb) == "be":
        attr = child(verb, "attr")
        if attr is not None and looks_like_actor(attr):
            return attr
    return None

