"""Readers of what the document told before the sentence being coded: who a phrase with no name of its own
stands for, read off the sentences just before (their text, coded or not), the actors described there
(``ctx.described``) and the events reported there (``ctx.records``).

Why a module of its own: ``participants`` is the policy (which side an actor takes, when an event is dropped);
these functions only look back and answer, each for one kind of phrase ("the two presidents", a quotation that
goes on, "he" after a sentence nobody coded, "the ambassador", "the group", "the ministry", "the airstrikes",
"the attack"). ``references`` keeps the per-document memory of coded actors and its word lists; this module
reads the document with the knowledge base.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.coding.candidates import Candidate
from detente.coding.context import DocumentContext
from detente.coding.lexicon import load_lexicon, word_forms
from detente.coding.references import (
    BODY_HEADS,
    WINDOW,
    described_fits,
    latest_body,
    latest_country,
    role_phrases,
)
from detente.coding.selection import full_names
from detente.coding.spans import Arg
from detente.coding.speaker import ends_inside_quote, in_quote, quote_goes_on, unquoted
from detente.coding.words import PERSON_NOUNS, TITLE_HEADS
from detente.records import Actor
from detente.syntax import lemma

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB

# Heads of a dyad phrase about people, who may be the two the sentence before named ("the two presidents").
PERSON_DYAD_HEADS = frozenset({"president", "leader", "minister", "premier", "diplomat", "envoy", "chancellor",
                               "secretary", "counterpart", "official", "head"})
# Dependents that open a clause of their own under a word: what it says is its own ("which was attended by ..."),
# not the phrase's (``voice.CLAUSE_DEPS`` is another set, the clauses a verb heads).
SUBCLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# Runs of capitalized words: the names (with their titles) a sentence that was not parsed may hold.
_NAME_RUN = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")
# Determiners of a noun that refers back to something the text has told ("the attack", "this attack").
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# How many sentences on either side a quote running over several sentences is followed to its attribution: a
# paragraph of quoted speech is rarely longer.
QUOTE_REACH = 3


def persons_named(kb: ActorKB, ctx: DocumentContext, text: str, on: dt.date | None,
                  opener: bool = False) -> list[Actor]:
    """The persons with a country that ``text`` names, each once (by id, else name), in the order first
    named and called by their name ("Xi" is "Xi Jinping"): the runs of capitalized words the knowledge base
    resolves to a person, in the document's context; ``opener``: a run the knowledge base does not know may
    start with a capitalized word that is none of the name ("But Rubio")."""
    people: dict[str, Actor] = {}
    for run in _NAME_RUN.findall(text):
        actor = kb.resolve(run, on=on, context=ctx.actors)
        if actor is None and opener and " " in run:
            # "But Rubio clarified": the capitalized word that opens the sentence is no part of the name
            actor = kb.resolve(run.split(None, 1)[1], on=on, context=ctx.actors)
        if actor is not None and actor.kind == "person" and actor.country:
            people.setdefault(actor.id or actor.name or actor.text, replace(actor, text=actor.name or actor.text))
    return list(people.values())


def pair_named(kb: ActorKB, ctx: DocumentContext, arg: Arg, index: int, on: dt.date | None) -> list[Actor]:
    """"The two presidents", "both leaders": the two people of two countries the sentence before names
    ("Putin is courting Erdogan. The two presidents are closely cooperating in Syria"), when the phrase is
    about people and that sentence names exactly two; else nobody (the document's two countries decide)."""
    if index < 1 or index > len(ctx.sentences) or lemma(arg.token) not in PERSON_DYAD_HEADS:
        return []
    found = persons_named(kb, ctx, ctx.sentences[index - 1].text, on)
    if len(found) != 2 or found[0].country == found[1].country:
        return []
    return found


def quoted_before(kb: ActorKB, ctx: DocumentContext, cand: Candidate, index: int, on: dt.date | None) -> list[Actor]:
    """The speaker of the sentence before, when this one goes on quoting that speaker (``quote_goes_on``) and
    the event is inside the quotation marks ('"...," Akar said. "Congress has become so anti-Turkish."'): the
    speaker coded there, else the one person that sentence names outside its quotation marks."""
    if index < 1 or index >= len(ctx.sentences):
        return []
    text, before = cand.token.doc.text, ctx.sentences[index - 1].text
    if not in_quote(text, cand.token.idx, ends_inside_quote(before)) or not quote_goes_on(text, before):
        return []
    coded = [m.actor for m in ctx.mentioned if m.index == index - 1 and m.speaker]
    if coded:
        return coded
    named = persons_named(kb, ctx, unquoted(before), on)
    if len(named) > 1:
        return speaking(kb, ctx, unquoted(before), on)
    return named or quote_attribution(kb, ctx, index, on)


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """Every form of the lexicon's verbs of saying ("said", "adds", "told"), to find a speaker in plain text."""
    lexicon = load_lexicon()
    return frozenset(f for v in lexicon.speech_verbs for f in word_forms(v, "verb", lexicon.irregular))


def speaking(kb: ActorKB, ctx: DocumentContext, text: str, on: dt.date | None) -> list[Actor]:
    """Of the persons ``text`` names, the one a verb of saying stands next to ('Tillerson said after talks with
    Wang', 'said Tillerson, who met Wang'): the speaker of a quote whose attribution names someone else too;
    nobody where none or several do."""
    forms = _speech_forms()
    found: dict[str, Actor] = {}
    for run in _NAME_RUN.finditer(text):
        following = text[run.end():].split(None, 1)
        preceding = text[:run.start()].split()[-1:]
        words = [w.strip(",;:").lower() for w in following[:1] + preceding]
        if not any(w in forms for w in words):
            continue
        actor = kb.resolve(run.group(), on=on, context=ctx.actors)
        if actor is not None and actor.kind == "person" and actor.country:
            found.setdefault(actor.id or actor.name or actor.text, replace(actor, text=actor.name or actor.text))
    return list(found.values()) if len(found) == 1 else []


def quote_attribution(kb: ActorKB, ctx: DocumentContext, index: int, on: dt.date | None) -> list[Actor]:
    """The speaker of a quote that runs over several sentences, for sentence ``index`` inside it when the sentence
    just before names nobody outside its quotation marks: the one person named where the quote closes
    ('"We are ready. We want a deal," Blinken said.'), else the speaker the sentences before it in the same run of
    quotation coded or named ('Blinken met reporters. "We are ready," he said. "We want a deal.'); nobody where a
    sentence of the run names more than one person outside its quote (whose words they are is then unclear)."""
    after = _attributed(kb, ctx, range(index + 1, min(index + QUOTE_REACH, len(ctx.sentences) - 1) + 1), on, True)
    if after is not None:
        return after
    before = _attributed(kb, ctx, range(index - 1, max(index - QUOTE_REACH, 0) - 1, -1), on, False)
    return before or []


def _attributed(kb: ActorKB, ctx: DocumentContext, steps: range, on: dt.date | None,
                forward: bool) -> list[Actor] | None:
    """Walks the sentences ``steps`` while each goes on quoting from the one before it (forward: the step goes on
    from its predecessor; backward: its successor goes on from it): the first speaker found outside the quotation
    marks (coded there, else named), [] where one sentence names several, None where the run ends or its
    attribution names nobody (a "he said" after the quote: the sentences before may tell who)."""
    for k in steps:
        later, earlier_ = (k, k - 1) if forward else (k + 1, k)
        if not quote_goes_on(ctx.sentences[later].text, ctx.sentences[earlier_].text):
            return None
        outside = unquoted(ctx.sentences[k].text, k > 0 and ends_inside_quote(ctx.sentences[k - 1].text))
        coded = [m.actor for m in ctx.mentioned if m.index == k and m.speaker]
        if coded:
            return coded
        named = persons_named(kb, ctx, outside, on, opener=True)
        if named:
            return named if len(named) == 1 else []
        if forward and outside.strip(" .,;:!?"):
            return None  # the quote closes here on an attribution that names nobody
    return None


def named_in_sentence(kb: ActorKB, ctx: DocumentContext, j: int, kind: str, on: dt.date | None) -> list[Actor]:
    """The persons sentence ``j`` names, when no event there was coded ("Akar spoke on Monday. He criticized
    Washington ..."), for "he" or "she"; none when it has a "he" or "she" of its own (its topic is then that
    pronoun's, further back): read only now, since few sentences need it."""
    if j < 0 or j >= len(ctx.sentences):
        return []
    before = ctx.sentences[j]
    if kind != "person":
        countries = sorted(kb.countries_in(before.text, press=False))
        return [Actor(text=c, name=None, country=c, sector=None) for c in countries]
    if _PERSON_PRONOUNS.intersection(before.tokens):
        return []  # "He met Wang Yi. He then flew on": that sentence's own "he" is the topic, not Wang
    return persons_named(kb, ctx, before.text, on)


def titled(ctx: DocumentContext, arg: Arg, generic: Actor) -> Actor | None:
    """A bare title ("the minister", "the foreign minister") is the last person the document named with
    it, not whoever shares the sentence's one country."""
    tok = arg.token
    if generic.country or generic.name or \
            any(c.dep_ in ("poss", "nummod") or c.ent_type_ for c in tok.children) or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if not any(c.dep_ in ("amod", "compound") for c in tok.children):
        # "a senior State Department official ... The official added": the one described before
        head = tok.lemma_.lower()
        same = next((a for h, a in reversed(ctx.described) if h == head), None)
        if same is not None:
            return same
    if tok.lower_ not in TITLE_HEADS:
        return None
    for seen in ctx.actors.recent():
        titles = [t.title or "" for t in seen.entity.terms] if seen.entity else [seen.actor.text]
        if seen.actor.country and any(tok.lower_ in t.lower().split() for t in titles):
            return seen.actor
    return None


def role_named_before(kb: ActorKB, ctx: DocumentContext, arg: Arg, generic: Actor, index: int,
                       on: dt.date | None) -> Actor | None:
    """A bare title ("the ambassador", "the spokesman") is the one the sentences just before described with
    it, coded or not: "Kenya's ambassador to the United Nations, Martin Kimoru, spoke at the council. The
    ambassador condemned ...". The latest such phrase of the window that the knowledge base ties to a
    country decides."""
    tok = arg.token
    if index < 1 or generic.country or generic.name:
        return None
    if tok.lower_ not in TITLE_HEADS or not bare_the(tok):
        return described_person(kb, ctx, arg, generic, index, on)
    for j in range(index - 1, max(index - WINDOW, 0) - 1, -1):
        if j >= len(ctx.sentences):
            continue
        for phrase in role_phrases(ctx.sentences[j].text, tok.lower_):
            actor = kb.resolve(phrase, on=on, context=ctx.actors)
            if actor is not None and actor.country:
                return actor
    return None


def described_person(kb: ActorKB, ctx: DocumentContext, arg: Arg, generic: Actor, index: int,
                     on: dt.date | None) -> Actor | None:
    """A person described and not named ("the radical militant", "the former minister": "the", adjectives, a
    singular person noun the knowledge base gives a sector and no country) is the person the sentences just before
    named last whose sector the description fits (``references.described_fits``): "... hired gun Abu Nidal ... the
    radical militant was killed" is Abu Nidal. Nobody fits: the person stays unnamed (None)."""
    tok = arg.token
    if not generic.sector or tok.tag_ != "NN" or lemma(tok) not in PERSON_NOUNS or not _described_only(tok):
        return None
    for j in range(index - 1, max(index - WINDOW, 0) - 1, -1):
        if j >= len(ctx.sentences):
            continue
        for person in reversed(people_introduced(kb, ctx, ctx.sentences[j].text, on)):
            if person.sector and described_fits(generic.sector, person.sector):
                return person
    return None


def _described_only(tok: Token) -> bool:
    """"the radical militant", "the veteran militant": "the" and lowercase modifiers, no possessor, number or name
    that would say more ("the Hamas militant", "the group's militant")."""
    before = [c for c in tok.children if c.i < tok.i]
    return any(c.dep_ == "det" and c.lower_ == "the" for c in before) and \
        all(c.dep_ == "det" or (c.dep_ in ("amod", "compound") and c.is_lower and not c.ent_type_) for c in before)


def people_introduced(kb: ActorKB, ctx: DocumentContext, text: str, on: dt.date | None) -> list[Actor]:
    """The persons with a country that ``text`` names in full, in order, each read with the words that introduce
    it ("Palestinian hired gun Abu Nidal": PSE, an armed man of no state), else by the name alone."""
    people: list[Actor] = []
    for m, before in full_names(text):
        for phrase in (" ".join([*before, m.group()]), m.group()):
            actor = kb.resolve(phrase, on=on, context=ctx.actors)
            if actor is not None and actor.country and actor.name and \
                    (actor.kind == "person" or actor.id is None):
                people.append(actor)
                break
    return people


def body_before(ctx: DocumentContext, arg: Arg, index: int) -> Actor | None:
    """"The group", "the organization" (a bare "the" + a word for any body, ``BODY_HEADS``) or a bare
    capitalized head ("the Council") is the body of a country the sentences just before named (for a
    capitalized head, one whose name holds the word): "Al-Shabab fighters attacked a Kenyan base. The group
    accused Kenya ...". A modified head ("the rebel group", "a Kenyan group") says more and is left to
    the knowledge base."""
    tok = arg.token
    if index < 1 or not bare_the(tok) or tok.tag_ in ("NNS", "NNPS"):
        return None
    if lemma(tok) in BODY_HEADS:
        return latest_body(index, ctx.mentioned)
    if tok.text[:1].isupper() and tok.text[1:].islower():
        return latest_body(index, ctx.mentioned, tok.text)
    return None


def referred_country(ctx: DocumentContext, arg: Arg, index: int, heads: frozenset[str]) -> str | None:
    """The country a bare "the" + one of ``heads`` ("the ministry", "the country") stands for: that of the most
    recent actor of the sentences just before (``references.latest_country``); None for a modified head ("the
    defense ministry", "the Chinese government" say more) or with nothing coded there."""
    tok = arg.token
    if index < 0 or lemma(tok) not in heads and tok.lower_ not in heads:
        return None
    if not bare_the(tok):
        return None
    return latest_country(index, ctx.mentioned)


def described_before(ctx: DocumentContext, arg: Arg) -> Actor | None:
    """A bare definite noun the knowledge base knows nothing of ("the airstrikes", "the unit") is the actor the
    document last described with that head noun ("Coordinated airstrikes by the Somali army ..."): a modified
    head ("the Iraqi airstrikes") says more and is not taken for it."""
    tok = arg.token
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children) or \
            any(c.dep_ in ("amod", "compound", "poss", "nummod") for c in tok.children):
        return None
    head = tok.lemma_.lower()
    return next((a for h, a in reversed(ctx.described) if h == head), None)


