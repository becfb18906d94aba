"""Accusations carried by a frame rather than a verb of accusing: naming, responsibility, criticism drawn.

News reports much criticism in three frames whose words alone say nothing:

- naming (``naming``): a verb of calling with a judgement as the predicate of its object — "Beijing called
  Washington's move irresponsible", "Japan described China as a threat", "Erdogan called Netanyahu a
  terrorist". The one naming accuses the named actor, or the owner of the named thing (ACCUSE disapprove, 111);
  a thing with no owner ("branded the decision a hostile act") judges nobody named.
- responsibility (``responsibility``): an actor held or said to be responsible for, or behind, a harm — "Iran
  holds the United States responsible for the assassination", "India said Pakistan was responsible for the
  attack", "Russia said Ukraine was behind the drone attack". The one holding, or the speaker, blames that
  actor (ACCUSE allege, 112), as "blamed Y for" does.
- criticism drawn (``drawn``): a noun of criticism drawn from another actor — "Washington's decision drew sharp
  criticism from Beijing", "Japan faced criticism from South Korea" — or owned by its critic and aimed with
  "of" ("China's criticism of the United States"). The critic accuses the subject or its owner (ACCUSE 111).

The word classes are in ``data/statements.yaml``; the judgements are ``criticism``'s. Only parses already made
are read; no sentence is parsed for this.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.coding.candidates import Candidate
from detente.coding.criticism import is_criticism
from detente.coding.lexicon import Lexicon, load_data
from detente.coding.modality import Cues
from detente.coding.voice import direct_owner, is_generic, negated, own_side, speaking, statement, subject_of
from detente.coding.words import looks_like_actor
from detente.syntax import child, lemma, tokens

_DATA = load_data("statements.yaml")
NAMING_VERBS = frozenset(str(w) for w in _DATA["naming_verbs"])
NAMED_NOUNS = frozenset(str(w) for w in _DATA["named_nouns"]) | frozenset(str(w) for w in _DATA["posing_nouns"])
HARM_NOUNS = frozenset(str(w) for w in _DATA["harm_nouns"])
HARM_TYPES = frozenset(str(w) for w in _DATA["harm_types"])
CRITICISM_NOUNS = frozenset(str(w) for w in _DATA["criticism_nouns"])
DRAWING_VERBS = frozenset(str(w) for w in _DATA["drawing_verbs"])


def _actor_or_owner(tok: Token) -> Token | None:
    """The actor a phrase names, or whose thing it is ("Washington's move")."""
    if looks_like_actor(tok):
        return tok
    owner = direct_owner(tok)
    return owner if owner is not None and owner.pos_ != "PRON" else None


# -- naming ---------------------------------------------------------------------------------------------------


def naming(sent: Span, cues: Cues, taken: set[int]) -> Candidate | None:
    """"X called Y's move irresponsible", "X described Y as a threat": X's disapproval of Y."""
    for verb in tokens(sent):
        if verb.i in taken or lemma(verb) not in NAMING_VERBS or verb.pos_ != "VERB" or negated(verb, cues):
            continue
        obj = child(verb, "dobj")
        if obj is None or not any(_is_judgement(p) for p in _predicates(verb, obj)):
            continue
        named = _actor_or_owner(obj)
        subj = subject_of(verb)
        if named is None or subj is None or not looks_like_actor(subj) or own_side(named, subj) or is_generic(named):
            continue
        return statement(verb, "ACCUSE", "disapprove", "111", None, "naming", cues, targets=[named], sources=[subj])
    return None


def _predicates(verb: Token, obj: Token) -> list[Token]:
    """What ``obj`` is called: an object predicate ("called him a terrorist"), an "as" phrase ("described China
    as a threat"), or, as the small model parses it, a modifier or apposition after the object ("called
    Washington's move irresponsible", "branded the decision a hostile act")."""
    out = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > obj.i]
    out += [c for c in obj.children if c.dep_ in ("amod", "appos") and c.i > obj.i]
    for prep in (*verb.children, *obj.children):
        named = child(prep, "pobj") if prep.dep_ == "prep" and prep.lower_ == "as" else None
        out += [named] if named is not None else []
    return out


def _is_judgement(tok: Token) -> bool:
    if lemma(tok) in NAMED_NOUNS or is_criticism(tok):
        return True
    return any(c.dep_ in ("amod", "compound") and is_criticism(c) for c in tok.children)


