"""The coding budget per document: junk cannot dominate a run, real articles are coded whole.

The oracles are counts a reader can check by hand: how many sentences a built text holds, and where its cut
falls.
"""

from __future__ import annotations

import json

import pytest

from detente.coding import Coder
from detente.coding.lexicon import load_lexicon
from detente.coding.modality import load_cues
from detente.coding.selection import MAX_CODED_CHARS, MAX_PARSED_SENTENCES, MAX_SENTENCE_CHARS, SentenceSelector
from detente.records import Document
from detente.resolve.actors import ActorKB

EVENT = "Wang Yi met Antony Blinken in Beijing."  # 38 characters, a trigger and actors: always selected


@pytest.fixture(scope="module")
def selector(kb: ActorKB) -> SentenceSelector:
    return SentenceSelector(kb, load_lexicon(), load_cues())


def test_at_most_the_parsed_sentence_budget_is_selected(selector: SentenceSelector) -> None:
    text = " ".join([EVENT] * (MAX_PARSED_SENTENCES + 50))
    found = selector.select(text)
    assert len(found.sentences) == MAX_PARSED_SENTENCES + 50  # all are split and indexed
    assert len(found.selected) == MAX_PARSED_SENTENCES
    assert [s.index for s in found.selected] == list(range(MAX_PARSED_SENTENCES))  # the first ones
    assert found.truncated


def test_only_the_first_characters_of_a_long_document_are_coded(selector: SentenceSelector) -> None:
    filler = "The weather was mild and the markets were calm. "  # 48 characters, never selected
    text = filler * (MAX_CODED_CHARS // len(filler) + 100) + EVENT
    found = selector.select(text)
    assert found.truncated and found.selected == []  # the event sentence lies past the budget
    assert found.sentences[-1].end <= MAX_CODED_CHARS
    cut = len(found.sentences) * len(filler)
    assert MAX_CODED_CHARS - 2 * len(filler) < cut <= MAX_CODED_CHARS  # only the sentence at the cut is left out


def test_a_sentence_longer_than_the_limit_is_not_parsed(selector: SentenceSelector) -> None:
    long_one = "Wang Yi met Antony Blinken in Beijing and " + "talked, " * (MAX_SENTENCE_CHARS // 8) + "then left."
    found = selector.select(f"{long_one} {EVENT}")
    assert len(found.sentences[0].text) > MAX_SENTENCE_CHARS
    assert [s.text for s in found.selected] == [EVENT]
    assert not found.truncated


def test_a_real_story_is_within_the_budget(selector: SentenceSelector, voa_path) -> None:
    with open(voa_path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    assert not any(selector.select(t).truncated for t in texts)


def test_a_megabyte_paragraph_is_coded_without_error_and_with_bounded_mentions(coder: Coder) -> None:
    """spaCy refuses a text over 1,000,000 characters (E088); one paragraph of that size is cut before it."""
    text = " ".join([EVENT] * (1_000_000 // len(EVENT) + 10))
    assert len(text) > 1_000_000 and "\n" not in text
    ((doc, mentions),) = coder.code_documents([Document(id="junk", text=text)])
    assert doc.id == "junk"
    assert 0 < len(mentions) <= 2 * MAX_PARSED_SENTENCES
    assert max(m.sentence_index for m in mentions) < MAX_PARSED_SENTENCES
