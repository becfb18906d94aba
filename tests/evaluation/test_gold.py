"""Scoring coded events against gold records, the text report, and the ``detente evaluate`` command."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest

from detente.cli import evaluate as cli_evaluate
from detente.evaluation.gold import GoldRecord, best_event, format_result, read_gold, score
from detente.records import Actor, Mention


def rec(type_: str, conf: float, src: str | None = None, tgt: str | None = None) -> Mention:
    return Mention(mention_id="x", doc_id="d", sentence="s", sentence_index=0, type=type_, mode=None,
                       cameo="010", goldstein=0.0, quad_class=1, modality="asserted", channel="other",
                       source=[Actor("a", country=src)] if src else [],
                       target=[Actor("b", country=tgt)] if tgt else [], confidence=conf)


def gold(type_: str | None, src: set[str], tgt: set[str], text: str = "t") -> GoldRecord:
    return GoldRecord(id=text, text=text, date=dt.date(2000, 1, 1), type=type_, source_codes=src, target_codes=tgt)


def test_best_event_is_the_most_confident() -> None:
    a, b = rec("CONSULT", 0.5), rec("ACCUSE", 0.8)
    assert best_event([a, b]) is b
    assert best_event([]) is None


def test_scores() -> None:
    golds = [gold("CONSULT", {"USA"}, {"CHN"}, "1"), gold("ACCUSE", {"RUS"}, set(), "2"),
             gold("ACCUSE", {"FRA"}, {"DEU"}, "3"), gold(None, {"IRQ"}, set(), "4")]
    coded = [[rec("CONSULT", 0.9, "USA", "CHN"), rec("AGREE", 0.2)], [rec("REJECT", 0.7, "RUS")], [], [rec("X", .1)]]
    r = score(golds, coded)
    assert (r.records, r.scored) == (4, 3)
    assert r.accuracy == pytest.approx(1 / 3)
    assert r.per_type["CONSULT"].f1 == 1.0
    assert r.per_type["ACCUSE"].recall == 0.0 and r.per_type["REJECT"].precision == 0.0
    assert r.macro_f1 == pytest.approx(0.5)  # CONSULT 1.0, ACCUSE 0.0
    assert r.source_accuracy == pytest.approx(2 / 3) and r.source_scored == 3
    assert r.target_accuracy == pytest.approx(1 / 2) and r.target_scored == 2
    assert r.events_per_sentence == pytest.approx(4 / 4)
    assert r.confusion == {"CONSULT": {"CONSULT": 1}, "ACCUSE": {"REJECT": 1, "-": 1}}
    assert len(r.misses) == 2
    d = r.to_dict()
    assert d["accuracy"] == round(1 / 3, 4) and d["per_type"]["CONSULT"]["support"] == 1
    text = format_result(r, misses=1)
    assert "event-type accuracy   0.333" in text and "confusion" in text and "first 1 of 2 misses" in text


def test_score_needs_aligned_lists() -> None:
    with pytest.raises(ValueError):
        score([gold("AID", set(), set())], [])


def test_read_gold(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "a", "date": "2001-02-03", "text": "X met Y.", "plover2021_via_cameo":
                                "CONSULT", "source": [{"text": "X", "code": "USA"}], "target": []}) + "\n\n")
    [g] = read_gold(path)
    assert (g.id, g.date, g.type, g.source_codes, g.target_codes) == ("a", dt.date(2001, 2, 3), "CONSULT",
                                                                       {"USA"}, set())
    path.write_text("{not json\n")
    with pytest.raises(ValueError, match="g.jsonl:1"):
        read_gold(path)


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
             coder) -> None:
    parser = argparse.ArgumentParser()
    cli_evaluate.add_parser(parser.add_subparsers())
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "a", "date": "2023-09-30", "text": "Blinken met Wang Yi in Beijing.",
                                "plover2021_via_cameo": "CONSULT", "source": [{"text": "Blinken", "code": "USA"}],
                                "target": [{"text": "Wang Yi", "code": "CHN"}]}) + "\n")
    args = parser.parse_args(["evaluate", str(path), "--json"])
    assert args.run(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["accuracy"] == 1.0 and out["source_country_accuracy"] == 1.0 and "misses" not in out
    args = parser.parse_args(["evaluate", str(path)])
    assert args.run(args) == 0
    assert "event-type accuracy   1.000" in capsys.readouterr().out
    args = parser.parse_args(["evaluate", str(tmp_path / "missing.jsonl")])
    assert args.run(args) == 2
    # the same gold with the model's own NER, and a bad entity source in the environment
    args = parser.parse_args(["evaluate", str(path), "--json", "--entities", "model"])
    assert args.run(args) == 0
    assert json.loads(capsys.readouterr().out)["accuracy"] == 1.0
    monkeypatch.setenv("DETENTE_ENTITIES", "bogus")
    args = parser.parse_args(["evaluate", str(path)])
    assert args.run(args) == 2
    assert "DETENTE_ENTITIES" in capsys.readouterr().err
