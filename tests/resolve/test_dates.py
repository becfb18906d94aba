"""Dates: single expressions against a publication date and tense, then each dated event of the three seeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente.ontology import DatePrecision
from detente.records import DateResolution
from detente.resolve.dates import Tense, date_expressions, event_tense, parse_date_expression, resolve_event_date
from tests.resolve.conftest import SEEDS, find

D = dt.date
SAT = D(2023, 9, 30)  # seed 000, a Saturday
THU = D(2024, 1, 11)  # seed 001, a Thursday
FRI = D(2024, 1, 12)  # seed 002, a Friday

# text, published, tense, date, date_end, precision
PHRASES = [
    # weekdays by tense; the publication weekday itself is that day in either tense
    ("on Thursday", SAT, "past", D(2023, 9, 28), None, "day"),
    ("on Tuesday", SAT, "future", D(2023, 10, 3), None, "day"),
    ("on Saturday", SAT, "past", SAT, None, "day"),
    ("on Saturday", SAT, "future", SAT, None, "day"),
    ("Thursday", SAT, "present", D(2023, 9, 28), None, "day"),
    ("On Tuesday", THU, "past", D(2024, 1, 9), None, "day"),
    ("last Tuesday", THU, "past", D(2024, 1, 9), None, "day"),
    ("next Tuesday", THU, "past", D(2024, 1, 16), None, "day"),
    ("on Thursday morning", SAT, "past", D(2023, 9, 28), None, "day"),
    ("Tuesday, Jan. 9", THU, "past", D(2024, 1, 9), None, "day"),
    # months relative to publication and tense
    ("last November", SAT, "past", D(2022, 11, 1), None, "month"),
    ("since last November", SAT, "past", D(2022, 11, 1), None, "month"),
    ("last December", THU, "past", D(2023, 12, 1), None, "month"),
    ("last September", SAT, "past", D(2022, 9, 1), None, "month"),
    ("next January", D(2023, 12, 20), "future", D(2024, 1, 1), None, "month"),
    ("in October", SAT, "future", D(2023, 10, 1), None, "month"),
    ("in October", SAT, "past", D(2022, 10, 1), None, "month"),
    ("in November", SAT, "present", D(2023, 11, 1), None, "month"),
    ("in November", FRI, "past", D(2023, 11, 1), None, "month"),
    ("in September", SAT, "future", D(2023, 9, 1), None, "month"),
    ("next month", SAT, "future", D(2023, 10, 1), None, "month"),
    ("next month", D(2023, 12, 15), "future", D(2024, 1, 1), None, "month"),
    ("last month", THU, "past", D(2023, 12, 1), None, "month"),
    ("earlier this month", D(2023, 9, 15), "past", D(2023, 9, 1), D(2023, 9, 15), "month"),
    ("earlier this month", SAT, "past", D(2023, 9, 1), None, "month"),
    # parts of months and years
    ("in late May", SAT, "past", D(2023, 5, 21), D(2023, 5, 31), "month"),
    ("early May", SAT, "future", D(2024, 5, 1), D(2024, 5, 10), "month"),
    ("mid-June", SAT, "past", D(2023, 6, 11), D(2023, 6, 20), "month"),
    ("late February", D(2024, 3, 15), "past", D(2024, 2, 21), D(2024, 2, 29), "month"),
    ("mid-2023", FRI, "past", D(2023, 5, 1), D(2023, 8, 31), "year"),
    ("at the beginning of 2023", THU, "past", D(2023, 1, 1), D(2023, 2, 28), "year"),
    ("by the year's end", FRI, "future", D(2024, 12, 1), None, "month"),
    ("by the end of the year", FRI, "future", D(2024, 12, 1), None, "month"),
    ("at the year-end", THU, "past", D(2023, 12, 1), None, "month"),
    ("the end of this month", SAT, "future", D(2023, 9, 21), D(2023, 9, 30), "month"),
    # years
    ("earlier this year", SAT, "past", D(2023, 1, 1), SAT, "year"),
    ("later this year", SAT, "future", SAT, D(2023, 12, 31), "year"),
    ("this year", SAT, "past", D(2023, 1, 1), None, "year"),
    ("last year", FRI, "past", D(2023, 1, 1), None, "year"),
    ("next year", SAT, "future", D(2024, 1, 1), None, "year"),
    ("in 2024", SAT, "future", D(2024, 1, 1), None, "year"),
    ("45 years ago", FRI, "past", D(1979, 1, 1), None, "year"),
    ("a decade ago", FRI, "past", D(2014, 1, 1), None, "year"),
    # seasons: northern meteorological, date_end always given
    ("over the summer", SAT, "past", D(2023, 6, 1), D(2023, 8, 31), "season"),
    ("in the summer", D(2023, 5, 10), "past", D(2022, 6, 1), D(2022, 8, 31), "season"),
    ("this summer", D(2023, 5, 10), "future", D(2023, 6, 1), D(2023, 8, 31), "season"),
    ("last summer", SAT, "past", D(2023, 6, 1), D(2023, 8, 31), "season"),
    ("last summer", D(2023, 7, 15), "past", D(2022, 6, 1), D(2022, 8, 31), "season"),
    ("this winter", THU, "present", D(2023, 12, 1), D(2024, 2, 29), "season"),
    ("next spring", SAT, "future", D(2024, 3, 1), D(2024, 5, 31), "season"),
    ("in the autumn of 2021", SAT, "past", D(2021, 9, 1), D(2021, 11, 30), "season"),
    # ranges
    ("on September 16 and 17", SAT, "past", D(2023, 9, 16), D(2023, 9, 17), "day"),
    ("from January 8 to 9", THU, "past", D(2024, 1, 8), D(2024, 1, 9), "day"),
    ("16-17 September", SAT, "past", D(2023, 9, 16), D(2023, 9, 17), "day"),
    ("September 16-17", SAT, "past", D(2023, 9, 16), D(2023, 9, 17), "day"),
    ("from December 30 to January 2", D(2024, 1, 5), "past", D(2023, 12, 30), D(2024, 1, 2), "day"),
    ("Dec 30, 2023 to Jan 2, 2024", SAT, "past", D(2023, 12, 30), D(2024, 1, 2), "day"),
    ("between November 14 and 17", SAT, "future", D(2023, 11, 14), D(2023, 11, 17), "day"),
    ("from May to July", SAT, "past", D(2023, 5, 1), D(2023, 7, 31), "month"),
    ("Monday and Tuesday", THU, "past", D(2024, 1, 8), D(2024, 1, 9), "day"),
    # a month-day after the publication date is last year's in past tense, this year's in future tense
    ("September 18", SAT, "past", D(2023, 9, 18), None, "day"),
    ("on September 18 in New York", SAT, "past", D(2023, 9, 18), None, "day"),
    ("October 5", SAT, "past", D(2022, 10, 5), None, "day"),
    ("October 5", SAT, "future", D(2023, 10, 5), None, "day"),
    ("Dec. 31", D(2024, 1, 2), "past", D(2023, 12, 31), None, "day"),
    ("January 3", D(2023, 12, 28), "future", D(2024, 1, 3), None, "day"),
    ("the 18th of September", SAT, "past", D(2023, 9, 18), None, "day"),
    # explicit dates: dateparser's formats
    ("September 18, 2023", None, "past", D(2023, 9, 18), None, "day"),
    ("18 September 2023", SAT, "future", D(2023, 9, 18), None, "day"),
    ("Sept. 18, 2023", SAT, "past", D(2023, 9, 18), None, "day"),
    ("2023-09-18", SAT, "past", D(2023, 9, 18), None, "day"),
    ("9/18/2023", SAT, "past", D(2023, 9, 18), None, "day"),
    ("November 2022", SAT, "past", D(2022, 11, 1), None, "month"),
    ("on January 17, 2024", FRI, "future", D(2024, 1, 17), None, "day"),
    # named days
    ("On the first day of the New Year", THU, "past", D(2024, 1, 1), None, "day"),
    ("on the first day of the New Year", D(2023, 12, 20), "future", D(2024, 1, 1), None, "day"),
    ("New Year's Day", D(2023, 12, 20), "past", D(2023, 1, 1), None, "day"),
    ("on Christmas Day 2022", SAT, "past", D(2022, 12, 25), None, "day"),
    # days and weeks around the publication date, across year ends
    ("yesterday", D(2024, 1, 1), "past", D(2023, 12, 31), None, "day"),
    ("today", SAT, "present", SAT, None, "day"),
    ("tomorrow", D(2023, 12, 31), "future", D(2024, 1, 1), None, "day"),
    ("three days ago", SAT, "past", D(2023, 9, 27), None, "day"),
    ("two weeks ago", SAT, "past", D(2023, 9, 11), D(2023, 9, 17), "day"),
    ("six months ago", FRI, "past", D(2023, 7, 1), None, "month"),
    ("last week", D(2024, 1, 3), "past", D(2023, 12, 25), D(2023, 12, 31), "day"),
    ("this week", D(2024, 1, 3), "past", D(2024, 1, 1), D(2024, 1, 7), "day"),
    ("earlier this week", SAT, "past", D(2023, 9, 25), D(2023, 9, 29), "day"),
    ("earlier this week", D(2023, 9, 25), "past", D(2023, 9, 25), None, "day"),
    ("next week's", SAT, "future", D(2023, 10, 2), D(2023, 10, 8), "day"),
    ("this weekend", FRI, "future", D(2024, 1, 13), D(2024, 1, 14), "day"),
    ("this weekend", D(2024, 1, 14), "past", D(2024, 1, 13), D(2024, 1, 14), "day"),
    ("last weekend", FRI, "past", D(2024, 1, 6), D(2024, 1, 7), "day"),
    ("over the weekend", D(2024, 1, 15), "past", D(2024, 1, 13), D(2024, 1, 14), "day"),
    # a weekday set early or late in the day (day_edges)
    ("late Friday", SAT, "past", D(2023, 9, 29), None, "day"),
    ("Later Friday morning", SAT, "past", D(2023, 9, 29), None, "day"),
    ("earlier on Thursday", SAT, "past", D(2023, 9, 28), None, "day"),
    ("early Monday", FRI, "future", D(2024, 1, 15), None, "day"),
    # a month of a year counted from publication
    ("May this year", SAT, "future", D(2023, 5, 1), None, "month"),
    ("in March last year", FRI, "past", D(2023, 3, 1), None, "month"),
    ("October of next year", SAT, "future", D(2024, 10, 1), None, "month"),
    # leap days: the nearest February 29 in the tense's direction
    ("February 29", SAT, "past", D(2020, 2, 29), None, "day"),
    ("February 29", SAT, "future", D(2024, 2, 29), None, "day"),
    ("February 29", SAT, "present", D(2024, 2, 29), None, "day"),
    ("February 29", D(2024, 3, 1), "past", D(2024, 2, 29), None, "day"),
    ("February 29, 2024", SAT, "past", D(2024, 2, 29), None, "day"),
]


@pytest.mark.parametrize(("text", "published", "tense", "start", "end", "precision"), PHRASES)
def test_phrase(
    text: str, published: dt.date | None, tense: Tense, start: dt.date, end: dt.date | None,
    precision: DatePrecision
) -> None:
    assert parse_date_expression(text, published, tense=tense) == DateResolution(start, end, precision, text)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "in recent months", "the sidelines", "the 45th anniversary", "before Thursday", "after May 3",
     "until next week", "the past year", "in the last year", "over the past two weeks",
     "the year ahead", "February 29, 2023", "1970s"],
)  # fmt: skip
def test_not_an_event_date(text: str) -> None:
    assert parse_date_expression(text, SAT) is None


@pytest.mark.parametrize("text", ["on Thursday", "last November", "September 18", "over the summer", "yesterday"])
def test_missing_publication_date_leaves_relative_expressions_unresolved(text: str) -> None:
    assert parse_date_expression(text, None) == DateResolution(None, None, "unresolved", text)


def test_publication_date_in_the_future_is_used_as_given() -> None:
    found = parse_date_expression("on Thursday", D(2031, 5, 3))
    assert found is not None and found.date == D(2031, 5, 1)


def test_publication_datetime_is_accepted() -> None:
    found = parse_date_expression("yesterday", dt.datetime(2024, 1, 11, 0, 27))
    assert found is not None and found.date == D(2024, 1, 10)


@pytest.mark.parametrize(
    ("text", "published"),
    [("last year", D(1, 1, 1)), ("next year", D(9999, 12, 31)), ("tomorrow", D(9999, 12, 31)),
     ("yesterday", D(1, 1, 1)), ("next month", D(9999, 12, 1)), ("on Thursday", D(1, 1, 1))],
)  # fmt: skip
def test_calendar_edges_do_not_crash(text: str, published: dt.date) -> None:
    found = parse_date_expression(text, published)
    assert found is None or found.precision == "unresolved" or found.date is not None


# ---------------------------------------------------------------- in sentences


Parse = Callable[[str, str], tuple[Span, Token]]


@pytest.fixture(scope="module")
def parse(nlp: Language) -> Parse:
    def run(text: str, trigger: str) -> tuple[Span, Token]:
        doc = nlp(text)
        return doc[:], next(t for t in doc if t.text == trigger)

    return run


def test_reporting_verb_keeps_its_own_date(parse: Parse) -> None:
    sent, met = parse("Sun Weidong met Daniel Kritenbrink in Washington on Thursday, officials said on Friday.", "met")
    assert resolve_event_date(sent, met, SAT).date == D(2023, 9, 28)
    said = next(t for t in sent if t.text == "said")
    assert resolve_event_date(sent, said, SAT).date == D(2023, 9, 29)


def test_reported_content_never_borrows_the_report_date(parse: Parse) -> None:
    sent, met = parse("Officials said on Friday that Sun Weidong met Daniel Kritenbrink in Washington.", "met")
    assert resolve_event_date(sent, met, SAT) == DateResolution(SAT, None, "unresolved", None)


def test_ordering_phrase_is_not_the_event_date(parse: Parse) -> None:
    sent, conducted = parse(
        "Beijing and Washington have conducted a series of senior official exchanges in recent months after a "
        "deep freeze earlier this year.",
        "conducted",
    )
    assert resolve_event_date(sent, conducted, SAT).precision == "unresolved"


def test_date_of_what_the_event_precedes_is_not_its_date(parse: Parse) -> None:
    sent, speaking = parse("Speaking ahead of Wednesday's hearing, Mhike said the arrest sent a message.", "Speaking")
    assert resolve_event_date(sent, speaking, SAT).precision == "unresolved"


def test_nothing_found_without_publication_date(parse: Parse) -> None:
    sent, met = parse("The two ministers met in Geneva.", "met")
    assert resolve_event_date(sent, met, None) == DateResolution(None, None, "unresolved", None)


def test_relative_date_without_publication_date_keeps_its_text(parse: Parse) -> None:
    sent, met = parse("The two ministers met in Geneva on Thursday.", "met")
    assert resolve_event_date(sent, met, None) == DateResolution(None, None, "unresolved", "on Thursday")


def test_absolute_date_without_publication_date(parse: Parse) -> None:
    sent, met = parse("The two ministers met in Geneva on March 3, 2022.", "met")
    assert resolve_event_date(sent, met, None).date == D(2022, 3, 3)


@pytest.mark.parametrize(
    ("text", "trigger", "tense"),
    [
        ("Wang Yi will visit Washington on Tuesday.", "visit", "future"),
        ("Wang Yi is expected to visit Washington on Tuesday.", "visit", "future"),
        ("Wang Yi is planning a trip in October.", "trip", "future"),
        ("Wang Yi visited Washington on Tuesday.", "visited", "past"),
        ("Wang Yi has visited Washington.", "visited", "past"),
        ("Wang Yi visits Washington on Tuesday.", "visits", "present"),
        ("Wang Yi visited the US and was invited to deliver a speech.", "deliver", "past"),
        ("Wang Yi will visit Washington and meet Blinken.", "meet", "future"),
        ("The upcoming visit will be his first.", "visit", "future"),
    ],
)
def test_event_tense(parse: Parse, text: str, trigger: str, tense: str) -> None:
    _, tok = parse(text, trigger)
    assert event_tense(tok) == tense


def test_tense_decides_the_weekday(parse: Parse) -> None:
    sent, visit = parse("Wang Yi will visit Washington on Tuesday.", "visit")
    assert resolve_event_date(sent, visit, SAT).date == D(2023, 10, 3)
    sent, visited = parse("Wang Yi visited Washington on Tuesday.", "visited")
    assert resolve_event_date(sent, visited, SAT).date == D(2023, 9, 26)


def test_an_act_told_on_a_noun_takes_the_nouns_date(parse: Parse) -> None:
    """``event._participle_noun`` and ``_on_noun``: "a 2015 statement calling for" called in 2015; "remarks made
    on Monday in which he said" were said on Monday; a date on another noun of the sentence dates nothing."""
    sent, calling = parse("She cited a 2015 statement calling for a ban on imports.", "calling")
    assert resolve_event_date(sent, calling, SAT) == DateResolution(D(2015, 1, 1), None, "year", "2015")
    sent, said = parse("Lee answered remarks made by the minister on Monday in which he said talks had failed.", "said")
    assert resolve_event_date(sent, said, SAT).date == D(2023, 9, 25)
    sent, calling = parse("She cited a statement calling for a ban on 2015 imports.", "calling")
    assert resolve_event_date(sent, calling, SAT).precision == "unresolved"


