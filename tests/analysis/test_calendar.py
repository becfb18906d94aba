"""What comes next: announced exchanges on the seeds, and their outcomes from later reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import detente
from detente.analysis.calendar import upcoming, window
from detente.records import Actor, Event, Location

WANG = Actor("Wang Yi", "Wang Yi", "CHN", "GOV", "person/chn/wang-yi")
BLINKEN = Actor("Blinken", "Antony Blinken", "USA", "GOV", "person/usa/antony-blinken")


def _event(eid: str, modality: str, day: dt.date, precision: str, reported: dt.date, sentence: str,
           actors: list[Actor], end: dt.date | None = None) -> Event:
    return Event(event_id=eid, type="CONSULT", mode="visit", cameo="042", goldstein=1.9, quad_class=1,
                 modality=modality, channel="diplomatic", source=actors, target=[], date=day,  # type: ignore[arg-type]
                 date_end=end, date_precision=precision, date_text=None, location=None,  # type: ignore[arg-type]
                 sentence=sentence, confidence=0.8, mentions=1, sources=1, documents=1, first_reported=reported,
                 last_reported=reported)


PLANNED = _event("p", "planned", dt.date(2023, 10, 1), "month", dt.date(2023, 9, 30),
                 "Wang Yi is planning a trip in October.", [WANG])


def test_window_of_a_month_and_a_range() -> None:
    assert window(PLANNED) == (dt.date(2023, 10, 1), dt.date(2023, 10, 31))
    ranged = _event("r", "asserted", dt.date(2024, 1, 8), "day", dt.date(2024, 1, 11), "", [], end=dt.date(2024, 1, 9))
    assert window(ranged) == (dt.date(2024, 1, 8), dt.date(2024, 1, 9))


def test_held_when_a_later_report_dates_it_inside_the_window() -> None:
    held = _event("h", "asserted", dt.date(2023, 10, 26), "day", dt.date(2023, 10, 27),
                  "Wang Yi met Antony Blinken in Washington on Thursday.", [WANG, BLINKEN])
    other = _event("o", "asserted", dt.date(2023, 12, 20), "day", dt.date(2023, 12, 21),
                   "Wang Yi met someone else in December.", [WANG])
    [item] = upcoming([PLANNED, other, held])
    assert (item.status, item.outcome_event_id, item.outcome_date) == ("held", "h", dt.date(2023, 10, 26))


def test_postponed_and_cancelled_from_later_words() -> None:
    late = _event("l", "asserted", dt.date(2023, 10, 20), "unresolved", dt.date(2023, 10, 20),
                  "Wang Yi's trip to Washington has been postponed, officials said.", [WANG])
    [item] = upcoming([PLANNED, late])
    assert item.status == "postponed" and item.outcome_event_id == "l"
    called_off = _event("c", "negated", dt.date(2023, 10, 5), "unresolved", dt.date(2023, 10, 5),
                        "Beijing called off Wang Yi's visit.", [WANG])
    assert upcoming([PLANNED, called_off])[0].status == "cancelled"


def test_not_held_by_an_earlier_report_or_another_actor() -> None:
    before = _event("b", "asserted", dt.date(2023, 10, 10), "day", dt.date(2023, 9, 29), "Wang Yi visited.", [WANG])
    stranger = _event("s", "asserted", dt.date(2023, 10, 10), "day", dt.date(2023, 10, 11), "Blinken visited.",
                      [BLINKEN])
    assert upcoming([PLANNED, before, stranger])[0].status == "planned"
    past = _event("x", "planned", dt.date(2023, 8, 1), "month", dt.date(2023, 9, 30), "A trip in August.", [WANG])
    assert [u.event.event_id for u in upcoming([past, PLANNED])] == ["p"]  # a window already over is no plan


def test_upcoming_on_the_seeds(seeds_store: Path) -> None:
    found = detente.upcoming(seeds_store, dyad="CHN-USA")
    rows = [(u.start, u.end, u.announced, u.status, u.event) for u in found]
    october = [r for r in rows if r[0] == dt.date(2023, 10, 1) and any(a.name == "Wang Yi" for a in r[4].source)]
    assert october and october[0][1] == dt.date(2023, 10, 31) and october[0][2] == dt.date(2023, 9, 30)
    apec = [r for r in rows if r[4].location is not None and r[4].location.name == "San Francisco"]
    assert apec and apec[0][:3] == (dt.date(2023, 11, 1), dt.date(2023, 11, 30), dt.date(2023, 9, 30))
    assert all(r[3] == "planned" for r in october + apec)
    assert isinstance(apec[0][4].location, Location)
    later = detente.upcoming(seeds_store, dyad="CHN-USA", since="2023-11-15", until="2023-12")
    assert [u.event.event_id for u in later] == [apec[0][4].event_id]
    undated = detente.upcoming(seeds_store, undated=True)
    assert len(undated) > len(found)
    assert any("He Lifeng" in [a.name for a in u.event.source] for u in undated)


def test_upcoming_on_voa(voa_store: Path) -> None:
    found = detente.upcoming(voa_store, dyad=None)
    assert found and all(u.event.modality == "planned" for u in found)
    assert all(u.start is not None and u.end is not None and u.start <= u.end for u in found)
    assert all(u.announced is None or u.end is None or u.end >= u.announced for u in found)
    assert [u.start for u in found] == sorted(u.start for u in found if u.start)
