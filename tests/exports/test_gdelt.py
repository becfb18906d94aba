"""GDELT 2.0 event and mention files, loaded back the way GDELT users load them (DuckDB read_csv with the
codebook's column names, tab-delimited, no header) and checked against the store."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

import detente
from detente.analysis.tone import sentence_tone
from detente.exports import codes, gdelt
from tests.conftest import SHARED
from tests.exports.conftest import HOSTILE_TEXT

REFERENCE = SHARED / "reference"
EVENTS_HEADER = REFERENCE / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
MENTIONS_HEADER = REFERENCE / "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"


def _reference(path: Path) -> list[tuple[str, str]]:
    """(column, type) from GDELT's own codebook files."""
    if not path.exists():
        pytest.skip(f"GDELT reference not found at {path}")
    if path.suffix == ".csv":
        return [(r["tableId"], r["dataType"]) for r in csv.DictReader(path.open(encoding="utf-8"))]
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t"))[1:]
    return [(r[1], r[2]) for r in rows]


def _load(path: Path, header_file: Path) -> list[dict]:
    """The file as DuckDB reads a GDELT file: names and types from the codebook, tab-delimited, no header."""
    cols = _reference(header_file)
    types = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}
    spec = "{" + ", ".join(f"'{name}': '{types[kind]}'" for name, kind in cols) + "}"
    con = duckdb.connect()
    cur = con.execute(f"SELECT * FROM read_csv($path, delim='\t', header=false, quote='', escape='', "
                      f"columns={spec}, auto_detect=false)", {"path": str(path)})
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _store_rows(db: Path, sql: str) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    finally:
        con.close()


def test_column_tables_are_the_codebooks() -> None:
    assert codes.columns(gdelt.EVENT_COLUMNS) == tuple(_reference(EVENTS_HEADER))
    assert len(codes.columns(gdelt.EVENT_COLUMNS)) == 61
    assert codes.columns(gdelt.MENTION_COLUMNS) == tuple(_reference(MENTIONS_HEADER))


def test_global_event_id_is_a_stable_prefix_of_the_event_id() -> None:
    assert gdelt.global_event_id("b968ccee88919e17") == int("b968ccee88919e1", 16)
    assert format(gdelt.global_event_id("b968ccee88919e17"), "015x") == "b968ccee88919e1"
    other = gdelt.global_event_id("not hex at all")
    assert other == gdelt.global_event_id("not hex at all") and 0 <= other < 2**60


def test_fraction_date_matches_gdelt_files() -> None:
    assert gdelt.fraction_date(dt.date(1979, 1, 1)) == 1979.0027  # the first row of GDELT 1.0
    assert gdelt.fraction_date(dt.date(2015, 2, 18)) == round(2015 + 48 / 365, 4)
    assert gdelt.fraction_date(dt.date(2023, 12, 31)) < 2024