def test_a_month_and_the_year_after_it_are_one_expression(parse: Parse) -> None:
    """``finding._year_joined``: "In May" and "this year", tagged apart, say one month."""
    sent, host = parse("In May this year, Kenya will host a summit on trade.", "host")
    assert [s.text for s in date_expressions(sent)] == ["In May this year"]
    assert resolve_event_date(sent, host, SAT) == DateResolution(D(2023, 5, 1), None, "month", "In May this year")


def test_untagged_month_is_found(parse: Parse) -> None:
    sent, _ = parse("Referring to Blinken’s June visit, Han said the trip meant a lot.", "visit")
    assert [s.text for s in date_expressions(sent)] == ["June"]


# ---------------------------------------------------------------- the seeds

# seed, phrase locating the sentence, trigger, date, date_end, precision
SEED_DATES = [
    ("000", "visited Beijing over the summer", "visited", D(2023, 6, 1), D(2023, 8, 31), "season"),
    ("000", "Han Zheng also met Blinken", "met", D(2023, 9, 18), None, "day"),
    ("000", "Referring to Blinken’s June visit", "visit", D(2023, 6, 1), None, "month"),
    ("000", "Jake Sullivan also held talks", "held", D(2023, 9, 16), D(2023, 9, 17), "day"),
    ("000", "Jake Sullivan also held talks", "talks", D(2023, 9, 16), D(2023, 9, 17), "day"),
    ("000", "Sun Weidong, China’s foreign", "met", D(2023, 9, 28), None, "day"),
    ("000", "However, Chinese President Xi", "held", D(2022, 11, 1), None, "month"),
    ("000", "Xi was absent from the G20", "attended", D(2023, 1, 1), None, "year"),
    ("000", "The Post reported earlier", "reported", D(2023, 9, 25), D(2023, 9, 29), "day"),
    ("000", "The Post reported earlier", "attending", D(2023, 11, 1), None, "month"),
    ("000", "Wang Yi is planning a trip", "trip", D(2023, 10, 1), None, "month"),
    ("000", "Wang Wentao, who visited", "visited", D(2023, 5, 21), D(2023, 5, 31), "month"),
    ("001", "On the first day of the New Year", "exchanged", D(2024, 1, 1), None, "day"),
    ("001", "Coordination Talks were held", "held", D(2024, 1, 8), D(2024, 1, 9), "day"),
    ("001", "On Tuesday, Liu Jianchao", "visited", D(2024, 1, 9), None, "day"),
    ("001", "Signs of relaxation", "emerged", D(2023, 1, 1), D(2023, 2, 28), "year"),
    ("002", "Wang promised that", "promised", D(2024, 12, 1), None, "month"),
    ("002", "Wang promised that", "comeback", D(2024, 12, 1), None, "month"),
    ("002", "their ties will be tested", "head", D(2024, 1, 13), D(2024, 1, 14), "day"),
    ("002", "when they established relations", "established", D(1979, 1, 1), None, "year"),
    ("002", "that signed the Bletchley Declaration", "signed", D(2023, 11, 1), None, "month"),
    ("002", "About to star in a beautiful program", "star", D(2024, 1, 17), None, "day"),
    ("002", "Last year, Tasmin Little", "had", D(2023, 1, 1), None, "year"),
]


