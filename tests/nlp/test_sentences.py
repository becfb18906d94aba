"""Rule-based sentence splitting: indices, offsets, paragraphs, headings and hard-wrapped lines."""

from __future__ import annotations

from functools import cache

import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.language import Language

from detente.nlp import split_sentences
from detente.nlp.sentences import _sentence_starts, _splitter
from tests.hostile import fast


def test_indices_and_offsets_point_into_the_text() -> None:
    text = "Xi met Biden in Bali. They talked for hours.\n\nBlinken visited Beijing in June."
    sents = split_sentences(text)
    assert [s.index for s in sents] == [0, 1, 2]
    assert [s.text for s in sents] == ["Xi met Biden in Bali.", "They talked for hours.",
                                       "Blinken visited Beijing in June."]
    for s in sents:
        assert text[s.start:s.end] == s.text
    assert sents[0].tokens == ("xi", "met", "biden", "in", "bali", ".")


def test_a_heading_line_is_its_own_sentence() -> None:
    sents = split_sentences("Focus This Week\nChina and the US held talks on Tuesday.")
    assert [s.text for s in sents] == ["Focus This Week", "China and the US held talks on Tuesday."]


def test_hard_wrapped_lines_are_joined() -> None:
    text = ("US National Security Adviser Jake Sullivan also held talks with Chinese Foreign Minister\n"
            "Wang Yi on September 16 and 17 in Malta.")
    sents = split_sentences(text)
    assert len(sents) == 1
    assert sents[0].text.endswith("Wang Yi on September 16 and 17 in Malta.")
    assert "\n" not in sents[0].text


def test_blank_and_punctuation_only_pieces_are_skipped() -> None:
    assert split_sentences("\n\n   \n") == []
    assert [s.text for s in split_sentences("***\n\nTalks resumed.")] == ["Talks resumed."]


_PIECES = ["China", "met", "the", "U.S.", ".", "!", "?", "...", "\u201d", '"', ")", "]", "'", ";", ":", "\u3002",
           "Mr.", "3.5", "\u2026", " ", "  ", "\n", "-", "(", "a", "e.g.", "!?", "\u061f"]


@cache
def _reference() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@fast
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
@example("He said: \u201cNo.\u201d Then he left!) And? Yes...")
def test_sentence_starts_follow_spacys_sentencizer(text: str) -> None:
    """The array version of the rule marks exactly the tokens spaCy's own component marks."""
    nlp, enders = _splitter()
    doc = nlp.make_doc(text)
    expected = [t.i for t in _reference()(text) if t.is_sent_start]
    rows = doc.to_array(["ORTH", "IS_PUNCT"]).tolist()
    assert (_sentence_starts(rows, enders) if len(doc) else []) == expected
