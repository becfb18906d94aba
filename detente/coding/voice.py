"""Who speaks and who is judged in what a sentence says, and the candidate a statement makes: the readers of
statements with no trigger word (``statements.py``, ``demands.py``) share these.

A word is in what someone says when a verb of saying (or of speaking about: "has spoken openly about the
challenges China poses") has it in its content, or it sits inside quotation marks; an editorial's own clause is
its outlet's. The speaker's own side (the speaker, a phrase inside the speaker's, "we") is never the one judged or
demanded of.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from detente.coding.accusations import about_actor
from detente.coding.candidates import Candidate, prominence
from detente.coding.compose import Coded
from detente.coding.lexicon import Lexicon, Sense, load_data
from detente.coding.modality import Cues, clause_flags
from detente.coding.spans import make_arg
from detente.coding.speaker import QUOTE_MARKS, in_quote, speaker_of
from detente.coding.subjects import clause_subject
from detente.coding.triggers import Trigger
from detente.coding.words import PERSON_NOUNS, looks_like_actor, named_actor
from detente.syntax import agent, child, clause_verb, is_passive, is_relative_pronoun, is_verbal, lemma

# The participants step drops an accusation so noted whose targets are all of its source's countries: a judgement
# of one's own side is what that side perceives or debates, not an accusation of the other (participants.py).
OWN_SIDE = "editorial-disapproval"
# Below a lexicon sense: the act is read off the content, not named.
WEIGHT = 0.55
_DATA = load_data("statements.yaml")
COMMENTATORS = frozenset(_DATA["commentators"])
TOPIC_SPEECH_VERBS = frozenset(_DATA["topic_speech_verbs"])
_TOPIC_PREPS = frozenset({"about", "of", "on", "over"})
GENERIC_DETERMINERS = frozenset(_DATA["generic_determiners"])
FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my"})
OWNER_PREPS = frozenset(_DATA["owner_preps"])
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "ROOT", "relcl", "advcl", "xcomp", "conj", "acl"})
_JUDGING_DEPS = CLAUSE_DEPS | {"acomp"}


def speaking(tok: Token, lexicon: Lexicon, editorial: bool) -> tuple[bool, Token | None]:
    """(speaks, speaker): whether ``tok`` is in what someone says, and who; an editorial's own clause is the
    outlet's (speaker None)."""
    speaker, _, verb = speaker_of(tok, lexicon)
    if speaker is not None and verb is not None and not looks_like_actor(speaker):
        # "'Intelligence reports have confirmed that ...,' a statement from the ISPR said": a report that is
        # itself reported speaks for the one reporting it
        speaker = speaker_of(verb, lexicon)[0] or speaker
    if speaker is None:
        speaker = _topic_speaker(tok)
    if speaker is not None:
        return tok not in speaker.subtree and lemma(speaker) not in COMMENTATORS, speaker
    # words inside quotation marks with no speaker in the sentence are someone's: the sentence before names
    # whom (``participants`` takes that speaker when the quote goes on from it)
    return editorial or in_quote(tok.doc.text, tok.idx), None


def marks_quote(sent: Span) -> bool:
    return any(t.text in QUOTE_MARKS for t in sent)


def _topic_speaker(tok: Token) -> Token | None:
    """Who speaks about what ``tok`` is in: "Ishiba has spoken openly about the challenges China poses"."""
    cur = tok
    for _ in range(6):
        head = cur.head
        if head == cur:
            return None
        if cur.dep_ == "prep" and cur.lower_ in _TOPIC_PREPS and lemma(head) in TOPIC_SPEECH_VERBS and \
                is_verbal(head):
            subj = subject_of(head)
            return subj if subj is not None and looks_like_actor(subj) else None
        cur = head
    return None


def own_side(tok: Token, speaker: Token | None) -> bool:
    """The speaker's own side: the speaker, a phrase inside the speaker's, or "we"/"I"."""
    if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON":  # not "US"
        return True
    return speaker is not None and (tok == speaker or tok in speaker.subtree or speaker in tok.subtree)


def personal(who: Token) -> bool:
    """A person named by name ("Trump", "Judge James Robart"): a judgement of one is a party's, an opposition's or
    a rival's criticism of that person, which the guide codes whatever their countries, not a side's view of its
    own country (no ``OWN_SIDE`` note). One person named by a definite title ("the judge", "the president")
    is one too."""
    if who.pos_ == "NOUN":
        return who.tag_ == "NN" and lemma(who) in PERSON_NOUNS and any(c.lower_ == "the" for c in who.children)
    return who.pos_ == "PROPN" and who.ent_type_ not in ("GPE", "NORP", "LOC", "ORG", "FAC")


def owner_of(noun: Token) -> Token | None:
    """Whose thing a noun is: "China's aggression", "Chinese aggression", "actions of/by the US", "the
    perceptions, policies and actions of the US" (an owner of one of its conjuncts)."""
    for n in (noun, *noun.conjuncts):
        owner = direct_owner(n)
        if owner is not None:
            return owner
    return None