@pytest.mark.parametrize(("seed", "phrase", "trigger", "start", "end", "precision"), SEED_DATES)
def test_seed_event_date(
    seed_docs: dict[str, Doc],
    seed: str,
    phrase: str,
    trigger: str,
    start: dt.date,
    end: dt.date | None,
    precision: str,
) -> None:
    sent, tok = find(seed_docs[seed], phrase, trigger)
    found = resolve_event_date(sent, tok, SEEDS[seed][1])
    assert (found.date, found.date_end, found.precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("seed", "phrase", "trigger"),
    [("000", "It also said Beijing and Washington", "visit"), ("001", "Meanwhile, the Peking University", "visit"),
     ("000", "The Wall Street Journal reported", "reported")],
)  # fmt: skip
def test_seed_event_without_date_is_unresolved(seed_docs: dict[str, Doc], seed: str, phrase: str, trigger: str) -> None:
    sent, tok = find(seed_docs[seed], phrase, trigger)
    published = SEEDS[seed][1]
    assert resolve_event_date(sent, tok, published) == DateResolution(published, None, "unresolved", None)


def test_a_month_inside_a_name_is_no_date(parse: Parse) -> None:
    sent, met = parse("Chinese Defense Minister Dong Jun met U.S. Defense Secretary Lloyd Austin in Singapore.", "met")
    assert [s.text for s in date_expressions(sent)] == []
    assert resolve_event_date(sent, met, SAT).precision == "unresolved"
    sent, met = parse("Dong Jun met Lloyd Austin on Friday.", "met")
    assert resolve_event_date(sent, met, SAT) == DateResolution(D(2023, 9, 29), None, "day", "on Friday")


