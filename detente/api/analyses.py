"""What an analyst reads, computed at query time from the stored records and text: the relationship index,
quotes, notable numbers, what comes next, tone (docs/analysis.md). The analysis package holds the pure functions;
these verbs read their inputs from the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from detente.api.filters import event_query, parse_dyad
from detente.api.knowledge import actor_kb
from detente.api.stores import DbArg, PathLike, opened
from detente.records import Document, Mention, Sentence

if TYPE_CHECKING:
    from detente.analysis.calendar import Upcoming
    from detente.analysis.index import IndexRow
    from detente.analysis.numbers import NumberMention
    from detente.analysis.quotes import Quote
    from detente.analysis.tone import ToneReport


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
    with opened(db, read_only=True) as store:
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
    with opened(db, read_only=True) as store:
        docs = store.analysis_documents(query)
        mentions = store.document_mentions([d.id for d in docs])
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    return [(d, split_sentences(d.text), by_doc.get(d.id, [])) for d in docs]


def quotes(db: DbArg = None, *, dyad: str | tuple[str, str] | None = None, since: str | dt.date | None = None,
           until: str | dt.date | None = None, speaker: str | None = None,
           actors: Sequence[PathLike] | None = None) -> list[Quote]:
    """Direct quotations in the stored documents, oldest document first, each with its speaker resolved through
    the actor knowledge base as of the publication date, its outlet and date, and the event of its sentence.
    ``speaker``: part of the speaker's name, title or id (docs/analysis.md)."""
    from detente.analysis.quotes import quotes_in, speaker_matches

    kb = actor_kb(actors)
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
    with opened(db, read_only=True) as store:
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
