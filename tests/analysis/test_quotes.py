"""Quotations: the marks and shapes news uses, speakers through the knowledge base, and the seeds end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import detente
from detente.analysis.quotes import Quote, quotes_in
from detente.nlp.sentences import split_sentences
from detente.readers import content_id
from detente.records import Document
from detente.resolve.actors import ActorKB


def _quotes(text: str, kb: ActorKB, published: dt.date = dt.date(2023, 9, 30)) -> list[Quote]:
    doc = Document(id=content_id(text), text=text, published=published, outlet="Test Post")
    return quotes_in(doc, split_sentences(text), [], kb)


def test_curly_quote_with_attribution_after(kb: ActorKB) -> None:
    found = _quotes("“We will keep talking to Beijing at every level,” Blinken said on Monday.", kb)
    assert [q.text for q in found] == ["We will keep talking to Beijing at every level"]
    speaker = found[0].speaker
    assert speaker is not None and speaker.name == "Antony Blinken" and speaker.country == "USA"
    assert speaker.title == "secretary of state"  # the office as of the date, from the knowledge base


def test_interrupted_quote_is_one_quote(kb: ActorKB) -> None:
    text = ('"The door is open," said Chinese Foreign Minister Wang Yi, "but the United States must walk '
            'through it."')
    found = _quotes(text, kb)
    assert len(found) == 1
    assert found[0].text == "The door is open but the United States must walk through it."
    assert found[0].speaker is not None and found[0].speaker.name == "Wang Yi"
    assert found[0].speaker.title == "Chinese Foreign Minister"  # stated in the text


def test_multi_sentence_and_run_on_paragraphs(kb: ActorKB) -> None:
    text = ("Janet Yellen spoke to reporters in Beijing.\n\n“We had frank talks. We disagreed on some things.\n\n"
            "“But we agreed to keep meeting,” she said.")
    found = _quotes(text, kb)
    assert len(found) == 1
    assert found[0].text.startswith("We had frank talks. We disagreed on some things.")
    assert found[0].text.endswith("But we agreed to keep meeting")
    assert found[0].speaker is not None and found[0].speaker.name == "Janet Yellen"  # "she": named last before


def test_speaker_before_the_quote_and_scare_quotes(kb: ActorKB) -> None:
    text = ('Signs of relaxation emerged but were disrupted by the "balloon incident." '
            'Han Zheng told Blinken that both sides should keep "stepping up engagement and dialogue".')
    found = _quotes(text, kb)
    assert [q.text for q in found] == ["stepping up engagement and dialogue"]
    assert found[0].speaker is not None and found[0].speaker.name == "Han Zheng"


def test_unknown_speaker_keeps_name_and_stated_title(kb: ActorKB) -> None:
    text = ('Quote of the Week\n\n"Both capitals want a floor under the relationship, and both are building it '
            'slowly."\n\nJane Q. Observer\n\nVisiting Scholar, Example Institute\n')
    found = _quotes(text, kb)
    assert len(found) == 1 and found[0].speaker is not None
    assert found[0].speaker.name == "Jane Q. Observer"
    assert found[0].speaker.title == "Visiting Scholar, Example Institute"
    assert found[0].speaker.id is None


def test_quotes_on_the_seeds(seeds_store: Path) -> None:
    found = detente.quotes(seeds_store)
    by_speaker = {q.speaker.name: q for q in found if q.speaker and q.speaker.name}
    wang = by_speaker["Wang Yi"]
    assert "must-answer question" in wang.text and wang.speaker is not None
    assert wang.speaker.country == "CHN" and wang.outlet == "China-US Focus" and wang.published == dt.date(2024, 1, 12)
    assert wang.speaker.title == "Chinese Foreign Minister"
    blinken = by_speaker["Antony Blinken"]
    assert blinken.text == "maintaining open communications" and blinken.published == dt.date(2023, 9, 30)
    assert blinken.event_id is not None  # the meeting with Han Zheng told in the same sentence
    assert blinken.event_id in {e.event_id for e in detente.events(seeds_store, dyad="CHN-USA")}
    weitz = by_speaker["Richard Weitz"]
    assert weitz.text.startswith("It is still premature") and weitz.text.endswith("primed for problems.")
    assert weitz.speaker is not None and weitz.speaker.title == "Senior Fellow, Hudson Institute"
    assert not any(q.text == "balloon incident" for q in found)  # a scare quote with no speaker
    assert [q.speaker.name for q in detente.quotes(seeds_store, speaker="blinken") if q.speaker] == ["Antony Blinken"]
    assert {q.published for q in detente.quotes(seeds_store, since="2024-01")} == {dt.date(2024, 1, 12)}


def test_quotes_on_voa(voa_store: Path) -> None:
    found = detente.quotes(voa_store)
    assert len(found) > 100
    with_speaker = [q for q in found if q.speaker and q.speaker.name]
    assert len(with_speaker) / len(found) > 0.7
    assert all(q.outlet == "Voice of America" for q in found)


@pytest.mark.parametrize("mark", ['"', "“"])
def test_unclosed_quote_at_the_end_does_not_crash(kb: ActorKB, mark: str) -> None:
    assert isinstance(_quotes(f"He said {mark}this never closes", kb), list)


def test_unknown_people_surnames_pronouns_and_continuations(kb: ActorKB) -> None:
    text = ("But Steven Pifer, a senior fellow and former diplomat, told VOA there was uncertainty. "
            "“Russia does not have a good record of living up to ceasefires,” Pifer said. “We saw what happened "
            "in Donbas.”\n\nFu Cong blamed the Trump administration for the collapse of the deal. “Maximum pressure "
            "is not going to achieve the goal,” he added.")
    found = _quotes(text, kb, dt.date(2025, 3, 13))
    speakers = [(q.text[:12], q.speaker.name if q.speaker else None) for q in found]
    assert speakers == [("Russia does ", "Steven Pifer"), ("We saw what ", "Steven Pifer"),
                        ("Maximum pres", "Fu Cong")]
