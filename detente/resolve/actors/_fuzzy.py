"""One-edit spelling correction for long names ("Ethopia", "Phillippines", "peackeepers").

Hand-typed news and gold-standard texts misspell names; an exact-match dictionary then loses a country it knows
well. Only words of seven letters or more that are unknown as spelled are corrected, and only when a single known
word is one edit away, so "Nigerian" and "Nigerien" (both known) never trade places.
"""

from __future__ import annotations

from ._index import Index

_PROPER = frozenset({"country", "demonym", "people", "capital", "surname", "person"})
FUZZY_MIN = 7  # shorter words are too often a different word one edit away
_MEMO_MAX = 50_000  # remembered corrections; news vocabulary recurs, so the memo is cleared rather than evicted


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of at most one."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


class Fuzzy:
    def __init__(self, ix: Index) -> None:
        self._proper: dict[str, set[str]] = {}
        self._common: dict[str, set[str]] = {}
        # the same unknown words ("announced", "Kritenbrink") come back in every document: remember each answer
        self._memo: dict[tuple[str, bool], str | None] = {}
        for k, lexes in ix.lex.items():
            if " " in k or len(k) < FUZZY_MIN or not k.isalpha():
                continue
            kinds = {lx.kind for lx in lexes}
            if kinds & _PROPER:
                if any(lx.kind != "surname" or k not in ix.weak_surnames for lx in lexes):
                    self._add(self._proper, k)
            elif "agent" in kinds and len(k) > FUZZY_MIN:
                self._add(self._common, k)

    @staticmethod
    def _add(table: dict[str, set[str]], word: str) -> None:
        table.setdefault(word, set()).add(word)
        for d in _deletes(word):
            table.setdefault(d, set()).add(word)

    def correct(self, word: str, proper: bool) -> str | None:
        """The single known word one edit from ``word`` (names when ``proper``, agent words otherwise), or None."""
        memo_key = (word, proper)
        if memo_key in self._memo:
            return self._memo[memo_key]
        if len(self._memo) >= _MEMO_MAX:
            self._memo.clear()
        self._memo[memo_key] = answer = self._correct(word, proper)
        return answer

    def _correct(self, word: str, proper: bool) -> str | None:
        table = self._proper if proper else self._common
        found: set[str] = set()
        for variant in {word} | _deletes(word):
            found |= table.get(variant, set())
        found = {w for w in found if w[0] == word[0] and one_edit(word, w)}
        return found.pop() if len(found) == 1 else None
