"""Demands read from what a statement says when no trigger word names them: declaring an act necessary, a deontic
copula on another actor, telling an actor to act, proposing what another actor should do, and a demand whose
"they" was read as the speakers themselves put on the addressee (``statements.revise`` calls these; who speaks
and who is asked is ``voice.py``'s).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.coding.candidates import Candidate
from detente.coding.compose import Coded, load_composer
from detente.coding.criticism import NECESSITY_WORDS
from detente.coding.lexicon import Lexicon, load_data
from detente.coding.modality import Cues, clause_flags
from detente.coding.spans import make_arg
from detente.coding.speaker import speaker_of
from detente.coding.subjects import clause_subject
from detente.coding.voice import CLAUSE_DEPS, OWN_SIDE, is_generic, negated, own_side, speaking, statement, subject_of
from detente.coding.words import looks_like_actor
from detente.syntax import child, has_to_marker, is_verbal, lemma, modal, tokens

_DATA = load_data("statements.yaml")
DIRECTIVE_VERBS = frozenset(_DATA["directive_verbs"])
SUGGESTION_VERBS = frozenset(_DATA["suggestion_verbs"])
NEED_VERBS = frozenset(_DATA["need_verbs"])


def addressed(cand: Candidate, lexicon: Lexicon) -> Candidate:
    """"EU officials told national governments that they shouldn't close borders": a demand whose "they" was
    read as the speakers themselves is on the addressee, to whom it was said."""
    if cand.coded.type != "REQUEST" or cand.speaker is None or not cand.targets:
        return cand
    speaker = cand.speaker.token
    if not all(t.token == speaker or t.token in speaker.subtree for t in cand.targets):
        return cand
    _, addressee, _ = speaker_of(cand.token, lexicon)
    if addressee is not None and looks_like_actor(addressee) and addressee.pos_ != "PRON":
        cand.targets = [make_arg(addressee, "object")]
        cand.notes.append("addressee")
    return cand


def necessity(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int], editorial: bool) -> list[Candidate]:
    """"It might be necessary to renegotiate Schengen rules": a speaker declaring an act necessary demands it; so
    does one saying a thing is needed or there is a need for it (``_needed``)."""
    for tok in tokens(sent):
        if tok.i not in taken and _needed(tok) and not negated(tok, cues):
            speaks, speaker = speaking(tok, lexicon, editorial)
            if speaks:
                return [statement(tok, "REQUEST", None, "020", speaker, "necessity", cues)]
        if lemma(tok) not in NECESSITY_WORDS or tok.pos_ != "ADJ" or tok.i in taken or tok.dep_ == "amod":
            continue  # "any measures necessary to prevent ...": a description, not a demand
        act = child(tok, "xcomp") or child(tok, "ccomp")
        if act is None and tok.dep_ == "acomp":  # "it was necessary to ...": the infinitive hangs on the copula
            act = child(tok.head, "xcomp") or child(tok.head, "ccomp")
        if act is None or not is_verbal(act) or negated(tok, cues):
            continue
        said_of = child(tok.head if tok.dep_ == "acomp" else tok, "nsubj")
        if said_of is not None and said_of.lower_ != "it":
            continue  # "deterrence was necessary to resist ...": a means to an end, not a demand
        speaks, speaker = speaking(tok, lexicon, editorial)
        if not speaks:
            continue
        subj, via = clause_subject(act)
        targets = [subj] if subj is not None and via == "subj" and looks_like_actor(subj) and \
            not own_side(subj, speaker) else []
        return [statement(tok, "REQUEST", None, "020", speaker, "necessity", cues, targets=targets)]
    return []


def _needed(tok: Token) -> bool:
    """"Further explanation is needed", "international solidarity is required": a thing, no actor, as the subject
    of the passive of a needing verb with no agent (``necessity_words`` as written); or "there is a need to act",
    "a need for talks" after an existential "there". "Troops will be needed" is no demand said (an actor is
    needed, not asked), nor "as they are required" (a pronoun)."""
    if tok.pos_ == "NOUN":
        return lemma(tok) in NECESSITY_WORDS and tok.dep_ in ("attr", "nsubj") and \
            any(c.dep_ == "expl" for c in tok.head.children) and \
            any(c.dep_ in ("acl", "relcl") and has_to_marker(c) or c.dep_ == "prep" and c.lower_ == "for"
                for c in tok.children)
    if tok.lower_ not in NECESSITY_WORDS or tok.tag_ != "VBN" or child(tok, "agent") is not None or \
            child(tok, "auxpass") is None:
        return False
    thing = child(tok, "nsubjpass")
    return thing is not None and thing.pos_ != "PRON" and not looks_like_actor(thing)


def obligation(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int], editorial: bool) -> list[Candidate]:
    """"The Council must be clear and united", "the council must be united": a deontic copula or passive on
    another actor is a demand on it (an active verb under "must" is read by the candidates' own deontic rule,
    and a demand found there is not made twice)."""
    for tok in tokens(sent):
        if tok.i in taken or tok.dep_ not in CLAUSE_DEPS or not (
                (tok.pos_ == "AUX" and lemma(tok) == "be") or (tok.pos_ == "VERB" and child(tok, "nsubjpass"))):
            continue
        if not clause_flags(tok, cues).deontic:
            continue
        subj = subject_of(tok)
        speaks, speaker = speaking(tok, lexicon, editorial)
        if subj is None or not speaks or not looks_like_actor(subj) or own_side(subj, speaker) or is_generic(subj):
            continue
        return [statement(tok, "REQUEST", None, "020", speaker, "obligation", cues, targets=[subj])]
    return []


def need(sent: Span, candidates: list[Candidate], lexicon: Lexicon, cues: Cues,
         editorial: bool) -> list[Candidate] | None:
    """"Labor needed to distinguish itself from the Government, Brown said", "Russia said Washington needed to
    withdraw its troops": a speaker saying another actor needs to act demands it of that actor, whether the parser
    made the infinitive a complement or a purpose clause. The needed act is the demand's content, no event of its
    own. The candidates with the demand, or None when there is none."""
    for tok in tokens(sent):
        if lemma(tok) not in NEED_VERBS or tok.pos_ != "VERB" or clause_flags(tok, cues).negated:
            continue
        act = next((c for c in tok.children if c.dep_ in ("xcomp", "advcl") and is_verbal(c) and has_to_marker(c)),
                   None)
        subj = subject_of(tok)
        if act is None or subj is None or not looks_like_actor(subj) or is_generic(subj):
            continue
        speaks, speaker = speaking(tok, lexicon, editorial)
        if not speaks or own_side(subj, speaker):  # "we need to ...": the speaker's own side, no demand
            continue
        content, coded = _demanded(candidates, act)
        demand = statement(tok, "REQUEST", coded.mode, coded.cameo, speaker, "need", cues, targets=[subj])
        return [c for c in candidates if c not in content] + [demand]
    return None


def directive(sent: Span, candidates: list[Candidate], cues: Cues, taken: set[int]) -> list[Candidate] | None:
    """"The governor told city council members to draft regulations", "advised Kyiv to accept": telling an actor
    to do something is a demand on it (a verb of saying with an addressee and a "to" infinitive;
    ``directive_verbs``). Its mode and code are the demanded act's, and that act, the demand's content, is no
    event of its own. The candidates with the demand, or None when there is none."""
    for tok in tokens(sent):
        if tok.i in taken or lemma(tok) not in DIRECTIVE_VERBS or tok.pos_ != "VERB" or \
                clause_flags(tok, cues).negated:
            continue
        addressee, act, subj = child(tok, "dobj"), child(tok, "xcomp"), subject_of(tok)
        if addressee is None or act is None or not has_to_marker(act) or subj is None or \
                not looks_like_actor(addressee) or not looks_like_actor(subj):
            continue
        content, coded = _demanded(candidates, act)
        demand = statement(tok, "REQUEST", coded.mode, coded.cameo, None, "directive", cues, targets=[addressee],
                            sources=[subj])
        return [c for c in candidates if c not in content] + [demand]
    return None


def suggestion(sent: Span, candidates: list[Candidate], cues: Cues) -> list[Candidate] | None:
    """"The senator suggested the United States could close the consulate", "proposed that Germany should pay",
    "recommended that Iran halt enrichment": proposing what *another* actor should do is a demand on it (the
    labelling guide: "a suggestion I'm making" is a REQUEST). The content must be put as something to do (a modal,
    or the bare subjunctive); "suggested China was behind the attack" is a claim, not a proposal. The proposed act
    is the demand's content, no event of its own; an offer read from the verb itself ("proposed", AGREE) is left
    for the participants step to weigh, since only it knows whether the addressee is the proposer's own country
    (then the demand is dropped, ``OWN_SIDE``, and the offer stands). The candidates with the demand, or None."""
    for tok in tokens(sent):
        if lemma(tok) not in SUGGESTION_VERBS or tok.pos_ != "VERB" or clause_flags(tok, cues).negated:
            continue
        act, proposer = child(tok, "ccomp"), subject_of(tok)
        if act is None or proposer is None or not looks_like_actor(proposer) or proposer.pos_ == "PRON":
            continue
        addressee = child(act, "nsubj")
        if addressee is None or not looks_like_actor(addressee) or own_side(addressee, proposer) or \
                lemma(addressee) == lemma(proposer) or not _proposed(act):
            continue
        content, coded = _demanded(candidates, act)
        demand = statement(tok, "REQUEST", coded.mode, coded.cameo, None, "suggestion", cues,
                            targets=[addressee], sources=[proposer])
        demand.notes.append(OWN_SIDE)  # what one's own country should do is a plan or an offer, no demand on another
        return [c for c in candidates if c not in content] + [demand]
    return None


def _proposed(act: Token) -> bool:
    """Content put as an act to do: under a modal ("could close", "should pay") or in the bare subjunctive ("that
    Iran halt"), not a statement of fact ("China was behind it"), a forecast ("India will attack") nor a guess ("India
    might be behind the attack", "could have sent the drones": a copula or a perfect infers, it proposes nothing)."""
    if lemma(act) == "be" or any(c.dep_ == "aux" and lemma(c) == "have" for c in act.children):
        return False
    if any(c.dep_ == "aux" and modal(c) in ("deontic", "possible", "would") for c in act.children):
        return True  # not "will": "suggested India will attack" foretells
    if any(c.dep_ in ("aux", "auxpass") for c in act.children):
        return False
    subj = child(act, "nsubj")  # "that Iran halt": a plain form with a singular subject is no present tense
    return act.tag_ == "VB" or (act.tag_ == "VBP" and subj is not None and subj.tag_ in ("NN", "NNP"))


def _demanded(candidates: list[Candidate], act: Token) -> tuple[list[Candidate], Coded]:
    """The candidates inside the demanded ``act`` (the demand's content, no event of its own) and the demand's
    type, mode and code, which that act gives: "told the United States to lift its sanctions" is 025."""
    content = [c for c in candidates if c.token in act.subtree]
    coded = load_composer().apply("request", Coded("REQUEST", None, "020"), content[0].coded) if content \
        else Coded("REQUEST", None, "020")
    return content, coded
