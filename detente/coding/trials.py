"""Lawsuit stories whose parties speak: who brought the action, remembered across the story.

A story about a lawsuit names its plaintiff once ("Hawaii sued", "a lawsuit brought by the ACLU") and then lets
the plaintiff and its filing speak with no word of blame: "the lawsuit says that ...", "..., Hawaii said",
"according to the lawsuit". The labelling guide codes what a party claims in a case as its ACCUSE allege (a
claim made in a case is contested by definition), against the side sued. The sentence alone cannot tell a
plaintiff from anyone else who speaks, so ``trial_parties`` reads each sentence's bringers into a per-story
``TrialMemory`` and ``trial_claims`` reads the later sentences against it. A judge's or a defendant's words are
not the plaintiff's, and a denial is the denier's REJECT alone: only the remembered plaintiff (or a filing with
no owner of its own) alleges.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from detente.coding.allegations import (
    ARGUING_VERBS,
    _accusation,
    _bringer,
    _brought_against,
    _is_document,
)
from detente.coding.candidates import Candidate
from detente.coding.lexicon import Lexicon, load_data
from detente.coding.modality import Cues, clause_flags
from detente.coding.subjects import clause_subject
from detente.syntax import child, is_verbal, lemma, tokens

_DATA = load_data("allegations.yaml")
SUING_VERBS = frozenset(str(w) for w in _DATA["suing_verbs"])
COUNSEL_NOUNS = frozenset(str(w) for w in _DATA["counsel_nouns"])
PARTY_ACTION_NOUNS = frozenset(str(w) for w in _DATA["party_action_nouns"])
COURT_ACTION_VERBS = frozenset(str(w) for w in _DATA["court_action_verbs"])
PLAINTIFF_NOUNS = frozenset(str(w) for w in _DATA["plaintiff_nouns"])
# a note the coder reads: the claim's sides are the story's remembered parties, not the sentence's words
FILED_NOTE = "trial-filed"


@dataclass(slots=True)
class TrialMemory:
    """The parties of the legal actions a story told so far: the names (lower-cased proper nouns) of those who
    brought one, and the phrases of the bringers and of those it is against, for the coder to resolve."""

    plaintiff_names: set[str] = field(default_factory=set)
    plaintiff_heads: set[str] = field(default_factory=set)  # "the state", "the groups": a bringer's common noun
    plaintiffs: list[list[str]] = field(default_factory=list)  # each sentence's bringers, in story order
    defendants: list[list[str]] = field(default_factory=list)
    recent: bool = False  # the sentence before told a bringer bringing or speaking: "they" may be it


def trial_parties(sent: Span) -> tuple[list[Token], list[Token]]:
    """(bringers, accused) of the legal actions ``sent`` tells: the active subject and object of a verb of suing
    ("Hawaii sued the government", "the state can sue", "challenged the order in court"), the "by" agent and
    subject of its passive, and the bringer and "against" party of a legal action's noun ("a lawsuit brought by
    the ACLU against Trump", "Hawaii's challenge")."""
    bringers: list[Token] = []
    accused: list[Token] = []
    for tok in tokens(sent):
        if tok.pos_ == "VERB" and (lemma(tok) in SUING_VERBS or (lemma(tok) in COURT_ACTION_VERBS and _in_court(tok))):
            subj, via = clause_subject(tok)
            obj = child(tok, "dobj") if via != "agent" else child(tok, "nsubjpass")
            if via in ("subj", "relcl", "inherited", "agent") and subj is not None:
                bringers.append(subj)
            accused += [obj] if obj is not None else []
        elif tok.pos_ == "NOUN" and lemma(tok) in PARTY_ACTION_NOUNS:
            by, against = _bringer(tok), _brought_against(tok)
            bringers += [by] if by is not None else []
            accused += [against] if against is not None else []
    return [t for t in bringers if _names(t)], [t for t in accused if _names(t)]


def _in_court(verb: Token) -> bool:
    """"challenged the ban in court", "contesting it in a federal court": the verb takes a court."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "before") and any(
        g.dep_ == "pobj" and lemma(g) == "court" for g in c.children) for c in verb.children)


def remember(memory: TrialMemory, sent: Span, spoke: bool) -> None:
    """Adds the parties ``sent`` names to the story's memory; ``spoke``: a plaintiff made a claim in it."""
    bringers, accused = trial_parties(sent)
    bringers += [c for b in bringers for c in b.conjuncts if c not in bringers and _names(c)]
    for tok in bringers:
        memory.plaintiff_names |= _names(tok)
        memory.plaintiff_heads |= {lemma(tok)} if tok.pos_ == "NOUN" else set()
    if bringers:
        memory.plaintiffs.append([_phrase(t) for t in bringers])
    if accused:
        memory.defendants.append([_phrase(t) for t in accused])
    memory.recent = bool(bringers) or spoke


