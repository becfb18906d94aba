"""Governing triggers and the acts they govern: "agreed to withdraw", "urged X to release", "refused to meet".

A governor (a trigger whose sense has a role: intent, request, reject, ...) absorbs the nearest trigger in its
complement; what the pair becomes is ``compose``'s tables, applied in ``candidates``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.coding.triggers import Trigger
from detente.coding.words import OBJECT_CONTROL
from detente.syntax import agent, depth, is_nominal, is_passive, is_verbal, lemma


def _complement_children(gov: Trigger) -> list[Token]:
    """Tokens in the complement of a governing trigger, where the governed act may be found."""
    tok = gov.token
    if gov.sense.role == "stop":
        # "stopped implementing", "ceased to cooperate": a verbal complement; "stopped the march" is no stop of
        # an act of the marchers' own
        return [c for c in tok.children if c.dep_ == "xcomp"]
    heads = [tok]
    if gov.phrase is not None:
        heads = list(gov.phrase)
    out: list[Token] = []
    if (tok.dep_ in ("acomp", "attr") or gov.phrase is not None) and tok.head != tok:
        cop = tok.head
        heads.append(cop)  # "is ready to ...": the infinitive may hang on the copula
        # "removing the sanctions is out of the question": the clause subject is what is rejected
        out.extend(c for c in cop.children if c.dep_ in ("csubj", "nsubj") and
                   (c.dep_ == "csubj" or c.tag_ == "VBG" or any(g.dep_ in ("dobj",) for g in c.children)))
    if is_nominal(tok) and tok.dep_ in ("dobj", "obj") and is_verbal(tok.head):
        # "reiterated its demand that Israel ease ...": the content clause may hang on the verb
        out.extend(c for c in tok.head.children if c.dep_ in ("ccomp",) and c.i > tok.i)
    if is_nominal(tok) and gov.sense.role:
        # "renewed calls to impose sanctions", "added to calls in Congress to impose": the parser may hang the
        # noun's infinitive on the verb above; it is the noun's when it starts right after the noun's phrase
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if verb != tok and is_verbal(verb):
            out.extend(c for c in verb.children if c.dep_ in ("advcl", "xcomp") and
                       c.left_edge.i == tok.right_edge.i + 1 and
                       any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
    for h in heads:
        for c in h.children:
            if c.dep_ in ("xcomp", "ccomp", "dobj", "obj", "oprd", "acl", "nsubjpass", "advcl", "relcl"):
                if c.dep_ == "advcl" and not any(a.lower_ in ("to", "for", "that") for a in c.children):
                    continue
                if c.dep_ in ("nsubjpass", "dobj", "obj", "relcl", "acl") and h != tok:
                    continue
                out.append(c)
            elif c.dep_ in ("prep", "prt") and c.lower_ in ("for", "to", "on", "of", "about", "against", "upon",
                                                               "from", "with", "in"):
                for g in c.children:
                    if g.dep_ in ("pobj", "pcomp"):
                        out.append(g)
                        # "called on Israel to withdraw": the infinitive hangs on the object
                        out.extend(x for x in g.children if x.dep_ in ("acl", "relcl") and x.tag_ == "VB")
                    # "called on Israel to withdraw" with the infinitive on the preposition
                    if g.dep_ in ("xcomp", "acl"):
                        out.append(g)
    return out


def find_child(gov: Trigger, mentions: list[Trigger], used: set[int]) -> Trigger | None:
    """The act a governing trigger governs: a mention anchored in its complement, nearest first."""
    found = _find_child(gov, mentions, used)
    if found is None and gov.sense.role == "reject":
        # "refused to respond to a demand from the US": what is refused may sit deeper
        inside = {t.i for t in gov.token.subtree}
        deeper = [m for m in mentions if m is not gov and id(m) not in used and m.nominal and
                  m.token.i in inside and m.sense.type in ("REQUEST", "AGREE")]
        if deeper:
            found = min(deeper, key=lambda m: abs(m.token.i - gov.token.i))
    return found


def _find_child(gov: Trigger, mentions: list[Trigger], used: set[int]) -> Trigger | None:
    comp = _complement_children(gov)
    best: Trigger | None = None
    best_d = 10_000
    for m in mentions:
        if m is gov or id(m) in used:
            continue
        if m.owner is not None and m.owner == gov.token:
            d = abs(m.token.i - gov.token.i)
        else:
            d = 10_000
            for c in comp:
                for node in (m.anchor, m.token):
                    if node == c or (node.head == c and node.dep_ in ("dobj", "pobj", "xcomp")):
                        d = min(d, abs(node.i - gov.token.i))
                    elif node.dep_ == "conj" and node.head == c:
                        d = min(d, abs(node.i - gov.token.i) + 50)
        if d < best_d:
            best, best_d = m, d
    return best




def passive_without_agent(m: Trigger) -> bool:
    tok = m.token
    return not m.nominal and is_passive(tok) and agent(tok) is None



@dataclass(slots=True)
class Pairs:
    """Which governor took which act (by ``id`` of the mentions), the acts coordinated with it, and every
    mention that is no event of its own any more."""

    used: set[int] = field(default_factory=set)
    composed: dict[int, Trigger] = field(default_factory=dict)
    siblings: dict[int, list[Trigger]] = field(default_factory=dict)


def pair_governors(mentions: list[Trigger]) -> Pairs:
    """Each governing trigger with the act it governs, deepest governor first ("refused to agree to talks":
    "agree" takes the talks before "refused" takes "agree")."""
    pairs = Pairs()
    used, composed, siblings = pairs.used, pairs.composed, pairs.siblings
    governors = sorted((m for m in mentions if m.sense.role), key=lambda m: -depth(m.token))
    for gov in governors:
        if id(gov) in used:
            continue
        if gov.sense.role == "intent" and passive_without_agent(gov) and lemma(gov.token) in OBJECT_CONTROL:
            used.add(id(gov))  # "was invited to speak": the inviter is unknown, the speech is the event
            continue
        kid = find_child(gov, mentions, used)
        if kid is not None:
            used.add(id(kid))
            composed[id(gov)] = kid
            # coordinated acts go with it: "not to compromise or concede"
            for other in mentions:
                if other is not kid and id(other) not in used and other.anchor.dep_ == "conj" and \
                        other.anchor.head == kid.anchor:
                    used.add(id(other))
                    siblings.setdefault(id(kid), []).append(other)
    return pairs
