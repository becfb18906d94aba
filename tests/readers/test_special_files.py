"""Inputs that are not regular files, or not what they seem: each is one rejection and the rest goes on.

A named pipe or a device is refused from its ``stat`` and never opened (a pipe without a writer would block the
run for ever; the alarm below turns such a hang into a failure). Lone surrogates become U+FFFD at reading, and
UTF-16 without a byte order mark is read as text, not called binary.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.readers import Rejection, iter_documents
from detente.records import Document

TEXT = "Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich on Saturday."
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail, rather than hang, if a reader ever opens a named pipe for reading."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("a reader blocked: it opened a named pipe or a device")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def items(*paths: str | Path) -> list[Document | Rejection]:
    return list(iter_documents([str(p) for p in paths]))


def messages(found: list[Document | Rejection]) -> list[str]:
    return [r.message() for r in found if isinstance(r, Rejection)]


def test_a_symlink_to_itself_inside_a_directory_is_one_rejection_and_the_walk_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "m.txt").symlink_to("nowhere.txt")
    (tmp_path / "z.txt").write_text(TEXT + " Again.")
    found = items(tmp_path)
    assert [d.source_id for d in found if isinstance(d, Document)] == ["a", "z"]
    assert messages(found) == [f"{tmp_path / 'loop.txt'}: cannot read (symbolic link loop)",
                               f"{tmp_path / 'm.txt'}: no such file or directory"]


def test_a_symlink_loop_named_explicitly_is_one_rejection(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    assert messages(items(tmp_path / "loop.txt")) == [f"{tmp_path / 'loop.txt'}: cannot read (symbolic link loop)"]


@posix_only
def test_named_pipes_are_refused_without_being_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "a.txt").write_text(TEXT)
    found = items(tmp_path / "pipe.txt", tmp_path / "pipe.jsonl", tmp_path)
    assert messages(found) == [
        f"{tmp_path / 'pipe.txt'}: not a regular file (a named pipe)",
        f"{tmp_path / 'pipe.jsonl'}: not a regular file (a named pipe)",
        f"{tmp_path / 'pipe.jsonl'}: not a regular file (a named pipe)",
        f"{tmp_path / 'pipe.txt'}: not a regular file (a named pipe)",
    ]
    assert [d.source_id for d in found if isinstance(d, Document)] == ["a"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_a_device_is_refused_without_being_read() -> None:
    assert messages(items("/dev/zero")) == ["/dev/zero: not a regular file (a character device)"]


def test_lone_surrogates_in_jsonl_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    records = [{"id": "bad\ud800", "text": TEXT + " \ud800 Lone.", "title": "T\udfff", "outlet": "O\ud800"},
               {"id": "good", "text": TEXT}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))  # json writes the escape "\\ud800"
    first, second = items(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert "\ufffd Lone." in first.text and first.title == "T\ufffd" and first.outlet == "O\ufffd"
    assert first.source_id == "bad\ufffd"
    for field in (first.text, first.title, first.outlet, first.source_id):
        field.encode("utf-8")  # no UnicodeEncodeError
    assert second.source_id == "good"


def test_an_undecodable_file_name_is_stored_with_a_replacement_character(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name on a UTF-8 system: a surrogate escape
    try:
        (tmp_path / name).write_text(TEXT)
    except (OSError, UnicodeError):
        pytest.skip("this file system does not take undecodable names")
    (doc,) = items(tmp_path)
    assert isinstance(doc, Document) and doc.source_id == "caf\ufffd"
    assert doc.origin is not None and doc.origin.endswith("caf\ufffd.txt")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes((TEXT + " Both sides called the talks candid.").encode(encoding))
    (doc,) = items(path)
    assert isinstance(doc, Document), doc
    assert doc.text.startswith("Chinese Foreign Minister Wang Yi")


def test_binary_with_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert messages(items(path)) == [f"{path}: binary file"]


def test_a_newline_and_an_escape_in_a_file_name_stay_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines\x1b[2J.txt"
    path.write_text("")
    (message,) = messages(items(path))
    assert "\n" not in message and "\x1b" not in message
    assert message.endswith("two\\nlines\\x1b[2J.txt: empty file")
