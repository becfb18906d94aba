"""Fetching a URL politely and safely: the one place detente talks HTTP.

A page is attacker-controlled input that arrives over a network, so every fetch is bounded: only http and
https; connect and read timeouts plus a deadline for the whole body (a server that trickles bytes); the body
streamed and dropped at the size limit; redirects followed one hop at a time, each hop checked like the first
(scheme, robots.txt) and at most ``max_redirects`` of them; robots.txt obeyed for detente's user agent, fetched
once per site with the same client. Every failure is one ``FetchError`` whose ``reason`` is the rejection text.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from detente.config import DEFAULT_MAX_BYTES
from detente.readers.errors import over_size_limit
from detente.readers.urls import URLError, check_url

PROJECT_URL = "https://pypi.org/project/detente/"
ROBOTS_AGENT = "detente"  # the product token robots.txt rules name
ROBOTS_MAX_BYTES = 512_000  # Google's limit is 500 KiB; more is not a robots.txt
MAX_CRAWL_DELAY = 30.0  # seconds; a longer Crawl-delay is honoured at this
ROBOTS_MAX_AGE = 24 * 3600.0  # seconds a site's robots.txt is trusted (RFC 9309 asks no longer than a day)


def _user_agent() -> str:
    try:
        release = version("detente")
    except PackageNotFoundError:
        release = "dev"
    return f"{ROBOTS_AGENT}/{release} (+{PROJECT_URL})"


USER_AGENT = _user_agent()


class FetchError(Exception):
    """A URL that could not be fetched; ``reason`` is one short line, ``status`` the HTTP status if any.
    ``transient`` failures (timeouts, refused connections, 5xx, 429) may go away by themselves; the others (a
    bad scheme, robots.txt, 404, too large, a redirect loop) will not, and a poller need not try again."""

    def __init__(self, reason: str, *, status: int | None = None, transient: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.transient = transient or status == 429 or (status is not None and status >= 500)


@dataclass(slots=True, frozen=True)
class FetchLimits:
    """How long and how much one fetch may take."""

    max_bytes: int = DEFAULT_MAX_BYTES
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # silence between two reads
    total_timeout: float = 60.0  # the whole response, however it trickles
    max_redirects: int = 5


@dataclass(slots=True, frozen=True)
class Response:
    """A fetched body (``status`` 2xx) or a "not modified" answer to a conditional GET (``status`` 304)."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content: bytes = b""
    media_type: str = ""  # "text/html", lower case, without parameters
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class _Site:
    robots: RobotFileParser
    delay: float = 0.0
    last: float = field(default=-1e9)  # when the last request to the site was sent
    fetched: float = field(default_factory=time.monotonic)  # when robots.txt was read


