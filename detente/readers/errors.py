"""Why an input was not turned into a document.

Readers yield a ``Rejection`` instead of raising so one bad file or line never stops a batch; the CLI prints
``message()`` on stderr and counts it.
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.textsafe import for_terminal


@dataclass(slots=True, frozen=True)
class Rejection:
    origin: str  # "PATH", "PATH:LINE" (1-based JSONL line) or "-:LINE" for stdin
    reason: str  # short and human: "empty file", "invalid JSON: ...", "impossible date '2023-02-30'"

    def message(self) -> str:
        """One line for stderr: ``PATH[:LINE]: reason``, control characters in a file name or a quoted value
        shown escaped (a newline in a file name stays on the line)."""
        reason = " ".join(self.reason.split())
        return for_terminal(f"{self.origin}: {reason}")


def over_size_limit(size: int, limit: int) -> str:
    """Reason for an input over the byte limit, sizes in units a person reads at a glance."""
    return f"over size limit ({_human(size)} > {_human(limit)})"


def _human(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"
