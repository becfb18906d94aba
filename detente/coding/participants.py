"""Who takes part in an event: the actor policy that turns a candidate's argument phrases into its source and
target actors.

Each phrase is resolved through the knowledge base as of the event's date, in the context of the actors the
document already named. Around that sit the rules for phrases the knowledge base cannot answer alone: a
pronoun or "the ministry" is the most recent compatible actor of the sentences just before (``references``);
"the two countries" (and "the presidents of the two countries") are the two countries the document is mostly
about; an editorial's demand with no speaker is its outlet's; a group with no country in a sentence about one
country is of that country. An event where no side has a country, or a statement nobody made, is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.coding.candidates import Candidate
from detente.coding.compose import Coded
from detente.coding.context import DocumentContext
from detente.coding.counterparts import DIRECTED_TYPES, counterpart, document_dyad, other_side
from detente.coding.earlier import (
    body_before,
    described_before,
    named_in_sentence,
    pair_named,
    quoted_before,
    referred_country,
    reported_before,
    role_named_before,
    titled,
)
from detente.coding.home import crowd_acts, office_at_home
from detente.coding.introductions import introduce
from detente.coding.legal import (
    accused,
    agentless_charge,
    court_state,
    legal_passive,
    sentenced,
    unnamed_accused,
)
from detente.coding.lexicon import load_data
from detente.coding.merge import dedupe, same_actor
from detente.coding.references import (
    CONTRASTS,
    COUNTRY_HEADS,
    INDEFINITES,
    ORGANS,
    Mentioned,
    antecedent,
    first_person,
    pronoun_kind,
)
from detente.coding.sentence import sentence_text
from detente.coding.spans import Arg
from detente.coding.speaker import ends_inside_quote, in_quote
from detente.coding.story_doers import doerless, story_doer
from detente.coding.story_senses import bare
from detente.coding.words import (
    DYAD_OFFICES,
    DYAD_SECTORS,
    PERSON_NOUNS,
    PRESS_WORDS,
    STATE_TYPES,
    TITLE_HEADS,
    names_people,
)
from detente.records import Actor, Mention
from detente.resolve.places.gazetteer import lookup_place
from detente.syntax import agent, lemma, prep_objects

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB

# Types whose acts, with no recipient named, are done to the actor's own country.
DOMESTIC_TYPES = frozenset({"COERCE"})
_RECIPIENTS = load_data("recipients.yaml")
# Types whose acts only a state does to another: with a recipient and no actor named, the other side acts.
STATE_ONLY_TYPES = frozenset(str(t) for t in _RECIPIENTS["state_only_types"])
WATER_WORDS = frozenset(str(w) for w in _RECIPIENTS["water_words"])
# Material acts that, named by a noun with nobody as doer, are coded with no source against the country hit.
AGENTLESS_TYPES = frozenset(str(t) for t in _RECIPIENTS["agentless_types"])
# Sectors of people who are not an organization acting for a country ("people", "heirlooms", "public interest").
_UNORGANIZED = frozenset({"CVL"})
_BACK = frozenset({"the", "this", "that", "these", "those"})  # determiners of a noun that refers back
# Where "it" and "they" stand for an actor of the sentences before: subjects and possessors.
_REFERRING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
# Verbal acts: without an actor nobody said anything.
_SPOKEN = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"})
# Acts whose speaker is their actor when the clause names none ("removing sanctions is out of the question").
_SPEAKER_ACTS = frozenset({"REJECT", "REQUEST", "ACCUSE", "THREATEN", "AGREE"})
# The knowledge base's sector of news outlets and journalists ("VOA", "Reuters", "reporters").
PRESS_SECTOR = "JRN"


@dataclass(slots=True)
class Resolved:
    """The actors one side's phrases resolved to, with the phrase that described each; ``fallback``: a country
    was read off an unresolved phrase or the sentence; ``pronoun``: an actor came from a pronoun."""

    actors: list[Actor]
    descriptions: list[str]
    fallback: bool = False
    pronoun: bool = False

    def described(self) -> list[str]:
        """Each actor's describing phrase (its own text when it has none)."""
        return [self.descriptions[i] if i < len(self.descriptions) else a.text for i, a in enumerate(self.actors)]


