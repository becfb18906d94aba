from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from detente.readers import Rejection, iter_documents
from detente.records import Document

TEXT = "Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich on Saturday."
HTML = f"<html><head><title>Wang meets Blinken</title></head><body><article><p>{TEXT}</p></article></body></html>"


def items(*paths: str | Path, **kwargs: object) -> list[Document | Rejection]:
    return list(iter_documents([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def only_rejection(*paths: str | Path, **kwargs: object) -> Rejection:
    (r,) = items(*paths, **kwargs)
    assert isinstance(r, Rejection), r
    return r


def test_each_file_kind(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.md").write_text(f"# Wang meets Blinken\n\n{TEXT} Markdown.")
    (tmp_path / "c.HTML").write_text(HTML)
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "r1", "text": TEXT + " JSONL."}) + "\n")
    found = items(tmp_path / "a.txt", tmp_path / "b.md", tmp_path / "c.HTML", tmp_path / "d.jsonl")
    docs = [d for d in found if isinstance(d, Document)]
    assert docs == found
    assert [d.source_id for d in docs] == ["a", "b", "c", "r1"]
    assert [d.origin for d in docs] == [str(tmp_path / n) for n in ("a.txt", "b.md", "c.HTML")] + [
        f"{tmp_path / 'd.jsonl'}:1"]
    assert docs[2].title == "Wang meets Blinken" and docs[2].text == TEXT


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for rel in ("b/z.txt", "b/a.txt", "a.txt", "c/d/e.md", ".hidden/x.txt", ".y.txt", "img.png", "notes.docx"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{TEXT} ({rel})")
    got = items(tmp_path)
    assert [d.origin for d in got] == [str(tmp_path / r) for r in ("a.txt", "b/a.txt", "b/z.txt", "c/d/e.md")]


def test_a_directory_with_nothing_readable_is_one_rejection(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "sub").mkdir()
    r = only_rejection(tmp_path)
    assert r.origin == str(tmp_path) and r.reason.startswith("no readable files")


def test_a_directory_whose_files_are_all_bad_rejects_the_files_not_the_directory(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert only_rejection(tmp_path) == Rejection(str(tmp_path / "empty.txt"), "empty file")


def test_explicit_file_with_another_extension_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "article").write_text(TEXT)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    (tmp_path / "data.json").write_text(json.dumps({"text": TEXT}))
    doc, pdf, js = items(tmp_path / "article", tmp_path / "scan.pdf", tmp_path / "data.json")
    assert isinstance(doc, Document) and doc.source_id == "article"
    assert pdf == Rejection(str(tmp_path / "scan.pdf"), "binary file")
    assert isinstance(js, Rejection) and js.reason.startswith("unsupported file type '.json'")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\r\n  \n", "empty file"),
        ("bom.txt", b"\xef\xbb\xbf \xc2\xa0\n", "empty file"),
        ("empty.html", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\xff" * 100, "binary file"),
        ("broken.html", b"<html><body><div><span", "no article text found in HTML"),
        ("furniture.txt", b"Photo:VCG\nRead More\nBack to Top\n", "no article text"),
        ("baddate.txt", f"Published: 2023-02-30\n\n{TEXT}".encode(), "impossible date '2023-02-30'"),
        ("future.txt", f"date 2999-01-01 {TEXT}".encode(), "impossible date '2999-01-01' (in the future)"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    r = only_rejection(path)
    assert r.origin == str(path)
    assert r.reason.startswith(reason)


def test_undecodable_bytes(tmp_path: Path) -> None:
    import random

    rng = random.Random(3)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    assert only_rejection(path).reason.startswith("undecodable bytes")


def test_legacy_encoded_file_is_decoded(tmp_path: Path) -> None:
    # English with French names: a French text would now be refused for its language (test_language.py)
    text = ("The minister met his counterpart at the café in Genève, where they said that the “truce” with "
            "Besançon would hold.")
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (d,) = items(tmp_path / "cp1252.txt")
    assert isinstance(d, Document) and d.text == text


def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 100)
    opened: list[str] = []
    real_open = open

    def recording_open(p: object, *a: object, **k: object) -> object:
        opened.append(str(p))
        return real_open(p, *a, **k)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", recording_open)
    r = only_rejection(path, max_bytes=1000)
    assert r.reason == f"over size limit ({os.path.getsize(path) / 1000:.1f} kB > 1.0 kB)"
    assert opened == []


def test_default_limit_is_five_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"a" * 5_000_001)
    assert only_rejection(path).reason == "over size limit (5.0 MB > 5.0 MB)"
    path.write_bytes(b"China and the US held talks. " * 1000)
    assert isinstance(items(path)[0], Document)


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert only_rejection(missing) == Rejection(str(missing), "no such file or directory")


def test_the_batch_goes_on_after_rejections(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT)
    got = items(tmp_path / "missing", tmp_path / "good.txt", tmp_path / "missing2")
    assert [type(i).__name__ for i in got] == ["Rejection", "Document", "Rejection"]


def test_dash_reads_jsonl_from_stdin() -> None:
    stdin = io.BytesIO(b"\n".join(json.dumps({"id": i, "text": f"{TEXT} {i}."}).encode() for i in range(3))
                       + b"\nnot json\n")
    got = items("-", stdin=stdin)
    assert [i.origin for i in got] == ["-:1", "-:2", "-:3", "-:4"]
    assert [i.source_id for i in got[:3]] == ["0", "1", "2"]  # type: ignore[union-attr]
    assert isinstance(got[3], Rejection) and got[3].message().startswith("-:4: invalid JSON")


def test_same_article_twice_under_other_names_is_one_id(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(f"{TEXT}\n\nThe two sides agreed to talk again.")
    (tmp_path / "copy of one.md").write_text(f"\n\n{TEXT}  \n\n\n\nThe two sides   agreed to talk again.\n")
    record = {"id": "x9", "text": f"{TEXT}\nThe two sides agreed to talk again."}
    (tmp_path / "rec.jsonl").write_text(json.dumps(record))
    docs = items(tmp_path)
    assert len(docs) == 3 and len({d.id for d in docs}) == 1  # type: ignore[union-attr]
    assert {d.source_id for d in docs} == {"one", "copy of one", "x9"}  # type: ignore[union-attr]


def test_a_single_string_is_refused() -> None:
    with pytest.raises(TypeError):
        list(iter_documents("examples"))