def test_a_dateline_dates_nothing_in_the_lead(parse: Parse) -> None:
    """The dateline is no part of the lead's grammar: skipped, its day dates nothing (the coder dates the lead
    by it on purpose, coding.dating.lead_date); the lead's own date still counts."""
    text = "BEIJING, June 19 (Reuters) - China criticized the United States."
    sent, criticized = parse(text, "criticized")
    june = D(2023, 6, 21)
    assert resolve_event_date(sent, criticized, june).date == D(2023, 6, 19)  # the parser hangs it on the verb
    assert resolve_event_date(sent, criticized, june, skip_to=text.index("China")).precision == "unresolved"
    text = "BEIJING, June 19 (Reuters) - Blinken met Xi Jinping on Sunday."
    sent, met = parse(text, "met")
    assert resolve_event_date(sent, met, june, skip_to=text.index("Blinken")).date == D(2023, 6, 18)


@pytest.mark.parametrize(("text", "own"), [
    ("Days later, China accused the United States of hacking.", True),
    ("China again accused the United States.", True),
    ("China has repeatedly accused the United States.", True),
    ("On Monday, China accused the United States.", True),
    ("China accused the United States of hacking.", False),
])
def test_a_sentence_that_tells_its_own_time(nlp: Language, text: str, own: bool) -> None:
    from detente.resolve.dates import tells_its_own_time

    assert tells_its_own_time(nlp(text)[:]) is own


