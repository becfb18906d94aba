"""When a refusal word is no refusal: PLOVER's REJECT is an actor refusing (a proposal, a demand, a norm). Two
readings of its words in news refuse nothing:

- the connective "as opposed to" ("training would be in Moscow, as opposed to decades of U.S. training"): a
  contrast, "rather than", with no one opposing anything;
- an act or a state as the one that defies or violates ("the purchase violated the sanctions act"): an act refuses
  nothing; saying it breaks a rule judges whoever is behind it, and that judgement is the speaker's, not the act's
  owner's refusal.

Both are grammar, read from the parse; the words are the lexicon's REJECT senses.
"""

from __future__ import annotations

from detente.coding.candidates import Candidate
from detente.coding.nounclass import noun_class
from detente.syntax import child, is_verbal, lemma


def screen(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` without the refusal words that refuse nothing."""
    return [c for c in candidates if not (contrast(c) or thing_refuses(c))]


def contrast(cand: Candidate) -> bool:
    """"As opposed to": "opposed" under the marker "as" contrasts, it opposes nothing."""
    tok = cand.token
    return cand.coded.type == "REJECT" and lemma(tok) in ("oppose", "opposed") and \
        any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in tok.children)


def thing_refuses(cand: Candidate) -> bool:
    """A REJECT verb read alone (no governed act) whose subject is an act, a state or another abstraction (its
    WordNet class, ``nounclass``): "the purchase violated the act". A concrete noun may name an organisation ("a
    newspaper has violated a ban") and is left alone."""
    if cand.coded.type != "REJECT" or cand.child is not None or not is_verbal(cand.token):
        return False
    subj = child(cand.token, "nsubj")
    return subj is not None and subj.pos_ == "NOUN" and noun_class(subj) is not None
