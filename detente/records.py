"""Typed records passed between pipeline stages: Document → Sentence → (coding's Trigger and Candidate, which
hold spaCy tokens) → Mention → Event, with Actor, Location, DateResolution and RunReport.

Every stage is a plain function over these dataclasses so it can be tested alone and run later inside a
distributed engine without change. ``to_dict`` gives the JSON shapes documented in docs/DESIGN.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# The closed vocabularies are written once, in detente/ontology.yaml; importable from here as before.
from detente.ontology import CHANNELS as CHANNELS
from detente.ontology import DatePrecision, Genre, Modality


@dataclass(slots=True)
class Document:
    """One cleaned article. ``id`` is the content hash of the normalized text: the same article twice is one
    document whatever its file name or caller id."""

    id: str
    text: str
    source_id: str | None = None  # the caller's id: JSONL ``id`` field or the file name without extension
    origin: str | None = None  # PATH or PATH:LINE it came from
    published: dt.date | None = None
    published_raw: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "en"
    genre: Genre | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


def actor_kind(ident: str | None) -> str | None:
    """The kind a knowledge-base id names ("person/usa/joe-biden" → "person"); None for no id or a bare one.
    The one place that reads the id's shape."""
    if ident and "/" in ident:
        return ident.split("/", 1)[0]
    return None


@dataclass(slots=True, frozen=True)
class Sentence:
    """One sentence of a document: its position in the document's split (``index``, the ``sentence_index`` of
    its mentions), character span and lowercase tokens (for the prefilter)."""

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]


@dataclass(slots=True)
class Actor:
    """A resolved participant. ``country`` is ISO 3166-1 alpha-3 (``IGO`` for bodies, then ``name`` says which);
    ``None`` when unknown: detente never guesses a country."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # spelled out: dataclasses.asdict deep-copies, and actors are serialized for every mention and event
        return {"text": self.text, "name": self.name, "country": self.country, "sector": self.sector, "id": self.id}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(text=d.get("text") or "", name=d.get("name"), country=d.get("country"), sector=d.get("sector"),
                   id=d.get("id"))

    @property
    def kind(self) -> str | None:
        """What the knowledge-base id says the actor is ("person", "body", "country"); None without an id."""
        return actor_kind(self.id)


@dataclass(slots=True)
class Location:
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: Literal["city", "region", "country", "place"] = "city"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "precision": self.precision}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Location:
        return cls(text=d.get("text") or "", name=d.get("name") or "", country=d.get("country"), lat=d.get("lat"),
                   lon=d.get("lon"), precision=d.get("precision") or "city")


@dataclass(slots=True)
class DateResolution:
    """When an event happened. ``date`` is None only when neither the text nor a publication date gives one."""

    date: dt.date | None
    date_end: dt.date | None
    precision: DatePrecision
    text: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "date_precision": self.precision,
            "date_text": self.text,
        }


@dataclass(slots=True)
class Mention:
    """One sentence-level coding: who did what to whom, said in one sentence of one document. Mentions of one
    real-world exchange, from one or many documents, are clustered into an ``Event``.

    ``doc_id`` is the store's content hash of the document; ``document_id`` and ``url`` are the caller's own id
    and link for it, so records join back to the caller's data."""

    mention_id: str
    doc_id: str
    sentence: str
    sentence_index: int
    type: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    modality: Modality
    channel: str
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    speaker: Actor | None = None
    trigger: str | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: DatePrecision = "unresolved"
    date_text: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    document_id: str | None = None
    url: str | None = None
    event_id: str | None = None  # the event this mention was clustered into, once stored

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention_id": self.mention_id,
            "doc_id": self.doc_id,
            "document_id": self.document_id,
            "url": self.url,
            "sentence": self.sentence,
            "sentence_index": self.sentence_index,
            **_coded(self),
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "trigger": self.trigger,
            **_dated(self),
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 3),
        }


def iso_date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def countries_of(actors: Iterable[Actor]) -> list[str]:
    """The countries a side's actors belong to, sorted, each once (the store's flat country columns)."""
    return sorted({a.country for a in actors if a.country})


def _coded(r: Mention | Event) -> dict[str, Any]:
    """What was done by whom to whom, as mentions and events both write it."""
    return {
        "type": r.type, "mode": r.mode, "cameo": r.cameo, "goldstein": r.goldstein, "quad_class": r.quad_class,
        "modality": r.modality, "channel": r.channel, "source": [a.to_dict() for a in r.source],
        "target": [a.to_dict() for a in r.target],
    }


