"""Which part of speech a token may trigger as: verb, noun or adjective.

A past participle is both a verb form and an adjective ("the jailed activist", "the occupied West Bank"); a
participle that modifies a noun is read as an adjective, except a coercive act done to the person it modifies,
which the labelling guide codes as the act.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding.lexicon import Lexicon, Pos
from detente.coding.words import looks_like_actor
from detente.syntax import is_nominal, is_verbal, lemma

_ADJ_DEPS = frozenset({"acomp", "amod", "ROOT", "ccomp", "xcomp", "conj", "advcl", "attr", "oprd"})


def pos_classes(tok: Token) -> list[Pos]:
    """The parts of speech whose senses ``tok`` is looked up under; a participle in an adjective's place is also
    an adjective."""
    out: list[Pos] = []
    if is_verbal(tok) and tok.pos_ != "AUX":
        out.append("verb")
    if is_nominal(tok):
        out.append("noun")
    if tok.pos_ == "ADJ" or (tok.tag_ == "VBN" and tok.dep_ in _ADJ_DEPS) or tok.dep_ == "acomp":
        out.append("adj")
    return out


def done_to_person(tok: Token, lexicon: Lexicon) -> bool:
    """A past participle of a coercive act on the person it modifies ("imprisoned publisher Jimmy Lai", "the jailed
    activist", "deposed leader"): the labelling guide codes the act done to them (a detained suspect is COERCE
    `arrest`, an ousted leader SANCTION), while "the occupied West Bank" and "a long-threatened invasion" stay
    adjectives."""
    if tok.tag_ != "VBN" or lemma(tok) not in lexicon.person_acts:
        return False
    head = tok.head
    while head.dep_ == "compound" and head.head != head:
        head = head.head  # "imprisoned publisher Jimmy Lai": the name the title is part of
    return head.pos_ in ("NOUN", "PROPN") and (head.ent_type_ == "PERSON" or looks_like_actor(head))
