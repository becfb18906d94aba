"""The public face of event coding: documents in, event records out.

``Coder`` loads the tables once and streams: it splits every document into sentences, lets the prefilter pick
those worth parsing (``selection``), parses them in one ``nlp.pipe`` stream across documents (batched,
optionally in several processes: ``parallel``), reads event candidates from each parse (``candidates.extract``)
and turns each into a record with its components: who takes part (``participants``), when (``dating``), where
and what the place implies (``places``), the channel (``channel_evidence``, ``channel``), a confidence
(``confidence``), the decision between a sentence's events (``decision``: the content of another act is none
of its own), and one record for what one sentence says twice (``merge``). Each document is yielded with
its records as soon as its last sentence is parsed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

from detente.coding.cameo import load_cameo, quad_class
from detente.coding.candidates import Candidate, extract
from detente.coding.channel import choose_channel
from detente.coding.channel_evidence import channel_evidence
from detente.coding.classifier import propose
from detente.coding.compose import load_composer
from detente.coding.confidence import confidence, load_weights
from detente.coding.context import DocumentContext
from detente.coding.conventions import screen
from detente.coding.dating import as_dated, date_event, date_in_context, dateline_chars, far_from_publication, filed
from detente.coding.decision import decide
from detente.coding.genre import without_home_exchanges
from detente.coding.lexicon import Lexicon, load_data, load_lexicon
from detente.coding.merge import merge_records
from detente.coding.modality import load_cues
from detente.coding.participants import Participants
from detente.coding.places import Places
from detente.coding.selection import Selection, SentenceSelector
from detente.coding.sentence import sentence_text
from detente.coding.statements import revise
from detente.coding.story_senses import carry_senses, remember_senses
from detente.coding.verifier import check
from detente.nlp import DEFAULT_MODEL, load_nlp
from detente.nlp.pipeline import EntitySource
from detente.records import Document, Mention
from detente.resolve.actors import DocumentActors
from detente.resolve.places import read_dateline

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB

__all__ = ["STAGES", "Coder", "mention_id", "merge_records"]

# How far a sentence got towards a record, furthest last (``Coder.trace``): not picked by the prefilter, parsed
# but no candidate read, every candidate dropped for want of a resolved actor, for naming only one side, or
# (an act read from its verb's default meaning) for want of a recipient; or coded.
STAGES = ("not parsed", "no trigger", "no actor", "one-sided", "no recipient", "coded")
_RANK = {stage: n for n, stage in enumerate(STAGES)}


def mention_id(doc_id: str, sentence_index: int, trigger_index: int, type_: str) -> str:
    """Stable id of a coded mention: re-coding the same document gives the same ids."""
    key = f"{doc_id}|{sentence_index}|{trigger_index}|{type_}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


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
        self.weights = load_weights()
        self.stats: Counter[str] = Counter()
        # CPU nanoseconds spent prefiltering and coding (the rest is parsing): a Counter counts integers; CPU
        # rather than wall time, which other work on a shared machine inflates
        self.nanoseconds: Counter[str] = Counter()
        self.selector = SentenceSelector(kb, self.lexicon, self.cues)
        self.prefilter = self.selector.prefilter
        self.participants = Participants(kb, self.stats)
        multilateral = tuple(str(w).lower() for w in load_data("triggers.yaml").get("multilateral_cues", []))
        self.places = Places(kb, multilateral, self.lexicon)
        self._nlp: Any = None
        # when a dict: each sentence's furthest stage (``STAGES``) by (document id, sentence index), so that an
        # evaluation can say where events are lost; serial coding only (workers' traces are not sent back)
        self.trace: dict[tuple[str, int], str] | None = None
        # the records the learned check dropped, by the id of their story (``Document.id``, unique in a stream):
        # remembered by the story's later sentences, left out of its output (``_hold``, ``_finish``)
        self._dropped: dict[str, list[Mention]] = {}
        if warm:
            self.warm()

    def warm(self) -> None:
        """Load everything lazily loaded: the spaCy model, and the date and place resolvers' tables."""
        parsed = self.nlp("French officials met in Paris on Monday.")
        sent = parsed[:]
        trigger = parsed[2]
        date_event(sent, trigger, dt.date(2024, 1, 1))
        self.places.locate(sent, trigger, {"FRA"})
        self.stats.clear()
        self.nanoseconds.clear()

    @property
    def timings(self) -> dict[str, float]:
        """CPU seconds spent prefiltering and coding (the rest is parsing), by stage."""
        return {stage: ns / 1e9 for stage, ns in self.nanoseconds.items()}

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
            return self._code_in_processes(docs)
        return self.code_documents_serial(docs)

    def code_documents_serial(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
        """Each document with its records, in input order, streaming: one parse stream for all documents."""
        pending: deque[DocumentContext] = deque()

        def feed() -> Iterator[tuple[str, tuple[int, int]]]:
            for n, doc in enumerate(docs):
                ctx = self._start(doc)
                pending.append(ctx)
                for sent in ctx.selected:
                    self.stats["parsed"] += 1
                    yield sent.text, (n, sent.index)

        first = 0  # document number of pending[0]
        stream = self.nlp.pipe(feed(), as_tuples=True, batch_size=self.batch_size)
        for parsed, (n, index) in stream:
            while n > first:
                ctx = pending.popleft()
                first += 1
                yield ctx.doc, self._finish(ctx)
            self._code_sentence(pending[0], index, parsed)
        while pending:
            ctx = pending.popleft()
            yield ctx.doc, self._finish(ctx)

    def code_text(self, text: str, on: dt.date | None = None) -> list[Mention]:
        """Records for one snippet of text (as if a document published on ``on``)."""
        doc_id = hashlib.sha1(text.encode("utf-8")).hexdigest()
        doc = Document(id=doc_id, text=text, published=on)
        for _doc, records in self.code_documents([doc]):
            return records
        return []

    def _code_in_processes(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
        """Forked workers run ``code_documents_serial`` on a copy of this coder, warmed here first so that they
        share the model and tables copy-on-write; their counts are added to ours."""
        from detente.coding.parallel import can_fork, code_in_processes

        if can_fork():
            stats, nanoseconds = Counter(self.stats), Counter(self.nanoseconds)
            self.warm()  # load once in the parent; forked workers share it
            self.stats.update(stats)
            self.nanoseconds.update(nanoseconds)
        yield from code_in_processes(self.code_documents_serial, docs, self.n_process,
                                     counters=(self.stats, self.nanoseconds))

    # -------------------------------------------------------------------------------------- per document

    def selection(self, doc: Document) -> Selection:
        """The sentences of ``doc`` worth parsing, and why the others are not: the one call the coder and the
        evaluation's refusal counts share, so both read a document with the same genre and outlet."""
        return self.selector.select(doc.text, editorial=doc.genre == "editorial", outlet=doc.outlet)

    def _start(self, doc: Document) -> DocumentContext:
        t0 = time.process_time_ns()
        selection = self.selection(doc)
        self.stats["documents"] += 1
        self.stats["sentences"] += len(selection.sentences)
        if self.trace is not None:
            self.trace.update(((doc.id, s.index), STAGES[0]) for s in selection.sentences)
        if selection.truncated:
            self.stats["over_budget"] += 1  # coded only up to the budget (detente.coding.selection)
        dateline = read_dateline(doc.text)
        ctx = DocumentContext(doc=doc, sentences=selection.sentences, actors=DocumentActors(outlet=doc.outlet),
                              countries=selection.countries, selected=selection.selected,
                              dateline=dateline.place if dateline else None, filed=filed(dateline, doc.published),
                              dateline_end=dateline.length if dateline else 0, home=selection.home)
        self.participants.introduce(ctx, selection.introductions, doc.published)
        self.nanoseconds["prefilter"] += time.process_time_ns() - t0
        self._dropped.pop(doc.id, None)  # a story abandoned unfinished left its own
        return ctx

    def _finish(self, ctx: DocumentContext) -> list[Mention]:
        """The story's records, less those the learned check dropped (held until now: see ``_hold``)."""
        dropped = {id(rec) for rec in self._dropped.pop(ctx.doc.id, [])}
        if dropped:
            ctx.records = [rec for rec in ctx.records if id(rec) not in dropped]
        ctx.records = without_home_exchanges(ctx.records)  # home affairs: no exchange between parties (``genre``)
        self.stats["events"] += len(ctx.records)
        return ctx.records

    # -------------------------------------------------------------------------------------- per sentence

    def _code_sentence(self, ctx: DocumentContext, index: int, parsed: Doc) -> None:
        t0 = time.process_time_ns()
        sent = parsed[:]
        candidates = extract(sent, self.lexicon, self.composer, self.cues, editorial=ctx.doc.genre == "editorial")
        candidates = revise(sent, candidates, self.lexicon, self.cues, editorial=ctx.doc.genre == "editorial")
        coded = screen(sent, candidates, ctx.doc.text, ctx.doc.title)  # what the labelling guide codes as no event
        coded = carry_senses(ctx.measure_senses, coded)  # "the ban" is the ban the story named before
        self._reached(ctx, index, "no trigger")
        made = [(cand, rec) for cand in coded if (rec := self._record(ctx, index, sent, cand)) is not None]
        remember_senses(ctx.measure_senses, [cand for cand, _ in made], self.lexicon)
        records = decide(made)  # the content of another act is no event of its own
        if not records:  # the statistical layer, only where the rules found nothing (coding/classifier.py)
            proposed = propose(sent, self.lexicon, self.cues)  # screened like a rule's: the guide holds for both
            for cand in screen(sent, [proposed] if proposed is not None else [], ctx.doc.text, ctx.doc.title):
                rec = self._record(ctx, index, sent, cand)
                records += [rec] if rec is not None else []
        kept = check(made, records, self.lexicon)  # the learned check on the rules' events (coding/verifier.py)
        self._remember_screened(ctx, index, candidates, coded)
        if kept:
            self._reached(ctx, index, "coded")
        ctx.records.extend(self._hold(ctx, records, kept))
        self.nanoseconds["code"] += time.process_time_ns() - t0

    def _hold(self, ctx: DocumentContext, records: list[Mention], kept: list[Mention]) -> list[Mention]:
        """A sentence's records for the story to remember, in their order: the ones the check kept, merged as
        ever, and the ones it dropped, merged apart and held back from the output until ``_finish``. A later
        sentence still reads a dropped record ("the attack" takes the sides of the attack reported before, a
        date or a place is carried from an earlier meeting): the check judges whether this sentence tells an
        event, not whether the story does."""
        if len(kept) == len(records):
            return merge_records(kept)
        held = [rec for rec in records if not any(rec is k for k in kept)]
        merged = merge_records(held)
        self._dropped.setdefault(ctx.doc.id, []).extend(merged)
        order = {id(rec): n for n, rec in enumerate(records)}
        return sorted(merge_records(kept) + merged, key=lambda rec: order[id(rec)])

    def _remember_screened(self, ctx: DocumentContext, index: int, candidates: list[Candidate],
                           coded: list[Candidate]) -> None:
        """The people and bodies of the candidates the guide codes as no event still tell the story who is who:
        "Wang Yi met reporters" is no event, but the next sentence's "Wang said" is his. Resolved after the
        coded ones, so what this sentence codes is unchanged."""
        for cand in candidates:
            if not any(cand is c for c in coded):
                self.participants.observe(ctx, cand, ctx.day, index)

    def _reached(self, ctx: DocumentContext, index: int, stage: str) -> None:
        if self.trace is not None:
            key = (ctx.doc.id, index)
            if _RANK[stage] > _RANK.get(self.trace.get(key, STAGES[0]), 0):
                self.trace[key] = stage

    def _record(self, ctx: DocumentContext, index: int, sent: Span, cand: Candidate) -> Mention | None:
        doc = ctx.doc
        published = ctx.day  # a dateline's day is the story's own
        participants = self.participants
        sides = participants.find(ctx, cand, published, index)
        if sides is None:
            self._reached(ctx, index, "no actor")
            return None  # nobody resolved: decided before the (costlier) date and place resolution
        date = date_event(sent, cand.token, published, dateline_chars(ctx, index))
        if far_from_publication(date, published):
            sides = participants.find(ctx, cand, date.date, index) or sides  # who held an office back then
        coded, modality = as_dated(cand, date, published, self.composer)
        act = cand.child.token if cand.child else None
        location = self.places.locate(sent, cand.token, ctx.countries, coded, act) or self.places.lead_place(ctx, index)
        self.places.place_sides(coded, cand, location, sides)
        if participants.one_sided(coded, cand, sides):
            self._reached(ctx, index, "one-sided")
            participants.remember(ctx, sides, index)  # no meeting, but the people it names are the story's
            return None
        participants.domestic_target(coded, sides)
        if cand.mention.sense.fallback and not sides.targets.actors:
            self.stats["dropped_fallback"] += 1
            self._reached(ctx, index, "no recipient")
            participants.remember(ctx, sides, index)
            return None  # an act read from its verb's default meaning alone needs a recipient
        sources, targets = sides.sources, sides.targets
        location = location or self.places.carried_place(ctx, index, cand, coded, modality, sides)
        date = date_in_context(ctx, index, sent, cand, coded.type, modality, sides, published, self.lexicon, date)
        coded = self.places.consult_mode(coded, sent, location, sources.actors, targets.actors)
        location = self.places.meeting_place(coded, cand, sides, location)
        channel = choose_channel(channel_evidence(cand, sources, targets))
        score = confidence(
            self.weights, prior=cand.weight, prominence=cand.prominence,
            has_source=bool(sources.actors), has_target=bool(targets.actors),
            indirect_source=sources.pronoun or any(a.via in ("inherited", "pronoun") for a in cand.sources),
            fallback_country=sources.fallback, lone_noun_event=cand.mention.nominal and cand.child is None,
            outlet_speaker=sides.outlet_speaker, modality=modality)
        participants.remember(ctx, sides, index)
        speaker = sides.speaker
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
            confidence=score,
            document_id=doc.source_id,
            url=doc.url,
        )
