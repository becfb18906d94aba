"""Words of negative judgement ("illegitimate", "abuse", "undermine"), the lexicon statement-level coding reads
criticism with (``statements``). The list is ``data/criticism_words.txt``, derived from WordNet at development
time by ``scripts/build_criticism_words.py``; the curated ``accusation_cues`` of ``words.yaml`` count too."""

from __future__ import annotations

from spacy.tokens import Token

from detente import datafiles
from detente.coding.lexicon import Pos, inflections, load_data
from detente.coding.valence import negative_words
from detente.coding.words import ACCUSATION_CUES
from detente.syntax import lemma

_POS: dict[str, Pos] = {"ADJ": "adj", "NOUN": "noun", "VERB": "verb"}


def _read_words() -> dict[Pos, frozenset[str]]:
    by_pos: dict[Pos, set[str]] = {"adj": set(), "noun": set(), "verb": set()}
    for line in datafiles.entries("detente.coding", "data/criticism_words.txt"):
        word, pos = line.split("\t")
        by_pos[_POS[pos.upper()]].add(word)
    return {pos: frozenset(words) for pos, words in by_pos.items()}


CRITICISM_WORDS = _read_words()
_STATEMENTS = load_data("statements.yaml")
FAILURE_VERBS = frozenset(str(w) for w in _STATEMENTS["failure_verbs"])
QUESTION_WORDS = frozenset(str(w) for w in _STATEMENTS["question_words"])
NECESSITY_WORDS = frozenset(str(w) for w in _STATEMENTS["necessity_words"])
POSING_VERBS = frozenset(str(w) for w in _STATEMENTS["posing_verbs"])  # read by statements, not the prefilter
# Nouns that cast an actor as a danger ("a threat", "a menace"): a statement posing one accuses.
POSING_NOUNS = frozenset(str(w) for w in _STATEMENTS["posing_nouns"])


def criticism_forms() -> frozenset[str]:
    """The derived words as they appear in text, and the other words a statement is read by (failing, "why",
    "necessary"; not posing, which parsed more sentences and coded nothing more), for the prefilter (paired
    with a speech verb's forms); hyphenated words are left to the prefilter's other cues (their last part
    alone, "faced", says nothing)."""
    forms: set[str] = set()
    for pos, words in CRITICISM_WORDS.items():
        for word in words:
            if "-" in word:
                continue
            forms.add(word)
            if pos != "adj":
                forms |= inflections(word, pos)
    for verb in FAILURE_VERBS:
        forms |= inflections(verb, "verb")
    return frozenset(forms | QUESTION_WORDS | NECESSITY_WORDS | negative_words())


def is_criticism(tok: Token) -> bool:
    """A word of negative judgement in its part of speech, a curated accusation cue (an adverb only so: "flagrantly"),
    or a hyphenated judgement the tokenizer split ("two-faced")."""
    if tok.pos_ == "ADV":  # "flagrantly", "blatantly": the curated cues only
        return lemma(tok) in ACCUSATION_CUES
    pos = _POS.get(tok.pos_)
    if pos is None:
        return False
    words = CRITICISM_WORDS[pos]
    if lemma(tok) in words or tok.lower_ in words or lemma(tok) in ACCUSATION_CUES:
        return True
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.i >= tok.sent.start + 2:  # the cheap tests first
        return f"{tok.nbor(-2).lower_}-{tok.lower_}" in words
    return False
