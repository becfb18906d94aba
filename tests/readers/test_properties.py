"""Property tests: no input makes a reader raise, everything it yields can be stored, and good records beside
hostile ones still come out (strategies in tests/hostile.py)."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

import detente
from detente.readers import Rejection, content_id, document_from_text, iter_documents
from detente.readers.decoding import DecodeError, decode_bytes
from detente.readers.jsonl import iter_jsonl
from detente.records import Document
from tests.hostile import GOOD, fast, hostile_text, jsonl_lines

LONG_LINE = "Wang Yi met Blinken \x1b[2J\u202e\ud800 " * 30_000  # a line of over 10^6 characters


def _encodable(doc: Document) -> None:
    """Everything the store and a terminal will get encodes as UTF-8 (no lone surrogate survived)."""
    for value in (doc.text, doc.title, doc.outlet, doc.url, doc.source_id, doc.origin, doc.published_raw):
        if value is not None:
            value.encode("utf-8")
    assert doc.id == content_id(doc.text)


@fast
@given(st.binary(max_size=2000))
@example(b"\x00" * 64)
@example("China and the US met in Beijing on Monday, officials said.".encode("utf-16-le"))
def test_decoding_random_bytes_gives_text_or_a_reason(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str)


@fast
@given(hostile_text, hostile_text)
@example(LONG_LINE, "title")
def test_any_text_is_a_document_or_a_rejection(text: str, title: str) -> None:
    item = document_from_text(text, origin="x.txt", source_id="x\ud800", meta={"title": title})
    if isinstance(item, Document):
        _encodable(item)
    else:
        assert isinstance(item, Rejection) and "\n" not in item.message()


@fast
@given(st.lists(jsonl_lines, max_size=8))
@example([json.dumps({"id": "long", "text": LONG_LINE}).encode()])
@example([b'{"text": "' + GOOD.encode() + b' Digits.", "id": ' + b"1" * 5000 + b"}"])  # over Python's int limit
@example([b"[" * 100_000 + b"]" * 100_000])  # nested too deeply
def test_random_jsonl_never_raises_and_good_records_beside_it_come_out(lines: list[bytes]) -> None:
    good_first = json.dumps({"id": "first", "text": GOOD}).encode()
    good_last = json.dumps({"id": "last", "text": GOOD.replace("Monday", "Friday")}).encode()
    stream = io.BytesIO(b"\n".join([good_first, *lines, good_last]) + b"\n")
    items = list(iter_jsonl(stream, name="dump.jsonl", max_bytes=5_000_000))
    docs = [i for i in items if isinstance(i, Document)]
    for doc in docs:
        _encodable(doc)
    for item in items:
        if isinstance(item, Rejection):
            assert "\n" not in item.message() and "\x1b" not in item.message()
    assert docs[0].source_id == "first" and docs[-1].source_id == "last"


@fast
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv"]))
def test_random_files_through_detente_read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as top:
        (Path(top) / f"junk{suffix}").write_bytes(data)
        (Path(top) / "good.txt").write_text(GOOD, encoding="utf-8")
        rejected: list[Rejection] = []
        docs = list(detente.read([top], on_reject=rejected.append))
        assert "good" in [d.source_id for d in docs]
        for doc in docs:
            _encodable(doc)
        assert list(iter_documents([str(Path(top) / f"junk{suffix}")]))  # named explicitly: something comes back
