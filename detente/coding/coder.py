"""The public face of event coding: documents in, event records out.

``Coder`` splits every document into sentences, lets the prefilter pick those worth parsing, parses them in one
``nlp.pipe`` stream across documents (batched, optionally in several processes), reads event candidates from
each parse (``candidates.extract``), resolves their actors through the knowledge base, dates and places them,
chooses a channel, scores a confidence, merges what one sentence says twice, and yields each document with its
records as soon as its last sentence is parsed.

Confidence (0–1) is the product of: the trigger sense's prior weight (how often the word means this event);
the prominence of its clause (0.85 for each subordinate clause or prepositional phrase above it);
how completely the event is anchored (both sides resolved 1.0, only the actor 0.85, only the recipient 0.7);
how the actor was found (a pronoun or an inherited subject 0.95, a country read off an unresolved phrase 0.9);
a noun event standing alone 0.9; and modality (asserted 1.0, planned 0.95, hypothetical 0.8, negated 0.7). It
ranks events within a sentence; it is not a calibrated probability.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from detente.coding.cameo import load_cameo, quad_class
from detente.coding.candidates import Candidate, extract
from detente.coding.channel import ChannelEvidence, choose_channel
from detente.coding.compose import Coded, load_composer
from detente.coding.lexicon import Lexicon, load_data, load_lexicon
from detente.coding.modality import dated_modality, load_cues
from detente.coding.spans import Arg
from detente.coding.words import DYAD_OFFICES, DYAD_PHRASES, PLACE_NOUNS, RESIDENT_WORDS
from detente.nlp import DEFAULT_MODEL, Prefilter, Sentence, load_nlp, split_sentences
from detente.nlp.pipeline import EntitySource
from detente.nlp.syntax import lemma
from detente.records import Actor, DateResolution, Document, Location, Mention
from detente.resolve.actors import DocumentActors
from detente.resolve.dates import resolve_event_date
from detente.resolve.places import resolve_event_place

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB

_MODALITY_FACTOR = {"asserted": 1.0, "planned": 0.95, "hypothetical": 0.8, "negated": 0.7}
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_RESOLVE_AGAIN_DAYS = 180  # an event this far from publication is resolved again as of its own date
# Verbal acts aimed at an actor: where they are said is a venue, never their recipient.
_VENUE_ONLY = frozenset({"CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT"})
_PLACE_PREPS = frozenset({"in", "at", "into", "near", "inside", "across", "to", "from", "on", "outside"})
_WHERE_PREPS = frozenset({"in", "at", "inside", "near", "across", "outside"})
# Verbal acts: without an actor nobody said anything.
_SPOKEN = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})


def mention_id(doc_id: str, sentence_index: int, trigger_index: int, type_: str) -> str:
    """Stable id of a coded mention: re-coding the same document gives the same ids."""
    key = f"{doc_id}|{sentence_index}|{trigger_index}|{type_}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


@dataclass(slots=True)
class _DocState:
    """Per-document context while its sentences are coded."""

    doc: Document
    sentences: list[Sentence]
    actors: DocumentActors
    selected: list[Sentence] = field(default_factory=list)
    countries: set[str] | None = None
    country_counts: Counter[str] | None = None
    last_person: Actor | None = None
    last_actor: Actor | None = None
    last_thing: Actor | None = None
    last_index: int = -10
    records: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class _Resolved:
    actors: list[Actor]
    descriptions: list[str]
    fallback: bool = False
    pronoun: bool = False


class Coder:
    """Codes documents into PLOVER event records. Load once, reuse: the model and tables are cached."""

    def __init__(self, kb: ActorKB | None = None, model: str = DEFAULT_MODEL, batch_size: int = 256,
                 n_process: int = 1, lexicon: Lexicon | None = None, warm: bool = False,
                 entities: EntitySource = "rules") -> None:
        """``batch_size``: sentences per ``nlp.pipe`` batch (sentences are short, so larger batches than
        spaCy's default amortize its per-batch cost); ``warm``: load the model and build the date and place
        resolvers' tables now rather than on the first document (for timing and for servers); ``entities``:
        named entities from rules over the knowledge base (default, fast) or from the model's NER (see
        ``detente.nlp.pipeline``)."""
        if kb is None:
            from detente.resolve.actors import default_kb

            kb = default_kb()
        self.kb = kb
        self.model = model
        self.entities: EntitySource = entities
        self.batch_size = batch_size
        self.n_process = n_process
        self.lexicon = lexicon or load_lexicon()
        self.composer = load_composer()
        self.cues = load_cues()
        self.cameo = load_cameo()
        alone, paired = self.lexicon.prefilter_rules()
        # "the US must not cross red lines": a demand needs no trigger word of its own
        alone = alone | self.cues.deontic_aux
        self.prefilter = Prefilter(alone, self._has_actor, paired)
        self._seen_countries: set[str] = set()
        self.multilateral = tuple(str(w).lower() for w in load_data("triggers.yaml").get("multilateral_cues", []))
        self._nlp: Any = None
        self.stats: Counter[str] = Counter()
        self.timings: Counter[str] = Counter()  # seconds spent prefiltering and coding (the rest is parsing)
        if warm:
            self.warm()

    def warm(self) -> None:
        """Load everything lazily loaded: the spaCy model, and the date and place resolvers' tables."""
        parsed = self.nlp("French officials met in Paris on Monday.")
        sent = parsed[:]
        trigger = parsed[2]
        self._date(sent, trigger, dt.date(2024, 1, 1))
        self._place(sent, trigger, {"FRA"})
        self.stats.clear()
        self.timings.clear()

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from detente.resolve.actors import default_kb

            # the bundled KB is passed as None so that the pipeline is shared with every other user of it (and
            # a coder with its own KB does not load the bundled one just to compare)
            bundled = default_kb.cache_info().currsize > 0 and self.kb is default_kb()
            kb = None if bundled else self.kb
            self._nlp = load_nlp(self.model, entities=self.entities, kb=kb)
        return self._nlp

    # ------------------------------------------------------------------------------------------ public

    def code_documents(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
        """Each document with its records, in input order, streaming; with ``n_process`` > 1 whole documents
        are coded in worker processes (see ``detente.coding.parallel``)."""
        if self.n_process > 1:
            from detente.coding.parallel import code_in_processes

            return code_in_processes(self, docs, self.n_process)
        return self.code_documents_serial(docs)

    def code_documents_serial(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
        """Each document with its records, in input order, streaming: one parse stream for all documents."""
        pending: deque[_DocState] = deque()

        def feed() -> Iterator[tuple[str, tuple[int, int]]]:
            for n, doc in enumerate(docs):
                state = self._start(doc)
                pending.append(state)
                for sent in state.selected:
                    self.stats["parsed"] += 1
                    yield sent.text, (n, sent.index)

        first = 0  # document number of pending[0]
        stream = self.nlp.pipe(feed(), as_tuples=True, batch_size=self.batch_size)
        for parsed, (n, index) in stream:
            while n > first:
                state = pending.popleft()
                first += 1
                yield state.doc, self._finish(state)
            self._code_sentence(pending[0], index, parsed)
        while pending:
            state = pending.popleft()
            yield state.doc, self._finish(state)

    def code_text(self, text: str, on: dt.date | None = None) -> list[Mention]:
        """Records for one snippet of text (as if a document published on ``on``)."""
        doc_id = hashlib.sha1(text.encode("utf-8")).hexdigest()
        doc = Document(id=doc_id, text=text, published=on)
        for _doc, records in self.code_documents([doc]):
            return records
        return []

    # -------------------------------------------------------------------------------------- per document

    def _has_actor(self, text: str) -> bool:
        """The prefilter's actor test: a known actor word (the KB's fast check), and a country among the
        mentions (an event needs a country on one side), a leading pronoun, or "the two countries". The
        countries found are kept as the document's context countries."""
        if not self.kb.is_candidate(text):
            return False
        countries = self.kb.countries_in(text)
        self._seen_countries |= countries
        if countries:
            return True
        low = text.lower()
        return low.split(" ", 1)[0] in _SUBJECT_PRONOUNS or any(w in low for w in DYAD_PHRASES)

    def _start(self, doc: Document) -> _DocState:
        t0 = time.perf_counter()
        sentences = split_sentences(doc.text)
        self._seen_countries = set()
        selected = self.prefilter.select(sentences)
        self.stats["documents"] += 1
        self.stats["sentences"] += len(sentences)
        actors = DocumentActors(outlet=doc.outlet)
        self.timings["prefilter"] += time.perf_counter() - t0
        return _DocState(doc=doc, sentences=sentences, actors=actors, selected=selected,
                         countries=set(self._seen_countries))

    def _finish(self, state: _DocState) -> list[Mention]:
        self.stats["events"] += len(state.records)
        return state.records

    def _context_countries(self, state: _DocState) -> set[str]:
        """Countries the document names in the sentences worth parsing (found by the prefilter)."""
        if state.countries is None:
            state.countries = set(self.kb.countries_in(state.doc.text))
        return state.countries

    def _dyad(self, state: _DocState) -> list[str]:
        """The two countries a document is mostly about ("the two countries" refers to them)."""
        if state.country_counts is None:
            counts: Counter[str] = Counter()
            for s in state.sentences:
                counts.update(self.kb.countries_in(s.text))
            state.country_counts = counts
        return [c for c, _ in state.country_counts.most_common(2)]

    # -------------------------------------------------------------------------------------- per sentence

    def _code_sentence(self, state: _DocState, index: int, parsed: Doc) -> None:
        t0 = time.perf_counter()
        sent = parsed[:]
        candidates = extract(sent, self.lexicon, self.composer, self.cues)
        records: list[Mention] = []
        for cand in candidates:
            rec = self._record(state, index, sent, cand)
            if rec is not None:
                records.append(rec)
        state.records.extend(merge_records(records))
        self.timings["code"] += time.perf_counter() - t0

    def _record(self, state: _DocState, index: int, sent: Span, cand: Candidate) -> Mention | None:
        doc = state.doc
        published = doc.published
        found = self._actors(state, cand, published, index)
        if found is None:
            return None  # nobody resolved: decided before the (costlier) date and place resolution
        date = self._date(sent, cand.token, published)
        if date.date and published and date.precision != "unresolved" and \
                abs((date.date - published).days) > _RESOLVE_AGAIN_DAYS:
            found = self._actors(state, cand, date.date, index) or found  # who held an office back then
        speaker, sources, targets, factor = found
        coded = cand.coded
        modality = dated_modality(cand.modality, date, published, demand=cand.needs_speaker_source)
        if modality != cand.modality and coded.type in self.composer.cooperative:
            coded = self.composer.intended(coded)  # dated after publication: announced, not yet happened
        location = self._place(sent, cand.token, self._context_countries(state))
        if coded.type == "CONSULT" and not targets.actors and location is not None and location.country and \
                len({a.country for a in sources.actors}) == 1 and \
                location.country not in {a.country for a in sources.actors}:
            # "Wang Yi held talks in Washington": a meeting abroad is a visit to that country
            targets.actors = [Actor(text=location.text, name=location.name, country=location.country, sector=None)]
        where = self._place_actor(location, cand, where_only=True)
        if where is not None:
            # CAMEO codes an ethnic group by the state it lives in: "ethnic Albanians demonstrated in Serbia"
            sources.actors = [_resident(a, d, where) for a, d in zip(sources.actors, _descs(sources), strict=True)]
            targets.actors = [_resident(a, d, where) for a, d in zip(targets.actors, _descs(targets), strict=True)]
        place = where or self._place_actor(location, cand)
        if not any(a.country for a in targets.actors) and (coded.type not in _VENUE_ONLY or cand.child is not None):
            # "fired shells at targets in Jericho", "will evacuate settlements in the Gaza Strip": an act
            # done in a place is done to that country
            if place is not None and not any(_same(place, x) for x in sources.actors):
                targets.actors = targets.actors + [place]
        if coded.type == "CONSULT" and cand.mention.sense.reciprocal and cand.child is None and \
                not targets.actors and len(sources.actors) < 2:
            self.stats["dropped_one_sided"] += 1
            return None  # "Biden discussed how ...": a meeting needs two sides
        coded = self._consult_mode(coded, sent, location, sources.actors, targets.actors)
        channel = choose_channel(self._channel_evidence(cand, sources, targets))
        conf = cand.weight * factor * cand.prominence
        conf *= 1.0 if sources.actors and targets.actors else (0.85 if sources.actors else 0.7)
        conf *= 0.95 if sources.pronoun or any(a.via in ("inherited", "pronoun") for a in cand.sources) else 1.0
        conf *= 0.9 if sources.fallback else 1.0
        conf *= 0.9 if cand.mention.nominal and cand.child is None else 1.0
        conf *= _MODALITY_FACTOR[modality]
        self._remember(state, cand, sources.actors, speaker, index)
        return Mention(
            mention_id=mention_id(doc.id, index, cand.token.i, coded.type),
            doc_id=doc.id,
            sentence=sentence_text(sent.doc),
            sentence_index=index,
            type=coded.type,
            mode=coded.mode,
            cameo=coded.cameo,
            goldstein=self.cameo.goldstein(coded.cameo),
            quad_class=quad_class(coded.cameo),
            modality=modality,
            channel=channel,
            source=sources.actors,
            target=targets.actors,
            speaker=speaker[0] if speaker else None,
            trigger=cand.trigger_text,
            date=date.date,
            date_end=date.date_end,
            date_precision=date.precision,
            date_text=date.text,
            location=location,
            confidence=max(0.05, min(0.99, conf)),
            document_id=doc.source_id,
            url=doc.url,
        )

    def _actors(self, state: _DocState, cand: Candidate, on: dt.date | None,
                index: int) -> tuple[list[Actor], _Resolved, _Resolved, float] | None:
        """(speaker, sources, targets, confidence factor) of a candidate, or None when no side has a country."""
        doc = state.doc
        speaker = self._resolve(state, cand.speaker, on, index).actors if cand.speaker else []
        venues = cand.coded.type == "CONSULT"
        sources = self._resolve_all(state, cand.sources, on, index, venues)
        targets = self._resolve_all(state, cand.targets, on, index, venues)
        factor = 1.0
        if cand.needs_speaker_source:
            if speaker:
                sources = _Resolved(list(speaker), [a.text for a in speaker])
            elif doc.genre == "editorial" and doc.outlet:
                outlet = self._outlet(state, on)
                sources = _Resolved([outlet], [outlet.text]) if outlet else sources
                factor *= 0.9
            else:
                return None
        if not sources.actors and speaker and cand.coded.type in ("REJECT", "REQUEST", "ACCUSE", "THREATEN",
                                                                   "AGREE"):
            sources = _Resolved(list(speaker), [a.text for a in speaker])  # "removing sanctions is out of ..."
        if not targets.actors and cand.addressee is not None and sources.actors and speaker and \
                {a.country for a in sources.actors} == {a.country for a in speaker}:
            targets = self._resolve(state, cand.addressee, on, index)
        if not sources.actors and any(a.pronoun for a in cand.sources) and not cand.needs_speaker_source:
            self.stats["dropped_unresolved"] += 1
            return None  # "She asked ...": who asked is unknown
        sources.actors = _dedupe(sources.actors)
        targets.actors = [a for a in _dedupe(targets.actors) if not any(_same(a, s) for s in sources.actors)]
        sentence_countries: set[str] | None = None
        for group in (sources, targets):
            if group.actors and all(a.country is None for a in group.actors):
                if sentence_countries is None:
                    sentence_countries = set(self.kb.countries_in(sentence_text(cand.token.doc)))
                if len(sentence_countries) == 1:
                    # "the rebels", "workers affiliated with the Serbian union" in a sentence about one
                    # country are of it
                    only = next(iter(sentence_countries))
                    group.actors = [Actor(a.text, a.name, only, a.sector, a.id) for a in group.actors]
                    group.fallback = True
        if not any(a.country for a in sources.actors) and not any(a.country for a in targets.actors):
            self.stats["dropped_unresolved"] += 1
            return None
        if not sources.actors and cand.coded.type in _SPOKEN:
            self.stats["dropped_unresolved"] += 1
            return None  # a statement, demand or threat needs someone who makes it
        if cand.needs_speaker_source and not targets.actors:
            self.stats["dropped_unresolved"] += 1
            return None  # a demand on nobody known
        return speaker, sources, targets, factor

    # ------------------------------------------------------------------------------------ resolution

    def _resolve_all(self, state: _DocState, args: list[Arg], on: dt.date | None, index: int,
                     venues: bool = False) -> _Resolved:
        out = _Resolved([], [])
        for arg in args:
            r = self._resolve(state, arg, on, index)
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
        if actor.id and actor.id.startswith(("person/", "country/")):
            return True
        if arg.token.ent_type_ == "NORP":
            return True
        words = arg.texts[0].split()
        return bool(self.kb.country_of_name(arg.texts[0]) or (words and self.kb.country_of_name(words[0])))

    def _resolve(self, state: _DocState, arg: Arg | None, on: dt.date | None, index: int = -1) -> _Resolved:
        if arg is None:
            return _Resolved([], [])
        kb = self.kb
        description = " ; ".join(arg.texts)
        if arg.dyad:
            countries = self._dyad(state)
            if len(countries) == 2:
                low = description.lower()
                sector = "GOV" if any(w in low for w in ("leader", "government", "official", "president",
                                                           "head", "minister")) else None
                if any(w in low for w in ("militar", "army", "armed forces", "defense", "defence")):
                    sector = "MIL"
                offices = _dyad_offices(arg)
                actors: list[Actor] = []
                for c in countries:
                    holder = kb.office_holder(c, offices, on, arg.texts[0]) if offices and on else None
                    if holder is not None and holder.country == c:
                        state.actors.observe(holder)  # later "Xi" or "the president" is the same person
                        actors.append(holder)
                    else:
                        actors.append(Actor(text=arg.texts[0], name=None, country=c, sector=sector))
                return _Resolved(actors, [description, description])
        if arg.pronoun:
            # only from the sentence just before: further back, a pronoun is too often someone else
            person = arg.token.lower_ in _PERSON_PRONOUNS
            remembered = state.last_person if person else state.last_thing
            if remembered is not None and state.last_index >= index - 1:
                return _Resolved([remembered], [remembered.text], pronoun=True)
            return _Resolved([], [])
        if arg.place:
            for text in arg.texts:
                country = kb.metonym_country(text) or kb.country_of_name(text)
                if country:
                    return _Resolved([Actor(text=text, name=text, country=country, sector=None)], [description])
        first: Actor | None = None
        for text in arg.texts:
            actor = kb.resolve(text, on=on, context=state.actors)
            if actor is None:
                continue
            if actor.country:
                if first is not None and first.sector and not actor.sector:
                    actor = Actor(actor.text, actor.name, actor.country, first.sector, actor.id)
                state.actors.observe(actor)
                return _Resolved([actor], [description])
            first = first or actor  # a sector without a country ("police"): a longer text may say whose
        if first is not None:
            return _Resolved([first], [description])
        countries = kb.countries_in(arg.texts[0])
        if len(countries) == 1:
            country = next(iter(countries))
            return _Resolved([Actor(text=arg.texts[0], name=None, country=country, sector=None)], [description],
                             fallback=True)
        return _Resolved([], [])

    def _outlet(self, state: _DocState, on: dt.date | None) -> Actor | None:
        outlet = state.doc.outlet
        if not outlet:
            return None
        actor = self.kb.resolve(outlet, on=on, context=state.actors)
        if actor is not None:
            return actor
        return Actor(text=outlet, name=outlet, country=None, sector="MED")

    def _remember(self, state: _DocState, cand: Candidate, actors: list[Actor], speaker: list[Actor],
                  index: int) -> None:
        for actor in actors + speaker:
            state.last_actor = actor
            state.last_index = index
            if (actor.id or "").startswith("person/"):
                state.last_person = actor
            else:
                state.last_thing = actor

    # ----------------------------------------------------------------------------------- dates, places

    def _date(self, sent: Span, trigger: Token, published: dt.date | None) -> DateResolution:
        return resolve_event_date(sent, trigger, published)

    def _place(self, sent: Span, trigger: Token, context_countries: set[str]) -> Location | None:
        return resolve_event_place(sent, trigger, context_countries)

    def _place_actor(self, location: Location | None, cand: Candidate, where_only: bool = False) -> Actor | None:
        """The country where an act happens, as a recipient: the resolved location, else the first place
        named in the act's own clause ("exploded bombs in the capital Kabul"); with ``where_only`` only a
        place it happens in, not one it goes to or comes from."""
        if location is not None and location.country:
            return Actor(text=location.text, name=location.name, country=location.country, sector=None)
        preps = _WHERE_PREPS if where_only else _PLACE_PREPS
        anchor = cand.child.anchor if cand.child is not None else cand.mention.anchor
        skip = {t.i for c in anchor.children if _separate_clause(c) for t in c.subtree}
        for tok in anchor.subtree:
            if tok.i in skip or tok.dep_ != "pobj":
                continue
            prep = tok.head
            if prep.lower_ not in preps and not (prep.lower_ == "of" and lemma(prep.head) in PLACE_NOUNS):
                continue
            if tok.pos_ != "PROPN" and tok.ent_type_ not in ("GPE", "LOC"):
                continue
            text = " ".join(t.text for t in tok.subtree if t.dep_ in ("compound", "amod") or t == tok)
            country = self.kb.country_of_name(text) or self.kb.metonym_country(text)
            if country is None:
                found = self.kb.countries_in(text)
                country = next(iter(found)) if len(found) == 1 else None
            if country:
                return Actor(text=text, name=text, country=country, sector=None)
        return None

    def _consult_mode(self, coded: Coded, sent: Span, location: Location | None, sources: list[Actor],
                      targets: list[Actor]) -> Coded:
        """Meetings: multilateral at a summit or forum, third-party at a place neither side belongs to, a
        visit when it is where the recipient is (PLOVER CONSULT modes)."""
        if coded.type != "CONSULT" or coded.mode in ("phone", "visit") and coded.cameo != "040":
            return coded
        low = f" {sentence_text(sent.doc).lower()} "
        if any(f" {w} " in low or f" {w}," in low or f"({w})" in low for w in self.multilateral):
            return Coded("CONSULT", "multilateral", coded.cameo if coded.cameo != "042" else "040")
        if coded.mode in ("phone", "third-party") or location is None or not location.country:
            return coded
        src = {a.country for a in sources if a.country}
        tgt = {a.country for a in targets if a.country}
        if location.country in tgt and location.country not in src:
            return Coded("CONSULT", "visit", "042")
        if src and tgt and location.country not in src | tgt:
            return Coded("CONSULT", "third-party", "044")
        return coded

    # -------------------------------------------------------------------------------------------- channel

    def _channel_evidence(self, cand: Candidate, sources: _Resolved, targets: _Resolved) -> ChannelEvidence:
        tok = cand.token
        trig_words: list[str] = []
        trig_tokens = [t for t in tok.subtree if t.dep_ in ("compound", "amod", "nmod") and t.i < tok.i] + [tok]
        if cand.child is not None:
            ct = cand.child.token
            trig_tokens += [t for t in ct.children if t.dep_ in ("compound", "amod", "nmod")] + [ct]
        for t in trig_tokens:
            trig_words += [t.lower_, lemma(t)]
        trig_text = " ".join(t.text for t in sorted(trig_tokens, key=lambda t: t.i))
        obj_tokens = [t for c in tok.children if c.dep_ in ("dobj", "prep", "pobj", "attr")
                      for t in c.subtree]
        obj_words = [w for t in obj_tokens for w in (t.lower_, lemma(t))]
        return ChannelEvidence(
            trigger_words=trig_words,
            trigger_text=trig_text,
            actors=_described(sources),
            other_actors=_described(targets),
            object_words=obj_words,
            object_text=" ".join(t.text for t in obj_tokens),
            sense_hint=cand.mention.sense.channel if cand.child is None else (
                cand.child.sense.channel or cand.mention.sense.channel),
            type=cand.coded.type,
            sentence_words=_sentence_words(tok.doc),
            sentence_text=sentence_text(tok.doc),
        )


def sentence_text(doc: Doc) -> str:
    """``Doc.text`` joins the tokens again on every call; each parsed sentence keeps its text once."""
    text = doc.user_data.get("detente.text")
    if text is None:
        text = doc.user_data["detente.text"] = doc.text
    return text


def _sentence_words(doc: Doc) -> list[str]:
    """Every word of the sentence and its lemma, once per sentence for all its candidates' channel evidence."""
    words = doc.user_data.get("detente.words")
    if words is None:
        words = doc.user_data["detente.words"] = [w for t in doc for w in (t.lower_, lemma(t))]
    return words


def _separate_clause(tok: Any) -> bool:
    """A clause with its own time and place: a finite relative, complement or adverbial clause (not an
    infinitive: in "a call for forces to be deployed in East Timor" the place is the act's)."""
    if tok.dep_ not in ("relcl", "ccomp", "parataxis", "advcl"):
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _dyad_offices(arg: Arg) -> tuple[str, ...] | None:
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


def _descs(r: _Resolved) -> list[str]:
    return [r.descriptions[i] if i < len(r.descriptions) else a.text for i, a in enumerate(r.actors)]


def _resident(actor: Actor, description: str, place: Actor) -> Actor:
    """An "ethnic ..." group with no better identity takes the country where the act happens."""
    words = set(f"{actor.text} {description}".lower().split())
    if actor.id is None and words & RESIDENT_WORDS and place.country and actor.country != place.country:
        return Actor(actor.text, actor.name, place.country, actor.sector, actor.id)
    return actor


def _described(r: _Resolved) -> list[tuple[Actor, str]]:
    out = []
    for i, a in enumerate(r.actors):
        desc = r.descriptions[i] if i < len(r.descriptions) else a.text
        out.append((a, f"{desc} ; {a.text} ; {a.name or ''}"))
    return out


def _key(a: Actor) -> tuple[str | None, str | None, str | None]:
    return (a.id, a.name, a.country) if a.id else (None, (a.name or a.text).lower(), a.country)


def _same(a: Actor, b: Actor) -> bool:
    if a.id and b.id:
        return a.id == b.id
    return _key(a) == _key(b)


def _dedupe(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if not any(_same(a, b) for b in out):
            out.append(a)
    return out


def merge_records(records: list[Mention]) -> list[Mention]:
    """One sentence reporting one act twice ("the official to travel to Washington was Wang Wentao, who
    visited in late May") gives one record: same type, same negation and overlapping actors merge (the most
    confident one kept, recipients united); records stay in their original order."""
    kept: list[tuple[int, Mention]] = []
    for pos, rec in sorted(enumerate(records), key=lambda pr: -pr[1].confidence):
        for _, k in kept:
            if k.type != rec.type or (k.modality == "negated") != (rec.modality == "negated"):
                continue
            if not (any(_same(a, b) for a in rec.source for b in k.source) or
                    (not rec.source and any(_same(a, b) for a in rec.target for b in k.target))):
                continue
            k.target = _dedupe(k.target + [a for a in rec.target if not any(_same(a, s) for s in k.source)])
            k.source = _dedupe(k.source + rec.source)
            if k.date_precision == "unresolved" and rec.date_precision != "unresolved":
                k.date, k.date_end = rec.date, rec.date_end
                k.date_precision, k.date_text = rec.date_precision, rec.date_text
            if k.location is None:
                k.location = rec.location
            if rec.modality == "asserted" and k.modality != "asserted" and rec.confidence >= k.confidence - 0.1:
                k.modality = "asserted"
            break
        else:
            kept.append((pos, rec))
    return [rec for _, rec in sorted(kept, key=lambda pr: pr[0])]
