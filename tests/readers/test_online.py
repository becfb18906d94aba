"""URLs and feeds as inputs, through ``iter_documents`` and the API: documents with the feed's and the page's
metadata, and one ``URL: reason`` line for each entry or URL that fails while the rest goes on."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import detente
from detente.readers import Rejection, iter_documents
from detente.readers.online import read_url
from detente.readers.web import Fetcher
from detente.records import Document
from tests.local_site import FIXTURES, LocalSite, Page

Item = Document | Rejection


def read(*given: str | Path) -> list[Item]:
    return list(iter_documents([str(g) for g in given]))


def test_a_feed_url_gives_its_entries_pages_with_feed_and_page_metadata(site: LocalSite) -> None:
    first, second, gone, script = read(site.url("/feed.xml"))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.title == "Wang Yi meets Blinken in Munich"
    assert first.published == dt.date(2024, 2, 17)  # the entry's date wins over the page's (2024-01-10)
    assert first.published_raw == "Sat, 17 Feb 2024 12:00:00 +0000"
    assert first.outlet == "Harbor Wire"  # the page's site name, not the feed's title
    assert (first.url, first.origin, first.source_id) == ((site.url("/articles/1.html"),) * 3)
    assert first.text.startswith("Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken")
    assert "Home" not in first.text and "Copyright" not in first.text
    assert second.title == "Beijing and Washington to restart drug talks"  # the entry's title wins over the page's
    assert second.published == dt.date(2024, 1, 30)
    assert gone == Rejection(site.url("/articles/gone.html"), "HTTP 404 Not Found")
    assert script == Rejection("javascript:alert(1)", "unsupported URL scheme 'javascript' (only http and https)")
    assert site.paths() == ["/robots.txt", "/feed.xml", "/articles/1.html", "/articles/2.html",
                            "/articles/gone.html"]


def test_an_article_url_gives_its_document(site: LocalSite) -> None:
    (doc,) = read(site.url("/articles/2.html"))
    assert isinstance(doc, Document)
    assert (doc.title, doc.outlet, doc.published) == ("China and US restart talks on fentanyl", "Harbor Wire",
                                                      dt.date(2024, 1, 30))
    assert doc.url == doc.origin == site.url("/articles/2.html")


def test_failing_urls_are_one_line_each_and_the_batch_goes_on(site: LocalSite, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("China and the United States held talks on trade in Geneva on Monday.")
    got = read(site.url("/data.json"), site.url("/loop/a"), "file:///etc/passwd", site.url("/private/memo.html"),
               tmp_path / "a.txt", site.url("/nowhere"))
    assert [g.message() if isinstance(g, Rejection) else g.source_id for g in got] == [
        f"{site.url('/data.json')}: not HTML (content type application/json)",
        f"{site.url('/loop/a')}: redirect loop (back to {site.url('/loop/a')})",
        "file:///etc/passwd: unsupported URL scheme 'file' (only http and https)",
        f"{site.url('/private/memo.html')}: disallowed by robots.txt",
        "a",
        f"{site.url('/nowhere')}: HTTP 404 Not Found",
    ]


def test_slow_and_huge_pages_are_refused_within_the_limits(site: LocalSite, fetcher: Fetcher) -> None:
    (slow,) = read_url(site.url("/slow.html"), max_bytes=1_000_000, fetcher=fetcher)
    (huge,) = read_url(site.url("/huge"), max_bytes=1_000_000, fetcher=fetcher)
    assert slow == Rejection(site.url("/slow.html"), "timed out (no data for 0.5 s)")
    assert isinstance(huge, Rejection) and huge.reason.startswith("over size limit")


def test_a_feed_entry_in_another_language_is_refused(site: LocalSite) -> None:
    site.routes["/articles/1.html"] = Page(
        b"<html lang='fr'><body><article><p>Le ministre chinois des Affaires etrangeres Wang Yi a rencontre "
        b"vendredi a Munich le secretaire d'Etat americain Antony Blinken, et les deux parties ont promis de "
        b"maintenir leurs canaux de communication ouverts.</p></article></body></html>")
    first, second, *_ = read(site.url("/feed.xml"))
    assert first == Rejection(site.url("/articles/1.html"), "language fr not supported")
    assert isinstance(second, Document)


def test_rss_and_atom_files_carrying_whole_articles_need_no_fetch() -> None:
    climate, treasury, protest, maritime = read(FIXTURES / "rss2.xml", FIXTURES / "atom.xml")
    # their links are on .example hosts that do not resolve: a fetch would have been a rejection
    assert all(isinstance(d, Document) for d in (climate, treasury, protest, maritime))
    assert isinstance(climate, Document) and isinstance(protest, Document) and isinstance(maritime, Document)
    assert climate.title == "China and US agree to resume climate talks"
    assert climate.published == dt.date(2024, 1, 11) and climate.outlet == "Pacific Ledger"
    assert (climate.url, climate.source_id) == ("https://ledger.example/2024/01/climate-talks",
                                                "ledger-2024-0111-climate")
    assert climate.text.startswith("China and the United States agreed on Wednesday to resume formal talks")
    assert "teaser" not in climate.text
    assert (protest.title, protest.published, protest.outlet) == ("Beijing protests US arms sale to Taiwan",
                                                                  dt.date(2024, 2, 2), "Strait Monitor")
    assert maritime.published == dt.date(2024, 2, 1)  # no <published>: the entry's <updated>
    assert maritime.text.startswith("Chinese and American military officials held talks in Hawaii")


def test_feed_files_in_directories_and_broken_feeds(tmp_path: Path) -> None:
    (tmp_path / "ledger.rss").write_bytes((FIXTURES / "rss2.xml").read_bytes())
    (tmp_path / "sitemap.xml").write_text("<urlset/>")  # .xml inside a folder is not taken for a feed
    (tmp_path / "broken.atom").write_text("<feed><entry><title>half")
    (tmp_path / "empty.atom").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>None yet</title></feed>')
    got = read(tmp_path)
    assert [g.message() if isinstance(g, Rejection) else g.title for g in got] == [
        f"{tmp_path / 'broken.atom'}: broken feed (no element found)",
        f"{tmp_path / 'empty.atom'}: feed has no entries",
        "China and US agree to resume climate talks",
        "US Treasury chief to visit Beijing",
    ]
    (explicit,) = read(tmp_path / "sitemap.xml")
    assert explicit == Rejection(str(tmp_path / "sitemap.xml"), "not an RSS or Atom feed")


def test_the_api_reads_urls_like_paths(site: LocalSite) -> None:
    refused: list[Rejection] = []
    docs = list(detente.read([site.url("/feed.xml")], on_reject=refused.append))
    assert [d.title for d in docs] == ["Wang Yi meets Blinken in Munich",
                                       "Beijing and Washington to restart drug talks"]
    assert [r.origin for r in refused] == [site.url("/articles/gone.html"), "javascript:alert(1)"]


def test_a_fifo_named_like_a_feed_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.rss"
    os.mkfifo(fifo)
    assert read(fifo) == [Rejection(str(fifo), "not a regular file")]
