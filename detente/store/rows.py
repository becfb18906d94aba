"""Rows and records: how a coded mention or an event becomes a row of the store, and a row a typed record again.

Pure functions shared by the store's writes and reads (``db``) and the server's snapshot (``pages``), so a record
read through either path is built the same way.
"""

from __future__ import annotations

import json
from typing import Any

from detente.clustering import ClusterMention, LightMention, light_mention
from detente.records import Actor, Document, Event, Location, Mention, countries_of


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def mention_row(doc_id: str, rec: Mention) -> tuple[Any, ...]:
    """The ``mentions`` row for one coded record (column order of ``queries.MENTION_COLUMNS``)."""
    return (
        rec.mention_id, doc_id, rec.sentence_index, rec.sentence, rec.type, rec.mode, rec.cameo, rec.goldstein,
        rec.quad_class, rec.modality, rec.channel, to_json([a.to_dict() for a in rec.source]),
        to_json([a.to_dict() for a in rec.target]), to_json(rec.speaker.to_dict()) if rec.speaker else None,
        countries_of(rec.source), countries_of(rec.target), rec.trigger, rec.date, rec.date_end, rec.date_precision,
        rec.date_text, to_json(rec.location.to_dict()) if rec.location else None, rec.confidence,
    )


def event_row(e: Event) -> tuple[Any, ...]:
    """The ``events`` row for one event (column order of ``queries.EVENT_COLUMNS``)."""
    return (
        e.event_id, e.type, e.mode, e.cameo, e.goldstein, e.quad_class, e.modality, e.channel,
        to_json([a.to_dict() for a in e.source]), to_json([a.to_dict() for a in e.target]), e.source_countries,
        e.target_countries, e.date, e.date_end, e.date_precision, e.date_text,
        to_json(e.location.to_dict()) if e.location else None, e.sentence, e.confidence, e.mentions, e.sources,
        e.documents, e.first_reported, e.last_reported,
    )


def actors_from(text: str | None) -> list[Actor]:
    return [Actor.from_dict(a) for a in json.loads(text or "[]")]


def location_from(text: str | None) -> Location | None:
    return Location.from_dict(json.loads(text)) if text else None


def event_from_row(row: dict[str, Any]) -> Event:
    return Event(
        event_id=row["event_id"], type=row["type"], mode=row["mode"], cameo=row["cameo"],
        goldstein=row["goldstein"], quad_class=row["quad_class"], modality=row["modality"],
        channel=row["channel"], source=actors_from(row["source"]), target=actors_from(row["target"]), date=row["date"],
        date_end=row["date_end"], date_precision=row["date_precision"], date_text=row["date_text"],
        location=location_from(row["location"]), sentence=row["sentence"], confidence=row["confidence"],
        mentions=row["mentions"], sources=row["sources"], documents=row["documents"],
        first_reported=row["first_reported"], last_reported=row["last_reported"],
        document_ids=list(row.get("document_ids") or []), urls=list(row.get("urls") or []),
    )


def mention_from_row(row: dict[str, Any]) -> Mention:
    speaker = json.loads(row["speaker"]) if row["speaker"] else None
    return Mention(
        mention_id=row["mention_id"], doc_id=row["doc_id"], sentence=row["sentence"],
        sentence_index=row["sentence_index"], type=row["type"], mode=row["mode"], cameo=row["cameo"],
        goldstein=row["goldstein"], quad_class=row["quad_class"], modality=row["modality"], channel=row["channel"],
        source=actors_from(row["source"]), target=actors_from(row["target"]),
        speaker=Actor.from_dict(speaker) if speaker else None, trigger=row["trigger"], date=row["date"],
        date_end=row["date_end"], date_precision=row["date_precision"], date_text=row["date_text"],
        location=location_from(row["location"]), confidence=row["confidence"], document_id=row["source_id"],
        url=row["url"], event_id=row["event_id"],
    )


def mention_in(mention: dict[str, Any], document: dict[str, Any]) -> Mention:
    """A mention row read apart from its document's row: the document gives its public id and URL."""
    return mention_from_row({**mention, "source_id": document["source_id"], "url": document["url"]})


def document_from_row(row: dict[str, Any]) -> Document:
    return Document(
        id=row.get("doc_id") or row["id"], text=row["text"], source_id=row["source_id"], origin=row["origin"],
        published=row["published"], published_raw=row["published_raw"], title=row["title"], outlet=row["outlet"],
        url=row["url"], language=row["language"] or "en", genre=row["genre"],
    )


def cluster_mention_from_row(row: dict[str, Any]) -> ClusterMention:
    return ClusterMention(
        mention_id=row["mention_id"], doc_id=row["doc_id"], old_event_id=row["event_id"],
        sentence_index=row["sentence_index"], sentence=row["sentence"], type=row["type"], mode=row["mode"],
        cameo=row["cameo"], goldstein=row["goldstein"], quad_class=row["quad_class"],
        modality=row["modality"], channel=row["channel"], source=json.loads(row["source"] or "[]"),
        target=json.loads(row["target"] or "[]"), date=row["date"], date_end=row["date_end"],
        precision=row["date_precision"], date_text=row["date_text"],
        location=json.loads(row["location"]) if row["location"] else None,
        confidence=row["confidence"] if row["confidence"] is not None else 0.5,
        published=row["published"], outlet=row["outlet"], countries=tuple(row["countries"] or ()),
        weak=bool(row["weak"]), lo=row["lo"], hi=row["hi"], sentence_key=row["sentence_key"],
        document_id=row["document_id"], url=row["url"],
        speaker=json.loads(row["speaker"]) if row.get("speaker") else None, trigger=row.get("trigger"),
    )


def light_from_row(row: dict[str, Any]) -> LightMention:
    actors = [(a["id"], a["name"], a["country"]) for a in [*(row["src"] or ()), *(row["tgt"] or ())]]
    return light_mention(
        row["mention_id"], row["doc_id"], event_type=row["type"], modality=row["modality"],
        countries=row["countries"] or (), weak=bool(row["weak"]), precision=row["date_precision"], lo=row["lo"],
        hi=row["hi"], actors=actors, place=row["place"], place_precision=row["place_precision"],
        sentence_key=row["sentence_key"],
    )