def _dated(r: Mention | Event) -> dict[str, Any]:
    return {"date": iso_date(r.date), "date_end": iso_date(r.date_end), "date_precision": r.date_precision,
            "date_text": r.date_text}


@dataclass(slots=True)
class Event:
    """One real-world exchange: the mentions that report it, from one or many documents, merged.

    Its fields are the merged values (type by confidence-weighted vote, the finest date and place reported,
    all actors), plus how widely it was reported: ``mentions`` sentences, ``sources`` distinct outlets,
    ``documents``; ``document_ids`` and ``urls`` are the callers' ids and links of those documents."""

    event_id: str
    type: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    modality: Modality
    channel: str
    source: list[Actor]
    target: list[Actor]
    date: dt.date | None
    date_end: dt.date | None
    date_precision: DatePrecision
    date_text: str | None
    location: Location | None
    sentence: str | None
    confidence: float
    mentions: int
    sources: int
    documents: int
    first_reported: dt.date | None
    last_reported: dt.date | None
    document_ids: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    @property
    def source_countries(self) -> list[str]:
        return countries_of(self.source)

    @property
    def target_countries(self) -> list[str]:
        return countries_of(self.target)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            **_coded(self),
            "source_countries": self.source_countries,
            "target_countries": self.target_countries,
            **_dated(self),
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "confidence": self.confidence,
            "mentions": self.mentions,
            "sources": self.sources,
            "documents": self.documents,
            "first_reported": iso_date(self.first_reported),
            "last_reported": iso_date(self.last_reported),
            "document_ids": list(self.document_ids),
            "urls": list(self.urls),
        }


@dataclass(slots=True)
class RunReport:
    """What one ``ingest`` did: counts, the store's totals after it, and each rejection's one-line reason."""

    run_id: int
    db: str
    ingested: int = 0
    duplicates: int = 0
    rejected: int = 0
    mentions: int = 0
    rejections: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Report:
    """The document a mention was read in, as exports cite it: identity, link, size and when the store took it
    in, without the text. ``sentence_offset`` is where the mention's sentence starts in the text (characters
    from 0), None when the sentence is not found there verbatim."""

    doc_id: str
    source_id: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: dt.date | None
    language: str
    added: dt.datetime | None
    length: int
    sentence_offset: int | None


@dataclass(slots=True, frozen=True)
class EventOrigin:
    """Where an event was first reported: the earliest published document among its reports (``report``),
    whether that document tells it in its lead (first paragraph, first sentences), and when the first of its
    documents entered the store (``added``). GDELT's IsRootEvent, SOURCEURL and DATEADDED."""

    event_id: str
    report: Report
    lead: bool
    added: dt.datetime | None


@dataclass(slots=True)
class ActorEntry:
    """A knowledge-base entry as it stood on a date: the ``actor`` (name, country and sector then), what it is
    (``kind``: person or body) and the office it held then (``title``, ``term_start``, ``term_end``); ``standing``
    says how that term relates to the date: active, past (after its last term), future (before its first) or
    latest (no date asked)."""

    actor: Actor
    kind: str
    title: str | None
    term_start: dt.date | None
    term_end: dt.date | None
    standing: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.actor.to_dict(), "kind": self.kind, "title": self.title,
                "term_start": iso_date(self.term_start), "term_end": iso_date(self.term_end),
                "standing": self.standing}
# -- analysis inputs (issue 13): the slices of stored events and mentions the relationship index reads ---------


@dataclass(slots=True, frozen=True)
class IndexEvent:
    """One stored event as the relationship index weighs it: its Goldstein value and quad class, the coder's
    confidence, how many independent outlets report it, and the documents (content hashes) behind it."""

    event_id: str
    date: dt.date
    goldstein: float | None
    quad_class: int | None
    confidence: float
    sources: int
    channel: str
    modality: Modality
    doc_ids: tuple[str, ...]
    date_precision: DatePrecision = "day"


@dataclass(slots=True, frozen=True)
class IndexMention:
    """One stored mention as the usual GDELT recipe reads it: a raw report with its Goldstein value."""

    mention_id: str
    date: dt.date
    goldstein: float | None
    doc_id: str
    modality: Modality
    date_precision: DatePrecision = "day"
    channel: str = ""
