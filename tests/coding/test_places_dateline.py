"""A wire story's dateline in the coder: its place for the lead, its day as the day the story's relative dates
count from and the date of a lead event that names none (coding/dating.py: filed, lead_date, dateline_chars)."""

from __future__ import annotations

import datetime as dt

from detente.coding import Coder
from detente.records import Document, Mention

THURSDAY = dt.date(2023, 6, 22)  # published three days after the dateline's Monday, June 19


def code(coder: Coder, text: str, published: dt.date | None = THURSDAY) -> list[Mention]:
    doc = Document(id=f"wire-{hash(text)}", text=text, published=published)
    return next(iter(coder.code_documents([doc])))[1]


def test_relative_days_count_from_the_dateline(coder: Coder) -> None:
    [met] = code(coder, "BEIJING, June 19 (Reuters) - Blinken met Xi Jinping on Wednesday.")
    assert met.date == dt.date(2023, 6, 14)  # the Wednesday before the Monday it was filed, not June 21
    assert met.location is not None and met.location.name == "Beijing"
    [met] = code(coder, "Blinken met Xi Jinping on Wednesday.")
    assert met.date == dt.date(2023, 6, 21)  # no dateline: from publication


def test_the_lead_happened_the_day_it_was_filed(coder: Coder) -> None:
    records = code(coder, "WASHINGTON, June 19 (Reuters) - Chinese Foreign Minister Wang Yi criticized the "
                          "United States. The United States imposed sanctions on China.")
    lead, later = records[0], records[1]
    assert (lead.sentence_index, lead.date, lead.date_precision) == (0, dt.date(2023, 6, 19), "day")
    assert later.sentence_index == 1 and later.date_precision == "unresolved"  # only the lead
    [lead] = code(coder, "WASHINGTON, June 19 (Reuters) - Chinese Foreign Minister Wang Yi criticized the "
                         "United States.", published=None)
    assert lead.date_precision == "unresolved"  # a day without a year to place it


def test_a_planned_lead_is_not_dated_by_the_dateline(coder: Coder) -> None:
    [plan] = code(coder, "BEIJING, June 19 (Reuters) - Blinken will meet Xi Jinping.")
    assert plan.modality == "planned" and plan.date_precision == "unresolved"
    [plan] = code(coder, "BEIJING, June 19 (Reuters) - Blinken will meet Xi Jinping on Tuesday.")
    assert plan.date == dt.date(2023, 6, 20)  # its own Tuesday, the next one after the dateline's day


def test_a_visit_to_a_country_is_drawn_at_its_capital(coder: Coder) -> None:
    """A meeting placed in a country, no city named: the country, at country precision, at its capital's point
    (the host's government receives the visitor there); other events placed in a country keep its centroid."""
    from detente.resolve.places import lookup_place

    beijing, china = lookup_place("Beijing"), lookup_place("China")
    assert beijing is not None and china is not None
    [visit] = code(coder, "Blinken visited China last week.")
    assert visit.location is not None
    assert (visit.location.name, visit.location.country, visit.location.precision) == ("China", "CHN", "country")
    assert (visit.location.lat, visit.location.lon) == (beijing.lat, beijing.lon)
    [hosted] = code(coder, "Chinese President Xi Jinping hosted Antony Blinken.")  # no place named: the host's
    assert hosted.location is not None and hosted.location.country == "CHN"
    assert (hosted.location.lat, hosted.location.lon) == (beijing.lat, beijing.lon)
    [strike] = code(coder, "Russian troops attacked Ukrainian forces in Ukraine on Monday.")
    ukraine = lookup_place("Ukraine")
    assert strike.location is not None and ukraine is not None
    assert (strike.location.lat, strike.location.lon) == (ukraine.lat, ukraine.lon)


def test_an_agreement_takes_the_place_of_the_act_agreed_on(coder: Coder) -> None:
    [agree] = code(coder, "Chinese Vice Premier He Lifeng agreed to hold talks with U.S. Treasury Secretary Janet "
                          "Yellen in Geneva.")
    assert agree.type == "AGREE" and agree.location is not None and agree.location.name == "Geneva"
    [demand] = code(coder, "China urged the United States to stop its military drills near Taiwan.")
    assert demand.type == "REQUEST" and demand.location is None  # a demand is not made where its content is


def test_a_dateline_places_the_lead_not_the_rest_of_the_story(coder: Coder) -> None:
    """The guide uses a dateline for the sentence it opens (coding.places.Places.lead_place); a later act that
    names no place of its own stays unplaced, even when the dateline country's side says it."""
    records = code(coder, "BEIJING, June 19 (Reuters) - Foreign ministry spokesperson Mao Ning criticized the "
                          "United States for its sanctions.\n\nThe weather was warm. Tourists filled the parks.\n\n"
                          "Chinese Foreign Minister Wang Yi criticized the United States over its trade practices.\n\n"
                          "The United States criticized China over its trade practices.")
    by_sentence = {m.sentence_index: m for m in records if m.type == "ACCUSE"}
    lead, *later = [by_sentence[i] for i in sorted(by_sentence)]
    assert lead.location is not None and lead.location.name == "Beijing"
    assert later and all(m.location is None for m in later)
    assert {frozenset(a.country for a in m.source) for m in later} == {frozenset({"CHN"}), frozenset({"USA"})}
