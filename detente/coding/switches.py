"""The on/off switch of a learned layer: an environment variable over the data file's ``enabled`` default.

The statistical layer (``classifier``) and the learned check (``verifier``) ship off or on in their data files;
a user or an evaluation turns either on or off for one run without editing the file. Both read their variable
the same way, so that "on" means the same thing to each.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Protocol, TypeVar

_ON = frozenset({"on", "1", "true", "yes"})
_OFF = frozenset({"off", "0", "false", "no"})


class Switchable(Protocol):
    """A model whose data file says whether it is on by default."""

    @property
    def enabled(self) -> bool: ...


M = TypeVar("M", bound=Switchable)


def env_switch(name: str) -> bool | None:
    """What the variable ``name`` says: on, off, or nothing (None); another value raises ``ValueError``, so a
    typo never silently leaves a layer in its default state."""
    env = os.environ.get(name, "").strip().lower()
    if env in _ON:
        return True
    if env in _OFF:
        return False
    if env:
        raise ValueError(f"{name}={env!r}: must be on or off")
    return None


def switched(on: bool | None, load: Callable[[], M]) -> M | None:
    """The model ``load`` gives when ``on`` (the variable's word) or, with no word, its own ``enabled`` says so;
    switched off, the model is never loaded."""
    if on is False:
        return None
    model = load()
    return model if on or model.enabled else None
