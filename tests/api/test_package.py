"""The API package keeps every name the single module ``detente/api.py`` had: callers import ``detente.<name>``
and ``detente.api.<name>``, and the split into one module per job must not be visible to them."""

from __future__ import annotations

import importlib
import subprocess
import sys

import detente
import detente.api
from tests.conftest import ROOT

# What detente/api.py defined and others used before the split (its __all__ plus the names imported from it
# across detente/, tests/, scripts/ and bench/), with the module of the package that now does that job.
HOMES = {
    "accepted": "reading", "read": "reading", "read_items": "reading",
    "Pipeline": "pipeline", "load": "pipeline", "ingest": "pipeline",
    "open_store": "stores", "DbArg": "stores", "PathLike": "stores",
    "parse_dyad": "filters", "parse_period": "filters", "event_query": "filters",
    "events": "stored", "event": "stored", "evidence": "stored", "documents": "stored", "recluster": "stored",
    "export": "exporting",
    "actors": "knowledge",
    "index": "analyses", "quotes": "analyses", "numbers": "analyses", "tone": "analyses", "upcoming": "analyses",
    "brief": "briefing", "brief_data": "briefing",
    "SetupError": "errors",
}
ALL = ["Pipeline", "SetupError", "StoreError", "accepted", "actors", "brief", "documents", "event", "events",
       "evidence", "export", "index", "ingest", "load", "numbers", "open_store", "parse_period", "quotes", "read",
       "recluster", "tone", "upcoming"]


def test_every_name_is_where_it_was_and_comes_from_the_module_of_its_job() -> None:
    for name, home in HOMES.items():
        module = importlib.import_module(f"detente.api.{home}")
        assert getattr(detente.api, name) is getattr(module, name), name


def test_the_star_exports_are_unchanged_and_each_is_also_detente_name() -> None:
    assert detente.api.__all__ == ALL
    for name in ALL:
        if name != "accepted":  # detente/__init__.py never re-exported it
            assert getattr(detente, name) is getattr(detente.api, name), name


def test_no_module_of_the_package_loads_spacy_or_the_knowledge_base_on_import() -> None:
    homes = ", ".join(sorted({f"detente.api.{m}" for m in HOMES.values()}))
    code = (f"import sys, {homes}; "
            "print(sorted(m for m in ('spacy', 'detente.coding', 'detente.resolve.actors') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
