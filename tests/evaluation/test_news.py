"""Scoring labelled news sentences: the arithmetic on hand-made mentions, and the command end to end."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from detente.cli import main
from detente.evaluation.news import (
    GoldEvent,
    GoldSentence,
    format_news,
    is_news_gold,
    misses,
    read_news_gold,
    score_news,
)
from detente.records import Actor, Location, Mention


def _event(type_: str, src: str = "CHN", tgt: str = "USA", date: dt.date | None = None,
           place: str | None = None) -> GoldEvent:
    return GoldEvent(type=type_, modality="asserted", source=frozenset({src}), target=frozenset({tgt}), date=date,
                     date_precision="day" if date else "unresolved", place=place, place_country=None)


def _mention(type_: str, conf: float, src: str = "CHN", tgt: str = "USA", date: dt.date | None = None,
             location: Location | None = None) -> Mention:
    return Mention(mention_id=f"{type_}{conf}", doc_id="d", sentence="s", sentence_index=0, type=type_, mode=None,
                   cameo=None, goldstein=None, quad_class=None, modality="asserted", channel="other",
                   source=[Actor(text=src, country=src)], target=[Actor(text=tgt, country=tgt)], confidence=conf,
                   date=date, date_precision="day" if date else "unresolved", location=location)


def _sentence(index: int, split: str, *events: GoldEvent) -> GoldSentence:
    return GoldSentence(doc="a" if split == "tune" else "b", published=dt.date(2023, 6, 21), sentence_index=index,
                        text=f"sentence {index}", split=split, events=list(events))


def test_precision_recall_and_accuracies() -> None:
    gold = [
        _sentence(0, "tune", _event("CONSULT", date=dt.date(2023, 6, 19), place="Beijing")),
        _sentence(1, "tune", _event("ACCUSE"), _event("REJECT")),
        _sentence(2, "tune"),  # nothing happened here
        _sentence(0, "check", _event("AID")),
    ]
    coded = {
        ("a", 0): [_mention("CONSULT", 0.9, date=dt.date(2023, 6, 19),
                            location=Location(text="Beijing", name="Beijing", country="CHN", lat=None, lon=None))],
        ("a", 1): [_mention("REJECT", 0.8), _mention("THREATEN", 0.7, src="USA", tgt="CHN")],
        ("a", 2): [_mention("SUPPORT", 0.6)],
        # ("b", 0): no event at all
    }
    result = score_news(gold, coded)
    tune, check, everything = result["tune"], result["check"], result["all"]
    assert (tune["sentences"], tune["sentences_with_events"], tune["gold_events"], tune["coded_events"]) == (3, 2, 3, 4)
    assert tune["type_accuracy"] == 1.0  # the best mention of each sentence has a labelled type
    assert tune["precision"] == 0.5 and tune["recall"] == round(2 / 3, 4)  # CONSULT, REJECT matched
    assert tune["quad_class_accuracy"] == 1.0
    assert tune["events_in_sentences_without_events"] == 1
    assert tune["date_accuracy"] == 1.0 and tune["place_accuracy"] == 1.0 and tune["source_accuracy"] == 1.0
    assert tune["per_type"]["THREATEN"] == {"precision": 0.0, "recall": None, "f1": None, "support": 0,
                                            "predicted": 1}
    assert (check["type_accuracy"], check["no_event_rate"], check["recall"]) == (0.0, 1.0, 0.0)
    assert check["precision"] is None  # nothing coded, nothing to be precise about
    assert everything["sentences"] == 4 and everything["no_event_rate"] == round(1 / 3, 4)


def test_date_and_place_given_count_every_matched_mention() -> None:
    """Coverage is over matched mentions whether or not their event is labelled with a date or place, and a
    wrong date still counts as given: the rates show how often the coder says anything at all."""
    beijing = Location(text="Beijing", name="Beijing", country="CHN", lat=None, lon=None)
    gold = [
        _sentence(0, "tune", _event("CONSULT", date=dt.date(2023, 6, 19), place="Beijing")),
        _sentence(1, "tune", _event("ACCUSE")),  # nothing labelled: the coder's date still counts as given
        _sentence(2, "tune", _event("REJECT", place="Geneva")),
        _sentence(3, "tune", _event("AID")),  # not matched: not counted
    ]
    coded = {
        ("a", 0): [_mention("CONSULT", 0.9, date=dt.date(2023, 6, 18), location=beijing)],  # wrong day, given
        ("a", 1): [_mention("ACCUSE", 0.8, date=dt.date(2023, 6, 20))],
        ("a", 2): [_mention("REJECT", 0.7)],
        ("a", 3): [_mention("SUPPORT", 0.7, date=dt.date(2023, 6, 20), location=beijing)],
    }
    tune = score_news(gold, coded)["tune"]
    assert tune["date_accuracy"] == 0.0 and tune["place_accuracy"] == 0.5
    assert tune["date_given"] == round(2 / 3, 4) and tune["place_given"] == round(1 / 3, 4)
    assert score_news(gold[3:], coded)["tune"]["date_given"] is None  # no match, no rate


def test_a_named_draw_is_also_scored_on_its_own() -> None:
    """Rows naming their draw make a part of their own (``check d3``) beside their split; rows without the
    field are in their split and ``all`` only."""
    gold = [
        _sentence(0, "tune", _event("CONSULT")),
        _sentence(0, "check", _event("AID")),  # an older check row: no draw
        GoldSentence(doc="c", published=dt.date(2023, 6, 21), sentence_index=0, text="s", split="check",
                     events=[_event("ACCUSE")], draw=3),
        GoldSentence(doc="c", published=dt.date(2023, 6, 21), sentence_index=1, text="t", split="check",
                     events=[], draw=3),
    ]
    coded = {("a", 0): [_mention("CONSULT", 0.9)], ("c", 0): [_mention("ACCUSE", 0.9)],
             ("c", 1): [_mention("REJECT", 0.5)]}
    result = score_news(gold, coded)
    assert set(result) == {"tune", "check", "check d3", "all"}
    fresh, check = result["check d3"], result["check"]
    assert (fresh["sentences"], fresh["gold_events"], fresh["coded_events"]) == (2, 1, 2)
    assert fresh["recall"] == 1.0 and fresh["precision"] == 0.5 and fresh["events_in_sentences_without_events"] == 1
    assert (check["sentences"], check["gold_events"], check["recall"]) == (3, 2, 0.5)
    assert result["all"]["sentences"] == 4
    header, *rows = format_news(result).splitlines()
    assert header.split() == ["tune", "check", "check", "d3", "all"]
    assert next(r for r in rows if r.startswith("sentences ")).split()[1:] == ["1", "3", "2", "4"]
    assert "check d3" not in score_news(gold[:2], coded)  # no draw named, no column
    assert format_news(score_news(gold[:2], coded)).splitlines()[0].split() == ["tune", "check", "all"]


def test_the_check_split_never_shows_its_misses() -> None:
    gold = [_sentence(0, "tune", _event("AID")), _sentence(0, "check", _event("AID"))]
    assert [m["gold"] for m in misses(gold, {})] == [["AID"]]
    with pytest.raises(ValueError, match="scored only"):
        list(misses(gold, {}, split="check"))


def test_evaluate_command_on_labelled_news(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Washington on Monday. "
            "The weather was warm.")
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "n1", "text": text, "published": "2023-06-21"}) + "\n", encoding="utf-8")
    meeting = {"type": "CONSULT", "mode": None, "modality": "asserted", "source": ["CHN"], "target": ["USA"],
               "date": "2023-06-19", "date_precision": "day", "place": "Washington", "place_country": "USA",
               "core": True}
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in [
        {"doc": "n1", "published": "2023-06-21", "sentence_index": 0, "split": "tune", "events": [meeting],
         "text": text.split(" The ")[0]},
        {"doc": "n1", "published": "2023-06-21", "sentence_index": 1, "split": "tune", "events": [],
         "text": "The weather was warm."},
    ]), encoding="utf-8")
    assert is_news_gold(gold) and len(read_news_gold(gold)) == 2
    assert main(["evaluate", str(gold), "--documents", str(docs), "--json"]) == 0
    out = capsys.readouterr()
    result = json.loads(out.out)
    assert "not found" not in out.err and "differs" not in out.err
    assert result["tune"]["type_accuracy"] == 1.0 and result["tune"]["sentences"] == 2
    assert result["tune"]["events_in_sentences_without_events"] == 0
    assert result["tune"]["date_accuracy"] == 1.0
    assert result["tune"]["date_given"] == 1.0 and result["tune"]["place_given"] == 1.0


def test_a_broken_labelled_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "n1", "sentence_index": 0, "events": [{"modality": "asserted"}], "text": "x"}\n',
                    encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 2
    assert f"{gold}:1" in capsys.readouterr().err


def test_sentences_not_parsed_are_split_by_why_the_prefilter_refused_them() -> None:
    gold = [_sentence(0, "tune", _event("AID")), _sentence(1, "tune", _event("AID")),
            _sentence(2, "tune", _event("AID")), _sentence(3, "tune")]
    stages = {("a", 0): "not parsed", ("a", 1): "not parsed", ("a", 2): "no trigger", ("a", 3): "not parsed"}
    # the sentence with no labelled event and the one parsed are counted under no reason
    refused = {("a", 0): "no trigger word", ("a", 1): "no candidate actor", ("a", 3): "no trigger word"}
    result = score_news(gold, {}, stages, refused)
    by = result["tune"]["not_parsed_by"]
    assert by["no trigger word"] == by["no candidate actor"] == round(1 / 3, 4) and by["too long"] == 0.0
    assert result["tune"]["no_event_at"]["not parsed"] == round(2 / 3, 4)
    rows = format_news(result).splitlines()
    at = next(i for i, r in enumerate(rows) if r.startswith("  none: not parsed"))
    assert rows[at + 1].split()[:4] == ["no", "trigger", "word", "0.333"]
    assert [m.get("refused") for m in misses(gold, {}, stages=stages, refused=refused)] == \
        ["no trigger word", "no candidate actor", None]
    assert "not_parsed_by" not in score_news(gold, {}, stages)


def test_unmatched_events_are_counted_by_type_and_where_they_were_lost() -> None:
    gold = [_sentence(0, "check", _event("ACCUSE"), _event("AID")), _sentence(1, "check", _event("ACCUSE")),
            _sentence(2, "check", _event("ACCUSE")), _sentence(3, "check", _event("AID"))]
    coded = {("b", 0): [_mention("AID", 0.9)], ("b", 3): [_mention("AID", 0.8)]}
    stages = {("b", 0): "coded", ("b", 1): "not parsed", ("b", 2): "no actor", ("b", 3): "coded"}
    refused = {("b", 1): "no trigger word"}
    per_type = score_news(gold, coded, stages, refused)["check"]["per_type"]
    # the ACCUSE beside a coded AID lost to "another type", one refused by the prefilter, one for want of an actor
    assert per_type["ACCUSE"]["lost"] == {"another type": 1, "not parsed: no trigger word": 1, "no actor": 1}
    assert "lost" not in per_type["AID"]  # both matched
    assert per_type["ACCUSE"]["coded_instead"] == {"none spare": 1}  # the AID coded there matched its own label
    assert "unmatched: 1 another type, 1 not parsed: no trigger word, 1 no actor" in format_news(
        score_news(gold, coded, stages, refused))
    assert "lost" not in score_news(gold, coded)["check"]["per_type"]["ACCUSE"]  # only when stages were traced


def test_an_event_lost_beside_another_type_names_the_type_coded_instead() -> None:
    gold = [_sentence(0, "check", _event("ACCUSE")), _sentence(1, "check", _event("ACCUSE"), _event("AID")),
            _sentence(2, "check", _event("REQUEST"))]
    coded = {("b", 0): [_mention("REJECT", 0.4), _mention("ASSAULT", 0.9)],
             ("b", 1): [_mention("AID", 0.9), _mention("REJECT", 0.5)], ("b", 2): [_mention("REQUEST", 0.7)]}
    stages = {("b", 0): "coded", ("b", 1): "coded", ("b", 2): "coded"}
    per_type = score_news(gold, coded, stages)["check"]["per_type"]
    # the most confident coded event left over once the labels took theirs
    assert per_type["ACCUSE"]["coded_instead"] == {"ASSAULT": 1, "REJECT": 1}
    assert "coded_instead" not in per_type["REQUEST"] and "coded_instead" not in per_type["AID"]