def test_events_load_back_and_match_the_store(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    # 34: the editorial's "After the San Francisco meeting" is the meeting it reported before (docs/coding.md,
    # "Actors a sentence leaves to the story"), a CONSULT the labelled set codes too (tune, 001_f0cbdb990b61ab6f:10);
    # that sentence's "implementing the consensus" (an agreement carried out) and the SCMP report's "the trip meant
    # China and the US were stepping up engagement and working together" (a reading of the trip) are no events
    # (docs/coding.md, "Verbal cooperation on unseen news"), as the labelled set has them; nor is the editorial's
    # "If the US seeks communication ..." (an act only possible: docs/coding.md, "Precision on unseen news"; the
    # labelled set has no event there, tune 001_f0cbdb990b61ab6f:20). 36 since session 11: the SCMP report's
    # "the US wished the people of China 'peace, happiness and prosperity'" is SUPPORT (a wish of well-being;
    # labelled so, tune 000_69b6d8408b5211e1:1), and the editorial's "The US needs to work together with China to
    # rebuild ... trust" (REQUEST assist) no longer merges with its demands that the US change course (REQUEST
    # change): outside CONSULT a mode names the act (docs/events.md, "Compatible"). 37 since session 12: the SCMP
    # report's undated lead, "a series of senior official exchanges in recent months", no longer merges with
    # Blinken's June visit told below it (an undated mention above one dated to a past month is the news of its
    # own day: docs/events.md, "Compatible", Dates); the labelled set has them as two happenings. 36 since session
    # 13: "Blinken told Han that it was good to maintain high-level engagements" is an opinion, no AGREE planned (a
    # guide decision: docs/coding.md, "Verbal cooperation and REQUEST, REJECT, THREATEN on unseen news"); the
    # labelled set codes only the meeting there (tune 000_69b6d8408b5211e1:4). 33 since session 15: the Global Times
    # editorial's demands that the US change course, told across the article in several modes, are one statement
    # of the outlet's own case (docs/events.md, "Measured on labelled news (session 15)"; labelled as one group,
    # gt-request in gold/same_events.tsv)
    assert detente.export(seeds_store, "gdelt-events", out) == 33
    rows = _load(out, EVENTS_HEADER)
    stored = {int(e["event_id"][:15], 16): e for e in _store_rows(seeds_store, "SELECT * FROM events")}
    assert len(rows) == len(stored) == 33
    assert {r["GLOBALEVENTID"] for r in rows} == set(stored)
    reported: dict[str, list[str]] = {}
    for m in _store_rows(seeds_store, "SELECT event_id, sentence FROM mentions"):
        reported.setdefault(m["event_id"], []).append(m["sentence"])
    for r in rows:
        e = stored[r["GLOBALEVENTID"]]
        assert r["EventCode"] == e["cameo"]
        assert r["EventRootCode"] == e["cameo"][:2] and r["EventBaseCode"] == e["cameo"][:3]
        assert r["QuadClass"] == e["quad_class"] and r["GoldsteinScale"] == pytest.approx(e["goldstein"])
        assert (r["NumMentions"], r["NumSources"], r["NumArticles"]) == (e["mentions"], e["sources"], e["documents"])
        assert r["SQLDATE"] == int(e["date"].strftime("%Y%m%d")) and r["Year"] == e["date"].year
        # AvgTone: the mean tone of the sentences reporting the event, on GDELT's -100..100 scale
        tones = [sentence_tone(t) for t in reported[e["event_id"]]]
        assert r["AvgTone"] == pytest.approx(100 * sum(tones) / len(tones), abs=0.01)
        assert -100 <= r["AvgTone"] <= 100 and r["IsRootEvent"] in (0, 1)
        assert len(str(r["DATEADDED"])) == 14
        location = json.loads(e["location"]) if e["location"] else None
        if location is None or location["lat"] is None:
            assert r["ActionGeo_Lat"] is None and r["ActionGeo_Long"] is None
        else:
            assert (r["ActionGeo_Lat"], r["ActionGeo_Long"]) == pytest.approx((location["lat"], location["lon"]))
        for block in ("Actor1Geo", "Actor2Geo"):  # where an actor was is not known: empty, never 0,0
            assert r[f"{block}_Lat"] is None and r[f"{block}_Type"] is None
        source = json.loads(e["source"])
        if source:
            assert r["Actor1Code"] is not None
    with_place = [r for r in rows if r["ActionGeo_Type"] is not None]
    without = [r for r in rows if r["ActionGeo_Type"] is None]
    assert with_place and without
    assert all(r["ActionGeo_FullName"] is None and r["ActionGeo_CountryCode"] is None for r in without)
    beijing = [r for r in rows if r["ActionGeo_FullName"] == "Beijing, China"]
    assert beijing and all(r["ActionGeo_CountryCode"] == "CH" and r["ActionGeo_ADM1Code"] == "CH22"
                           and r["ActionGeo_Type"] == 4 for r in beijing)
    washington = [r for r in rows if r["ActionGeo_FullName"] == "Washington, United States"]
    assert washington and all(r["ActionGeo_Type"] == 3 and r["ActionGeo_ADM1Code"] == "USDC" for r in washington)
    assert {r["Actor1Code"] for r in rows} >= {"USAGOV", "CHNGOV"}
    assert sum(r["IsRootEvent"] for r in rows) >= 1
    assert not any(r["ActionGeo_Lat"] == 0 and r["ActionGeo_Long"] == 0 for r in rows)


def test_header_only_when_asked(seeds_store: Path, tmp_path: Path) -> None:
    plain, headed = tmp_path / "plain.tsv", tmp_path / "headed.tsv"
    detente.export(seeds_store, "gdelt-events", plain, type="CONSULT")
    detente.export(seeds_store, "gdelt-events", headed, type="CONSULT", header=True)
    first = headed.read_text(encoding="utf-8").splitlines()
    assert first[0].split("\t") == [name for name, _ in _reference(EVENTS_HEADER)]
    assert first[1:] == plain.read_text(encoding="utf-8").splitlines()
    assert all(line.split("\t")[28] == "04" for line in first[1:])  # EventRootCode of CONSULT


def test_mentions_load_back_and_join_the_events(seeds_store: Path, tmp_path: Path) -> None:
    events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    detente.export(seeds_store, "gdelt-events", events, dyad="CHN-USA")
    assert detente.export(seeds_store, "gdelt-mentions", mentions, dyad="CHN-USA") > 0
    event_rows = _load(events, EVENTS_HEADER)
    rows = _load(mentions, MENTIONS_HEADER)
    assert {r["GLOBALEVENTID"] for r in rows} == {r["GLOBALEVENTID"] for r in event_rows}
    assert sum(r["NumMentions"] for r in event_rows) == len(rows)
    docs = {d["source_id"]: d["text"] for d in _store_rows(seeds_store, "SELECT source_id, text FROM documents")}
    stored = _store_rows(seeds_store, "SELECT m.sentence_index, m.sentence, m.trigger, d.source_id "
                                      "FROM mentions m JOIN documents d ON d.id = m.doc_id")
    for r in rows:
        source_id = r["MentionIdentifier"].rsplit("; ", 1)[-1]
        text = docs[source_id]
        assert r["MentionType"] == 2 and r["MentionDocLen"] == len(text)
        assert r["EventTimeDate"] is not None and r["MentionTimeDate"] is not None
        assert 0 <= r["Confidence"] <= 100 and r["InRawText"] == 1
        matches = [m for m in stored if m["source_id"] == source_id and m["sentence_index"] + 1 == r["SentenceID"]]
        assert matches
        assert r["MentionDocTone"] == pytest.approx(100 * sentence_tone(matches[0]["sentence"]), abs=0.01)
        if r["ActionCharOffset"] is not None:
            assert any(text[r["ActionCharOffset"]:].startswith(m["trigger"].split("…")[0].strip()) for m in matches)


def test_hostile_text_stays_in_its_cell(hostile_store: Path, tmp_path: Path) -> None:
    events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    assert detente.export(hostile_store, "gdelt-events", events) == 2
    assert detente.export(hostile_store, "gdelt-mentions", mentions) == 2
    lines = events.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and all(len(line.split("\t")) == 61 for line in lines[:-1])
    rows = {r["EventCode"]: r for r in _load(events, EVENTS_HEADER)}
    consult, accuse = rows["042"], rows["112"]
    assert consult["Actor1Name"].startswith("'=CMD")  # a formula-looking name is neutralized
    assert consult["Actor1Code"] == "USAGOV" and consult["Actor2Code"] == "CHNGOV"
    assert accuse["Actor1Code"] == "IGOUNO" and accuse["Actor1KnownGroupCode"] == "UNO"
    assert accuse["Actor1CountryCode"] is None and accuse["Actor2Code"] == "USAMIL"
    assert accuse["ActionGeo_Lat"] is None and accuse["ActionGeo_Long"] is None  # no point: empty, not 0,0
    assert accuse["ActionGeo_CountryCode"] is None
    assert consult["SOURCEURL"] == "https://www.example.com/news/1"
    assert accuse["SOURCEURL"] == "'=Outlet; Line one line two; 2023-06-20; +id second"
    mention_lines = mentions.read_text(encoding="utf-8").split("\n")
    assert mention_lines[-1] == "" and all(len(line.split("\t")) == 16 for line in mention_lines[:-1])
    mention_rows = _load(mentions, MENTIONS_HEADER)
    assert {r["MentionSourceName"] for r in mention_rows} == {"example.com", "'=Outlet"}
    cited = next(r for r in mention_rows if r["MentionType"] == 2)
    assert cited["MentionIdentifier"] == accuse["SOURCEURL"]
    located = next(r for r in mention_rows if r["MentionType"] == 1)
    assert HOSTILE_TEXT[located["ActionCharOffset"]:].startswith("met")
    assert HOSTILE_TEXT[located["Actor2CharOffset"]:].startswith("Wang Yi")


def test_bad_requests_fail_before_writing(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.tsv"
    with pytest.raises(ValueError, match="writes events"):
        detente.export(seeds_store, "gdelt-events", out, table="documents")
    with pytest.raises(ValueError, match="unknown export format"):
        detente.export(seeds_store, "gdelt", out)
    with pytest.raises(ValueError, match="CHN-USA"):
        detente.export(seeds_store, "gdelt-events", out, dyad="China")
    assert list(tmp_path.iterdir()) == []