def test_a_participle_of_saying_shares_the_acts_date(parse: Parse) -> None:
    sent, rejected = parse("The minister rejected the warrant, telling journalists on Wednesday that it was unfair.",
                           "rejected")
    assert resolve_event_date(sent, rejected, SAT).date == D(2023, 9, 27)
    sent, rejected = parse("The minister rejected the warrant, after meeting journalists on Wednesday.", "rejected")
    assert resolve_event_date(sent, rejected, SAT).precision == "unresolved"  # ordered against, not at


def test_a_gerund_under_a_preposition_shares_the_verbs_date(parse: Parse) -> None:
    sent, calling = parse("On Tuesday, three senators led a group of lawmakers in calling on Rubio to act.", "calling")
    assert resolve_event_date(sent, calling, SAT).date == D(2023, 9, 26)
    sent, meeting = parse("On Tuesday, the senator spoke after meeting Rubio.", "meeting")
    assert resolve_event_date(sent, meeting, SAT).precision == "unresolved"


# ---------------------------------------------------------------- dates found on real news (issue 12, item 5)


def test_an_onset_participle_dates_the_act(parse: Parse) -> None:
    sent, stopped = parse("But starting in May 2019, it gradually stopped implementing its commitments.", "stopped")
    found = resolve_event_date(sent, stopped, D(2025, 3, 13))
    assert (found.date, found.precision) == (D(2019, 5, 1), "month")


