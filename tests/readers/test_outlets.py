from __future__ import annotations

import pytest

from detente.readers import document_from_text
from detente.readers.outlets import outlet_from_url
from detente.records import Document


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.voanews.com/a/iraq-says/8011115.html", "Voice of America"),
        ("https://asia.nikkei.com/Politics/x", "Nikkei Asia"),
        ("http://english.news.cn/20240110/abc.html", "Xinhua"),
        ("https://www.example-news.org/story/1", "example-news.org"),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_record_outlet_beats_url_and_url_fills_a_gap() -> None:
    text = "Chinese Foreign Minister Wang Yi met Secretary of State Antony Blinken in Beijing on Monday."
    given = document_from_text(text, origin="x", meta={"url": "https://www.voanews.com/a/1", "outlet": "VOA"})
    from_url = document_from_text(text, origin="x", meta={"url": "https://www.voanews.com/a/1"})
    assert isinstance(given, Document) and given.outlet == "VOA"
    assert isinstance(from_url, Document) and from_url.outlet == "Voice of America"


@pytest.mark.parametrize("url", ["http://[abc/", "http://\u2100.com/x", "http://a\x00b.com/", "https://[::1]:80/"])
def test_a_url_that_cannot_be_split_gives_no_outlet(url: str) -> None:
    assert outlet_from_url(url) is None
