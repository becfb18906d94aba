"""When a threat is no threat. PLOVER's THREATEN is a coercive warning: an actor announcing what *it* will do to
another ("sanctions would only be imposed if Ankara activated the system", "warned it would smash any independence
plots", "Palestinian leaders said they would boycott all contact", "threatened Taiwan"). Two other things were
coded as one:

- **someone else's act, reported.** The candidates step makes a threat of any future conflictual act in reported
  speech. When the act's doer is not the speaker (another noun, or a pronoun that cannot be the speaker: "it was
  evident that they would impose restrictions," he said: *they* is not *he*), nobody announced their own act:
  the speaker reports or foresees another's measure, which the labelling guide codes as the measure itself
  (docs/labelling.md, "Types": an announced measure is its own type, planned). It goes back to that measure, its
  modality kept. A condition ("if", "unless") or a warning or threat word above it keeps the threat; a possible
  act ("could attack") is a forecast, which ``conventions`` drops as foretold.
- **endangering.** A thing that "threatens" ("the province is threatened by the high consumption of dog meat",
  "rising seas threaten the islands") announces nothing and coerces nobody: a threat or warning word whose own
  actor (its subject, or a passive's "by" agent) names no actor is no event.

One negated act is a threat: not ruling out a conflictual act ("unions have not ruled out disruptions", "did not
rule out the grounding of Qantas jets if the dispute continues") keeps it on the table as a coercive warning, the
labels' THREATEN asserted (docs/coding.md, "Not ruling out (issue 12, session 14)"), not a REJECT negated.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from detente.coding.candidates import Candidate
from detente.coding.compose import Coded, load_composer
from detente.coding.modality import load_cues
from detente.coding.voice import OWN_SIDE
from detente.coding.words import PERSON_NOUNS, looks_like_actor
from detente.syntax import agent, is_passive, is_verbal, lemma, subject

_CONDITIONS = frozenset({"if", "unless"})
# the candidates step's note on an unrealised conflictual act it made a threat (coding/candidates.py)
_INTENDED = "threat"
# personal pronouns by number: "they" cannot be "he", "he" cannot be "they"
_SINGULAR = frozenset({"he", "she", "i"})
_PLURAL = frozenset({"they", "we"})


def screen(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` with others' reported measures back to their own type, others' plans reported as the
    speaker's allegation, and without endangerings."""
    warnings = [c.token for c in candidates if c.mention.sense.role == "threaten"]
    for cand in candidates:
        if reported_measure(cand, warnings):
            sense = cand.mention.sense
            cand.coded = Coded(sense.type, sense.mode, sense.cameo)
            cand.notes = [n for n in cand.notes if n != _INTENDED] + ["reported-measure"]
    for cand in candidates:
        if reported_plot(cand):
            cand.coded = Coded("ACCUSE", "allege", "112")
            cand.sources, cand.targets = [cand.speaker] if cand.speaker else [], cand.sources
            cand.modality = "asserted"
            cand.notes = [n for n in cand.notes if n != _INTENDED] + ["reported-plot", OWN_SIDE]
    for cand in candidates:
        if not_ruled_out(cand):
            cand.coded = Coded("THREATEN", cand.child.sense.mode if cand.child else None, "130")
            cand.modality = "asserted"
            cand.notes = [*cand.notes, "not-ruled-out"]
    return [c for c in candidates if not endangers(c) and not forewarns(c)]


def not_ruled_out(cand: Candidate) -> bool:
    """A negated "rule out" REJECT whose act, if the trigger step read one, is not cooperative ("did not rule out
    talks" is an offer left open, no warning)."""
    tok = cand.token
    if cand.coded.type != "REJECT" or cand.modality != "negated" or lemma(tok) != "rule":
        return False
    if not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return False
    return cand.child is None or cand.child.sense.type not in _cooperative()


@lru_cache(maxsize=1)
def _cooperative() -> frozenset[str]:
    """PLOVER's cooperative types, from the composer's data."""
    return load_composer().cooperative


def reported_measure(cand: Candidate, warnings: list[Token]) -> bool:
    """A THREATEN the candidates step made of an unrealised conflictual act whose doer is not the speaker, with no
    condition on its clause and no warning or threat word (``warnings``) above it."""
    if cand.coded.type != "THREATEN" or _INTENDED not in cand.notes or cand.flags.conditional or cand.speaker is None:
        return False
    if cand.flags.possible:
        return False  # "said bandits could attack": a forecast, the guide's prediction (conventions' "foretold")
    verb = clause_verb(cand.mention.anchor)
    if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONDITIONS for g in c.children)
           for c in verb.children):
        return False  # "Turkey will buy Russian aircraft if the freeze is not lifted"
    if any(w in cand.token.ancestors or w in verb.ancestors for w in warnings):
        return False
    doer = agent(verb) if is_passive(verb) else subject(verb)
    return doer is not None and not could_be(doer, cand.speaker.token)


