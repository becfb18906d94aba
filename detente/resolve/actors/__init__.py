"""Actors: an offline, time-aware knowledge base and the resolution of actor spans (issue 3, docs/actors.md)."""

from ._data import NON_STATE, ActorDataError, country_codes
from .context import DocumentActors
from .kb import ActorKB, default_kb

__all__ = ["NON_STATE", "ActorDataError", "ActorKB", "DocumentActors", "country_codes", "default_kb"]
