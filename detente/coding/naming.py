"""Judgement by naming: "Beijing called Washington's decision irresponsible", "China described the American plan as
dangerous", "Iran branded the United States a terrorist state".

A verb of naming (``naming_verbs`` in ``data/statements.yaml``) says what its object *is*; when what it is called
is a word of negative judgement (``criticism``'s WordNet-derived class, or a posing noun: "a threat"), the namer
disapproves of the one named, or of the owner of the thing named (ACCUSE disapprove, 111), as "X said Y's
decision was irresponsible" is read (``statements._judgement``). Naming verbs are no verbs of saying, so no speech
verb is needed; the namer is the verb's subject (or, as the small model often parses "an official called X Y",
the noun the verb hangs on). The small model parses the predicate in many ways (an object predicate, an "as"
phrase, a second object after a dative, a noun that swallowed the object as its compound); all are read, and
the one named is an actor or an actor's thing among the verb's objects. A thing with no owner ("called the
attack cowardly") names nobody; "called for", "called on" and a negated naming are no judgement.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.coding.candidates import Candidate
from detente.coding.criticism import POSING_NOUNS, is_criticism
from detente.coding.lexicon import load_data
from detente.coding.modality import Cues
from detente.coding.valence import evaluates
from detente.coding.voice import (
    COMMENTATORS,
    OWN_SIDE,
    direct_owner,
    is_generic,
    negated,
    own_side,
    personal,
    statement,
    subject_of,
)
from detente.coding.words import looks_like_actor
from detente.syntax import lemma, tokens

_DATA = load_data("statements.yaml")
NAMING_VERBS = frozenset(str(w) for w in _DATA["naming_verbs"])
_OBJECT_DEPS = frozenset({"dobj", "dative", "oprd", "xcomp", "ccomp"})
_NOT_NAMING_PREPS = frozenset({"for", "on", "upon"})  # "called for talks", "called on Iran to ..."


def naming(sent: Span, cues: Cues, taken: set[int]) -> Candidate | None:
    """The first naming in ``sent`` that judges an actor: the namer's ACCUSE (disapprove, 111) of it."""
    for verb in tokens(sent):
        if verb.i in taken or lemma(verb) not in NAMING_VERBS or verb.pos_ != "VERB" or negated(verb, cues) or \
                any(c.dep_ == "prep" and c.lower_ in _NOT_NAMING_PREPS for c in verb.children):
            continue
        named, called = _named(verb)
        if named is None or not (any(_judges(t) for t in called) or _quoted(called)):
            continue
        namer = _namer(verb)
        if namer is None or not looks_like_actor(namer) or lemma(namer) in COMMENTATORS or \
                _own(named, namer, verb) or is_generic(named):  # "analysts called ...": a view, no party's act
            continue
        made = statement(verb, "ACCUSE", "disapprove", "111", None, "naming", cues, targets=[named],
                         sources=[namer])
        if personal(named):  # "Trump called Judge Robart a 'so-called judge'": USA > USA
            made.notes.remove(OWN_SIDE)
        return made
    return None


def _namer(verb: Token) -> Token | None:
    """Who names: the subject, or the noun a participle naming hangs on ("an official called X Y")."""
    subj = subject_of(verb)
    if subj is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return subj


def _own(named: Token, namer: Token, verb: Token) -> bool:
    """The namer's own side; a naming that hangs on the namer is inside the namer's phrase, but not of it."""
    if named in verb.subtree and verb in namer.subtree:
        return own_side(named, None) or named == namer
    return own_side(named, namer)


def _named(verb: Token) -> tuple[Token | None, list[Token]]:
    """(the actor named, the words it is called): among the verb's objects (and the nouns an object predicate
    governs, as in "called [Washington's decision] irresponsible" parsed as a compound), the first that is an
    actor or an actor's thing is the one named; every other object word is what it is called."""
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        objects += [c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp")]
    inner = [g for o in objects for g in o.children if g.dep_ in ("compound", "nsubj") and g.i < o.i]
    named = None
    for tok in sorted(objects + inner, key=lambda t: t.i):
        actor = tok if looks_like_actor(tok) else direct_owner(tok)
        if actor is not None and actor.pos_ != "PRON":
            named = actor
            break
    if named is None:
        return None, []
    called = [t for o in objects if named not in o.subtree or o.i > named.i for t in o.subtree
              if t.i > named.i and t not in named.subtree]
    return named, called


def _judges(tok: Token) -> bool:
    """What is called is a judgement: a criticism word ("irresponsible", "evil"), a posing noun ("a threat") or a
    plain evaluation (``valence``: "disastrous", "an enemy")."""
    return is_criticism(tok) or (tok.pos_ == "NOUN" and lemma(tok) in POSING_NOUNS) or evaluates(tok)


_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def _quoted(called: list[Token]) -> bool:
    """What is called is set in quotation marks ("labelled the deal a 'dumb deal'", "described the ruling as
    'judicial overreach'"): a reporter quotes the namer's own words where they are pointed, a judgement whose
    word the lexicon may not know."""
    if not called:
        return False
    first = min(called, key=lambda t: t.i)
    before = first.nbor(-1) if first.i > first.sent.start else None
    return any(t.text in _QUOTES for t in called) or (before is not None and before.text in _QUOTES)
