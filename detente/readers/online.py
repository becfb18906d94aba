"""URLs and feeds as inputs: an article URL gives its document, a feed (a URL or a ``.rss``/``.atom`` file) one
document per entry, and every failure one rejection ``URL: reason`` while the rest goes on.

Fetching is ``web.Fetcher``'s job and feed parsing ``feeds``'; this module only decides what a fetched body is
and which metadata wins: a feed entry's title, date and link over the page's; the page's site name over the
feed's title as the outlet. A document's ``url`` is the link as given (the feed's or the caller's), so the same
link is recognized on the next poll; ``source_id`` is the entry's id, else that link.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

from detente.readers.decoding import DecodeError, decode_bytes
from detente.readers.document import document_from_text
from detente.readers.errors import Rejection, over_size_limit
from detente.readers.feeds import Feed, FeedEntry, FeedError, looks_like_feed, parse_feed
from detente.readers.html import document_from_html
from detente.readers.web import Fetcher, FetchError, FetchLimits, Response
from detente.records import Document

Item = Document | Rejection
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ACCEPT_ANY = ("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, "
              "*/*;q=0.5")
ACCEPT_HTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


def read_url(url: str, *, max_bytes: int, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """The documents at ``url``: one for an article page, one per entry for a feed."""
    own = fetcher is None
    client = fetcher or Fetcher(FetchLimits(max_bytes=max_bytes))
    try:
        try:
            response = client.get(url, accept=ACCEPT_ANY)
        except FetchError as exc:
            yield Rejection(url, exc.reason)
            return
        yield from items_from_response(response, client)
    finally:
        if own:
            client.close()


def items_from_response(response: Response, fetcher: Fetcher) -> Iterator[Item]:
    """A fetched body as documents: a feed's entries, or the page's article."""
    if looks_like_feed(response.content, response.media_type):
        try:
            feed = parse_feed(response.content)
        except FeedError as exc:
            yield Rejection(response.url, exc.reason)
            return
        yield from feed_items(feed, origin=response.url, fetcher=fetcher)
        return
    yield page_document(response)


def read_feed_file(path: str, *, max_bytes: int) -> Iterator[Item]:
    """A feed saved on disk; entries without their article text are fetched from their links."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            yield Rejection(path, "not a regular file")  # a FIFO or device would block or never end
            return
        size = info.st_size
        if size > max_bytes:
            yield Rejection(path, over_size_limit(size, max_bytes))
            return
        with open(path, "rb") as stream:
            content = stream.read(max_bytes + 1)
    except OSError as exc:
        yield Rejection(path, f"cannot read ({exc.strerror or exc})")
        return
    if len(content) > max_bytes:
        yield Rejection(path, over_size_limit(len(content), max_bytes))
        return
    if not content.strip():
        yield Rejection(path, "empty file")
        return
    try:
        feed = parse_feed(content)
    except FeedError as exc:
        yield Rejection(path, exc.reason)
        return
    with Fetcher(FetchLimits(max_bytes=max_bytes)) as fetcher:
        yield from feed_items(feed, origin=path, fetcher=fetcher)


def feed_items(feed: Feed, *, origin: str, fetcher: Fetcher) -> Iterator[Item]:
    """One document or rejection per entry, in feed order."""
    if not feed.entries:
        yield Rejection(origin, "feed has no entries")
        return
    for entry in feed.entries:
        yield entry_item(entry, feed, origin=origin, fetcher=fetcher)


def entry_item(entry: FeedEntry, feed: Feed, *, origin: str, fetcher: Fetcher) -> Item:
    """An entry's article: its content when the feed carries the whole of it, else its page."""
    where = entry.link or f"{origin}#{entry.number}"
    meta = {"title": entry.title, "published": entry.published, "url": entry.link}
    fallback = {"outlet": feed.title}
    source_id = entry.id or entry.link
    if entry.content:
        if entry.content_is_html:
            page = f"<html><body><article>{entry.content}</article></body></html>"
            return document_from_html(page, origin=where, source_id=source_id, meta=meta, fallback=fallback)
        known = {k: v for layer in (fallback, meta) for k, v in layer.items() if v}
        return document_from_text(entry.content, origin=where, source_id=source_id, meta=known)
    if not entry.link:
        return Rejection(where, "feed entry has no link and no content")
    try:
        response = fetcher.get(entry.link, accept=ACCEPT_HTML)
    except FetchError as exc:
        return Rejection(entry.link, exc.reason)
    return page_document(response, meta=meta, fallback=fallback, source_id=source_id)


def page_document(response: Response, *, meta: dict[str, str | None] | None = None,
                  fallback: dict[str, str | None] | None = None, source_id: str | None = None) -> Item:
    """The article of a fetched HTML page; any other kind of body is refused."""
    media_type = response.media_type
    if media_type not in HTML_MEDIA_TYPES and not (media_type == "" and response.content.lstrip()[:1] == b"<"):
        return Rejection(response.url, f"not HTML (content type {media_type or 'unknown'})")
    if not response.content.strip():
        return Rejection(response.url, "empty page")
    try:
        html = _decode(response)
    except DecodeError as exc:
        return Rejection(response.url, str(exc))
    given = {"url": response.url, **(meta or {})}
    return document_from_html(html, origin=response.url, source_id=source_id or response.url, meta=given,
                              fallback=fallback)


def _decode(response: Response) -> str:
    """The charset the server declares, when it decodes; else detection as for files."""
    if response.charset:
        try:
            return response.content.decode(response.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(response.content)
