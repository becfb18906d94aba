"""Quotes that run across sentences: which words are quoted, and when a sentence goes on quoting the one before."""

from __future__ import annotations

from detente.coding.speaker import ends_inside_quote, in_quote, quote_goes_on, starts_inside_quote, unquoted


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


def test_curly_marks_open_and_close() -> None:
    assert ends_inside_quote("Wang said: “We are ready.")
    assert starts_inside_quote("They are wrong,” he said.")
    assert not in_quote("“Yes,” he said.", 10)
