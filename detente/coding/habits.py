"""A habit, a policy or a count is no event: the labelling guide codes acts that happened once, not what an actor
"regularly" does, what a law "allows", or acts "passed 10 times last year" (docs/labelling.md: generalisations and
counts over a period are not coded). ``habitual`` is one of the guide's no-event conventions (``conventions``);
the word classes are in ``data/conventions.yaml``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.coding.anchors import act_anchors, clause_chain
from detente.coding.cameo import quad_class
from detente.syntax import coordinated_verbs, lemma

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["habitual"]


def _material(cand: Candidate) -> bool:
    return quad_class(cand.coded.cameo) in (2, 4)


def habitual(cand: Candidate, conv: Conventions) -> bool:
    """A habit, not one event. Any act "seldom" or "rarely" done is not reported as done; a material act done
    "regularly" or "routinely", "regular attacks", counted over a period ("passed 10 times last year") or done
    for years ("worked with Lai for decades") is a habit, a count or a relation (docs/labelling.md:
    generalisations and counts over a period are not coded). A verbal act so reported ("routinely deny") was
    still made, and the guide codes it."""
    material = _material(cand)
    for anchor in act_anchors(cand):
        for verb in _habit_frame(anchor):
            for c in verb.children:
                if c.dep_ != "advmod":
                    continue
                if c.lower_ in conv.near_negations or (material and c.lower_ in conv.frequency_adverbs):
                    return True
            if material and any(c.dep_ == "npadvmod" and lemma(c) == "time" and _counted(c) for c in verb.children) \
                    and _over_period(verb, conv):
                return True  # "passed 10 times last year"; not "shot them several times"
            if material and _for_years(verb, conv):
                return True  # "worked with Lai for decades": a long relation, not one act
    if not material:
        return False
    if _simple_present(cand.mention.anchor, conv):
        return True
    act = cand.child.token if cand.child is not None and cand.child.sense.type == cand.coded.type else cand.token
    return act.pos_ == "NOUN" and any(c.dep_ in ("amod", "advmod") and lemma(c) in conv.frequency_adjectives
                                      for c in act.children)


def _simple_present(verb: Token, conv: Conventions) -> bool:
    """A verb in the simple present with no auxiliary ("gives military support to China's rivals", "fighters who
    fight to control villages", "the law allows the government to seize"): news tells what happened in the past
    or perfect tense; the simple present of a material act states a habit, a policy or what a law permits. Not
    under "if", "when", "once" ... (``future_marks``: "if Russia attacks Ukraine again"): there the present names
    a possible or coming act; "because" states a fact. Not a plural noun the parser took for the verb of a
    sentence whose verb it missed (``_missed_verb``)."""
    if _missed_verb(verb):
        return False
    return verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") or (c.dep_ in ("mark", "advmod") and c.lower_ in conv.future_marks)
        for c in verb.children)


def _missed_verb(verb: Token) -> bool:
    """"U.S. airstrikes on Houthi targets in Yemen continued": the parser made the noun "airstrikes" the root
    (VBZ) and the real verb, a past one with no subject of its own, its dependent; the root has no object."""
    if verb.dep_ != "ROOT" or any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in verb.children):
        return False
    return any(c.tag_ == "VBD" and c.dep_ in ("advcl", "dep", "conj") and
               not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children)


def _habit_frame(anchor: Token) -> list[Token]:
    """The verbs whose adverbs say whether ``anchor``'s act is a habit: its clause chain, the verbs coordinated
    with it, and for a "when" clause the clause it times ("regularly escape ... when attacked by government
    forces": the attacks are as habitual as the escapes)."""
    chain = clause_chain(anchor)
    verbs = [*chain, *coordinated_verbs(chain[-1])]
    top = chain[-1]
    if top.dep_ == "advcl" and top.head != top and \
            any(c.dep_ == "advmod" and c.lower_ in ("when", "whenever") for c in top.children):
        outer = clause_chain(top.head)
        verbs += [*outer, *coordinated_verbs(outer[-1])]
    return verbs


def _for_years(verb: Token, conv: Conventions) -> bool:
    """A span of years on the clause ("for decades", "for years", "over the past two decades"): a material act so
    long is a relation that holds or a habit ("has worked with Lai for decades", "have sold arms to Taiwan for
    years"), not one event. Not "for two weeks" of one operation, nor "since", which dates a start."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "over", "throughout"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.tag_ == "NNS" and lemma(obj) in conv.year_nouns:
                return True
    return False


def _counted(noun: Token) -> bool:
    """A plural with a number or a vague quantity: "10 times", "several times"."""
    return noun.tag_ == "NNS" and any(
        (c.dep_ == "nummod" and c.lower_ not in ("one", "1")) or
        (c.dep_ in ("amod", "det") and c.lower_ in ("several", "many", "numerous", "dozens", "hundreds"))
        for c in noun.children)


def _over_period(verb: Token, conv: Conventions) -> bool:
    """A period on the clause long enough to hold many acts: "since February 1", "for years", "over the past
    decades", "in 2024", "last year" ("passed 10 times last year" is the guide's example of a count)."""
    for c in verb.children:
        if c.dep_ == "npadvmod" and lemma(c) in conv.year_nouns and \
                any(m.lower_ in ("last", "this", "past") for m in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and \
                any(o.dep_ == "pobj" and o.like_num and len(o.text) == 4 for o in c.children):
            return True
        if c.dep_ != "prep" or c.lower_ not in conv.period_preps:
            continue
        obj = next((o for o in c.children if o.dep_ == "pobj"), None)
        if c.lower_ in ("since", "throughout"):
            return True
        if obj is not None and lemma(obj) in conv.period_nouns and obj.tag_ == "NNS":
            return True  # "for years", "over the past decades"; not "for two hours" of one event
    return False
