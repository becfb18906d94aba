"""The memoized attribute ruler + lemmatizer gives the stock components' output, token for token."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from detente.nlp import DEFAULT_MODEL, load_nlp, split_sentences
from detente.nlp.taglemma import TagLemmaCache, install
from tests.conftest import EXAMPLES


def _sentences(voa: Path) -> list[str]:
    """The examples, the first 12 VOA stories (a missing corpus skips the test, through ``voa_path``), and
    sentences for the ruler's special patterns."""
    out: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        out += [s.text for s in split_sentences(path.read_text(encoding="utf-8"))]
    lines = [line for line in voa.read_text(encoding="utf-8").splitlines() if line.strip()]
    for line in lines[:12]:
        out += [s.text for s in split_sentences(json.loads(line)["text"])]
    # The multi-token and dependency-keyed ruler patterns, and whitespace tokens.
    out += ["We're gonna win, y'all.", "Let's go, c'mon!", "There is a problem and there were two.",
            "I ain't leaving.  You saw it and it saw me.", "But  he said so\n\nthen left."]
    return out


def _signature(doc: spacy.tokens.Doc) -> list[tuple[object, ...]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_load_nlp_uses_the_cache() -> None:
    nlp = load_nlp()
    assert "tag_lemma" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    comp = nlp.get_pipe("tag_lemma")
    assert isinstance(comp, TagLemmaCache) and comp.enabled


@pytest.fixture(scope="module")
def stock(voa_path: Path) -> tuple[list[str], list[list[tuple[object, ...]]]]:
    """The sentences and the stock pipeline's output for them, computed once for both cache sizes."""
    sentences = _sentences(voa_path)
    assert len(sentences) > 200
    return sentences, [_signature(doc) for doc in spacy.load(DEFAULT_MODEL).pipe(sentences)]


@pytest.mark.parametrize("max_entries", [200_000, 500])
def test_identical_to_the_stock_components(
    max_entries: int, stock: tuple[list[str], list[list[tuple[object, ...]]]]
) -> None:
    sentences, expected = stock
    cached = install(spacy.load(DEFAULT_MODEL), max_entries=max_entries)
    comp = cached.get_pipe("tag_lemma")
    assert isinstance(comp, TagLemmaCache)
    for _round in range(2):  # cold, then warm (mostly cache hits)
        got = [_signature(doc) for doc in cached.pipe(sentences)]
        assert got == expected
    assert comp.misses > 0
    if max_entries > 100_000:
        assert comp.hits > 0
    assert len(comp.cache) <= max_entries
