"""Police work with no trigger word the lexicon reads: "police are interrogating X", "detectives combed through
the tapes", "X is under investigation", "facing interrogation", "investigations are underway" are ACCUSE
``investigate`` (PLOVER's ACCUSE modes; docs/labelling.md's courts and Australian domestic news: inquiries and
interrogation are investigations).

A verb of police work (``investigation_verbs``) counts only with an investigating body as its subject, so "the
opposition questioned the plan" stays what it was; its object, if an actor, is the one investigated. One under
or facing an investigation noun is its target; the body is the noun's "by" phrase, else the speaker (an official
telling of his own service's inquiry). An investigation noun told as going on ("is underway", "are continuing",
"has been opened") is the speaker's side's, one an investigating body conducts or owns is the body's, one a
speaker calls "its"/"our" investigation the speaker's, and one with a "by" body is that body's; it is into
whom "into"/"of"/"against" names, else nobody named. A body of no country takes the story's home country
(participants). A witness testifying or giving evidence at or before an investigating
body is that body's investigation of the witness ("union officials giving evidence at the royal commission").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.coding.candidates import Candidate
from detente.coding.lexicon import Lexicon, load_data
from detente.coding.modality import Cues
from detente.coding.voice import OWN_SIDE, direct_owner, negated, speaking, statement, subject_of
from detente.coding.words import is_investigating_body, looks_like_actor
from detente.syntax import child, is_verbal, lemma, prep_objects, tokens

_DATA = load_data("statements.yaml")
INVESTIGATION_VERBS = frozenset(str(w) for w in _DATA["investigation_verbs"])
INVESTIGATION_NOUNS = frozenset(str(w) for w in _DATA["investigation_nouns"])
FACING_VERBS = frozenset(str(w) for w in _DATA["facing_verbs"])
GOING_ON_VERBS = frozenset(str(w) for w in _DATA["going_on_verbs"])
GOING_ON_WORDS = frozenset(str(w) for w in _DATA["going_on_words"])
_INTO = ("into", "of", "against")
TESTIMONY_VERBS = frozenset(str(w) for w in _DATA["testimony_verbs"])
TESTIMONY_NOUNS = frozenset(str(w) for w in _DATA["testimony_nouns"])
TESTIMONY_PREPS = tuple(str(w) for w in _DATA["testimony_preps"])
_MODE, _CAMEO = "investigate", "090"
_HEARINGS = load_data("allegations.yaml")
HEARING_NOUNS = frozenset(str(w) for w in _HEARINGS["hearing_nouns"])
HEARING_VERBS = frozenset(str(w) for w in _HEARINGS["hearing_verbs"])


def investigations(sent: Span, candidates: list[Candidate], lexicon: Lexicon, cues: Cues,
                   editorial: bool = False) -> list[Candidate]:
    """``candidates`` with the investigations of ``sent`` no candidate names yet added."""
    if any(c.coded.type == "ACCUSE" and c.coded.mode == _MODE for c in candidates):
        return candidates
    # a noun another candidate composed is that act's content: "a call for an inquiry" is a demand, no inquiry
    taken = {c.token.i for c in candidates} | {c.child.token.i for c in candidates if c.child is not None}
    for tok in tokens(sent):
        if tok.i in taken:
            continue
        made = _police_work(tok, cues) or _undergone(tok, lexicon, cues, editorial) or \
            _going_on(tok, lexicon, cues, editorial) or _testimony(tok, cues) or _hearing(tok, lexicon, cues, editorial)
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


def _going_on(tok: Token, lexicon: Lexicon, cues: Cues, editorial: bool) -> Candidate | None:
    """"Investigations are underway", "authorities are continuing investigations into the men", "after a
    two-year investigation by the federal police": the body investigates whom "into" names (or nobody named)."""
    if tok.pos_ != "NOUN" or lemma(tok) not in INVESTIGATION_NOUNS or negated(tok, cues) or \
            any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return None  # "no investigation has been opened"
    body = next((o for _, o in prep_objects(tok, ("by",)) if looks_like_actor(o) or is_investigating_body(o)),
                None) or _conductor(tok) or _owning_body(tok, lexicon, editorial)
    if body is None and _told_going_on(tok) and not negated(tok.head, cues):
        body = speaking(tok, lexicon, editorial)[1]  # the speaker's side investigates, told it or not
    if body is None:
        return None
    into = next((o for _, o in prep_objects(tok, _INTO)), None)
    target = into if into is not None and looks_like_actor(into) else direct_owner(into) if into is not None else None
    targets = [target] if target is not None and looks_like_actor(target) and not is_investigating_body(target) \
        else []
    return statement(tok, "ACCUSE", _MODE, _CAMEO, None, "investigation", cues, targets=targets, sources=[body])


