"""The Python API: a few verbs that compose, over typed records. The CLI is a thin shell over the same functions.

    import detente
    pipe = detente.load()                                   # the model and tables, loaded once
    pipe.code("Wang Yi met Antony Blinken in Beijing on Monday.", published="2023-06-19")
    report = detente.ingest(["examples/"], db="detente.duckdb")
    for event in detente.events("detente.duckdb", dyad="CHN-USA", since="2023-06"):
        print(event.date, event.type, [a.name for a in event.source])

Heavy modules (spaCy, the knowledge base) load on first use, so ``import detente`` stays cheap.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from detente.config import DEFAULT_MAX_BYTES, EntitySource, resolve_actor_paths, resolve_db_path, resolve_entities
from detente.config import resolve_model as _resolve_model
from detente.records import ActorEntry, Document, Event, Mention, RunReport, Sentence
from detente.store.db import BatchResult, Store, StoreError
from detente.store.queries import EventQuery

if TYPE_CHECKING:
    from detente.analysis.brief import Brief
    from detente.analysis.calendar import Upcoming
    from detente.analysis.index import IndexRow
    from detente.analysis.numbers import NumberMention
    from detente.analysis.quotes import Quote
    from detente.analysis.tone import ToneReport
    from detente.coding import Coder
    from detente.readers import Rejection
    from detente.resolve.actors import ActorKB

__all__ = [
    "Pipeline",
    "SetupError",
    "StoreError",
    "accepted",
    "actors",
    "brief",
    "documents",
    "event",
    "events",
    "evidence",
    "export",
    "index",
    "ingest",
    "load",
    "numbers",
    "open_store",
    "parse_period",
    "quotes",
    "read",
    "recluster",
    "tone",
    "upcoming",
]

log = logging.getLogger("detente")
PathLike = str | os.PathLike[str]
DbArg = PathLike | Store | None


class SetupError(RuntimeError):
    """The setup cannot work (a bad actor file, an unknown model or option): nothing was read or stored."""


# -- reading ---------------------------------------------------------------------------------------------


def read_items(paths: PathLike | Iterable[PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: Any = None) -> Iterator[Document | Rejection]:
    """Documents and rejections from files, directories, JSONL and ``-`` (JSONL on ``stdin``), in order."""
    from detente.readers import iter_documents

    return iter_documents([os.fspath(p) for p in _paths(paths)], max_bytes=max_bytes, stdin=stdin)


def read(paths: PathLike | Iterable[PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES,
         on_reject: Callable[[Rejection], None] | None = None) -> Iterator[Document]:
    """Cleaned documents from ``paths`` (.txt/.md/.html/.jsonl files and directories). A bad input never stops
    the rest: it goes to ``on_reject`` (default: a warning on the ``detente`` logger naming it and why)."""
    return accepted(read_items(paths, max_bytes=max_bytes), on_reject)


def accepted(items: Iterable[Document | Rejection],
             on_reject: Callable[[Rejection], None] | None = None) -> Iterator[Document]:
    """The documents among ``items``; each rejection goes to ``on_reject`` (default: a logged warning)."""
    from detente.readers import Rejection

    for item in items:
        if isinstance(item, Rejection):
            (on_reject or _log_rejection)(item)
        else:
            yield item


def _paths(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(paths, str | os.PathLike):
        return [paths]
    return list(paths)


def _log_rejection(rejection: Rejection) -> None:
    log.warning("%s", rejection.message())


# -- coding ----------------------------------------------------------------------------------------------


def load(*, model: str | None = None, actors: Sequence[PathLike] | None = None,
         entities: EntitySource | None = None, processes: int = 1, lazy: bool = False) -> Pipeline:
    """Load the knowledge base (bundled, plus ``actors`` files) and the spaCy model once. ``model``, ``actors``
    and ``entities`` default to ``DETENTE_MODEL``, ``DETENTE_ACTORS`` and ``DETENTE_ENTITIES``, then to the
    bundled model and rule-based entities; ``processes`` > 1 codes in forked worker processes. With ``lazy``
    the settings are checked now but the tables and model load on first use (a run with nothing new to code
    never pays for them). A bad setting raises ``SetupError``."""
    if processes < 1:
        raise SetupError(f"detente: processes must be at least 1, got {processes}")
    try:
        source = resolve_entities(entities)
    except ValueError as exc:
        raise SetupError(f"detente: {exc}") from exc
    pipe = Pipeline(model=_resolve_model(model), actors=resolve_actor_paths([os.fspath(p) for p in actors or ()]),
                    entities=source, processes=processes)
    if not lazy:
        pipe.coder  # noqa: B018 - load now: a bad actor file or model fails before any work
    return pipe


class Pipeline:
    """A coder and its settings: text or documents in, mentions out; or straight into a store."""

    def __init__(self, *, model: str, actors: Sequence[str] = (), entities: EntitySource = "rules",
                 processes: int = 1) -> None:
        self.model = model
        self.actors = list(actors)
        self.entities: EntitySource = entities
        self.processes = processes
        self._coder: Coder | None = None

    @property
    def coder(self) -> Coder:
        """The loaded coder (knowledge base and spaCy model), built on first use."""
        if self._coder is None:
            from detente.coding import Coder
            from detente.resolve.actors import ActorDataError, ActorKB

            try:
                kb = ActorKB.load(self.actors)
            except (ActorDataError, OSError) as exc:
                raise SetupError(f"detente: actor knowledge base: {exc}") from exc
            coder = Coder(kb=kb, model=self.model, n_process=self.processes, entities=self.entities)
            try:
                coder.nlp  # noqa: B018 - load now, so a bad model name fails before any work
            except (OSError, ImportError, ValueError) as exc:
                raise SetupError(f"detente: cannot load spaCy model {self.model!r}: {exc}") from exc
            self._coder = coder
        return self._coder

    def code(self, text: str, *, published: dt.date | str | None = None, title: str | None = None,
             outlet: str | None = None, url: str | None = None, document_id: str | None = None) -> list[Mention]:
        """The mentions in ``text`` (taken as given, not cleaned: use ``read`` for scraped pages), as if
        published on ``published`` (a date or a date string): relative dates and office holders resolve to it."""
        from detente.readers import content_id
        from detente.readers.dates import parse_date
        from detente.textsafe import without_surrogates as safe

        day = parse_date(published) if isinstance(published, str) else published
        text = safe(text)  # a lone surrogate cannot be hashed or stored: U+FFFD, as the readers do
        doc = Document(id=content_id(text), text=text, source_id=document_id and safe(document_id), published=day,
                       title=title and safe(title), outlet=outlet and safe(outlet), url=url and safe(url))
        return next(iter(self.coder.code_documents([doc])))[1]

    def code_documents(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
        """Each document with its mentions, in input order, streaming. The model loads only when there is a
        first document: a run with nothing new to code never pays for it."""
        it = iter(docs)
        first = next(it, None)
        if first is None:
            return iter(())
        return self.coder.code_documents(itertools.chain([first], it))

    def ingest(self, items: Iterable[Document | Rejection], db: DbArg = None, *, batch_size: int = 32,
               inputs: Sequence[str] = (), on_reject: Callable[[Rejection], None] | None = None,
               on_batch: Callable[[BatchResult], None] | None = None, engine: str = "local",
               workers: int | None = None, ray_address: str | None = None) -> RunReport:
        """Code and store documents not yet in the store, one transaction per ``batch_size`` documents; events
        are clustered in the same transaction. Rejections are counted and passed to ``on_reject``. ``engine``
        "ray" codes in ``workers`` Ray actors (at ``ray_address``) and commits here the same way
        (docs/scaleout.md)."""
        if batch_size < 1:
            raise SetupError(f"detente: batch size must be at least 1, got {batch_size}")
        coded = self._engine(engine, workers, ray_address)
        with _open(db) as store:
            report = RunReport(run_id=store.start_run("ingest", inputs), db=str(store.path))

            def rejected(item: Rejection) -> None:
                report.rejected += 1
                report.rejections.append(item.message())
                (on_reject or _log_rejection)(item)

            status = "failed"
            try:
                fresh = _fresh(_batched(accepted(items, rejected), batch_size), store, report)
                # One coding stream for the whole run (worker processes start once); commits are grouped in
                # batches behind it.
                for chunk in _batched(coded(fresh), batch_size):
                    result = store.add_batch(chunk, run_id=report.run_id)
                    report.ingested += len(result.added)
                    report.duplicates += len(result.duplicates)
                    report.mentions += result.mentions
                    if on_batch is not None:
                        on_batch(result)
                status = "done"
            finally:
                store.finish_run(report.run_id, ingested=report.ingested, duplicates=report.duplicates,
                                 rejected=report.rejected, mentions=report.mentions, status=status)
            report.totals = store.counts()
        return report

    def _engine(self, engine: str, workers: int | None,
                address: str | None) -> Callable[[Iterable[Document]], Iterator[tuple[Document, list[Mention]]]]:
        """The coding stream of ``engine``, checked before anything is read: a bad choice is a setup error."""
        if workers is not None and workers < 1:
            raise SetupError(f"detente: workers must be at least 1, got {workers}")
        if engine == "local":
            return self.code_documents
        if engine != "ray":
            raise SetupError(f"detente: unknown engine {engine!r} (expected local or ray)")
        from detente.scaleout.ray_engine import CoderSettings, RayUnavailable, code_on_ray, require_ray

        try:
            require_ray()
        except RayUnavailable as exc:
            raise SetupError(f"detente: {exc}") from exc
        settings = CoderSettings(model=self.model, actors=tuple(os.path.abspath(a) for a in self.actors),
                                 entities=self.entities)

        def coded(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
            try:
                yield from code_on_ray(docs, settings, workers=workers, address=address)
            except RayUnavailable as exc:
                raise SetupError(f"detente: {exc}") from exc

        return coded


def ingest(paths: PathLike | Iterable[PathLike], db: DbArg = None, *, model: str | None = None,
           actors: Sequence[PathLike] | None = None, entities: EntitySource | None = None, processes: int = 1,
           batch_size: int = 32, max_bytes: int = DEFAULT_MAX_BYTES,
           on_reject: Callable[[Rejection], None] | None = None, engine: str = "local",
           workers: int | None = None, ray_address: str | None = None) -> RunReport:
    """Read, code and store ``paths`` into the store ``db`` (default ``DETENTE_DB``, else ./detente.duckdb).
    The same article twice is one document; a killed run, rerun, loses and duplicates nothing. ``engine``
    "ray" codes on a Ray cluster (``workers`` actors, ``ray_address``); reading and the store stay here."""
    items = _paths(paths)
    # With the ray engine the model loads in the actors, not here.
    pipe = load(model=model, actors=actors, entities=entities, processes=processes, lazy=engine == "ray")
    return pipe.ingest(read_items(items, max_bytes=max_bytes), db, batch_size=batch_size,
                       inputs=[os.fspath(p) for p in items], on_reject=on_reject, engine=engine, workers=workers,
                       ray_address=ray_address)


def _fresh(batches: Iterable[list[Document]], store: Store, report: RunReport) -> Iterator[Document]:
    """Documents not yet stored (by content hash) and not seen earlier in this run; the rest are counted as
    duplicates before any coding is spent on them."""
    seen: set[str] = set()
    for batch in batches:
        known = store.known_ids(d.id for d in batch)
        for doc in batch:
            if doc.id in known or doc.id in seen:
                report.duplicates += 1
                continue
            seen.add(doc.id)
            yield doc


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- the store -------------------------------------------------------------------------------------------


@contextmanager
def _open(db: DbArg, *, read_only: bool = False) -> Iterator[Store]:
    """A store from a path (opened here, closed after) or an open ``Store`` (left open)."""
    if isinstance(db, Store):
        yield db
        return
    with open_store(db, read_only=read_only) as store:
        yield store


def events(db: DbArg = None, *, dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
           until: str | dt.date | None = None, type: str | None = None, channel: str | None = None,
           limit: int | None = None) -> Iterator[Event]:
    """Stored events, newest first. ``dyad``: "CHN-USA" (both countries, either direction); ``since``/``until``:
    YYYY, YYYY-MM, YYYY-MM-DD or a date (an event counts when its period overlaps); ``type``: a PLOVER type."""
    query = event_query(dyad=dyad, since=since, until=until, type=type, channel=channel, limit=limit)
    with _open(db, read_only=True) as store:
        found = store.events(query)
    return iter(found)


def event_query(*, dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
                until: str | dt.date | None = None, type: str | None = None, channel: str | None = None,
                limit: int | None = None) -> EventQuery:
    """The store query for these filters; a malformed value raises ``ValueError`` saying what was expected."""
    if limit is not None and limit < 1:
        raise ValueError(f"expected a positive limit, got {limit!r}")
    return EventQuery(
        dyad=parse_dyad(dyad) if isinstance(dyad, str) else dyad,
        since=parse_period(since)[0] if isinstance(since, str) else since,
        until=parse_period(until)[1] if isinstance(until, str) else until,
        type=type.upper() if type else None,
        channel=channel or None,
        limit=limit,
    )


def event(db: DbArg, event_id: str) -> Event:
    """One event by its id or a unique prefix of it; ``LookupError`` when none or several match."""
    with _open(db, read_only=True) as store:
        matches = store.events_by_prefix(event_id.strip())
    if not matches:
        raise LookupError(f"no event with id {event_id!r}")
    if len(matches) > 1:
        raise LookupError(f"{event_id!r} matches several events; give more of the id")
    return matches[0]


def evidence(db: DbArg, event_id: str) -> list[tuple[Mention, Document]]:
    """The sentences behind one event: each mention with its document, oldest report first."""
    with _open(db, read_only=True) as store:
        return store.evidence(event_id)


def documents(db: DbArg = None) -> list[Document]:
    """Stored documents, oldest first."""
    with _open(db, read_only=True) as store:
        return store.documents()


def recluster(db: DbArg = None) -> None:
    """Rebuild every event from the stored mentions (after the clustering rule changed)."""
    with _open(db) as store:
        store.recluster()


def parse_dyad(value: str) -> tuple[str, str]:
    """"CHN-USA" → ("CHN", "USA")."""
    match = re.fullmatch(r"([A-Za-z]{3})-([A-Za-z]{3})", value.strip())
    if not match:
        raise ValueError(f"expected two country codes like CHN-USA, got {value!r}")
    return match.group(1).upper(), match.group(2).upper()


def parse_period(value: str) -> tuple[dt.date, dt.date]:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first and last day it covers."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day = dt.date.fromisoformat(value)
        return day, day
    except ValueError as exc:
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}") from exc


def open_store(db: PathLike | None = None, *, read_only: bool = False) -> Store:
    """The store at ``db`` (default ``DETENTE_DB``, else ./detente.duckdb): pass it as ``db`` to the other verbs.
    It holds the file only while a call runs (or inside ``store.session()``), so readers and one writer in other
    processes take turns: a writer between its batches, a reader between its queries (docs/DESIGN.md)."""
    return Store(resolve_db_path(os.fspath(db) if db is not None else None), read_only=read_only, transient=True)



# -- exports ---------------------------------------------------------------------------------------------


def export(db: DbArg, format: str, path: PathLike, *, table: str | None = None, header: bool = False,
           dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
           until: str | dt.date | None = None, type: str | None = None, channel: str | None = None,
           stdout: Any = None) -> int:
    """Write the stored events (filtered as ``events`` filters them), their mentions or their documents as
    ``format``: gdelt-events, gdelt-mentions, plover-json, or csv / jsonl / parquet of ``table`` (events,
    mentions, documents). ``path`` ``-`` is stdout for the text formats. The file is written whole or not at
    all; returns the number of records. Bad options raise ``ValueError``; docs/exports.md."""
    from detente.exports import export as write_export

    query = event_query(dyad=dyad, since=since, until=until, type=type, channel=channel)
    with _open(db, read_only=True) as store:
        return write_export(store, format, path, query, table=table, header=header, stdout=stdout)


# -- the actor knowledge base ----------------------------------------------------------------------------


def actors(text: str, *, on: str | dt.date | None = None, limit: int = 20,
           actor_files: Sequence[PathLike] | None = None) -> list[ActorEntry]:
    """Knowledge-base entries whose name or an alias has the words ``text``, each as it stood ``on`` a day
    (YYYY-MM-DD or a date): its country, sector and the office it held then. ``actor_files`` (default
    ``DETENTE_ACTORS``) add to the bundled knowledge base."""
    from detente.resolve.actors import ActorKB, default_kb

    day = dt.date.fromisoformat(on) if isinstance(on, str) else on
    paths = resolve_actor_paths([os.fspath(p) for p in actor_files or ()])
    kb = ActorKB.load(paths) if paths else default_kb()
    return kb.search(text, day, limit=limit)
# -- analysis (issue 13): the relationship index, quotes, numbers, tone, what's next ----------------------------


def index(db: DbArg = None, *, dyad: str | tuple[str, str] | None = None, by: str = "week",
          channel: str | None = None, since: str | dt.date | None = None, until: str | dt.date | None = None,
          samples: int | None = None, seed: int | None = None, by_channel: bool = False) -> list[IndexRow]:
    """The relationship index per ``by`` period ("day", "week", "month"): event counts by quad class, the
    confidence- and source-weighted Goldstein score of deduplicated events with its bootstrap band, the document
    volume, and the plain mean Goldstein of raw mentions beside it (docs/analysis.md). ``channel`` keeps one
    channel; ``by_channel`` gives one series per channel over the same periods."""
    from detente.analysis import index as ix
    from detente.analysis.dyads import check_dyad
    from detente.analysis.periods import parse_by

    period = parse_by(by)
    query = event_query(dyad=dyad, since=since, until=until, channel=channel)
    if query.dyad:
        check_dyad(query.dyad)  # as the brief does: a typo is an error, not an empty index
    with _open(db, read_only=True) as store:
        found, raw = store.index_events(query), store.index_mentions(query)
    label = "-".join(query.dyad) if query.dyad else None
    if by_channel:
        return ix.index_by_channel(found, raw, by=period, dyad=label, samples=samples or ix.SAMPLES,
                                   seed=ix.SEED if seed is None else seed)
    return ix.relationship_index(found, raw, by=period, dyad=label, channel=query.channel,
                                 samples=samples or ix.SAMPLES, seed=ix.SEED if seed is None else seed)


def _analysis_texts(db: DbArg, *, dyad: str | tuple[str, str] | None, since: str | dt.date | None,
                    until: str | dt.date | None) -> list[tuple[Document, list[Sentence], list[Mention]]]:
    """Stored documents published in the period (with a mention of the dyad, when one is given), each with its
    sentence split (whose indexes are the mentions' ``sentence_index``) and its stored mentions."""
    from detente.nlp.sentences import split_sentences

    query = event_query(dyad=dyad, since=since, until=until)
    with _open(db, read_only=True) as store:
        docs = store.analysis_documents(query)
        mentions = store.document_mentions([d.id for d in docs])
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    return [(d, split_sentences(d.text), by_doc.get(d.id, [])) for d in docs]


def _actor_kb(actors: Sequence[PathLike] | None = None) -> ActorKB:
    from detente.resolve.actors import ActorDataError, ActorKB

    try:
        return ActorKB.load(resolve_actor_paths([os.fspath(p) for p in actors or ()]))
    except (ActorDataError, OSError) as exc:
        raise SetupError(f"detente: actor knowledge base: {exc}") from exc


def quotes(db: DbArg = None, *, dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
           until: str | dt.date | None = None, speaker: str | None = None,
           actors: Sequence[PathLike] | None = None) -> list[Quote]:
    """Direct quotations in the stored documents, oldest document first, each with its speaker resolved through
    the actor knowledge base as of the publication date, its outlet and date, and the event of its sentence.
    ``speaker``: part of the speaker's name, title or id (docs/analysis.md)."""
    from detente.analysis.quotes import quotes_in, speaker_matches

    kb = _actor_kb(actors)
    out: list[Quote] = []
    for doc, sentences, mentions in _analysis_texts(db, dyad=dyad, since=since, until=until):
        out.extend(q for q in quotes_in(doc, sentences, mentions, kb) if not speaker or speaker_matches(q, speaker))
    return out


def numbers(db: DbArg = None, *, dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
            until: str | dt.date | None = None, kind: str | None = None) -> list[NumberMention]:
    """Notable numbers in the stored documents: each with its unit, what it counts, its sentence and that
    sentence's event. ``kind``: money, percent, ordinal, duration or count (docs/analysis.md)."""
    from detente.analysis.numbers import KINDS, numbers_in

    if kind is not None and kind not in KINDS:
        raise ValueError(f"expected a kind of {', '.join(KINDS)}, got {kind!r}")
    out: list[NumberMention] = []
    for doc, sentences, mentions in _analysis_texts(db, dyad=dyad, since=since, until=until):
        out.extend(n for n in numbers_in(doc, sentences, mentions) if kind is None or n.kind == kind)
    return out


def upcoming(db: DbArg = None, *, dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
             until: str | dt.date | None = None, undated: bool = False) -> list[Upcoming]:
    """What comes next: announced exchanges (planned, dated after the article that announced them) whose window
    overlaps ``since``..``until``, each marked planned, held, cancelled or postponed from later reports, and
    linked to the event that says so. ``undated``: also planned exchanges with no date of their own."""
    from detente.analysis.calendar import in_period
    from detente.analysis.calendar import upcoming as calendar

    query = event_query(dyad=dyad, since=since, until=until)
    with _open(db, read_only=True) as store:
        found = store.events()
    return in_period(calendar(found, undated=undated, dyad=query.dyad), query.since, query.until)


def tone(db: DbArg = None, *, dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
         until: str | dt.date | None = None) -> ToneReport:
    """Tone (-1 hostile .. +1 warm) of every stored mention and document in scope, the outlet-stance table
    (per outlet, its mean tone toward each country of ``dyad`` and its genre mix), and events reported by several
    outlets with their tones side by side (docs/analysis.md)."""
    from detente.analysis.tone import tone_report

    pair = parse_dyad(dyad) if isinstance(dyad, str) else dyad
    return tone_report(_analysis_texts(db, dyad=pair, since=since, until=until), pair)


# -- the weekly brief (issue 13, part 6) ---------------------------------------------------------------------------


def brief(db: DbArg = None, *, week: str | dt.date, dyad: str | tuple[str, str] = "CHN-USA", format: str = "html",
          path: PathLike | None = None, actors: Sequence[PathLike] | None = None) -> str:
    """The weekly brief of ``dyad`` for the ISO week holding ``week``, as Markdown ("md") or one self-contained
    HTML file ("html"): the week's exchanges by channel with their sources, the index against the weeks before,
    quote of the week, notable number, outlet stance, what's next and what changed (docs/analysis.md). Returns
    the text; with ``path`` also writes it there (a Markdown brief's chart beside it, ``<stem>-index.svg``).
    An unknown dyad, week or format raises ``ValueError``."""
    from pathlib import Path

    from detente.analysis import brief as br

    fmt = br.parse_format(format)
    built = brief_data(db, week=week, dyad=dyad, actors=actors)
    if fmt == "md":
        chart = None
        if path is not None and built.index:
            target = Path(path)
            chart = br.write_chart(built, target.with_name(f"{target.stem}-index.svg")).name
        text = br.render(built, fmt, chart=chart)
    else:
        text = br.render(built, fmt)
    if path is not None:
        _write_text(Path(path), text)
    return text


def brief_data(db: DbArg = None, *, week: str | dt.date, dyad: str | tuple[str, str] = "CHN-USA",
               actors: Sequence[PathLike] | None = None) -> Brief:
    """What ``brief`` renders, before rendering (the dashboard's brief page shows it in its own layout)."""
    from detente.analysis import brief as br
    from detente.analysis.dyads import check_dyad

    start = br.parse_week(week)
    pair = parse_dyad(dyad) if isinstance(dyad, str) else dyad
    check_dyad(pair)
    end = start + dt.timedelta(days=6)
    last = start - dt.timedelta(days=7)
    lookback = start - dt.timedelta(weeks=br.settings().history_weeks)
    ahead = end + dt.timedelta(weeks=br.settings().upcoming_weeks)
    with _open(db, read_only=True) as store:
        these = list(events(store, dyad=pair, since=start, until=end))
        before = list(events(store, dyad=pair, since=last, until=last + dt.timedelta(days=6)))
        proof = {e.event_id: [d for _, d in evidence(store, e.event_id)] for e in these if br.in_week(e, start, end)}
        tones = tone(store, dyad=pair, since=start, until=end)
        return br.build(
            dyad=pair, week=start, events=these, previous=before, evidence=proof,
            index=index(store, dyad=pair, by="week", since=lookback, until=end),
            quotes=quotes(store, dyad=pair, since=start, until=end, actors=actors),
            earlier_quotes=quotes(store, dyad=pair, since=lookback, until=start - dt.timedelta(days=1), actors=actors),
            numbers=numbers(store, dyad=pair, since=start, until=end),
            earlier_numbers=numbers(store, dyad=pair, since=lookback, until=start - dt.timedelta(days=1)),
            stance=tones.stance, frames=tones.events,
            upcoming=upcoming(store, dyad=pair, since=start, until=ahead, undated=True),
            all_events=list(events(store, dyad=pair, since=lookback, until=ahead)),
            countries_in=_actor_kb(actors).countries_in,
        )


def _write_text(path: os.PathLike[str], text: str) -> None:
    """Write whole or not at all: a temporary file beside the target, renamed over it."""
    from pathlib import Path

    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
