"""Word classes the coder reads arguments with (``data/words.yaml``), and the tests over them.

Lexical knowledge, not grammar: which nouns name a participant ("official", "delegation"), which count one
("a number of"), which verbs pass their object to an infinitive ("urged Israel to withdraw"). The grammar they
are applied to is ``detente.syntax``.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente import datafiles
from detente.coding.lexicon import load_data
from detente.syntax import PRONOUNS, lemma

ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW",
                            "WORK_OF_ART", "LANGUAGE", "PRODUCT", "EVENT"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_WORDS = load_data("words.yaml")
AGENT_NOUNS = frozenset(_WORDS["agent_nouns"])
QUANTITY_NOUNS = frozenset(_WORDS["quantity_nouns"])
GENERIC_HEADS = frozenset(_WORDS["generic_heads"])
OBJECT_CONTROL = frozenset(_WORDS["object_control"])
CALENDAR = frozenset(_WORDS["calendar"])
DYAD_PHRASES = tuple(_WORDS["dyad_phrases"])
DYAD_AGENTS = frozenset(_WORDS["dyad_agents"])
PRESS_WORDS = frozenset(_WORDS["press_words"])
TITLE_HEADS = frozenset(_WORDS["title_heads"])
ACCUSATION_CUES = frozenset(_WORDS["accusation_cues"])
EXPERIENCER_CUES = frozenset(_WORDS["experiencer_cues"])
STATE_TYPES = frozenset(_WORDS["state_types"])
STATE_MODES = frozenset(_WORDS["state_modes"])
WANTING_VERBS = frozenset(_WORDS["wanting_verbs"])
CLAIM_NOUNS = frozenset(_WORDS["claim_nouns"])
CLAIM_VERBS = frozenset(_WORDS["claim_verbs"])
COUNT_WORDS = frozenset(_WORDS["count_words"])
DAY_WORDS = frozenset(_WORDS["day_words"])
INVESTIGATING_BODIES = frozenset(str(w) for w in _WORDS["investigating_bodies"])
# WordNet nouns whose commonest sense is a person (scripts/build_person_nouns.py)
PERSON_NOUNS = frozenset(datafiles.entries("detente.coding", "data/person_nouns.txt"))
DYAD_OFFICES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (str(cue), tuple(offices)) for cue, offices in _WORDS["dyad_offices"]
)
DYAD_SECTORS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (str(sector), tuple(str(w) for w in words)) for sector, words in _WORDS["dyad_sectors"]
)
PLACE_NOUNS = frozenset(_WORDS["place_nouns"])
RESIDENT_WORDS = frozenset(_WORDS["resident_words"])


def is_investigating_body(tok: Token) -> bool:
    """An investigating body: "police", "detectives", "the FBI", "Saudi authorities", "the corruption taskforce"."""
    return lemma(tok) in INVESTIGATING_BODIES or tok.lower_ in INVESTIGATING_BODIES


def looks_like_actor(tok: Token) -> bool:
    """A name, a pronoun or a noun naming a participant (not a thing): the test for "met X" and "host X"."""
    if tok.ent_type_ in NON_ACTOR_ENTS:
        return False
    if tok.ent_type_ in ACTOR_ENTS or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON" and tok.lower_ in PRONOUNS:
        return True
    if lemma(tok) in AGENT_NOUNS or tok.lower_ in AGENT_NOUNS:
        return True
    return any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("GPE", "NORP", "PERSON")
               and lemma(tok) in AGENT_NOUNS for c in tok.children)


def named_actor(tok: Token | None) -> Token | None:
    """``tok`` when it names a participant outright: a pronoun only points back, and these rules read no
    further than the sentence."""
    return tok if tok is not None and tok.pos_ != "PRON" and looks_like_actor(tok) else None


def names_people(tok: Token) -> bool:
    """An actor by the test above, or a common noun for people ("historians", "bloggers", "publishers")."""
    return looks_like_actor(tok) or (tok.pos_ == "NOUN" and lemma(tok) in PERSON_NOUNS)


def is_place(tok: Token) -> bool:
    return tok.ent_type_ in PLACE_ENTS