def _conductor(noun: Token) -> Token | None:
    """The investigating body conducting the investigation ``noun`` names: the subject of the verb it is the
    object of ("authorities are continuing investigations", which the small model parses as an attribute)."""
    if noun.dep_ not in ("dobj", "attr") or not is_verbal(noun.head):
        return None
    subj = subject_of(noun.head)
    return subj if subj is not None and is_investigating_body(subj) else None


def _owning_body(noun: Token, lexicon: Lexicon, editorial: bool) -> Token | None:
    """Whose investigation ``noun`` is by its possessor: an investigating body's ("the FBI's investigation"),
    or, a pronoun's, the speaker's ("the committee said its investigation will ..."): a body telling of its own
    inquiry names itself so."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if is_investigating_body(owner):
        return owner
    return speaking(noun, lexicon, editorial)[1] if owner.pos_ == "PRON" else None


def _told_going_on(noun: Token) -> bool:
    """Whether ``noun`` is the subject of a verb of going on ("is continuing", "has been opened") or of "be"
    with "underway"/"under way"."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    if lemma(verb) in GOING_ON_VERBS:
        return True
    return any(lemma(c) in GOING_ON_WORDS or (c.lower_ == "under" and any(g.lower_ == "way" for g in c.children))
               for c in verb.children)


def _hearing(tok: Token, lexicon: Lexicon, cues: Cues, editorial: bool) -> Candidate | None:
    """"The committee is holding a hearing", "the commission opened public hearings into the collapse", "a
    hearing is set for 15 March": a hearing told as held is its body's investigation (of whom "into" names),
    the body the noun's "by" phrase, the one holding it, or a name on it, else the speaker's side."""
    if tok.pos_ != "NOUN" or lemma(tok) not in HEARING_NOUNS or not _held(tok) or negated(tok.head, cues):
        return None
    holder = subject_of(tok.head) if tok.dep_ == "dobj" else None
    body = next((o for _, o in prep_objects(tok, ("by",)) if looks_like_actor(o)), None) or \
        (holder if holder is not None and looks_like_actor(holder) else None) or \
        next((c for c in tok.children if c.dep_ in ("compound", "poss") and looks_like_actor(c)), None)
    speaker = None if body is not None else speaking(tok, lexicon, editorial)[1]
    if body is None and speaker is None:
        return None
    into = next((o for _, o in prep_objects(tok, _INTO)), None)
    target = into if into is not None and looks_like_actor(into) else direct_owner(into) if into is not None else None
    targets = [target] if target is not None and looks_like_actor(target) and not is_investigating_body(target) \
        else []
    return statement(tok, "ACCUSE", _MODE, _CAMEO, speaker, "investigation", cues, targets=targets,
                     sources=[body] if body is not None else [])


def _held(noun: Token) -> bool:
    """Whether ``noun`` is the subject or object of a verb of holding or opening it ("is holding a hearing",
    "a hearing is set", "the hearing opened")."""
    return noun.dep_ in ("nsubj", "nsubjpass", "dobj") and is_verbal(noun.head) and \
        lemma(noun.head) in HEARING_VERBS


def _testimony(tok: Token, cues: Cues) -> Candidate | None:
    """"Union officials giving evidence at the royal commission", "testified before the inquiry": the body
    hearing the witness investigates the witness."""
    if not is_verbal(tok) or negated(tok, cues):
        return None
    obj = child(tok, "dobj")
    if lemma(tok) not in TESTIMONY_VERBS and (obj is None or lemma(obj) not in TESTIMONY_NOUNS):
        return None
    body = next((o for holder in (tok, obj) if holder is not None
                 for _, o in prep_objects(holder, TESTIMONY_PREPS) if is_investigating_body(o)), None)
    witness = subject_of(tok)
    if body is None or witness is None or not looks_like_actor(witness) or is_investigating_body(witness):
        return None
    return statement(tok, "ACCUSE", _MODE, _CAMEO, None, "investigation", cues, targets=[witness], sources=[body])
