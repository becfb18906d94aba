"""Fetching against a local site: limits, manners, and one clear reason for each way a fetch fails."""

from __future__ import annotations

import socket
import time

import pytest

from detente.readers.web import USER_AGENT, Fetcher, FetchError, FetchLimits
from tests.local_site import LocalSite, Page
from tests.readers.conftest import QUICK


def reason(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return caught.value.reason


def test_a_page_is_fetched_with_our_user_agent_after_robots_txt_once(site: LocalSite, fetcher: Fetcher) -> None:
    first = fetcher.get(site.url("/articles/1.html"))
    fetcher.get(site.url("/articles/2.html"))
    assert first.status == 200 and first.media_type == "text/html" and first.charset == "utf-8"
    assert b"Wang Yi met US Secretary of State" in first.content
    assert site.paths() == ["/robots.txt", "/articles/1.html", "/articles/2.html"]
    agents = {r.headers["user-agent"] for r in site.requests}
    assert agents == {USER_AGENT}
    assert USER_AGENT.startswith("detente/") and "(+https://" in USER_AGENT


def test_robots_txt_disallow_is_obeyed_without_requesting_the_page(site: LocalSite, fetcher: Fetcher) -> None:
    assert reason(fetcher, site.url("/private/memo.html")) == "disallowed by robots.txt"
    assert "/private/memo.html" not in site.paths()


def test_robots_txt_missing_allows_and_failing_disallows(site: LocalSite) -> None:
    del site.routes["/robots.txt"]  # 404: no rules
    with Fetcher(QUICK) as fetcher:
        assert fetcher.get(site.url("/private/memo.html")).status == 200
    site.routes["/robots.txt"] = Page(b"down", status=503)  # RFC 9309: a server error means stay out
    with Fetcher(QUICK) as fetcher:
        assert reason(fetcher, site.url("/articles/1.html")) == "disallowed by robots.txt"


def test_http_errors_timeouts_and_redirects_each_give_one_reason(site: LocalSite, fetcher: Fetcher) -> None:
    assert reason(fetcher, site.url("/nowhere.html")) == "HTTP 404 Not Found"
    started = time.monotonic()
    assert reason(fetcher, site.url("/slow.html")) == "timed out (no data for 0.5 s)"
    assert time.monotonic() - started < 2.5
    assert reason(fetcher, site.url("/loop/a")) == f"redirect loop (back to {site.url('/loop/a')})"
    assert reason(fetcher, site.url("/chain/0")) == "too many redirects (more than 5)"
    assert reason(fetcher, site.url("/to-file")) == (
        "redirect to file:///etc/passwd: unsupported URL scheme 'file' (only http and https)")
    moved = fetcher.get(site.url("/moved"))
    assert (moved.url, moved.final_url) == (site.url("/moved"), site.url("/articles/1.html"))


def test_a_body_over_the_limit_is_dropped_while_streaming(site: LocalSite, fetcher: Fetcher) -> None:
    started = time.monotonic()
    assert reason(fetcher, site.url("/huge")).startswith("over size limit (")  # no Content-Length, never ends
    assert time.monotonic() - started < 5
    # with a Content-Length, before reading any of it
    assert reason(fetcher, site.url("/big.html")) == "over size limit (2.4 MB > 1.0 MB)"


def test_a_trickling_body_hits_the_overall_deadline(site: LocalSite) -> None:
    limits = FetchLimits(max_bytes=10**9, read_timeout=5.0, total_timeout=0.3)
    with Fetcher(limits) as fetcher:
        assert reason(fetcher, site.url("/trickle")).startswith("timed out (body not complete in 0.3 s)")


def test_conditional_get_answers_not_modified(site: LocalSite, fetcher: Fetcher) -> None:
    site.routes["/tagged.html"] = Page(b"<html><body><p>tagged</p></body></html>", etag='"v1"')
    fresh = fetcher.get(site.url("/tagged.html"))
    again = fetcher.get(site.url("/tagged.html"), etag=fresh.etag, last_modified="Sat, 17 Feb 2024 12:00:00 GMT")
    assert (fresh.status, fresh.etag, again.not_modified, again.content) == (200, '"v1"', True, b"")
    assert site.requests[-1].headers["if-none-match"] == '"v1"'
    assert site.requests[-1].headers["if-modified-since"] == "Sat, 17 Feb 2024 12:00:00 GMT"


def test_a_closed_port_cannot_connect(fetcher: Fetcher) -> None:
    with socket.socket() as sock:  # a port nobody listens on, once this socket is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert reason(fetcher, f"http://127.0.0.1:{port}/a.html").startswith("cannot connect (")


def test_crawl_delay_spaces_requests_and_robots_txt_is_read_again_when_old(
        site: LocalSite, monkeypatch: pytest.MonkeyPatch) -> None:
    site.routes["/robots.txt"] = Page(b"User-agent: detente\nCrawl-delay: 1\nDisallow: /private/\n",
                                      content_type="text/plain")
    with Fetcher(QUICK) as fetcher:
        started = time.monotonic()
        fetcher.get(site.url("/articles/1.html"))
        fetcher.get(site.url("/articles/2.html"))
        assert time.monotonic() - started >= 1.0
    assert site.paths() == ["/robots.txt", "/articles/1.html", "/articles/2.html"]
    monkeypatch.setattr("detente.readers.web.ROBOTS_MAX_AGE", 0.0)
    with Fetcher(QUICK) as fetcher:
        fetcher.get(site.url("/articles/1.html"))
        fetcher.get(site.url("/articles/2.html"))
    assert site.paths()[3:] == ["/robots.txt", "/articles/1.html", "/robots.txt", "/articles/2.html"]
