"""Cheap, rule-based sentence splitting of a whole document.

Every sentence gets an index in the document's split before anything is parsed, so ``sentence_index`` is
stable whether or not the prefilter lets a sentence through to the parser. Splitting uses a blank English
tokenizer and spaCy's rule-based sentencizer (no statistical model), after cutting the text into blocks at
blank lines and at line breaks that end a heading or a sentence; a line break inside a sentence (hard-wrapped
text) is treated as a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

from detente.records import Sentence

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_HEADING_MAX = 80  # a short line without final punctuation is a heading or byline, not a wrapped sentence


@lru_cache(maxsize=1)
def _splitter() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


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


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of ``text`` in order, indexed from 0; whitespace-only pieces are skipped."""
    nlp = _splitter()
    out: list[Sentence] = []
    for offset, block in _blocks(text):
        doc = nlp(block)
        for sent in doc.sents:
            stext = sent.text.strip()
            if not stext or not any(ch.isalnum() for ch in stext):
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = offset + sent.start_char + lead
            out.append(
                Sentence(
                    index=len(out),
                    start=start,
                    end=start + len(stext),
                    text=stext,
                    tokens=tuple(t.lower_ for t in sent if not t.is_space),
                )
            )
    return out
