"""The language of a document: detected, and refused when detente has no model for it.

The coder is English throughout (lexicon, rules, spaCy model); French or Chinese text run through it yields
nothing, or worse, wrong events, so such input is rejected with a line saying why. A given language (a JSONL
``language`` field) is taken as it is. Otherwise a cheap check counts English function words, which settles
ordinary English prose in a fraction of a millisecond; only the rest goes to py3langid, a Naive Bayes identifier
whose model ships inside the package (no download, deterministic), loaded on first need. Tables and thresholds
are in ``language.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from detente.datafiles import DataFileError, load

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"[-_]")


class UnsupportedLanguage(ValueError):
    """Text in a language detente has no model for; ``reason`` is the rejection's text."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.reason = f"language {language} not supported"
        super().__init__(self.reason)


@dataclass(slots=True, frozen=True)
class _Settings:
    supported: frozenset[str]
    sample_chars: int
    english_share: float
    english_words: frozenset[str]
    english_floor: float


@cache
def _settings() -> _Settings:
    data = load("detente.readers", "language.yaml")
    try:
        return _Settings(
            supported=frozenset(str(code).lower() for code in data["supported"]),
            sample_chars=int(data["sample_chars"]),
            english_share=float(data["english_share"]),
            english_words=frozenset(str(word).lower() for word in data["english_words"]),
            english_floor=float(data["english_floor"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"detente/readers/language.yaml: {exc}") from exc


def supported_languages() -> frozenset[str]:
    """Language codes (ISO 639-1) detente has a model for."""
    return _settings().supported


def normalize_language(given: str) -> str:
    """The primary subtag of a language tag, lower case: "en-US", "EN", "en_GB" → "en"."""
    return _TAG.split(given.strip().lower(), maxsplit=1)[0]


def document_language(text: str, *, given: str | None = None) -> str:
    """The language code of ``text``: ``given`` when there is one, else detected. Raises ``UnsupportedLanguage``
    for a language without a model."""
    settings = _settings()
    language = normalize_language(given) if given else detect_language(text)
    if language not in settings.supported:
        raise UnsupportedLanguage(language)
    return language


def detect_language(text: str) -> str:
    """"en" for English text, else the identifier's best guess (an ISO 639-1 code such as "fr" or "zh")."""
    settings = _settings()
    sample = text[: settings.sample_chars]
    if english_share(sample) >= settings.english_share:
        return "en"
    ranked = dict(_identifier().rank(sample))
    if ranked.get("en", 0.0) >= settings.english_floor:
        return "en"  # another language may rank first on a short line, but English is not ruled out
    return str(max(ranked, key=lambda code: ranked[code]))


def english_share(text: str) -> float:
    """The share of words in ``text`` that are common English function words (0 for no words)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    english = _settings().english_words
    return sum(1 for word in words if word in english) / len(words)


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model with probabilities, limited to languages that have a two-letter ISO 639-1 code (the
    model also knows dialects such as Wu or Egyptian Arabic, which would split a language's probability)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier
