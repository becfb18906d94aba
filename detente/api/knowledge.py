"""The actor knowledge base as the verbs use it: searched by name (``actors``), or loaded for a verb that
resolves speakers and countries, with a bad actor file reported as a setup error."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from detente.api.errors import SetupError
from detente.api.stores import PathLike
from detente.config import resolve_actor_paths
from detente.records import ActorEntry

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB


def actors(text: str, *, on: str | dt.date | None = None, limit: int = 20,
           actor_files: Sequence[PathLike] | None = None) -> list[ActorEntry]:
    """Knowledge-base entries whose name or an alias has the words ``text``, each as it stood ``on`` a day
    (YYYY-MM-DD or a date): its country, sector and the office it held then. ``actor_files`` (default
    ``DETENTE_ACTORS``) add to the bundled knowledge base."""
    from detente.resolve.actors import ActorKB, default_kb

    day = dt.date.fromisoformat(on) if isinstance(on, str) else on
    paths = resolve_actor_paths([os.fspath(p) for p in actor_files or ()])
    kb = ActorKB.load(paths) if paths else default_kb()
    return kb.search(text, day, limit=limit)


def actor_kb(actors: Sequence[PathLike] | None = None) -> ActorKB:
    """The bundled knowledge base plus ``actors`` (default ``DETENTE_ACTORS``); a bad file raises ``SetupError``."""
    return load_actor_kb(resolve_actor_paths([os.fspath(p) for p in actors or ()]))


def load_actor_kb(paths: Sequence[str]) -> ActorKB:
    """The bundled knowledge base plus the actor files ``paths`` (already resolved): a bad or unreadable file is
    a setup error, raised before any work, for the pipeline's coder and the analysis verbs alike."""
    from detente.resolve.actors import ActorDataError, ActorKB

    try:
        return ActorKB.load(paths)
    except (ActorDataError, OSError) as exc:
        raise SetupError(f"detente: actor knowledge base: {exc}") from exc
