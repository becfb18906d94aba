"""Whether a coded act happened: asserted, negated, planned or hypothetical, read from its clause.

The cues are auxiliaries and markers on the event's clause (``will``, ``could``, ``not``, ``if``), modifiers of
a noun event ("upcoming talks", "no talks"), and the clauses it is embedded in: negation and modals carry into
coordinated and controlled verbs ("will visit and meet", "will continue to send") but not into adverbial
clauses, so in "have not met since November, when they held talks" only the meeting in the main clause is
negated. Cue words are data (``data/modality.yaml``); what an auxiliary means (future, "would", possible,
deontic) is grammar (``detente.syntax.modal``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from detente.coding.lexicon import load_data
from detente.records import DateResolution, Modality
from detente.syntax import MODAL_AUXILIARIES, controlling_verbs, is_verbal, lemma, modal, would_is_future


@dataclass(frozen=True, slots=True)
class Cues:
    deontic_aux: frozenset[str]  # the grammar's deontic modals (the coder keeps their sentences)
    deontic_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    planned_modifiers: frozenset[str]
    negators: frozenset[str]
    negating_verbs: frozenset[str]
    negating_nouns: frozenset[str]
    negating_preps: frozenset[str]
    alternative_marks: frozenset[str]
    considering_verbs: frozenset[str]
    disclosure_verbs: frozenset[str]
    disclosure_givers: frozenset[str]
    disclosure_nouns: frozenset[str]
    plotting_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue words; the modal auxiliaries are the grammar's (``detente.syntax.MODAL_AUXILIARIES``)."""
    data = load_data("modality.yaml")
    words = {name: frozenset(str(w) for w in data[name]) for name in Cues.__dataclass_fields__
             if name != "deontic_aux"}
    return Cues(deontic_aux=MODAL_AUXILIARIES["deontic"], **words)


@dataclass(slots=True)
class Flags:
    """What the clause says about its act; ``modality`` sums it up."""

    negated: bool = False
    future: bool = False
    would: bool = False
    possible: bool = False
    conditional: bool = False
    deontic: bool = False
    cues: list[str] = field(default_factory=list)

    def merge(self, other: Flags) -> None:
        self.negated |= other.negated
        self.future |= other.future
        self.would |= other.would
        self.possible |= other.possible
        self.deontic |= other.deontic
        self.cues.extend(other.cues)

    def modality(self, reported: bool) -> Modality:
        """``reported``: the clause is the complement of a verb of saying, where "would" is a future."""
        if self.negated:
            return "negated"
        if self.conditional or self.possible:
            return "hypothetical"
        if self.future or (self.would and would_is_future("assertion", reported)):
            return "planned"
        if self.would:
            return "hypothetical"
        return "asserted"

    @property
    def unrealised(self) -> bool:
        return self.future or self.would or self.possible or self.conditional


def dated_modality(modality: Modality, date: DateResolution, published: dt.date | None,
                   demand: bool = False) -> Modality:
    """The modality once the event is dated. The clause's own future ("will", "would" as
    ``detente.syntax.would_is_future`` reads it) is already in ``modality``; an act the clause asserts but
    its date puts after publication is announced, not yet happened: planned. A demand ("must withdraw by
    Friday") stays asserted."""
    if modality == "asserted" and date.date and published and date.precision != "unresolved" and \
            date.date > published + dt.timedelta(days=1) and not demand:
        return "planned"
    return modality