def test_the_occasion_of_a_statement_dates_the_act(parse: Parse) -> None:
    """A participle on the act's means ("in a joint statement issued at their meeting in July") lends its date to
    the clause the means hangs on."""
    sent, agreed = parse("In a joint statement issued at their meeting in July, Tokyo and Washington agreed to "
                         "strengthen deterrence.", "agreed")
    found = resolve_event_date(sent, agreed, D(2024, 10, 4))
    assert (found.date, found.precision) == (D(2024, 7, 1), "month")
    sent, rejected = parse("The spokesperson responded in a Jan. 23 press briefing, rejecting the sanctions.",
                           "responded")
    found = resolve_event_date(sent, rejected, D(2025, 3, 14))
    assert (found.date, found.precision) == (D(2025, 1, 23), "day")


def test_a_date_on_a_noun_dates_that_nouns_event_only(parse: Parse) -> None:
    """"the 2004 bombing that killed ..." is 2004 for the killing; "opened over the 2004 bombing" is not."""
    sent, killed = parse("A trial opened in Paris Monday over the 2004 bombing of a French military base in then "
                         "war-torn Ivory Coast that killed an American soil scientist and nine French soldiers.",
                         "killed")
    found = resolve_event_date(sent, killed, D(2021, 3, 29))
    assert (found.date, found.precision) == (D(2004, 1, 1), "year")
    sent, opened = parse("A trial opened in Paris over the 2004 bombing of a French military base.", "opened")
    assert resolve_event_date(sent, opened, D(2021, 3, 29)).precision == "unresolved"


