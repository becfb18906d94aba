"""Several-word triggers ("took part in", "laid siege to"): where a lexicon phrase occurs in a sentence.

A phrase is matched word by word on forms or lemmas, before single words are tried, so its words are read as one
act rather than each in its own sense. What its last word governs is tested against the sense's objects by the
caller's object test (``triggers.object_matches``), passed in because triggers is the module that uses this one.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from detente.coding.lexicon import Lexicon, Sense
from detente.syntax import lemma

ObjectTest = Callable[[Token, tuple[str, ...]], bool]


def word_matches(tok: Token, word: str) -> bool:
    """A phrase word matches a token's form, its lemma, or its plural ("sanction" in "imposed sanctions on")."""
    return tok.lower_ == word or lemma(tok) == word or (word.endswith("s") is False and tok.lower_ == word + "s")


def phrase_matches(sent: Span, lexicon: Lexicon, object_fits: ObjectTest) -> list[tuple[Span, Sense]]:
    """Each lexicon phrase found in ``sent`` whose sense fits, as (span, sense) in token order; one phrase a start
    word, the lexicon's first that fits."""
    out: list[tuple[Span, Sense]] = []
    toks = list(sent)
    firsts = lexicon.phrase_index()
    for i, tok in enumerate(toks):
        for phrase in firsts.get(tok.lower_, ()) + firsts.get(lemma(tok), ()):
            n = len(phrase.words)
            if i + n <= len(toks) and all(word_matches(toks[i + k], phrase.words[k]) for k in range(1, n)):
                span = sent.doc[toks[i].i:toks[i + n - 1].i + 1]
                if not phrase_fits(span, phrase.sense, object_fits):
                    continue
                if not any(found.start == span.start for found, _sense in out):
                    out.append((span, phrase.sense))
    return out


def phrase_fits(span: Span, sense: Sense, object_fits: ObjectTest) -> bool:
    """A phrase sense's ``objects`` are what its last word governs: "took part in the talks" is a meeting, "took
    part in the operation" is not. A phrase whose object is elsewhere (a relative clause) is let through."""
    if not sense.objects:
        return True
    objs = [c for c in span[-1].children if c.dep_ in ("pobj", "dobj", "obj")]
    return not objs or any(object_fits(o, sense.objects) for o in objs)
