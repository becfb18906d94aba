"""Quotes that run across sentences: which words are quoted, and when a sentence goes on quoting the one before."""

from __future__ import annotations

from spacy.language import Language

from detente.coding.lexicon import load_lexicon
from detente.coding.speaker import (
    ends_inside_quote,
    in_quote,
    quote_goes_on,
    speaker_of,
    starts_inside_quote,
    unquoted,
)


def test_a_sentence_split_inside_a_quote_starts_inside_it() -> None:
    text = 'But the talks have gone nowhere," the envoy said.'
    assert starts_inside_quote(text) and not ends_inside_quote(text)
    assert in_quote(text, text.index("talks")) and not in_quote(text, text.index("envoy"))


def test_the_opening_mark_the_splitter_leaves_at_the_end_opens_the_next_sentence() -> None:
    before = 'We are ready," Wang said. "'
    assert ends_inside_quote(before) and starts_inside_quote(before)
    assert unquoted(before).split() == ["Wang", "said."]


def test_a_whole_quote_after_a_quoted_speaker_goes_on_quoting_him() -> None:
    text = '"The ministers have been unfair to us."'
    assert quote_goes_on(text, '"We will not accept this," Akar said.')
    assert not quote_goes_on(text, "Akar flew to Brussels on Monday.")  # nobody was quoted before it
    assert not quote_goes_on("The ministers have been unfair.", '"We will not accept this," Akar said.')
    assert in_quote(text, text.index("ministers"))


def test_a_sentence_in_the_middle_of_a_quoted_paragraph_is_all_quote_when_one_was_left_open() -> None:
    middle = "At this point we want to sign a specific agreement."  # no mark of its own
    assert not in_quote(middle, 20) and unquoted(middle) == middle
    assert in_quote(middle, 20, opened=True) and not unquoted(middle, opened=True).strip()
    closing = 'It will take time," he told reporters.'
    assert unquoted(closing, opened=True).split() == ["he", "told", "reporters."]


def test_curly_marks_open_and_close() -> None:
    assert ends_inside_quote("Wang said: “We are ready.")
    assert starts_inside_quote("They are wrong,” he said.")
    assert not in_quote("“Yes,” he said.", 10)


def test_a_reduced_passive_on_the_reported_subject_is_said_by_the_speaker(nlp: Language) -> None:
    lexicon = load_lexicon()
    doc = nlp("A man accused of fraud fled the country, police said on Friday.")
    accused = next(t for t in doc if t.text == "accused")
    speaker, _, _ = speaker_of(accused, lexicon)
    assert speaker is not None and speaker.text == "police"
    # a relative clause is the story's background, not what the speaker reports
    doc = nlp("The man, who attacked the embassy, fled the country, police said on Friday.")
    attacked = next(t for t in doc if t.text == "attacked")
    assert speaker_of(attacked, lexicon)[0] is None