@dataclass(slots=True)
class Sides:
    """The participants of one event; ``outlet_speaker``: its source is the outlet of an editorial."""

    speaker: list[Actor]
    sources: Resolved
    targets: Resolved
    outlet_speaker: bool = False
    other_side: list[Actor] = field(default_factory=list)


class Participants:
    """Resolves a candidate's source, target and speaker phrases; counts the events it drops in ``stats``."""

    def __init__(self, kb: ActorKB, stats: Counter[str]) -> None:
        self.kb = kb
        self.stats = stats

    def find(self, ctx: DocumentContext, cand: Candidate, on: dt.date | None, index: int) -> Sides | None:
        """The event's participants as of ``on``, or None when no side has a country (or nobody spoke)."""
        doc = ctx.doc
        speaker = self._resolve(ctx, cand.speaker, on, index).actors if cand.speaker else \
            quoted_before(self.kb, ctx, cand, index, on)
        sources = self._resolve_all(ctx, cand.sources, on, index, speaker)
        blamed = accused(cand)
        targets = self._resolve_all(ctx, cand.targets or blamed or sentenced(cand), on, index, speaker)
        if blamed and not targets.actors:
            targets = self._home_of_act(ctx, cand)  # "the land seizures that have brought condemnation"
        court = court_state(self.kb, cand) if not sources.actors else None
        if court is not None:  # "a trial opened in Paris": the state whose court tries
            sources = _country_side(court, "JUD")
        outlet_speaker = False
        if cand.needs_speaker_source:
            if speaker:
                sources = Resolved(list(speaker), [a.text for a in speaker])
            elif doc.genre == "editorial" and doc.outlet:
                outlet = self._outlet(ctx, on)
                sources = Resolved([outlet], [outlet.text]) if outlet else sources
                outlet_speaker = True
            else:
                return None
        if not sources.actors and speaker and _spoken_for(cand.sources):
            # '"We absolutely support the two-state solution," she said': the speaker's own "we", of any act
            sources = Resolved(list(speaker), [a.text for a in speaker], pronoun=True)
        if not sources.actors and not speaker and cand.coded.type in _SPOKEN and _spoken_for(cand.sources):
            # '"We ever asked the Government ..."' with nobody quoted: most often a person or firm the knowledge base
            # does not know, of the story's home as an unplaced "he" is; a statement only ("we're deploying
            # them" is as often everyone's "we")
            sources = self._home_person(ctx, cand.sources[0])
        if not sources.actors and speaker and cand.coded.type in _SPEAKER_ACTS and not blamed:
            sources = Resolved(list(speaker), [a.text for a in speaker])  # "removing sanctions is out of ..."
        if not targets.actors and cand.addressee is not None and sources.actors and speaker and \
                {a.country for a in sources.actors} == {a.country for a in speaker}:
            addressed = self._resolve(ctx, cand.addressee, on, index)
            if not any(a.sector == PRESS_SECTOR for a in addressed.actors):
                targets = addressed  # "told VOA", "told reporters": the press hears the act, it is no party to it
        if not sources.actors and any(a.pronoun for a in cand.sources) and not cand.needs_speaker_source:
            self.stats["dropped_unresolved"] += 1
            return None  # "She asked ...": who asked is unknown
        sources.actors = dedupe(sources.actors)
        targets.actors = [a for a in dedupe(targets.actors) if not any(same_actor(a, s) for s in sources.actors)]
        if cand.coded.type == "CONSULT":
            # "spoke to reporters", "told the press": talking to journalists is no exchange between actors
            kept = [(a, d) for a, d in zip(targets.actors, targets.described(), strict=True)
                    if not PRESS_WORDS.intersection(d.lower().replace(",", " ").split())]
            targets.actors, targets.descriptions = [a for a, _ in kept], [d for _, d in kept]
        if not targets.actors and (settled := _measure_settled(ctx, cand, index)) is not None:
            # "the ban" the story read as a travel ban earlier hits whom that ban hit, imposed by whoever imposed it
            targets = Resolved(list(settled.target), [a.text for a in settled.target], pronoun=True)
            if not sources.actors:
                sources = Resolved(list(settled.source), [a.text for a in settled.source], pronoun=True)
        sentence_countries: set[str] | None = None
        if not cand.sources and not sources.actors and cand.coded.type in STATE_TYPES:
            sentence_countries = self._countries_here(cand.token)
            # "books banned under the Taliban", "people confined in camps in Xinjiang": nobody but a state bans
            # books or confines people, and the sentence (or, naming none, the document) is about one; naming
            # several, the state is the one the act happened in ("was arrested in Malaysia for smuggling people
            # to Indonesia")
            state = _one_or_home(sentence_countries, ctx.home) or self._act_country(cand)
            if state is not None:
                sources = _country_side(state, "GOV")
        if not sources.actors and legal_passive(cand):
            # "Reid is charged with intimidation": only a state's prosecutors charge, and the sentence (or, naming
            # none, the story) is about one
            if sentence_countries is None:
                sentence_countries = self._countries_here(cand.token)
            state = _one_or_home(sentence_countries, ctx.home) or self._act_country(cand)
            if state is not None:
                sources = _country_side(state, "JUD")
        if _agentless(cand) and not sources.actors and not any(a.country for a in targets.actors):
            if sentence_countries is None:
                sentence_countries = self._countries_here(cand.token)
            # "the killing of peaceful demonstrators": nobody named did it and those hit are people of no
            # country; the guide codes it with no source against the country it happened in
            where = _one_or_home(sentence_countries, ctx.home)
            if where is not None and targets.actors:
                targets.actors = [Actor(a.text, a.name, where, a.sector, a.id) for a in targets.actors]
                targets.fallback = True
            elif where is not None:
                targets = _country_side(where, None)
        if not sources.actors and cand.coded.type in STATE_ONLY_TYPES:
            # "sanctions against Turkey are in Congress", "Berisha ... are barred from travel to the United
            # States": only a state sanctions, and the act names whom; the other side did it
            imposer = counterpart(self.kb, ctx, cand, targets.actors, cand.targets, sentence_countries)
            sources = Resolved(imposer, [], fallback=True)
            sources.descriptions = [a.text for a in sources.actors]
        for group, phrases in ((sources, cand.sources), (targets, cand.targets)):
            if group.actors and all(a.country is None for a in group.actors):
                if sentence_countries is None:
                    sentence_countries = self._countries_here(cand.token)
                if len(sentence_countries) == 1:
                    # "the rebels", "workers affiliated with the Serbian union" in a sentence about one
                    # country are of it
                    only = next(iter(sentence_countries))
                    group.actors = [Actor(a.text, a.name, only, a.sector, a.id) for a in group.actors]
                    group.fallback = True
                elif ctx.home is not None and (not sentence_countries or ctx.home in sentence_countries) and \
                        (any(a.sector and a.sector not in _UNORGANIZED for a in group.actors) or
                         _individual(phrases) or _crowd_doers(group, sources, cand)):
                    # "the military", "the court", "our soldiers" in a story about one country are its own, also
                    # where the sentence names that country among others ("rebels attacked villages in C.A.R.
                    # near the Cameroon border"); "people", "residents" may be anyone's, save as the doers of
                    # a crowd's material act ("people took to the streets protesting"): where the story is
                    group.actors = [self._at_home(a, ctx.home, on) for a in group.actors]
                    group.fallback = True
        if not sources.actors and not targets.actors:
            again = reported_before(ctx, cand, index)
            if again is not None:  # "Tuesday's attack marked an escalation": the attack reported before
                sources = Resolved(again[0], [a.text for a in again[0]], pronoun=True)
                targets = Resolved(again[1], [a.text for a in again[1]], pronoun=True)
        if not any(a.country for a in sources.actors) and doerless(cand) and \
                (done := story_doer(ctx, cand, index, targets.actors, self._countries_here(cand.token))) is not None:
            # "Israeli jets struck Gaza. The raids killed five": the doer of the same act the story just told
            sources = Resolved(list(done.source), [a.text for a in done.source], pronoun=True)
            if not any(a.country for a in targets.actors):
                targets = Resolved(list(done.target), [a.text for a in done.target], pronoun=True)
        if not any(a.country for a in sources.actors) and not any(a.country for a in targets.actors):
            self.stats["dropped_unresolved"] += 1
            return None
        if not sources.actors and cand.coded.type in _SPOKEN and not agentless_charge(cand, targets.actors):
            self.stats["dropped_unresolved"] += 1
            return None  # a statement, demand or threat needs someone who makes it
        if cand.needs_speaker_source and not targets.actors:
            self.stats["dropped_unresolved"] += 1
            return None  # a demand on nobody known
        if "editorial-disapproval" in cand.notes and \
                {a.country for a in targets.actors} <= {a.country for a in sources.actors}:
            self.stats["dropped_unresolved"] += 1
            return None  # an editorial's own voice on its own side ("may be seen by China as ... malicious") is
            # what that side perceives, not an accusation of it
        # a trial that names nobody accused is against no one the story's other side stands for ("a trial over
        # the bombing of a French base in Ivory Coast" is no accusation of Ivory Coast)
        other = [] if unnamed_accused(cand, targets.actors) else \
            other_side(self.kb, ctx, cand, sources.actors, targets.actors)
        return Sides(speaker, sources, targets, outlet_speaker, other)

    def one_sided(self, coded: Coded, cand: Candidate, sides: Sides) -> bool:
        """A reciprocal meeting verb with one actor and nobody met ("Biden discussed how ..."): no meeting."""
        if coded.type == "CONSULT" and cand.mention.sense.reciprocal and cand.child is None and \
                not sides.targets.actors and len(sides.sources.actors) < 2:
            self.stats["dropped_one_sided"] += 1
            return True
        return False

    def domestic_target(self, coded: Coded, sides: Sides) -> None:
        """Coercion with no recipient named, or only people of no country, by an actor of one country, is done
        at home: "the Taliban banned her book", "police detained dozens" are acts against that country's own
        people (PLOVER codes the recipient as the country)."""
        countries = {a.country for a in sides.sources.actors if a.country}
        if sides.targets.actors:
            if coded.type in DOMESTIC_TYPES and len(countries) == 1 and \
                    not any(a.country for a in sides.targets.actors):
                # "Pakistani police arrested more than two dozen militants": people of no country a state
                # coerces are its own, as an unnamed recipient is
                country = next(iter(countries))
                sides.targets.actors = [replace(a, country=country) for a in sides.targets.actors]
                sides.targets.fallback = True
            return
        if coded.type in DOMESTIC_TYPES and len(countries) == 1:
            country = next(iter(countries))
            sides.targets.actors = [Actor(text=country, name=None, country=country, sector=None)]
            sides.targets.fallback = True
        elif coded.type in DIRECTED_TYPES and sides.other_side:
            sides.targets.actors = list(sides.other_side)
            sides.targets.fallback = True

    def introduce(self, ctx: DocumentContext, phrases: tuple[str, ...], on: dt.date | None) -> None:
        """The people the document introduced in full, remembered for their surname (``coding/introductions.py``)."""
        introduce(self.kb, ctx, phrases, on)

    def observe(self, ctx: DocumentContext, cand: Candidate, on: dt.date | None, index: int) -> None:
        """Resolve the participants of a candidate that is coded as no event only to remember them (the
        document's named persons, described actors and ``ctx.mentioned``): the drop counts stay the coded ones'."""
        dropped = self.stats["dropped_unresolved"]
        sides = self.find(ctx, cand, on, index)
        self.stats["dropped_unresolved"] = dropped
        if sides is not None:
            self.remember(ctx, sides, index)

    def remember(self, ctx: DocumentContext, sides: Sides, index: int) -> None:
        """The sentence's speakers and sources, for a pronoun or "the ministry" in the sentences after it
        (``coding/references.py``); a "we" placed only by the story's home is nobody a later "it" stands for."""
        for seen in [Mentioned(index, a, speaker=True) for a in sides.speaker] + \
                [Mentioned(index, a) for a in sides.sources.actors if not first_person(a.text)] + \
                [Mentioned(index, a, target=True) for a in sides.targets.actors if not sides.targets.fallback]:
            if seen not in ctx.mentioned[-8:]:
                ctx.mentioned.append(seen)

    # ------------------------------------------------------------------------------------------ phrases

    def _home_of_act(self, ctx: DocumentContext, cand: Candidate) -> Resolved:
        """The accused of a reaction to an act or policy no actor is named for ("the seizures that brought
        condemnation"): the sentence's one country, as for an act a noun names with nobody as its doer."""
        countries = self._countries_here(cand.token)
        return _country_side(next(iter(countries)), None) if len(countries) == 1 else Resolved([], [])

    def _act_country(self, cand: Candidate) -> str | None:
        """The one country the act's own "in" phrase names ("was arrested in Malaysia", "charged in a French
        court"): where a state's act happened, that state did it (the guide: an arrest in the passive "keeps the
        state as source")."""
        found: set[str] = set()
        for _in, obj in prep_objects(cand.token, ("in",)):
            found |= self.kb.countries_in(" ".join(t.text for t in obj.subtree), press=False)
        return next(iter(found)) if len(found) == 1 else None

    def _countries_here(self, tok: Token) -> set[str]:
        """The countries the sentence of ``tok`` names (the press's home left out)."""
        return set(self.kb.countries_in(sentence_text(tok.doc), press=False))

    def _resolve_all(self, ctx: DocumentContext, args: list[Arg], on: dt.date | None, index: int,
                     quoted: list[Actor] | None = None) -> Resolved:
        out = Resolved([], [])
        for arg in args:
            if open_water(arg):
                continue  # "transited the Taiwan Strait": where, not whom
            r = self._resolve(ctx, arg, on, index, quoted)
            if arg.via == "compound" and r.actors and not self._names_participant(arg, r.actors[0]):
                continue  # "the San Francisco meeting", "the Kabul attack": where, not who
            out.actors.extend(r.actors)
            out.descriptions.extend(r.descriptions)
            out.fallback |= r.fallback
            out.pronoun |= r.pronoun
        return out

    def _names_participant(self, arg: Arg, actor: Actor) -> bool:
        """A name compounded on a meeting names a participant when it is a person, a country or a
        nationality ("the Xi-Biden talks", "China-US talks"), not a city or a forum."""
        if actor.kind in ("person", "country"):
            return True
        if arg.token.ent_type_ == "NORP":
            return True
        words = arg.texts[0].split()
        return bool(self.kb.country_of_name(arg.texts[0]) or (words and self.kb.country_of_name(words[0])))

    def _resolve(self, ctx: DocumentContext, arg: Arg | None, on: dt.date | None, index: int = -1,
                 quoted: list[Actor] | None = None) -> Resolved:
        if arg is None:
            return Resolved([], [])
        kb = self.kb
        description = " ; ".join(arg.texts)
        if arg.dyad:
            pair = pair_named(self.kb, ctx, arg, index, on)
            if pair:
                return Resolved(pair, [description, description])
            countries = document_dyad(self.kb, ctx)
            if len(countries) == 2:
                low = description.lower()
                sector = next((s for s, words in DYAD_SECTORS if any(w in low for w in words)), None)
                offices = dyad_offices(arg)
                actors: list[Actor] = []
                for c in countries:
                    holder = kb.office_holder(c, offices, on, arg.texts[0]) if offices and on else None
                    if holder is not None and holder.country == c:
                        ctx.actors.observe(holder)  # later "Xi" or "the president" is the same person
                        actors.append(holder)
                    else:
                        actors.append(Actor(text=arg.texts[0], name=None, country=c, sector=sector))
                return Resolved(actors, [description, description])
        if arg.pronoun:
            # the most recent compatible actor of the few sentences before (coding/references.py)
            kind = pronoun_kind(arg.token.lower_)
            if kind != "person" and arg.token.dep_ not in _REFERRING_DEPS:
                kind = None  # an object "it" or "them" is most often a thing ("rents them out"), not an actor
            skip = _quoted_speaker(ctx, arg, index, quoted or [])
            found = antecedent(kind, index, ctx.mentioned, lambda j, k: named_in_sentence(self.kb, ctx, j, k, on),
                               skip=skip) if kind is not None else None
            if found is None and kind == "person" and skip is None:
                return self._home_person(ctx, arg)  # not inside a quote: its speaker may be the home's person
            return Resolved([found], [found.text], pronoun=True) if found else Resolved([], [])
        if arg.place:
            for text in arg.texts:
                country = kb.metonym_country(text) or kb.country_of_name(text)
                if country:
                    return Resolved([Actor(text=text, name=text, country=country, sector=None)], [description])
        if " and " in arg.texts[0]:
            # "Chinese and US officials": coordinated modifiers name one group per country
            many = [a for a in kb.resolve_all(arg.texts[0], on=on, context=ctx.actors) if a.country]
            if len({a.country for a in many}) >= 2:
                return Resolved(many, [description] * len(many))
        first: Actor | None = None
        for text in arg.texts:
            actor = kb.resolve(text, on=on, context=ctx.actors)
            if actor is None:
                continue
            if actor.country:
                if first is not None and first.sector and not actor.sector:
                    actor = Actor(actor.text, actor.name, actor.country, first.sector, actor.id)
                ctx.actors.observe(actor)
                if arg.token.pos_ == "NOUN" and actor.kind != "person":
                    ctx.described.append((arg.token.lemma_.lower(), actor))
                return Resolved([actor], [description])
            first = first or actor  # a sector without a country ("police"): a longer text may say whose
        if first is not None and _set_apart(arg.token):
            return Resolved([], [])  # "other countries": not the country the context gives
        if first is not None:
            holder = titled(ctx, arg, first) or role_named_before(self.kb, ctx, arg, first, index, on)
            if holder is not None:
                return Resolved([holder], [description], pronoun=True)
            country = referred_country(ctx, arg, index, ORGANS)
            if country is not None:  # "the ministry": of the country the sentences before were about
                return Resolved([replace(first, country=country)], [description], pronoun=True)
            body = body_before(ctx, arg, index)
            if body is not None:  # "the Council" (a sector, no country): the body named just before
                return Resolved([body], [description], pronoun=True)
            return Resolved([first], [description])
        same = described_before(ctx, arg)
        if same is not None:  # "Coordinated airstrikes by the Somali army killed ... the airstrikes targeted"
            return Resolved([same], [description], pronoun=True)
        body = body_before(ctx, arg, index)
        if body is not None:  # "the group said": the body named just before
            return Resolved([body], [description], pronoun=True)
        country = referred_country(ctx, arg, index, COUNTRY_HEADS)
        if country is not None:  # "the country said": the one the sentences before were about
            return Resolved([Actor(text=arg.texts[0], name=None, country=country, sector=None)], [description],
                            pronoun=True)
        named = kb.countries_in(arg.texts[0])
        if len(named) == 1:
            country = next(iter(named))
            return Resolved([Actor(text=arg.texts[0], name=None, country=country, sector=None)], [description],
                            fallback=True)
        if (names_people(arg.token) or _indefinite(arg)) and not arg.place and not _set_apart(arg.token):
            # "historians", "Khoshbo", "the publishers": an actor the knowledge base does not know, kept without
            # a country (the sentence's one country may still give it one)
            return Resolved([Actor(text=arg.texts[0], name=None, country=None, sector=None)], [description])
        return Resolved([], [])

    def _home_person(self, ctx: DocumentContext, arg: Arg) -> Resolved:
        """"He", "she" with no antecedent of a country: in a story about one country whose sentence names no other,
        a person of that country, as a person the story singles out by name is (the antecedent was most often
        someone the knowledge base does not know: "Mr Rodriguez Saa", "Royal Commissioner Terence Cole QC")."""
        if ctx.home is None or not self._countries_here(arg.token) <= {ctx.home}:
            return Resolved([], [])
        return Resolved([Actor(text=arg.texts[0], name=None, country=ctx.home, sector=None)], [arg.texts[0]],
                        fallback=True, pronoun=True)

    def _at_home(self, actor: Actor, home: str, on: dt.date | None) -> Actor:
        """An actor of no country in a story about ``home`` is of it; an office of the state ("the Prime
        Minister") is its holder on the day, when the knowledge base knows one (``coding/home.py``)."""
        holder = office_at_home(self.kb, actor.text, home, on) if actor.name is None and actor.sector == "GOV" \
            else None
        return holder or Actor(actor.text, actor.name, home, actor.sector, actor.id)

    def _outlet(self, ctx: DocumentContext, on: dt.date | None) -> Actor | None:
        outlet = ctx.doc.outlet
        if not outlet:
            return None
        actor = self.kb.resolve(outlet, on=on, context=ctx.actors)
        if actor is not None:
            return actor
        return Actor(text=outlet, name=outlet, country=None, sector="MED")


