"""The doer of a noun event or an agentless passive that its sentence does not name, taken from the story.

"Israeli jets struck Gaza overnight. Five Palestinians were killed": the killing is the strikes the sentence
before told, so its doer is Israel. A sentence of an act that says only whom it hit ("two soldiers were shot") is most
often the story's own event told again or carried on; its doer is the doer of the same act the story named in the
sentence just before, as long as the story named only one and the victims are the same (docs/coding.md, "The
doer from the story: noun events and agentless passives (issue 12, session 17)")."""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding.candidates import Candidate
from detente.coding.context import DocumentContext
from detente.coding.lexicon import load_data
from detente.records import Actor, Mention
from detente.syntax import agent, is_passive

_WORDS = load_data("arguments.yaml")
STORY_DOER_TYPES = frozenset(str(t) for t in _WORDS["story_doer_types"])
STORY_DOER_WINDOW = int(_WORDS["story_doer_window"])
NONE_DETERMINERS = frozenset(str(w) for w in _WORDS["none_determiners"])


def doerless(cand: Candidate) -> bool:
    """An act whose sentence names no doer at all: a noun event with no possessor or "by" agent ("the raids", "a
    deadly attack"), or a passive verb with no "by" agent ("were shot", "was arrested"). A negated act did not
    happen, so it has no doer to find."""
    tok = cand.token
    if cand.sources or cand.flags.negated or cand.coded.type not in STORY_DOER_TYPES or agent(tok) is not None:
        return False
    if any(_none(arg.token) for arg in cand.targets):
        return False  # "no passengers were killed": nobody was hit, so nothing was done
    if cand.mention.nominal:
        # "bans signed by President Rouhani": a participle of the noun's own names someone
        named = any(c.dep_ == "poss" for c in tok.children) or any(t.dep_ == "agent" for t in tok.subtree)
        return not named and not _generic(tok)
    return is_passive(tok)


def _none(tok: Token) -> bool:
    """"no passengers", "none of the soldiers": a phrase that says nobody."""
    return tok.lower_ in NONE_DETERMINERS or _generic(tok)


def _generic(tok: Token) -> bool:
    """"no attack", "any attack": a noun event that says none names no act that happened."""
    return any(c.dep_ == "det" and c.lower_ in NONE_DETERMINERS for c in tok.children)


def story_doer(ctx: DocumentContext, cand: Candidate, index: int, victims: list[Actor],
               named: set[str]) -> Mention | None:
    """The record of the same act, from the window of sentences just before, whose doer this one's is: None where
    the window has no such act, where its acts of that type have more than one doer country (which one did this
    is unknown), where the sentence ``named`` a country that act did not involve, or where the victims it names
    with a country are not that act's."""
    near = [r for r in ctx.records if r.type == cand.coded.type and index - STORY_DOER_WINDOW <= r.sentence_index
            < index and any(a.country for a in r.source)]
    doers = {_countries(r.source) for r in near}
    if len(doers) != 1 or len(next(iter(doers))) != 1:
        return None  # none, or two candidate doers: which one did this is unknown
    latest = near[-1]
    if not named <= _countries(latest.source) | _countries(latest.target):
        return None  # the sentence names a country that act did not involve: another doer or other victims
    hit = _countries(victims)
    if hit and (not hit & _countries(latest.target) or hit & _countries(latest.source)):
        return None  # other victims, or the doer's own side hit: another act, told from the other side
    return latest


def _countries(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.country for a in actors if a.country)
