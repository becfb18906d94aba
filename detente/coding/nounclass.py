"""The semantic class of an argument, for trigger senses that depend on it: "attacked the village" is an assault,
"attacked the policy" criticism; "troops withdrew from the border" a retreat, "withdrew from the race" nothing.

Classes are WordNet's lexicographer classes of a noun's commonest sense (``data/noun_classes.txt``, derived by
``scripts/build_noun_classes.py``): act, attribute, cognition, communication, event, quantity, state. A number,
an amount of money or a percentage is a quantity. Names, people, places and things have no class here: they
keep a verb's material sense.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from detente import datafiles
from detente.syntax import lemma

NOUN_CLASSES = frozenset({"act", "attribute", "cognition", "communication", "event", "quantity", "state"})
_AMOUNT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "LAW", "EVENT", "PRODUCT"})


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    pairs = (line.split("\t") for line in datafiles.entries("detente.coding", "data/noun_classes.txt"))
    return {word: cls for word, cls in pairs}


def word_class(word: str) -> str | None:
    """The class of a lowercase noun lemma, or None for a thing, a place, a group, a person or an unknown word."""
    return _table().get(word)


def noun_class(tok: Token) -> str | None:
    """The class of the argument ``tok``: "quantity" for an amount of money or a share ("hit $1.1 billion"), the
    class of its lemma for a common noun, None for a name, a pronoun, a bare number or a thing, place or people."""
    if tok.tag_ == "$" or tok.ent_type_ in _AMOUNT_ENTS:
        return "quantity"
    if tok.ent_type_ in _NAME_ENTS or tok.pos_ in ("PROPN", "PRON", "NUM") or tok.ent_type_ == "CARDINAL":
        return None  # a bare number counts people as often as not ("killed 25")
    return word_class(lemma(tok)) or word_class(tok.lower_)


def compound_class(tok: Token) -> str | None:
    """The class of a noun with the compound before it, when the two make one noun of their own: "a heart
    attack", "an asthma attack" are states (illnesses), whatever "attack" alone is."""
    mods = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1]
    return word_class(f"{mods[0].lower_} {lemma(tok)}") if mods else None
