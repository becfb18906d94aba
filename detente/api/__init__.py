"""The Python API: a few verbs that compose, over typed records. The CLI is a thin shell over the same functions.

    import detente
    pipe = detente.load()                                   # the model and tables, loaded once
    pipe.code("Wang Yi met Antony Blinken in Beijing on Monday.", published="2023-06-19")
    report = detente.ingest(["examples/"], db="detente.duckdb")
    for event in detente.events("detente.duckdb", dyad="CHN-USA", since="2023-06"):
        print(event.date, event.type, [a.name for a in event.source])

Heavy modules (spaCy, the knowledge base) load on first use, so ``import detente`` stays cheap. One module per
job: ``reading`` (documents from paths), ``pipeline`` (coding and ingesting), ``stores`` (opening the store),
``filters`` (dyad, period and the event query), ``stored`` (records read back), ``exporting``, ``knowledge``
(the actor knowledge base), ``analyses`` (index, quotes, numbers, tone, what's next) and ``briefing`` (the
weekly brief); every verb is importable from here, as ``detente.api.<name>``.
"""

from __future__ import annotations

# Names with an alias ("x as x") are importable here, as before the split, but not star-exported: the CLI, the
# server, watch, scripts and tests use them.
from detente.api.analyses import index, numbers, quotes, tone, upcoming
from detente.api.briefing import brief
from detente.api.briefing import brief_data as brief_data
from detente.api.errors import SetupError
from detente.api.exporting import export
from detente.api.filters import event_query as event_query
from detente.api.filters import parse_dyad as parse_dyad
from detente.api.filters import parse_period
from detente.api.knowledge import actors
from detente.api.pipeline import Pipeline, ingest, load
from detente.api.reading import accepted, read
from detente.api.reading import read_items as read_items
from detente.api.stored import documents, event, events, evidence, recluster
from detente.api.stores import DbArg as DbArg
from detente.api.stores import PathLike as PathLike
from detente.api.stores import open_store
from detente.store.db import StoreError

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
