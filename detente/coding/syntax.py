"""Small helpers over a spaCy dependency parse, shared by trigger finding, argument extraction and modality.

They encode English clause structure in general terms (subjects, objects, passives, control, relative
clauses), never particular sentences, so that what works on one article works on the next.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from detente.coding.lexicon import load_data

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "its", "their",
                      "his", "our", "you", "this", "these", "those"})
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
DYAD_OFFICES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (str(cue), tuple(offices)) for cue, offices in _WORDS["dyad_offices"]
)
PLACE_NOUNS = frozenset(_WORDS["place_nouns"])
RESIDENT_WORDS = frozenset(_WORDS["resident_words"])


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def is_pronoun(tok: Token) -> bool:
    """A personal pronoun ("it", "they"), not a name spelled like one ("US")."""
    return tok.pos_ == "PRON" and tok.lower_ in PRONOUNS


def is_nominal(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "X" and tok.tag_.startswith("NN"))


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[tuple[str, Token]]:
    """(preposition, object) for prepositional children of ``tok`` whose preposition is in ``preps``.

    "in front of" style chains are not followed; "both X and Y" objects come back as the head only (the
    caller expands coordination).
    """
    out: list[tuple[str, Token]] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for obj in c.children:
                if obj.dep_ in ("pobj", "pcomp", "dobj"):
                    out.append((c.lower_, obj))
    return out


def direct_object(verb: Token) -> Token | None:
    """The direct object, or for a passive the surface subject (what was acted on)."""
    obj = child(verb, *OBJECT_DEPS)
    if obj is not None:
        return obj
    if is_passive(verb):
        return child(verb, *PASSIVE_SUBJECT_DEPS)
    return None


def agent(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb (or of a noun: "a visit by He Lifeng"); when the parser gives the
    preposition several objects (a split name), the last one, which is the head of the name."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[-1]
    return None


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


def coordinated(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Blinken, Yellen and Kerry")."""
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i and (is_nominal(c) or c.pos_ == "PRON"):
            out.append(c)
    return out


def ancestors_through_clauses(tok: Token) -> Iterator[Token]:
    """Heads of the clauses ``tok`` sits in, innermost first (stops at the root)."""
    cur = tok
    while cur.head != cur:
        cur = cur.head
        yield cur


def has_aux(verb: Token, words: frozenset[str] | set[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in verb.children)


def subtree_lemmas(tok: Token) -> set[str]:
    return {lemma(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}


def phrase_lemmas(tok: Token) -> str:
    """Lemmas of ``tok``'s subtree without its clauses, joined by spaces ("state of emergency")."""
    words = [lemma(t) for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct", "det")]
    return " ".join(words)


def clause_head(tok: Token) -> Token:
    """The verb of the clause containing ``tok`` (``tok`` itself when it is a verb)."""
    cur = tok
    while not is_verbal(cur) and cur.head != cur:
        cur = cur.head
    return cur