def _crowd_doers(group: Resolved, sources: Resolved, cand: Candidate) -> bool:
    """People at large ("protesters", "detainees", "the crowd", "bank staff") doing a crowd's own act: the story's
    own, where their word alone would leave them anyone's (``crowd_acts`` in ``home.yaml``)."""
    return group is sources and cand.coded.type in crowd_acts() and \
        any(a.sector is None or a.sector in _UNORGANIZED for a in group.actors)


def _measure_settled(ctx: DocumentContext, cand: Candidate, index: int) -> Mention | None:
    """The earlier record whose reading settled what a bare measure noun means ("the ban" after "banned the entry
    of refugees from seven countries", ``story_senses``): the same measure, so the same sides. Its latest record of
    that type and mode before this sentence. Only a noun that refers back ("the ban", "Trump's ban"): "using
    instruments including sanctions" is measures in general, none the story reported."""
    if not bare(cand) or ctx.measure_senses.get(lemma(cand.token)) is not cand.coded or \
            not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _BACK) for c in cand.token.children):
        return None
    for rec in reversed(ctx.records):
        if rec.sentence_index < index and rec.type == cand.coded.type and rec.mode == cand.coded.mode and \
                rec.target:
            return rec
    return None


def _individual(phrases: list[Arg]) -> bool:
    """One person the story singles out ("the scientist", "Tim, 16,"), not people at large ("residents"): in a
    story about one country, one of its own."""
    for arg in phrases:
        tok = arg.token
        if arg.pronoun or arg.place or tok.tag_ not in ("NN", "NNP"):
            continue
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "NOUN" and lemma(tok) in PERSON_NOUNS and
                                         any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)):
            return True
    return False


