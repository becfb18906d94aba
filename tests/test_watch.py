"""Watching feeds in process against the local site: conditional GETs, only new URLs and content ingested, a
feed going down and coming back, and a stop request ending the watch after the batch in hand."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import detente
from detente.readers import Rejection
from detente.readers.web import FetchLimits
from detente.watch import CycleReport, Watcher, parse_interval, watch_list
from tests.cli.conftest import table
from tests.local_site import LocalSite, Page, article_page, standard_site

LIMITS = FetchLimits(max_bytes=1_000_000, connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0)


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    with standard_site() as site:
        site.routes["/feed.xml"].etag = '"feed-v1"'  # before any request
        yield site


def test_intervals_and_watch_lists(tmp_path: Path) -> None:
    assert [parse_interval(t) for t in ("15m", "30s", "1h", "90", "2 min")] == [900, 30, 3600, 90, 120]
    for bad in ("0s", "soon", "-5m"):
        with pytest.raises(ValueError):
            parse_interval(bad)
    listing = tmp_path / "feeds.txt"
    listing.write_text("# outlets\nhttps://a.example/feed.xml\n\n  https://b.example/x.html  \nnot a url\n"
                       "https://a.example/feed.xml\n")
    urls, problems = watch_list([str(listing), "https://c.example/rss", str(tmp_path / "missing.txt")])
    assert urls == ["https://a.example/feed.xml", "https://b.example/x.html", "https://c.example/rss"]
    assert [p.message() for p in problems] == [
        f"{listing}:5: not a URL", f"{tmp_path / 'missing.txt'}: cannot read list (No such file or directory)"]


def test_cycles_ingest_only_what_is_new(site: LocalSite, pipeline: detente.Pipeline, tmp_path: Path) -> None:
    db = tmp_path / "watch.duckdb"
    refused: list[Rejection] = []
    reports: list[CycleReport] = []
    watcher = Watcher([site.url("/feed.xml"), site.url("/down.xml")], pipeline, db, limits=LIMITS,
                      on_reject=refused.append)
    site.routes["/down.xml"] = Page(b"busy", status=503)

    def cycle() -> CycleReport:
        with detente.readers.web.Fetcher(LIMITS) as fetcher:
            reports.append(watcher.cycle(fetcher))
        return reports[-1]

    first = cycle()  # two articles; the 404 and the javascript: link refused; the other feed down
    assert first.run is not None and (first.run.ingested, first.run.rejected) == (2, 2)
    assert (first.sources, first.failed, first.unchanged) == (2, 1, 0)
    assert sorted(r.message() for r in refused) == sorted([
        f"{site.url('/articles/gone.html')}: HTTP 404 Not Found",
        "javascript:alert(1): unsupported URL scheme 'javascript' (only http and https)",
        f"{site.url('/down.xml')}: HTTP 503 Service Unavailable"])
    stored = {url for (url,) in table(db, "SELECT url FROM documents")}
    assert stored == {site.url("/articles/1.html"), site.url("/articles/2.html")}
    assert table(db, "SELECT url, etag FROM sources") == [(site.url("/feed.xml"), '"feed-v1"')]

    second = cycle()  # the feed answers 304; the other one is still down
    assert (second.unchanged, second.failed, second.run) == (1, 1, None)
    feed_requests = [r for r in site.requests if r.path == "/feed.xml"]
    assert feed_requests[-1].headers["if-none-match"] == '"feed-v1"'

    # the feed changes: one new entry, one entry whose page repeats a stored article under another URL; the
    # other feed comes back with an article
    site.routes["/articles/3.html"] = Page(article_page(
        "Xi and Biden to meet in San Francisco",
        "Chinese President Xi Jinping will meet US President Joe Biden in San Francisco next week, the Chinese "
        "foreign ministry said on Friday."))
    site.routes["/articles/1-copy.html"] = site.routes["/articles/1.html"]
    feed = site.feed("site_rss.xml").replace(
        b"<item>", b"<item><title>New</title><link>" + site.url("/articles/3.html").encode() + b"</link></item>"
        b"<item><title>Wang Yi meets Blinken in Munich</title><link>" + site.url("/articles/1-copy.html").encode()
        + b"</link></item><item>", 1)
    site.routes["/feed.xml"] = Page(feed, content_type="application/rss+xml", etag='"feed-v2"')
    site.routes["/down.xml"] = Page(site.feed("site_rss.xml").replace(b"/articles/1.html", b"/articles/3.html"),
                                    content_type="application/rss+xml")
    before = len(site.requests)
    third = cycle()
    assert third.run is not None
    assert (third.run.ingested, third.run.duplicates) == (1, 1)  # 3.html new; 1-copy.html the same text
    fetched = [r.path for r in site.requests[before:]]
    assert "/articles/1.html" not in fetched and "/articles/gone.html" not in fetched  # known, or settled
    assert fetched.count("/articles/3.html") == 1  # the second feed's entry for it came after it was read
    assert third.known >= 2
    assert len(table(db, "SELECT id FROM documents")) == 3
    assert table(db, "SELECT command, status FROM runs ORDER BY run_id") == [("ingest", "done")] * 2


def test_a_stop_request_ends_the_cycle_after_the_batch_in_hand(site: LocalSite, pipeline: detente.Pipeline,
                                                               tmp_path: Path) -> None:
    db = tmp_path / "stop.duckdb"
    watcher = Watcher([site.url("/feed.xml")], pipeline, db, limits=LIMITS, batch_size=1)

    def after_first(report: CycleReport) -> None:
        watcher.stop.set()

    assert watcher.run(every=3600, on_cycle=after_first) == 1  # returns without sleeping an hour
    assert len(table(db, "SELECT id FROM documents")) == 2
    watcher.stop.set()
    assert Watcher([site.url("/feed.xml")], pipeline, db, limits=LIMITS).run(every=1, cycles=1) == 1
    assert json.loads(table(db, "SELECT inputs FROM runs")[0][0]) == [site.url("/feed.xml")]