def test_a_possessive_date_is_not_widened_to_the_nouns_preposition(nlp: Language) -> None:
    from detente.resolve.dates.finding import date_expressions

    doc = nlp("Russia's envoy dismissed the accusations at Friday's meeting.")
    assert [s.text for s in date_expressions(doc[:])] == ["Friday"]


def test_a_gerund_with_its_own_subject_shares_no_date(parse: Parse) -> None:
    sent, accusing = parse("The process started in Doha last September and has been deadlocked, with both rivals "
                           "accusing the other of delaying it.", "accusing")
    assert resolve_event_date(sent, accusing, D(2021, 5, 10)).precision == "unresolved"


def test_an_ordering_word_above_the_trigger_does_not_refuse_its_own_date(parse: Parse) -> None:
    """"after a meeting earlier this month" orders the telling against the meeting, and dates the meeting."""
    sent, meeting = parse("The governor, after a meeting earlier this month with activists, told officials to draft "
                          "regulations.", "meeting")
    found = resolve_event_date(sent, meeting, D(2019, 12, 19))
    assert (found.date, found.precision) == (D(2019, 12, 1), "month")
    told = next(t for t in sent if t.text == "told")
    assert resolve_event_date(sent, told, D(2019, 12, 19)).precision == "unresolved"


def test_a_scheduled_act_is_dated_by_its_content(parse: Parse) -> None:
    sent, scheduled = parse("He is scheduled to travel to Canada on Wednesday for meetings with G7 ministers.",
                            "scheduled")
    assert resolve_event_date(sent, scheduled, D(2025, 3, 10)).date == D(2025, 3, 12)


def test_a_weekday_with_its_time_of_day_is_one_date(parse: Parse) -> None:
    """"Wednesday night" is Wednesday: the weekday is the compound of "night", not a modifier of another noun."""
    sent, told = parse("The spokesman told reporters Wednesday night that the operation was over.", "told")
    assert [s.text for s in date_expressions(sent)] == ["Wednesday night"]
    assert resolve_event_date(sent, told, SAT).date == D(2023, 9, 27)


# -- event nouns: the time of their own participle and of their purpose (issue 12, session 12) -------------------


