"""The people a document introduces in full and calls by their surname alone later: "Ugandan opposition leader
Bobi Wine ... Wine said", "Albania's interior minister, Tamsin Varleigh, ... Varleigh accused Serbia". The phrase
that introduced such a person is often in a sentence with no event, never parsed nor resolved; this step reads it
once per document and remembers the person in the document's actors, so the later surname resolves to them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from detente.coding.context import DocumentContext
from detente.coding.references import INTRODUCED_SECTORS
from detente.coding.selection import PHRASE_BREAK, surnames_in
from detente.records import Actor
from detente.resolve.actors import DocumentActors

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB


def introduce(kb: ActorKB, ctx: DocumentContext, phrases: tuple[str, ...], on: dt.date | None) -> None:
    """Remember the people a sentence parsed for a surname alone calls by that name, from the phrase that
    introduced them ("Ugandan opposition leader Bobi Wine", "Jose Perez, a Guatemalan judge"), which may
    not have been parsed: "Wine says ..." is then that person of that country. Only a person with a country
    is remembered: a name alone says nothing the surname does not."""
    for phrase in phrases:
        actor = kb.resolve(phrase, on=on, context=DocumentActors())
        if actor is not None and actor.name and actor.country and (actor.kind == "person" or actor.id is None):
            ctx.actors.observe(actor)
    _introduce_unknown(kb, ctx, on)


def _introduce_unknown(kb: ActorKB, ctx: DocumentContext, on: dt.date | None) -> None:
    """Remember every person the knowledge base does not know whom the document introduces with a country
    and a state, party or armed role (``INTRODUCED_SECTORS``: "Albania's interior minister Tamsin Varleigh",
    "Tamsin Varleigh, a Kenyan lawmaker", "Japan's new prime minister, Tamsin Varleigh") and calls by the
    surname again: on unseen news most people are not in the knowledge base, and the sentence that introduces
    them is often one with no event, never resolved. A commentator's field ("a lecturer in Japanese foreign
    policy") gives no side: such people are left out. A person the knowledge base knows is remembered too when
    the surname alone does not name them ("Uganda's Bobi Wine ... Wine says")."""
    # a surname matters only where a parsed sentence calls someone by it alone ("Varleigh said"); the
    # knowledge base is asked about those few names only
    parsed = " ".join(s.text for s in ctx.selected)
    known: set[str] = set()
    for sentence in ctx.sentences:
        for surname, phrase in surnames_in(sentence.text).items():
            if surname in known or surname not in parsed:
                continue
            words = name_run(phrase, surname)
            if len(words) < 2 or parsed.count(surname) <= parsed.count(" ".join(words[-2:])) or \
                    kb.readings(surname) - {"surname"}:
                continue  # called by the full name only (resolved where it stands), a place
            readings = [kb.readings(" ".join(words[i:])) for i in range(len(words) - 1)]
            if any(r - {"person"} for r in readings):
                continue  # a place, a body
            for attempt in introducing_phrases(sentence.text, phrase, " ".join(words)):
                actor = kb.resolve(attempt, on=on, context=DocumentActors())
                if actor is not None and actor.id is not None:
                    if any(readings) and _surname_needs_story(kb, actor, surname, on):
                        ctx.actors.observe(actor)
                        known.add(surname)
                    break  # a person the knowledge base knows
                if any(readings):
                    break
                if actor is not None and actor.name and actor.country and \
                        actor.name.split()[-1] == surname and actor.sector in INTRODUCED_SECTORS:
                    ctx.actors.observe(actor)
                    known.add(surname)
                    break


def _surname_needs_story(kb: ActorKB, person: Actor, surname: str, on: dt.date | None) -> bool:
    """Does the surname alone fail to name this known person without the story ("Wine" is a common word, "Bashir"
    several people)? The sentence that gave the full name may never have been parsed ("Uganda's Bobi Wine ...
    knows all too well"), so nothing but this step tells the later "Wine says" who he is."""
    alone = kb.resolve(surname, on=on)
    return person.country is not None and (alone is None or alone.id != person.id)


def name_run(phrase: str, surname: str) -> list[str]:
    """The capitalized words of ``phrase`` that end with ``surname`` ("U.S. Envoy Tamsin Varleigh" for
    "Varleigh"), the first such run; none when the surname is not there."""
    words = phrase.split()
    for i, w in enumerate(words):
        if w == surname or w.startswith(surname) and w[len(surname):] in ("'s", "’s", ","):
            start = i
            while start > 0 and words[start - 1][:1].isupper() and not words[start - 1].endswith(","):
                start -= 1
            return [*words[start:i], surname]
    return []


def introducing_phrases(text: str, phrase: str, name: str) -> list[str]:
    """The phrase that introduced ``name``, and, when a comma comes right before the name, the title phrase before
    that comma with the name ("Japan's new prime minister, Shigeru Ishiba"), which the phrase stops short of."""
    out = [phrase]
    at = text.find(", " + name)
    if at > 0:
        lead = PHRASE_BREAK.split(text[:at])[-1].split()[-6:]
        if lead:
            out.append(" ".join(lead) + ", " + name)
    return out