# -- responsibility -------------------------------------------------------------------------------------------


def responsibility(sent: Span, candidates: list[Candidate], lexicon: Lexicon, cues: Cues,
                   taken: set[int], editorial: bool) -> Candidate | None:
    """"X holds Y responsible for the attack", "X said Y was responsible for / behind the attack"."""
    harms = {c.token.i for c in candidates if c.coded.type in HARM_TYPES} | \
        {c.mention.anchor.i for c in candidates if c.coded.type in HARM_TYPES}
    for tok in tokens(sent):
        if tok.i in taken:
            continue
        harm = _harm_of(tok, harms)
        if harm is None:
            continue
        pred = tok if tok.pos_ == "ADJ" else tok.head  # "responsible", or the copula "behind" hangs on
        holder = pred.head if pred.dep_ in ("ccomp", "oprd", "xcomp") and lemma(pred.head) == "hold" else None
        blamed = child(holder, "dobj") if holder is not None else None
        blamed = blamed or subject_of(pred)
        if blamed is None or negated(pred, cues):
            continue
        blamed = _actor_or_owner(blamed)
        if blamed is None or is_generic(blamed):
            continue
        if holder is not None:
            src = subject_of(holder)
            if src is None or not looks_like_actor(src) or own_side(blamed, src):
                continue
            return statement(holder, "ACCUSE", "allege", "112", None, "responsibility", cues,
                             targets=[blamed], sources=[src])
        speaks, speaker = speaking(tok, lexicon, editorial)
        if not speaks or own_side(blamed, speaker):
            continue
        return statement(tok, "ACCUSE", "allege", "112", speaker, "responsibility", cues, targets=[blamed])
    return None


def _harm_of(tok: Token, harms: set[int]) -> Token | None:
    """The harm ``tok`` makes someone answerable for: "responsible for the attack", "behind the attack"."""
    if lemma(tok) == "responsible" and tok.pos_ == "ADJ":
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        obj = child(prep, "pobj") if prep is not None else None
    elif tok.lower_ == "behind" and tok.dep_ == "prep" and lemma(tok.head) == "be":
        obj = child(tok, "pobj")
    else:
        return None
    if obj is None:
        return None
    return obj if obj.i in harms or lemma(obj) in HARM_NOUNS or is_criticism(obj) else None


# -- criticism drawn ------------------------------------------------------------------------------------------


def drawn(sent: Span, cues: Cues, taken: set[int]) -> Candidate | None:
    """"Y's decision drew criticism from X", "Y faced criticism from X", "X's criticism of Y"."""
    for noun in tokens(sent):
        if lemma(noun) not in CRITICISM_NOUNS or noun.pos_ != "NOUN" or negated(noun, cues):
            continue
        made = _drawn_from(noun, cues) or _aimed(noun, cues)
        if made is not None:
            return made
    return None


def _preposition(tok: Token, word: str) -> Token | None:
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == word), None)
    return child(prep, "pobj") if prep is not None else None


def _drawn_from(noun: Token, cues: Cues) -> Candidate | None:
    if noun.dep_ not in ("dobj", "pobj"):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "came under fire from", "met with criticism"
    if lemma(verb) not in DRAWING_VERBS or verb.pos_ != "VERB" or negated(verb, cues):
        return None
    critic = _preposition(noun, "from") or _preposition(verb, "from")
    if critic is None or not looks_like_actor(critic) or critic.pos_ == "PRON":
        return None
    subj = subject_of(verb)
    judged = _actor_or_owner(subj) if subj is not None else None
    if judged is None or own_side(judged, critic) or is_generic(judged):
        return None
    return statement(noun, "ACCUSE", "disapprove", "111", None, "drawn", cues, targets=[judged], sources=[critic])


def _aimed(noun: Token, cues: Cues) -> Candidate | None:
    critic = child(noun, "poss")
    target = _preposition(noun, "of")
    if critic is None or target is None or critic.pos_ == "PRON" or not looks_like_actor(critic):
        return None
    judged = _actor_or_owner(target)
    if judged is None or own_side(judged, critic) or is_generic(judged):
        return None
    return statement(noun, "ACCUSE", "disapprove", "111", None, "drawn", cues, targets=[judged], sources=[critic])
