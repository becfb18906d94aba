"""The API's own error: a setup that cannot work, raised before anything is read or stored."""

from __future__ import annotations


class SetupError(RuntimeError):
    """The setup cannot work (a bad actor file, an unknown model or option): nothing was read or stored."""
