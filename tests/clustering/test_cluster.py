"""Clustering mentions into events through the store's batch hook."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from detente.clustering import event_id_for, named_actor
from detente.records import Actor, Location
from detente.store.db import Store
from tests.clustering.eventdata import (
    BALI,
    BIDEN,
    BLINKEN,
    CHINA,
    MALTA,
    SULLIVAN,
    US,
    VALLETTA,
    WANG,
    WASHINGTON,
    XI,
    body,
    doc,
    events,
    group,
    groups,
    ingest,
    membership,
    nation,
    rec,
)

D = dt.date.fromisoformat


def test_one_meeting_told_three_times_in_one_document_is_one_event(tmp_path: Path) -> None:
    d = doc("a", "2023-09-18", "SCMP")
    store = ingest(tmp_path / "s.duckdb", [(d, [
        rec("a", 0, source=[SULLIVAN], target=[WANG], date="2023-09-16", date_end="2023-09-17", location=MALTA,
            confidence=0.9),
        rec("a", 2, source=[US], target=[CHINA], precision="unresolved", date="2023-09-18", confidence=0.6),
        rec("a", 5, source=[WANG], target=[SULLIVAN], precision="unresolved", date="2023-09-18",
            location=VALLETTA),
    ])])
    [event] = events(store)
    assert (event["mentions"], event["documents"], event["sources"]) == (3, 1, 1)
    assert (event["date"], event["date_end"], event["date_precision"]) == (D("2023-09-16"), D("2023-09-17"), "day")
    assert event["sentence"] == "sentence 0 of a"
    assert json.loads(event["location"])["name"] == "Valletta"  # the city beats the country
    names = {a["name"] for a in json.loads(event["source"]) + json.loads(event["target"])}
    assert names == {"Jake Sullivan", "Wang Yi", "United States", "China"}
    assert event["event_id"] == event_id_for("a-m0")


def test_one_meeting_from_two_outlets_is_one_event_with_two_sources(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-11-15", "Reuters"), [rec("a", 1, date="2023-11-15", location=WASHINGTON)]),
        (doc("b", "2023-11-16", "Xinhua"), [rec("b", 4, source=[XI], target=[BIDEN], date="2023-11-15")]),
    ])
    [event] = events(store)
    assert (event["mentions"], event["documents"], event["sources"]) == (2, 2, 2)
    assert (event["first_reported"], event["last_reported"]) == (D("2023-11-15"), D("2023-11-16"))


def test_sources_count_outlets_not_documents(tmp_path: Path) -> None:
    """Two stories of one outlet are one source; a document without an outlet is a source of its own."""
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-11-15", "Reuters"), [rec("a", 1, date="2023-11-15")]),
        (doc("b", "2023-11-16", "reuters "), [rec("b", 1, date="2023-11-15")]),
        (doc("c", "2023-11-16", None), [rec("c", 1, date="2023-11-15")]),
        (doc("d", "2023-11-17", None), [rec("d", 1, date="2023-11-15")]),
    ])
    [event] = events(store)
    assert (event["mentions"], event["documents"], event["sources"]) == (4, 4, 3)


def test_distinct_meetings_of_the_same_people_stay_apart(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-06-20", "AP"), [rec("a", 0, date="2023-06-19"), rec("a", 2, date="2023-06-20")]),
        (doc("b", "2023-11-16", "AP"), [rec("b", 0, date="2023-11-15")]),
        (doc("c", "2023-11-17", "CGTN"), [rec("c", 7, date="2023-11-15")]),
    ])
    assert groups(store) == [["a-m0"], ["a-m2"], ["b-m0", "c-m7"]]


def test_different_people_on_the_same_day_are_different_meetings(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-06-19", "AP"), [rec("a", 0, source=[BLINKEN], target=[WANG], date="2023-06-19"),
                                         rec("a", 1, source=[BLINKEN], target=[XI], date="2023-06-19")]),
        (doc("b", "2023-06-20", "BBC"), [rec("b", 0, source=[BLINKEN], target=[XI], date="2023-06-19"),
                                          rec("b", 1, source=[WANG, BLINKEN], target=[], date="2023-06-19")]),
    ])
    assert groups(store) == [["a-m0", "b-m1"], ["a-m1", "b-m0"]]


def test_a_plan_and_its_fulfilment_stay_distinct(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-09-30", "SCMP"), [rec("a", 0, source=[WANG], target=[US], date="2023-10-01",
                                              precision="month", modality="planned")]),
        (doc("b", "2023-10-27", "SCMP"), [rec("b", 0, source=[WANG], target=[US], date="2023-10-26")]),
    ])
    assert groups(store) == [["a-m0"], ["b-m0"]]
    assert {e["modality"] for e in events(store)} == {"planned", "asserted"}


def test_negated_and_asserted_mentions_do_not_merge(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-09-30", "SCMP"), [
            rec("a", 0, date="2022-11-01", precision="month", location=BALI),
            rec("a", 1, date="2022-11-01", precision="month", modality="negated"),
        ]),
    ])
    assert groups(store) == [["a-m0"], ["a-m1"]]


def test_direction_matters_except_for_meetings(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-03-02", "AP"), [rec("a", 0, type="ACCUSE", source=[US], target=[CHINA], date="2023-03-01"),
                                         rec("a", 1, source=[BIDEN], target=[XI], date="2023-03-01")]),
        (doc("b", "2023-03-02", "CGTN"), [rec("b", 0, type="ACCUSE", source=[CHINA], target=[US],
                                              date="2023-03-01"),
                                          rec("b", 1, source=[XI], target=[BIDEN], date="2023-03-01")]),
    ])
    assert groups(store) == [["a-m0"], ["a-m1", "b-m1"], ["b-m0"]]
    meeting = next(e for e in events(store) if e["type"] == "CONSULT")
    # sides are oriented like the most confident mention before they are united
    assert [a["name"] for a in json.loads(meeting["source"])] == ["Joe Biden"]
    assert [a["name"] for a in json.loads(meeting["target"])] == ["Xi Jinping"]


def test_places_in_different_countries_do_not_merge(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-09-17", "AP"), [rec("a", 0, source=[US], target=[CHINA], date="2023-09-16",
                                            location=MALTA)]),
        (doc("b", "2023-09-17", "BBC"), [rec("b", 0, source=[US], target=[CHINA], date="2023-09-16",
                                             location=WASHINGTON)]),
        (doc("c", "2023-09-17", "NPR"), [rec("c", 0, source=[US], target=[CHINA], date="2023-09-16")]),
    ])
    # the placeless report fits either; it joins one of them, never both
    assert sorted(len(g) for g in groups(store)) == [1, 2]


def test_undated_reports_need_the_same_people(tmp_path: Path) -> None:
    """Undated reports (publication date only) merge when the same people appear and they were published the
    same day; an undated report joins a dated one of the three days before it."""
    undated: dict[str, Any] = {"precision": "unresolved"}
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-04-05", "AP"), [rec("a", 0, date="2023-04-05", **undated),
                                         rec("a", 1, type="AID", source=[US], target=[CHINA], date="2023-04-05",
                                             **undated)]),
        (doc("b", "2023-04-05", "BBC"), [rec("b", 0, date="2023-04-05", **undated),
                                          rec("b", 1, type="AID", source=[US], target=[CHINA], date="2023-04-05",
                                              **undated)]),
        (doc("c", "2023-04-06", "NPR"), [rec("c", 0, date="2023-04-06", **undated)]),
        (doc("d", "2023-04-06", "CNN"), [rec("d", 0, date="2023-04-03")]),
        (doc("e", "2023-04-06", "CNN"), [rec("e", 0, date="2023-04-01")]),
    ])
    assert groups(store) == [["a-m0", "b-m0", "d-m0"], ["a-m1"], ["b-m1"], ["c-m0"], ["e-m0"]]


def test_a_vague_date_does_not_chain_two_meetings(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2022-11-14", "AP"), [rec("a", 0, date="2022-11-14", location=BALI)]),
        (doc("b", "2022-11-28", "AP"), [rec("b", 0, date="2022-11-28", mode="phone")]),
        (doc("c", "2023-01-10", "BBC"), [rec("c", 0, date="2022-11-01", precision="month", location=BALI)]),
    ])
    assert groups(store) == [["a-m0", "c-m0"], ["b-m0"]]


@pytest.mark.parametrize("order", ["old_first", "new_first"])
def test_a_past_event_mentioned_later_joins_it(tmp_path: Path, order: str) -> None:
    """Xi–Biden in Bali (November 2022) recalled in a 2023 article is that meeting, not a 2023 event."""
    old = (doc("x-bali", "2022-11-14", "Reuters"), [
        rec("x-bali", 2, date="2022-11-14", location=BALI, sentence="Xi and Biden met in Bali on Monday."),
    ])
    recalled = (doc("a-later", "2023-09-30", "SCMP"), [
        rec("a-later", 11, date="2022-11-01", precision="month", location=BALI,
            sentence="Xi and Biden have not met since last November when they held talks in Bali."),
    ])
    batches = [[old], [recalled]] if order == "old_first" else [[recalled], [old]]
    store = ingest(tmp_path / "s.duckdb", *batches)
    [event] = events(store)
    assert event["event_id"] == event_id_for("x-bali-m2")  # named by its first report, whatever the order
    assert (event["date"], event["date_precision"]) == (D("2022-11-14"), "day")
    assert (event["first_reported"], event["last_reported"]) == (D("2022-11-14"), D("2023-09-30"))
    assert event["mentions"] == 2 and event["sources"] == 2


def test_a_past_event_alone_keeps_its_own_date(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("later", "2023-09-30", "SCMP"), [rec("later", 11, date="2022-11-01", precision="month",
                                                  location=BALI)]),
    ])
    [event] = events(store)
    assert (event["date"], event["date_precision"], event["first_reported"]) == (
        D("2022-11-01"), "month", D("2023-09-30"))


def _corpus() -> list[tuple]:
    return [
        (doc("a", "2023-06-19", "AP"), [
            rec("a", 0, source=[BLINKEN], target=[XI], date="2023-06-19", location=WASHINGTON),
            rec("a", 1, source=[BLINKEN], target=[WANG], date="2023-06-18"),
            rec("a", 2, source=[US], target=[CHINA], precision="unresolved", date="2023-06-19"),
            rec("a", 3, type="ACCUSE", source=[CHINA], target=[US], precision="unresolved", date="2023-06-19"),
        ]),
        (doc("b", "2023-06-20", "Xinhua"), [
            rec("b", 0, source=[XI], target=[BLINKEN], date="2023-06-19", confidence=0.95),
            rec("b", 1, source=[WANG], target=[BLINKEN], precision="month", date="2023-06-01"),
            rec("b", 2, source=[XI], target=[BLINKEN], precision="unresolved", date="2023-06-20"),
        ]),
        (doc("c", "2023-06-25", None), [
            rec("c", 0, source=[BLINKEN], target=[WANG], date="2023-06-01", precision="month"),
            rec("c", 1, type="ACCUSE", source=[CHINA], target=[US], date="2023-06-24"),
        ]),
        (doc("d", "2023-11-16", "AP"), [rec("d", 0, date="2023-11-15"), rec("d", 1, date="2023-06-01",
                                                                           precision="year")]),
    ]


def _snapshot(store: Store) -> tuple[list[dict], dict[str, list[str]]]:
    return events(store), membership(store)


def test_same_events_in_any_order_batching_and_after_reingest(tmp_path: Path) -> None:
    corpus = _corpus()
    one_batch = _snapshot(ingest(tmp_path / "1.duckdb", corpus))
    reversed_singles = _snapshot(ingest(tmp_path / "2.duckdb", *[[item] for item in reversed(corpus)]))
    shuffled = _snapshot(ingest(tmp_path / "3.duckdb", [corpus[2], corpus[0]], [corpus[3], corpus[1]]))
    twice = ingest(tmp_path / "4.duckdb", corpus, list(reversed(corpus)))
    assert one_batch == reversed_singles == shuffled == _snapshot(twice)
    assert twice.counts()["mentions"] == sum(len(recs) for _, recs in corpus)
    # the incremental result is the full re-clustering
    twice.recluster()
    assert _snapshot(twice) == one_batch
    assert len(one_batch[0]) < sum(len(recs) for _, recs in corpus)


def test_a_failed_batch_leaves_no_events_behind(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2023-11-15", "AP"), [rec("a", 0, date="2023-11-15")])])
    before = _snapshot(store)

    def failing(con: object, doc_ids: list[str]) -> None:  # runs after the batch's events were clustered
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        store.add_batch([(doc("b", "2023-11-16", "BBC"), [rec("b", 0, date="2023-11-15")])],
                        after_insert=failing)
    assert _snapshot(store) == before
    store.add_batch([(doc("b", "2023-11-16", "BBC"), [rec("b", 0, date="2023-11-15")])])
    [event] = events(store)
    assert event["mentions"] == 2


def test_merged_fields_follow_majority_and_confidence(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-11-16", "AP"), [
            rec("a", 0, date="2023-11-15", mode="visit", cameo="042", confidence=0.6, channel="diplomatic"),
            rec("a", 1, date="2023-11-01", precision="month", mode="third-party", cameo="040", confidence=0.9,
                channel="economic", source=[BIDEN, BLINKEN]),
        ]),
        (doc("b", "2023-11-16", "BBC"), [
            rec("b", 0, date="2023-11-15", mode="visit", cameo="042", confidence=0.5, channel="diplomatic",
                location=WASHINGTON),
        ]),
    ])
    [event] = events(store)
    assert (event["mode"], event["cameo"], event["channel"]) == ("visit", "042", "diplomatic")
    assert (event["date"], event["date_precision"]) == (D("2023-11-15"), "day")
    assert event["sentence"] == "sentence 1 of a" and event["confidence"] == pytest.approx(0.9)
    assert json.loads(event["location"])["name"] == "Washington"
    assert event["source_countries"] == ["USA"] and event["target_countries"] == ["CHN"]
    assert [a["name"] for a in json.loads(event["source"])] == ["Joe Biden", "Antony Blinken"]


def test_documents_without_mentions_change_nothing(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2023-11-15", "AP"), [rec("a", 0, date="2023-11-15")])])
    before = _snapshot(store)
    store.add_batch([(doc("empty", "2023-11-16", "AP"), [])])
    assert _snapshot(store) == before


@pytest.mark.parametrize(("actor", "expected"), [
    ({"name": "Joe Biden", "country": "USA", "id": "person/usa/joe-biden"}, "person"),
    ({"name": "State Department", "country": "USA", "id": "body/usa/state-department"}, "body"),
    ({"name": "United States", "country": "USA", "id": "country/USA"}, None),
    ({"name": "Uncle Sam", "country": "USA", "id": "country/USA"}, None),  # an alias: the id says country
    ({"name": "China", "country": "CHN", "id": None}, None),
    ({"name": "Beijing", "country": "CHN", "id": None}, None),
    ({"name": "Chinese officials", "country": "CHN", "id": None}, None),
    ({"name": None, "country": "CHN", "id": None}, None),
    # names the knowledge base does not know are specific, but their absence contradicts nothing
    ({"name": "Daniel Kritenbrink", "country": "USA", "id": None}, "body"),
    ({"name": "Defense Policy Coordination", "country": "USA", "id": None}, "body"),
    # a user's entry with an id of its own kind: judged by its name
    ({"name": "Jane Roe", "country": "USA", "id": "jroe"}, "person"),
    ({"name": "Ministry of Commerce", "country": "CHN", "id": "mofcom"}, "body"),
])
def test_specific_actors_and_persons(actor: dict, expected: str | None) -> None:
    named = named_actor(actor)
    assert (None if named is None else "person" if named.person else "body") == expected


def test_two_undated_reports_of_one_day_merge_without_a_dated_one(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-04-05", "AP"), [rec("a", 0, date="2023-04-05", precision="unresolved")]),
    ], [
        (doc("b", "2023-04-05", "BBC"), [rec("b", 0, date="2023-04-05", precision="unresolved")]),
    ])
    assert groups(store) == [["a-m0", "b-m0"]]


def test_outlets_one_day_apart_agree_only_with_the_same_people(tmp_path: Path) -> None:
    """Time zones: Washington's 14 November evening is Beijing's 15 November."""
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-11-15", "AP"), [rec("a", 0, date="2023-11-14"),
                                         rec("a", 1, type="AGREE", source=[US], target=[CHINA], date="2023-11-14")]),
    ], [
        (doc("b", "2023-11-16", "Xinhua"), [rec("b", 0, date="2023-11-15"),
                                             rec("b", 1, type="AGREE", source=[US], target=[CHINA],
                                                 date="2023-11-15")]),
    ])
    assert groups(store) == [["a-m0", "b-m0"], ["a-m1"], ["b-m1"]]


def test_one_document_links_overlapping_days_without_names_but_not_a_month(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-12-01", "AP"), [
            rec("a", 0, source=[US], target=[CHINA], date="2023-11-14", date_end="2023-11-15"),
            rec("a", 4, source=[US], target=[CHINA], date="2023-11-15"),
            rec("a", 7, source=[US], target=[CHINA], date="2023-11-01", precision="month"),
        ]),
        (doc("b", "2023-12-02", "BBC"), [rec("b", 0, source=[US], target=[CHINA], date="2023-11-01",
                                              precision="month")]),
    ])
    # "in November the two sides talked" could be any of their talks that month: it stays apart
    assert groups(store) == [["a-m0", "a-m4"], ["a-m7"], ["b-m0"]]


def test_the_same_sentence_in_two_versions_of_a_story_is_one_event(tmp_path: Path) -> None:
    said = "Beijing routinely rejects Washington's demands."
    mention: dict[str, Any] = {"type": "REJECT", "source": [CHINA], "target": [US], "date": "2025-03-12",
                               "precision": "unresolved"}
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2025-03-12", "VOA"), [rec("a", 5, sentence=said, **mention)]),
        (doc("b", "2025-03-12", "VOA"), [rec("b", 9, sentence="  " + said.upper(), **mention)]),
        (doc("c", "2025-03-12", "VOA"), [rec("c", 2, sentence="Beijing rejected the demands.", **mention)]),
    ])
    assert groups(store) == [["a-m5", "b-m9"], ["c-m2"]]


def test_one_prominent_person_does_not_tie_undated_stories(tmp_path: Path) -> None:
    rubio, iwaya = ("Marco Rubio", "USA"), ("Takeshi Iwaya", "JPN")
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2025-03-14", "VOA"), [rec("a", 0, source=[rubio], target=[], date="2025-03-14",
                                             precision="unresolved")]),
        (doc("b", "2025-03-14", "AP"), [rec("b", 0, source=[rubio], target=[iwaya], date="2025-03-14",
                                            precision="unresolved")]),
        (doc("c", "2025-03-14", "NHK"), [rec("c", 0, source=[iwaya], target=[rubio], date="2025-03-14",
                                             precision="unresolved")]),
    ])
    assert groups(store) == [["a-m0"], ["b-m0", "c-m0"]]


def test_a_report_missing_one_side_joins_through_shared_people(tmp_path: Path) -> None:
    lavrov = ("Sergei Lavrov", "RUS")
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2023-06-19", "AP"), [rec("a", 0, source=[BLINKEN], target=[WANG], date="2023-06-18"),
                                         rec("a", 1, source=[US], target=[CHINA], date="2023-06-20")]),
        (doc("b", "2023-09-30", "SCMP"), [rec("b", 0, source=[BLINKEN], target=[], date="2023-06-01",
                                              precision="month")]),  # "Blinken's June visit"
        (doc("c", "2023-06-21", "BBC"), [rec("c", 0, source=[US], target=[], date="2023-06-20")]),
        (doc("d", "2023-06-19", "TASS"), [rec("d", 0, source=[BLINKEN], target=[lavrov], date="2023-06-18")]),
    ])
    # the US-only day report names nobody: the day alone does not tie it to a China meeting; USA-RUS never joins
    assert groups(store) == [["a-m0", "b-m0"], ["a-m1"], ["c-m0"], ["d-m0"]]


@pytest.mark.parametrize(("genre", "expected"), [
    ("newsletter", [["a-m0", "b-m0"]]),  # a weekly looks back two weeks
    ("editorial", [["a-m0"], ["b-m0"]]),  # eleven days is more than an editorial's week
    ("news", [["a-m0"], ["b-m0"]]),
])
def test_how_far_back_an_undated_report_reaches_depends_on_its_genre(
    tmp_path: Path, genre: str, expected: list[list[str]]
) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2024-01-01", "Xinhua"), [rec("a", 0, date="2024-01-01", mode="phone")]),
        (doc("b", "2024-01-12", "Focus", genre=genre), [rec("b", 0, date="2024-01-12", precision="unresolved",
                                                            mode="phone")]),
    ])
    assert groups(store) == expected


def test_a_call_or_letter_is_not_the_meeting_of_the_same_people(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2024-01-12", "Focus", genre="newsletter"), [
            rec("a", 0, date="2024-01-12", precision="unresolved", mode="phone"),  # "in a letter to Xi"
            rec("a", 9, date="2024-01-12", precision="unresolved"),  # "the Xi-Biden meeting met the goal"
        ]),
    ])
    assert groups(store) == [["a-m0"], ["a-m9"]]


def test_an_undated_retelling_joins_the_nearest_meeting_of_its_article(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2023-09-30", "SCMP"), [
        rec("a", 1, source=[SULLIVAN], target=[WANG], date="2023-09-16"),
        rec("a", 3, source=[WANG], target=[BLINKEN], date="2023-09-18"),
        rec("a", 4, source=[US], target=[CHINA], date="2023-09-30", precision="unresolved"),  # "During the meeting"
        rec("a", 9, source=[BIDEN], target=[XI], date="2023-09-30", precision="unresolved"),
        rec("a", 10, source=[US], target=[CHINA], date="2023-09-30", precision="unresolved"),
        rec("a", 14, source=[US], target=[CHINA], date="2023-09-30", precision="unresolved"),  # too far
    ])])
    assert groups(store) == [["a-m1"], ["a-m10", "a-m9"], ["a-m14"], ["a-m3", "a-m4"]]


def test_an_anonymous_retelling_needs_the_same_countries(tmp_path: Path) -> None:
    mbs, zelensky = ("Mohammed bin Salman", "SAU"), ("Volodymyr Zelensky", "UKR")
    ukraine = ("Ukrainian officials", "UKR")
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2025-03-10", "VOA"), [
        rec("a", 1, source=[ukraine], target=[], date="2025-03-11"),  # "talks Tuesday with Ukrainian officials"
        rec("a", 2, source=[mbs], target=[zelensky], date="2025-03-10", precision="unresolved"),
    ])])
    assert groups(store) == [["a-m1"], ["a-m2"]]


@pytest.mark.parametrize(("place", "expected"), [
    (BALI, [["a-m0", "b-m0"]]),  # "met in Bali in 2022"
    (None, [["a-m0"], ["b-m0"]]),  # "met in 2022": which of their meetings?
])
def test_a_year_needs_the_same_people_and_place(tmp_path: Path, place: Location | None, expected: list) -> None:
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2022-11-14", "AP"), [rec("a", 0, date="2022-11-14", location=BALI)]),
        (doc("b", "2023-06-01", "BBC"), [rec("b", 0, date="2022-01-01", precision="year", location=place)]),
    ])
    assert groups(store) == expected


@pytest.mark.parametrize("order", [0, 1])
def test_types_mapped_to_one_family_merge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: int) -> None:
    import detente.clustering.blocks as blocks

    monkeypatch.setattr(blocks, "TYPE_FAMILY", {"ACCUSE": "CRITICISM", "REJECT": "CRITICISM"})
    items = [
        (doc("a", "2023-03-02", "AP"), [rec("a", 0, type="ACCUSE", source=[WANG], target=[BLINKEN],
                                            date="2023-03-01", confidence=0.9)]),
        (doc("b", "2023-03-02", "BBC"), [rec("b", 0, type="REJECT", source=[WANG], target=[BLINKEN],
                                             date="2023-03-01")]),
    ]
    store = ingest(tmp_path / "s.duckdb", [items[order]], [items[1 - order]])
    [event] = events(store)
    assert (event["type"], event["mentions"]) == ("ACCUSE", 2)  # the type with the most confidence


def test_two_known_modes_of_an_act_are_two_events_but_a_meetings_settings_are_one(tmp_path: Path) -> None:
    """A seizure and martial law on one day between the same sides are two acts; a report naming no mode joins
    one of them. A meeting told as a visit by one outlet and as multilateral talks by another is one meeting."""
    store = ingest(tmp_path / "s.duckdb", [
        (doc("a", "2024-03-05", "AP"), [rec("a", 0, date="2024-03-05", mode="seize", type="COERCE", cameo="170")]),
        (doc("b", "2024-03-05", "BBC"), [rec("b", 0, date="2024-03-05", mode="martial-law", type="COERCE",
                                            cameo="170")]),
        (doc("c", "2024-03-06", "NPR"), [rec("c", 0, date="2024-03-05", type="COERCE", cameo="170")]),
        (doc("d", "2024-04-09", "AP"), [rec("d", 0, date="2024-04-09", mode="visit")]),
        (doc("e", "2024-04-09", "BBC"), [rec("e", 0, date="2024-04-09", mode="multilateral")]),
    ])
    found = groups(store)
    assert ["a-m0"] in found or ["a-m0", "c-m0"] in found
    assert not any({"a-m0", "b-m0"} <= set(g) for g in found)
    assert ["d-m0", "e-m0"] in found


def test_an_undated_lead_is_not_a_past_event_dated_below_it(tmp_path: Path) -> None:
    """An undated mention retells what came before it; an undated lead is the news of its day. "The army began
    an offensive" (undated lead) is not "a deadly January raid" told below; "the raid" after the January raid
    is that raid; a year below an undated lead (a background frame) does not separate."""
    army = nation("Ruritania", "RUR")
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-02-20", "AP"), [
        rec("a", 0, type="ASSAULT", source=[army], target=[], date="2021-02-20", precision="unresolved"),
        rec("a", 2, type="ASSAULT", source=[], target=[army], date="2021-01-01", precision="month"),
        rec("a", 3, type="ASSAULT", source=[], target=[army], date="2021-02-20", precision="unresolved"),
    ]), (doc("b", "2021-02-20", "AP"), [
        rec("b", 0, type="ACCUSE", source=[army], target=[], date="2021-02-20", precision="unresolved"),
        rec("b", 1, type="ACCUSE", source=[army], target=[], date="2020-01-01", precision="year"),
    ])])
    assert groups(store) == [["a-m0"], ["a-m2", "a-m3"], ["b-m0", "b-m1"]]


def test_actors_of_one_country_on_different_sides_are_different_happenings(tmp_path: Path) -> None:
    """The security forces' raid and the militants' attack, told in one story on one day between actors of one
    country, are two events; the country itself acts as the state. Meetings are not split by sides."""
    forces, militants = group("security forces", "RUR", "MIL"), group("militants", "RUR", "REB")
    villagers = group("villagers", "RUR", "CVL")
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 0, type="ASSAULT", source=[militants], target=[villagers], date="2021-05-03"),
        rec("a", 1, type="ASSAULT", source=[forces], target=[militants], date="2021-05-03"),
        rec("a", 2, type="ASSAULT", source=[nation("Ruritania", "RUR")], target=[militants], date="2021-05-03"),
        rec("a", 3, type="CONSULT", source=[forces], target=[villagers], date="2021-05-03"),
        rec("a", 4, type="CONSULT", source=[villagers], target=[militants], date="2021-05-03"),
    ])])
    assert groups(store) == [["a-m0"], ["a-m1", "a-m2"], ["a-m3", "a-m4"]]


def test_who_is_hit_separates_acts_and_to_whom_a_statement_is_addressed(tmp_path: Path) -> None:
    """One day in one story: the militants' attack on villagers is not the two militants shot dead (combatant and
    non-combatant targets), and a report of both (hostages and their captors) joins either, here the nearer. A
    plea to civilians is not an order to the army; a plea to the country itself says nothing about whom."""
    militants, villagers = group("militants", "RUR", "REB"), group("villagers", "RUR", "CVL")
    government, army = group("government", "RUR", "GOV"), group("army", "RUR", "MIL")
    hit: dict[str, Any] = {"type": "ASSAULT", "date": "2021-05-03"}
    asked: dict[str, Any] = {"type": "REQUEST", "source": [government], "date": "2021-05-03"}
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 0, source=[militants], target=[villagers], **hit),
        rec("a", 1, source=[], target=[militants], **hit),
        rec("a", 2, source=[], target=[villagers, militants], **hit),
        rec("a", 5, target=[villagers], **asked),
        rec("a", 6, target=[army], **asked),
        rec("a", 7, target=[nation("Ruritania", "RUR")], **asked),
    ])])
    assert groups(store) == [["a-m0"], ["a-m1", "a-m2"], ["a-m5"], ["a-m6", "a-m7"]]


def test_target_kinds_name_known_sectors_and_read_statements_by_side() -> None:
    from detente import datafiles
    from detente.clustering.features import TARGET_OF_SECTOR, target_kinds

    known = set(datafiles.load("detente.resolve", "actor_data/agents.yaml")["sectors"])
    assert set(TARGET_OF_SECTOR) <= known
    army: list[dict[str, Any]] = [
        {"country": "RUR", "sector": "MIL"}, {"country": "RUR", "sector": None}, {"sector": "CVL"},
    ]
    assert target_kinds(army, statement=False) == {"RUR": frozenset({"combatant"})}
    assert target_kinds(army, statement=True) == {"RUR": frozenset({"state"})}
    assert target_kinds([{"country": "RUR", "sector": "SPY", "id": "country/RUR"}], statement=False) == {}


def test_an_article_naming_no_one_retells_an_act_by_its_word(tmp_path: Path) -> None:
    """Reports naming no one, between the same countries, whose triggers are one word are one act retold anywhere
    in their article ("pleading" in the lead, "pleads" nine sentences down), but not with another word, not on
    dates that do not meet, and not once someone is named."""
    ruritania, villagers = nation("Ruritania", "RUR"), group("villagers", "RUR", "CVL")
    plea: dict[str, Any] = {"type": "REQUEST", "source": [ruritania], "target": [villagers], "date": "2021-05-04",
                            "precision": "unresolved"}
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 0, trigger="pleading", **plea),
        rec("a", 5, trigger="urged", **plea),
        rec("a", 9, trigger="pleads", **plea),
    ]), (doc("b", "2021-05-04", "AP"), [
        rec("b", 0, trigger="pleading", **plea),
        rec("b", 9, trigger="pleaded", **{**plea, "date": "2021-01-01", "precision": "month"}),
        rec("b", 20, trigger="pleading", **{**plea, "source": [("Ruri Tanian", "RUR")]}),
    ])])
    assert groups(store) == [["a-m0", "a-m9"], ["a-m5"], ["b-m0"], ["b-m20"], ["b-m9"]]


def test_act_word_reads_one_word_whatever_its_inflection() -> None:
    from detente.clustering.acts import act_word

    assert {act_word(w) for w in ("banned", "banning", "bans", "ban")} == {"ban"}
    assert act_word("purchase") == act_word("purchased") and act_word("agree") == act_word("agreed")
    assert act_word("Pleading with … return") == "plead" and act_word("urged") != act_word("pleaded")
    assert act_word(None) is None and act_word("") is None


def test_two_far_places_of_one_country_in_one_article_are_two_happenings(tmp_path: Path) -> None:
    north = Location(text="Northtown", name="Northtown", country="RUR", lat=36.2, lon=44.0, precision="city")
    south = Location(text="South Province", name="South Province", country="RUR", lat=33.4, lon=43.3,
                     precision="region")
    near_south = Location(text="Riverside", name="Riverside", country="RUR", lat=33.35, lon=43.8)
    police = group("police", "RUR", "COP")
    arrest: dict[str, Any] = {"type": "COERCE", "mode": "arrest", "source": [police], "target": [],
                              "date": "2021-05-04", "precision": "unresolved"}
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 0, location=south, **arrest),
        rec("a", 1, location=north, **arrest),  # 310 km away: arrests elsewhere
        rec("a", 2, location=near_south, **arrest),  # 45 km away: the same operation's town
    ])])
    assert groups(store) == [["a-m0", "a-m2"], ["a-m1"]]


def test_an_undated_report_of_a_person_reaches_the_whole_article_but_an_institution_does_not(
    tmp_path: Path,
) -> None:
    """"This was Wong's third visit" retells the day-dated meeting ten sentences up; a ministry that rejects
    something twice in one story, ten sentences apart, is two statements."""
    wong, ministry = ("Penny Wong", "AUS"), body("Foreign Ministry", "RUR")
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 1, source=[WANG], target=[wong], date="2021-05-03"),
        rec("a", 11, mode="visit", source=[wong], target=[CHINA], date="2021-05-04", precision="unresolved"),
    ]), (doc("b", "2021-05-04", "AP"), [
        rec("b", 1, type="REJECT", source=[ministry], target=[US], date="2021-05-04", precision="unresolved"),
        rec("b", 11, type="REJECT", source=[ministry], target=[US], date="2021-05-04", precision="unresolved"),
    ])])
    assert groups(store) == [["a-m1", "a-m11"], ["b-m1"], ["b-m11"]]


def test_every_side_names_known_sectors_once() -> None:
    from detente import datafiles
    from detente.clustering.features import COUNTRY_SIDE, SIDE_OF_SECTOR

    known = set(datafiles.load("detente.resolve", "actor_data/agents.yaml")["sectors"])
    assert set(SIDE_OF_SECTOR) <= known and COUNTRY_SIDE in set(SIDE_OF_SECTOR.values())


def test_a_story_that_repeats_its_lead_tells_one_happening(tmp_path: Path) -> None:
    """Nearly the same sentence twice in one story, far apart and naming nobody, is one happening; a different
    sentence as far away is not, and across stories a nearly same sentence is not a wire copy."""
    lead = "Ruritania launched an operation to drive rebels out of the Dark Forest near the border."
    again = "Ruritania launched an operation to drive rebels out of the Dark Forest, near the border."
    other = "Ruritania launched strikes on rebel camps in the south."
    elsewhere = "Ruritania launched an operation to drive the rebels out of the Dark Forest near its border."
    common: dict[str, Any] = {"type": "ASSAULT", "source": [nation("Ruritania", "RUR")], "target": [],
                              "date": "2021-05-04", "precision": "unresolved"}
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 0, sentence=lead, **common),
        rec("a", 20, sentence=again, **common),
        rec("a", 9, sentence=other, **common),
    ]), (doc("b", "2021-05-04", "BBC"), [rec("b", 3, sentence=elsewhere, **common)])])
    assert groups(store) == [["a-m0", "a-m20"], ["a-m9"], ["b-m3"]]


def test_two_speakers_make_two_statements_unless_one_retells_the_other(tmp_path: Path) -> None:
    """One day's accusations in one story: the Pentagon's, Blinken's (twice), the military's (a group whose
    sector is not Blinken's), and the State Department's report of Blinken's own accusation. A meeting told by
    two speakers stays one meeting: only statements are split by who says them."""
    pentagon, state = body("Defense Department", "USA"), body("State Department", "USA")
    military = group("the military", "USA", "MIL")
    said: dict[str, Any] = {"type": "ACCUSE", "source": [US], "target": [CHINA], "date": "2021-05-03"}
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 0, speaker=pentagon, **said),
        rec("a", 1, speaker=BLINKEN, **said),
        rec("a", 2, speaker=BLINKEN, **said),
        rec("a", 3, speaker=military, **said),
        rec("a", 4, speaker=state, **{**said, "source": [BLINKEN]}),
        rec("a", 5, speaker=BLINKEN, source=[US], target=[CHINA], date="2021-05-03"),
        rec("a", 6, speaker=WANG, source=[US], target=[CHINA], date="2021-05-03"),
    ])])
    assert groups(store) == [["a-m0"], ["a-m1", "a-m2", "a-m4"], ["a-m3"], ["a-m5", "a-m6"]]


def test_a_reaffirmed_commitment_is_not_a_signed_pact(tmp_path: Path) -> None:
    """Triggers naming two kinds of act (``data/triggers.yaml``) are two acts; an unlisted trigger says nothing."""
    pact: dict[str, Any] = {"type": "AGREE", "source": [US], "target": [CHINA], "date": "2021-05-03"}
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 0, trigger="reaffirmed their commitment", **pact),
        rec("a", 1, trigger="signed", **pact),
        rec("a", 2, trigger="inked", **pact),
    ])])
    assert groups(store) == [["a-m0"], ["a-m1", "a-m2"]]


def test_trigger_acts_read_the_first_word_and_statement_families_are_plover_types() -> None:
    from detente.clustering.acts import trigger_act
    from detente.clustering.blocks import STATEMENT_FAMILIES
    from detente.ontology import PLOVER_TYPES

    assert trigger_act("Reaffirmed their commitment") == "restate"
    assert trigger_act("signed") == "sign"
    assert trigger_act("agreed") is None and trigger_act(None) is None and trigger_act("") is None
    assert STATEMENT_FAMILIES <= set(PLOVER_TYPES)


def test_an_act_whose_doer_one_report_names_and_the_other_does_not_needs_a_shared_participant(
    tmp_path: Path,
) -> None:
    """"The minister was impeached" (no doer) and "the minister's lawyers filed appeals" the next sentence share
    only the country: two acts. The same unattributed act beside a report naming the minister as its target too
    is one act, and two reports both naming their doer still retell by closeness."""
    minister = ("Ruri Minister", "RUR")
    lawyers = group("the minister's lawyers", "RUR", "JUD")
    charge: dict[str, Any] = {"type": "ACCUSE", "date": "2021-05-04", "precision": "unresolved"}
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 0, source=[], target=[minister], **charge),
        rec("a", 1, source=[lawyers], target=[nation("Ruritania", "RUR")], **charge),
    ]), (doc("b", "2021-05-04", "AP"), [
        rec("b", 0, source=[], target=[minister], **charge),
        rec("b", 1, source=[group("parliament", "RUR", "LEG")], target=[minister], **charge),
    ]), (doc("c", "2021-05-04", "AP"), [
        rec("c", 0, source=[lawyers], target=[nation("Ruritania", "RUR")], **charge),
        rec("c", 1, source=[lawyers], target=[nation("Ruritania", "RUR")], **charge),
    ])])
    assert groups(store) == [["a-m0"], ["a-m1"], ["b-m0", "b-m1"], ["c-m0", "c-m1"]]


def test_an_unattributed_act_in_a_quote_is_not_the_act_told_above_it(tmp_path: Path) -> None:
    """"Eight demonstrators were killed Friday" and, next, a spokesman's "the killing of peaceful demonstrators is
    unacceptable": no doer in either, one word, one sentence apart, but the quote speaks of such killings in
    general. Both narrated, or both at one named place, they are one act."""
    crowd = group("demonstrators", "RUR", "CVL")
    town = Location(text="Oldtown", name="Oldtown", country="RUR", lat=10.0, lon=10.0, precision="city")
    killed: dict[str, Any] = {"type": "ASSAULT", "source": [], "target": [crowd]}
    said: dict[str, Any] = {"trigger": "killing", "date": "2021-05-04", "precision": "unresolved"}
    spokesman = group("spokesman", "RUR", "GOV")

    def article(name: str, speaker: Any, location: Location | None) -> list[list[str]]:
        store = ingest(tmp_path / f"{name}.duckdb", [(doc(name, "2021-05-04", "AP"), [
            rec(name, 0, trigger="killed", date="2021-05-01", location=location, **killed),
            rec(name, 1, speaker=speaker, location=location, **said, **killed),
        ])])
        return groups(store)

    assert article("a", spokesman, None) == [["a-m0"], ["a-m1"]]
    assert article("b", None, None) == [["b-m0", "b-m1"]]
    assert article("c", spokesman, town) == [["c-m0", "c-m1"]]


def test_a_quotes_we_does_not_place_its_speaker(tmp_path: Path) -> None:
    """"On Tuesday Blinken will join the talks" and, eight sentences down, Blinken quoted: "we want to sign a
    deal" (the coder gives the "we" its speaker): his side's plan, not his doing, so the person who reaches the
    whole article does not tie them. A quote that names him ("We want to sign a deal," Blinken said) does."""
    plan: dict[str, Any] = {"type": "AGREE", "source": [BLINKEN], "target": [WANG], "modality": "planned"}
    later: dict[str, Any] = {"type": "AGREE", "source": [BLINKEN], "target": [], "modality": "planned",
                             "speaker": BLINKEN, "date": "2021-05-04", "precision": "unresolved"}
    side = ingest(tmp_path / "a.duckdb", [(doc("a", "2021-05-04", "AP"), [
        rec("a", 0, date="2021-05-05", **plan),
        rec("a", 8, sentence="At this point we are wanting to sign a deal.", **later),
    ])])
    himself = ingest(tmp_path / "b.duckdb", [(doc("b", "2021-05-04", "AP"), [
        rec("b", 0, date="2021-05-05", **plan),
        rec("b", 8, sentence="We want to sign a deal, Antony Blinken said.", **later),
    ])])
    assert groups(side) == [["a-m0"], ["a-m8"]] and groups(himself) == [["b-m0", "b-m8"]]


def test_an_editorials_own_demands_of_one_addressee_are_one_statement(tmp_path: Path) -> None:
    """An editorial speaking in its own voice ("the US should...", seven sentences later "the US must...") makes
    one case over many sentences: its demands of one addressee are one statement however far apart. Its demand of
    another addressee, and the same paper's demands told in another outlet's story, stay apart."""
    paper = body("Daily Planet", "RUR", "JRN")
    demand: dict[str, Any] = {"type": "REQUEST", "source": [paper], "target": [US], "date": "2021-05-04",
                              "precision": "unresolved"}
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "Daily Planet", genre="editorial"), [
        rec("a", 2, **demand), rec("a", 9, **demand), rec("a", 15, **{**demand, "target": [CHINA]}),
    ]), (doc("b", "2021-05-05", "AP"), [rec("b", 2, **demand), rec("b", 9, **demand)])])
    assert groups(store) == [["a-m15"], ["a-m2", "a-m9"], ["b-m2"], ["b-m9"]]


def test_an_editorials_case_is_one_statement_whatever_its_points_ask(tmp_path: Path) -> None:
    """The editorial asks the US to change course and, next, to work with Ruritania (two PLOVER modes): one case of
    one paper on one day. Told in another outlet's story, two known modes of a demand stay two acts."""
    paper = body("Daily Planet", "RUR", "JRN")
    demand: dict[str, Any] = {"type": "REQUEST", "source": [paper], "target": [US], "date": "2021-05-04",
                              "precision": "unresolved"}
    store = ingest(tmp_path / "s.duckdb", [(doc("a", "2021-05-04", "Daily Planet", genre="editorial"), [
        rec("a", 2, mode="change", **demand), rec("a", 3, mode="assist", **demand),
    ]), (doc("b", "2021-05-05", "AP"), [rec("b", 2, mode="change", **demand), rec("b", 3, mode="assist", **demand)])])
    assert groups(store) == [["a-m2", "a-m3"], ["b-m2"], ["b-m3"]]


def test_a_named_voice_and_another_unnamed_one_are_not_one_statement_by_anonymity(tmp_path: Path) -> None:
    """"General Ruri told a news channel that Ruritania's neighbour harbours the attackers" and, the same day, "a
    statement from the press office" accusing the neighbour (no one named, no sector): two voices, so the
    anonymous report is no retelling of the general's. The same report given by the general, given by no one, or
    by two unnamed voices (which tell nothing) is still one statement."""
    general = ("Ruri General", "RUR")
    office = Actor(text="a statement from the press office", name=None, country="RUR", sector=None, id=None)
    envoy = Actor(text="the Ruritanian envoy", name=None, country="RUR", sector=None, id=None)
    said: dict[str, Any] = {"type": "ACCUSE", "target": [nation("Nextland", "NXT")], "date": "2021-05-04"}
    unnamed = group("intelligence reports", "RUR", "SPY")

    def article(name: str, first: Any, second: Any) -> list[list[str]]:
        store = ingest(tmp_path / f"{name}.duckdb", [(doc(name, "2021-05-05", "AP"), [
            rec(name, 0, source=[general] if first == general else [unnamed], speaker=first, **said),
            rec(name, 1, source=[unnamed], speaker=second, **said),
        ])])
        return groups(store)

    assert article("a", general, office) == [["a-m0"], ["a-m1"]]
    assert article("b", general, general) == [["b-m0", "b-m1"]]
    assert article("c", general, None) == [["c-m0", "c-m1"]]
    assert article("d", envoy, office) == [["d-m0", "d-m1"]]


def test_a_quotes_carried_over_speaker_is_its_principals_voice(tmp_path: Path) -> None:
    """"Secretary Ana Lima condemned the army's brutality" and, two sentences down, the quote her spokesman read out:
    "The army continues to defy calls" (the coder gives the quote its speaker from the sentence that introduced
    it). The spokesman, never named in his sentence, is the voice, not another person of the happening: one
    condemnation. Where the sentence names him ("..., Ben Cruz said") he is someone else: two statements."""
    army = body("Army", "NXT", "MIL")
    lima, cruz = ("Ana Lima", "RUR"), ("Ben Cruz", "RUR")
    said: dict[str, Any] = {"type": "ACCUSE", "target": [army]}
    quoted: dict[str, Any] = {**said, "source": [cruz], "speaker": cruz, "date": "2021-05-04",
                              "precision": "unresolved"}

    def article(name: str, sentence: str) -> list[list[str]]:
        store = ingest(tmp_path / f"{name}.duckdb", [(doc(name, "2021-05-04", "AP"), [
            rec(name, 0, source=[lima], date="2021-05-04", sentence="Ana Lima condemned the Army.", **said),
            rec(name, 2, sentence=sentence, **quoted),
        ])])
        return groups(store)

    assert article("a", "The Army continues to defy calls.") == [["a-m0", "a-m2"]]
    assert article("b", "The Army continues to defy calls, Ben Cruz said.") == [["b-m0"], ["b-m2"]]
