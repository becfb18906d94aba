"""Gold files are read one JSON value a line: blank lines skipped, a bad line refused with its file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from detente.evaluation.gold import read_gold
from detente.evaluation.jsonl import read_records
from detente.evaluation.news import read_news_gold


def _text(d: Any) -> str:
    return str(d["text"])


def test_every_non_blank_line_is_one_record(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"text": "a"}\n\n   \n{"text": "b"}\n', encoding="utf-8")
    assert read_records(path, _text, "a record", (KeyError,)) == ["a", "b"]


def test_a_bad_line_is_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"text": "a"}\n\n{"other": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"^.*g\.jsonl:3: not a record: 'text'$"):
        read_records(path, _text, "a record", (KeyError,))
    path.write_text('{"text": "a"}\n{"text": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.jsonl:2: not a record: Expecting value"):
        read_records(path, _text, "a record", (ValueError,))


def test_only_the_errors_named_mean_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text("[1]\n", encoding="utf-8")
    with pytest.raises(TypeError):
        read_records(path, _text, "a record", (KeyError,))


def test_both_gold_formats_name_what_a_line_should_be(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.jsonl:1: not a gold record: "):
        read_gold(path)
    with pytest.raises(ValueError, match=r"g\.jsonl:1: not a labelled sentence: "):
        read_news_gold(path)
