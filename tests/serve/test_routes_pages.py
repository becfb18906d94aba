"""The dashboard in a real browser: Playwright's Python client driving Debian's chromium (never a downloaded
browser) against uvicorn on 127.0.0.1. These tests fail, never skip, when chromium is missing: ``make test``
installs it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Dialog, Page, sync_playwright

import detente
from tests.serve.conftest import HOSTILE, HOSTILE_PLANS, LiveServer, auth

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed (apt-get install -y chromium; make test does it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable)
        yield browser
        browser.close()


@pytest.fixture()
def live(read_app: FastAPI) -> Iterator[LiveServer]:
    with LiveServer(read_app) as server:
        yield server


class Watched:
    """A page with every dialog, console error and failed request recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []

        def on_dialog(dialog: Dialog) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


def watched(browser: Browser, **options: Any) -> Watched:
    return Watched(browser.new_page(**options))


def test_timeline_filter_event_and_evidence(browser: Browser, live: LiveServer, tmp_path: Path) -> None:
    w = watched(browser, viewport={"width": 1280, "height": 900})
    page = w.page
    page.goto(live.url + "/")
    assert page.locator("h1").inner_text() == "Timeline"
    everything = page.locator("ol.events > li").count()
    assert everything > 0
    page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)

    page.select_option("select[name=channel]", "military")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*channel=military*")
    military = page.locator("ol.events > li")
    assert 0 < military.count() < everything
    tags = page.locator("ol.events > li .tags").all_inner_texts()
    assert all("military" in t for t in tags)

    page.select_option("select[name=channel]", "diplomatic")
    page.fill("form.filters input[name=q]", "Malta")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*q=Malta*")
    page.locator("ol.events a.title").first.click()
    page.wait_for_url("**/events/*")
    assert page.locator("h2", has_text="Evidence").count() == 1
    sentence = page.locator("ol.evidence blockquote").first
    assert "Malta" in sentence.inner_text()
    assert page.locator("ol.evidence mark").first.inner_text() == "held talks"  # the trigger word, marked
    assert "precision" in page.locator(".facts").inner_text()
    assert page.locator("figure.map circle").count() == 1  # the place has coordinates: a dot on the outline
    assert page.evaluate("() => document.querySelector('figure.map image').getBBox().width") > 0
    page.screenshot(path=str(tmp_path / "event.png"), full_page=True)

    page.locator("ol.evidence .meta a").first.click()
    page.wait_for_url("**/documents/*")
    assert page.locator("div.text p").count() > 3
    page.screenshot(path=str(tmp_path / "document.png"), full_page=True)

    for path, name in (("/documents", "documents"), ("/actors?q=blinken&date=2023-06-18", "actors"),
                       ("/docs", "docs")):
        page.goto(live.url + path)
        page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    page.goto(live.url + "/actors?q=blinken&date=2023-06-18")
    assert "secretary of state" in page.locator("table.actors").inner_text().lower()
    assert w.dialogs == [] and w.errors == []
    assert all((tmp_path / f"{n}.png").stat().st_size > 5000
               for n in ("timeline", "event", "document", "documents", "actors", "docs"))


