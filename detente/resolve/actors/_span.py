"""Reading a span: one greedy longest-match pass over its tokens, then apposition parts and head/modifier zones.

Every key of the index (names, titles, agent words, demonyms, modifiers, prepositions) is matched the same way, so
the decision in ``kb`` only has to look at what was found and where: "Sun Weidong, | China's foreign
vice-minister | for Asia".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ._fuzzy import FUZZY_MIN, Fuzzy
from ._index import PROPER_KINDS, Index, Lex
from ._text import POSSESSIVE, SEPARATORS, Token, fold, tokenize

_CONTENT_SKIP = frozenset({"filler", "modifier", "prep", "marker"})


@dataclass(slots=True)
class Item:
    """A stretch of the span: a known key (``lexes``) or one unknown token."""

    i: int
    j: int
    lexes: list[Lex]
    low: str
    start: int
    end: int
    cap: bool
    sep: bool = False
    seg: int = 0
    mod: bool = False
    prep: str | None = None
    ptype: str | None = None
    poss: bool = False

    def of(self, *kinds: str) -> list[Lex]:
        return [lx for lx in self.lexes if lx.kind in kinds]

    def has(self, *kinds: str) -> bool:
        return any(lx.kind in kinds for lx in self.lexes)

    @property
    def content(self) -> bool:
        return not self.sep and (not self.lexes or any(lx.kind not in _CONTENT_SKIP for lx in self.lexes))


@dataclass(slots=True)
class Span:
    text: str
    folded: str
    items: list[Item]

    def slice(self, start: int, end: int) -> str:
        src = self.text if len(self.text) == len(self.folded) else self.folded
        return src[start:end].strip()


class Scanner:
    def __init__(self, index: Index) -> None:
        self._ix = index
        self._fuzzy: Fuzzy | None = None

    def scan(self, text: str, on: dt.date | None) -> Span:
        folded = fold(text)
        toks = tokenize(folded, folded=True)
        ix = self._ix
        items: list[Item] = []
        i = 0
        n_tok = len(toks)
        while i < n_tok:
            t = toks[i]
            if t.low in SEPARATORS:
                items.append(Item(i, i + 1, [], t.low, t.start, t.end, False, sep=True))
                i += 1
                continue
            if t.low == POSSESSIVE:
                if items and not items[-1].sep:
                    items[-1].poss = True
                i += 1
                continue
            longest = min(max(ix.first.get(t.low, 0), ix.first_cs.get(t.orig, 0)), n_tok - i)
            found: list[Lex] = []
            n = longest
            while n > 0:
                window = toks[i : i + n]
                if any(w.low in SEPARATORS for w in window):
                    n -= 1
                    continue
                cs_lexes = list(ix.lex_cs.get(" ".join(w.orig for w in window), ()))
                lexes = cs_lexes + ix.lex.get(" ".join(w.low for w in window), [])
                cap = any(w.capitalized for w in window)
                if all(w.orig.isupper() and len(w.orig) <= 3 for w in window):
                    # an acronym in capitals ("AI") is not a name written in capitals (Ai Weiwei)
                    lexes = [lx for lx in lexes if lx.kind not in {"surname", "person"} or lx in cs_lexes]
                found = [
                    lx
                    for lx in lexes
                    if (cap or lx.kind not in PROPER_KINDS)
                    and (lx.kind not in {"capital", "place", "city"} or lx.active(on))
                ]
                if found:
                    break
                n -= 1
            if found:
                last = toks[i + n - 1]
                low = " ".join(w.low for w in toks[i : i + n])
                items.append(Item(i, i + n, found, low, t.start, last.end, any(w.capitalized for w in toks[i : i + n])))
                i += n
                continue
            guess = self._fuzzy_lookup(t, on)
            items.append(Item(i, i + 1, guess, t.low, t.start, t.end, t.capitalized))
            i += 1
        _zones(items)
        return Span(text, folded, items)

    @property
    def fuzzy(self) -> Fuzzy:
        """The spelling corrector, built on first use (its tables take a moment) and shared with ``CountryFinder``."""
        if self._fuzzy is None:
            self._fuzzy = Fuzzy(self._ix)
        return self._fuzzy

    def _fuzzy_lookup(self, t: Token, on: dt.date | None) -> list[Lex]:
        """One-edit misspellings of long names ("Ethopia", "peackeepers"): only for words unknown as spelled."""
        if len(t.low) < FUZZY_MIN or not t.low.isalpha():
            return []
        word = self.fuzzy.correct(t.low, proper=t.capitalized)
        if word is None:
            return []
        return [lx for lx in self._ix.lex.get(word, ()) if t.capitalized or lx.kind not in PROPER_KINDS]


def _zones(items: list[Item]) -> None:
    """Apposition parts (split at commas and brackets) and, within each, head versus modifier (after the first
    preposition: "president | of Armenia", "ambassador | to China")."""
    seg, mod, prep, ptype, content = 0, False, None, None, False
    for it in items:
        if it.sep:
            if content:
                seg += 1
            mod, prep, ptype, content = False, None, None, False
            continue
        preps = it.of("prep")
        if preps and len(preps) == len(it.lexes):
            if content:
                mod, prep, ptype = True, preps[0].name, preps[0].code
            it.seg, it.mod, it.prep, it.ptype = seg, mod, prep, ptype
            continue
        it.seg, it.mod, it.prep, it.ptype = seg, mod, prep, ptype
        if it.content:
            content = True
