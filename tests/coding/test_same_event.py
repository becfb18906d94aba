"""One event told over several sentences: a later sentence about the same meeting takes the place and date an
earlier one gave (coding/same_event.py, places.Places.carried_place, dating.carried_date), and nothing else
does."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.coding import Coder
from detente.coding.context import DocumentContext
from detente.coding.same_event import earlier_mentions, same_paragraph, within
from detente.nlp import split_sentences
from detente.records import Actor, Document, Mention
from detente.resolve.actors import DocumentActors

PUBLISHED = dt.date(2023, 6, 21)  # a Wednesday
US = Actor("Blinken", name="Antony Blinken", country="USA", id="person/usa/antony-blinken")
CN = Actor("Qin Gang", name="Qin Gang", country="CHN", id="person/chn/qin-gang")
XI = Actor("Xi", name="Xi Jinping", country="CHN", id="person/chn/xi-jinping")


def code(coder: Coder, text: str) -> list[Mention]:
    return coder.code_text(text, on=PUBLISHED)


def where(m: Mention) -> str | None:
    return m.location.name if m.location else None


def in_sentence(records: list[Mention], index: int, type_: str) -> Mention:
    [found] = [m for m in records if m.sentence_index == index and m.type == type_]
    return found


def test_a_meeting_told_on_keeps_the_place_and_the_visit_its_country(coder: Coder) -> None:
    records = code(coder, "Blinken arrived in Beijing on Sunday. He met Chinese Foreign Minister Qin Gang on Monday.")
    met = in_sentence(records, 1, "CONSULT")
    assert where(met) == "Beijing" and met.date == dt.date(2023, 6, 19)  # its own Monday, the visit's Beijing
    records = code(coder, "Blinken visited China. He met Xi Jinping on Monday.")
    met = in_sentence(records, 1, "CONSULT")
    assert met.location is not None and (met.location.country, met.location.precision) == ("CHN", "country")


def test_an_act_during_the_meeting_takes_its_place_and_day(coder: Coder) -> None:
    records = code(coder, "Wang Yi met Jake Sullivan in Vienna on Thursday. "
                          "At the meeting, Wang criticized U.S. export controls.")
    accuse = in_sentence(records, 1, "ACCUSE")
    assert where(accuse) == "Vienna" and accuse.date == dt.date(2023, 6, 15) and accuse.date_precision == "day"


def test_the_same_act_again_keeps_its_day_but_a_perfect_does_not(coder: Coder) -> None:
    records = code(coder, "On Monday, China accused the United States of spying. "
                          "China also accused the United States of hacking.")
    assert in_sentence(records, 1, "ACCUSE").date == dt.date(2023, 6, 19)
    records = code(coder, "On Monday, China accused the United States of spying. "
                          "China has long accused the United States of hacking.")
    assert in_sentence(records, 1, "ACCUSE").date_precision == "unresolved"


@pytest.mark.parametrize("text", [
    # another paragraph
    "Blinken met Qin Gang in Beijing on Sunday.\n\nBlinken met Xi Jinping.",
    # another pair of countries
    "Blinken met Qin Gang in Beijing on Sunday. Russian President Vladimir Putin met Xi Jinping.",
    # too far back: three sentences between
    "Blinken met Qin Gang in Beijing on Sunday. The weather was warm. Markets rose. Prices fell. "
    "Blinken met Xi Jinping.",
])
def test_nothing_carries_to_another_story(coder: Coder, text: str) -> None:
    last = max(m.sentence_index for m in code(coder, text))
    met = [m for m in code(coder, text) if m.sentence_index == last]
    assert met and all(m.location is None and m.date_precision == "unresolved" for m in met)


def test_a_new_person_is_another_meeting_the_same_day_is_not_assumed(coder: Coder) -> None:
    records = code(coder, "Blinken met Qin Gang in Beijing on Sunday. Blinken also met Xi Jinping.")
    met = in_sentence(records, 1, "CONSULT")
    assert where(met) == "Beijing"  # same trip, same city
    assert met.date_precision == "unresolved"  # but maybe not the same day


def _context(text: str, records: list[Mention]) -> DocumentContext:
    doc = Document(id="d", text=text, published=PUBLISHED)
    return DocumentContext(doc=doc, sentences=split_sentences(text), actors=DocumentActors(), countries=set(),
                           records=records)


def _mention(index: int, confidence: float = 0.5) -> Mention:
    return Mention(mention_id=f"m{index}{confidence}", doc_id="d", sentence="s", sentence_index=index,
                   type="CONSULT", mode=None, cameo="040", goldstein=1.0, quad_class=1, modality="asserted",
                   channel="diplomatic", source=[US], target=[CN], confidence=confidence)


def test_earlier_mentions_stay_in_the_window_and_the_paragraph() -> None:
    text = "One met. Two met. Three met.\n\nFour met. Five met."
    records = [_mention(0), _mention(1, 0.4), _mention(1, 0.9), _mention(3)]
    ctx = _context(text, records)
    assert same_paragraph(ctx, 0, 2) and not same_paragraph(ctx, 2, 3) and not same_paragraph(ctx, 3, 9)
    assert [(m.sentence_index, m.confidence) for m in earlier_mentions(ctx, 2, 2)] == [(1, 0.9), (1, 0.4), (0, 0.5)]
    assert [m.sentence_index for m in earlier_mentions(ctx, 2, 1)] == [1, 1]
    assert [m.sentence_index for m in earlier_mentions(ctx, 4, 3)] == [3]  # sentence 1 is in the paragraph before


def test_within_compares_countries_sides_and_named_people() -> None:
    earlier = _mention(0)  # Blinken (USA) → Qin Gang (CHN)
    two_sides = [Actor("the two sides", country="CHN"), Actor("the two sides", country="USA")]
    assert within(earlier, two_sides, [])
    assert not within(earlier, [Actor("Russia", country="RUS")], [])
    assert within(earlier, [Actor("Austria", country="AUT")], [], extra=["AUT"])
    assert not within(earlier, [], [])  # nobody with a country: nothing to compare
    assert within(earlier, [XI], []) and not within(earlier, [XI], [], same_people=True)
    assert within(earlier, [US], [Actor("China", country="CHN", id="country/CHN")], same_people=True)
    # side by side: China acting on the United States is not the act the United States did to China
    assert within(earlier, [US], [CN], directed=True) and not within(earlier, [CN], [US], directed=True)
    assert not within(earlier, [], [CN], directed=True)  # no source: no telling whose act


def test_the_nearest_telling_decides(coder: Coder) -> None:
    records = code(coder, "Blinken visited China. He met Qin Gang in Beijing on Sunday. Blinken met Xi Jinping.")
    assert where(in_sentence(records, 2, "CONSULT")) == "Beijing"  # the nearest meeting's city, not the country
    records = code(coder, "On Monday, Blinken met Qin Gang. Blinken met Qin Gang at a lunch. "
                          "Blinken met Qin Gang in Beijing.")
    assert in_sentence(records, 1, "CONSULT").date == dt.date(2023, 6, 19)
    assert in_sentence(records, 2, "CONSULT").date == dt.date(2023, 6, 19)  # through the second, which took it
    records = code(coder, "Blinken met Qin Gang. On Monday, Blinken met Qin Gang at a lunch. Blinken met Qin Gang.")
    assert in_sentence(records, 2, "CONSULT").date == dt.date(2023, 6, 19)
    records = code(coder, "On Monday, Blinken met Qin Gang. Blinken has met Qin Gang in Beijing. "
                          "Blinken met Qin Gang at a lunch.")
    assert in_sentence(records, 1, "CONSULT").date_precision == "unresolved"  # a perfect: a time of its own
    assert in_sentence(records, 2, "CONSULT").date_precision == "unresolved"  # and the nearest telling has none


def test_a_time_of_its_own_blocks_the_carry(coder: Coder) -> None:
    records = code(coder, "On Monday, China accused the United States of spying. "
                          "Days later, China accused the United States of hacking.")
    assert in_sentence(records, 1, "ACCUSE").date_precision == "unresolved"
    records = code(coder, "On Monday, Afghanistan accused Pakistan of lying. Pakistan accused Afghanistan of lying.")
    assert in_sentence(records, 1, "ACCUSE").date_precision == "unresolved"  # another act, the other way round


def test_a_verbal_act_right_after_a_meeting_was_said_there(coder: Coder) -> None:
    """A demand between the meeting's two sides, told in the next sentence with no time of its own, was made at
    the meeting; another time, another pair of countries or a sentence between leaves it unplaced."""
    said = "Wang Yi met Antony Blinken in Beijing on Sunday. "
    assert where(in_sentence(code(coder, said + "Wang urged Washington to stop arming Taiwan."), 1,
                             "REQUEST")) == "Beijing"
    assert where(in_sentence(code(coder, said + "On Tuesday, Wang urged Washington to stop arming Taiwan."), 1,
                             "REQUEST")) is None
    assert where(in_sentence(code(coder, said + "Russia urged Washington to stop arming Ukraine."), 1,
                             "REQUEST")) is None
    assert where(in_sentence(code(coder, said + "The weather was fine. Wang urged Washington to stop arming "
                                               "Taiwan."), 2, "REQUEST")) is None
