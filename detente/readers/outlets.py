"""Outlet from a record's URL, when neither the record nor the text names it.

Counting how many outlets reported an event needs an outlet on every document that has one to give; a URL's
domain is the most reliable hint scraped records carry.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from detente.datafiles import load


@cache
def _names() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (load("detente.readers", "outlets.yaml") or {}).items()}


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's name for a known domain (or any of its subdomains), else the bare domain; None for no URL."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:  # "http://[abc" (a broken IPv6 literal), a netloc that NFKC changes: no outlet to give
        return None
    if not host or "." not in host or not host.isprintable():
        return None
    host = host.removeprefix("www.")
    names = _names()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = names.get(".".join(parts[i:]))
        if name:
            return name
    return host
