"""Cheap, rule-based sentence splitting of a whole document.

Every sentence gets an index in the document's split before anything is parsed, so ``sentence_index`` is
stable whether or not the prefilter lets a sentence through to the parser. Splitting uses a blank English
tokenizer and the rule of spaCy's sentencizer (no statistical model; the rule is applied to token arrays, a
test holds it to the component's output), after cutting the text into blocks at
blank lines and at line breaks that end a heading or a sentence; a line break inside a sentence (hard-wrapped
text) is treated as a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer

from detente.records import Sentence

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_HEADING_MAX = 80  # a short line without final punctuation is a heading or byline, not a wrapped sentence
# spaCy refuses a text over nlp.max_length (1,000,000 characters, error E088) and its memory grows with the text;
# a longer block is cut at whitespace into pieces of at most this many characters before it is tokenized. A
# block this long is no paragraph of prose (news paragraphs run to hundreds of characters, whole VOA stories
# sent as one line to about 7,000), so a cut inside it loses at most the sentence it falls in.
MAX_BLOCK_CHARS = 100_000
# The token attributes the splitter reads, one array row per token; ORTH and IS_PUNCT first, as
# ``_sentence_starts`` reads them.
_COLUMNS: list[int | str] = ["ORTH", "IS_PUNCT", "IDX", "LENGTH", "LOWER", "IS_SPACE"]
_IDX, _LENGTH, _LOWER, _IS_SPACE = 2, 3, 4, 5


@lru_cache(maxsize=1)
def _splitter() -> tuple[Language, frozenset[int]]:
    """A blank English tokenizer, and the ids of spaCy's sentencizer's sentence-final characters."""
    nlp = spacy.blank("en")
    return nlp, frozenset(nlp.vocab.strings.add(ch) for ch in Sentencizer.default_punct_chars)


def _sentence_starts(rows: list[list[int]], enders: frozenset[int]) -> list[int]:
    """Token indices where sentences start, by the sentencizer's rule: a sentence ends after a run of
    sentence-final characters and the punctuation that follows them (closing quotes, brackets). The rule is
    applied to the token arrays (``rows``: ORTH, IS_PUNCT first) because the component itself makes a Python
    object of every token, which cost more than the tokenizer on every document."""
    starts = [0]
    after_end = False
    for i, row in enumerate(rows):
        ender = row[0] in enders
        if after_end and not row[1] and not ender:
            starts.append(i)
            after_end = False
        elif ender:
            after_end = True
    return starts


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, block) pieces: paragraphs, headings and complete lines; wrapped lines are joined with spaces."""
    pos = 0
    for para in _BLANK_LINES.split(text):
        start = text.find(para, pos)
        pos = start + len(para)
        lines = para.split("\n")
        offset = start
        block_start = start
        buf: list[str] = []
        for i, line in enumerate(lines):
            buf.append(line)
            line_end = offset + len(line)
            last = i == len(lines) - 1
            stripped = line.strip()
            if last or not stripped or _SENTENCE_END.search(stripped) or len(stripped) < _HEADING_MAX:
                block = " ".join(buf)  # same length as the original span: newlines become spaces
                if block.strip():
                    yield block_start, block
                buf = []
                block_start = line_end + 1
            offset = line_end + 1


def _pieces(blocks: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The blocks, each over ``MAX_BLOCK_CHARS`` cut at the last whitespace before the limit (or at the limit
    when a piece has none)."""
    for offset, block in blocks:
        while len(block) > MAX_BLOCK_CHARS:
            cut = max(block.rfind(" ", 0, MAX_BLOCK_CHARS), block.rfind("\n", 0, MAX_BLOCK_CHARS))
            cut = cut + 1 if cut > 0 else MAX_BLOCK_CHARS
            yield offset, block[:cut]
            offset, block = offset + cut, block[cut:]
        yield offset, block


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of ``text`` in order, indexed from 0; whitespace-only pieces are skipped.

    Read from the tokens' arrays rather than token by token: this runs on every sentence of every document,
    and building a Python object per token was half its cost."""
    nlp, enders = _splitter()
    strings = nlp.vocab.strings
    out: list[Sentence] = []
    for offset, block in _pieces(_blocks(text)):
        doc = nlp.make_doc(block)
        if not len(doc):
            continue
        rows = doc.to_array(_COLUMNS).tolist()
        starts = _sentence_starts(rows, enders)
        for k, first in enumerate(starts):
            last = (starts[k + 1] if k + 1 < len(starts) else len(rows)) - 1
            raw = block[rows[first][_IDX]:rows[last][_IDX] + rows[last][_LENGTH]]
            stext = raw.strip()
            if not stext or not any(ch.isalnum() for ch in stext):
                continue
            start = offset + rows[first][_IDX] + len(raw) - len(raw.lstrip())
            out.append(
                Sentence(
                    index=len(out),
                    start=start,
                    end=start + len(stext),
                    text=stext,
                    tokens=tuple(strings[row[_LOWER]] for row in rows[first:last + 1] if not row[_IS_SPACE]),
                )
            )
    return out
