"""How records read on a page: dates at their precision, actor names, the trigger word marked in its sentence,
links only to http(s) addresses. Every piece of stored text is escaped here or by the templates' autoescape.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from detente.records import Actor, Document, Event, Location, Mention


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address with a host, else None (no javascript:, data:, relative links)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\r\n\t "):
        return None
    return url


def period(date: dt.date | None, end: dt.date | None, precision: str) -> str:
    """The date as precisely as it is known: 2023-09-16, 2023-09-16 – 2023-09-17, 2022-11, 2023."""
    if date is None:
        return "date unknown"
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{date:%Y-%m}"
    text = date.isoformat()
    if end is not None and end != date:
        text += f" – {end.isoformat()}"
    return text


def precision_note(precision: str) -> str:
    return {"unresolved": "publication date (the text gives none)"}.get(precision, precision)


def names(actors: list[Actor]) -> str:
    """"Wang Yi, Antony Blinken" — each actor once, by its resolved name, else its words, else its country."""
    return ", ".join(dict.fromkeys(a.name or a.text or a.country or "?" for a in actors)) or "—"


def place(location: Location | None) -> str:
    if location is None:
        return "—"
    country = f", {location.country}" if location.country and location.country != location.name else ""
    return f"{location.name}{country}"


def map_point(location: Location | None) -> tuple[float, float] | None:
    """The place on the world outline's equirectangular plane (x = longitude, y = -latitude), if known."""
    if location is None or location.lat is None or location.lon is None:
        return None
    lat, lon = float(location.lat), float(location.lon)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return round(lon, 3), round(-lat, 3)


def highlighted(mention: Mention) -> Markup:
    """The sentence with its trigger word in ``<mark>``; both escaped."""
    sentence, trigger = mention.sentence, (mention.trigger or "").strip()
    match = re.search(r"(?<!\w)" + re.escape(trigger) + r"(?!\w)", sentence, re.IGNORECASE) if trigger else None
    if match is None:
        return Markup(escape(sentence))
    return (escape(sentence[: match.start()]) + Markup("<mark>") + escape(match.group(0)) + Markup("</mark>")
            + escape(sentence[match.end():]))


def tone(quad_class: int | None) -> str:
    """A CSS class for the event's quad class: cooperation or conflict, verbal or material."""
    return {1: "verbal-coop", 2: "material-coop", 3: "verbal-conflict", 4: "material-conflict"}.get(
        quad_class or 0, "neutral")


def outlets(evidence: list[tuple[Mention, Document]]) -> list[str]:
    """The outlets behind an event's evidence, each once, in the evidence's order (oldest report first)."""
    return list(dict.fromkeys(doc.outlet for _, doc in evidence if doc.outlet))


def event_title(e: Event) -> str:
    target = names(e.target)
    return f"{names(e.source)} → {target}" if e.target else names(e.source)