def test_search_box_and_phone_layout(browser: Browser, live: LiveServer, tmp_path: Path) -> None:
    w = watched(browser, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = w.page
    page.goto(live.url + "/documents")
    page.fill("header input[name=q]", "pandas")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/?q=pandas")
    titles = page.locator("ol.events > li").all_inner_texts()
    assert titles and all("panda" in t.lower() for t in titles)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390  # nothing overflows a phone's width
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    for path in ("/index", "/quotes", "/upcoming", "/brief"):  # their wide tables scroll inside themselves
        page.goto(live.url + path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, path
    assert w.dialogs == [] and w.errors == []


def test_hostile_article_shows_as_text_and_runs_nothing(browser: Browser, write_app: FastAPI,
                                                        tmp_path: Path) -> None:
    with LiveServer(write_app) as live:
        import httpx

        posted = httpx.post(live.url + "/api/documents?wait=true", json=HOSTILE, headers=auth(), timeout=300)
        assert posted.status_code == 200 and posted.json()["report"]["ingested"] == 1, posted.text
        doc_id = httpx.get(live.url + "/api/documents", params={"limit": 1}).json()["documents"][0]["id"]
        event_id = httpx.get(live.url + "/api/events", params={"q": "alert(4)"}).json()["events"][0]["event_id"]

        w = watched(browser, viewport={"width": 1280, "height": 900})
        page = w.page
        pages = {"timeline": "/?q=alert", "event": f"/events/{event_id}", "document": f"/documents/{doc_id}",
                 "documents": "/documents"}
        for name, path in pages.items():
            page.goto(live.url + path)
            page.wait_for_load_state("load")
            page.screenshot(path=str(tmp_path / f"hostile-{name}.png"), full_page=True)
            text = page.locator("main").inner_text()
            assert page.locator("script").count() == 0, name
            assert page.locator("img").count() == 0, name  # no <img onerror> made it into the DOM
            assert page.locator("a[href^='javascript' i]").count() == 0, name
            assert page.evaluate("() => window.__pwned === undefined")
            shown = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>") if name == "documents" else (
                "<script>alert(4)</script>", "<img src=x onerror=alert(5)>")
            assert all(payload in text for payload in shown), name  # shown as the text it is
        page.goto(live.url + f"/documents/{doc_id}")
        assert "<script>alert(1)</script> Talks" in page.locator("h1").inner_text()
        assert "javascript:alert(3)" in page.locator("p.meta").inner_text()  # the URL as text, not a link
        assert page.locator("p.meta a").count() == 0
        assert w.dialogs == [], w.dialogs


def _chart_shown(page: Page) -> bool:
    """The page's chart image loaded and is drawn at a visible size."""
    chart = page.locator("img.chart").first
    box = chart.bounding_box()
    return bool(chart.is_visible() and chart.evaluate("img => img.complete && img.naturalWidth > 0")
                and box is not None and box["width"] > 200)


def test_index_quotes_whats_next_and_brief_pages(browser: Browser, live: LiveServer, tmp_path: Path) -> None:
    w = watched(browser, viewport={"width": 1280, "height": 900})
    page = w.page
    page.goto(live.url + "/index?dyad=CHN-USA&by=month")
    assert _chart_shown(page)
    assert page.locator("table.index tbody tr").count() > 0
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)

    page.goto(live.url + "/quotes")
    assert page.locator("ol.quotes > li").count() > 0
    assert "must-answer question" in page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "quotes.png"), full_page=True)

    page.goto(live.url + "/upcoming")
    assert page.locator("table.upcoming tbody tr").count() > 0
    page.screenshot(path=str(tmp_path / "upcoming.png"), full_page=True)

    page.click("header nav a[href='/brief']")
    page.wait_for_url("**/brief")
    assert "weekly brief" in page.locator("main h1").inner_text()
    assert page.locator("input[name=week]").input_value() == "2024-01-08"  # the newest dated event's week
    assert _chart_shown(page)
    assert page.locator("#quote blockquote").count() == 1
    downloads = page.locator("a[href^='/api/brief']")
    assert sorted(a.get_attribute("href") or "" for a in downloads.all())[0].endswith("format=html")
    page.screenshot(path=str(tmp_path / "brief.png"), full_page=True)
    first = page.locator("#exchanges a[href^='/events/']").first
    event_id = (first.get_attribute("href") or "").rsplit("/", 1)[-1]
    first.click()
    page.wait_for_url(f"**/events/{event_id}")
    assert page.locator("h2", has_text="Evidence").count() == 1
    assert w.dialogs == [] and w.errors == []  # no CSP refusal either: the brief's inline style stays in its file
    assert all((tmp_path / f"{n}.png").stat().st_size > 5000 for n in ("index", "quotes", "upcoming", "brief"))


def test_hostile_text_on_index_quotes_whats_next_and_brief(browser: Browser, write_app: FastAPI,
                                                           tmp_path: Path) -> None:
    with LiveServer(write_app) as live:
        import httpx

        for doc in (HOSTILE, HOSTILE_PLANS):
            posted = httpx.post(live.url + "/api/documents?wait=true", json=doc, headers=auth(), timeout=300)
            assert posted.status_code == 200 and posted.json()["report"]["ingested"] == 1, posted.text
        w = watched(browser, viewport={"width": 1280, "height": 900})
        page = w.page
        shown = {
            "index": ("/index?dyad=CHN-USA", ()),
            "quotes": ("/quotes", ("cooperation <script>alert(15)</script> is the only choice "
                                   "<img src=x onerror=alert(16)>", "<svg onload=alert(13)>")),
            "upcoming": ("/upcoming", ("hold talks <script>alert(17)</script> with Wang Yi",)),
            "brief": ("/brief?week=2024-03-06", ("<script>alert(4)</script>", "<img src=x onerror=alert(5)>",
                                                "<script>alert(1)</script> Talks", "alert(15)", "alert(17)")),
        }
        for name, (path, payloads) in shown.items():
            page.goto(live.url + path)
            page.wait_for_load_state("load")
            page.screenshot(path=str(tmp_path / f"hostile-{name}.png"), full_page=True)
            text = page.locator("main").inner_text()
            assert all(payload in text for payload in payloads), name  # shown as the text it is
            assert page.locator("script").count() == 0, name
            assert page.locator("svg").count() == 0, name  # not the outlet's <svg onload>
            assert page.locator("[onerror], [onload]").count() == 0, name
            assert page.locator("img:not(.chart)").count() == 0, name  # the only image is the site's own chart
            assert page.locator("a[href^='javascript' i]").count() == 0, name
            assert page.evaluate("() => window.__pwned === undefined")
        assert _chart_shown(page)  # the brief's chart, with the hostile week in it
        assert page.locator("#exchanges a[href^='/events/']").count() > 0
        assert w.dialogs == [], w.dialogs
        assert all((tmp_path / f"hostile-{n}.png").stat().st_size > 5000 for n in shown)