class Fetcher:
    """An HTTP client with detente's limits and manners; one per batch of URLs, so connections and each site's
    robots.txt are reused. Use as a context manager, or ``close()`` it."""

    def __init__(self, limits: FetchLimits | None = None, *, user_agent: str = USER_AGENT,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.limits = limits or FetchLimits()
        timeout = httpx.Timeout(self.limits.read_timeout, connect=self.limits.connect_timeout)
        self._client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                                    headers={"User-Agent": user_agent}, trust_env=False)
        self._sites: dict[str, _Site] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = "*/*") -> Response:
        """The body at ``url``; with ``etag``/``last_modified`` a conditional GET that may answer 304."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._follow(url, headers, robots=True, max_bytes=self.limits.max_bytes)

    def _follow(self, url: str, headers: dict[str, str], *, robots: bool, max_bytes: int) -> Response:
        current = _checked(url)
        visited = {current}
        for _ in range(self.limits.max_redirects + 1):
            if robots:
                self._obey_robots(current)
            status, location, response = self._exchange(url, current, headers, max_bytes)
            if location is None:
                assert response is not None
                return response
            target = urljoin(current, location)
            try:
                check_url(target)
            except URLError as exc:
                raise FetchError(f"redirect to {target[:200]}: {exc.reason}") from exc
            if target in visited:
                raise FetchError(f"redirect loop (back to {target[:200]})")
            visited.add(target)
            current = target
        raise FetchError(f"too many redirects (more than {self.limits.max_redirects})")

    def _exchange(self, asked: str, url: str, headers: dict[str, str],
                  max_bytes: int) -> tuple[int, str | None, Response | None]:
        """One request: (status, redirect location, None) or (status, None, the response)."""
        try:
            with self._client.stream("GET", url, headers=headers) as reply:
                status = reply.status_code
                if reply.is_redirect and reply.headers.get("location"):
                    return status, reply.headers["location"], None
                if status == 304:
                    return status, None, Response(asked, url, status, etag=reply.headers.get("etag"),
                                                  last_modified=reply.headers.get("last-modified"))
                if not 200 <= status < 300:
                    phrase = f" {reply.reason_phrase}" if reply.reason_phrase else ""
                    raise FetchError(f"HTTP {status}{phrase}", status=status)
                content = self._read_capped(reply, max_bytes)
                media_type, _, _ = reply.headers.get("content-type", "").partition(";")
                return status, None, Response(
                    asked, url, status, content, media_type.strip().lower(), reply.charset_encoding,
                    reply.headers.get("etag"), reply.headers.get("last-modified"))
        except httpx.TimeoutException as exc:
            raise FetchError(_timeout_reason(exc, self.limits), transient=True) from exc
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect ({_one_line(exc)})", transient=True) from exc
        except httpx.TransportError as exc:
            raise FetchError(f"connection failed ({_one_line(exc)})", transient=True) from exc
        except httpx.HTTPError as exc:  # invalid URLs and headers, decoding errors of the body
            raise FetchError(f"HTTP error ({_one_line(exc)})") from exc

    def _read_capped(self, reply: httpx.Response, max_bytes: int) -> bytes:
        declared = reply.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(over_size_limit(int(declared), max_bytes))
        deadline = time.monotonic() + self.limits.total_timeout
        body = bytearray()
        for chunk in reply.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(over_size_limit(len(body), max_bytes))
            if time.monotonic() > deadline:
                raise FetchError(f"timed out (body not complete in {self.limits.total_timeout:g} s)",
                                 transient=True)
        return bytes(body)

    def _obey_robots(self, url: str) -> None:
        parts = urlsplit(url)
        key = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        site = self._sites.get(key)
        if site is None or time.monotonic() - site.fetched > ROBOTS_MAX_AGE:
            last = site.last if site else -1e9
            site = self._sites[key] = self._fetch_robots(key)
            site.last = last
        if not site.robots.can_fetch(ROBOTS_AGENT, url):
            raise FetchError("disallowed by robots.txt")
        wait = site.last + site.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        site.last = time.monotonic()

    def _fetch_robots(self, origin: str) -> _Site:
        """The site's rules (RFC 9309): none when robots.txt is missing (4xx), everything disallowed when the
        server fails to give it (5xx); an unreachable site is the fetch's own error."""
        robots = RobotFileParser(origin + "/robots.txt")
        try:
            reply = self._follow(origin + "/robots.txt", {"Accept": "text/plain"}, robots=False,
                                 max_bytes=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                robots.parse([])  # no rules: everything allowed
            elif exc.status is not None:
                robots.parse(["User-agent: *", "Disallow: /"])
            elif exc.reason.startswith("over size limit"):
                robots.parse([])  # not a robots file; as good as none
            else:
                raise
            return _Site(robots)
        robots.parse(reply.content.decode("utf-8", errors="replace").splitlines())
        delay = robots.crawl_delay(ROBOTS_AGENT)
        return _Site(robots, delay=min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0)


def _checked(url: str) -> str:
    try:
        return check_url(url)
    except URLError as exc:
        raise FetchError(exc.reason) from exc


def _timeout_reason(exc: httpx.TimeoutException, limits: FetchLimits) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out (no connection in {limits.connect_timeout:g} s)"
    return f"timed out (no data for {limits.read_timeout:g} s)"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