def reported_plot(cand: Candidate) -> bool:
    """A THREATEN composed of a verb of planning or attempting (``plotting_verbs``) and a conflictual act, said by
    a speaker who cannot be the planner ("'Russia sought to hijack our democratic process,' Warner said"): nobody
    announced the act to its target, the speaker alleges another's plot (ACCUSE `allege`, speaker -> planner). A
    plan on a condition stays a threat; one of the speaker's own country is dropped as own-side (``OWN_SIDE``)."""
    if cand.coded.type != "THREATEN" or cand.speaker is None or cand.child is None or cand.flags.conditional or \
            "composed:intent" not in cand.notes or lemma(cand.token) not in load_cues().plotting_verbs:
        return False
    planner = subject(cand.token)
    speaker = cand.speaker.token
    return planner is not None and cand.sources != [] and speaker not in planner.subtree and \
        planner not in speaker.subtree and not could_be(planner, speaker)


def could_be(doer: Token, speaker: Token) -> bool:
    """Whether the act's doer may be the speaker: the same word, or a pronoun agreeing in number with the
    speaker ("Palestinian leaders said they would", "Gbagbo announced that he will"; "it" may be the speaker's
    state or body: "the spokesman said it would respond"). Another noun names another doer ("the governor said
    the bandits would attack"): a report of its measure, as the guide codes "announced it would cease aid"."""
    if doer.pos_ != "PRON":
        return doer == speaker or lemma(doer) == lemma(speaker)
    said, by = doer.lower_, speaker.lower_
    if speaker.pos_ == "PRON":
        return not ((said in _PLURAL and by in _SINGULAR) or (said in _SINGULAR and by in _PLURAL))
    plural = speaker.tag_ in ("NNS", "NNPS")
    person = speaker.ent_type_ == "PERSON" or lemma(speaker) in PERSON_NOUNS  # one person: "the editor"
    return not ((said == "they" and person and not plural) or (said in _SINGULAR and plural))


def clause_verb(tok: Token) -> Token:
    """The verb whose clause ``tok`` is in: itself, or the first verb up ("sanctions could follow if ...")."""
    cur = tok
    while not is_verbal(cur) and cur.head != cur:
        cur = cur.head
    return cur


def _threat_verb_alone(cand: Candidate) -> Token | None:
    """The verb of a THREATEN read from a threat or warning verb alone (no governed act), else None: a noun's
    threat is read through its light verb or its adjunct ("a warning to X")."""
    if cand.coded.type != "THREATEN" or cand.child is not None or cand.mention.sense.role != "threaten":
        return None
    return cand.token if is_verbal(cand.token) else None


def endangers(cand: Candidate) -> bool:
    """A THREATEN read from a threat or warning verb alone (no governed act) whose own actor is a thing."""
    verb = _threat_verb_alone(cand)
    if verb is None:
        return False
    doer = threatener(verb)
    return doer is not None and not looks_like_actor(doer)


def forewarns(cand: Candidate) -> bool:
    """A THREATEN read from a warning verb alone (no governed act) whose "that" clause has an active subject
    that is a thing: a warning of how things are or will be, no coercive act announced."""
    verb = _threat_verb_alone(cand)
    if verb is None:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    return all(_thing_said(c) for c in clauses)


def _thing_said(clause: Token) -> bool:
    """A clause whose active subject is a noun naming no actor ("condoms will not protect"), on no condition."""
    if is_passive(clause):
        return False  # "terrorists will not be spared": what is done to them is the warner's act
    if any(t.dep_ == "mark" and t.lower_ in _CONDITIONS for t in clause.subtree):
        return False  # "the deal would collapse if Washington imposed sanctions": a conditional warning threatens
    doer = subject(clause)
    return doer is not None and doer.pos_ in ("NOUN", "PROPN") and not looks_like_actor(doer)


def threatener(verb: Token) -> Token | None:
    """Who or what threatens: the active subject, or a passive's "by" agent (none when unnamed)."""
    return agent(verb) if is_passive(verb) else subject(verb)
