"""A local web site (127.0.0.1 only) with articles, a feed, robots.txt and misbehaving routes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from detente.readers.web import Fetcher, FetchLimits
from tests.local_site import LocalSite, standard_site

QUICK = FetchLimits(max_bytes=1_000_000, connect_timeout=2.0, read_timeout=0.5, total_timeout=5.0, max_redirects=5)


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    with standard_site() as site:
        yield site


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    """A fetcher with short timeouts, so the slow route fails in half a second."""
    with Fetcher(QUICK) as client:
        yield client