def _indefinite(arg: Arg) -> bool:
    """"Some have called on him to resign", "others accused the government": an indefinite pronoun as the
    subject of an act is unnamed people, an actor of no country like "critics" (``indefinites``)."""
    tok = arg.token
    return tok.lower_ in INDEFINITES and tok.dep_ in ("nsubj", "nsubjpass") and arg.texts[0].lower() == tok.lower_


def _set_apart(tok: Token) -> bool:
    """"other countries", "foreign governments": a group the text sets apart from the countries in context, so
    neither its sentence's one country nor its story's may be given to it. An office or organ ("the foreign
    minister", "the foreign ministry") names a portfolio, not a contrast."""
    if lemma(tok) in TITLE_HEADS or lemma(tok) in ORGANS - COUNTRY_HEADS:
        return False
    return any(c.dep_ == "amod" and c.lower_ in CONTRASTS for c in tok.children)


def _agentless(cand: Candidate) -> bool:
    """A material act named by a noun that says only whom it hit ("the killing of peaceful demonstrators is
    unacceptable"): nobody is named as its doer (no subject taken over, no possessor, no "by" agent), and the
    labelling guide keeps such an act with an empty source. Agentless passives were measured and not kept."""
    tok = cand.token
    if cand.sources or cand.coded.type not in AGENTLESS_TYPES or cand.flags.negated or tok.pos_ != "NOUN":
        return False
    return bool(cand.targets) and agent(tok) is None and not any(c.dep_ == "poss" for c in tok.children)


