"""An act dated to an age is history, no event: "photographs that depicted life under the Japanese occupation in
the early 20th century", "the kingdom fought the Portuguese during the 16th century". The guide codes acts of
parties in the news (a background act of the story included) and leaves out history before the modern states
(docs/labelling.md, the second draw's decisions). One of the guide's no-event conventions (``conventions``); the
nouns are data (``age_nouns`` in ``data/conventions.yaml``).

A past event the story names by its date, with nobody doing it ("since the September 11 attacks", "the attacks of
September 11 have shaken the conscience", "a trial over the 2004 bombing of a base", "the Third Battle of Ypres
from July to November 1917"), is history too: the story refers to a known happening as a landmark; it does not
report it. An act with a doer ("Indonesia's 1975 invasion of East Timor") or a date with no number ("Thursday's
attack", "a January attack") is left alone: the story's own events. So is a violent act named by its calendar day
whoever did it ("the September 11 attacks"), and a definite violent or arresting act that a "since" phrase takes
("tensions have soared since the raid"): the lexicon's refusals until fold14 (``triggers.named_by_its_date``,
``dates_another``), this screen's since (``landmark_preps``, ``definite_determiners`` in the data file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.coding.words import CALENDAR
from detente.syntax import clause_head, lemma, prep_objects

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["named_by_date", "of_an_age"]

# How a date names a noun: "the September 11 attacks", "the 2004 bombing"; "attacks of September 11", "attacks
# on September 11", "the battle from July to November 1917".
_DATE_MODIFIERS = frozenset({"nmod", "compound", "nummod", "amod", "npadvmod"})
_DATE_PREPS = frozenset({"of", "on", "in", "from", "to"})
_DATE_ENTS = frozenset({"DATE", "EVENT"})
_NAME_MODIFIERS = frozenset({"nmod", "compound", "npadvmod"})
_AGE_PREPS = frozenset({"in", "during", "throughout"})


def of_an_age(cand: Candidate, conv: Conventions) -> bool:
    """The act's word or its clause's verb is dated "in"/"during" an ordinal age ("the early 20th century")."""
    act = cand.token
    return any(_dated_to_age(tok, conv) for tok in {act, clause_head(act)})


def _dated_to_age(tok: Token, conv: Conventions) -> bool:
    for _p, obj in prep_objects(tok, _AGE_PREPS):
        if obj.dep_ == "pobj" and obj.head.dep_ == "prep" and lemma(obj) in conv.age_nouns and \
                any(c.ent_type_ == "ORDINAL" or (c.tag_ == "JJ" and c.text[:1].isdigit()) for c in obj.children):
            return True
    return False


def named_by_date(cand: Candidate, conv: Conventions) -> bool:
    """A past act the story recalls rather than reports: a noun act with no doer named by a date with a number
    ("the September 11 attacks", "the 2004 bombing"), a violent noun act named by its calendar day even with a
    doer ("al-Qaeda's September 11 attacks"), or a definite violent or arresting act that only dates a state
    ("tensions have soared since the raid"; "since fighting broke out" still reports one)."""
    mention = cand.mention
    noun = mention.token
    found = mention.sense.pos == "noun" and mention.phrase is None
    kind = mention.sense.type.lower()
    if found and kind in conv.known_act_types and _since_a_known_act(noun, conv):
        return True
    if found and kind in conv.day_named_types and any(_calendar_day(m) for m in _day_names(noun)):
        return True
    if noun.pos_ != "NOUN" or cand.child is not None or cand.sources or \
            any(c.dep_ == "poss" for c in noun.children):
        return False
    return any(_numbered_date(m) for m in _date_phrases(noun))


def _since_a_known_act(noun: Token, conv: Conventions) -> bool:
    """A definite noun that a "since" phrase takes: the time something else runs from."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in conv.landmark_preps and \
        any(c.dep_ in ("det", "predet") and c.lower_ in conv.definite_determiners for c in noun.children)


def _day_names(noun: Token) -> list[Token]:
    """What can name an act by its day: a modifier before the noun or its "of" phrase ("the attacks of September
    11"; "an attack on Monday" dates one, and stays an event)."""
    return [c for c in noun.children if c.dep_ in _NAME_MODIFIERS] + [g for _p, g in prep_objects(noun, ("of",))]


def _calendar_day(tok: Token) -> bool:
    """A month or a day of the calendar with a number on it ("September 11")."""
    return (lemma(tok) in CALENDAR or tok.lower_ in CALENDAR) and \
        any(c.dep_ == "nummod" and c.like_num for c in tok.children)


def _date_phrases(noun: Token) -> list[Token]:
    """The noun's modifiers and the objects of its "of"/"on"/"in"/"from" phrases (a level down: "from July to
    November 1917")."""
    out = [c for c in noun.children if c.dep_ in _DATE_MODIFIERS]
    for obj in _date_objects(noun):
        out.append(obj)
        out.extend(_date_objects(obj))
    return out


def _date_objects(tok: Token) -> list[Token]:
    """The objects of ``tok``'s own prepositional phrases with a date preposition (not a "by" agent's, nor a
    "to" dative's)."""
    return [obj for _p, obj in prep_objects(tok, _DATE_PREPS) if obj.dep_ == "pobj" and obj.head.dep_ == "prep"]


def _numbered_date(tok: Token) -> bool:
    """A date with a number in it: a day or a year ("September 11", "2004", "November 1917")."""
    return tok.ent_type_ in _DATE_ENTS and any(t.like_num and t.ent_type_ in _DATE_ENTS for t in tok.subtree)
