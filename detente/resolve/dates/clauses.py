"""Which clauses of a sentence may hold an event's own modifiers (a date, a place), best first; shared by the
date resolver here and the place resolver (places/event.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from detente.resolve.dates.vocabulary import lexicon
from detente.syntax import clause_head, has_to_marker, is_nominal

# Clause links across which an event shares the time of the clause above it.
_SHARED_TIME = {"conj", "xcomp", "advcl"}


@dataclass(slots=True)
class ClauseCandidate:
    """An expression (a date here, a place in places/event.py) found near an event's trigger: where it attaches,
    in which clause, how many clause hops and tokens away; the resolvers rank candidates by these."""

    span: Span
    attach: Token
    clause: Token
    hops: int
    distance: int


def _marker(clause: Token) -> str | None:
    for child in clause.children:
        if child.dep_ in ("mark", "advmod") and child.tag_ in ("IN", "WRB"):
            return child.lower_
    return None


ClauseRole = Literal["own", "simultaneous", "promised", "purpose", "coordinated", "complement", "shared",
                     "antecedent"]


def _noun_event(trigger: Token) -> bool:
    """Is the trigger an event noun inside a clause ("launched an offensive", "the siege began")?"""
    return is_nominal(trigger) and clause_head(trigger).i != trigger.i


def noun_participles(trigger: Token) -> Iterator[Token]:
    """The participles an event noun heads, which tell when and where it was done: "an offensive launched by
    forces in Puntland earlier this month", "the strikes carried out on Monday". Only passive participles: the
    noun is what they do, so their time and place are its own (not an infinitive: "the agreement to hold talks
    next month" is made before the talks)."""
    if _noun_event(trigger):
        yield from (c for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN")


def purposes(trigger: Token) -> Iterator[Token]:
    """The purpose an event noun is set going for, which it carries out: "launched an operation to flush out
    militants from the Boni Forest in 2015" (the infinitive hung on the noun or on the verb it is the object of;
    no subject of its own). The operation is done where and when its purpose is."""
    if not _noun_event(trigger):
        return
    clause = clause_head(trigger)
    heads = [trigger, clause] if trigger.dep_ in ("dobj", "obj") and trigger.head.i == clause.i else [trigger]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("acl", "relcl", "advcl") and has_to_marker(child) and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                yield child


def coordinated(clause: Token) -> Iterator[Token]:
    """The verbs coordinated after a clause's verb that share its subject and auxiliaries, and so the time and
    place said after the last of them: "was impeached and removed from office in mid-October" (both in
    mid-October). A verb with a subject or auxiliary of its own ("met Xi and will travel on Monday"), or one told
    as a later step ("and later killed 50 militants in airstrikes"), is an act apart."""
    lex = lexicon()
    for child in clause.children:
        if child.dep_ != "conj" or child.pos_ != "VERB" or child.i < clause.i:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") or
               (c.dep_ == "advmod" and c.lower_ in lex.own_time_words) for c in child.children):
            continue
        yield child


def subject_participles(clause: Token) -> Iterator[Token]:
    """The participle of issuing on the clause's subject, when the subject is the means the act is done by (a
    report, papers, a statement): "The papers, filed in a lawsuit in the US, allege ...", "a report released in
    Geneva on Tuesday accused ..." are alleging and accusing where and when they were filed and released."""
    means = lexicon().means_participles
    for subject in clause.children:
        if subject.dep_ == "nsubj" and subject.pos_ == "NOUN":
            yield from (c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN" and
                        c.lemma_.lower() in means)


def event_clauses(trigger: Token) -> Iterator[tuple[Token, ClauseRole]]:
    """Clauses whose modifiers (a date, a place) may belong to the trigger's event, best first: an event noun's
    own participles (``noun_participles``); its own clause; a simultaneous "as/when" clause under it; the content
    of a commissive ("promised that by the year's end pandas would …": ``promised``, hence future); an event
    noun's purpose (``purposes``); then, through "and", infinitives and non-ordering adverbial clauses, the clause
    above (``shared``), and from a gerund under a preposition that orders nothing ("led a group in calling on
    Rubio") the clause of the preposition's head; a bare participle of saying under the clause ("rejected the
    warrant, telling journalists in Banja Luka on Wednesday") is simultaneous. A relative clause ends with its
    antecedent ("in November, when they met"). Reported content (ccomp) never borrows its reporting verb's
    modifiers."""
    lex = lexicon()
    clause = clause_head(trigger)
    yield from ((p, "own") for p in noun_participles(trigger))
    for n in range(len(trigger.sent)):
        yield clause, "own" if clause.i == clause_head(trigger).i else "shared"
        for child in clause.children:
            if child.dep_ == "advcl" and _marker(child) in lex.simultaneous_markers:
                yield child, "simultaneous"
            elif child.dep_ == "advcl" and child.tag_ == "VBG" and _marker(child) is None and \
                    child.lemma_.lower() in lex.manner_participles | lex.onset_participles:
                yield child, "simultaneous"  # "rejected the warrant, telling journalists in Banja Luka on Wednesday"
            if child.dep_ in ("ccomp", "xcomp") and clause.lemma_.lower() in lex.commissive_lemmas:
                yield child, "promised"
            elif child.dep_ == "xcomp" and child.tag_ in ("VBG", "VBN") and not has_to_marker(child):
                yield child, "complement"  # "was discovered living in Baghdad", "kept fighting in the north"
        if n == 0:
            yield from ((c, "coordinated") for c in coordinated(clause))
            yield from ((p, "own") for p in subject_participles(clause))
            yield from ((p, "purpose") for p in purposes(trigger))
        head = clause.head
        if head.i == clause.i:
            return
        if clause.dep_ == "relcl":
            yield head, "antecedent"
            return
        if clause.dep_ == "pcomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return  # "with both rivals accusing the other": a gerund with a subject of its own is a situation apart
        if clause.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ not in lex.ordering_words:
            clause = clause_head(head.head)  # "led a group in calling on Rubio": the gerund is the leading's act
            continue
        if clause.dep_ not in _SHARED_TIME or _marker(clause) in lex.ordering:
            return
        clause = clause_head(head)