def _perfect(verb: Token) -> bool:
    """A modal with a perfect infinitive ("must have given the orders", "should have acted") infers or
    regrets the past: no demand can be made of what is done."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)


def _own_flags(verb: Token, cues: Cues) -> Flags:
    f = Flags()
    for c in verb.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "advmod" and low in ("never",)):
            f.negated = True
            f.cues.append(low)
        elif c.dep_ in ("aux", "auxpass"):
            kind = modal(c)
            if kind == "future":
                f.future = True
            elif kind == "would":
                f.would = True
            elif kind == "possible":
                f.possible = True
            elif kind == "deontic":
                f.deontic = not _perfect(verb)
            if kind is not None:
                f.cues.append(low)
        elif c.dep_ == "mark" and low in cues.conditional_marks:
            f.conditional = True
            f.cues.append(low)
    head = verb.head
    if verb.dep_ == "acl" and head != verb and lemma(head) in cues.negating_nouns and \
            any(a.lower_ == "to" for a in verb.children):
        f.negated = True
        f.cues.append(lemma(head))
    if verb.dep_ == "xcomp" and head != verb:
        hl = lemma(head)
        if hl in cues.deontic_verbs and any(a.lower_ == "to" for a in verb.children):
            f.deontic = True
            f.cues.append(hl)
        elif hl == "go" and any(a.dep_ == "aux" for a in head.children) and head.tag_ == "VBG":
            f.future = True
            f.cues.append("going to")
        elif hl in cues.negating_verbs:
            f.negated = True
            f.cues.append(hl)
        elif any(a.lower_ == "to" for a in verb.children) and (
                head.pos_ == "ADJ" or (lemma(head) == "be" and any(c.dep_ == "acomp" for c in head.children))):
            f.future = True  # "it is important to strengthen ties": a wish, not an act
            f.cues.append(head.lower_)
    return f


def clause_flags(anchor: Token, cues: Cues | None = None) -> Flags:
    """Modality cues of the clause headed by ``anchor`` (a verb, or a noun event with no clause)."""
    cues = cues or load_cues()
    if not is_verbal(anchor):
        return _noun_flags(anchor, cues)
    flags = _own_flags(anchor, cues)
    prep = anchor.head
    if anchor.dep_ == "pcomp" and prep != anchor and (
            prep.lower_ in cues.negating_preps or any(c.lower_ in cues.alternative_marks for c in prep.children)):
        flags.negated = True  # "instead of calling for an Asian NATO": the call was not made
        flags.cues.append(prep.lower_)
    # coordinated and controlled verbs share the modals of the verb they depend on
    for cur in controlling_verbs(anchor):
        inherited = _own_flags(cur, cues)
        inherited.conditional = False
        flags.merge(inherited)
    # a condition anywhere up the clause chain makes the act hypothetical
    node = anchor
    while node.head != node:
        if any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in node.children):
            flags.conditional = True
            break
        if node.dep_ in ("ROOT", "ccomp", "parataxis"):
            break
        node = node.head
    return flags


def _noun_flags(noun: Token, cues: Cues) -> Flags:
    f = Flags()
    for c in noun.children:
        low = c.lower_
        if c.dep_ in ("det", "neg") and low in ("no", "never"):
            f.negated = True
            f.cues.append(low)
        elif c.dep_ in ("amod", "compound", "nmod") and (low in cues.planned_modifiers or
                                                        lemma(c) in cues.planned_modifiers):
            f.future = True
            f.cues.append(low)
    # "to prepare for the talks", "ahead of the summit", "paving the way for a visit": a prospective frame
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("ahead", "before", "for") and head.head != head:
        gov = head.head
        if gov.lower_ == "ahead" or lemma(gov) in ("prepare", "pave", "way", "plan", "ready", "arrangement"):
            f.future = True
            f.cues.append(head.lower_)
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "ahead":
        f.future = True
        f.cues.append("ahead of")
    # the noun's own clause: "will hold talks" is handled by the light verb; here "the visit will be ...",
    # "to maintain engagements" (an infinitive under an evaluative adjective)
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and is_verbal(verb):
        own = _own_flags(verb, cues)
        own.conditional = False
        if noun.dep_ == "dobj":
            own.deontic = False
        f.merge(own)
    return f


def negation_reported(anchor: Token, speech_verbs: frozenset[str], cues: Cues | None = None) -> bool:
    """Whether a negated act is a report that it did not happen (the guide's ``negated``: "have not met", "no
    air strikes were launched", "failed to withdraw") rather than no act at all. A negated act in a condition
    ("if they are not rounded up, the army will resume its attacks") is the condition of the threat, as the
    same act unnegated is; one in the infinitive of a verb of wanting, trying or persuading ("trying to persuade
    them not to detonate") is what someone wants done or undone, not something reported undone."""
    cues = cues or load_cues()
    flags = clause_flags(anchor, cues)
    if not flags.negated:
        return True
    return not (flags.conditional or _wanted_content(anchor, speech_verbs, cues))


def _wanted_content(verb: Token, speech_verbs: frozenset[str], cues: Cues) -> bool:
    """The act's infinitive (or the one it is coordinated with) is controlled by a verb that neither reports
    speech nor negates its complement ("fail", "refrain": their complement is the act reported undone). A
    finite complement ("determined their leader would not be arrested") is left alone: measured, it lost a
    right event on the decision sets."""
    node = verb
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    head = node.head
    if node.dep_ != "xcomp" or head == node or not is_verbal(head):
        return False
    hl = lemma(head)
    return hl not in speech_verbs and hl not in cues.negating_verbs
