"""When a refusal word is no refusal: PLOVER's REJECT is an actor refusing (a proposal, a demand, a norm). Two
readings of its words in news refuse nothing:

- the connective "as opposed to" ("training would be in Moscow, as opposed to decades of U.S. training"): a
  contrast, "rather than", with no one opposing anything;
- a thing as the one that defies or violates ("the purchase violated the sanctions act"): a thing refuses nothing;
  saying it breaks a rule judges whoever is behind it, and that judgement is the speaker's, not the thing's
  owner's refusal.

Both are grammar, read from the parse; the words are the lexicon's REJECT senses.
"""

from __future__ import annotations

from detente.coding.candidates import Candidate
from detente.coding.words import looks_like_actor, names_people
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
    """A REJECT verb read alone (no governed act) whose subject is a thing: "the purchase violated the act"."""
    if cand.coded.type != "REJECT" or cand.child is not None or not is_verbal(cand.token):
        return False
    subj = child(cand.token, "nsubj")
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or names_people(subj):
        return False
    # "Orban and other populists": a parse may hang the people on the noun; an owner ("Ankara's purchase") does
    # not make the thing an actor
    return not any(c.dep_ in ("amod", "compound", "conj") and looks_like_actor(c) for c in subj.children)