def _country_side(country: str, sector: str | None) -> Resolved:
    """A side known only as a country (the sentence's, the story's, a court's), filled in by a fallback."""
    return Resolved([Actor(text=country, name=None, country=country, sector=sector)], [country], fallback=True)


def _quoted_speaker(ctx: DocumentContext, arg: Arg, index: int,
                    quoted: list[Actor]) -> Callable[[Actor], bool] | None:
    """For a third-person pronoun inside the quotation marks of someone quoted, a test that an actor is that
    speaker: a speaker calls himself "I", so the "he" he speaks of is someone else."""
    if not quoted:
        return None
    opened = 0 < index <= len(ctx.sentences) and ends_inside_quote(ctx.sentences[index - 1].text)
    if not in_quote(arg.token.doc.text, arg.token.idx, opened):
        return None
    return lambda actor: any(same_actor(actor, s) for s in quoted)


def _spoken_for(phrases: list[Arg]) -> bool:
    """Is the act's doer a first-person pronoun ("we", "I"), which the quote's speaker stands for?"""
    return bool(phrases) and all(a.pronoun and first_person(a.token.text) for a in phrases)


def _one_or_home(countries: set[str], home: str | None) -> str | None:
    """The sentence's one country; the story's home when the sentence names none; None when it names several."""
    if len(countries) == 1:
        return next(iter(countries))
    return home if not countries else None


def open_water(arg: Arg) -> bool:
    """A named sea, strait or gulf the gazetteer holds with no country: a place an act crossed or happened in,
    never a party, though its name holds a country's ("the Taiwan Strait", "the South China Sea")."""
    text = arg.texts[0] if arg.texts else ""
    words = text.lower().split()
    if not words or words[-1] not in WATER_WORDS:
        return False
    place = lookup_place(text[4:] if text.lower().startswith("the ") else text)
    return place is not None and place.country is None


def dyad_offices(arg: Arg) -> tuple[str, ...] | None:
    """The offices a dyad phrase's head names ("leaders of the two countries", "the two presidents", "heads of
    state of both countries": each country's head), or None: a modified head ("opposition leaders", "vice
    presidents", "former presidents", "military leaders") is someone else."""
    tok = arg.token
    if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in tok.children):
        return None
    head = tok.lemma_.lower()
    tail = " ".join(t.lower_ for t in tok.subtree if t.i >= tok.i)
    for cue, offices in DYAD_OFFICES:
        if tail.startswith(cue) or (" " not in cue and head == cue):
            return offices
    return None
