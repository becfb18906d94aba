"""``detente evaluate`` on labelled news whose fresh draw names itself: the ``check d3`` column end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.cli import main

MEETING = "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Washington on Monday."
WEATHER = "The weather was warm."


def _event(type_: str, src: str, tgt: str) -> dict:
    return {"type": type_, "mode": None, "modality": "asserted", "source": [src], "target": [tgt], "date": None,
            "date_precision": "unresolved", "place": None, "place_country": None, "core": True}


@pytest.fixture()
def labelled(tmp_path: Path) -> tuple[Path, Path]:
    """Three documents, one per part: a tune row, an old check row (no draw) and two rows of draw 3."""
    docs = tmp_path / "docs.jsonl"
    gold = tmp_path / "gold.jsonl"
    rows = []
    with docs.open("w", encoding="utf-8") as fh:
        for doc, split, draw in (("t1", "tune", None), ("c1", "check", None), ("d1", "check", 3)):
            fh.write(json.dumps({"id": doc, "text": f"{MEETING} {WEATHER}", "published": "2023-06-21"}) + "\n")
            # the tune and draw-3 documents are labelled as a meeting, the old check one (wrongly) as a threat
            first = _event("CONSULT" if doc != "c1" else "THREATEN", "CHN", "USA")
            for index, (text, events) in enumerate(((MEETING, [first]), (WEATHER, []))):
                row = {"doc": doc, "published": "2023-06-21", "outlet": "x", "sentence_index": index, "text": text,
                       "split": split, "events": events}
                rows.append(row if draw is None else row | {"draw": draw})
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return gold, docs


def test_json_has_a_check_d3_part(labelled: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, docs = labelled
    assert main(["evaluate", str(gold), "--documents", str(docs), "--json", "--misses", "5"]) == 0
    out = capsys.readouterr()
    result = json.loads(out.out)
    assert "not found" not in out.err and "differs" not in out.err
    assert {"tune", "check", "check d3", "all"} <= set(result)
    assert result["check d3"]["sentences"] == 2 and result["check d3"]["recall"] == 1.0
    assert result["check"]["sentences"] == 4 and result["check"]["recall"] == 0.5  # the old row's threat missed
    assert result["all"]["sentences"] == 6
    # misses are of the tune part only, never of check or check d3
    assert {m["doc"] for m in result["misses"]} <= {"t1"}


def test_text_report_has_a_check_d3_column(labelled: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, docs = labelled
    assert main(["evaluate", str(gold), "--documents", str(docs), "--misses", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["tune", "check", "check", "d3", "all"]
    assert next(r for r in lines if r.startswith("sentences ")).split()[1:] == ["2", "4", "2", "6"]
    assert next(r for r in lines if r.startswith("recall ")).split()[1:] == ["1.000", "0.500", "1.000", "0.667"]
    assert not any(line.startswith(("c1:", "d1:")) for line in lines)


def test_sentences_coded_none_are_counted_by_where_they_stopped(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    docs, gold = tmp_path / "docs.jsonl", tmp_path / "gold.jsonl"
    docs.write_text(json.dumps({"id": "t1", "text": f"{MEETING} {WEATHER}", "published": "2023-06-21"}) + "\n",
                    encoding="utf-8")
    # both sentences labelled with an event: the meeting is coded, the weather never parsed
    rows = [{"doc": "t1", "published": "2023-06-21", "outlet": "x", "sentence_index": i, "text": text,
             "split": "tune", "events": [_event("CONSULT", "CHN", "USA")]} for i, text in enumerate((MEETING, WEATHER))]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["evaluate", str(gold), "--documents", str(docs), "--json", "--misses", "5"]) == 0
    result = json.loads(capsys.readouterr().out)
    lost = result["tune"]["no_event_at"]
    assert lost["not parsed"] == 0.5 and lost["no trigger"] == lost["no actor"] == 0.0
    assert [(m["sentence_index"], m["stage"]) for m in result["misses"]] == [(1, "not parsed")]
    assert result["misses"][0]["refused"] == "no trigger word"
    assert result["tune"]["not_parsed_by"]["no trigger word"] == 0.5
    assert result["tune"]["not_parsed_by"]["no candidate actor"] == 0.0
    assert main(["evaluate", str(gold), "--documents", str(docs)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert next(r for r in lines if r.startswith("  none: not parsed")).split()[3:] == ["0.500", "0.500"]
    # and why the prefilter refused it: the weather has no trigger word
    assert next(r for r in lines if r.startswith("    no trigger word")).split()[3:] == ["0.500", "0.500"]
