"""HTML pages: the article body and its metadata, extracted with trafilatura.

Main-text extraction (navigation, ads, comments and footers out) is a maintained library's job; what comes
back still goes through the same cleaning and checks as plain text, so furniture inside the article body and
header lines trafilatura kept are handled once, in one place. Metadata values (title, site name) are plain
text: markup inside them (``Evil<script>…</script>`` in an ``og:site_name``) is parsed and dropped, never kept
for a terminal, a spreadsheet or a web page to interpret.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from detente.readers.document import MIN_TEXT_CHARS, NO_TEXT, document_from_text
from detente.readers.errors import Rejection
from detente.records import Document

# Dates from the page's metadata only, the original publication rather than the last update; no guessing
# from dates that happen to appear in the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def document_from_html(html: str, *, origin: str, source_id: str | None = None, meta: Mapping[str, Any] | None = None,
                       fallback: Mapping[str, Any] | None = None) -> Document | Rejection:
    """The document a page holds, its title, date, outlet (site name) and URL taken from page metadata. What the
    caller knows better (``meta``: a feed entry's title and date, the URL asked for) wins over the page; what it
    knows worse (``fallback``: the feed's title as outlet) fills only what the page lacks."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trafilatura's internals warn about lxml truth-testing
        extracted: Any = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    text = getattr(extracted, "text", None) or ""
    if len(" ".join(text.split())) < MIN_TEXT_CHARS:
        return Rejection(origin, "no article text found in HTML")
    page = {
        "title": plain_text(extracted.title),
        "published": extracted.date,
        "outlet": plain_text(extracted.sitename),
        "url": extracted.url,
    }
    known = {k: v for layer in (fallback or {}, page, meta or {}) for k, v in layer.items() if v}
    # Trafilatura emits one line per block element; a blank line between them marks the paragraphs.
    result = document_from_text(text.replace("\n", "\n\n"), origin=origin, source_id=source_id, meta=known)
    if isinstance(result, Rejection) and result.reason == NO_TEXT:
        return Rejection(origin, "no article text found in HTML")  # all of it was page furniture
    return result


_NOT_TEXT = ("script", "style", "template", "noscript")


def plain_text(value: str | None) -> str | None:
    """The text of a metadata value that may hold markup: elements parsed, scripts and styles dropped with
    their content, entities decoded, whitespace collapsed; None when nothing is left.

    >>> plain_text("Evil<script>alert(1)</script>")
    'Evil'
    """
    if not value or "<" not in value:
        return value
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return None
    for element in list(root.iter(*_NOT_TEXT)):
        element.drop_tree()
    text = " ".join(root.text_content().split())
    return text or None
