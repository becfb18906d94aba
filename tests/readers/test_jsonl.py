from __future__ import annotations

import codecs
import io
import json

import pytest

from detente.readers import Rejection
from detente.readers.jsonl import iter_jsonl
from detente.records import Document

TEXT = "Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich on Saturday."


def read(data: bytes, max_bytes: int = 5_000_000, name: str = "in.jsonl") -> list[Document | Rejection]:
    return list(iter_jsonl(io.BytesIO(data), name=name, max_bytes=max_bytes))


def line(**record: object) -> bytes:
    return json.dumps(record).encode() + b"\n"


def test_records_become_documents_with_their_fields() -> None:
    (d,) = read(line(id=7, text=TEXT, date="2024-02-17T10:00:00Z", title="Wang meets Blinken", url="https://u",
                     source="Xinhua", language="en", extra={"ignored": True}))
    assert isinstance(d, Document) and d.published is not None
    assert (d.source_id, d.origin, d.published.isoformat(), d.published_raw) == (
        "7", "in.jsonl:1", "2024-02-17", "2024-02-17T10:00:00Z")
    assert (d.title, d.url, d.outlet, d.language, d.text) == ("Wang meets Blinken", "https://u", "Xinhua", "en", TEXT)


def test_record_without_id_has_no_source_id() -> None:
    (d,) = read(line(text=TEXT))
    assert isinstance(d, Document) and d.source_id is None


def test_one_broken_line_among_good_ones_costs_only_itself() -> None:
    data = line(id="a", text=TEXT) + b"{broken json\n" + line(id="b", text=TEXT + " Again.")
    items = read(data)
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    rejected = items[1]
    assert isinstance(rejected, Rejection) and rejected.origin == "in.jsonl:2"
    assert rejected.reason.startswith("invalid JSON: ")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'["a list"]', "record is not a JSON object (got an array)"),
        (b'"text"', "record is not a JSON object (got a string)"),
        (b"null", "record is not a JSON object (got null)"),
        (b"42", "record is not a JSON object (got a number)"),
        (line(id="x", published="2023-06-20"), "record has no text"),
        (line(text="   "), "record has no text"),
        (line(text=None), "record has no text"),
        (line(text=["a"]), "field 'text' is not a string"),
        (line(text=TEXT, id={"a": 1}), "field 'id' is not a string or number"),
        (line(text=TEXT, published="2023-02-30"), "impossible date '2023-02-30'"),
        (line(text=TEXT, published="soon"), "unparseable date 'soon'"),
        (b'{"text": "caf\xe9 talks"}', "undecodable bytes (JSON Lines must be UTF-8)"),
        (b"[" * 100_000, "invalid JSON"),
    ],
)
def test_bad_records(raw: bytes, reason: str) -> None:
    (r,) = read(raw)
    assert isinstance(r, Rejection) and r.origin == "in.jsonl:1"
    assert r.reason.startswith(reason)


def test_blank_lines_are_skipped_but_counted_and_a_bom_is_ignored() -> None:
    items = read(codecs.BOM_UTF8 + line(text=TEXT) + b"\n   \n" + line(text=TEXT + " Again."))
    assert [i.origin for i in items] == ["in.jsonl:1", "in.jsonl:4"]
    assert all(isinstance(i, Document) for i in items)


def test_crlf_line_endings_and_no_final_newline() -> None:
    items = read(line(text=TEXT).replace(b"\n", b"\r\n") + json.dumps({"text": TEXT + " Again."}).encode())
    assert len(items) == 2 and all(isinstance(i, Document) for i in items)


@pytest.mark.parametrize("data", [b"", b"\n\n  \n"])
def test_nothing_to_read_is_one_rejection(data: bytes) -> None:
    assert read(data) == [Rejection("in.jsonl", "empty file")]
    assert read(data, name="-") == [Rejection("-", "empty input")]


def test_size_limit_applies_per_line_not_per_file() -> None:
    small = line(text=TEXT)
    big = line(text="x " * 400)
    limit = len(small) + 10
    items = read(small * 3 + big + small, max_bytes=limit)
    assert [type(i).__name__ for i in items] == ["Document"] * 3 + ["Rejection", "Document"]
    assert items[3] == Rejection("in.jsonl:4", f"over size limit ({len(big) - 1} bytes > {limit} bytes)")
    assert items[4].origin == "in.jsonl:5"


def test_a_line_exactly_at_the_limit_is_accepted() -> None:
    record = line(text=TEXT)
    items = read(record + record, max_bytes=len(record) - 1)  # the newline does not count
    assert all(isinstance(i, Document) for i in items) and len(items) == 2


def test_a_binary_file_is_one_rejection_not_one_per_line() -> None:
    gzip_like = b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + b"\n\xff\xfe\n" * 50
    assert read(gzip_like) == [Rejection("in.jsonl", "binary file")]


def test_a_number_past_pythons_digit_limit_is_one_rejection() -> None:
    good = json.dumps({"id": "good", "text": "Wang Yi met Antony Blinken in Beijing on Monday."}).encode()
    line = b'{"text": "Wang Yi met Antony Blinken.", "id": ' + b"7" * 5000 + b"}"
    items = list(iter_jsonl(io.BytesIO(line + b"\n" + good + b"\n"), name="d.jsonl", max_bytes=1_000_000))
    assert items[0] == Rejection("d.jsonl:1", "invalid JSON: a number too long to read")
    assert isinstance(items[1], Document) and items[1].source_id == "good"