def trial_claims(sent: Span, candidates: list[Candidate], memory: TrialMemory, lexicon: Lexicon,
                 cues: Cues) -> list[Candidate]:
    """A claim a remembered plaintiff makes in a later sentence, as the plaintiff's ACCUSE allege (112): a verb
    of saying or arguing with a content whose subject is the plaintiff or its counsel ("Hawaii said ...",
    "attorneys for Uber argued that ..."), or whose subject is a filing with no owner ("the lawsuit says",
    "according to the lawsuit"). None where the sentence already codes an accusation, or the verb is negated."""
    if any(c.coded.type == "ACCUSE" for c in candidates):
        return []
    for verb in tokens(sent):
        if verb.lower_ == "according":
            doc = next((child(p, "pobj") for p in verb.children if p.lower_ == "to"), None)
            if doc is not None and _unowned_filing(doc) and memory.plaintiffs:
                return [_filed(verb, cues)]
            continue
        if not is_verbal(verb) or (lemma(verb) not in lexicon.speech_verbs and lemma(verb) not in ARGUING_VERBS):
            continue
        if clause_flags(verb, cues).negated or child(verb, "ccomp", "parataxis") is None:
            continue
        subj, via = clause_subject(verb)
        if subj is None or via not in ("subj", "relcl", "inherited"):
            continue
        if (_unowned_filing(subj) or (memory.recent and subj.lower_ in ("they", "it"))) and memory.plaintiffs:
            return [_filed(verb, cues)]
        if _plaintiff(subj, memory):
            return [_accusation(verb, "112", subj, None, "trial-claim", cues, spoken=True)]
    return []


def _plaintiff(subj: Token, memory: TrialMemory) -> bool:
    """The speaker is a party that brought the action: a plaintiff by its noun or apposition ("the plaintiffs",
    "Elshikh, a plaintiff in the lawsuit"), a remembered bringer by name or by its definite common noun ("the
    state" after "the state of Hawaii sued"), or counsel for one."""
    if lemma(subj) in PLAINTIFF_NOUNS or any(c.dep_ == "appos" and lemma(c) in PLAINTIFF_NOUNS
                                             for c in subj.children):
        return True
    if _names(subj) & memory.plaintiff_names or _counsel_for(subj) & memory.plaintiff_names:
        return True
    return subj.pos_ == "NOUN" and lemma(subj) in memory.plaintiff_heads and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) and not _names(subj)


def _filed(verb: Token, cues: Cues) -> Candidate:
    """The remembered plaintiffs' allegation at a filing that speaks: no side in the sentence, marked for the
    coder to give it the story's parties."""
    made = _accusation(verb, "112", None, None, FILED_NOTE, cues)
    return replace(made, notes=[FILED_NOTE])


def _unowned_filing(tok: Token) -> bool:
    """"the lawsuit", "the filing", "the court papers": a filing with no possessor or name of its own."""
    return _is_document(tok) and not any(c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in tok.children) \
        and not any(c.dep_ == "poss" for c in tok.children)


def _counsel_for(tok: Token) -> set[str]:
    """The names of the party counsel speak for: "attorneys for Uber", "Hawaii's lawyers"."""
    if lemma(tok) not in COUNSEL_NOUNS:
        return set()
    parties = [child(p, "pobj") for p in tok.children if p.dep_ == "prep" and p.lower_ in ("for", "of")]
    parties += [c for c in tok.children if c.dep_ == "poss"]
    return set().union(*(_names(p) for p in parties if p is not None)) if parties else set()


def _names(tok: Token) -> set[str]:
    """The proper name a party's phrase is headed by, lower-cased: the head and its compounds ("Derrick
    Watson"), or the name an "of" or a possessive gives a common noun ("the state of Hawaii", "Hawaii's
    government"): not every name in its clauses ("Judge Watson in Hawaii" is no Hawaii)."""
    if tok.pos_ == "PRON":
        return set()
    if tok.pos_ != "PROPN":
        owners = [c for c in tok.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
        owners += [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        return set().union(*(_names(o) for o in owners)) if owners else set()
    return {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"}


def _phrase(tok: Token) -> str:
    """A party's phrase without its clauses ("the Trump administration, which ..."), for the knowledge base."""
    cut = [t for t in tok.children if t.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj") and t.i > tok.i]
    end = min((t.left_edge.i for t in cut), default=tok.right_edge.i + 1)
    return tok.doc[tok.left_edge.i:end].text


def without_claimed(candidates: list[Candidate], claims: list[Candidate]) -> list[Candidate]:
    """``candidates`` less the acts a plaintiff's claim reports ("Hawaii said the order will hit its economy"):
    what a party claims in a case is its allegation, not an event the story reports as done."""
    content = {t.i for c in claims if c.token.lower_ != "according"
               for k in c.token.children if k.dep_ in ("ccomp", "parataxis") for t in k.subtree}
    return [c for c in candidates if c.token.i not in content]