def test_an_event_noun_is_dated_by_its_own_participle(parse: Parse) -> None:
    """"an offensive launched ... last month" dates the offensive, whatever the clause it is the subject of."""
    sent, offensive = parse("The offensive launched by the army in the north last month has pushed the rebels back.",
                            "offensive")
    found = resolve_event_date(sent, offensive, D(2025, 3, 14))
    assert (found.date, found.precision) == (D(2025, 2, 1), "month")
    pushed = next(t for t in sent if t.text == "pushed")
    assert resolve_event_date(sent, pushed, D(2025, 3, 14)).precision == "unresolved"  # the verb's own: none


def test_a_launched_operation_is_dated_by_its_purpose(parse: Parse) -> None:
    """"launched an operation to drive rebels out of the hills in 2019": the purpose is the operation itself."""
    sent, operation = parse("The army launched an operation to drive the rebels out of the hills in 2019.",
                            "operation")
    found = resolve_event_date(sent, operation, D(2021, 5, 10))
    assert (found.date, found.precision) == (D(2019, 1, 1), "year")


def test_a_purposes_deadline_does_not_date_the_act(parse: Parse) -> None:
    """A date after publication in the purpose of a past act is its aim ("by 2030"), not when it was launched."""
    sent, campaign = parse("The government launched a campaign to plant a billion trees by 2030.", "campaign")
    assert resolve_event_date(sent, campaign, D(2021, 5, 10)).precision == "unresolved"



# -- coordinated verbs share what follows the last of them (issue 12, session 13) ---------------------------------


def test_coordinated_verbs_share_the_date_after_them(parse: Parse) -> None:
    """"was impeached and removed from office in mid-October": both acts in mid-October."""
    sent, impeached = parse("The minister was impeached and removed from office in mid-October.", "impeached")
    found = resolve_event_date(sent, impeached, D(2025, 3, 14))
    assert (found.date, found.precision) == (D(2024, 10, 11), "month")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The rebels attacked the town and will withdraw next week.", "attacked"),  # an auxiliary of its own
        ("Police arrested the activist and later released him on Friday.", "arrested"),  # a later step
        ("The army attacked the town and the rebels fled on Friday.", "attacked"),  # a subject of its own
    ],
)  # fmt: skip
def test_a_coordinated_act_apart_lends_no_date(parse: Parse, text: str, trigger: str) -> None:
    sent, token = parse(text, trigger)
    assert resolve_event_date(sent, token, D(2025, 3, 14)).precision == "unresolved"


def test_a_document_subject_is_dated_by_its_issuing(parse: Parse) -> None:
    sent, accused = parse("A report released in Geneva on Tuesday accused the army of torture.", "accused")
    assert resolve_event_date(sent, accused, D(2025, 3, 14)).date == D(2025, 3, 11)


@pytest.mark.parametrize(
    ("text", "season"),
    [
        ("The letter predicted the fall of the United States.", False),  # a happening, not a season
        ("Since the fall of Kabul, aid has stopped.", False),
        ("They met in the summer of 2021.", True),
        ("The talks resumed in the fall.", True),
    ],
)  # fmt: skip
def test_a_season_word_of_something_is_no_season(nlp: Language, text: str, season: bool) -> None:
    found = [e.text for e in date_expressions(nlp(text)[:])]
    assert any(w in e for e in found for w in ("summer", "fall")) == season


@pytest.mark.parametrize(("text", "word", "day"), [
    ("The two leaders will meet tonight in Geneva.", "tonight", D(2023, 9, 30)),
    ("Police arrested the protesters last night.", "night", D(2023, 9, 29)),
])
def test_a_time_of_a_relative_day_dates_the_event(nlp: Language, text: str, word: str, day: dt.date) -> None:
    doc = nlp(text)
    end = next(t.i for t in doc if t.text == word) + 1
    start = end - 1 if word == "tonight" else end - 2
    doc.ents = [Span(doc, start, end, label="TIME")]  # what the rule tagger makes of these words
    assert [s.text for s in date_expressions(doc[:])] == [doc[start:end].text]
    trigger = next(t for t in doc if t.pos_ == "VERB")
    assert resolve_event_date(doc[:], trigger, SAT).date == day


def test_a_clock_time_is_no_date(nlp: Language) -> None:
    doc = nlp("The talks began at 2 p.m. in Geneva.")
    doc.ents = [Span(doc, 4, 6, label="TIME")]  # "2 p.m."
    assert date_expressions(doc[:]) == []
