"""A web site on 127.0.0.1 for the URL, feed and watch tests: pages, feeds, and the ways servers misbehave.

Only the loopback address is ever served or fetched. Each route is a ``Page`` (status, body, headers, a delay,
an ETag that answers conditional GETs); ``/huge`` streams without end, ``/trickle`` a few bytes every 50 ms,
``/slow`` answers after a delay, and every request is recorded (path and headers) so tests can check what the
client sent. The server thread stops with
the fixture; a sleeping handler wakes up then too.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "readers" / "feeds"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Harbor Wire</title>
<meta property="og:site_name" content="Harbor Wire">
<meta property="article:published_time" content="{date}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>The talks were the latest in a series of contacts between the two governments this year, officials said.</p>
</article><footer>Copyright Harbor Wire</footer></body></html>"""


def article_page(title: str, body: str, date: str = "2024-01-10T08:00:00Z") -> bytes:
    return ARTICLE.format(title=title, body=body, date=date).encode("utf-8")


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    etag: str | None = None  # answered 304 when the request's If-None-Match carries it


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class LocalSite:
    """The server and its routes; ``url(path)`` is the address of a path on it."""

    def __init__(self) -> None:
        self.routes: dict[str, Page] = {}
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                site.requests.append(Request(self.path, {k.lower(): v for k, v in self.headers.items()}))
                site.answer(self)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def start(self) -> LocalSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    def feed(self, name: str) -> bytes:
        """A feed template from tests/readers/feeds with ``{base}`` replaced by this site's address."""
        return (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", self.base).encode("utf-8")

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        if handler.path == "/huge":
            self._stream_forever(handler)
            return
        if handler.path == "/trickle":
            self._trickle(handler)
            return
        page = self.routes.get(handler.path)
        if page is None:
            page = Page(b"<html><body>not here</body></html>", status=404)
        if page.delay and self.stopping.wait(page.delay):
            return
        try:
            if page.etag and handler.headers.get("If-None-Match") == page.etag:
                handler.send_response(304)
                handler.send_header("ETag", page.etag)
                handler.end_headers()
                return
            handler.send_response(page.status)
            handler.send_header("Content-Type", page.content_type)
            handler.send_header("Content-Length", str(len(page.body)))
            if page.etag:
                handler.send_header("ETag", page.etag)
            for name, value in page.headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(page.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _stream_forever(self, handler: BaseHTTPRequestHandler) -> None:
        """HTML without a Content-Length, until the client hangs up (or 200 MB: a bound, whatever happens)."""
        try:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.end_headers()
            chunk = b"<p>" + b"more words " * 6000 + b"</p>\n"
            for _ in range(200_000_000 // len(chunk)):
                if self.stopping.is_set():
                    return
                handler.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


    def _trickle(self, handler: BaseHTTPRequestHandler) -> None:
        """HTML without a Content-Length, a few bytes every 50 ms for up to a minute: a body that never stalls
        long enough for a read timeout, yet never ends in time (however fast the machine)."""
        try:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.end_headers()
            for _ in range(1200):
                handler.wfile.write(b"<p>more</p>\n")
                handler.wfile.flush()
                if self.stopping.wait(0.05):
                    return
        except (BrokenPipeError, ConnectionResetError):
            pass


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


@contextmanager
def standard_site() -> Iterator[LocalSite]:
    """A started site with the standard routes, stopped on leaving: what each test module's ``site`` fixture
    serves (after changing a route if it needs to)."""
    site = LocalSite()
    standard_routes(site)
    site.start()
    try:
        yield site
    finally:
        site.stop()
