from __future__ import annotations

import datetime as dt

import pytest

from detente.readers import Rejection
from detente.readers.html import document_from_html
from detente.records import Document

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Xi and Biden agree to restore military talks | Pacific Wire</title>
  <meta property="og:site_name" content="Pacific Wire">
  <meta property="og:title" content="Xi and Biden agree to restore military talks">
  <meta property="article:published_time" content="2023-11-15T21:05:00-08:00">
  <link rel="canonical" href="https://pacificwire.example/world/xi-biden-woodside">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
  <main>
    <article>
      <h1>Xi and Biden agree to restore military talks</h1>
      <p class="byline">By Jane Doe</p>
      <p>Chinese President Xi Jinping and US President Joe Biden agreed on Wednesday to restore
         military-to-military communications, ending a freeze that began after a visit to Taiwan last year.</p>
      <figure><img src="/img/woodside.jpg" alt="Xi and Biden"><figcaption>Photo: Reuters</figcaption></figure>
      <p>The two leaders met for four hours at the Filoli estate in Woodside, California, on the sidelines of
         the Asia-Pacific Economic Cooperation summit, their first meeting in a year.</p>
      <p>They also agreed to set up a working group on fentanyl, US officials said after the talks.</p>
      <p>Read More</p>
    </article>
    <aside><h3>Most read</h3>
      <ul><li><a href="/a">Markets rally</a></li><li><a href="/b">Storm warning</a></li></ul>
    </aside>
  </main>
  <footer><p>Copyright 2023 Pacific Wire. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>"""


def test_realistic_page_gives_its_paragraphs_and_metadata() -> None:
    d = document_from_html(PAGE, origin="page.html", source_id="page")
    assert isinstance(d, Document), d
    assert d.title == "Xi and Biden agree to restore military talks"
    assert d.outlet == "Pacific Wire"
    assert d.published == dt.date(2023, 11, 15)
    assert d.url == "https://pacificwire.example/world/xi-biden-woodside"
    paragraphs = d.text.split("\n\n")
    assert paragraphs[0].startswith("Chinese President Xi Jinping and US President Joe Biden agreed on Wednesday")
    assert any(p.startswith("The two leaders met for four hours") for p in paragraphs)
    last = "They also agreed to set up a working group on fentanyl, US officials said after the talks."
    assert paragraphs[-1] == last
    for furniture in ("Home", "Most read", "Markets rally", "Privacy", "Read More", "By Jane Doe", "Photo: Reuters"):
        assert furniture not in d.text
    assert d.title not in d.text
    assert (d.source_id, d.origin) == ("page", "page.html")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div",
        "<html><head><title>Only a title here</title></head><body></body></html>",
        "<html><body><p>Short.</p></body></html>",
        "<html><body><p>Read More</p><p>Photo: VCG</p><p>Back to Top</p><p>Watch Video</p></body></html>",
        "<<<>>> &&& </p></div>",
    ],
)
def test_broken_or_empty_pages_are_rejected(html: str) -> None:
    result = document_from_html(html, origin="bad.html")
    assert result == Rejection("bad.html", "no article text found in HTML")
