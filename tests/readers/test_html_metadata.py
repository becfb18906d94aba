"""Metadata taken from a page (title, site name) is plain text: markup in it is dropped, never kept."""

from __future__ import annotations

import pytest

from detente.readers.html import document_from_html, plain_text
from detente.records import Document

BODY = "<p>Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Monday.</p>"


@pytest.mark.parametrize(("value", "text"), [
    ("Evil<script>alert(1)</script>", "Evil"),
    ("Evil<style>body{display:none}</style> News", "Evil News"),
    ("Big <b>news</b> <img src=x onerror=alert(1)>", "Big news"),
    ("AT&amp;T <i>Daily</i>", "AT&T Daily"),
    ("US < China", "US < China"),  # a lone "<" is text
    ("Plain title", "Plain title"),
    ("<script>alert(1)</script>", None),
    (None, None),
])
def test_plain_text(value: str | None, text: str | None) -> None:
    assert plain_text(value) == text


def test_a_page_with_markup_in_its_metadata() -> None:
    html = ('<html><head><meta property="og:site_name" content="Evil&lt;script&gt;alert(1)&lt;/script&gt;">'
            "<title>Talks &lt;i&gt;held&lt;/i&gt;</title></head>"
            f"<body><article>{BODY}{BODY.replace('Monday', 'Tuesday')}</article></body></html>")
    doc = document_from_html(html, origin="page.html", source_id="page")
    assert isinstance(doc, Document)
    assert (doc.outlet, doc.title) == ("Evil", "Talks held")