def reported_before(ctx: DocumentContext, cand: Candidate, index: int) -> tuple[list[Actor], list[Actor]] | None:
    """The sides of the event a definite noun event with no participant of its own refers back to: "the
    bombing", "Tuesday's attack", "this attack" is the latest event of its type the document reported before
    (the labelling guide codes such a mention again, as a background event). None for an indefinite noun ("an
    attack on the constitutional order"), one whose own clause tells who took part ("the G20 summit, which was
    attended by Biden"), a verb, or no earlier event of that type."""
    tok = cand.token
    if not cand.mention.nominal or not _definite(tok) or any(t.dep_ in SUBCLAUSE_DEPS for t in tok.subtree):
        return None  # "the summit ..., which was attended by Biden": its own clause says who took part
    for rec in reversed(ctx.records):
        if rec.type == cand.coded.type and rec.sentence_index < index:
            return list(rec.source), list(rec.target)
    return None


def bare_the(tok: Token) -> bool:
    """"The ministry", "the ambassador": ``tok`` with "the" and no word before it but determiners, which refers
    back to one the sentences before told of; "the defense ministry", "Kenya's ambassador" say more themselves."""
    return not any(c.dep_ != "det" and c.i < tok.i for c in tok.children) and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _definite(tok: Token) -> bool:
    """"the attack", "this attack", "Tuesday's attack": a noun that refers to something already known."""
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in _DEFINITE:
            return True
        if c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME"):
            return True
    return False
