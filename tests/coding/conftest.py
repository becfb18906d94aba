"""Session fixtures for the coding tests: the spaCy pipeline, the knowledge base and a coder are loaded once,
and the seed articles are coded once, so the suite stays fast."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Span

from detente.coding import Coder, verifier
from detente.coding.candidates import Candidate, extract
from detente.coding.compose import load_composer
from detente.coding.lexicon import load_lexicon
from detente.coding.modality import load_cues
from detente.coding.triggers import Trigger, find_triggers
from detente.nlp import load_nlp
from detente.readers import iter_documents
from detente.records import Document, Mention
from tests.conftest import EXAMPLES


@pytest.fixture
def rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The coder's learned check off for the test, whatever its data file or DETENTE_VERIFIER says: the tests of
    what the rules code (the decision between a sentence's events, the screen's conventions) write sentences to
    show a rule, and whether the check (coding/verifier.py) trusts the events is test_verifier's question. With
    the check pinned off here, switching it on is one line in its data file."""
    monkeypatch.setattr(verifier, "default_model", lambda: None)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


Find = Callable[[str], list[Trigger]]


@pytest.fixture(scope="session")
def find(nlp: Language) -> Find:
    """The trigger words of one sentence with the bundled lexicon (no composition, no actors)."""
    lexicon = load_lexicon()

    def run(text: str) -> list[Trigger]:
        return find_triggers(nlp(text)[:], lexicon)

    return run


@pytest.fixture(scope="session")
def candidates(nlp: Language) -> Callable[[str], list[Candidate]]:
    """Event candidates of one sentence, before actor resolution (no knowledge base involved)."""
    lexicon, composer, cues = load_lexicon(), load_composer(), load_cues()

    def run(text: str) -> list[Candidate]:
        sent: Span = nlp(text)[:]
        return extract(sent, lexicon, composer, cues)

    return run


@pytest.fixture(scope="session")
def seeds(coder: Coder) -> dict[str, tuple[Document, list[Mention]]]:
    """The three seed articles (examples/, copies of ../shared/seeds) coded once: key = file prefix."""
    docs = [d for d in iter_documents([str(EXAMPLES)]) if isinstance(d, Document)]
    out: dict[str, tuple[Document, list[Mention]]] = {}
    for doc, records in coder.code_documents(docs):
        assert doc.source_id
        out[doc.source_id[:3]] = (doc, records)
    return out
