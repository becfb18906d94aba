"""Which inputs are URLs, and which URLs detente fetches at all."""

from __future__ import annotations

import pytest

from detente.readers.urls import URLError, check_url, looks_like_url


@pytest.mark.parametrize(("url", "why"), [
    ("file:///etc/passwd", "unsupported URL scheme 'file' (only http and https)"),
    ("ftp://example.org/a.txt", "unsupported URL scheme 'ftp' (only http and https)"),
    ("javascript:alert(1)", "unsupported URL scheme 'javascript' (only http and https)"),
    ("data:text/html,<p>hi</p>", "unsupported URL scheme 'data' (only http and https)"),
    ("http:///no-host", "invalid URL (no host)"),
    ("http://[::1/", "invalid URL (Invalid IPv6 URL)"),
])
def test_only_http_and_https_urls_are_fetched(url: str, why: str) -> None:
    with pytest.raises(URLError, match="^" + why.replace("(", r"\(").replace(")", r"\)") + "$"):
        check_url(url)


def test_what_counts_as_a_url_argument() -> None:
    assert [looks_like_url(s) for s in ("https://a.example/x", "javascript:alert(1)", "file:///x", "C:\\news\\a.txt",
                                         "news/a.txt", "-", "a:b.txt")] == [True, True, True, False, False, False,
                                                                            False]