def direct_owner(noun: Token, preps: frozenset[str] = OWNER_PREPS, named: bool = False) -> Token | None:
    """Whose ``noun`` is: its owner ("China's aggression"), a country or body naming it ("U.S. criticism"), or
    the actor after one of ``preps``. An owner is "of"/"by" an actor; a critic is "from"/"by" one, since "of"
    names what a criticism is about. ``named``: a pronoun owner does not count ("its criticism")."""
    for c in noun.children:
        if (c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG"))) and \
                looks_like_actor(c) and not (named and c.pos_ == "PRON"):
            return c
    for p in noun.children:
        obj = named_actor(child(p, "pobj")) if p.dep_ == "prep" and p.lower_ in preps else None
        if obj is not None:
            return obj
    return None


def subject_of(clause: Token) -> Token | None:
    """Whom a clause says something about: its grammatical subject, passive or not ("Berisha was involved in
    corrupt acts"), or the subject it inherits."""
    s = child(clause, "nsubj", "nsubjpass")
    if s is None:  # "said Iran is flagrantly defying": the parser may hang the subject on the auxiliary
        s = next((child(a, "nsubj") for a in clause.children if a.dep_ == "aux" and child(a, "nsubj")), None)
    if s is not None and s.dep_ != "expl" and s.lower_ != "there" and not is_relative_pronoun(s):
        return s
    subj, via = clause_subject(clause)
    return subj if via in ("subj", "inherited", "relcl") else None


def negated(tok: Token, cues: Cues) -> bool:
    """The judgement is denied: "poses no threat", "were not counterproductive" (the "not" on the copula)."""
    if clause_flags(tok, cues).negated:
        return True
    return tok.dep_ in ("acomp", "attr", "dobj", "oprd") and clause_flags(tok.head, cues).negated


def is_generic(tok: Token) -> bool:
    """"Any party", "all countries": nobody in particular is judged."""
    return any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in tok.children)


def _judging_clause(tok: Token) -> bool:
    """A verb or predicate that heads a clause of its own (a judgement word's clause)."""
    return (is_verbal(tok) or tok.pos_ in ("AUX", "ADJ")) and tok.dep_ in _JUDGING_DEPS


def judged(tok: Token) -> Token | None:
    """The actor a judgement word is about: its owner ("the US' short-sighted policies"), the owner of the noun
    it describes, its clause's subject or that subject's owner ("actions by the US ... created risks"), or
    what "about"/"over" points at."""
    owner = owner_of(tok)
    if owner is not None:
        return owner
    if tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        owner = owner_of(tok.head)
        if owner is not None:
            return owner
    subj = subject_of(clause_verb(tok, 4, _judging_clause, last=True))
    if subj is not None:
        if looks_like_actor(subj):
            return subj
        owner = owner_of(subj)
        if owner is not None:
            return owner
    return about_actor(tok)


def evaluated(tok: Token) -> Token | None:
    """The actor a plain evaluative word (``valence``) is about, read by its place. A speaker evaluates what a
    predicate says: an attribute only describes ("terrorist network", "his dirty car") and judges nobody; a
    manner adverb judges the doer of its active verb ("North Korea was behaving very badly"); an object
    predicate its object or the object's owner ("called the G20's policies murderous"); a predicate noun the
    doer its own phrase names ("a conspiracy engineered by Washington"), else, as a predicate adjective, the
    subject (``judged``)."""
    if tok.dep_ in ("amod", "compound", "nmod"):
        return None
    if tok.pos_ == "ADV":
        verb = tok.head
        return subject_of(verb) if tok.dep_ == "advmod" and is_verbal(verb) and not is_passive(verb) else None
    if tok.dep_ == "oprd":
        obj = child(tok.head, "dobj")
        return None if obj is None else obj if looks_like_actor(obj) else owner_of(obj)
    return _doer_named(tok) or judged(tok)


def _doer_named(noun: Token) -> Token | None:
    """The actor a noun's own phrase names as its doer: "a plot by the U.S.", "a conspiracy engineered by
    Washington and Seoul"."""
    if noun.pos_ != "NOUN":
        return None
    for part in (noun, *(c for c in noun.children if c.dep_ == "acl")):
        doer = agent(part)
        if doer is not None and looks_like_actor(doer):
            return doer
    return None


def statement(tok: Token, type_: str, mode: str | None, cameo: str, speaker: Token | None, note: str,
               cues: Cues, targets: Iterable[Token] = (), sources: Iterable[Token] = ()) -> Candidate:
    """A candidate for what the statement does. With no source phrase the speaker (or the editorial's outlet) is
    the source, and the participants step then needs a target; a demand or denial aimed at nobody named keeps the
    speaker as its own source phrase. A judgement of the speaker's own country is dropped there
    (``OWN_SIDE``)."""
    sense = Sense(lemmas=(lemma(tok),), pos="noun" if tok.pos_ == "NOUN" else "verb", type=type_, mode=mode,
                  cameo=cameo, weight=WEIGHT)
    tgt = [make_arg(t, "object") for t in targets]
    src = [make_arg(s, "subject") for s in sources]
    if not src and not tgt and speaker is not None:
        src = [make_arg(speaker, "subject")]
    notes = [note] + ([OWN_SIDE] if type_ == "ACCUSE" else [])
    return Candidate(mention=Trigger(token=tok, sense=sense, anchor=tok), coded=Coded(type_, mode, cameo),
                     modality="asserted", flags=clause_flags(tok, cues), sources=src, targets=tgt,
                     speaker=make_arg(speaker, "speaker") if speaker is not None else None, weight=WEIGHT,
                     needs_speaker_source=not src, prominence=prominence(tok), notes=notes)
