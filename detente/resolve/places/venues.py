"""A named venue's place from the whole document: "Xi met Biden on the sidelines of the APEC summit" names no
place, but the story says elsewhere "the APEC summit in San Francisco". A meeting or a statement at a named
summit, forum or assembly took place where the document puts that venue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from detente.records import Location
from detente.resolve.dates import event_clauses
from detente.resolve.places.cues import place_cues
from detente.resolve.places.gazetteer import lookup_place
from detente.syntax import children, lemma

# Nouns an event hangs on that stand for the venue after "of": "on the sidelines of the APEC summit".
_MARGINS = frozenset({"sideline", "margin"})
# "the APEC summit in San Francisco", "the G20 summit in New Delhi, India", "APEC leaders' meeting in San Francisco",
# "the APEC summit hosted by the United States in San Francisco": a few words between the venue's name and its
# "in"/"at" (or "hosted by"), then a capitalized place of up to four words.
_PLACE = r"\s+(?-i:((?:the\s+)?[A-Z][\w'.-]*(?:,?\s+[A-Z][\w'.-]*){0,3}))"
_AFTER_NAME = {"in": r"(?:\s+[\w'’-]+,?){0,6}?\s+(?:in|at)" + _PLACE, "hosted": r"\s+hosted\s+by" + _PLACE}


def venue_name(trigger: Token) -> str | None:
    """The name of the venue the event's own clause hangs it on ("on the sidelines of the APEC summit", "at the
    G20 meetings", "during the UN General Assembly"): the proper names before a venue noun and the noun itself, or
    None when the venue is unnamed ("at the meeting")."""
    cues = place_cues()
    for clause, role in event_clauses(trigger):
        if role == "antecedent":
            return None
        for head in {trigger.i: trigger, clause.i: clause}.values():
            for prep in children(head, "prep"):
                if prep.lower_ not in cues.meeting_preps:
                    continue
                for noun in children(prep, "pobj"):
                    name = _named(_venue_behind(noun))
                    if name is not None:
                        return name
    return None


def _venue_behind(noun: Token) -> Token | None:
    if lemma(noun) not in _MARGINS:
        return noun
    return next((o for p in children(noun, "prep") if p.lower_ == "of" for o in children(p, "pobj")), None)


def _named(noun: Token | None) -> str | None:
    """"APEC summit" of "the APEC summit", "UN General Assembly": proper-name modifiers and the venue noun."""
    if noun is None or lemma(noun) not in place_cues().venue_nouns:
        return None
    names = [c for c in noun.children if c.i < noun.i and c.dep_ in ("compound", "nmod", "amod") and
             c.pos_ == "PROPN"]
    if not names:
        return None
    start = min(t.i for n in names for t in n.subtree)
    return noun.doc[start : noun.i + 1].text


def named_venue_place(text: str, name: str, context_countries: Iterable[str] = ()) -> Location | None:
    """Where ``text`` puts the venue called ``name``: the first "NAME in PLACE" or "NAME at PLACE" the gazetteer
    knows ("the APEC summit in San Francisco in November" → San Francisco), else its host ("NAME hosted by
    PLACE"); None when the document never places it."""
    words = name.split()
    head = re.escape(words[-1].rstrip("s"))
    venue = "(?i:" + "".join(re.escape(w) + r"\W+" for w in words[:-1]) + rf"{head}\w*)"
    for after in (_AFTER_NAME["in"], _AFTER_NAME["hosted"]):  # its own place first, else its host
        for match in re.finditer(venue + after, text):
            found = _known(match.group(1), context_countries)
            if found is not None:
                return found
    return None


def _known(phrase: str, context: Iterable[str]) -> Location | None:
    """The longest start of ``phrase`` the gazetteer knows, looked up inside a place after a comma ("New Delhi,
    India"; "San Francisco in November" → San Francisco)."""
    head, _, after = phrase.rstrip(".").partition(",")
    words = head.split()
    within = list(context)
    qualifier = lookup_place(after.strip()) if after.strip() else None
    if qualifier is not None and qualifier.country:
        within = [qualifier.country]
    for n in range(len(words), 0, -1):
        found = lookup_place(" ".join(words[:n]), within)
        if found is not None and (qualifier is None or found.country == qualifier.country):
            return found
    return qualifier
