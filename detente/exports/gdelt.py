"""GDELT 2.0 event and mention files: the 61 event columns and 16 mention columns of GDELT's codebook
(``data/gdelt_events.tsv``, ``data/gdelt_mentions.tsv``), tab-separated, one event or mention per line.

Each row is built as a dict keyed by GDELT's column names and written in the codebook's order; what detente
does not know stays empty (never a made-up 0). docs/exports.md maps every column."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO
from urllib.parse import urlsplit

from detente.analysis.tone import sentence_tone
from detente.exports import codes, geonames
from detente.exports.output import neutralize, tsv_cell
from detente.records import Actor, Event, EventOrigin, Location, Mention, Report

EVENT_COLUMNS = "gdelt_events.tsv"
MENTION_COLUMNS = "gdelt_mentions.tsv"
# A lead is the first paragraph, and at most this many sentences of it (GDELT's IsRootEvent).
LEAD_SENTENCES = 3
_HEX = re.compile(r"[0-9a-f]{15,}")


def global_event_id(event_id: str) -> int:
    """GDELT's integer id for an event: its id's first 15 hex digits read as a number (below 2**60, so a
    signed 64-bit integer anywhere), so ``format(n, "015x")`` is a prefix of the id that ``detente events --id``
    accepts. An id that is not hex is hashed (SHA-256) first."""
    digits = event_id.lower()
    if not _HEX.fullmatch(digits):
        digits = hashlib.sha256(event_id.encode("utf-8")).hexdigest()
    return int(digits[:15], 16)


def timestamp(moment: dt.datetime | None) -> str | None:
    """YYYYMMDDHHMMSS, as GDELT writes DATEADDED."""
    return moment.strftime("%Y%m%d%H%M%S") if moment else None


def fraction_date(day: dt.date) -> float:
    """GDELT's FractionDate: YYYY.FFFF with FFFF = ((month - 1) * 30 + day) / 365, as GDELT's files compute it
    (1979-01-01 is 1979.0027; the codebook's prose says month * 30, which would pass 1 in December)."""
    return round(day.year + ((day.month - 1) * 30 + day.day) / 365, 4)


def principal(actors: list[Actor]) -> Actor | None:
    """The one actor a GDELT row has room for: the first with a country, else the first."""
    return next((a for a in actors if a.country), actors[0] if actors else None)


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if actor is None:
        return out
    country = codes.cameo_country(actor.country)
    igo = codes.igo_code(actor.id) if actor.country == "IGO" else None
    kind = codes.cameo_type(actor.sector)
    base = igo[0] if igo else country or ""
    code = base if kind is None or base.endswith(kind) else base + kind
    name = actor.name or actor.text
    out[f"{prefix}Code"] = code or None
    out[f"{prefix}Name"] = name.upper() if name else None
    out[f"{prefix}CountryCode"] = country if country not in codes.NON_STATE else None
    out[f"{prefix}KnownGroupCode"] = igo[1] if igo else None
    out[f"{prefix}Type1Code"] = kind
    return out


def geo_type(location: Location) -> int:
    """1 country, 2 US state, 3 US city or landmark, 4 other city or landmark, 5 other region."""
    us = location.country == "USA"
    if location.precision == "country":
        return 1
    if location.precision == "region":
        return 2 if us else 5
    return 3 if us else 4


def _geo(prefix: str, location: Location | None) -> dict[str, Any]:
    if location is None:
        return {}
    country = codes.country(location.country)
    fips = country.fips if country else None
    kind = geo_type(location)
    point = (location.lat, location.lon) if _known_point(location.lat, location.lon) else (None, None)
    place = None if kind == 1 else geonames.at_point(country.iso2 if country else None, *point)
    admin1 = None
    if kind == 1:
        admin1 = fips
    elif fips and place and place.admin1 and country and country.iso2 not in codes.admin1_not_fips():
        admin1 = fips + place.admin1
    country_name = country.name if country else None
    if kind == 1:
        full = country_name or location.name
    else:
        full = ", ".join(x for x in (location.name, country_name) if x)
    feature: str | None = None
    if kind == 1:
        feature = fips
    elif kind in (2, 5):
        feature = admin1
    elif place is not None:
        feature = str(place.geonameid)
    return {
        f"{prefix}_Type": kind, f"{prefix}_FullName": full, f"{prefix}_CountryCode": fips,
        f"{prefix}_ADM1Code": admin1, f"{prefix}_Lat": point[0], f"{prefix}_Long": point[1],
        f"{prefix}_FeatureID": feature,
    }


def _known_point(lat: float | None, lon: float | None) -> bool:
    """A point the coder resolved; (0, 0) is the mark of a missing one, never a place it resolves."""
    return lat is not None and lon is not None and not (lat == 0 and lon == 0)


def citation(report: Report) -> str | None:
    """The document's URL, else a textual citation: outlet, title, publication date, the caller's id."""
    if report.url:
        return report.url
    parts = [report.outlet, report.title, report.published.isoformat() if report.published else None,
             report.source_id or report.doc_id]
    return "; ".join(p for p in parts if p) or None


def source_name(report: Report) -> str | None:
    """The web domain of the document's URL (without ``www.``), else its outlet."""
    if report.url:
        host = urlsplit(report.url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    return report.outlet


def gdelt_tone(sentences: Sequence[str]) -> float | None:
    """GDELT's tone scale (-100 to +100) for what reports an event: the mean tone of its sentences
    (``analysis.tone``, VADER with diplomacy words) times 100. GDELT scores whole documents; detente scores
    the sentences that report the event, which is what the row is about (docs/exports.md)."""
    if not sentences:
        return None
    return round(100 * sum(sentence_tone(s) for s in sentences) / len(sentences), 2)


def event_row(event: Event, origin: EventOrigin | None, sentences: Sequence[str] = ()) -> dict[str, Any]:
    day = event.date
    cameo = event.cameo or None
    row: dict[str, Any] = {
        "GLOBALEVENTID": global_event_id(event.event_id),
        "SQLDATE": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": f"{fraction_date(day):.4f}" if day else None,
        **_actor("Actor1", principal(event.source)),
        **_actor("Actor2", principal(event.target)),
        "IsRootEvent": (1 if origin.lead else 0) if origin else None,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": cameo[:2] if cameo else None,
        "QuadClass": event.quad_class,
        "GoldsteinScale": event.goldstein,
        "NumMentions": event.mentions,
        "NumSources": event.sources,
        "NumArticles": event.documents,
        "AvgTone": gdelt_tone(sentences),
        **_geo("ActionGeo", event.location),
        "DATEADDED": timestamp(origin.added) if origin else None,
        "SOURCEURL": citation(origin.report) if origin else None,
    }
    return row


def _offset(report: Report, sentence: str, text: str | None) -> int | None:
    """Where ``text`` starts in the document: the sentence's offset plus its place in the sentence."""
    if report.sentence_offset is None or not text:
        return None
    at = sentence.find(text)
    return report.sentence_offset + at if at >= 0 else None


def mention_row(mention: Mention, report: Report, origin: EventOrigin | None) -> dict[str, Any]:
    source, target = principal(mention.source), principal(mention.target)
    trigger = (mention.trigger or "").split("…")[0].strip()
    return {
        "GLOBALEVENTID": global_event_id(mention.event_id) if mention.event_id else None,
        "EventTimeDate": timestamp(origin.added) if origin else None,
        "MentionTimeDate": timestamp(report.added),
        "MentionType": 1 if report.url else 2,
        "MentionSourceName": source_name(report),
        "MentionIdentifier": citation(report),
        "SentenceID": mention.sentence_index + 1,
        "Actor1CharOffset": _offset(report, mention.sentence, source.text if source else None),
        "Actor2CharOffset": _offset(report, mention.sentence, target.text if target else None),
        "ActionCharOffset": _offset(report, mention.sentence, trigger),
        "InRawText": 1,
        "Confidence": round(mention.confidence * 100),
        "MentionDocLen": report.length,
        "MentionDocTone": gdelt_tone([mention.sentence]),
        "MentionDocTranslationInfo": None,
        "Extras": None,
    }


def tsv_line(table: str, row: dict[str, Any]) -> str:
    """One row in the codebook's column order; text cells on one line, formulas neutralized."""
    columns = codes.columns(table)
    unknown = set(row) - {name for name, _ in columns}
    if unknown:
        raise KeyError(f"not GDELT columns of {table}: {', '.join(sorted(unknown))}")
    return "\t".join(_cell(row.get(name), kind) for name, kind in columns) + "\n"


def header_line(table: str) -> str:
    return "\t".join(name for name, _ in codes.columns(table)) + "\n"


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    text = tsv_cell(str(value))
    return neutralize(text) if kind == "STRING" else text


def write_rows(table: str, rows: Iterable[dict[str, Any]], stream: TextIO, *, header: bool = False) -> int:
    if header:
        stream.write(header_line(table))
    count = 0
    for row in rows:
        stream.write(tsv_line(table, row))
        count += 1
    return count
