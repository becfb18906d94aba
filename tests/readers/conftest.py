"""A local web site (127.0.0.1 only) with articles, a feed, robots.txt and misbehaving routes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from detente.readers.web import Fetcher, FetchLimits
from tests.local_site import LocalSite, Page, article_page

ROBOTS = b"User-agent: *\nDisallow: /private/\n"
QUICK = FetchLimits(max_bytes=1_000_000, connect_timeout=2.0, read_timeout=0.5, total_timeout=5.0, max_redirects=5)


def standard_routes(site: LocalSite) -> None:
    """The pages most tests use; a test adds or replaces routes as it needs."""
    site.routes.update({
        "/robots.txt": Page(ROBOTS, content_type="text/plain"),
        "/articles/1.html": Page(article_page(
            "Wang Yi meets Blinken in Munich",
            "Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich on Friday, and "
            "the two sides said they would keep their channels of communication open.")),
        "/articles/2.html": Page(article_page(
            "China and US restart talks on fentanyl",
            "China and the United States held the first meeting of a working group on fentanyl in Beijing on "
            "Tuesday, the US embassy said.", date="2024-01-30T09:00:00Z")),
        "/private/memo.html": Page(article_page("A page robots.txt keeps out",
                                                "This page is disallowed for every robot by the site's rules.")),
        "/feed.xml": Page(site.feed("site_rss.xml"), content_type="application/rss+xml"),
        "/slow.html": Page(article_page("Slow", "A page that takes its time to arrive, longer than anyone waits."),
                           delay=3.0),
        "/loop/a": Page(status=302, headers={"Location": "/loop/b"}),
        "/loop/b": Page(status=302, headers={"Location": "/loop/a"}),
        "/moved": Page(status=301, headers={"Location": "/articles/1.html"}),
        "/to-file": Page(status=302, headers={"Location": "file:///etc/passwd"}),
        "/data.json": Page(b'{"text": "China and the United States held talks."}', content_type="application/json"),
        "/big.html": Page(b"<html><body>" + b"<p>words</p>" * 200_000 + b"</body></html>"),
    })
    for n in range(8):
        site.routes[f"/chain/{n}"] = Page(status=302, headers={"Location": f"/chain/{n + 1}"})


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    site = LocalSite()
    standard_routes(site)
    site.start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    """A fetcher with short timeouts, so the slow route fails in half a second."""
    with Fetcher(QUICK) as client:
        yield client
