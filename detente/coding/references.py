"""Actors across sentences: whom a pronoun, or a definite description with no name ("the ministry"), stands for
when its own sentence does not say.

News names an actor once and refers back to it: "China's foreign ministry denounced the decision. It said the
move would ...", "Blinken arrived on Monday. ... He told reporters ...". The coder remembers, per document, the
actors of each coded sentence (its speakers and sources, ``Mentioned``); a reference with no antecedent in its
own sentence (``speaker.resolve_pronoun`` looks there first) is the most recent compatible one of the sentences
just before, within ``WINDOW`` sentences: a person for "he"/"she", a country or body for "it", anything but
one person for "they". The word lists and the window are data (``data/references.yaml``); an actor reached this
way is marked as reached through a pronoun, which lowers its confidence (``data/confidence.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cache

from detente.coding.lexicon import load_data
from detente.coding.words import PERSON_NOUNS
from detente.records import Actor

_DATA = load_data("references.yaml")
WINDOW = int(_DATA["window"])
PRONOUN_KINDS: dict[str, str] = {str(w): str(kind) for kind, words in _DATA["pronouns"].items() for w in words}
PREFILTER_PRONOUNS = frozenset(str(w) for w in _DATA["prefilter_pronouns"])
FIRST_PERSON = frozenset(str(w) for w in _DATA["first_person"])
ORGANS = frozenset(str(w) for w in _DATA["organs"])
COUNTRY_HEADS = frozenset(str(w) for w in _DATA["countries"])
CONTRASTS = frozenset(str(w) for w in _DATA["contrasts"])
BODY_HEADS = frozenset(str(w) for w in _DATA["bodies"])
INDEFINITES = frozenset(str(w) for w in _DATA["indefinites"])
INTRODUCED_SECTORS = frozenset(str(w) for w in _DATA["introduced_sectors"])
FIT_SECTORS: tuple[frozenset[str], ...] = tuple(frozenset(str(s) for s in group) for group in _DATA["described_fits"])


@dataclass(frozen=True, slots=True)
class Mentioned:
    """An actor of a coded sentence: ``index`` the sentence, ``speaker`` whether it spoke there."""

    index: int
    actor: Actor
    speaker: bool = False
    target: bool = False  # a recipient there: the antecedent only when no speaker or actor of that sentence fits


def pronoun_kind(word: str) -> str | None:
    """"person", "thing" or "group" for a third-person pronoun, else None ("I", "we", "you" are the speaker's)."""
    return PRONOUN_KINDS.get(word.lower())


def first_person(word: str) -> bool:
    """Does ``word`` speak for the quote's speaker ("we", "I", "our")? Its antecedent is who is quoted, not a
    sentence before."""
    return word.lower() in FIRST_PERSON


def compatible(kind: str, actor: Actor) -> bool:
    """Can a pronoun of ``kind`` stand for ``actor``? "he" only for a person; "it" for a country or a body, not
    for a person or a plural group ("militants"); "they" for anything but one person."""
    if actor.country is None:
        return False  # an actor of no country gives the event no side: nothing is gained by reaching it
    person = _one_person(actor)
    if kind == "person":
        return person
    if person:
        return False
    return kind == "group" or not _plural(actor)


def _one_person(actor: Actor) -> bool:
    """A person of the knowledge base, one described by a singular person noun ("the former French foreign
    minister", "a State Department spokesperson"), or one a "he" or "she" stood for."""
    if actor.id is not None:
        return actor.kind == "person"
    words = actor.text.split()
    # "he" reached for an unnamed speaker ('..., he said') is one person, never the "they" of the next quote
    return bool(words) and (words[-1].lower() in PERSON_NOUNS or pronoun_kind(actor.text) == "person")


def _plural(actor: Actor) -> bool:
    """A described group ("militants", "Chinese officials"), not a name or a country: its last word is plural."""
    if actor.id is not None:
        return False
    last = actor.text.split()[-1] if actor.text.split() else ""
    return last.islower() and last.endswith("s") and not last.endswith("ss")


def antecedent(kind: str, index: int, mentioned: Iterable[Mentioned],
               named: Callable[[int, str], list[Actor]] | None = None, window: int = WINDOW,
               skip: Callable[[Actor], bool] | None = None) -> Actor | None:
    """The actor a reference of ``kind`` in sentence ``index`` stands for: going back one sentence at a time
    (at most ``window``), that sentence's first compatible speaker, else its first compatible actor; for a
    sentence where nothing was coded, the one actor ``named(j, kind)`` reads off its text (none: look further
    back; several: the reference is ambiguous and stands for nobody). Where the actor found is one ``skip`` holds,
    nobody: a "he" inside a quote is not the one quoted, and who he is the text does not say."""
    by_index: dict[int, list[Mentioned]] = {}
    for m in mentioned:
        if index - window <= m.index < index:
            by_index.setdefault(m.index, []).append(m)
    for j in range(index - 1, max(index - window, 0) - 1, -1):
        here = by_index.get(j, [])
        for m in sorted(here, key=lambda m: (not m.speaker, m.target)):
            if compatible(kind, m.actor):
                return None if skip is not None and skip(m.actor) else m.actor
        if not here and named is not None:
            found = named(j, kind)
            if found and skip is not None and any(skip(a) for a in found):
                return None
            if found:
                return found[0] if len(found) == 1 else None
    return None


def latest_country(index: int, mentioned: Iterable[Mentioned], window: int = WINDOW) -> str | None:
    """The country of the most recent actor of the last ``window`` sentences: whose "the ministry" or "the
    country" a sentence naming no country means; none when the most recent actors are of two countries
    ("nurses in Winnipeg and in Chicago walked off the job": whose is "the Government"?)."""
    inside = [m for m in mentioned if index - window <= m.index < index and m.actor.country and not m.target]
    if not inside:
        return None
    latest = max(inside, key=lambda m: (m.index, m.speaker))
    sides = {m.actor.country for m in inside if (m.index, m.speaker) == (latest.index, latest.speaker)}
    return latest.actor.country if len(sides) == 1 else None  # two countries acting together: whose is unsaid


def latest_body(index: int, mentioned: Iterable[Mentioned], head: str | None = None,
                window: int = WINDOW) -> Actor | None:
    """The body of a country (not a person, not a country itself) that the last ``window`` coded sentences
    named most recently, as speaker or actor: whom "the group" stands for; with ``head`` ("Council"), only a
    body whose name holds that word."""
    inside = [m for m in mentioned if index - window <= m.index < index and not m.target and
              m.actor.kind == "body" and m.actor.country and (head is None or _names_word(m.actor, head))]
    if not inside:
        return None
    return max(inside, key=lambda m: (m.index, m.speaker)).actor


def _names_word(actor: Actor, word: str) -> bool:
    return word.lower() in (actor.name or actor.text).lower().replace("-", " ").split()


def role_phrases(text: str, title: str) -> list[str]:
    """The phrases of ``text`` that may give ``title`` to someone, its last use first: the title with a
    "to/of/for" phrase or a name after it and, shortest first, up to four of the words before it back to a comma,
    colon or bracket ("ambassador to the United Nations", "Kenya's ambassador to the United Nations", ...). The
    first that the knowledge base ties to a country says whose a later bare "the ambassador" is (``Participants``);
    shortest first, so that "Varleigh met Kenya's ambassador" is Kenya's ambassador, not Varleigh."""
    out: list[str] = []
    for m in reversed(list(_role_pattern(title).finditer(text))):
        words = m.group("before").split()
        out += [" ".join([*words[len(words) - k:], m.group("role")]) for k in range(len(words) + 1)]
    return out


@cache
def _role_pattern(title: str) -> re.Pattern[str]:
    word = r"[^\s,;:()\[\]\"“”]+"
    name = r"[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
    return re.compile(rf"(?P<before>(?:{word}\s+){{0,4}})(?P<role>(?i:\b{re.escape(title)}\b)"
                      rf"(?:\s+(?:to|of|for|at)\s+(?:the\s+)?{name}|\s+{name})?)")


def described_fits(described: str, named: str) -> bool:
    """Can a person described with sector ``described`` ("the militant": REB) be one named with sector ``named``
    (a hired gun: UAF)? The same sector, or two of one group of ``described_fits``."""
    return described == named or any(described in group and named in group for group in FIT_SECTORS)


_DESCRIBED = re.compile(r"\b[Tt]he((?:\s+[a-z][\w-]*){1,3})")


def describes_person(text: str, agent_words: Collection[str]) -> bool:
    """Does the sentence hold a person described and not named ("the radical militant", "the former minister"):
    "the", at most two words, and a singular person noun that is an agent or office word?"""
    for m in _DESCRIBED.finditer(text):
        if any(w in agent_words and w in PERSON_NOUNS for w in m.group(1).split()):
            return True
    return False


def refers_back(tokens: Collection[str], text: str) -> bool:
    """Does a sentence hold a reference the prefilter should parse for: a pronoun that may stand for an actor,
    or "the" + an organ word ("the ministry", "the spokesman")?"""
    if not PREFILTER_PRONOUNS.isdisjoint(tokens):
        return True
    if ORGANS.isdisjoint(tokens):
        return False
    low = text.lower()
    return any(f"the {w}" in low for w in ORGANS if w in tokens)
