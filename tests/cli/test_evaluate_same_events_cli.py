"""``detente evaluate --same-events``: two outlets' reports of one meeting, ingested into a temporary store and
scored as one labelled happening; and the flag's refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.cli import main

MEETING = "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Washington on Monday."
WEATHER = "The weather was warm."


def _event() -> dict:
    return {"type": "CONSULT", "mode": None, "modality": "asserted", "source": ["CHN"], "target": ["USA"],
            "date": "2023-06-19", "date_precision": "day", "place": "Washington", "place_country": "USA",
            "core": True}


@pytest.fixture()
def labelled(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two documents of one day telling one meeting in their first sentence, labelled one happening."""
    docs, gold, same = tmp_path / "docs.jsonl", tmp_path / "gold.jsonl", tmp_path / "same.tsv"
    rows = []
    with docs.open("w", encoding="utf-8") as fh:
        for doc, extra in (("p1", WEATHER), ("p2", "It rained.")):
            fh.write(json.dumps({"id": doc, "text": f"{MEETING} {extra}", "published": "2023-06-21"}) + "\n")
            for index, (text, events) in enumerate(((MEETING, [_event()]), (extra, []))):
                rows.append({"doc": doc, "published": "2023-06-21", "outlet": doc, "sentence_index": index,
                             "text": text, "split": "tune", "events": events})
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    same.write_text("doc\tsentence_index\tevent\tgroup\np1\t0\t0\tmeeting\np2\t0\t0\tmeeting\n", encoding="utf-8")
    return gold, docs, same


def test_one_meeting_told_by_two_documents_is_one_stored_event(labelled: tuple[Path, Path, Path],
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    gold, docs, same = labelled
    assert main(["evaluate", str(gold), "--documents", str(docs), "--same-events", str(same), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["same_events"]
    assert result["matched_events"] == 2 and result["documents"] == 2
    assert result["groups"] == {"all": 1, "within": 0, "across": 1}
    assert result["together"]["across"] == 1.0 and result["wrong_merges"]["all"] == 0


def test_text_report_has_the_same_events_section(labelled: tuple[Path, Path, Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    gold, docs, same = labelled
    assert main(["evaluate", str(gold), "--documents", str(docs), "--same-events", str(same)]) == 0
    out = capsys.readouterr().out
    assert "same real events: 2 of 2 labelled events matched in 2 documents" in out
    assert next(line for line in out.splitlines() if "all in one stored event" in line).split()[-3:] == \
        ["1.000", "-", "1.000"]


def test_refused_without_documents_or_with_unknown_events(labelled: tuple[Path, Path, Path], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    gold, docs, same = labelled
    assert main(["evaluate", str(gold), "--same-events", str(same)]) == 2
    assert "needs --documents" in capsys.readouterr().err
    bad = tmp_path / "bad.tsv"
    bad.write_text("doc\tsentence_index\tevent\tgroup\np1\t1\t0\tmeeting\n", encoding="utf-8")
    assert main(["evaluate", str(gold), "--documents", str(docs), "--same-events", str(bad)]) == 2
    assert "p1:1.0: no labelled tune event" in capsys.readouterr().err
