"""``detente events``: listing, filters, formats and the evidence behind one event."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from detente.cli import main
from detente.records import Actor, Document, Location, Mention
from detente.store.db import Store

LONG = ("US National Security Adviser Jake Sullivan also held talks with Chinese Foreign Minister Wang Yi on "
        "September 16 and 17 in Malta covering issues ranging from Taiwan to Russia's war in Ukraine.")
MALTA = Location(text="Malta", name="Malta", country="MLT", lat=35.9, lon=14.4, precision="country")


def _actor(name: str, country: str) -> Actor:
    return Actor(text=name, name=name, country=country, sector="GOV", id=name.lower().replace(" ", "-"))


def _rec(doc_id: str, index: int, sentence: str, source: Sequence[Actor], target: Sequence[Actor], date: str,
         *, precision: str = "day", end: str | None = None, type: str = "CONSULT", channel: str = "diplomatic",
         location: Location | None = None, confidence: float = 0.8) -> Mention:
    return Mention(
        mention_id=f"{doc_id}-{index}", doc_id=doc_id, sentence=sentence, sentence_index=index, type=type,
        mode=None, cameo="040", goldstein=1.0, quad_class=1, modality="asserted", channel=channel,
        source=list(source), target=list(target), date=dt.date.fromisoformat(date),
        date_end=dt.date.fromisoformat(end) if end else None,
        date_precision=precision,  # type: ignore[arg-type]
        location=location, confidence=confidence,
    )


def _doc(doc_id: str, published: str, outlet: str, title: str) -> Document:
    return Document(id=doc_id, text=title, source_id=doc_id, published=dt.date.fromisoformat(published),
                    outlet=outlet, title=title)


SULLIVAN, WANG = _actor("Jake Sullivan", "USA"), _actor("Wang Yi", "CHN")
XI, BIDEN = _actor("Xi Jinping", "CHN"), _actor("Joe Biden", "USA")
PUTIN = _actor("Vladimir Putin", "RUS")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.add_batch([
            (_doc("scmp", "2023-09-30", "South China Morning Post", "Beijing and Washington step up exchanges"), [
                _rec("scmp", 3, LONG, [SULLIVAN], [WANG], "2023-09-16", end="2023-09-17", location=MALTA,
                     confidence=0.9),
                _rec("scmp", 9, "Xi and Biden have not met since last November in Bali.", [XI], [BIDEN],
                     "2022-11-01", precision="month"),
            ]),
            (_doc("cgtn", "2023-09-18", "CGTN", "Wang Yi meets Sullivan in Malta"), [
                _rec("cgtn", 0, "Wang Yi held talks with Jake Sullivan in Malta.", [WANG], [SULLIVAN],
                     "2023-09-16", end="2023-09-17"),
            ]),
            (_doc("tass", "2023-05-02", "TASS", "Putin criticises US"), [
                _rec("tass", 1, "Putin accused Washington of meddling.", [PUTIN], [BIDEN], "2023-05-01",
                     type="ACCUSE", channel="military"),
            ]),
        ])
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["events", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_lists_events_newest_first_with_counts(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--db", str(db))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["ID", "DATE", "TYPE", "MODALITY"]
    assert lines[-1] == "3 events"
    body = lines[1:-1]
    assert [line.split()[1] for line in body] == ["2023-09-16..17", "2023-05-01", "2022-11"]
    malta = body[0]
    # sides as the most confident report has them, though CGTN reported "Wang Yi held talks with Sullivan"
    assert "Jake Sullivan -> Wang Yi" in malta and "Malta" in malta
    # mentions, sources, documents, first and last report
    assert malta.split()[malta.split().index("Malta") + 1:][:5] == ["2", "2", "2", "2023-09-18", "2023-09-30"]
    assert malta.endswith("...") and LONG not in out  # truncated sentence
    assert "\x1b" not in out
    # aligned: every row starts its columns where the header does
    for column in ("TYPE", "PLACE", "FIRST"):
        start = lines[0].index(column)
        assert all(line[start - 2:start] == "  " and line[start] != " " for line in body)


def test_jsonl_gives_one_object_per_event_with_actor_lists(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--db", str(db), "--format", "jsonl")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert len(events) == 3
    malta = events[0]
    assert [a["name"] for a in malta["source"]] == ["Jake Sullivan"]
    assert [a["name"] for a in malta["target"]] == ["Wang Yi"]
    assert malta["source_countries"] == ["USA"] and malta["location"]["name"] == "Malta"
    assert (malta["date"], malta["date_end"], malta["mentions"], malta["sources"]) == (
        "2023-09-16", "2023-09-17", 2, 2)


def test_csv_has_a_header_and_one_row_per_event(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--db", str(db), "--format", "csv", "--type", "accuse")
    assert code == 0
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert (row["type"], row["source"], row["target"], row["source_countries"]) == (
        "ACCUSE", "Vladimir Putin", "Joe Biden", "RUS")
    assert (row["mentions"], row["sources"], row["first_reported"]) == ("1", "1", "2023-05-02")


@pytest.mark.parametrize(("argv", "expected"), [
    (["--dyad", "CHN-USA"], 2),
    (["--dyad", "usa-chn"], 2),
    (["--dyad", "RUS-USA"], 1),
    (["--channel", "military"], 1),
    (["--since", "2022-11-20"], 3),  # the November 2022 event runs to the end of its month
    (["--since", "2022-12"], 2),
    (["--until", "2023-05"], 2),
    (["--since", "2023", "--until", "2023-06-30"], 1),
    (["--type", "CONSULT", "--dyad", "CHN-USA", "--until", "2022"], 1),
])
def test_filters(db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: int) -> None:
    code, out, _ = run_cli(capsys, "--db", str(db), "--format", "jsonl", *argv)
    assert code == 0
    assert len(out.splitlines()) == expected


def test_limit_says_how_many_match(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "--db", str(db), "--limit", "1")
    assert out.splitlines()[-1] == "1 events of 3"
    assert len(out.splitlines()) == 3


def _malta_id(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    _, out, _ = run_cli(capsys, "--db", str(db), "--format", "jsonl", "--dyad", "CHN-USA", "--limit", "1")
    return str(json.loads(out)["event_id"])


def test_mentions_show_evidence_with_document_and_outlet(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event_id = _malta_id(db, capsys)
    code, out, _ = run_cli(capsys, "--db", str(db), "--id", event_id[:8], "--mentions")
    assert code == 0
    assert out.startswith(f"event     {event_id}\n")
    assert "2 mentions, 2 sources, 2 documents" in out
    assert "[1] 2023-09-18  CGTN  document cgtn  sentence 0" in out
    assert "[2] 2023-09-30  South China Morning Post  document scmp  sentence 3" in out
    assert "Beijing and Washington step up exchanges" in out
    assert LONG in out  # evidence is shown whole

    code, out, _ = run_cli(capsys, "--db", str(db), "--id", event_id, "--mentions", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["doc_id"], r["outlet"], r["title"]) for r in rows] == [
        ("cgtn", "CGTN", "Wang Yi meets Sullivan in Malta"),
        ("scmp", "South China Morning Post", "Beijing and Washington step up exchanges"),
    ]
    assert {r["event_id"] for r in rows} == {event_id}


def test_one_event_by_id(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event_id = _malta_id(db, capsys)
    code, out, _ = run_cli(capsys, "--db", str(db), "--id", event_id, "--format", "csv")
    assert code == 0
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["event_id"] == event_id and row["location"] == "Malta"


def test_unknown_or_ambiguous_id_fails(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--db", str(db), "--id", "nosuchevent", "--mentions")
    assert (code, out) == (1, "") and "no event" in err
    code, _, err = run_cli(capsys, "--db", str(db), "--id", "", "--mentions")  # every id starts with ""
    assert code == 1


def test_mentions_need_an_id(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "--db", str(db), "--mentions")
    assert code == 2 and "--id" in err


def test_missing_store_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "none.duckdb"))
    assert (code, out) == (2, "") and "no such store" in err
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize("argv", [["--dyad", "CHINA-USA"], ["--since", "2023-13"], ["--limit", "0"]])
def test_bad_options_are_usage_errors(db: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["events", "--db", str(db), *argv])
    assert exc.value.code == 2


def test_recluster_rebuilds_the_same_events(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, before, _ = run_cli(capsys, "--db", str(db), "--format", "jsonl")
    code, after, _ = run_cli(capsys, "--db", str(db), "--format", "jsonl", "--recluster")
    assert code == 0 and after == before


def test_an_empty_answer_for_a_code_that_is_no_country_says_so(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The filter takes any side (bodies too: IGO), so a typo is not refused, but its empty answer is explained
    on stderr; output stays clean for pipes."""
    code, out, err = run_cli(capsys, "--db", str(db), "--dyad", "CHN-USS", "--format", "jsonl")
    assert (code, out) == (0, "")
    assert err.strip() == "detente events: no event matched; 'USS' is no country or non-state code (IGO, NGO, ...)"
    for dyad in ("CHN-IGO", "SRB-KOS"):  # a body, a country outside ISO 3166: empty here, and no note
        code, out, err = run_cli(capsys, "--db", str(db), "--dyad", dyad, "--format", "jsonl")
        assert (code, out, err) == (0, "", "")
