"""Deciding, before any parsing, which sentences can hold an event.

A sentence is parsed only when it has a candidate trigger (a surface form from the trigger lexicon, looked up in
a set over its lowercase tokens) and a candidate actor (the knowledge base's fast alias check). Parsing is
most of the cost of coding, so every sentence skipped here is time saved; a false positive only costs a parse,
a false negative loses an event, so the trigger forms are generated generously.

A word that counts only with a partner word ("lifted" + "sanctions", "held" + "talks", "called" + "on") needs
it within ``NEAR`` tokens: the object, particle or light verb the coder reads it by is in its clause, a few
words off, while the same words far apart in a long sentence are mostly two unrelated clauses ("talks" at one
end, "held" at the other). A partner the coder reads across the sentence (a verb of saying for a disapproval
word, a future for "if") is given as ``paired``, counted anywhere.

The answer is a ``Verdict``, not a yes/no: why a sentence was not parsed is what tells where recall is lost
before any rule can act (``detente evaluate`` breaks its "not parsed" sentences down by it).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from detente.nlp.sentences import Sentence


class Verdict(enum.Enum):
    """Why a sentence is parsed or not; the value is how reports name it."""

    PASSED = "passed"
    NO_TRIGGER = "no trigger word"
    NO_ACTOR = "no candidate actor"  # a trigger word, and no word the knowledge base knows as an actor
    SECTOR_ONLY = "actor of no country"  # a trigger word, and only actor words that name no country ("the army")
    TOO_LONG = "too long"  # over the longest sentence coded (``detente.coding.selection``)
    OVER_BUDGET = "over budget"  # the document's budget of parsed sentences was spent before it


# how far apart (in tokens, either way) a word and the partner it counts with may be: a verb and its object,
# particle or cue ("called Pakistan's assertions 'baseless'"), a noun and its light verb ("conducted a series of
# senior official exchanges"). Measured on the labelled news (docs/coding.md, "A partner word nearby").
NEAR = 8


@dataclass(slots=True)
class Prefilter:
    """``trigger_forms``: lowercase forms that suffice alone; ``near``: forms that count only when one of the
    given words is within ``NEAR`` tokens ("lifted" + "sanctions"); ``paired``: forms that count when one of
    the given words is anywhere in the sentence ("concerned" + "said"); ``is_actor``: the actor test of a
    sentence's text, a yes/no (the KB's fast ``is_candidate(text)``) or a ``Verdict`` saying why not."""

    trigger_forms: frozenset[str]
    is_actor: Callable[[str], bool | Verdict]
    paired: Mapping[str, frozenset[str]] = field(default_factory=dict)
    near: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # form -> (partners anywhere, partners nearby): one lookup per token, as cheap as before the window
    _rules: dict[str, tuple[frozenset[str], frozenset[str]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        empty: frozenset[str] = frozenset()
        self._rules = {form: (self.paired.get(form, empty), self.near.get(form, empty))
                       for form in {*self.paired, *self.near}}

    def has_trigger(self, tokens: Sequence[str]) -> bool:
        """Set lookups over the sentence's lowercase tokens, in order; the window only around a form whose
        nearby partner is somewhere in the sentence."""
        toks = set(tokens)
        if not self.trigger_forms.isdisjoint(toks):
            return True
        rules = self._rules
        for tok in toks:
            rule = rules.get(tok)
            if rule is None:
                continue
            anywhere, close = rule
            if not anywhere.isdisjoint(toks):
                return True
            if not close.isdisjoint(toks) and any(
                    t == tok and not close.isdisjoint(tokens[max(0, i - NEAR):i + NEAR + 1])
                    for i, t in enumerate(tokens)):
                return True
        return False

    def verdict(self, sentence: Sentence) -> Verdict:
        """The trigger test first (a set lookup), the actor test only on a sentence that passes it."""
        if not self.has_trigger(sentence.tokens):
            return Verdict.NO_TRIGGER
        answer = self.is_actor(sentence.text)
        if isinstance(answer, Verdict):
            return answer
        return Verdict.PASSED if answer else Verdict.NO_ACTOR

    def __call__(self, sentence: Sentence) -> bool:
        return self.verdict(sentence) is Verdict.PASSED

    def select(self, sentences: Iterable[Sentence]) -> list[Sentence]:
        """The sentences worth parsing, in document order."""
        return [s for s in sentences if self(s)]
