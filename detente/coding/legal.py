"""The sides of legal steps and reactions: who faces a trial, a charge or an outcry that names nobody it is
against, which state's court tries, and when a passive legal step or accusation keeps the state or nobody as its
source. The labelling guide gives a trial the prosecuting state and keeps an accusation with no accuser named
sourceless; these rules read that from the parse, for ``participants.Participants.find``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.coding.candidates import Candidate
from detente.coding.lexicon import load_data
from detente.coding.spans import Arg, make_arg
from detente.syntax import child, children, is_verbal, lemma

if TYPE_CHECKING:
    from detente.records import Actor
    from detente.resolve.actors import ActorKB

_RECIPIENTS = load_data("recipients.yaml")
ACCUSED_NOUNS = frozenset(str(w) for w in _RECIPIENTS["accused_nouns"])
COURT_NOUNS = frozenset(str(w) for w in _RECIPIENTS["court_nouns"])
LEGAL_VERBS = frozenset(str(w) for w in _RECIPIENTS["legal_verbs"])
LEGAL_MODES = frozenset(str(w) for w in _RECIPIENTS["legal_modes"])


def accused(cand: Candidate) -> list[Arg]:
    """Who faces a legal or reaction noun that names nobody it is against (``accused_nouns``): the subject of
    the verb that takes it ("officials facing trial", "policies that brought condemnation": the noun the
    relative clause hangs on), of the clause an "amid" or "despite" phrase qualifies ("he would not intervene
    despite an outcry"), or the object of "put on trial"; for a trial that opened, what it is "over"."""
    tok = cand.token
    if cand.coded.type != "ACCUSE" or not cand.mention.nominal or lemma(tok) not in ACCUSED_NOUNS:
        return []
    verb = _taking_verb(tok)
    if verb == tok or not is_verbal(verb):
        return []
    if tok.dep_ == "pobj" and tok.head.lower_ == "on":
        return [make_arg(o, "accused") for o in children(verb, "dobj", "nsubjpass")]
    if tok.dep_ == "nsubj":
        return [make_arg(g, "accused") for g in _trial_grounds(verb)]
    subject = child(verb, "nsubj", "nsubjpass")
    if subject is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head != verb:
        subject = child(verb.head, "nsubj", "nsubjpass")  # "officials are in jail, facing trial"
    elif (subject is None and verb.dep_ == "acl") or (subject is not None and subject.tag_ == "WDT" and
                                                      verb.dep_ == "relcl"):
        subject = verb.head  # "officials facing trial", "the policies that have brought condemnation"
    return [make_arg(subject, "accused")] if subject is not None else []


def court_state(kb: ActorKB, cand: Candidate) -> str | None:
    """The state that tries the accused of a trial with no prosecutor named (``court_nouns``): the guide gives a
    trial the prosecuting state, and the one country of the court's place is it ("a trial opened in Paris", "a
    Paris trial", "facing trial in a French court"). A trial with no such place keeps its empty source: its
    prosecutor may be a foreign or international court, and the accused's own state is a guess."""
    tok = cand.token
    if cand.coded.type != "ACCUSE" or not cand.mention.nominal or lemma(tok) not in COURT_NOUNS:
        return None
    verb = _taking_verb(tok)
    places = [c for c in tok.children if c.dep_ in ("compound", "amod")]
    for holder in (tok, verb):
        places += [g for c in holder.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "before")
                   for g in c.children if g.dep_ == "pobj"]
    countries = set().union(*(kb.countries_in(" ".join(t.text for t in p.subtree), press=False)
                              for p in places)) if places else set()
    return next(iter(countries)) if len(countries) == 1 else None


def _taking_verb(noun: Token) -> Token:
    """The word that takes a legal or reaction noun: its head, or the head of its preposition ("facing trial",
    "put on trial", "despite an outcry")."""
    return noun.head.head if noun.dep_ == "pobj" else noun.head


def _trial_grounds(verb: Token) -> list[Token]:
    """What a trial that opened is "over" or "against", less an act it is over (``_names_act``)."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("over", "against")
            for g in c.children if g.dep_ == "pobj" and not (c.lower_ == "over" and _names_act(g))]


def _names_act(tok: Token) -> bool:
    """"A trial over the bombing of a base", "over the deaths of protesters": the phrase names the act tried,
    not who is tried, and the country of the act's place or victims is no accused. A common noun that is a
    gerund or takes an "of" object names an act; "over" a person or a group still names the accused."""
    return tok.pos_ == "NOUN" and (tok.lower_.endswith("ing") or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children))


def unnamed_accused(cand: Candidate, targets: list[Actor]) -> bool:
    """A trial (``court_nouns``) with nobody it is against: the accused is unknown, not the other side."""
    return not targets and cand.coded.type == "ACCUSE" and cand.mention.nominal and \
        lemma(cand.token) in COURT_NOUNS


def legal_passive(cand: Candidate) -> bool:
    """A state's legal step in the passive with no agent ("was charged with murder", "two men charged with
    fraud", "was sentenced to life", "was given a jail sentence", "has been found guilty"), whose prosecutor or
    court the guide makes the source (``legal_verbs``, ``legal_modes``)."""
    tok = cand.token
    if cand.sources:
        return False
    if cand.coded.type == "ACCUSE" and lemma(tok) in LEGAL_VERBS:
        return _agentless_participle(tok)
    if cand.coded.type != "SANCTION" or cand.coded.mode not in LEGAL_MODES:
        return False
    if tok.pos_ == "NOUN":  # "was given a four-year jail sentence": the verb that hands it down is the passive
        return tok.dep_ in ("dobj", "dative") and _agentless_participle(tok.head)
    return _agentless_participle(tok)


def sentenced(cand: Candidate) -> list[Arg]:
    """Who is handed a sentence a noun names ("the teenager was given a jail sentence"): the subject of the
    passive verb that takes it, the recipient of the court's act."""
    tok = cand.token
    if cand.targets or cand.coded.type != "SANCTION" or cand.coded.mode not in LEGAL_MODES or tok.pos_ != "NOUN" \
            or tok.dep_ not in ("dobj", "dative"):
        return []
    subject = child(tok.head, "nsubjpass")
    return [make_arg(subject, "sentenced")] if subject is not None else []


def _agentless_participle(tok: Token) -> bool:
    """A past participle in the passive with no "by" agent, or one with no subject of its own ("two men charged
    with fraud", "are to appear in court charged with manslaughter")."""
    if tok.tag_ != "VBN" or any(c.dep_ == "agent" for c in tok.children):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or \
        (tok.dep_ in ("acl", "advcl") and child(tok, "nsubj") is None)


def agentless_charge(cand: Candidate, targets: list[Actor]) -> bool:
    """An accusation in the passive with nobody named as accuser ("Paris was accused of aiding rebels", "stands
    accused of collusion"), or a legal or reaction noun with none ("facing trial", "despite an outcry"), of an
    actor with a country: the labelling guide keeps such an accusation with an empty source, so the accused's
    ACCUSE is coded with none."""
    tok = cand.token
    if cand.coded.type != "ACCUSE" or cand.sources or not any(a.country for a in targets):
        return False
    if cand.mention.nominal and lemma(tok) in ACCUSED_NOUNS:
        return True
    if tok.tag_ != "VBN":
        return False
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or lemma(tok.head) == "stand" or \
        tok.dep_ == "acl"  # "two soldiers accused of murder"
