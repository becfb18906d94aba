"""Police work with no trigger word the lexicon reads: "police are interrogating X", "detectives combed through
the tapes", "X is under investigation", "facing interrogation" are ACCUSE ``investigate`` (PLOVER's ACCUSE modes;
docs/labelling.md's courts and Australian domestic news: inquiries and interrogation are investigations).

A verb of police work (``investigation_verbs``) counts only with an investigating body as its subject, so "the
opposition questioned the plan" stays what it was; its object, if an actor, is the one investigated. One under
or facing an investigation noun is its target; the body is the noun's "by" phrase, else the speaker (an official
telling of his own service's inquiry). A body of no country takes the story's home country (participants).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.coding.candidates import Candidate
from detente.coding.lexicon import Lexicon, load_data
from detente.coding.modality import Cues
from detente.coding.voice import OWN_SIDE, speaking, statement, subject_of
from detente.coding.words import is_investigating_body, looks_like_actor
from detente.syntax import child, is_verbal, lemma, prep_objects, tokens

_DATA = load_data("statements.yaml")
INVESTIGATION_VERBS = frozenset(str(w) for w in _DATA["investigation_verbs"])
INVESTIGATION_NOUNS = frozenset(str(w) for w in _DATA["investigation_nouns"])
FACING_VERBS = frozenset(str(w) for w in _DATA["facing_verbs"])
_MODE, _CAMEO = "investigate", "090"


def investigations(sent: Span, candidates: list[Candidate], lexicon: Lexicon, cues: Cues,
                   editorial: bool = False) -> list[Candidate]:
    """``candidates`` with the investigations of ``sent`` no candidate names yet added."""
    if any(c.coded.type == "ACCUSE" and c.coded.mode == _MODE for c in candidates):
        return candidates
    taken = {c.token.i for c in candidates}
    for tok in tokens(sent):
        if tok.i in taken:
            continue
        made = _police_work(tok, cues) or _undergone(tok, lexicon, cues, editorial)
        if made is not None:
            # police investigating their own country's people is the common case, no judgement of one's own side
            made.notes = [n for n in made.notes if n != OWN_SIDE]
            return [*candidates, made]
    return candidates


def _police_work(tok: Token, cues: Cues) -> Candidate | None:
    """"Police are interrogating X": the body investigates the verb's object (or nobody named)."""
    if not is_verbal(tok) or lemma(tok) not in INVESTIGATION_VERBS:
        return None
    subj = subject_of(tok)
    if subj is None or not is_investigating_body(subj):
        return None
    obj = child(tok, "dobj")
    targets = [obj] if obj is not None and looks_like_actor(obj) and not is_investigating_body(obj) else []
    return statement(tok, "ACCUSE", _MODE, _CAMEO, None, "investigation", cues, targets=targets, sources=[subj])


def _undergone(tok: Token, lexicon: Lexicon, cues: Cues, editorial: bool) -> Candidate | None:
    """"X is under investigation (by Y)", "X faces questioning": X is investigated by Y, else by the speaker."""
    if tok.pos_ != "NOUN" or lemma(tok) not in INVESTIGATION_NOUNS:
        return None
    target = _under(tok) or _facing(tok)
    if target is None or not looks_like_actor(target) or is_investigating_body(target):
        return None
    body = next((o for _, o in prep_objects(tok, ("by",)) if looks_like_actor(o)), None)
    speaker = None if body is not None else speaking(tok, lexicon, editorial)[1]
    if body is None and speaker is None:
        return None
    return statement(tok, "ACCUSE", _MODE, _CAMEO, speaker, "investigation", cues, targets=[target],
                     sources=[body] if body is not None else [])


def _under(noun: Token) -> Token | None:
    """The one "under" the noun: the noun it modifies ("the expert under investigation") or its clause's subject
    ("X is under investigation")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under":
        return None
    if prep.head.pos_ in ("NOUN", "PROPN"):
        return prep.head
    return subject_of(prep.head) if is_verbal(prep.head) else None


def _facing(noun: Token) -> Token | None:
    """The one who faces the noun: "X faces questioning", "after ... facing interrogation"."""
    if noun.dep_ != "dobj" or lemma(noun.head) not in FACING_VERBS:
        return None
    return subject_of(noun.head)
