"""A broad lexicon of negative evaluation, for judgements with no blame word ("called the order 'disgraceful'",
"this is a failed policy", "Bad!").

The WordNet list (``criticism``) holds concepts of wrongdoing; most of what speakers say of a rival is plainer
evaluation ("pathetic", "a disaster", "unfair"), which VADER's human-rated lexicon (Hutto & Gilbert 2014; the
``vaderSentiment`` package, MIT) covers: read once at run time from the installed package, never copied. Three
principled cuts, in ``data/valence.yaml`` with their reasons: the event words the trigger lexicon codes as
themselves ("attack", "killed"), the speaker's own emotional states ("sad", "afraid"; every ``-ed`` participle of
a psych verb: "worried", "annoyed"), and conditions told of victims ("poorest", "grave").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from detente import datafiles
from detente.coding.lexicon import load_data, load_lexicon

_DATA = load_data("valence.yaml")
THRESHOLD = float(_DATA["threshold"])
PARTS_OF_SPEECH = frozenset(str(p) for p in _DATA["parts_of_speech"])
STATES = frozenset(str(w) for w in _DATA["states"])
CONDITIONS = frozenset(str(w) for w in _DATA["conditions"])
# a noun judges only so: the predicate of a copula ("is a disgrace"), a naming's complement ("called it a
# disgrace"), an appositive, or a verbless exclamation ("A disgrace!")
_JUDGING_NOUN_DEPS = frozenset({"attr", "oprd", "appos", "ROOT", "xcomp"})


def _rated(text: str) -> dict[str, float]:
    """VADER's lexicon: token, mean valence, standard deviation, the ten ratings (tab-separated)."""
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            out[parts[0]] = float(parts[1])
    return out


def _excluded(word: str) -> bool:
    """A state, a condition, or an ``-ed`` participle (the state of the one it happened to: "worried")."""
    return word in STATES or word in CONDITIONS or word.endswith("ed")


@cache
def negative_words() -> frozenset[str]:
    """The lowercase forms rated at or below the threshold, less the cuts; read once per process."""
    text = datafiles.read_text("vaderSentiment", "vader_lexicon.txt")
    events = load_lexicon().surface_forms()
    return frozenset(w for w, v in _rated(text).items()
                     if v <= THRESHOLD and not _excluded(w) and w not in events)


def judging_noun(tok: Token) -> bool:
    """A noun placed to judge: predicate, naming, apposition or exclamation, not a mention ("the war")."""
    return tok.dep_ in _JUDGING_NOUN_DEPS


def evaluates(tok: Token) -> bool:
    """A word of negative evaluation as an adjective or noun wherever it stands: what a naming verb calls a thing
    ("called the plan disastrous", "branded China an enemy") is placed to judge by the verb itself."""
    return tok.pos_ in ("ADJ", "NOUN") and tok.lower_ in negative_words()


def is_negative(tok: Token) -> bool:
    """A word of negative evaluation in a judging position: an adjective, a noun as a predicate or naming, an
    adverb of the manner of an act."""
    if tok.pos_ not in PARTS_OF_SPEECH or tok.lower_ not in negative_words():
        return False
    if tok.pos_ == "ADV":  # a manner of doing ("behaving badly"), not a degree ("terribly important")
        return tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX")
    return tok.pos_ != "NOUN" or judging_noun(tok)
