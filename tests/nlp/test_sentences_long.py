"""Blocks longer than spaCy accepts are cut at whitespace before tokenizing; offsets still point into the text."""

from __future__ import annotations

from detente.nlp import split_sentences
from detente.nlp.sentences import MAX_BLOCK_CHARS


def test_a_block_over_the_limit_is_split_and_every_offset_is_exact() -> None:
    words = "China and the United States talked at length about trade "
    text = words * (1_050_000 // len(words)) + "Then Wang Yi visited Washington."
    assert len(text) > 1_000_000  # over spaCy's nlp.max_length: E088 without the cut
    sentences = split_sentences(text)
    assert sentences[-1].text.endswith("trade Then Wang Yi visited Washington.")
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert max(len(s.text) for s in sentences) <= MAX_BLOCK_CHARS
    assert [s.index for s in sentences] == list(range(len(sentences)))


def test_a_block_without_whitespace_is_cut_at_the_limit() -> None:
    text = "x" * (MAX_BLOCK_CHARS * 2 + 5)
    sentences = split_sentences(text)
    assert [len(s.text) for s in sentences] == [MAX_BLOCK_CHARS, MAX_BLOCK_CHARS, 5]
