"""PLOVER/POLECAT event records: one JSON object per event, with the field names of the PLOVER manual's "Data
Fields" chapter (id, date, actor, recipient, event, mode, context, quad_code, event_loc, event_text,
cite_info, coder) and detente's own fields beside them, as the manual invites. ``data/plover_event.schema.json``
is the record's JSON Schema; docs/exports.md lists every field."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import metadata
from typing import Any

from detente.exports import codes, geonames
from detente.records import Actor, Event, EventOrigin, Location, Mention, Report, iso_date

SCHEMA = "data/plover_event.schema.json"
CODEBOOK = "PLOVER manual draft 0.8"
# PLOVER's location resolution: 5 sub-city, 4 city, 3 district, 2 province, 1 country.
RESOLUTION = {"place": 5, "city": 4, "region": 2, "country": 1}


def coder() -> str:
    try:
        return f"detente {metadata.version('detente')}"
    except metadata.PackageNotFoundError:
        return "detente"


def entity(actor: Actor) -> dict[str, Any]:
    """PLOVER's entity object: country (or non-state) code, sector, the text, and the knowledge-base id."""
    return {"code": actor.country, "sector": actor.sector, "entity_text": actor.text,
            "identifier_id": actor.id, "identifier_text": actor.name}


def event_loc(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    country = codes.country(location.country)
    place = None
    if location.precision == "city" and country is not None:
        place = geonames.at_point(country.iso2, location.lat, location.lon)
    return {
        "extracted_place": location.text, "resolved_place": location.name,
        "geonameid": place.geonameid if place else None, "lat": location.lat, "lon": location.lon,
        "country": country.name if country else None, "country_code": location.country,
        "resolution": RESOLUTION.get(location.precision),
    }


def mention_text(mention: Mention, report: Report) -> dict[str, Any]:
    """One sentence behind the event, with PLOVER's text_info fields (sequence, start, end) and its document."""
    start = report.sentence_offset
    return {
        "mention_id": mention.mention_id, "text": mention.sentence, "sequence": mention.sentence_index + 1,
        "start": start, "end": start + len(mention.sentence) if start is not None else None,
        "doc_id": mention.doc_id, "document_id": report.source_id, "url": report.url,
        "publication": report.outlet, "title": report.title, "published": iso_date(report.published),
        "modality": mention.modality, "confidence": round(mention.confidence, 3),
    }


def cite_info(report: Report) -> dict[str, Any]:
    return {"url": report.url, "title": report.title, "publication": report.outlet, "language": report.language,
            "citation": report.source_id or report.doc_id, "coder": coder(), "codebook": CODEBOOK}


def record(event: Event, evidence: Iterable[tuple[Mention, Report]], origin: EventOrigin | None) -> dict[str, Any]:
    texts = [mention_text(m, r) for m, r in evidence]
    context = codes.plover_context(event.channel)
    out: dict[str, Any] = {
        "id": event.event_id,
        "date": iso_date(event.date),
        "enddate": iso_date(event.date_end),
        "actor": [entity(a) for a in event.source],
        "recipient": [entity(a) for a in event.target],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": [context] if context else [],
        "quad_code": event.quad_class,
        "event_loc": event_loc(event.location),
        "event_text": list(dict.fromkeys(t["text"] for t in texts)),
        "text_info": texts,
        "cite_info": cite_info(origin.report) if origin else None,
        "coder": coder(),
        # detente's own fields
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "channel": event.channel,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "confidence": event.confidence,
        "num_mentions": event.mentions,
        "num_sources": event.sources,
        "num_articles": event.documents,
        "first_reported": iso_date(event.first_reported),
        "last_reported": iso_date(event.last_reported),
    }
    return out
