"""What counts as a URL among the inputs, and which URLs detente will fetch at all: http and https only.

Kept apart from the fetching (``web.py``, which brings in an HTTP client) so that telling a path from a URL costs
a regular expression, not an import.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SCHEMES = frozenset({"http", "https"})
# A scheme followed by ":" (two letters or more, so a Windows drive "C:" is a path): what makes an argument a URL.
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+:")


class URLError(ValueError):
    """A URL detente will not fetch; ``reason`` is the rejection text."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def looks_like_url(given: str) -> bool:
    """Whether an input names a URL, of any scheme: ``file:`` and ``javascript:`` are refused with a reason by
    ``check_url`` rather than read as missing files."""
    return bool(_URL_LIKE.match(given.strip()))


def check_url(url: str) -> str:
    """``url`` stripped, or ``URLError`` when it is not an http(s) URL with a host."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        raise URLError(f"invalid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        shown = f"'{scheme}'" if scheme else "none"
        raise URLError(f"unsupported URL scheme {shown} (only http and https)")
    if not host:
        raise URLError("invalid URL (no host)")
    return url
