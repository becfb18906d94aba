from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from detente.readers import Rejection, content_id, document_from_text
from detente.records import Document

TEXT = "Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich on Saturday."


def doc(text: str = TEXT, **kwargs: object) -> Document:
    result = document_from_text(text, origin=kwargs.pop("origin", "a.txt"), **kwargs)  # type: ignore[arg-type]
    assert isinstance(result, Document), result
    return result


def rejection(text: str = TEXT, **kwargs: object) -> str:
    result = document_from_text(text, origin="a.jsonl:4", **kwargs)  # type: ignore[arg-type]
    assert isinstance(result, Rejection), result
    assert result.origin == "a.jsonl:4"
    return result.reason


def test_id_is_sha256_of_the_normalized_text() -> None:
    d = doc()
    assert d.id == hashlib.sha256(TEXT.encode()).hexdigest() == content_id(TEXT)
    assert d.text == TEXT and d.origin == "a.txt"


def test_same_article_with_other_spacing_name_and_id_is_one_document() -> None:
    a = doc(f"{TEXT}\n\nThey agreed to talk again.", origin="one.txt", source_id="one")
    b = doc(f"\n\n  {TEXT.replace(' ', '  ')}\r\n\r\n\r\n\nThey agreed\u00a0to talk again.  \n", origin="two.txt",
            source_id="two")
    assert a.id == b.id and a.source_id != b.source_id
    assert content_id("cafe\u0301 talks in Geneva") == content_id("café talks in Geneva")


def test_header_metadata_fills_the_document() -> None:
    d = doc(f"OPINION\nWhy Munich matters: China Daily editorial\nPublished: Feb 18, 2024 9:00 PM\n\n{TEXT}")
    assert d.published == dt.date(2024, 2, 18) and d.published_raw == "Feb 18, 2024 9:00 PM"
    assert d.title == "Why Munich matters: China Daily editorial"
    assert d.outlet == "China Daily" and d.genre == "editorial" and d.language == "en"
    assert d.text == TEXT


def test_given_metadata_wins_over_header_lines() -> None:
    meta = {"published": "2024-02-17", "title": "Wang meets Blinken", "outlet": "Xinhua", "url": "https://x.cn/1",
            "language": "en", "genre": "news"}
    d = doc(f"Wang meets  Blinken\nPublished: Feb 18, 2024\n\n{TEXT}", meta=meta)
    assert (d.published, d.title, d.outlet, d.url, d.genre) == (dt.date(2024, 2, 17), "Wang meets Blinken",
                                                                 "Xinhua", "https://x.cn/1", "news")
    assert d.text == TEXT  # the header lines still go


def test_aliases_and_date_objects() -> None:
    d = doc(meta={"date": "17 February 2024", "source": "Reuters"})
    assert d.published == dt.date(2024, 2, 17) and d.outlet == "Reuters"
    assert doc(meta={"published": dt.datetime(2024, 2, 17, 23, 0)}).published == dt.date(2024, 2, 17)
    assert doc(meta={"published": dt.date(2024, 2, 17)}).published_raw == "2024-02-17"
    assert doc(meta={"published": None, "date": "2024-02-17"}).published == dt.date(2024, 2, 17)


def test_missing_or_blank_date_is_none_not_a_rejection() -> None:
    assert doc().published is None
    d = doc(meta={"published": "  ", "title": ""})
    assert d.published is None and d.published_raw is None and d.title is None


def test_unknown_keys_are_ignored_so_whole_records_can_be_passed() -> None:
    assert doc(meta={"author": "Jeff Seldin", "keywords": ["Iraq"], "section": "Middle East"}).title is None


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"meta": {"published": "2023-02-30"}}, "impossible date '2023-02-30'"),
        ({"meta": {"published": "last Tuesday"}}, "unparseable date 'last Tuesday'"),
        ({"meta": {"published": 1700000000}}, "unparseable date 1700000000"),
        ({"meta": {"title": ["a", "b"]}}, "field 'title' is not a string"),
        ({"meta": {"genre": "gossip"}}, "unknown genre 'gossip'"),
        ({"text": "Published: 2023-02-30\n\n" + TEXT}, "impossible date '2023-02-30'"),
        ({"text": "Published: whenever\n\n" + TEXT}, "unparseable date 'whenever'"),
        ({"text": "Photo:VCG\nRead More\nToo short."}, "no article text"),
        ({"text": "   "}, "no article text"),
    ],
)
def test_rejections(kwargs: dict, reason: str) -> None:
    assert rejection(**kwargs).startswith(reason)
