"""Synthetic documents and mentions for clustering tests."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from detente.records import Actor, Document, Location, Mention
from detente.store.db import Store

BIDEN = ("Joe Biden", "USA")
XI = ("Xi Jinping", "CHN")
BLINKEN = ("Antony Blinken", "USA")
WANG = ("Wang Yi", "CHN")
SULLIVAN = ("Jake Sullivan", "USA")
US = ("United States", "USA")
CHINA = ("China", "CHN")
BALI = Location(text="Bali", name="Bali", country="IDN", lat=-8.4, lon=115.2, precision="region")
MALTA = Location(text="Malta", name="Malta", country="MLT", lat=35.9, lon=14.4, precision="country")
VALLETTA = Location(text="Valletta", name="Valletta", country="MLT", lat=35.9, lon=14.5, precision="city")
WASHINGTON = Location(text="Washington", name="Washington", country="USA", lat=38.9, lon=-77.0)


def actor(spec: tuple[str, str]) -> Actor:
    """A resolved actor with an id shaped like the knowledge base's."""
    name, country = spec
    if spec in (US, CHINA):
        return Actor(text=name, name=name, country=country, sector="GOV", id=f"country/{country}")
    if name.endswith(" officials"):  # a group: the resolver gives no id
        return Actor(text=name, name=name, country=country, sector="GOV", id=None)
    ident = f"person/{country.lower()}/{re.sub(r'[^a-z]+', '-', name.lower())}"
    return Actor(text=name, name=name, country=country, sector="GOV", id=ident)


def _actor(spec: tuple[str, str] | Actor) -> Actor:
    return spec if isinstance(spec, Actor) else actor(spec)


def group(text: str, country: str, sector: str) -> Actor:
    """An unnamed group the resolver placed in a country and a sector ("security forces", "militants")."""
    return Actor(text=text, name=None, country=country, sector=sector, id=None)


def body(name: str, country: str, sector: str = "GOV") -> Actor:
    """A named institution of the knowledge base."""
    return Actor(text=name, name=name, country=country, sector=sector,
                 id=f"body/{country.lower()}/{re.sub(r'[^a-z]+', '-', name.lower())}")


def nation(name: str, country: str) -> Actor:
    """The country itself as an actor ("Kenya launched an operation")."""
    return Actor(text=name, name=name, country=country, sector=None, id=f"country/{country}")


def doc(
    doc_id: str, published: str | None, outlet: str | None = None, title: str | None = None, genre: str = "news"
) -> Document:
    return Document(
        id=doc_id, text=f"text of {doc_id}", source_id=doc_id,
        published=dt.date.fromisoformat(published) if published else None,
        outlet=outlet, title=title or f"Title of {doc_id}", genre=genre,  # type: ignore[arg-type]
    )


def rec(
    doc_id: str,
    index: int,
    *,
    type: str = "CONSULT",
    source: Sequence[tuple[str, str] | Actor] = (BIDEN,),
    target: Sequence[tuple[str, str] | Actor] = (XI,),
    date: str | None = None,
    date_end: str | None = None,
    precision: str = "day",
    modality: str = "asserted",
    location: Location | None = None,
    confidence: float = 0.8,
    mode: str | None = None,
    cameo: str | None = "040",
    channel: str = "diplomatic",
    sentence: str | None = None,
    speaker: tuple[str, str] | Actor | None = None,
    trigger: str | None = None,
) -> Mention:
    return Mention(
        mention_id=f"{doc_id}-m{index}", doc_id=doc_id, sentence=sentence or f"sentence {index} of {doc_id}",
        sentence_index=index, type=type, mode=mode, cameo=cameo, goldstein=1.0, quad_class=1,
        modality=modality,  # type: ignore[arg-type]
        channel=channel, source=[_actor(a) for a in source], target=[_actor(a) for a in target],
        date=dt.date.fromisoformat(date) if date else None,
        date_end=dt.date.fromisoformat(date_end) if date_end else None,
        date_precision=precision,  # type: ignore[arg-type]
        location=location, confidence=confidence, speaker=_actor(speaker) if speaker else None, trigger=trigger,
    )


Batch = list[tuple[Document, list[Mention]]]


def ingest(path: Path, *batches: Batch) -> Store:
    store = Store(path)
    for batch in batches:
        store.add_batch(batch)
    return store


def events(store: Store) -> list[dict[str, Any]]:
    cur = store.con.execute("SELECT * FROM events ORDER BY event_id")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def membership(store: Store) -> dict[str, list[str]]:
    """event id → its mention ids; every mention must belong to an event that exists."""
    rows = store.con.execute("SELECT event_id, mention_id FROM mentions ORDER BY mention_id").fetchall()
    known = {e["event_id"] for e in events(store)}
    out: dict[str, list[str]] = {}
    for event_id, mention_id in rows:
        assert event_id in known, f"{mention_id} points at missing event {event_id}"
        out.setdefault(event_id, []).append(mention_id)
    return out


def groups(store: Store) -> list[list[str]]:
    """The clusters as sorted lists of mention ids, independent of event ids."""
    return sorted(membership(store).values())
