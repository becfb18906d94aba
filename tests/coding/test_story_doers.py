"""The doer of a noun event or an agentless passive its sentence does not name, taken from the act the story told
just before (coding/story_doers.py; docs/coding.md, "The doer from the story: noun events and agentless passives")."""

from __future__ import annotations

import datetime as dt

from detente.coding import Coder
from detente.records import Document

STRIKE = "Israeli jets struck Hamas positions in Gaza on Monday. "


def _coded(coder: Coder, text: str) -> list[tuple[int, str, list[str | None], list[str | None]]]:
    """(sentence, type, source countries, target countries) of each record of ``text`` coded as one document."""
    [(_doc, records)] = list(coder.code_documents([Document(id="t", text=text, published=dt.date(2024, 3, 1))]))
    return [(r.sentence_index, r.type, [a.country for a in r.source], [a.country for a in r.target])
            for r in records]


def test_an_agentless_passive_takes_the_doer_of_the_act_just_told(coder: Coder) -> None:
    assert (1, "ASSAULT", ["ISR"], ["PSE"]) in _coded(coder, STRIKE + "Five Palestinians were killed.")
    # victims of no country: the act's victims are the story's too, so the event is no longer lost
    assert (1, "ASSAULT", ["ISR"], ["PSE"]) in _coded(coder, STRIKE + "Two more were wounded in Gaza.")


def test_other_victims_or_none_keep_the_act_without_a_doer(coder: Coder) -> None:
    # victims of another country: another act, whose doer the story has not told
    assert (1, "ASSAULT", [], ["EGY"]) in _coded(coder, STRIKE + "Two Egyptian guards were wounded.")
    # "no Palestinians were wounded" is no act done by the jets
    assert not any(r[0] == 1 and r[2] == ["ISR"] for r in _coded(coder, STRIKE + "No Palestinians were wounded."))


def test_the_doer_is_taken_only_from_the_sentence_just_before(coder: Coder) -> None:
    text = STRIKE + "The army spokesman gave no figures. Two more were wounded in Gaza."
    assert not any(r[0] == 2 for r in _coded(coder, text))


def test_two_doers_just_before_give_none(coder: Coder) -> None:
    text = "Israeli jets struck Gaza and Hamas fired rockets at Israel. Two more were wounded in Gaza."
    assert not any(r[0] == 1 and r[2] for r in _coded(coder, text))


def test_the_doers_own_people_hit_is_another_act(coder: Coder) -> None:
    # rockets fired at Israel just before: Palestinians wounded are not that act's victims
    text = "Israeli jets struck Gaza. Hamas fired rockets at Israel. Two Palestinians were wounded."
    assert not any(r[0] == 2 and r[2] for r in _coded(coder, text))