# -- the same pages without a browser ------------------------------------------------------------------------


def test_pages_answer_errors_with_a_plain_page(read_app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    with TestClient(read_app, raise_server_exceptions=False) as client:
        for path, status, words in (("/?limit=0", 400, "limit: expected 1 to 200"),
                                    ("/?dyad=%3Cscript%3E", 400, "dyad: expected two country codes"),
                                    ("/events/ffffffffffff", 404, "no event with id"),
                                    ("/documents/abcdef0123", 404, "no document with id"),
                                    ("/actors?q=wang&date=soon", 400, "date: expected YYYY-MM-DD"),
                                    ("/nowhere", 404, "no such page")):
            page = client.get(path)
            assert page.status_code == status and page.headers["content-type"].startswith("text/html"), path
            assert words in page.text and "Traceback" not in page.text, path
            assert "&lt;script&gt;" in page.text or "<script" not in page.text
            assert "script-src 'self'" in page.headers["content-security-policy"]


def test_every_page_has_the_security_headers(read_app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    with TestClient(read_app) as client:
        for path in ("/", "/documents", "/actors?q=xi", "/index", "/charts/index.svg", "/quotes", "/upcoming",
                     "/brief", "/charts/brief.svg?week=2024-01-08", "/docs", "/static/style.css", "/api/stats"):
            headers = client.get(path).headers
            assert "'unsafe-inline'" not in headers["content-security-policy"], path
            assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY", path


def test_quotes_and_whats_next_pages(client: TestClient) -> None:
    quotes = client.get("/quotes", params={"speaker": "Wang Yi"})
    assert quotes.status_code == 200 and "must-answer question" in quotes.text
    assert 'href="/quotes"' in quotes.text and 'href="/upcoming"' in quotes.text  # in the navigation
    upcoming = client.get("/upcoming", params={"dyad": "CHN-USA"})
    assert upcoming.status_code == 200 and "planned" in upcoming.text
    assert client.get("/quotes", params={"dyad": "CHINA"}).status_code == 400


def test_index_page_and_its_chart(client: TestClient, seeds_store: Path) -> None:
    page = client.get("/index", params={"dyad": "CHN-USA", "by": "month"})
    assert page.status_code == 200 and 'href="/index"' in page.text
    assert '<img class="chart" src="/charts/index.svg?dyad=CHN-USA&amp;by=month"' in page.text
    rows = detente.index(seeds_store, dyad="CHN-USA", by="month")
    assert all(str(r.period) in page.text for r in rows)
    chart = client.get("/charts/index.svg", params={"dyad": "CHN-USA", "by": "month"})
    assert chart.status_code == 200 and chart.headers["content-type"].startswith("image/svg+xml")
    assert chart.content.lstrip().startswith(b"<?xml") and b"<svg" in chart.content
    assert client.get("/index", params={"by": "year"}).status_code == 400
    assert client.get("/charts/index.svg", params={"dyad": "CHINA"}).status_code == 400


def test_brief_page_chart_and_downloads(client: TestClient) -> None:
    page = client.get("/brief", params={"week": "2024-01-10", "dyad": "chn-usa"})
    assert page.status_code == 200 and 'href="/brief"' in page.text
    assert 'value="2024-01-08"' in page.text  # the week's Monday
    assert '<img class="chart" src="/charts/brief.svg?week=2024-01-08&amp;dyad=CHN-USA"' in page.text
    assert "<style" not in page.text and "<svg" not in page.text  # the file's inline style and chart stay there
    assert 'href="/api/brief?week=2024-01-08&amp;dyad=CHN-USA&amp;format=md"' in page.text
    assert "must-answer question" in page.text and page.text.count('href="/events/') >= 10
    chart = client.get("/charts/brief.svg", params={"week": "2024-01-08"})
    assert chart.status_code == 200 and chart.headers["content-type"].startswith("image/svg+xml")
    assert b"Relationship index CHN-USA, week of 2024-01-08" in chart.content
    download = client.get("/api/brief", params={"week": "2024-01-08", "format": "html"})
    assert "attachment" in download.headers["content-disposition"] and "<style>" in download.text
    for bad in ({"week": "soon"}, {"dyad": "CHINA"}, {"week": "2024-13-01"}):
        assert client.get("/brief", params=bad).status_code == 400, bad
    assert client.get("/charts/brief.svg", params={"week": "x"}).status_code == 400
    assert client.get("/charts/brief.svg").status_code == 400  # its week is required
