"""detente: political event data for a pair of countries.

The public API (see README): ``load`` a pipeline and ``code`` text, ``read`` documents, ``ingest`` them into a
store, and read ``events``, their ``evidence`` and ``documents`` back as typed records.
"""

from detente.api import (
    Pipeline,
    SetupError,
    StoreError,
    actors,
    brief,
    documents,
    event,
    events,
    evidence,
    export,
    index,
    ingest,
    load,
    numbers,
    open_store,
    parse_period,
    quotes,
    read,
    recluster,
    tone,
    upcoming,
)
from detente.records import Actor, DateResolution, Document, Event, Location, Mention, RunReport, Sentence

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "DateResolution",
    "Document",
    "Event",
    "Location",
    "Mention",
    "Pipeline",
    "RunReport",
    "Sentence",
    "SetupError",
    "StoreError",
    "__version__",
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
