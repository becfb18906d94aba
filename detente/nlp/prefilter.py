"""Deciding, before any parsing, which sentences can hold an event.

A sentence is parsed only when it has a candidate trigger (a surface form from the trigger lexicon, looked up in
a set over its lowercase tokens) and a candidate actor (the knowledge base's fast alias check). Parsing is
most of the cost of coding, so every sentence skipped here is time saved; a false positive only costs a parse,
a false negative loses an event, so the trigger forms are generated generously.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from detente.nlp.sentences import Sentence


@dataclass(slots=True)
class Prefilter:
    """``trigger_forms``: lowercase forms that suffice alone; ``paired``: forms that count only when one of
    the given words is in the sentence too ("lifted" + "sanctions"); ``is_actor``: the KB's fast
    ``is_candidate(text)``."""

    trigger_forms: frozenset[str]
    is_actor: Callable[[str], bool]
    paired: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def has_trigger(self, tokens: Iterable[str]) -> bool:
        forms = self.trigger_forms
        toks = tokens if isinstance(tokens, (set, frozenset)) else set(tokens)
        if not forms.isdisjoint(toks):
            return True
        paired = self.paired
        for tok in toks:
            needs = paired.get(tok)
            if needs is not None and not needs.isdisjoint(toks):
                return True
        return False

    def __call__(self, sentence: Sentence) -> bool:
        return self.has_trigger(sentence.tokens) and self.is_actor(sentence.text)

    def select(self, sentences: Iterable[Sentence]) -> list[Sentence]:
        """The sentences worth parsing, in document order."""
        return [s for s in sentences if self(s)]
