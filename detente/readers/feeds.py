"""RSS and Atom feeds: the list of articles an outlet publishes, parsed by feedparser.

A feed entry gives what its page may not say plainly: the link, the headline, the publication time and an id
that stays the same while the page is edited. Entries that carry the whole article (``content:encoded``, Atom
``content``) are read from the feed; the rest are fetched from their link. A summary is a teaser, never taken
for the article. feedparser is only ever handed bytes, so it opens no URL and no file of its own.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from detente.readers.dates import DateError, parse_date

FEED_SUFFIXES = frozenset({".rss", ".atom"})  # read inside directories; an explicit ".xml" file is a feed too
FEED_MEDIA_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                              "application/xml", "text/xml", "application/feed+xml"})
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(rss|feed|rdf:RDF)\b",
                         re.DOTALL | re.IGNORECASE)


class FeedError(ValueError):
    """Bytes that are not a feed; ``reason`` is the rejection text."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True, frozen=True)
class FeedEntry:
    number: int  # 1-based position in the feed
    id: str | None  # the entry's guid or Atom id
    link: str | None
    title: str | None
    published: str | None  # as the feed writes it, and only when detente's date parser accepts it
    content: str | None  # the full article, when the feed carries it
    content_is_html: bool = True


@dataclass(slots=True, frozen=True)
class Feed:
    title: str | None
    link: str | None
    entries: tuple[FeedEntry, ...]


def looks_like_feed(content: bytes, media_type: str = "") -> bool:
    """Whether a fetched body is a feed: by its declared type, else by its first element."""
    if media_type in FEED_MEDIA_TYPES:
        return True
    return bool(_FEED_START.match(content[:2048]))


def parse_feed(content: bytes) -> Feed:
    """The feed in ``content``; ``FeedError`` when it is none."""
    import feedparser  # only when a feed is read

    parsed: Any = feedparser.parse(io.BytesIO(content), sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed ({_problem(problem)})" if problem else "not an RSS or Atom feed")
    head = parsed.get("feed", {})
    entries = tuple(_entry(number, raw) for number, raw in enumerate(parsed.get("entries", []), start=1))
    if parsed.get("bozo") and not any(e.link or e.content for e in entries):
        # feedparser reads what it can of a malformed feed; with nothing usable, the feed itself is the problem
        raise FeedError(f"broken feed ({_problem(parsed.get('bozo_exception'))})")
    return Feed(title=_text(head.get("title")), link=_text(head.get("link")), entries=entries)


def _problem(exc: Any) -> str:
    """The parser's complaint without its position (feedparser's own rewriting shifts the line numbers)."""
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    return " ".join(str(message).split())[:160]


def _entry(number: int, raw: Any) -> FeedEntry:
    content, is_html = _content(raw)
    return FeedEntry(number=number, id=_text(raw.get("id")), link=_text(raw.get("link")),
                     title=_text(raw.get("title")), published=_published(raw), content=content,
                     content_is_html=is_html)


def _content(raw: Any) -> tuple[str | None, bool]:
    for part in raw.get("content") or ():
        value = _text(part.get("value"))
        if value:
            return value, "html" in str(part.get("type", "text/html"))
    return None, True


def _published(raw: Any) -> str | None:
    """The entry's date as written when it parses strictly, else the date feedparser normalized (UTC)."""
    for written, parsed in (("published", "published_parsed"), ("updated", "updated_parsed")):
        text = _text(raw.get(written))
        if text:
            try:
                parse_date(text)
                return text
            except DateError:
                pass
        stamp = raw.get(parsed)
        if stamp:
            day = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
            try:
                parse_date(day)
                return day
            except DateError:
                continue
    return None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split()) if "\n" not in value else value.strip()
    return value or None
