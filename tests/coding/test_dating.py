"""What an event's date says: long ago means its actors are looked up as of then; after publication means it has
not happened yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from detente.coding import Coder
from detente.coding.candidates import Candidate
from detente.coding.compose import load_composer
from detente.coding.dating import as_dated, far_from_publication
from detente.records import DateResolution, Mention

PUBLISHED = dt.date(2024, 3, 1)


def day(d: dt.date, precision: str = "day") -> DateResolution:
    return DateResolution(date=d, date_end=None, precision=precision, text=None)  # type: ignore[arg-type]


def test_an_event_half_a_year_from_publication_is_far() -> None:
    assert far_from_publication(day(dt.date(2023, 1, 1)), PUBLISHED)
    assert far_from_publication(day(dt.date(2025, 1, 1)), PUBLISHED)
    assert not far_from_publication(day(dt.date(2024, 1, 1)), PUBLISHED)
    assert not far_from_publication(day(dt.date(2023, 1, 1), "unresolved"), PUBLISHED)
    assert not far_from_publication(day(dt.date(2023, 1, 1)), None)


def test_a_meeting_dated_after_publication_is_an_intention(candidates: Callable[[str], list[Candidate]]) -> None:
    [cand] = candidates("Blinken met Wang Yi.")
    composer = load_composer()
    coded, modality = as_dated(cand, day(dt.date(2024, 3, 10)), PUBLISHED, composer)
    # compose.yaml: the intent to CONSULT is AGREE, CAMEO 036
    assert (coded.type, coded.cameo, modality) == ("AGREE", "036", "planned")


def test_a_day_of_slack_and_unresolved_dates_change_nothing(candidates: Callable[[str], list[Candidate]]) -> None:
    [cand] = candidates("Blinken met Wang Yi.")
    composer = load_composer()
    assert as_dated(cand, day(dt.date(2024, 3, 2)), PUBLISHED, composer) == (cand.coded, "asserted")
    assert as_dated(cand, day(dt.date(2024, 3, 10), "unresolved"), PUBLISHED, composer) == (cand.coded, "asserted")
    assert as_dated(cand, day(dt.date(2024, 3, 10)), None, composer) == (cand.coded, "asserted")


def test_a_conflict_dated_after_publication_is_planned_but_keeps_its_type(
        candidates: Callable[[str], list[Candidate]]) -> None:
    [cand] = candidates("Russia expelled two British diplomats.")
    coded, modality = as_dated(cand, day(dt.date(2024, 3, 10)), PUBLISHED, load_composer())
    assert (coded, modality) == (cand.coded, "planned")


def _coded(coder: Coder, text: str) -> list[Mention]:
    return coder.code_text(text, on=dt.date(2023, 6, 21))  # a Wednesday


def test_a_verbal_act_done_by_saying_it_is_dated_by_the_saying(coder: Coder) -> None:
    [support] = _coded(coder, "Russian President Vladimir Putin said Thursday that Russia supports the U.S. "
                              "ceasefire proposal.")
    assert (support.type, support.date, support.date_text) == ("SUPPORT", dt.date(2023, 6, 15), "Thursday")
    [reject] = _coded(coder, '"We strongly reject the baseless allegations," Indian foreign ministry spokesperson '
                             "Randhir Jaiswal told reporters on Monday.")
    assert (reject.type, reject.date) == ("REJECT", dt.date(2023, 6, 19))


def test_what_was_reported_done_before_or_by_another_keeps_no_date(coder: Coder) -> None:
    [meeting] = _coded(coder, "Officials said on Friday that Sun Weidong met Daniel Kritenbrink in Washington.")
    assert meeting.date_precision == "unresolved"  # a meeting, and told in the past
    [closing] = _coded(coder, "Somali officials said on Tuesday that the agency closed 12 media outlets.")
    assert closing.date_precision == "unresolved"  # a material act, done before it was told
    [support] = _coded(coder, "American officials said Thursday that Russia supports the ceasefire proposal.")
    assert support.date_precision == "unresolved"  # another's stance, reported: not done by this saying


def test_a_judgement_of_the_targets_conduct_is_dated_by_the_saying(coder: Coder) -> None:
    """The content is past ("have failed"), but it is the target's conduct the speaker judges: the accusation is
    made by the saying (dating.judged_conduct)."""
    [accuse] = _coded(coder, '"The Kabul authorities have failed to address the threat," the Pakistani envoy '
                             "said Monday.")
    assert (accuse.type, accuse.date, accuse.date_text) == ("ACCUSE", dt.date(2023, 6, 19), "Monday")
    [accuse] = _coded(coder, "Beijing said on Tuesday that the United States had undermined peace in the region.")
    assert (accuse.type, accuse.date) == ("ACCUSE", dt.date(2023, 6, 20))


def test_a_past_act_of_the_speakers_own_side_stays_undated(coder: Coder) -> None:
    [reject] = _coded(coder, "The Chinese foreign ministry said on Tuesday that China rejected the American proposal.")
    assert (reject.type, reject.date_precision) == ("REJECT", "unresolved")  # done before it was told


def test_a_speaker_of_no_country_dates_the_stance_it_voices(coder: Coder) -> None:
    """"The military", "his lawyer": a speaker that resolves to no country is of no other side, so the stance it
    voices is dated by the saying, as the source's own speaker's would be (dating.said_date)."""
    [reject] = _coded(coder, "His lawyer said on Tuesday that President Milorad Dodik rejects the court's "
                             "ruling.")
    assert (reject.type, reject.date, reject.date_text) == ("REJECT", dt.date(2023, 6, 20), "on Tuesday")
    [reject] = _coded(coder, "The analysts said on Tuesday that Russia rejected the proposal.")
    assert reject.date_precision == "unresolved"  # a past act: done before it was told, whoever tells it


def test_an_allegation_read_from_what_is_said_is_dated_by_the_saying(coder: Coder) -> None:
    """The content is past ("were in contact"), but the accusation is the speaker's, read from the saying
    (``needs_speaker_source``): it is made when said (dating.said_date)."""
    [accuse] = _coded(coder, '"The terrorists were in contact with their masterminds in Afghanistan," the '
                             "Pakistani military spokesman told reporters on Tuesday.")
    assert (accuse.type, accuse.date, accuse.date_text) == ("ACCUSE", dt.date(2023, 6, 20), "on Tuesday")
