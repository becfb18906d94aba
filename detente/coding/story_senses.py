"""A measure noun read in the sense its story gave it.

A sentence says which measure a bare "the ban" is only when it says "a ban on travel" or "banning the entry of
refugees"; later sentences of the story say "the ban", and the lexicon, seeing no cue, falls back on the noun's
default sense (a restriction at home, COERCE). The story's first reading is the right one: once a sentence has
coded a measure word in a sense resolved by its own words (an object or a cue), a later bare mention of the same
noun in that story takes the same type and mode. Keyed by lemma, so "banned travel" settles "the ban".

A court's act is named again the same way: after "a judge blocked the travel ban", "the ruling" and "his ruling"
are that act (SANCTION convict); with no court act coded earlier in the story, a ruling noun is no event.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from detente import datafiles
from detente.coding.candidates import Candidate
from detente.coding.compose import Coded
from detente.coding.lexicon import Lexicon
from detente.coding.triggers import sense_fits
from detente.syntax import lemma

__all__ = ["MEASURE_NOUNS", "RULING_NOUNS", "carry_senses", "remember_senses"]

MEASURE_NOUNS = frozenset(datafiles.entries("detente.coding", "data/measure_nouns.txt"))
RULING_NOUNS = frozenset(datafiles.entries("detente.coding", "data/ruling_nouns.txt"))
_COURT_ACT = ("SANCTION", "convict")


def resolved(cand: Candidate) -> bool:
    """Whether the candidate's sense was chosen by words of its own sentence (an object or a cue), not by
    default: only such a reading tells the story which measure it is."""
    sense = cand.mention.sense
    return bool(sense.objects or sense.object_classes or sense.cues)


def bare(cand: Candidate) -> bool:
    """A measure noun read in its default sense, with no act of its own composed on it: "the ban"."""
    return (cand.token.pos_ == "NOUN" and lemma(cand.token) in MEASURE_NOUNS | RULING_NOUNS and cand.child is None
            and not resolved(cand))


def carry_senses(senses: dict[str, Coded], candidates: list[Candidate]) -> list[Candidate]:
    """Give each bare measure noun the sense its story settled for the same word earlier. It is then coded as
    that measure or not at all: a sanction that finds nobody it hits in this sentence is no restriction at home.
    A ruling noun with no court act before it in the story is dropped: a ruling nobody reported is no event."""
    kept = []
    for cand in candidates:
        word = lemma(cand.token)
        if bare(cand) and (earlier := senses.get(word)) is not None:
            cand.coded = earlier
        elif word in RULING_NOUNS and word not in senses and cand.token.pos_ == "NOUN" and \
                (cand.coded.type, cand.coded.mode) == _COURT_ACT:
            continue
        kept.append(cand)
    return kept


def _noun_sense(lemma: str, coded: Coded, lexicon: Lexicon) -> bool:
    """Whether the measure noun itself can mean what was coded: "threatened sanctions" (THREATEN) or "a judge
    blocked the ban" (SANCTION convict) is an act about the measure, not the measure's sense."""
    label = f"{coded.type}:{coded.mode}" if coded.mode else coded.type
    return any(sense.label == label for sense in lexicon.senses.get((lemma, "noun"), []))


_OBJECTS = ("dobj", "obj", "nsubjpass")


def _imposed(cand: Candidate) -> str | None:
    """The measure noun a resolved verb acts on ("imposed a ban on travel"): its object."""
    for child in cand.token.children:
        if child.dep_ in _OBJECTS and lemma(child) in MEASURE_NOUNS:
            return lemma(child)
    return None


def _acted_on(verb: Token) -> list[Token]:
    """What a court act is on: its object, and the object of "on" or "to" on that object ("issued a restraining
    order on the travel ban", "issued a halt to the order")."""
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    return objects + [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in ("on", "to")
                      for g in p.children if g.dep_ == "pobj"]


def _blocked_measure(cand: Candidate, lexicon: Lexicon) -> tuple[str, Coded] | None:
    """The measure a court act acts on (``_acted_on``), in the sense its own words resolve ("blocked the travel
    ban": a travel sanction): the act's sense is the court's, so the measure's own reading is read from its cues."""
    for obj in _acted_on(cand.token):
        if (word := lemma(obj)) not in MEASURE_NOUNS:
            continue
        for sense in lexicon.lookup(word, "noun"):
            if sense.cues and sense_fits(obj, sense, lexicon):
                return word, Coded(sense.type, sense.mode, sense.cameo)
    return None


def remember_senses(senses: dict[str, Coded], coded: Iterable[Candidate], lexicon: Lexicon) -> None:
    """Remember the sense of each measure word coded with a sense its own sentence resolved; a later one wins
    (a story that moves from a travel ban to an arms embargo says so with cues again)."""
    for cand in coded:
        if not resolved(cand):
            continue
        if (cand.coded.type, cand.coded.mode) == _COURT_ACT:  # "a judge blocked the ban": the story's ruling
            senses.update((noun, cand.coded) for noun in RULING_NOUNS if _noun_sense(noun, cand.coded, lexicon))
            if (blocked := _blocked_measure(cand, lexicon)) is not None:
                senses[blocked[0]] = blocked[1]
        word = lemma(cand.token)
        measure = word if word in MEASURE_NOUNS else _imposed(cand)
        if measure is not None and _noun_sense(measure, cand.coded, lexicon):
            senses[measure] = cand.coded
