"""What pages show: only http(s) links, escaped sentences with the trigger marked, dates at their precision."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.records import Location, Mention
from detente.serve.present import highlighted, map_point, period, safe_url


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "http://x.test/", " HTTPS://Example.org/ "])
def test_http_links_pass(url: str) -> None:
    assert safe_url(url) == url.strip()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>", "//evil.test/x", "/relative", "https://", "ftp://x.y/",
                                 "http://x.test/\nSet-Cookie: a", "vbscript:x", None, ""])
def test_other_links_do_not(url: str | None) -> None:
    assert safe_url(url) is None


def mention(sentence: str, trigger: str | None) -> Mention:
    return Mention(mention_id="m", doc_id="d", sentence=sentence, sentence_index=0, type="CONSULT", mode=None,
                   cameo=None, goldstein=None, quad_class=1, modality="asserted", channel="diplomatic",
                   trigger=trigger)


def test_the_trigger_is_marked_and_everything_escaped() -> None:
    out = str(highlighted(mention("<b>Wang</b> met Blinken; they met again & <script>x</script>", "met")))
    assert out == ("&lt;b&gt;Wang&lt;/b&gt; <mark>met</mark> Blinken; they met again &amp; "
                   "&lt;script&gt;x&lt;/script&gt;")
    assert str(highlighted(mention("a <i>", "<i>"))) == "a <mark>&lt;i&gt;</mark>"
    assert str(highlighted(mention("nothing here", "absent"))) == "nothing here"
    assert str(highlighted(mention("metal met", "met"))) == "metal <mark>met</mark>"  # a word, not a part


def test_dates_at_their_precision() -> None:
    day = dt.date(2023, 9, 16)
    assert period(day, dt.date(2023, 9, 17), "day") == "2023-09-16 – 2023-09-17"
    assert period(day, None, "month") == "2023-09"
    assert period(day, None, "year") == "2023"
    assert period(None, None, "unresolved") == "date unknown"


def test_map_points_are_longitude_and_minus_latitude() -> None:
    assert map_point(Location("Malta", "Malta", "MLT", 35.9, 14.5)) == (14.5, -35.9)
    assert map_point(Location("x", "x", None, None, None)) is None
    assert map_point(Location("x", "x", None, 95.0, 10.0)) is None
