"""When a refusal, a demand or a threat word is no such act: PLOVER's REJECT, REQUEST and THREATEN are a party
refusing, demanding or warning. Two readings of their words in news are none:

- the connective "as opposed to" ("training would be in Moscow, as opposed to decades of U.S. training"): a
  contrast, "rather than", with no one opposing anything;
- an act, an event or a state as the one that defies, violates, pushes or threatens ("the purchase violated the
  sanctions act", "a surge in violence that has pushed Pakistan to the second spot", "the absence of the
  president was threatening to overshadow the summit"): only a party refuses, asks or warns; an act or a state
  that "pushes" or "threatens" is the writer's figure of speech, and saying it breaks a rule judges whoever is
  behind it, a judgement that is the speaker's, not the act's owner's refusal.

A refusal to tell the press ("declined to confirm", "refused to give further details") is no REJECT either: like
"declined to comment" it refuses no party's demand.

A fourth is no act of any type: a negated act that is a condition ("if they are not rounded up") or the infinitive
someone wants or tries to bring about ("persuade them not to detonate"), not a report that it did not happen.

All are grammar, read from the parse; the words are the lexicon's senses, the classes WordNet's (``nounclass``).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding.candidates import Candidate
from detente.coding.lexicon import Lexicon
from detente.coding.modality import Cues, negation_reported
from detente.coding.nounclass import noun_class
from detente.syntax import agent, child, is_passive, is_verbal, lemma, subject

# The verbal acts only a party does.
_SPEECH_ACTS = frozenset({"REJECT", "REQUEST", "THREATEN"})
# The noun classes of doers that are no party: a text ("the resolution calls on", class communication) and a plan
# or an idea (cognition) speak for their authors, and stay.
_NO_PARTY = frozenset({"act", "event", "state", "attribute", "quantity"})
_RELATIVE_PRONOUNS = frozenset({"that", "which"})


def screen(candidates: list[Candidate], lexicon: Lexicon, cues: Cues) -> list[Candidate]:
    """``candidates`` without the refusal, demand and threat words that refuse, ask and threaten nothing, and
    without the negated acts nobody reports undone (read with the coder's own lexicon and cues)."""
    return [c for c in candidates
            if not (contrast(c) or thing_refuses(c) or thing_speaks(c) or withheld(c, cues) or
                    unreported(c, lexicon, cues))]


def unreported(cand: Candidate, lexicon: Lexicon, cues: Cues) -> bool:
    """A negated act that no one reports as undone: a condition or what someone wants done or undone
    (``modality.negation_reported``); "trying to persuade them not to detonate" is no negated ASSAULT."""
    if cand.modality != "negated" or cand.mention.nominal:
        return False
    return not negation_reported(cand.mention.anchor, lexicon.speech_verbs, cues)


def contrast(cand: Candidate) -> bool:
    """"As opposed to": "opposed" under the marker "as" contrasts, it opposes nothing."""
    tok = cand.token
    return cand.coded.type == "REJECT" and lemma(tok) in ("oppose", "opposed") and \
        any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in tok.children)


def withheld(cand: Candidate, cues: Cues) -> bool:
    """A refusal to tell: the REJECT verb governs a verb of disclosure ("declined to confirm that ...", "refused to
    name them") or a giving of information ("refused to give further details"). Like "declined to comment" it
    keeps something from the press and refuses no party's demand; "refused to release the prisoners" stays."""
    if cand.coded.type != "REJECT" or not is_verbal(cand.token):
        return False
    return any(_discloses(c, cues) for c in cand.token.children if c.dep_ == "xcomp")


def _discloses(verb: Token, cues: Cues) -> bool:
    """``verb`` tells something: a verb of disclosure, or a verb of giving whose object is a piece of information."""
    if lemma(verb) in cues.disclosure_verbs:
        return True
    obj = child(verb, "dobj")
    return lemma(verb) in cues.disclosure_givers and obj is not None and lemma(obj) in cues.disclosure_nouns


def thing_refuses(cand: Candidate) -> bool:
    """A REJECT verb read alone (no governed act) whose subject is an act, a state or another abstraction (its
    WordNet class, ``nounclass``): "the purchase violated the act". A concrete noun may name an organisation ("a
    newspaper has violated a ban") and is left alone."""
    if cand.coded.type != "REJECT" or cand.child is not None or not is_verbal(cand.token):
        return False
    subj = child(cand.token, "nsubj")
    return subj is not None and subj.pos_ == "NOUN" and noun_class(subj) is not None


def thing_speaks(cand: Candidate) -> bool:
    """A REQUEST, THREATEN or REJECT verb whose doer (its subject, a passive's "by" agent, or the noun a relative
    "that"/"which" stands for) is an act, an event or a state: "a surge in violence that has pushed Pakistan to
    the second spot", "the absence of the president was threatening to overshadow the summit". A demand the
    speaker makes of a subject (a deontic clause, ``needs_speaker_source``) has its doer elsewhere."""
    if cand.coded.type not in _SPEECH_ACTS or cand.needs_speaker_source or not is_verbal(cand.token):
        return False
    doer = _doer(cand.token)
    return doer is not None and doer.pos_ == "NOUN" and noun_class(doer) in _NO_PARTY


def _doer(verb: Token) -> Token | None:
    """Who or what does ``verb``: the active subject or the passive's agent, through a relative pronoun to the
    noun it stands for ("a surge that has pushed")."""
    doer = agent(verb) if is_passive(verb) else subject(verb)
    if doer is not None and doer.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return doer
