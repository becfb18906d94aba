"""Exports are written whole or not at all; text goes to stdout for -."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from detente.exports.output import atomic_path, text_output, tsv_cell


def test_a_failed_write_leaves_nothing_and_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), text_output(out) as stream:
        stream.write("half a row")
        raise RuntimeError("disk full")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.tsv"]


def test_a_good_write_replaces_the_file(tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    with atomic_path(out) as tmp:
        assert tmp.parent == tmp_path and tmp != out
        tmp.write_text("new\n", encoding="utf-8")
        assert not out.exists()
    assert out.read_text(encoding="utf-8") == "new\n" and len(list(tmp_path.iterdir())) == 1


def test_dash_is_stdout() -> None:
    buffer = io.StringIO()
    with text_output("-", buffer) as stream:
        stream.write("row\n")
    assert buffer.getvalue() == "row\n"


def test_tsv_cells_hold_no_separator() -> None:
    assert tsv_cell("a\tb\r\nc\u2028d") == "a b c d"
