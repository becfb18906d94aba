"""Lawsuit stories whose parties speak (``coding/trials.py``): sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from detente.coding import Coder
from detente.coding.trials import TrialMemory, remember, trial_parties

ON = dt.date(2017, 3, 8)


def _accusations(coder: Coder, text: str) -> list[tuple[int, list[str | None]]]:
    return [(m.sentence_index, [a.country for a in m.source]) for m in coder.code_text(text, ON)
            if m.type == "ACCUSE"]


def test_the_bringer_of_a_suit_and_its_accused_are_remembered(nlp: Language) -> None:
    sent = nlp("Washington state and Minnesota sued President Donald Trump on Monday.")[:]
    bringers, accused = trial_parties(sent)
    assert [t.text for t in bringers] == ["state"] and [t.text for t in accused] == ["Trump"]
    memory = TrialMemory()
    remember(memory, sent, spoke=False)
    assert memory.plaintiff_names == {"washington", "minnesota"} and memory.recent


def test_a_lawsuit_that_speaks_with_no_owner_is_the_remembered_plaintiffs_allegation(coder: Coder) -> None:
    text = ("The state of Hawaii sued the Trump administration over the new travel ban on Monday. "
            "The lawsuit says that Trump's order discriminates against Muslims.")
    assert (1, ["USA"]) in _accusations(coder, text)


def test_the_plaintiff_named_again_as_speaker_alleges(coder: Coder) -> None:
    text = ("The state of Hawaii sued the Trump administration over the new travel ban on Monday. "
            "The order harms the state's universities and its tourism, Hawaii said.")
    assert (1, ["USA"]) in _accusations(coder, text)


def test_a_judge_in_the_plaintiffs_state_is_no_plaintiff(coder: Coder) -> None:
    text = ("The state of Hawaii sued the Trump administration over the new travel ban on Monday. "
            "District Court Judge Derrick Watson in Hawaii said the state could revise its lawsuit.")
    assert not [a for a in _accusations(coder, text) if a[0] == 1]
